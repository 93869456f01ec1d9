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

    def _kiosk_data(self):
        user = self.config.self_ordering_default_user_id
        return self.config.with_user(user).load_self_data()

    def _kiosk_names(self):
        return {t["name"] for t in self._kiosk_data()["product.template"]}

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

    def test_kiosk_quantity_counts_bins_and_showroom_not_stock_put_away_later(self):
        self._put(self.bike, self.input, 7)

        self.assertEqual(self._kiosk_qty(self.bike), 2.0)
        self.assertEqual(self._kiosk_qty(self.helmet), 0.0)
        self.assertEqual(
            self._kiosk_qty(self.bike),
            self.bike._get_alltricks_sellable_qty(self.warehouse),
        )

    def test_item_the_shop_publishes_goes_on_sale_in_the_point_of_sale(self):
        self.assertTrue(self.bike.is_published)
        self.assertEqual(
            [p.available_in_pos for p in (self.bike, self.helmet, self.pump)],
            [True, False, False],
        )

    def test_item_ticked_available_in_pos_still_follows_the_shop_rule(self):
        (self.helmet | self.pump).available_in_pos = True

        names = self._kiosk_names()

        self.assertNotIn("Unshelved Helmet", names)
        self.assertNotIn("Draft Sheet Pump", names)

    def test_item_taken_off_the_point_of_sale_stays_off_until_published_again(self):
        self.bike.available_in_pos = False
        self._put(self.bike, self.bin, 1)

        self.assertNotIn("Showroom Gravel Bike", self._kiosk_names())
        self._web_order(self.bike, 3)
        self.env.cr.flush()
        self.assertFalse(self.bike.is_published)
        self._put(self.bike, self.bin, 1)
        self.assertTrue(self.bike.is_published)
        self.assertTrue(self.bike.available_in_pos)

    def test_install_puts_products_on_sale_in_the_shop_on_the_kiosk(self):
        self.bike.available_in_pos = False

        self.env["product.template"]._alltricks_sync_available_in_pos()

        self.assertTrue(self.bike.available_in_pos)
        self.assertFalse(self.helmet.available_in_pos)
        self.assertFalse(self.pump.available_in_pos)
