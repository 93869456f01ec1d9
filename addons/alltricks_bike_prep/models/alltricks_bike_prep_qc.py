from odoo import fields, models


class AlltricksBikePrepQc(models.Model):
    _name = "alltricks.bike.prep.qc"
    _description = "Quality check of a prepared bike"
    _order = "date desc, id desc"

    work_order_id = fields.Many2one(
        "alltricks.bike.prep", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(
        related="work_order_id.company_id", store=True, index=True
    )
    mechanic_id = fields.Many2one(
        "res.users", string="Mechanic", index=True, help="Who prepared the bike."
    )
    inspector_id = fields.Many2one(
        "res.users", string="Checked by", required=True, default=lambda s: s.env.user
    )
    date = fields.Datetime(required=True, default=fields.Datetime.now)
    result = fields.Selection(
        [("passed", "Passed"), ("failed", "Failed")], required=True
    )
    reasons = fields.Text()
