from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged
from odoo.tests.common import TransactionCase, new_test_user

from .common import ShowroomKioskMixin


@tagged("post_install", "-at_install")
class TestCounterAccess(ShowroomKioskMixin, TransactionCase):
    """Handing an order over ends the sale and cancelling missing units means a
    refund: the counter's job (or an inventory administrator's), not every
    warehouse user's."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_showroom()
        cls.stock_user = new_test_user(
            cls.env, "sr_stock_user", groups="base.group_user,stock.group_stock_user"
        )
        cls.stock_manager = new_test_user(
            cls.env,
            "sr_stock_manager",
            groups="base.group_user,stock.group_stock_manager",
        )

    def _ready_paid_pick(self):
        order = self._kiosk_order(self.bike, 1)
        pick = self._express_picks(order)
        pick.with_user(self.picker).button_validate()
        self._pay_at_counter(order)
        return order, pick

    def _missing_pick(self):
        """An express pick no unit could be reserved for: shown Missing."""
        order = self._kiosk_order(self.bike, 1)
        pick = self._express_picks(order)
        pick.do_unreserve()
        self.assertEqual(pick.alltricks_counter_state, "missing")
        return order, pick

    def test_warehouse_users_cannot_hand_an_order_over(self):
        order, pick = self._ready_paid_pick()

        for user in (self.stock_user, self.picker):
            with self.assertRaises(AccessError) as refusal:
                pick.with_user(user).action_alltricks_hand_over()
            self.assertEqual(
                str(refusal.exception),
                "Only showroom counter staff or an inventory administrator can "
                "hand an order over: ask them, or ask an administrator for the "
                "Showroom counter role.",
            )

        self.assertFalse(pick.alltricks_handed_over)
        self.assertEqual(order.picking_ids, pick)

    def test_inventory_administrator_hands_an_order_over(self):
        order, pick = self._ready_paid_pick()

        pick.with_user(self.stock_manager).action_alltricks_hand_over()

        self.assertTrue(pick.alltricks_handed_over)
        self.assertEqual((order.picking_ids - pick).state, "done")

    def test_warehouse_users_cannot_cancel_missing_units(self):
        _order, pick = self._missing_pick()

        for user in (self.stock_user, self.picker):
            with self.assertRaises(AccessError) as refusal:
                pick.with_user(user).action_alltricks_cancel_missing()
            self.assertEqual(
                str(refusal.exception),
                "Only showroom counter staff or an inventory administrator can "
                "cancel missing units (the visitor is refunded at the counter): "
                "ask them, or ask an administrator for the Showroom counter role.",
            )
        self.assertEqual(pick.state, "confirmed")

        pick.with_user(self.stock_manager).action_alltricks_cancel_missing()
        self.assertEqual(pick.state, "cancel")

    def test_missing_pick_is_not_waited_for_but_cancelled(self):
        order, pick = self._missing_pick()
        self._pay_at_counter(order)

        with self.assertRaises(UserError) as refusal:
            pick.with_user(self.cashier).action_alltricks_hand_over()

        self.assertEqual(
            str(refusal.exception),
            f"Nothing left to pick for {order.tracking_number}: no unit of what "
            "is still to hand over could be found. Refund the visitor at the "
            "point of sale or sell another item, then click Cancel missing "
            "units.",
        )
        self.assertFalse(pick.alltricks_handed_over)
        pick.with_user(self.cashier).action_alltricks_cancel_missing()
        self.assertEqual(pick.state, "cancel")
