from odoo.tests import tagged

from .scan_common import ScanCase


@tagged("post_install", "-at_install")
class TestScanBackorder(ScanCase):
    """What a short pick leaves to pick again starts clean on its next cart."""

    def assert_picked_again(self, pick, expected):
        """Plan ``pick`` on a new cart; ``picker`` scans every unit of it."""
        self.assertEqual(pick.state, "assigned")
        lines = pick.move_line_ids
        self.assertEqual(lines.mapped("quantity"), [expected])
        self.assertEqual(lines.mapped("alltricks_scanned_qty"), [0.0])
        self.assertEqual(lines.mapped("alltricks_missing"), [False])
        self.assertEqual(lines.mapped("picked"), [False])
        self.assertFalse(lines.alltricks_picked_by)
        batch = self.take(self.plan(pick))
        line = batch._get_route_move_lines()
        self.assertEqual(line, lines)
        self.assertEqual(line.alltricks_route_seq, 1)

        results = [batch.alltricks_scan(line.id, "EAN-C-01-05-1-1") for _ in range(3)]
        done = batch.alltricks_scan_done()

        self.assertEqual(
            [r["ok"] for r in results],
            [True] * int(expected) + [False] * (3 - int(expected)),
        )
        self.assertEqual(done["state"], "done")
        self.assertEqual(pick.state, "done")
        self.assertEqual(pick.move_ids.quantity, expected)
        self.assertEqual(
            (line.quantity, line.alltricks_scanned_qty), (expected, expected)
        )
        self.assertEqual(line.alltricks_picked_by, self.picker)
        self.assertFalse(line.alltricks_missing)
        self.assertFalse(pick.backorder_ids)

    def test_empty_short_pick_is_picked_again_on_a_new_cart(self):
        product = self.products["C-01-05-1-1"]
        pick = self.make_pick([(product, 2)])
        batch = self.take(self.plan(pick))
        line = batch._get_route_move_lines()
        batch.alltricks_scan_missing(line.id)

        result = batch.alltricks_scan_done()

        self.assertEqual(result["state"], "cancel")
        self.assertFalse(pick.batch_id)
        self.assertFalse(pick.backorder_ids)
        self.assert_picked_again(pick, 2.0)

    def test_part_short_pick_backorder_is_picked_again_on_a_new_cart(self):
        product = self.products["C-01-05-1-1"]
        pick = self.make_pick([(product, 2)])
        batch = self.take(self.plan(pick))
        line = batch._get_route_move_lines()
        batch.alltricks_scan(line.id, "EAN-C-01-05-1-1")
        batch.alltricks_scan_missing(line.id)

        result = batch.alltricks_scan_done()

        self.assertEqual(result["state"], "done")
        self.assertEqual(pick.state, "done")
        self.assertEqual((line.quantity, line.alltricks_scanned_qty), (1, 1))
        self.assertTrue(line.alltricks_missing)
        self.assertEqual(line.alltricks_picked_by, self.picker)
        self.assert_picked_again(pick.backorder_ids, 1.0)

    def test_empty_short_pick_beside_a_full_line_goes_to_a_clean_backorder(self):
        short = self.products["C-01-05-1-1"]
        full = self.products["A-01-09-1-1"]
        pick = self.make_pick([(short, 2), (full, 1)])
        batch = self.take(self.plan(pick))
        lines = batch._get_route_move_lines()
        short_line = lines.filtered(lambda ml: ml.product_id == short)
        batch.alltricks_scan_missing(short_line.id)
        batch.alltricks_scan_fill((lines - short_line).id)

        batch.alltricks_scan_done()

        self.assertEqual(pick.state, "done")
        self.assertEqual(pick.backorder_ids.move_ids.product_id, short)
        self.assert_picked_again(pick.backorder_ids, 2.0)

    def test_empty_transfer_leaves_the_cart_at_its_validation_unlogged(self):
        short = self.products["C-01-05-1-1"]
        full = self.products["A-01-09-1-1"]
        empty_pick = self.make_pick([(short, 2)])
        full_pick = self.make_pick([(full, 1)])
        batch = self.take(self.plan(empty_pick | full_pick))
        self.assertEqual(empty_pick.batch_id, full_pick.batch_id)
        lines = batch._get_route_move_lines()
        short_line = lines.filtered(lambda ml: ml.product_id == short)
        batch.alltricks_scan_missing(short_line.id)
        batch.alltricks_scan_fill((lines - short_line).id)
        messages = batch.message_ids

        batch.alltricks_scan_done()

        self.assertEqual(full_pick.state, "done")
        self.assertEqual(batch.picking_ids, full_pick)
        self.assertFalse(empty_pick.batch_id)
        leave_logs = (batch.message_ids - messages).filtered(
            lambda m: "off this cart" in (m.body or "")
        )
        self.assertFalse(leave_logs)
        self.assert_picked_again(empty_pick, 2.0)
