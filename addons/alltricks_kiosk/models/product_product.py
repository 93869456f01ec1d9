from odoo import api, fields, models
from odoo.fields import Domain


class ProductProduct(models.Model):
    _inherit = "product.product"

    alltricks_kiosk_qty = fields.Float(
        string="Kiosk available quantity",
        compute="_compute_alltricks_kiosk_qty",
        digits="Product Unit",
        help="Units in sellable locations (bins and showroom) that no order "
        "has reserved yet.",
    )

    @api.depends_context("company", "alltricks_warehouse_id")
    def _compute_alltricks_kiosk_qty(self):
        warehouse = self.env["stock.warehouse"].browse(
            self.env.context.get("alltricks_warehouse_id")
        )
        quantities = self._get_alltricks_sellable_quantities(
            warehouse or None, self.env.company
        )
        for product in self:
            product.alltricks_kiosk_qty = max(quantities.get(product.id, 0.0), 0.0)

    def _send_availability_status(self):
        # product.template sends one batched message instead
        if self.env.context.get("alltricks_batch_availability"):
            return
        return super()._send_availability_status()

    @api.model
    def _get_kiosk_visible_products(self, warehouse=None):
        """Products a kiosk shows, by the web shop's rule: validated sheet and
        unreserved units in the sellable locations (bins, showroom) of
        ``warehouse`` (of the current company without one)."""
        candidates = self.search(
            Domain.AND(
                [
                    self._check_company_domain(self.env.company),
                    [
                        ("sale_ok", "=", True),
                        ("available_in_pos", "=", True),
                        ("is_storable", "=", True),
                        ("product_tmpl_id.sheet_state", "=", "validated"),
                    ],
                ]
            )
        )
        quantities = candidates._get_alltricks_sellable_quantities(
            warehouse, self.env.company
        )
        return candidates.filtered(
            lambda product: product.uom_id.compare(quantities[product.id], 0.0) > 0
        )

    @api.model
    def _load_pos_self_data_domain(self, data, config):
        domain = super()._load_pos_self_data_domain(data, config)
        if not config.alltricks_showroom:
            return domain
        visible = (
            self.sudo()
            .with_company(config.company_id)
            ._get_kiosk_visible_products(config.warehouse_id)
        )
        return Domain.AND([domain, [("id", "in", visible.ids)]])

    @api.model
    def _load_pos_self_data_fields(self, config):
        fields_list = super()._load_pos_self_data_fields(config)
        if config.alltricks_showroom:
            fields_list = [*fields_list, "alltricks_kiosk_qty"]
        return fields_list

    @api.model
    def _load_pos_self_data_read(self, records, config):
        records = records.with_context(alltricks_warehouse_id=config.warehouse_id.id)
        return super()._load_pos_self_data_read(records, config)
