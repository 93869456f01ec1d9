from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import BikePrepCase


@tagged("post_install", "-at_install")
class TestBikePrepDeliveryGate(BikePrepCase):
    def _confirmed(self, lines):
        order = self._create_order(lines)
        order.action_confirm()
        return order

    def _validate(self, picking):
        picking = picking.with_user(self.storekeeper)
        picking.action_assign()
        for move in picking.move_ids:
            move.quantity = move.product_uom_qty
        picking.move_ids.picked = True
        return picking.button_validate()

    def test_bike_delivery_is_blocked_until_its_work_order_is_done(self):
        order = self._confirmed([(self.bike, 1)])
        work_order = order.alltricks_bike_prep_ids
        delivery = order.picking_ids

        with self.assertRaisesRegex(
            UserError,
            f"{delivery.name} cannot leave before the workshop has made its bikes "
            f"ready: {work_order.name}: finish it in the workshop\\.",
        ):
            self._validate(delivery)
        self.assertEqual(delivery.state, "assigned")

        self._finish(work_order)
        self.assertEqual(work_order.qc_state, "none")
        self._validate(delivery)
        self.assertEqual(delivery.state, "done")

    def test_action_done_is_gated_as_well_as_the_button(self):
        order = self._confirmed([(self.bike, 1)])
        delivery = order.picking_ids
        delivery.action_assign()
        delivery.move_ids.quantity = 1

        with self.assertRaisesRegex(UserError, "finish it in the workshop"):
            delivery.with_user(self.storekeeper)._action_done()

    def test_sampled_bike_leaves_only_after_its_quality_check_passed(self):
        self.company.alltricks_qc_every = 1
        order = self._confirmed([(self.bike, 1)])
        work_order = order.alltricks_bike_prep_ids
        self._finish(work_order)
        self.assertEqual(work_order.qc_state, "pending")

        with self.assertRaisesRegex(UserError, "pass its quality check"):
            self._validate(order.picking_ids)

        work_order.with_user(self.manager)._record_quality_check("passed")
        self._validate(order.picking_ids)
        self.assertEqual(order.picking_ids.state, "done")

    def test_parts_delivery_is_never_blocked(self):
        order = self._confirmed([(self.part, 3)])

        self._validate(order.picking_ids)

        self.assertEqual(order.picking_ids.state, "done")

    def test_parts_and_bike_order_delivery_waits_for_the_bike(self):
        order = self._confirmed([(self.bike, 1), (self.part, 1)])

        with self.assertRaises(UserError):
            self._validate(order.picking_ids)

    def test_pick_pack_ship_holds_pack_and_out_but_not_pick(self):
        self.warehouse.delivery_steps = "pick_pack_ship"
        order = self._confirmed([(self.bike, 1)])
        work_order = order.alltricks_bike_prep_ids
        pick = order.picking_ids
        self.assertEqual(pick.picking_type_id, self.warehouse.pick_type_id)

        self._validate(pick)
        self.assertEqual(pick.state, "done")
        pack = order.picking_ids - pick
        self.assertEqual(pack.picking_type_id, self.warehouse.pack_type_id)
        with self.assertRaisesRegex(UserError, work_order.name):
            self._validate(pack)

        self._finish(work_order)
        # the packing station's own re-scan rules (alltricks_picking) are waived
        pack.sudo().write(
            {"alltricks_rescan_waived": True, "alltricks_pack_same_user_ok": True}
        )
        self._validate(pack)
        out = order.picking_ids - pick - pack
        self.assertEqual(out.picking_type_id, self.warehouse.out_type_id)
        # the bike is reopened (a fault found at packing): the last step waits again
        work_order.sudo().state = "in_progress"
        with self.assertRaisesRegex(UserError, work_order.name):
            self._validate(out)
        work_order.sudo().state = "done"
        self._validate(out)
        self.assertEqual(out.state, "done")
        self.assertEqual(work_order.picking_ids, pick | pack | out)
