from odoo import api, fields, models


class AlltricksLookalikeGroup(models.Model):
    """Products a picker may take for one another, kept apart in the bins.

    Sizes and colours of one template are always kept apart; a group adds
    products of different templates ("short vs long cage derailleur", "chain and
    its quick link") to the same rule.
    """

    _name = "alltricks.lookalike.group"
    _description = "Look-alike products"
    _order = "name, id"

    name = fields.Char(required=True)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", default=lambda self: self.env.company, index=True
    )
    note = fields.Text(help="What makes these products easy to mix up.")
    product_tmpl_ids = fields.Many2many(
        "product.template",
        "alltricks_lookalike_group_product_template_rel",
        "group_id",
        "product_tmpl_id",
        string="Product templates",
        help="Every variant of these templates belongs to the group.",
    )
    product_ids = fields.Many2many(
        "product.product",
        "alltricks_lookalike_group_product_product_rel",
        "group_id",
        "product_id",
        string="Product variants",
        help="Single variants, when only some variants of a template look alike.",
    )
    product_count = fields.Integer(compute="_compute_product_count")

    @api.depends("product_tmpl_ids", "product_ids")
    def _compute_product_count(self):
        for group in self:
            variants = group.product_ids | group.product_tmpl_ids.product_variant_ids
            group.product_count = len(variants)

    @api.model
    def _get_groups_by_product(self, products, company):
        """``{product id: (group ids, ...)}`` for ``products`` in ``company``,
        whatever the user's rights: putaway keeps look-alikes apart for all."""
        groups = self.sudo().search(
            [
                ("company_id", "in", [False, company.id]),
                "|",
                ("product_tmpl_ids", "in", products.product_tmpl_id.ids),
                ("product_ids", "in", products.ids),
            ]
        )
        by_product = {}
        for group in groups:
            members = set(group.product_ids.ids) | set(
                group.product_tmpl_ids.product_variant_ids.ids
            )
            for product_id in members & set(products.ids):
                by_product.setdefault(product_id, []).append(group.id)
        return {key: tuple(sorted(value)) for key, value in by_product.items()}
