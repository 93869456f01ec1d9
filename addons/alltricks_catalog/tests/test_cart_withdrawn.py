from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import ShelfCommon, pay_with_demo, prepare_demo_provider


@tagged("post_install", "-at_install")
class TestCartWithdrawn(ShelfCommon):
    """A product whose sheet goes back to draft leaves the shop: the carts that
    hold it lose it before payment, and no web order sells it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        prepare_demo_provider(cls.env)
        cls.other = cls._create_validated_product("Schwalbe tube 700x35")

    def setUp(self):
        super().setUp()
        self._put_on_shelf(self.product, 3)
        self._put_on_shelf(self.other, 3)

    def _withdraw(self):
        self.product.product_tmpl_id.action_sheet_reset()
        self.assertEqual(self.product.sheet_state, "draft")

    def test_cart_loses_the_withdrawn_product_before_payment(self):
        cart = self._web_cart()
        cart._cart_add(self.product.id, 1)
        cart._cart_add(self.other.id, 2)
        self._withdraw()

        warnings = cart._alltricks_fit_cart_to_shelf()

        self.assertEqual(
            warnings,
            [
                f"{self.product.display_name} is no longer on sale and was "
                "removed from your cart."
            ],
        )
        self.assertEqual(cart.order_line.product_id, self.other)
        self.assertEqual(cart.shop_warning, warnings[0])

    def test_unpaid_order_with_a_withdrawn_product_is_not_confirmed(self):
        order = self._web_order(self.product, 1)
        self._withdraw()
        with self.assertRaises(UserError) as refusal:
            order.action_confirm()
        self.assertIn("is no longer on sale. Remove it", str(refusal.exception))
        self.assertEqual(order.state, "draft")

    def test_paid_order_with_a_withdrawn_product_is_held(self):
        order = self._web_order(self.product, 1)
        tx = pay_with_demo(order)
        self._withdraw()

        tx._post_process()  # must not raise: the money is taken

        self.assertEqual(order.state, "draft")
        self.assertTrue(tx.is_post_processed)
        self.assertIn(self.product.display_name, order.alltricks_paid_refusal)
        notes = order.message_ids.filtered(
            lambda message: "is no longer on sale" in (message.body or "")
        )
        self.assertEqual(len(notes), 1)

    def test_back_office_order_is_not_concerned(self):
        order = self.env["sale.order"].create(
            {
                "partner_id": self.customer.id,
                "order_line": [
                    (0, 0, {"product_id": self.product.id, "product_uom_qty": 1})
                ],
            }
        )
        self._withdraw()
        order.action_confirm()
        self.assertEqual(order.state, "sale")
