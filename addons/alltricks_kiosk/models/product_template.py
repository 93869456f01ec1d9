import logging

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.fields import Command, Domain

_logger = logging.getLogger(__name__)


class ProductTemplate(models.Model):
    _inherit = "product.template"

    alltricks_pos_categ_auto = fields.Boolean(
        string="Point of sale category from the kiosk mapping",
        help="Set when the point of sale category came from the Kiosk category "
        "of the product category: it follows the mapping. Choosing the point "
        "of sale category by hand clears it, and the mapping leaves the "
        "product alone.",
    )

    @api.model_create_multi
    def create(self, vals_list):
        templates = super().create(vals_list)
        templates._alltricks_apply_kiosk_category()
        return templates

    def write(self, vals):
        mapping = self.env.context.get("alltricks_kiosk_mapping")
        if "pos_categ_ids" in vals and not mapping:
            vals = {**vals, "alltricks_pos_categ_auto": False}
        result = super().write(vals)
        if not mapping and {"available_in_pos", "categ_id"} & set(vals):
            self._alltricks_apply_kiosk_category()
        return result

    def _ensure_unused_in_pos(self):
        """Odoo refuses to archive any product on sale in the point of sale
        while a session is open. The kiosk puts every published product on
        sale there and the showroom session is open all day, so that would
        refuse every archive: only an unpaid order of an open session, which
        its point of sale reloads with the product, still blocks it."""
        orders = self._get_alltricks_unpaid_pos_orders()
        if not orders:
            return
        products = orders.lines.product_id.product_tmpl_id & self
        raise UserError(
            self.env._(
                "%(products)s cannot be archived yet: unpaid orders of an open "
                "point of sale session contain it (%(orders)s). Take their "
                "payment or cancel them at the point of sale, then archive it "
                "again.",
                products=", ".join(products.mapped("display_name")),
                orders=", ".join(
                    f"{order.tracking_number or order.pos_reference} "
                    f"({order.config_id.name})"
                    for order in orders[:5]
                ),
            )
        )

    def _get_alltricks_unpaid_pos_orders(self):
        """Unpaid orders of open point of sale sessions with ``self`` in."""
        return (
            self.env["pos.order"]
            .sudo()
            .search(
                [
                    ("state", "=", "draft"),
                    ("session_id.state", "!=", "closed"),
                    ("lines.product_id.product_tmpl_id", "in", self.ids),
                ],
                order="id",
            )
        )

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

    def _alltricks_apply_kiosk_category(self):
        """Give the products of ``self`` on sale in the point of sale the Kiosk
        category of their product category (or of its nearest parent that has
        one), when they have no point of sale category or got theirs from the
        mapping; a point of sale category chosen by hand is kept."""
        templates = self.sudo().filtered(
            lambda t: (
                t.available_in_pos
                and (t.alltricks_pos_categ_auto or not t.pos_categ_ids)
            )
        )
        changed = self.browse()
        groups = templates.grouped(
            lambda t: t.categ_id.alltricks_kiosk_effective_categ_id
        )
        for kiosk_category, group in groups.items():
            to_change = group.filtered(
                lambda t, kiosk_category=kiosk_category: (
                    t.pos_categ_ids != kiosk_category
                )
            )
            if not to_change:
                continue
            to_change.with_context(alltricks_kiosk_mapping=True).write(
                {
                    "pos_categ_ids": [Command.set(kiosk_category.ids)],
                    "alltricks_pos_categ_auto": bool(kiosk_category),
                }
            )
            _logger.debug(
                "Kiosk category %s given to products %s",
                kiosk_category.id,
                to_change.ids,
            )
            changed |= to_change
        return changed
