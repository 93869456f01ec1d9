from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .scan_common import ScanCase


@tagged("post_install", "-at_install")
class TestPackMismatchBlock(ScanCase):
    """A wrong or extra item scanned at packing holds the delivery until set aside."""

    def blocked_message(self, pack, product):
        return (
            f"Delivery blocked: 1 scanned unit does not belong in {pack.name} "
            f"({product}). Take it out of the tote, then confirm Set aside on "
            "the pack screen."
        )

    def test_wrong_item_blocks_validation_until_set_aside(self):
        product = self.products["C-01-05-1-1"]
        pack = self.picked_pack([(product, 1)]).with_user(self.packer)
        pack.alltricks_pack_scan("EAN-C-01-05-1-1")
        pack.alltricks_pack_scan("EAN-LOOK")
        before = self.snapshot(product, self.lookalike)
        message = self.blocked_message(pack, "Part A-01-09-1-1 (black)")

        refused = pack.alltricks_pack_done()

        self.assertFalse(refused["ok"])
        self.assertEqual(refused["message"], message)
        self.assertEqual(refused["state"]["open_mismatches"][0]["kind"], "wrong")
        with self.assertRaises(UserError) as refusal:
            pack.button_validate()
        self.assertEqual(str(refusal.exception.args[0]), message)
        self.assertEqual(pack.state, "assigned")
        self.assertEqual(self.snapshot(product, self.lookalike), before)
        self.assertEqual(pack.alltricks_open_mismatch_count, 1)

        result = pack.alltricks_pack_set_aside()

        self.assertTrue(result["ok"])
        self.assertEqual(
            result["message"], "1 unit set aside: keep it out of the parcel."
        )
        self.assertEqual(result["state"]["open_mismatches"], [])
        mismatch = pack.sudo().alltricks_mismatch_ids
        self.assertEqual(mismatch.kind, "wrong")
        self.assertEqual(mismatch.resolution, "set_aside")
        self.assertEqual(mismatch.resolved_by_id, self.packer)
        self.assertTrue(mismatch.resolved_date)
        self.assertFalse(mismatch.blocking)
        self.assertIn(
            f"{self.packer.name} set aside 1 unit scanned", pack.message_ids[0].body
        )
        done = pack.alltricks_pack_done()
        self.assertTrue(done["ok"])
        self.assertEqual(pack.state, "done")
        self.assertEqual(pack.move_ids.quantity, 1)
        self.assertEqual(pack.sudo().alltricks_mismatch_ids, mismatch)
        kpi = (
            self.env["alltricks.scan.kpi"]
            .with_user(self.manager)
            .search([("role", "=", "packer"), ("user_id", "=", self.packer.id)])
        )
        self.assertEqual(kpi.error_count, 1)

    def test_extra_unit_blocks_the_backend_validate_until_set_aside(self):
        product = self.products["B-02-07-1-1"]
        pack = self.picked_pack([(product, 1)]).with_user(self.packer)
        pack.alltricks_pack_scan("EAN-B-02-07-1-1")
        pack.alltricks_pack_scan("EAN-B-02-07-1-1")
        before = self.snapshot(product)

        with self.assertRaises(UserError) as refusal:
            pack.button_validate()

        self.assertEqual(
            str(refusal.exception.args[0]),
            self.blocked_message(pack, product.display_name),
        )
        self.assertEqual(pack.state, "assigned")
        self.assertEqual(self.snapshot(product), before)
        self.assertEqual(pack.move_line_ids.alltricks_scanned_qty, 1)
        self.assertFalse(pack.alltricks_pack_done()["ok"])

        pack.action_alltricks_set_aside()

        mismatch = pack.sudo().alltricks_mismatch_ids
        self.assertEqual(mismatch.kind, "extra")
        self.assertEqual(mismatch.resolution, "set_aside")
        self.assertEqual(mismatch.resolved_by_id, self.packer)
        with self.assertRaisesRegex(UserError, "Nothing to set aside"):
            pack.action_alltricks_set_aside()
        pack.button_validate()
        self.assertEqual(pack.state, "done")
        self.assertEqual(pack.move_ids.quantity, 1)

    def test_set_aside_from_the_mismatch_log(self):
        pack = self.picked_pack([(self.products["A-02-01-1-1"], 1)])
        pack.with_user(self.packer).alltricks_pack_scan("EAN-LOOK")
        mismatch = pack.sudo().alltricks_mismatch_ids.with_user(self.packer)

        mismatch.action_set_aside()

        self.assertEqual(mismatch.resolution, "set_aside")
        self.assertEqual(mismatch.resolved_by_id, self.packer)
        self.assertEqual(pack.alltricks_open_mismatch_count, 0)

    def test_only_a_packer_who_did_not_pick_sets_aside(self):
        pack = self.picked_pack([(self.products["C-02-02-1-1"], 1)])
        pack.with_user(self.packer).alltricks_pack_scan("EAN-LOOK")
        mismatch = pack.sudo().alltricks_mismatch_ids

        with self.assertRaises(AccessError):
            pack.with_user(self.picker2).alltricks_pack_set_aside()
        with self.assertRaises(AccessError):
            pack.with_user(self.picker2).action_alltricks_set_aside()
        with self.assertRaises(AccessError):
            mismatch.with_user(self.picker2).action_set_aside()
        with self.assertRaises(AccessError):
            mismatch.with_user(self.packer).write({"resolution": "set_aside"})
        self.picker.group_ids |= self.env.ref("alltricks_slotting.group_packer")
        with self.assertRaisesRegex(UserError, "another packer must re-scan it"):
            pack.with_user(self.picker).action_alltricks_set_aside()

        self.assertTrue(mismatch.blocking)
        self.assertFalse(mismatch.resolution)
        self.assertFalse(mismatch.resolved_by_id)
        self.assertEqual(pack.alltricks_open_mismatch_count, 1)

    def test_manager_waiver_waives_open_mismatches_and_logs_them(self):
        product = self.products["A-01-09-1-1"]
        pack = self.picked_pack([(product, 1)])
        pack.with_user(self.packer).alltricks_pack_scan("EAN-LOOK")

        pack.with_user(self.manager).action_alltricks_waive_rescan()

        mismatch = pack.sudo().alltricks_mismatch_ids
        self.assertEqual(mismatch.resolution, "waived")
        self.assertEqual(mismatch.resolved_by_id, self.manager)
        self.assertFalse(mismatch.blocking)
        self.assertIn(
            f"{self.manager.name} waived 1 open packing mismatch on",
            pack.message_ids[0].body,
        )
        pack.with_user(self.packer).button_validate()
        self.assertEqual(pack.state, "done")
        self.assertEqual(pack.move_ids.quantity, 1)

    def test_mismatches_are_named_by_transfer_and_what_was_found(self):
        product = self.products["C-01-05-1-1"]
        other = self.products["A-01-09-1-1"]
        pack = self.picked_pack([(product, 1), (other, 2)]).with_user(self.packer)
        pack.alltricks_pack_scan("EAN-C-01-05-1-1")
        pack.alltricks_pack_scan("EAN-C-01-05-1-1")
        pack.alltricks_pack_scan("EAN-LOOK")
        pack.alltricks_pack_set_aside()
        pack.alltricks_pack_done()

        mismatches = pack.with_user(self.manager).alltricks_mismatch_ids
        names = {m.kind: m.display_name for m in mismatches}

        self.assertEqual(
            names,
            {
                "wrong": f"{pack.name} · Wrong item: Part A-01-09-1-1 (black) "
                f"instead of {other.display_name}",
                "extra": f"{pack.name} · Extra unit: {product.display_name}",
                "missing": f"{pack.name} · Missing units: 2 of {other.display_name}",
            },
        )
