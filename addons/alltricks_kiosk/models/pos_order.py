import logging
import math

from odoo import Command, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL

_logger = logging.getLogger(__name__)


def _format_qty(quantity):
    return int(quantity) if float(quantity).is_integer() else quantity


class PosOrder(models.Model):
    _inherit = "pos.order"

    alltricks_ready_minutes = fields.Integer(
        string="Ready in (minutes)",
        compute="_compute_alltricks_ready_minutes",
        help="Estimate shown to the visitor: express picks ahead of this "
        "one x the average pick time of the point of sale.",
    )

    def _compute_alltricks_ready_minutes(self):
        for order in self:
            express = order.sudo().picking_ids.filtered("alltricks_express")
            picking = (
                express.filtered(lambda p: p.state not in ("done", "cancel"))[:1]
                or express[:1]
            )
            order.alltricks_ready_minutes = (
                order.config_id.sudo()._get_alltricks_ready_minutes(picking)
                if picking
                else 0
            )

    def write(self, vals):
        res = super().write(vals)
        if vals.get("state") == "cancel":
            self._alltricks_cancel_express_picks()
        return res

    @api.ondelete(at_uninstall=False)
    def _unlink_alltricks_release_reservations(self):
        self._alltricks_cancel_express_picks()

    def _load_pos_self_data_fields(self, config):
        fields_list = super()._load_pos_self_data_fields(config)
        if config.alltricks_showroom:
            fields_list = [*fields_list, "alltricks_ready_minutes"]
        return fields_list

    @api.model
    def _check_pos_order(self, pos_config, order, device_type, table=None):
        # A public request: refuse a bad quantity before the order takes a
        # number, let alone creates anything.
        if pos_config.alltricks_showroom and device_type == "kiosk":
            self._alltricks_check_kiosk_cart(order.get("lines") or [])
        return super()._check_pos_order(pos_config, order, device_type, table)

    @api.model
    def _alltricks_check_kiosk_cart(self, commands):
        """Refuse the kiosk cart lines the web shop's cart would refuse, items
        the kiosk does not offer, and a cart with nothing in it."""
        lines, ordered = 0, 0.0
        for command in commands:
            if not (
                isinstance(command, (list, tuple))
                and len(command) == 3
                and command[0] in (Command.CREATE, Command.UPDATE)
                and isinstance(command[2], dict)
            ):
                continue
            values = command[2]
            product = self._get_alltricks_kiosk_product(values.get("product_id"))
            if not values.get("combo_parent_id") and not product.available_in_pos:
                # the kiosk lists only what is on sale in the point of sale
                raise UserError(
                    self.env._(
                        "Sorry, %(product)s is not sold at this kiosk: remove it "
                        "from your order or ask our staff.",
                        product=product.display_name,
                    )
                )
            # the point of sale keeps a line without a quantity at 0
            qty = self._get_alltricks_kiosk_quantity(product, values.get("qty"))
            self._alltricks_check_line_quantity(product, qty)
            lines += 1
            ordered += qty
        if not lines or ordered <= 0:
            raise UserError(
                self.env._("Your order is empty: choose at least one item.")
            )

    @api.model
    def _get_alltricks_kiosk_product(self, product_id):
        """The product a kiosk cart line names; a product archived or deleted
        since the kiosk loaded its catalogue is refused."""
        product = self.env["product.product"].sudo()
        if isinstance(product_id, int) and not isinstance(product_id, bool):
            product = product.browse(product_id).exists()
        if not product:
            raise UserError(
                self.env._(
                    "Sorry, an item of your order is no longer available: start "
                    "a new order or ask our staff."
                )
            )
        if not product.active:
            raise UserError(
                self.env._(
                    "Sorry, %(product)s is no longer sold: remove it from your "
                    "order or ask our staff for a similar item.",
                    product=product.display_name,
                )
            )
        return product

    @api.model
    def _get_alltricks_kiosk_quantity(self, product, qty):
        """The number a kiosk cart line's quantity stands for, as the point of
        sale would store it."""
        if qty is None or qty is False:
            return 0.0
        try:
            number = float(qty)
        except (TypeError, ValueError):
            number = math.nan
        if isinstance(qty, bool) or not math.isfinite(number):
            raise UserError(
                self.env._(
                    "%(qty)s is not a quantity of %(product)s: enter the number "
                    "of items you want.",
                    qty=str(qty)[:20],
                    product=product.display_name,
                )
            )
        return number

    @api.model
    def _alltricks_check_line_quantity(self, product, qty):
        """Same rule and words as the web cart (alltricks_catalog): no negative
        quantity, no part of an item sold by the unit."""
        self.env["sale.order"]._alltricks_check_quantity(product, qty, product.uom_id)

    def _force_create_picking_real_time(self):
        # An order picked by an express pick is never picked again at closing.
        return super()._force_create_picking_real_time() or bool(
            self.picking_ids.filtered("alltricks_express")
        )

    def _process_saved_order(self, draft):
        if self._alltricks_needs_express_pick():
            self._alltricks_create_express_pick()
        return super()._process_saved_order(draft)

    def _alltricks_needs_express_pick(self):
        self.ensure_one()
        return (
            self.config_id.alltricks_showroom
            and self.source == "kiosk"
            and self.state in ("draft", "paid")
            and not self.picking_ids.filtered("alltricks_express")
        )

    def _alltricks_cancel_express_picks(self):
        picks = self.sudo().picking_ids.filtered(
            lambda p: p.alltricks_express and p.state not in ("done", "cancel")
        )
        if picks:
            _logger.info("Releasing express picks %s of cancelled orders", picks.ids)
            # what the picker already took lies in a tote: say so on the cart
            scanned = {
                cart: (cart.picking_ids & picks)._get_alltricks_scanned_totes()
                for cart in picks.batch_id
            }
            orders = {cart: (cart.picking_ids & picks).pos_order_id for cart in scanned}
            picks.action_cancel()
            for cart, totes in scanned.items():
                if totes:
                    cart._alltricks_log_order_cancel(totes, orders[cart])

    def _alltricks_create_express_pick(self):
        """Reserve the order's units in sellable locations and create its pick.

        The products and their sellable quants are locked first (row locks, see
        ``_alltricks_lock_sellable_quants``) so that a web order cannot reserve
        the same units between our check and our reservation; a sold-out item
        refuses the whole order.
        """
        self.ensure_one()
        picking_type = self.config_id.picking_type_id
        if not picking_type.alltricks_express:
            raise UserError(
                self.env._(
                    "The point of sale %(name)s must use an express pick operation "
                    "type: set one in its Inventory settings.",
                    name=self.config_id.name,
                )
            )
        for line in self.lines:
            self._alltricks_check_line_quantity(line.product_id, line.qty)
        needs = self._alltricks_get_needed_quantities()
        if not needs:
            # nothing to pick: an empty pick would stay "being picked" forever
            return self.env["stock.picking"]
        quants = self._alltricks_lock_sellable_quants(needs)
        self._alltricks_check_availability(needs)
        picking = (
            self.env["stock.picking"]
            .sudo()
            .create(self._prepare_alltricks_express_picking_values(picking_type))
        )
        picking.move_ids = [
            fields.Command.create(picking._prepare_alltricks_move_values(product, qty))
            for product, qty in needs.items()
        ]
        picking.action_confirm()
        picking._alltricks_reserve_from_quants(quants)
        picking._alltricks_put_on_express_cart()
        _logger.debug("Express pick %s created for order %s", picking.name, self.name)
        return picking

    def _alltricks_get_needed_quantities(self):
        needs = {}
        for line in self.lines.filtered(lambda ln: ln.product_id.is_storable):
            needs[line.product_id] = needs.get(line.product_id, 0.0) + line.qty
        return {
            product: qty
            for product, qty in needs.items()
            if not product.uom_id.is_zero(qty)
        }

    def _alltricks_lock_sellable_quants(self, needs):
        """Lock the products, then their sellable quants, both in id order.

        The same order as alltricks_catalog's web checkout lock, so a kiosk and
        a web payment for the same item queue up instead of deadlocking.
        """
        products = self.env["product.product"].concat(*needs)
        if not products:
            return self.env["stock.quant"]
        quants = (
            self.env["stock.quant"]
            .sudo()
            .search(
                products._get_alltricks_sellable_domain(
                    self.config_id.warehouse_id or None, self.company_id
                ),
                order="in_date, id",
            )
        )
        self.env.cr.execute(
            SQL(
                "SELECT id FROM product_product WHERE id IN %s ORDER BY id "
                "FOR NO KEY UPDATE",
                tuple(products.ids),
            )
        )
        if quants:
            self.env.cr.execute(
                SQL(
                    "SELECT id FROM stock_quant WHERE id IN %s ORDER BY id "
                    "FOR NO KEY UPDATE",
                    tuple(quants.ids),
                )
            )
            quants.invalidate_recordset(["quantity", "reserved_quantity"])
        return quants

    def _alltricks_check_availability(self, needs):
        """Refuse the order when an item is not for sale any more (sheet no
        longer validated) or when fewer unreserved sellable units than ordered
        are left (the catalog's shelf quantity, read after the quants were
        locked), with a message that says which."""
        products = self.env["product.product"].concat(*needs)
        free = products._get_alltricks_sellable_quantities(
            self.config_id.warehouse_id or None, self.company_id
        )
        for product, qty in needs.items():
            message = self._get_alltricks_unavailable_message(
                product, qty, free[product.id]
            )
            if message:
                _logger.info(
                    "Kiosk order %s refused: %s wants %s, shelf has %s",
                    self.pos_reference,
                    product.default_code or product.id,
                    qty,
                    free[product.id],
                )
                raise UserError(message)

    def _get_alltricks_unavailable_message(self, product, wanted, free):
        """What the visitor reads when ``wanted`` units of ``product`` cannot be
        sold with ``free`` units left; empty when they can."""
        if (
            not product.active
            or product.product_tmpl_id.sheet_state != "validated"
            or not product.sale_ok
        ):
            return self.env._(
                "Sorry, %(product)s is no longer sold: remove it from your order "
                "or ask our staff for a similar item.",
                product=product.display_name,
            )
        if product.uom_id.compare(free, wanted) >= 0:
            return ""
        if product.uom_id.compare(free, 0.0) <= 0:
            return self.env._(
                "Sorry, %(product)s has just been sold out: remove it from your "
                "order or ask our staff for a similar item.",
                product=product.display_name,
            )
        return self.env._(
            "Sorry, only %(available)s %(product)s left for %(wanted)s ordered: "
            "lower the quantity in your order, then order again.",
            available=_format_qty(product.uom_id.round(free)),
            product=product.display_name,
            wanted=_format_qty(wanted),
        )

    def _prepare_alltricks_express_picking_values(self, picking_type):
        return {
            "picking_type_id": picking_type.id,
            "location_id": picking_type.default_location_src_id.id,
            "location_dest_id": picking_type.default_location_dest_id.id,
            "partner_id": self.partner_id.id,
            "origin": self.name,
            "priority": "1",
            "alltricks_express": True,
            "pos_order_id": self.id,
            "pos_session_id": self.session_id.id,
            "company_id": self.company_id.id,
        }
