from odoo.tests import tagged

from .common_shop import ShopHttpCommon


@tagged("post_install", "-at_install")
class TestCartSoldOutPage(ShopHttpCommon):
    """Add to cart from a product page left open after the product sold out."""

    def setUp(self):
        super().setUp()
        self._put_on_shelf(1)
        self._put_on_shelf(-1)  # the last unit left: unpublished at the flush
        self.assertFalse(self.product.is_published)

    def _assert_sold_out_answer(self, answer):
        self.assertEqual(
            answer["notification_info"]["warning"],
            "Sorry, Zefal Pulse bottle cage is sold out.",
        )
        self.assertEqual(answer["quantity"], 0)

    def test_portal_customer_is_told_it_sold_out(self):
        self.authenticate("cage_buyer", "cage_buyer")

        answer = self._add_to_cart(1)

        self._assert_sold_out_answer(answer)
        self.assertFalse(self._customer_cart().order_line)

    def test_visitor_is_told_it_sold_out(self):
        self.authenticate(None, None)
        carts_before = self.env["sale.order"].search_count([])

        answer = self._add_to_cart(1)

        self._assert_sold_out_answer(answer)
        self.assertEqual(answer["cart_quantity"], 0)
        self.assertEqual(self.env["sale.order"].search_count([]), carts_before)

    def test_published_product_is_still_added(self):
        self._put_on_shelf(2)
        self.assertTrue(self.product.is_published)
        self.authenticate("cage_buyer", "cage_buyer")

        answer = self._add_to_cart(1)

        self.assertEqual(answer["quantity"], 1)
        self.assertEqual(self._customer_cart().order_line.product_uom_qty, 1)
