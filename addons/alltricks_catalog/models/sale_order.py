import logging

from odoo import models
from odoo.exceptions import UserError

_logger = logging.getLogger(__name__)


def _format_qty(quantity):
    return int(quantity) if float(quantity).is_integer() else quantity


class SaleOrder(models.Model):
    _inherit = "sale.order"

    def _get_free_qty(self, product):
        if not (self.website_id and product.is_storable):
            return super()._get_free_qty(product)
        warehouse = self.env["stock.warehouse"].browse(self._get_shop_warehouse_id())
        return product._get_alltricks_sellable_qty(
            warehouse=warehouse, company=self.company_id
        )

    def _verify_updated_quantity(
        self, order_line, product_id, new_qty, uom_id, **kwargs
    ):
        self._alltricks_check_quantity(
            self.env["product.product"].browse(product_id),
            new_qty,
            self.env["uom.uom"].browse(uom_id),
        )
        return super()._verify_updated_quantity(
            order_line, product_id, new_qty, uom_id, **kwargs
        )

    def _action_confirm(self):
        web_orders = self.filtered("website_id")
        for line in web_orders.order_line.filtered("product_id"):
            self._alltricks_check_quantity(
                line.product_id, line.product_uom_qty, line.product_uom_id
            )
        web_orders._alltricks_check_shelf_stock()
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

    def _alltricks_check_shelf_stock(self):
        """Refuse to confirm web orders the shelves cannot serve.

        The products are locked first (see ``_alltricks_lock_shelf_stock``) so two
        customers paying for the last unit at the same moment are served one after
        the other: the second one gets a refusal, not a back-order.
        """
        demands = {order: order._get_alltricks_shelf_demand() for order in self}
        products = self.env["product.product"].concat(
            *(product for demand in demands.values() for product in demand)
        )
        products._alltricks_lock_shelf_stock()
        for order, demand in demands.items():
            for product in sorted(demand, key=lambda p: p.id):
                available = order._get_free_qty(product)
                if product.uom_id.compare(demand[product], available) > 0:
                    _logger.info(
                        "Order %s refused: %s wants %s, shelf has %s",
                        order.name,
                        product.default_code or product.id,
                        demand[product],
                        available,
                    )
                    if product.uom_id.compare(available, 0) <= 0:
                        raise UserError(
                            self.env._(
                                "Sorry, %(product)s is sold out: none is left on "
                                "our shelves. Remove it from your cart, then pay "
                                "again.",
                                product=product.display_name,
                            )
                        )
                    raise UserError(
                        self.env._(
                            "Sorry, only %(available)s %(product)s left on our "
                            "shelves for %(wanted)s ordered. Reduce the quantity in "
                            "your cart, then pay again.",
                            available=_format_qty(available),
                            product=product.display_name,
                            wanted=_format_qty(demand[product]),
                        )
                    )
