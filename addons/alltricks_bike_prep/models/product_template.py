from odoo import api, fields, models


class ProductTemplate(models.Model):
    _inherit = "product.template"

    alltricks_fork_model = fields.Char(
        string="Fork model",
        help="Suspension fork fitted on this bike, as written in the suspension "
        "settings table (e.g. RockShox Pike).",
    )
    alltricks_shock_model = fields.Char(
        string="Rear shock model",
        help="Rear shock fitted on this bike, as written in the suspension "
        "settings table (e.g. Fox Float X).",
    )
    alltricks_needs_rider_weight = fields.Boolean(
        string="Needs rider weight",
        compute="_compute_alltricks_needs_rider_weight",
        help="A complete bike with suspension: the rider's weight sets its pressures.",
    )

    @api.depends(
        "alltricks_fork_model",
        "alltricks_shock_model",
        "categ_id.alltricks_complete_bike",
    )
    def _compute_alltricks_needs_rider_weight(self):
        for template in self:
            template.alltricks_needs_rider_weight = bool(
                template.categ_id.alltricks_complete_bike
                and (template.alltricks_fork_model or template.alltricks_shock_model)
            )
