from odoo import api, fields, models


class ProductCategory(models.Model):
    _inherit = "product.category"

    alltricks_discipline_id = fields.Many2one(
        comodel_name="alltricks.discipline",
        string="Discipline",
        help="Support questions about products of this category go to experts of "
        "this discipline; its sub-categories that set none follow it. Leave it "
        "empty to follow the parent category.",
    )
    alltricks_effective_discipline_id = fields.Many2one(
        comodel_name="alltricks.discipline",
        string="Routed to",
        recursive=True,
        compute="_compute_alltricks_effective_discipline_id",
        store=True,
        help="Discipline whose experts get support questions about products of "
        "this category: its own, else the nearest parent category's.",
    )

    @api.depends(
        "alltricks_discipline_id", "parent_id.alltricks_effective_discipline_id"
    )
    def _compute_alltricks_effective_discipline_id(self):
        for category in self:
            category.alltricks_effective_discipline_id = (
                category.alltricks_discipline_id
                or category.parent_id.alltricks_effective_discipline_id
            )

    def write(self, vals):
        """Helpdesk managers set the discipline of categories, and nothing else
        on them, without the product rights."""
        if (
            set(vals) == {"alltricks_discipline_id"}
            and not self.env.su
            and not self.env["product.category"].has_access("write")
            and self.env.user.has_group("helpdesk_mgmt.group_helpdesk_manager")
        ):
            self.check_access("read")
            return super(ProductCategory, self.sudo()).write(vals)
        return super().write(vals)
