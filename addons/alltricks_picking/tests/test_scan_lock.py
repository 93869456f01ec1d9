from unittest.mock import patch

from odoo.exceptions import LockError, UserError
from odoo.tests import tagged

from .scan_common import ScanCase

BUSY_CART = "Another scan on this cart is being recorded: scan again."
BUSY_PACK = "Another scan on this transfer is being recorded: scan again."


@tagged("post_install", "-at_install")
class TestScanLock(ScanCase):
    """A scan that finds its rows locked is refused at once, in plain words."""

    def locked(self, model):
        """Rows of ``model`` held by another transaction: Odoo's lock fails."""
        return patch.object(
            type(self.env[model]),
            "lock_for_update",
            side_effect=LockError("Cannot grab a lock on records"),
        )

    def assert_refused(self, call, message):
        with self.assertRaises(UserError) as caught:
            call()
        self.assertEqual(caught.exception.args[0], message)

    def test_a_scan_on_a_locked_line_changes_nothing(self):
        self.setup_taken_cart("B-01-03-1-1", 3)
        line_id = self.line.id
        before = self.snapshot(self.product)

        with self.locked("stock.move.line"):
            for name, call in {
                "scan": lambda: self.batch.alltricks_scan(line_id, "EAN-B-01-03-1-1"),
                "fill": lambda: self.batch.alltricks_scan_fill(line_id),
                "missing": lambda: self.batch.alltricks_scan_missing(line_id),
            }.items():
                with self.subTest(name):
                    self.assert_refused(call, BUSY_CART)

        self.assertEqual(self.snapshot(self.product), before)
        self.assertEqual(self.line.alltricks_scanned_qty, 1)
        self.assertFalse(self.line.alltricks_missing)
        self.batch.alltricks_scan(line_id, "EAN-B-01-03-1-1")
        self.assertEqual(self.line.alltricks_scanned_qty, 2)

    def test_taking_a_cart_being_taken_says_to_tap_again(self):
        cart = self.plan(self.make_pick([(self.products["A-02-01-1-1"], 1)]))

        with self.locked("stock.picking.batch"):
            self.assert_refused(
                cart.with_user(self.picker2).action_alltricks_scan_take,
                f"Another picker is taking cart {cart.name} right now: tap it again.",
            )

        self.assertFalse(cart.user_id)
        self.take(cart, self.picker2)
        self.assertEqual(cart.user_id, self.picker2)

    def test_a_double_read_at_packing_changes_nothing(self):
        product = self.products["A-01-09-1-1"]
        pack = self.picked_pack([(product, 2)]).with_user(self.packer)
        before = self.snapshot(product)

        with self.locked("stock.move.line"):
            self.assert_refused(
                lambda: pack.alltricks_pack_scan("EAN-A-01-09-1-1"), BUSY_PACK
            )

        self.assertEqual(self.snapshot(product), before)
        self.assertEqual(pack.move_line_ids.alltricks_scanned_qty, 0)
        self.assertFalse(pack.sudo().alltricks_mismatch_ids)
        self.assertFalse(pack.move_line_ids.alltricks_packed_by)


@tagged("post_install", "-at_install")
class TestScanWrongBin(ScanCase):
    def test_another_bin_scanned_says_where_the_item_is(self):
        self.setup_taken_cart("B-01-03-1-1", 3)
        self.bins["A-02-01-1-1"].barcode = "LOC-A0201"
        before = self.snapshot(self.product)

        results = [
            self.batch.alltricks_scan(self.line.id, code)
            for code in ("C-01-05-1-1", "LOC-A0201")
        ]

        self.assertEqual(
            [(r["ok"], r["kind"], r["message"]) for r in results],
            [
                (False, "bin", "Wrong bin C-01-05-1-1: this item is in B-01-03-1-1."),
                (False, "bin", "Wrong bin A-02-01-1-1: this item is in B-01-03-1-1."),
            ],
        )
        self.assertEqual(self.snapshot(self.product), before)
        self.assertEqual(self.line.alltricks_scanned_qty, 1)
        own_bin = self.batch.alltricks_scan(self.line.id, "B-01-03-1-1")
        self.assertEqual(own_bin["message"], "Bin confirmed.")
        unknown = self.batch.alltricks_scan(self.line.id, "B-09-09-9-9")
        self.assertEqual(
            unknown["message"],
            "Unknown barcode B-09-09-9-9: scan the product label again.",
        )
