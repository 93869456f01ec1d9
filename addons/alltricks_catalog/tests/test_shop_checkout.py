from urllib.parse import urlparse

from odoo.tests import tagged

from .common_shop import ShopHttpCommon


@tagged("post_install", "-at_install")
class TestShopCheckout(ShopHttpCommon):
    """A portal customer reaches payment only with a cart the shelf can serve."""

    def setUp(self):
        super().setUp()
        self._put_on_shelf(3)
        self.authenticate("cage_buyer", "cage_buyer")

    def test_short_cart_goes_back_to_the_cart_before_payment(self):
        self._add_to_cart(3)
        # another customer's parcel took 2 units off the bin meanwhile
        self._put_on_shelf(-2)

        response = self.url_open("/shop/payment")

        self.assertEqual(urlparse(response.url).path, "/shop/cart")
        self.assertIn(
            "You ask for 3 Zefal Pulse bottle cage but only 1 is available",
            response.text,
        )
        self.env.invalidate_all()
        cart = self._customer_cart()
        self.assertEqual(cart.order_line.product_uom_qty, 1)
        self.assertEqual(cart.state, "draft")

    def test_cart_the_shelf_serves_reaches_payment(self):
        self._add_to_cart(3)

        response = self.url_open("/shop/payment")

        self.assertEqual(response.status_code, 200)
        self.assertEqual(urlparse(response.url).path, "/shop/payment")
        self.env.invalidate_all()
        self.assertEqual(self._customer_cart().order_line.product_uom_qty, 3)
