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
        quantities = self._get_kiosk_sellable_qty(warehouse or None)
        for product in self:
            product.alltricks_kiosk_qty = quantities.get(product.id, 0.0)

    @api.model
    def _get_kiosk_quant_domain(self, warehouse=None):
        """Quants a kiosk may sell: sellable locations of the current company.

        TODO: switch to the alltricks_catalog API once it lands (see ROADMAP).
        """
        domain = Domain(
            [
                ("location_id.slot_sellable", "=", True),
                ("company_id", "=", self.env.company.id),
            ]
        )
        if warehouse:
            domain &= Domain("location_id.warehouse_id", "=", warehouse.id)
        return domain

    def _get_kiosk_sellable_qty(self, warehouse=None):
        """Return {product id: unreserved quantity in sellable locations}.

        Overridable: alltricks_catalog computes the same figure for the shop.
        """
        domain = self._get_kiosk_quant_domain(warehouse)
        if self:
            domain &= Domain("product_id", "in", self.ids)
        groups = (
            self.env["stock.quant"]
            .sudo()
            ._read_group(
                domain,
                ["product_id"],
                ["quantity:sum", "reserved_quantity:sum"],
            )
        )
        return {
            product.id: quantity - reserved
            for product, quantity, reserved in groups
            if product.uom_id.compare(quantity - reserved, 0.0) > 0
        }

    @api.model
    def _get_kiosk_visible_products(self, warehouse=None):
        """Products a kiosk shows: validated sheet and stock left to sell."""
        quantities = self._get_kiosk_sellable_qty(warehouse)
        return (
            self.browse(list(quantities))
            .filtered("sale_ok")
            .filtered(lambda product: product._is_kiosk_sheet_validated())
        )

    def _is_kiosk_sheet_validated(self):
        """True when alltricks_catalog validated the product sheet.

        Without the catalog's ``sheet_state`` field every sheet counts as
        validated, so the kiosk keeps working while that field is not there.
        """
        self.ensure_one()
        template = self.product_tmpl_id
        if "sheet_state" not in template._fields:
            return True
        return template.sheet_state == "validated"

    @api.model
    def _load_pos_self_data_domain(self, data, config):
        domain = super()._load_pos_self_data_domain(data, config)
        if not config.alltricks_showroom:
            return domain
        visible = self.sudo()._get_kiosk_visible_products(config.warehouse_id)
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
