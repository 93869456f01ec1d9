from odoo import api, fields, models

BIKE_TYPES = [
    ("road", "Road"),
    ("mtb_full", "Full-suspension MTB"),
    ("hardtail", "Hardtail MTB"),
    ("ebike", "E-bike"),
    ("kids", "Kids"),
]


class ProductCategory(models.Model):
    _inherit = "product.category"

    alltricks_bike_type = fields.Selection(
        BIKE_TYPES,
        string="Bike type",
        recursive=True,
        compute="_compute_alltricks_bike_type",
        store=True,
        readonly=False,
        help="Chooses the workshop checklist of the complete bikes of this "
        "category (inherited by sub-categories).",
    )

    @api.depends("parent_id.alltricks_bike_type")
    def _compute_alltricks_bike_type(self):
        for category in self:
            category.alltricks_bike_type = (
                category.alltricks_bike_type or category.parent_id.alltricks_bike_type
            )
