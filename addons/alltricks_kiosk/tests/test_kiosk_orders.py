from odoo.tests import tagged
from odoo.tests.common import TransactionCase, new_test_user

from .common import ShowroomKioskMixin


@tagged("post_install", "-at_install")
class TestKioskOrders(ShowroomKioskMixin, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_showroom()

    def test_kiosk_confirmation_reserves_the_units_in_one_urgent_express_pick(self):
        order = self._kiosk_order(self.bike, 2)

        pick = self._express_picks(order)
        self.assertEqual(order.state, "draft")
        self.assertEqual(len(pick), 1)
        self.assertEqual(pick.priority, "1")
        self.assertEqual(pick.state, "assigned")
        self.assertEqual(pick.picking_type_id, self.express_type)
        self.assertEqual(pick.location_dest_id.name, "Showroom pickup")
        self.assertEqual(
            set(pick.move_line_ids.mapped("location_id").ids),
            {self.bin.id, self.showroom.id},
        )
        self.assertEqual(self._kiosk_qty(self.bike), 0.0)

    def test_web_order_cannot_take_units_reserved_by_a_kiosk_order(self):
        self._kiosk_order(self.bike, 2)

        web = self._web_order(self.bike, 1)

        self.assertEqual(web.picking_ids.move_ids.quantity, 0.0)

    def test_paying_at_the_counter_after_kiosk_confirmation_creates_exactly_one_pick(
        self,
    ):
        order = self._kiosk_order(self.bike, 1)
        pick = self._express_picks(order)

        self._pay_at_counter(order)

        self.assertEqual(order.state, "paid")
        self.assertEqual(order.picking_ids, pick)
        self.assertEqual(pick.state, "assigned")

    def test_paying_from_the_backend_wizard_creates_exactly_one_pick(self):
        order = self._kiosk_order(self.bike, 1)
        pick = self._express_picks(order)
        context = {"active_ids": order.ids, "active_id": order.id}
        manager = new_test_user(
            self.env, "sr_manager", groups="point_of_sale.group_pos_manager"
        )

        wizard = (
            self.env["pos.make.payment"]
            .with_user(manager)
            .with_context(**context)
            .create({"payment_method_id": self.counter_method.id})
        )
        wizard.with_context(**context).check()

        self.assertEqual(order.state, "paid")
        self.assertEqual(order.picking_ids, pick)

    def test_kiosk_order_never_gets_picked_again_at_session_closing(self):
        order = self._kiosk_order(self.bike, 1)
        pick = self._express_picks(order)
        self._pay_at_counter(order)

        self.pos_session.with_user(self.cashier).action_pos_session_closing_control()

        self.assertEqual(self.pos_session.state, "closed")
        self.assertEqual(self.pos_session.picking_ids, pick)
        self.assertEqual(order.picking_ids, pick)

    def test_cancelled_kiosk_order_releases_its_units(self):
        order = self._kiosk_order(self.bike, 2)
        pick = self._express_picks(order)

        self.env["pos.order"].sudo().remove_from_ui(order.ids)

        self.assertEqual(pick.state, "cancel")
        self.assertEqual(self._kiosk_qty(self.bike), 2.0)
