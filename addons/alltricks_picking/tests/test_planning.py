from datetime import datetime

from odoo.addons.alltricks_picking.routing import shortest_tour
from odoo.tests import tagged

from .common import BINS, PickingCase


@tagged("post_install", "-at_install")
class TestPlanning(PickingCase):
    def test_geometry_is_built_from_the_warehouse_layout_fields(self):
        geometry = self.warehouse._get_alltricks_geometry()

        self.assertEqual(geometry.aisle_x, (1.5, 4.5, 7.5, 10.5))
        self.assertEqual(geometry.cross_aisle_y, (0.0, 12.0))
        self.assertEqual((geometry.depot.aisle, geometry.depot.y), (0, 0.0))
        self.assertEqual(
            self.warehouse._get_alltricks_point(self.bins["B-02-07-1-1"], geometry),
            (2, 7.5),
        )
        self.assertEqual(
            self.warehouse._get_alltricks_point(self.stock, geometry), (0, 0.0)
        )

    def test_plan_makes_unassigned_batches_with_totes_routes_and_lengths(self):
        first = self.make_pick([(self.products["A-01-09-1-1"], 1)])
        second = self.make_pick(
            [(self.products["B-01-03-1-1"], 2), (self.products["A-02-01-1-1"], 1)]
        )
        third = self.make_pick([(self.products["C-02-02-1-1"], 1)])

        batches = self.plan()

        self.assertEqual(len(batches), 2)
        self.assertEqual(batches.user_id, self.env["res.users"])
        self.assertEqual(set(batches.mapped("state")), {"in_progress"})
        self.assertEqual((first | second | third).batch_id, batches)
        for batch in batches:
            self.assertEqual(batch.alltricks_cart_type_id, self.cart_type)
            self.assertEqual(
                sorted(batch.picking_ids.mapped("alltricks_tote")),
                list(range(1, len(batch.picking_ids) + 1)),
            )
            lines = batch._get_route_move_lines()
            self.assertEqual(
                lines.mapped("alltricks_route_seq"), list(range(1, len(lines) + 1))
            )
            points = [BINS[line.location_id.name] for line in lines]
            geometry = self.warehouse._get_alltricks_geometry()
            self.assertAlmostEqual(
                batch.alltricks_route_length, shortest_tour(geometry, points).length
            )

    def test_route_order_walks_the_floor_not_the_bin_names(self):
        names = ["A-01-09-1-1", "A-02-01-1-1", "B-01-03-1-1", "C-01-05-1-1"]
        picking = self.make_pick([(self.products[name], 1) for name in names])

        batch = self.plan()

        walked = batch._get_route_move_lines().location_id.mapped("name")
        # Aisle 0 front to back (C-01 at 5.5, A-01 at 9.5), then aisles 1 and 3,
        # or the same loop walked the other way round.
        loop = ["C-01-05-1-1", "A-01-09-1-1", "B-01-03-1-1", "A-02-01-1-1"]
        self.assertIn(walked, [loop, loop[::-1]])
        self.assertEqual(picking.alltricks_tote, 1)

    def test_picking_with_one_unavailable_line_sends_only_the_reserved_line(self):
        missing = self.env["product.product"].create(
            {"name": "Not in stock", "is_storable": True}
        )
        reserved = self.products["B-02-07-1-1"]
        picking = self.make_pick([(reserved, 1), (missing, 3)])
        self.assertEqual(picking.state, "assigned")

        batch = self.plan()

        self.assertEqual(batch.picking_ids, picking)
        routed = batch._get_route_move_lines()
        self.assertEqual(routed.product_id, reserved)
        self.assertEqual(routed.alltricks_route_seq, 1)
        unavailable = picking.move_ids.filtered(lambda m: m.product_id == missing)
        self.assertEqual(unavailable.move_line_ids, self.env["stock.move.line"])

    def test_transfers_in_a_batch_or_not_ready_are_not_planned(self):
        ready = self.make_pick([(self.products["C-01-05-1-1"], 1)])
        self.plan()
        missing = self.env["product.product"].create(
            {"name": "Never there", "is_storable": True}
        )
        waiting = self.make_pick([(missing, 1)])
        self.assertEqual(waiting.state, "confirmed")

        second_run = self.plan()

        self.assertEqual(second_run, self.env["stock.picking.batch"])
        self.assertEqual(len(ready.batch_id), 1)
        self.assertFalse(waiting.batch_id)

    def test_transfer_due_today_rides_in_the_first_cart(self):
        sale_model = self.env["sale.order"]
        partner = self.env["res.partner"].create({"name": "Rider"})
        today = sale_model.create(
            {"partner_id": partner.id, "commitment_date": datetime(2030, 1, 7, 17)}
        )
        tomorrow = sale_model.create(
            {"partner_id": partner.id, "commitment_date": datetime(2030, 1, 8, 17)}
        )
        near = [self.make_pick([(self.products["C-01-05-1-1"], 1)], tomorrow)]
        near.append(self.make_pick([(self.products["B-01-03-1-1"], 1)], tomorrow))
        far = self.make_pick([(self.products["A-02-01-1-1"], 1)], today)
        self.assertEqual(far.alltricks_due, datetime(2030, 1, 7, 17))

        batches = self.plan().sorted("alltricks_plan_seq")

        self.assertIn(far, batches[0].picking_ids)

    def test_pick_of_a_three_step_sale_is_due_at_the_sale_commitment(self):
        partner = self.env["res.partner"].create({"name": "Three steps"})
        product = self.products["B-02-07-1-1"]
        sale = self.env["sale.order"].create(
            {
                "partner_id": partner.id,
                "warehouse_id": self.warehouse.id,
                "commitment_date": datetime(2030, 2, 4, 17),
                "order_line": [(0, 0, {"product_id": product.id})],
            }
        )
        sale.action_confirm()

        pick = self.env["stock.picking"].search(
            [
                ("picking_type_id", "=", self.warehouse.pick_type_id.id),
                ("product_id", "=", product.id),
            ]
        )
        self.assertEqual(len(pick), 1)
        self.assertEqual(pick.alltricks_due, datetime(2030, 2, 4, 17))
