import logging

from odoo import fields, models
from odoo.exceptions import UserError
from odoo.tools import float_round

_logger = logging.getLogger(__name__)


def _format_qty(quantity):
    return int(quantity) if float(quantity).is_integer() else quantity


class SaleOrder(models.Model):
    _inherit = "sale.order"

    alltricks_paid_refusal = fields.Text(
        string="Paid but sold out",
        readonly=True,
        copy=False,
        help="Shown to the customer on the confirmation page: his payment was "
        "received but an item sold out meanwhile; the order waits for the shop.",
    )

    def _get_free_qty(self, product):
        if not (self.website_id and product.is_storable):
            return super()._get_free_qty(product)
        warehouse = self.env["stock.warehouse"].browse(self._get_shop_warehouse_id())
        return product._get_alltricks_sellable_qty(
            warehouse=warehouse, company=self.company_id
        )

    def _cart_add(self, product_id, quantity=1.0, *, uom_id=None, **kwargs):
        # Odoo adds a negative quantity to the line already in the cart, and
        # removes the line when the sum falls to 0 or below: a cart is emptied
        # with the cart's own remove button (a line set to 0), never by an add.
        product = self.env["product.product"].browse(product_id)
        self._alltricks_check_quantity(
            product, quantity, self.env["uom.uom"].browse(uom_id)
        )
        return super()._cart_add(product_id, quantity, uom_id=uom_id, **kwargs)

    def _verify_updated_quantity(
        self, order_line, product_id, new_qty, uom_id, **kwargs
    ):
        product = self.env["product.product"].browse(product_id)
        uom = self.env["uom.uom"].browse(uom_id)
        self._alltricks_check_quantity(product, new_qty, uom)
        if self._is_alltricks_shelf_check_skipped(product):
            return self._get_alltricks_shelf_capped_qty(
                order_line, product, new_qty, uom
            )
        return super()._verify_updated_quantity(
            order_line, product_id, new_qty, uom_id, **kwargs
        )

    def _is_alltricks_shelf_check_skipped(self, product):
        """Whether website_sale_stock skips ``product`` in this web order although
        the shelf governs it: a storable product ticked "sell when out of stock".
        """
        return bool(
            self.website_id and product.is_storable and product.allow_out_of_stock_order
        )

    def _get_alltricks_shelf_capped_qty(self, order_line, product, new_qty, uom):
        """Return (quantity, warning): ``new_qty`` of ``product`` on ``order_line``
        (in ``uom``) lowered to what the shelf still holds beside the rest of the
        cart, for a product ticked "sell when out of stock"."""
        cart_qty, free_qty = self._get_cart_and_free_qty(product)
        old_qty = order_line.product_uom_qty if order_line else 0.0
        other_qty = product.uom_id._compute_quantity(cart_qty, uom) - old_qty
        shelf_qty = float_round(
            product.uom_id._compute_quantity(free_qty, uom, round=False),
            precision_digits=0,
            rounding_method="DOWN",
        )
        allowed_qty = shelf_qty - other_qty
        if uom.compare(new_qty, allowed_qty) <= 0:
            return new_qty, ""

        _logger.debug(
            "Cart %s: %s capped at %s (shelf %s)",
            self.id,
            product.id,
            allowed_qty,
            shelf_qty,
        )
        if order_line and allowed_qty > 0:
            warning = order_line._set_shop_warning_stock(
                _format_qty(other_qty + new_qty), _format_qty(shelf_qty), save=False
            )
        elif allowed_qty > 0:
            warning = self.env._(
                "Only %(available)s %(product)s left on our shelves: your cart "
                "holds %(available)s.",
                available=_format_qty(shelf_qty),
                product=product.display_name,
            )
        else:
            warning = self.env._(
                "Sorry, no more %(product)s is left on our shelves for your cart.",
                product=product.display_name,
            )
        return allowed_qty, warning

    def _alltricks_fit_cart_to_shelf(self):
        """Lower the cart lines the shelves can no longer serve; return the
        warnings shown to the customer (none when the cart fits).

        Stock may leave the shelf (another order, a breakage) after the cart was
        filled: the cart is lowered as a cart update would be, with its message,
        so the customer sees it before paying rather than a refusal after.
        """
        self.ensure_one()
        warnings = self._alltricks_remove_withdrawn_lines()
        # a combo item is left to the check at payment: lowering it alone
        # would break its combo
        lines = self.order_line.filtered(
            lambda line: line.product_id.is_storable and not line.combo_item_id
        )
        for line in lines:
            if not line.exists() or line._check_availability():
                continue
            result = self._cart_update_line_quantity(line.id, line.product_uom_qty)
            if result.get("warning"):
                warnings.append(result["warning"])
        if warnings:
            _logger.info("Cart %s lowered to the shelf stock", self.name)
            self.shop_warning = "\n".join(warnings)
        return warnings

    def _get_alltricks_withdrawn_lines(self):
        """Lines of shelf goods whose sheet is no longer validated: the product
        left the shop (its sheet went back to draft) after it went in the cart."""
        return self.order_line.filtered(
            lambda line: (
                line.product_id.is_storable
                and line.product_id.product_tmpl_id.sheet_state != "validated"
            )
        )

    def _alltricks_remove_withdrawn_lines(self):
        """Take out of the cart the products no longer on sale; return the
        warnings shown to the customer."""
        # a combo item is left to the check at confirmation, as for the shelf
        lines = self._get_alltricks_withdrawn_lines().filtered(
            lambda line: not line.combo_item_id
        )
        warnings = [
            self.env._(
                "%(product)s is no longer on sale and was removed from your cart.",
                product=product.display_name,
            )
            for product in lines.product_id
        ]
        if lines:
            _logger.info(
                "Cart %s: products off sale removed: %s",
                self.name,
                lines.product_id.ids,
            )
            lines.unlink()
        return warnings

    def _action_confirm(self):
        web_orders = self.filtered("website_id")
        for line in web_orders.order_line.filtered("product_id"):
            self._alltricks_check_quantity(
                line.product_id, line.product_uom_qty, line.product_uom_id
            )
        web_orders._alltricks_check_shelf_stock()
        web_orders.filtered("alltricks_paid_refusal").alltricks_paid_refusal = False
        return super()._action_confirm()

    def _alltricks_check_quantity(self, product, quantity, uom):
        """Refuse a negative quantity, or a part of a product sold in units."""
        if product.uom_id.compare(quantity, 0) < 0:
            raise UserError(
                self.env._(
                    "%(quantity)s %(product)s: a quantity cannot be negative. "
                    "Enter the number of items you want.",
                    quantity=_format_qty(quantity),
                    product=product.display_name,
                )
            )
        units = self.env.ref("uom.product_uom_unit", raise_if_not_found=False)
        if not units or product.uom_id != units:
            return
        in_units = (uom or units)._compute_quantity(quantity, units, round=False)
        if units.compare(in_units, round(in_units)) != 0:
            raise UserError(
                self.env._(
                    "%(product)s is sold by the unit: %(quantity)s is not a "
                    "whole number. Enter a whole number of items.",
                    product=product.display_name,
                    quantity=_format_qty(quantity),
                )
            )

    def _get_alltricks_shelf_demand(self):
        """Return {product: quantity in its uom} of the lines the shelf must hold."""
        demand = {}
        for line in self.order_line:
            product = line.product_id
            # whatever allow_out_of_stock_order says: the shop never oversells
            if not product.is_storable:
                continue
            quantity = line.product_uom_id._compute_quantity(
                line.product_uom_qty, product.uom_id
            )
            demand[product] = demand.get(product, 0.0) + quantity
        return demand

    def _get_alltricks_shelf_shortages(self):
        """Return [(order, product, wanted, available)] for the lines the shelves
        cannot serve, in order and product id order (empty when all fit).

        The products are locked first (see ``_alltricks_lock_shelf_stock``) so two
        customers paying for the last unit at the same moment are served one after
        the other: the second one sees the reservation of the first.
        """
        demands = {order: order._get_alltricks_shelf_demand() for order in self}
        products = self.env["product.product"].concat(
            *(product for demand in demands.values() for product in demand)
        )
        products._alltricks_lock_shelf_stock()
        shortages = []
        for order, demand in demands.items():
            for product in sorted(demand, key=lambda p: p.id):
                # a product taken off sale is served from no shelf
                available = (
                    order._get_free_qty(product)
                    if product.product_tmpl_id.sheet_state == "validated"
                    else 0.0
                )
                if product.uom_id.compare(demand[product], available) > 0:
                    _logger.info(
                        "Order %s short: %s wants %s, shelf has %s",
                        order.name,
                        product.default_code or product.id,
                        demand[product],
                        available,
                    )
                    shortages.append((order, product, demand[product], available))
        return shortages

    def _alltricks_check_shelf_stock(self):
        """Refuse to confirm web orders the shelves cannot serve."""
        shortages = self._get_alltricks_shelf_shortages()
        if shortages:
            order, product, wanted, available = shortages[0]
            raise UserError(
                order._get_alltricks_shortage_message(product, wanted, available)
            )

    def _get_alltricks_paid_transactions(self):
        """The payments received for this order (done, or authorized to capture)."""
        self.ensure_one()
        return self.sudo().transaction_ids.filtered(
            lambda tx: (
                tx.state in ("done", "authorized")
                and tx.operation not in ("refund", "validation")
            )
        )

    def _get_alltricks_sold_out_responsible(self):
        """Who settles a paid order held for want of stock: its salesperson, the
        shop's, else a sales manager of its company."""
        self.ensure_one()
        responsible = self.user_id or self.website_id.salesperson_id
        if responsible:
            return responsible
        managers = self.env.ref("sales_team.group_sale_manager").sudo().all_user_ids
        return managers.filtered(
            lambda user: self.company_id in user.company_ids and not user.share
        ).sorted("id")[:1] or self.env.ref("base.user_admin")

    def _get_alltricks_shortage_message(self, product, wanted, available):
        """The refusal of a confirmation: the customer of an unpaid order fixes
        his cart; a paid order is for the shop to settle."""
        self.ensure_one()
        if product.product_tmpl_id.sheet_state != "validated":
            return self._get_alltricks_withdrawn_message(product)
        if self._get_alltricks_paid_transactions():
            return self.env._(
                "%(order)s is paid but %(product)s is short on our shelves "
                "(%(available)s left for %(wanted)s ordered). Put the item on a "
                "shelf bin, or refund the customer and cancel the order.",
                order=self.name,
                product=product.display_name,
                available=_format_qty(max(available, 0)),
                wanted=_format_qty(wanted),
            )
        if product.uom_id.compare(available, 0) <= 0:
            return self.env._(
                "Sorry, %(product)s is sold out: none is left on our shelves. "
                "Remove it from your cart, then pay again.",
                product=product.display_name,
            )
        return self.env._(
            "Sorry, only %(available)s %(product)s left on our shelves for "
            "%(wanted)s ordered. Reduce the quantity in your cart, then pay again.",
            available=_format_qty(available),
            product=product.display_name,
            wanted=_format_qty(wanted),
        )

    def _get_alltricks_withdrawn_message(self, product):
        """The refusal of a confirmation holding a product taken off sale."""
        self.ensure_one()
        if self._get_alltricks_paid_transactions():
            return self.env._(
                "%(order)s is paid but %(product)s is no longer on sale (its "
                "product sheet is not validated). Validate the sheet again, or "
                "refund the customer and cancel the order.",
                order=self.name,
                product=product.display_name,
            )
        return self.env._(
            "Sorry, %(product)s is no longer on sale. Remove it from your cart, "
            "then pay again.",
            product=product.display_name,
        )
