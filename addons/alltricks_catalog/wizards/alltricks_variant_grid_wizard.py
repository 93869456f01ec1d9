from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.fields import Command


class AlltricksVariantGridWizard(models.TransientModel):
    _name = "alltricks.variant.grid.wizard"
    _description = "Size and colour variant grid"

    product_tmpl_id = fields.Many2one(
        "product.template", string="Product", required=True, ondelete="cascade"
    )
    size_attribute_id = fields.Many2one(
        "product.attribute",
        string="Size attribute",
        required=True,
        default=lambda self: self._default_attribute(["Size", "Taille"]),
    )
    size_value_ids = fields.Many2many(
        "product.attribute.value",
        "alltricks_variant_grid_size_rel",
        string="Sizes",
        domain="[('attribute_id', '=', size_attribute_id)]",
    )
    colour_attribute_id = fields.Many2one(
        "product.attribute",
        string="Colour attribute",
        required=True,
        default=lambda self: self._default_attribute(["Color", "Colour", "Couleur"]),
    )
    colour_value_ids = fields.Many2many(
        "product.attribute.value",
        "alltricks_variant_grid_colour_rel",
        string="Colours",
        domain="[('attribute_id', '=', colour_attribute_id)]",
    )
    variant_count = fields.Integer(compute="_compute_variant_count")

    @api.model
    def _default_attribute(self, names):
        return self.env["product.attribute"].search([("name", "in", names)], limit=1)

    @api.depends("size_value_ids", "colour_value_ids")
    def _compute_variant_count(self):
        for wizard in self:
            wizard.variant_count = len(wizard.size_value_ids) * len(
                wizard.colour_value_ids
            )

    def action_apply(self):
        """Give the product one variant per size and colour, in one step."""
        self.ensure_one()
        if not (self.size_value_ids and self.colour_value_ids):
            raise UserError(
                self.env._("Pick at least one size and one colour to build the grid.")
            )
        if self.size_attribute_id == self.colour_attribute_id:
            raise UserError(
                self.env._("Sizes and colours must come from two different attributes.")
            )
        commands = [
            self._prepare_line_command(self.size_attribute_id, self.size_value_ids),
            self._prepare_line_command(self.colour_attribute_id, self.colour_value_ids),
        ]
        self.product_tmpl_id.write({"attribute_line_ids": commands})
        return {"type": "ir.actions.act_window_close"}

    def _prepare_line_command(self, attribute, values):
        line = self.product_tmpl_id.attribute_line_ids.filtered(
            lambda existing: existing.attribute_id == attribute
        )
        if line:
            return Command.update(
                line.id, {"value_ids": [Command.link(value.id) for value in values]}
            )
        return Command.create(
            {"attribute_id": attribute.id, "value_ids": [Command.set(values.ids)]}
        )
