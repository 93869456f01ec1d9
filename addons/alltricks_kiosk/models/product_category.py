import logging
import re

from odoo import api, fields, models
from odoo.exceptions import AccessError

_logger = logging.getLogger(__name__)

KIOSK_FIELD = "alltricks_kiosk_categ_id"
POS_MANAGER = "point_of_sale.group_pos_manager"
# AdventureWorks top-level categories of alltricks_catalog's demo loader
DEMO_ROOT = ("All", "AdventureWorks")


class ProductCategory(models.Model):
    _inherit = "product.category"

    alltricks_kiosk_categ_id = fields.Many2one(
        "pos.category",
        string="Kiosk category",
        index="btree_not_null",
        help="Point of sale category under which the showroom kiosk groups "
        "the products of this category and of its sub-categories that have "
        "no kiosk category of their own. Products whose point of sale "
        "category was chosen by hand keep it.",
    )
    alltricks_kiosk_effective_categ_id = fields.Many2one(
        "pos.category",
        string="Kiosk category in use",
        compute="_compute_alltricks_kiosk_effective_categ_id",
        recursive=True,
        help="This category's kiosk category, or else the one of its nearest "
        "parent category that has one.",
    )

    @api.depends(KIOSK_FIELD, "parent_id.alltricks_kiosk_effective_categ_id")
    def _compute_alltricks_kiosk_effective_categ_id(self):
        for category in self:
            category.alltricks_kiosk_effective_categ_id = (
                category.alltricks_kiosk_categ_id
                or category.parent_id.alltricks_kiosk_effective_categ_id
            )

    def write(self, vals):
        self._check_alltricks_kiosk_write(vals)
        result = super().write(vals)
        if {KIOSK_FIELD, "parent_id"} & set(vals):
            self._alltricks_apply_kiosk_categories()
        return result

    def _check_alltricks_kiosk_write(self, vals):
        """The kiosk category is the point of sale administrators' to set; they
        may write product categories for it (security/ir.model.access.csv) but
        nothing else of them unless another right lets them."""
        if self.env.su:
            return
        user = self.env.user
        if KIOSK_FIELD in vals and not user.has_group(POS_MANAGER):
            raise AccessError(
                self.env._(
                    "Only point of sale administrators can change the Kiosk "
                    "category of a product category: ask one of them."
                )
            )
        if (
            set(vals) - {KIOSK_FIELD}
            and user.has_group(POS_MANAGER)
            and not self._has_alltricks_other_write_access()
        ):
            raise AccessError(
                self.env._(
                    "As point of sale administrator you may only change the "
                    "Kiosk category of a product category; ask a product "
                    "manager for the other fields."
                )
            )

    def _has_alltricks_other_write_access(self):
        """Whether the user may write product categories without the access
        the kiosk gives point of sale administrators."""
        user = self.env.user
        if user.has_group("product.group_product_manager"):
            return True
        own = self.env.ref(
            "alltricks_kiosk.access_product_category_pos_manager",
            raise_if_not_found=False,
        )
        return bool(
            self.env["ir.model.access"]
            .sudo()
            .search_count(
                [
                    ("model_id.model", "=", self._name),
                    ("perm_write", "=", True),
                    ("id", "!=", own.id if own else False),
                    "|",
                    ("group_id", "=", False),
                    ("group_id", "in", user.all_group_ids.ids),
                ],
                limit=1,
            )
        )

    def _alltricks_apply_kiosk_categories(self):
        """Products of these categories (and sub-categories) on sale in the
        point of sale follow the kiosk category mapping, unless their point of
        sale category was set by hand."""
        templates = (
            self.env["product.template"]
            .sudo()
            .with_context(active_test=False)
            .search(
                [
                    ("categ_id", "child_of", self.ids),
                    ("available_in_pos", "=", True),
                    "|",
                    ("pos_categ_ids", "=", False),
                    ("alltricks_pos_categ_auto", "=", True),
                ]
            )
        )
        return templates._alltricks_apply_kiosk_category()

    @api.model
    def _alltricks_setup_demo_kiosk_categories(self):
        """Demo data: one kiosk category per AdventureWorks top-level category
        (Bikes, Components, Clothing, Accessories), mapped to it.

        Runs on every update of a demo database; a kiosk category is created
        (with a noupdate xmlid) and mapped only the first time, so later
        changes to the mapping stay.
        """
        root = self.search(
            [
                ("name", "=", DEMO_ROOT[1]),
                ("parent_id.name", "=", DEMO_ROOT[0]),
                ("parent_id.parent_id", "=", False),
            ],
            limit=1,
        )
        created = self.env["pos.category"]
        if not root:
            return created
        tops = self.search([("parent_id", "=", root.id)], order="name")
        for sequence, category in enumerate(tops, 1):
            slug = re.sub(r"\W+", "_", category.name.lower()).strip("_")
            xmlid = f"alltricks_kiosk.pos_category_demo_{slug}"
            if self.env.ref(xmlid, raise_if_not_found=False):
                continue
            kiosk_category = self.env["pos.category"].create(
                {"name": category.name, "sequence": sequence * 10}
            )
            self.env["ir.model.data"]._update_xmlids(
                [{"xml_id": xmlid, "record": kiosk_category, "noupdate": True}]
            )
            if not category.alltricks_kiosk_categ_id:
                category.alltricks_kiosk_categ_id = kiosk_category
            created |= kiosk_category
        if created:
            _logger.info("Demo kiosk categories created: %s", created.mapped("name"))
        return created
