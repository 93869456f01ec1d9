from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import PickingCase


@tagged("post_install", "-at_install")
class TestPlanActions(PickingCase):
    def test_plan_selected_transfers_leaves_the_others_alone(self):
        chosen = self.make_pick([(self.products["A-01-09-1-1"], 1)])
        other = self.make_pick([(self.products["C-02-02-1-1"], 1)])

        action = chosen.with_user(self.manager).action_alltricks_plan_picking()

        self.assertEqual(action["res_model"], "stock.picking.batch")
        self.assertEqual(action["domain"], [("id", "in", chosen.batch_id.ids)])
        self.assertEqual(chosen.alltricks_tote, 1)
        self.assertFalse(other.batch_id)

    def test_plan_with_nothing_ready_tells_what_to_select(self):
        picking = self.make_pick([(self.products["A-01-09-1-1"], 1)])
        self.plan()
        with self.assertRaisesRegex(UserError, "ready picking transfers"):
            picking.with_user(self.manager).action_alltricks_plan_picking()

    def test_plan_with_an_empty_selection_says_what_to_select(self):
        ready = self.make_pick([(self.products["A-01-09-1-1"], 1)])
        Picking = self.env["stock.picking"].with_user(self.manager)

        with self.assertRaises(UserError) as refusal:
            Picking.action_alltricks_plan_picking()

        self.assertEqual(
            refusal.exception.args[0],
            "No transfer selected: select the ready picking transfers to put on "
            "carts, or use the Plan picking menu to plan every ready transfer.",
        )
        self.assertFalse(ready.batch_id)

    def test_plan_a_transfer_outside_any_warehouse_tells_what_to_select(self):
        picking_type = self.env["stock.picking.type"].create(
            {
                "name": "No warehouse",
                "code": "internal",
                "sequence_code": "NOWH",
                "warehouse_id": False,
                "default_location_src_id": self.warehouse.lot_stock_id.id,
                "default_location_dest_id": self.warehouse.lot_stock_id.id,
            }
        )
        picking = self.env["stock.picking"].create(
            {
                "picking_type_id": picking_type.id,
                "location_id": self.warehouse.lot_stock_id.id,
                "location_dest_id": self.warehouse.lot_stock_id.id,
            }
        )

        with self.assertRaisesRegex(UserError, "ready picking transfers"):
            picking.with_user(self.manager).action_alltricks_plan_picking()
        self.assertFalse(picking.batch_id)

    def test_scheduled_planning_batches_ready_transfers(self):
        picking = self.make_pick([(self.products["B-02-07-1-1"], 1)])

        self.env["stock.picking.batch"]._cron_alltricks_plan_picking()

        self.assertEqual(picking.batch_id.alltricks_cart_type_id, self.cart_type)
        self.assertEqual(picking.batch_id.user_id, self.env["res.users"])

    def test_warehouse_without_layout_cannot_be_planned(self):
        bare = self.env["stock.warehouse"].create({"name": "No layout", "code": "NLW"})
        with self.assertRaisesRegex(UserError, "Generate layout"):
            bare._get_alltricks_geometry()

    def test_order_too_big_for_a_cart_gets_its_own_batch_in_trips(self):
        self.cart_type.max_weight = 3.0  # a line of 4 units weighs 2 kg
        big = self.make_pick(
            [(self.products["A-01-09-1-1"], 4), (self.products["C-02-02-1-1"], 4)]
        )
        small = self.make_pick([(self.products["B-01-03-1-1"], 1)])

        self.plan()

        self.assertEqual(big.batch_id.picking_ids, big)
        self.assertEqual(big.batch_id.alltricks_trip_count, 2)
        trips = big.batch_id._get_route_move_lines().mapped("alltricks_cart_trip")
        self.assertEqual(trips, [1, 2])
        self.assertNotEqual(small.batch_id, big.batch_id)

    def test_cart_volume_counts_the_putaway_size_of_small_parts(self):
        # 30 x 25 x 10 cm: 7.5 l a unit, 0.00 m³ in Odoo's two-digit volume
        parts = self.products["A-01-09-1-1"] | self.products["C-02-02-1-1"]
        parts.write(
            {
                "volume": 0.0,
                "slot_length_cm": 30,
                "slot_width_cm": 25,
                "slot_height_cm": 10,
            }
        )
        self.cart_type.max_volume = 0.02  # a line of 2 units takes 0.015 m³
        big = self.make_pick([(part, 2) for part in parts])
        small = self.make_pick([(self.products["B-01-03-1-1"], 1)])

        self.plan()

        self.assertEqual(big.batch_id.picking_ids, big)
        self.assertEqual(big.batch_id.alltricks_trip_count, 2)
        self.assertNotEqual(small.batch_id, big.batch_id)
