from odoo import api, fields, models
from odoo.exceptions import AccessError

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

    def write(self, vals):
        self._check_alltricks_bike_type_only(vals)
        result = super().write(vals)
        if vals.get("alltricks_bike_type"):
            self._give_checklists_to_open_work_orders()
        return result

    def _check_alltricks_bike_type_only(self, vals):
        """Workshop managers may set the bike type of a category, nothing else:
        the rest of a category (accounting, routes...) is the product managers'."""
        if (
            self.env.su
            or set(vals) <= {"alltricks_bike_type"}
            or self.env.user.has_group("product.group_product_manager")
        ):
            return
        if self.env.user.has_group("alltricks_bike_prep.group_workshop_manager"):
            raise AccessError(
                self.env._(
                    "As workshop manager you may only change the Bike type of a "
                    "product category; ask a product manager for the other fields."
                )
            )

    def _give_checklists_to_open_work_orders(self):
        """Work orders created while their category had no bike type get the
        checklist of the type just set."""
        self.env["alltricks.bike.prep"]._give_missing_checklists(
            [("product_id.categ_id", "child_of", self.ids)]
        )
