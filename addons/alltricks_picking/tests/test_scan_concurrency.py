from odoo.exceptions import UserError
from odoo.tests import tagged

from .scan_common import ScanCase


@tagged("post_install", "-at_install")
class TestScanTwoPickers(ScanCase):
    def test_two_pickers_never_pick_the_same_reserved_unit(self):
        product = self.products["B-01-03-1-1"]
        # 10 in stock: two orders of 5 reserve every unit, one cart each
        # (the cart takes 2 totes, four orders make two carts).
        picks = [self.make_pick([(product, 5)]) for _ in range(2)]
        picks += [self.make_pick([(self.products["A-01-09-1-1"], 1)]) for _ in range(2)]
        batches = self.plan()
        self.assertEqual(len(batches), 2)
        first = self.take(batches[0], self.picker)
        second = self.take(batches[1], self.picker2)
        own_lines = second._get_route_move_lines()
        other_line = first._get_route_move_lines()[0]
        before = self.snapshot(product, self.products["A-01-09-1-1"])

        with self.assertRaisesRegex(UserError, "not on cart"):
            second.alltricks_scan(other_line.id, other_line.product_id.barcode)
        with self.assertRaisesRegex(UserError, "being picked by"):
            batches[0].with_user(self.picker2).action_alltricks_scan_take()
        with self.assertRaisesRegex(UserError, "being picked by rt_picker"):
            batches[0].with_user(self.picker2).alltricks_scan(
                other_line.id, other_line.product_id.barcode
            )
        self.assertEqual(self.snapshot(product, self.products["A-01-09-1-1"]), before)
        # Both carts are picked at once: scans alternate between the pickers.
        first_lines = first._get_route_move_lines()
        second_lines = second._get_route_move_lines()
        for index in range(max(len(first_lines), len(second_lines))):
            for batch, lines in ((first, first_lines), (second, second_lines)):
                if index < len(lines):
                    batch.alltricks_scan_fill(lines[index].id)
        first.alltricks_scan_done()
        second.alltricks_scan_done()

        picked = (first | second).move_line_ids.filtered(
            lambda ml: ml.product_id == product
        )
        self.assertEqual(sorted(picked.mapped("quantity")), [5.0, 5.0])
        self.assertEqual(sorted(picked.mapped("alltricks_scanned_qty")), [5.0, 5.0])
        self.assertEqual(own_lines.alltricks_picked_by, self.picker2)
        self.assertEqual(first.move_line_ids.alltricks_picked_by, self.picker)
        # Each reserved unit left the bin once: 10 in stock, 10 picked, none left.
        bin_quants = self.env["stock.quant"].search(
            [
                ("product_id", "=", product.id),
                ("location_id", "=", self.bins["B-01-03-1-1"].id),
            ]
        )
        self.assertEqual(sum(bin_quants.mapped("quantity")), 0)
        self.assertEqual(sum(bin_quants.mapped("reserved_quantity")), 0)
        self.assertEqual([p.state for p in picks], ["done"] * 4)

    def test_a_third_order_finds_no_unit_reserved_by_a_cart(self):
        product = self.products["B-01-03-1-1"]
        picks = [self.make_pick([(product, 5)]) for _ in range(2)]
        batches = self.plan()
        self.take(batches[0], self.picker)

        late = self.make_pick([(product, 1)])

        self.assertEqual(late.state, "confirmed")
        self.assertFalse(late.move_line_ids)
        self.assertEqual(
            sum(
                self.env["stock.quant"]
                .search([("product_id", "=", product.id)])
                .mapped("reserved_quantity")
            ),
            10,
        )
        self.assertFalse(self.plan())
        self.assertEqual((picks[0] | picks[1]).batch_id, batches)
