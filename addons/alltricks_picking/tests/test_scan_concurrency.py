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
        with self.assertRaisesRegex(UserError, "it is not yours"):
            batches[0].with_user(self.picker2).alltricks_scan(
                other_line.id, other_line.product_id.barcode
            )
        self.assertEqual(self.snapshot(product, self.products["A-01-09-1-1"]), before)
        for batch in (first, second):
            for line in batch._get_route_move_lines():
                batch.alltricks_scan_fill(line.id)

        picked = (first | second).move_line_ids
        self.assertEqual(
            sum(
                picked.filtered(lambda ml: ml.product_id == product).mapped("quantity")
            ),
            10,
        )
        self.assertEqual(own_lines.alltricks_picked_by, self.picker2)
        self.assertEqual((picked - own_lines).alltricks_picked_by, self.picker)
        # Each reserved quant unit is on exactly one line of one batch.
        self.assertFalse(first.move_line_ids & second.move_line_ids)
