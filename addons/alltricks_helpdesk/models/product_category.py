from odoo import api, fields, models


class ProductCategory(models.Model):
    _inherit = "product.category"

    alltricks_discipline_id = fields.Many2one(
        comodel_name="alltricks.discipline",
        string="Discipline",
        recursive=True,
        compute="_compute_alltricks_discipline_id",
        store=True,
        readonly=False,
        help="Support questions about products of this category (and its "
        "sub-categories, unless they set their own) go to experts of this "
        "discipline.",
    )

    @api.depends("parent_id.alltricks_discipline_id")
    def _compute_alltricks_discipline_id(self):
        for category in self:
            if not category.alltricks_discipline_id:
                category.alltricks_discipline_id = (
                    category.parent_id.alltricks_discipline_id
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
