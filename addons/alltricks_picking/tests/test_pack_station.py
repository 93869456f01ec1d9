from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .scan_common import ScanCase


@tagged("post_install", "-at_install")
class TestPackStation(ScanCase):
    def test_picker_cannot_pack_his_own_order(self):
        pack = self.picked_pack([(self.products["A-01-09-1-1"], 1)])
        Picking = self.env["stock.picking"].with_user(self.picker)
        self.picker.group_ids |= self.env.ref("alltricks_slotting.group_packer")

        with self.assertRaisesRegex(UserError, "another packer must re-scan it"):
            Picking.alltricks_pack_open(pack.name)
        with self.assertRaisesRegex(UserError, "another packer must re-scan it"):
            pack.with_user(self.picker).alltricks_pack_scan("EAN-A-01-09-1-1")
        self.assertEqual(pack.move_line_ids.alltricks_scanned_qty, 0)
        state = (
            self.env["stock.picking"]
            .with_user(self.packer)
            .alltricks_pack_open(pack.name)
        )
        self.assertEqual(state["id"], pack.id)

    def test_manager_override_lets_the_picker_pack_and_is_logged(self):
        pack = self.picked_pack([(self.products["A-01-09-1-1"], 1)])
        self.picker.group_ids |= self.env.ref("alltricks_slotting.group_packer")
        with self.assertRaises(AccessError):
            pack.with_user(self.packer).action_alltricks_allow_same_packer()

        pack.with_user(self.manager).action_alltricks_allow_same_packer()

        self.assertTrue(pack.alltricks_pack_same_user_ok)
        self.assertIn(
            f"{self.manager.name} allowed the picker to pack", pack.message_ids[0].body
        )
        self.assertEqual(pack.message_ids[0].author_id, self.manager.partner_id)
        result = pack.with_user(self.picker).alltricks_pack_scan("EAN-A-01-09-1-1")
        self.assertTrue(result["ok"])

    def test_wrong_and_extra_units_are_logged_and_change_nothing(self):
        product = self.products["C-01-05-1-1"]
        pack = self.picked_pack([(product, 1)])
        pack = pack.with_user(self.packer)
        pack.alltricks_pack_scan("EAN-C-01-05-1-1")

        wrong = pack.alltricks_pack_scan("EAN-LOOK")
        extra = pack.alltricks_pack_scan("EAN-C-01-05-1-1")

        self.assertFalse(wrong["ok"])
        self.assertFalse(extra["ok"])
        self.assertEqual(pack.move_line_ids.alltricks_scanned_qty, 1)
        log = pack.sudo().alltricks_mismatch_ids.sorted("id")
        self.assertEqual(log.mapped("kind"), ["wrong", "extra"])
        self.assertEqual(log[0].product_scanned_id, self.lookalike)
        self.assertEqual(log[0].product_expected_id, product)
        self.assertEqual(log.picker_id, self.picker)
        self.assertEqual(log.packer_id, self.packer)

    def test_empty_read_at_packing_logs_no_mismatch(self):
        product = self.products["C-01-05-1-1"]
        pack = self.picked_pack([(product, 1)]).with_user(self.packer)

        result = pack.alltricks_pack_scan("")

        self.assertFalse(result["ok"])
        self.assertEqual(result["message"], "Nothing was read: scan the label again.")
        self.assertFalse(pack.sudo().alltricks_mismatch_ids)
        self.assertEqual(pack.move_line_ids.alltricks_scanned_qty, 0)

    def test_missing_unit_blocks_the_delivery_until_found(self):
        product = self.products["B-02-07-1-1"]
        pack = self.picked_pack([(product, 2)]).with_user(self.packer)
        pack.alltricks_pack_scan("EAN-B-02-07-1-1")

        blocked = pack.alltricks_pack_done()

        self.assertFalse(blocked["ok"])
        self.assertIn("1 unit is missing", blocked["message"])
        self.assertEqual(pack.state, "assigned")
        missing = pack.sudo().alltricks_mismatch_ids
        self.assertEqual(missing.kind, "missing")
        self.assertEqual(missing.quantity, 1)
        with self.assertRaisesRegex(UserError, "must be re-scanned unit by unit"):
            pack.button_validate()

        pack.alltricks_pack_scan("EAN-B-02-07-1-1")
        done = pack.alltricks_pack_done()

        self.assertTrue(done["ok"])
        self.assertEqual(pack.state, "done")
        out = pack.move_ids.move_dest_ids.picking_id
        self.assertEqual(out.picking_type_id, self.warehouse.out_type_id)
        self.assertEqual(done["report"]["report_name"], "stock.report_deliveryslip")
        self.assertEqual(done["report"]["context"]["active_ids"], out.ids)
        self.assertEqual(pack.move_line_ids.alltricks_packed_by, self.packer)

    def test_tote_scan_opens_the_pack_of_that_tote(self):
        pack = self.picked_pack([(self.products["A-02-01-1-1"], 1)])
        pick = pack.move_ids.move_orig_ids.picking_id

        state = (
            self.env["stock.picking"]
            .with_user(self.packer)
            .alltricks_pack_open(f"TOTE-{pick.alltricks_tote}")
        )

        self.assertEqual(state["id"], pack.id)
        with self.assertRaisesRegex(UserError, "Nothing to pack for TOTE-9"):
            self.env["stock.picking"].with_user(self.packer).alltricks_pack_open(
                "TOTE-9"
            )
