from odoo.exceptions import UserError
from odoo.tests import tagged

from .scan_common import ScanCase


@tagged("post_install", "-at_install")
class TestPackCancel(ScanCase):
    """A parcel being packed is cancelled by a manager only; misreads log nothing."""

    def test_packer_cannot_cancel_a_pack_with_an_open_mismatch(self):
        product = self.products["C-01-05-1-1"]
        pack = self.picked_pack([(product, 1)]).with_user(self.packer)
        pack.alltricks_pack_scan("EAN-LOOK")
        before = self.snapshot(product, self.lookalike)

        with self.assertRaisesRegex(
            UserError, f"{pack.name} is being packed .* ask a warehouse manager"
        ):
            pack.action_cancel()

        self.assertEqual(pack.state, "assigned")
        self.assertEqual(self.snapshot(product, self.lookalike), before)
        self.assertEqual(pack.alltricks_open_mismatch_count, 1)

    def test_packer_cannot_cancel_a_pack_half_rescanned(self):
        product = self.products["B-02-07-1-1"]
        pack = self.picked_pack([(product, 2)]).with_user(self.packer)
        pack.alltricks_pack_scan("EAN-B-02-07-1-1")
        before = self.snapshot(product)

        with self.assertRaisesRegex(UserError, "is being packed"):
            pack.action_cancel()

        self.assertEqual(pack.state, "assigned")
        self.assertEqual(self.snapshot(product), before)
        self.assertEqual(pack.move_line_ids.alltricks_scanned_qty, 1)

    def test_manager_cancels_a_pack_being_packed_and_it_is_logged(self):
        pack = self.picked_pack([(self.products["C-01-05-1-1"], 1)])
        pack.with_user(self.packer).alltricks_pack_scan("EAN-LOOK")

        pack.with_user(self.manager).action_cancel()

        self.assertEqual(pack.state, "cancel")
        self.assertIn(
            f"{self.manager.name} cancelled this transfer while it was being packed "
            "(open mismatches: 1) on",
            pack.message_ids[0].body,
        )

    def test_unknown_barcode_at_packing_logs_nothing_and_blocks_nothing(self):
        product = self.products["A-02-01-1-1"]
        pack = self.picked_pack([(product, 1)]).with_user(self.packer)

        result = pack.alltricks_pack_scan("NOPE-123")

        self.assertFalse(result["ok"])
        self.assertEqual(
            result["message"],
            "Unknown barcode NOPE-123: scan the product label again.",
        )
        self.assertFalse(pack.sudo().alltricks_mismatch_ids)
        self.assertEqual(result["state"]["open_mismatches"], [])
        self.assertEqual(pack.move_line_ids.alltricks_scanned_qty, 0)
        pack.alltricks_pack_scan("EAN-A-02-01-1-1")
        self.assertTrue(pack.alltricks_pack_done()["ok"])
        self.assertEqual(pack.state, "done")

    def test_cart_or_tote_label_scanned_on_an_open_pack_says_to_close_it(self):
        product = self.products["A-02-01-1-1"]
        pack = self.picked_pack([(product, 1)]).with_user(self.packer)
        cart = pack.move_ids.move_orig_ids.picking_id.batch_id

        results = [pack.alltricks_pack_scan(code) for code in (cart.name, "TOTE-2")]

        self.assertEqual(
            [r["message"] for r in results],
            [
                f"{cart.name} is a cart or tote label, not an item: press Done once "
                "this tote is packed, or Other tote, then scan it again.",
                "TOTE-2 is a cart or tote label, not an item: press Done once this "
                "tote is packed, or Other tote, then scan it again.",
            ],
        )
        self.assertEqual([r["ok"] for r in results], [False, False])
        self.assertFalse(pack.sudo().alltricks_mismatch_ids)
        self.assertEqual(pack.move_line_ids.alltricks_scanned_qty, 0)

    def test_extra_unit_of_several_formats_the_ordered_quantity(self):
        product = self.products["B-02-07-1-1"]
        pack = self.picked_pack([(product, 2)]).with_user(self.packer)
        pack.alltricks_pack_scan("EAN-B-02-07-1-1")
        pack.alltricks_pack_scan("EAN-B-02-07-1-1")

        extra = pack.alltricks_pack_scan("EAN-B-02-07-1-1")

        self.assertEqual(
            extra["message"],
            f"Extra unit: all 2 {product.display_name} are scanned already. Take "
            "this one out of the tote, then confirm Set aside.",
        )
        self.assertEqual(pack.move_line_ids.alltricks_scanned_qty, 2)
