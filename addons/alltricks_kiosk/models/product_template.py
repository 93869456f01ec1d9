from odoo import api, models
from odoo.fields import Domain


class ProductTemplate(models.Model):
    _inherit = "product.template"

    @api.model
    def _load_pos_self_data_domain(self, data, config):
        """A showroom kiosk follows the web shop: validated, in-stock items."""
        domain = super()._load_pos_self_data_domain(data, config)
        if not config.alltricks_showroom:
            return domain
        visible = (
            self.env["product.product"]
            .sudo()
            .with_company(config.company_id)
            ._get_kiosk_visible_products(config.warehouse_id)
        )
        return Domain.AND([domain, [("id", "in", visible.product_tmpl_id.ids)]])

    def _alltricks_sync_publication(self):
        """What the web shop puts on sale goes on sale in the point of sale too:
        a product published by alltricks_catalog (validated sheet, shelf stock)
        becomes *Available in POS*. Staff may untick it to keep a product off
        the kiosk; it is ticked again the next time the shop publishes it."""
        unpublished = self.sudo().filtered(lambda t: not t.is_published)
        result = super()._alltricks_sync_publication()
        unpublished.filtered("is_published")._alltricks_make_available_in_pos()
        return result

    @api.model
    def _alltricks_sync_available_in_pos(self):
        """On install: the products already on sale in the web shop."""
        self.sudo().search(
            [("is_published", "=", True), ("sheet_state", "=", "validated")]
        )._alltricks_make_available_in_pos()

    def _alltricks_make_available_in_pos(self):
        templates = self.filtered(lambda t: t.sale_ok and not t.available_in_pos)
        if templates:
            # unticking Available in POS unticked Available in Self Order too;
            # open kiosks hear of the products once, not one search per variant
            templates.with_context(alltricks_batch_availability=True).write(
                {"available_in_pos": True, "self_order_available": True}
            )
            templates._alltricks_send_availability_status()
        return templates

    def _alltricks_send_availability_status(self):
        """Tell the open self-order kiosks that ``self`` changed, in one message
        per kiosk (core sends one per variant, each with its own search)."""
        configs = (
            self.env["pos.config"]
            .sudo()
            .search([("self_ordering_mode", "!=", "nothing")])
            .filtered(lambda c: c.current_session_id and c.access_token)
        )
        self_models = configs and self.env["pos.config"]._load_self_data_models()
        for config in configs:
            records = self.env["product.template"].load_product_from_pos(
                config.id, [("id", "in", self.ids)]
            )
            payload = {
                model: values
                for model, values in records.items()
                if model in self_models
            }
            config._notify("PRODUCT_CHANGED", payload)
