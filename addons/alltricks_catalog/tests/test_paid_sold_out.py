from odoo.exceptions import UserError
from odoo.tests import tagged
from odoo.tests.common import new_test_user

from .common import ShelfCommon, pay_with_demo, prepare_demo_provider


@tagged("post_install", "-at_install")
class TestPaidSoldOut(ShelfCommon):
    """Two customers pay for the last unit: the second payment is kept, his
    order held with a note and a To-Do, and nothing escapes the post-processing."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        prepare_demo_provider(cls.env)
        cls.salesperson = new_test_user(
            cls.env, "held_seller", groups="sales_team.group_sale_salesman"
        )
        cls.website.salesperson_id = cls.salesperson
        cls.bob = cls.env["res.partner"].create({"name": "Bob Rouleur"})

    def _paid_cart(self, partner):
        """A web order for the last unit and its demo payment, done."""
        order = self._web_order(self.product, 1, partner=partner)
        order.user_id = False  # a web order of a shop user: the shop's seller
        tx = pay_with_demo(order)
        self.assertEqual(tx.state, "done")
        return order, tx

    def test_second_payment_for_the_last_unit_is_held_not_lost(self):
        self._put_on_shelf(self.product, 1)
        alice_order, alice_tx = self._paid_cart(self.customer)
        bob_order, bob_tx = self._paid_cart(self.bob)

        alice_tx._post_process()
        bob_tx._post_process()  # must not raise

        self.assertEqual(alice_order.state, "sale")
        self.assertEqual(bob_order.state, "draft")
        self.assertEqual(bob_tx.state, "done")
        self.assertTrue(bob_tx.is_post_processed)
        self.assertIn(
            "sold out while you were paying", bob_order.alltricks_paid_refusal
        )
        self.assertIn(self.product.display_name, bob_order.alltricks_paid_refusal)
        self.assertNotIn("pay again", bob_order.alltricks_paid_refusal)
        notes = bob_order.message_ids.filtered(
            lambda message: (
                bob_tx.reference in (message.body or "")
                and "was not confirmed" in message.body
            )
        )
        self.assertEqual(len(notes), 1)
        activity = bob_order.activity_ids
        self.assertEqual(len(activity), 1)
        self.assertEqual(activity.user_id, self.salesperson)
        self.assertEqual(
            activity.activity_type_id, self.env.ref("mail.mail_activity_data_todo")
        )
        self.assertEqual(
            activity.summary,
            f"Paid order refused: {self.product.display_name} sold out meanwhile "
            "— refund the customer or source the item",
        )
        self.assertFalse(alice_order.alltricks_paid_refusal)

    def test_held_order_is_noted_once_and_confirmed_once_sourced(self):
        self._put_on_shelf(self.product, 1)
        __, alice_tx = self._paid_cart(self.customer)
        bob_order, bob_tx = self._paid_cart(self.bob)
        alice_tx._post_process()
        bob_tx._post_process()
        bob_tx._post_process()  # the payment cron retrying
        self.assertEqual(len(bob_order.activity_ids), 1)

        with self.assertRaises(UserError) as refusal:
            bob_order.action_confirm()
        self.assertIn("is paid but", str(refusal.exception))
        self.assertIn("refund the customer", str(refusal.exception))

        self._put_on_shelf(self.product, 1)
        bob_order.action_confirm()
        self.assertEqual(bob_order.state, "sale")
        self.assertFalse(bob_order.alltricks_paid_refusal)

    def test_unpaid_confirmation_is_still_refused(self):
        self._put_on_shelf(self.product, 1)
        self._web_order(self.product, 1).action_confirm()
        order = self._web_order(self.product, 1, partner=self.bob)

        with self.assertRaises(UserError) as refusal:
            order.action_confirm()

        self.assertEqual(
            str(refusal.exception),
            f"Sorry, {self.product.display_name} is sold out: none is left on our "
            "shelves. Remove it from your cart, then pay again.",
        )
        self.assertEqual(order.state, "draft")
        self.assertFalse(order.activity_ids)
