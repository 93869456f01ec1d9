from odoo import fields, models


class AlltricksBikePrepQcWizard(models.TransientModel):
    _name = "alltricks.bike.prep.qc.wizard"
    _description = "Record a quality check"

    work_order_id = fields.Many2one("alltricks.bike.prep", required=True)
    result = fields.Selection(
        [("passed", "Passed"), ("failed", "Failed")], required=True, default="passed"
    )
    reasons = fields.Text(help="What failed: the mechanic reads it in the chatter.")

    def action_confirm(self):
        self.ensure_one()
        self.work_order_id._record_quality_check(self.result, self.reasons)
        return {"type": "ir.actions.act_window_close"}
