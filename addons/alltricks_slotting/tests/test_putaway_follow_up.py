from datetime import timedelta

from odoo import fields
from odoo.tests import tagged

from .common import SlottingPutawayCase


@tagged("post_install", "-at_install")
class TestVelocityCron(SlottingPutawayCase):
    def _deliver(self, product, count, days_ago=1):
        customer = self.env.ref("stock.stock_location_customers")
        self.env["stock.quant"]._update_available_quantity(product, self.stock, count)
        for _k in range(count):
            move = self.env["stock.move"].create(
                {
                    "product_id": product.id,
                    "product_uom_qty": 1,
                    "location_id": self.stock.id,
                    "location_dest_id": customer.id,
                }
            )
            move._action_confirm()
            move._action_assign()
            move.picked = True
            move._action_done()
            move.date = fields.Datetime.now() - timedelta(days=days_ago)

    def test_cron_classes_products_by_recent_deliveries(self):
        fast = self._product("Chain lube")
        unsold = self._product("Tandem tube")
        old = self._product("Cassette 9s")
        self._deliver(fast, 4)
        self._deliver(old, 6, days_ago=200)
        fast.slot_velocity_class = "C"

        self.env["product.product"]._cron_slot_update_velocity()

        self.assertEqual(fast.slot_velocity_class, "A")
        self.assertEqual(unsold.slot_velocity_class, "C")
        self.assertEqual(old.slot_velocity_class, "C")

    def test_fast_mover_is_put_away_closer_to_packing(self):
        slow = self._product("Slow part")
        fast = self._product("Fast part")
        fast.slot_velocity_class = "A"
        picking = self._receive([(slow, 30), (fast, 30)])

        engine, _data = self.warehouse._get_slot_putaway_engine(
            self.stock, self.env["product.product"]
        )
        walk = {bin_.id: bin_.walk_m for bin_ in engine.snapshot()}
        fast_bin = self._bins_of(picking, fast)
        slow_bin = self._bins_of(picking, slow)
        self.assertLess(walk[fast_bin.id], walk[slow_bin.id])


@tagged("post_install", "-at_install")
class TestReceiptToShelf(SlottingPutawayCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.warehouse.reception_steps = "two_steps"
        cls.warehouse.slot_manager_id = cls.manager
        cls.saddle = cls._product("Saddle")

    def _received(self):
        receipt = self._receive([(self.saddle, 6)])
        receipt.button_validate()
        move = receipt.move_ids
        storage = move.move_dest_ids.picking_id
        return move, storage

    def test_received_goods_wait_in_the_list_until_put_away(self):
        move, storage = self._received()
        Move = self.env["stock.move"].with_user(self.picker)

        waiting = Move.search([("slot_awaiting_putaway", "=", True)])
        self.assertEqual(waiting, move)
        self.assertEqual(storage.move_line_ids.location_dest_id.slot_zone, "A")
        self.assertEqual(Move.search([("slot_putaway_late", "=", True)]), Move)
        storage.with_user(self.picker).button_validate()
        self.assertEqual(Move.search([("slot_awaiting_putaway", "=", True)]), Move)

    def test_goods_waiting_over_two_days_are_late_and_reminded(self):
        move, storage = self._received()
        move.date = fields.Datetime.now() - timedelta(hours=50)

        late = self.env["stock.move"].search([("slot_putaway_late", "=", True)])
        self.assertEqual(late, move)
        self.assertEqual(round(late.slot_putaway_age_hours), 50)
        self.env["stock.move"]._cron_slot_remind_late_putaway()
        self.env["stock.move"]._cron_slot_remind_late_putaway()
        activity = storage.activity_ids
        self.assertEqual(len(activity), 1)
        self.assertEqual(activity.user_id, self.manager)

    def test_goods_received_a_day_ago_are_not_late(self):
        move, storage = self._received()
        move.date = fields.Datetime.now() - timedelta(hours=24)

        self.assertFalse(move.slot_putaway_late)
        self.env["stock.move"]._cron_slot_remind_late_putaway()
        self.assertFalse(storage.activity_ids)
