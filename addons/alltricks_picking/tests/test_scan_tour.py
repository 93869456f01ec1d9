from odoo.tests import HttpCase, tagged

from .scan_common import ScanCase


@tagged("post_install", "-at_install")
class TestScanTours(HttpCase, ScanCase):
    def on_hand(self, product, location):
        quants = self.env["stock.quant"].search(
            [("product_id", "=", product.id), ("location_id", "=", location.id)]
        )
        return sum(quants.mapped("quantity"))

    def test_pick_with_a_refused_scan_then_pack_by_another_user(self):
        picked = self.products["C-01-05-1-1"]
        single = self.products["A-01-09-1-1"]
        picked.default_code = "PRT-C0105"
        pick = self.make_sale_pick([(picked, 2), (single, 1)])
        batch = self.plan(pick)
        # the name printed on its pick list, fixed for the pack tour to scan
        batch.name = "BATCH/TOUR"

        self.start_tour(
            "/odoo/action-alltricks_picking.alltricks_picker_screen_action",
            "alltricks_picker_screen_tour",
            login="rt_picker",
        )
        self.env.invalidate_all()

        self.assertEqual(batch.state, "done")
        self.assertEqual(batch.user_id, self.picker)
        self.assertEqual(pick.state, "done")
        self.assertEqual(pick.move_ids.mapped("quantity"), [2.0, 1.0])
        self.assertEqual(pick.move_line_ids.alltricks_picked_by, self.picker)
        self.assertFalse(pick.backorder_ids)
        self.assertEqual(self.on_hand(picked, self.bins["C-01-05-1-1"]), 8)
        self.assertEqual(self.on_hand(picked, pick.location_dest_id), 2)
        pack = pick.move_ids.move_dest_ids.picking_id
        self.assertEqual(pack.state, "assigned")
        # Odoo pushes the OUT transfer when the PACK one is validated.
        self.assertFalse(pack.move_ids.move_dest_ids)
        # another validated cart waits with its own TOTE-1
        other = self.picked_pack([(self.products["B-02-07-1-1"], 1)])
        self.assertEqual(other.move_ids.move_orig_ids.picking_id.alltricks_tote, 1)

        self.start_tour(
            "/odoo/action-alltricks_picking.alltricks_pack_station_action",
            "alltricks_pack_station_tour",
            login="rt_packer",
        )
        self.env.invalidate_all()

        wrong, mismatch = pack.alltricks_mismatch_ids.sorted("id")
        self.assertEqual(wrong.kind, "wrong")
        self.assertEqual(wrong.product_scanned_id, self.lookalike)
        self.assertEqual(wrong.resolution, "set_aside")
        self.assertEqual(wrong.resolved_by_id, self.packer)
        self.assertEqual(mismatch.kind, "missing")
        self.assertEqual(mismatch.product_expected_id, picked)
        self.assertEqual(mismatch.quantity, 1)
        self.assertEqual(mismatch.picker_id, self.picker)
        self.assertEqual(mismatch.packer_id, self.packer)
        self.assertEqual(pack.state, "done")
        self.assertEqual(pack.move_line_ids.alltricks_packed_by, self.packer)
        self.assertEqual(
            sorted(pack.move_line_ids.mapped("alltricks_scanned_qty")), [1, 2]
        )
        out = pack.move_ids.move_dest_ids.picking_id
        self.assertEqual(out.picking_type_id, self.warehouse.out_type_id)
        self.assertEqual(out.state, "assigned")
        self.assertEqual(other.state, "assigned")
        self.assertFalse(other.alltricks_mismatch_ids)
        self.assertEqual(other.move_line_ids.alltricks_scanned_qty, 0)
