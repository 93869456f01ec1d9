from odoo import Command
from odoo.tests import tagged
from odoo.tests.common import TransactionCase

from .common import ShowroomKioskMixin


@tagged("post_install", "-at_install")
class TestKioskCatalog(ShowroomKioskMixin, TransactionCase):
    """What the kiosk loads follows the web shop: validated, shelved, unreserved."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_showroom()
        cls.customer = cls.env["res.partner"].create({"name": "Web customer"})

    def _kiosk_data(self):
        user = self.config.self_ordering_default_user_id
        return self.config.with_user(user).load_self_data()

    def _kiosk_names(self):
        return {t["name"] for t in self._kiosk_data()["product.template"]}

    def _web_order(self, product, qty):
        order = self.env["sale.order"].create(
            {
                "partner_id": self.customer.id,
                "warehouse_id": self.warehouse.id,
                "order_line": [
                    Command.create({"product_id": product.id, "product_uom_qty": qty})
                ],
            }
        )
        order.action_confirm()
        return order

    def test_shelved_item_appears_on_the_kiosk(self):
        self.assertIn("Showroom Gravel Bike", self._kiosk_names())

    def test_item_not_put_away_never_appears_on_the_kiosk(self):
        self.assertNotIn("Unshelved Helmet", self._kiosk_names())
        variant_ids = {p["id"] for p in self._kiosk_data()["product.product"]}
        self.assertNotIn(self.helmet.id, variant_ids)

    def test_item_with_unvalidated_sheet_never_appears_on_the_kiosk(self):
        self.assertEqual(self.pump.product_tmpl_id.sheet_state, "draft")

        self.assertNotIn("Draft Sheet Pump", self._kiosk_names())

    def test_kiosk_shows_the_unreserved_sellable_quantity(self):
        self._web_order(self.bike, 1)

        variants = {p["id"]: p for p in self._kiosk_data()["product.product"]}

        self.assertEqual(variants[self.bike.id]["alltricks_kiosk_qty"], 1.0)

    def test_item_fully_reserved_for_web_orders_leaves_the_kiosk(self):
        self._web_order(self.bike, 2)

        self.assertNotIn("Showroom Gravel Bike", self._kiosk_names())

    def test_sellable_quantity_ignores_stock_not_put_away(self):
        self._put(self.bike, self.input, 7)

        quantities = (self.bike | self.helmet)._get_kiosk_sellable_qty()

        self.assertEqual(quantities, {self.bike.id: 2.0})
