from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import tagged
from odoo.tests.common import TransactionCase

from .common import ShowroomKioskMixin


@tagged("post_install", "-at_install")
class TestShowroomCounter(ShowroomKioskMixin, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_showroom()
        cls.config.alltricks_pick_minutes = 5

    def _validate(self, pick):
        pick.with_user(self.picker).button_validate()
        self.assertEqual(pick.state, "done")

    def test_ready_estimate_is_queue_rank_times_average_pick_time(self):
        first = self._kiosk_order(self.bike, 1)
        second = self._kiosk_order(self.bike, 1)

        self.assertEqual(first.alltricks_ready_minutes, 5)
        self.assertEqual(second.alltricks_ready_minutes, 10)

        self._validate(self._express_picks(first))
        second.invalidate_recordset(["alltricks_ready_minutes"])

        self.assertEqual(second.alltricks_ready_minutes, 5)

    def test_express_pick_comes_first_in_the_warehouse_picking_queue(self):
        customer = self.env["res.partner"].create({"name": "Web customer"})
        web = self.env["sale.order"].create(
            {
                "partner_id": customer.id,
                "warehouse_id": self.warehouse.id,
                "order_line": [
                    Command.create({"product_id": self.pump.id, "product_uom_qty": 1})
                ],
            }
        )
        web.action_confirm()
        order = self._kiosk_order(self.bike, 1)

        queue = (
            self.env["stock.picking"]
            .with_user(self.picker)
            .search(
                [
                    ("picking_type_id.warehouse_id", "=", self.warehouse.id),
                    ("state", "=", "assigned"),
                ]
            )
        )

        self.assertEqual(queue.ids, [self._express_picks(order).id, web.picking_ids.id])

    def test_hand_over_waits_for_the_pick_then_for_the_payment(self):
        order = self._kiosk_order(self.bike, 1)
        pick = self._express_picks(order).with_user(self.cashier)
        self.assertEqual(pick.alltricks_pickup_number, order.tracking_number)
        self.assertEqual(pick.alltricks_counter_state, "picking")

        with self.assertRaisesRegex(UserError, f"Not ready yet: {pick.name}\\."):
            pick.action_alltricks_hand_over()
        self._validate(pick)
        self.assertEqual(pick.alltricks_counter_state, "ready")
        with self.assertRaises(UserError) as unpaid:
            pick.action_alltricks_hand_over()
        self.assertEqual(
            str(unpaid.exception),
            f"Not paid yet: {order.tracking_number}. Take the payment at the "
            "counter before handing the goods over.",
        )
        self._pay_at_counter(order)
        pick.action_alltricks_hand_over()

        self.assertTrue(pick.alltricks_handed_over)
        self.assertFalse(self.config._get_alltricks_counter_picks())
        delivery = order.picking_ids - pick
        self.assertEqual(delivery.state, "done")
        self.assertEqual(delivery.location_id, pick.location_dest_id)
        self.assertEqual(delivery.location_dest_id.usage, "customer")
        pickup = pick.location_dest_id
        self.assertEqual(self.bike.with_context(location=pickup.id).qty_available, 0.0)
        self.assertEqual(self._express_picks(order), pick)

    def test_second_hand_over_is_refused_and_delivers_nothing(self):
        order = self._kiosk_order(self.bike, 1)
        pick = self._express_picks(order).with_user(self.cashier)
        self._validate(pick)
        self._pay_at_counter(order)
        pick.action_alltricks_hand_over()
        deliveries = order.picking_ids - pick

        with self.assertRaises(UserError) as again:
            pick.action_alltricks_hand_over()

        self.assertEqual(
            str(again.exception),
            f"Already handed over: {order.tracking_number}. Nothing was changed.",
        )
        self.assertEqual(order.picking_ids - pick, deliveries)
        self.assertEqual(len(deliveries), 1)

    def test_cancelled_order_is_not_handed_over(self):
        order = self._kiosk_order(self.bike, 1)
        pick = self._express_picks(order).with_user(self.cashier)
        self._validate(pick)
        order.action_pos_order_cancel()

        with self.assertRaises(UserError) as refusal:
            pick.action_alltricks_hand_over()

        self.assertIn(
            f"Order {order.tracking_number} was cancelled", str(refusal.exception)
        )
        self.assertFalse(pick.alltricks_handed_over)
        self.assertEqual(order.picking_ids, pick)
        self.assertFalse(self.config._get_alltricks_counter_picks())

    def test_validated_pick_brings_the_units_to_the_pickup_location(self):
        order = self._kiosk_order(self.bike, 2)

        self._validate(self._express_picks(order))

        pickup = self.env.ref("alltricks_kiosk.stock_location_showroom_pickup")
        self.assertEqual(self.bike.with_context(location=pickup.id).qty_available, 2.0)
        self.assertEqual(self._kiosk_qty(self.bike), 0.0)
