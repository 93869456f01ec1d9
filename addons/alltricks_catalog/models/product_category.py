from odoo import api, fields, models


class ProductCategory(models.Model):
    _inherit = "product.category"

    alltricks_complete_bike = fields.Boolean(
        string="Complete bikes",
        recursive=True,
        compute="_compute_alltricks_complete_bike",
        store=True,
        readonly=False,
        help="Products of this category (and its sub-categories) are complete "
        "bikes: they are prepared in the workshop and leave at the bike cut-off.",
    )

    @api.depends("parent_id.alltricks_complete_bike")
    def _compute_alltricks_complete_bike(self):
        for category in self:
            category.alltricks_complete_bike = (
                category.alltricks_complete_bike
                or category.parent_id.alltricks_complete_bike
            )
