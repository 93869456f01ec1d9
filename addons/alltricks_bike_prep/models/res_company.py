from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ResCompany(models.Model):
    _inherit = "res.company"

    alltricks_qc_every = fields.Integer(
        string="Check every n-th bike",
        default=5,
        help="Normal inspection: each mechanic's bikes number n, 2n, 3n... are "
        "checked by a workshop manager.",
    )
    alltricks_qc_streak = fields.Integer(
        string="Passes to end tightened inspection",
        default=3,
        help="After a failed check every bike of the mechanic is checked until "
        "this many consecutive checks pass.",
    )
    alltricks_prep_risk_minutes = fields.Integer(
        string="At-risk margin (minutes)",
        default=60,
        help="An open work order due within this many minutes is shown at risk "
        "on the workshop planning.",
    )

    @api.constrains("alltricks_qc_every", "alltricks_qc_streak")
    def _check_alltricks_qc_sampling(self):
        for company in self:
            if company.alltricks_qc_every < 1 or company.alltricks_qc_streak < 0:
                raise ValidationError(
                    self.env._(
                        "Check at least every bike (n >= 1) and ask for zero or "
                        "more passing checks after a failure."
                    )
                )
