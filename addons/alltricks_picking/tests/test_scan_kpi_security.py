from odoo.exceptions import AccessError
from odoo.tests import tagged
from odoo.tests.common import new_test_user

from .scan_common import ScanCase


@tagged("post_install", "-at_install")
class TestScanKpiSecurity(ScanCase):
    def _pack_with_one_missing_unit(self):
        pack = self.picked_pack([(self.products["B-02-07-1-1"], 2)])
        pack = pack.with_user(self.packer)
        pack.alltricks_pack_scan("EAN-B-02-07-1-1")
        pack.alltricks_pack_done()
        return pack

    def test_quality_report_counts_lines_and_errors_per_picker_and_packer(self):
        self._pack_with_one_missing_unit()
        Kpi = self.env["alltricks.scan.kpi"].with_user(self.manager)

        rows = Kpi.search([("user_id", "in", [self.picker.id, self.packer.id])])

        values = {
            (r.role, r.user_id.login): (r.line_count, r.error_count, r.error_rate)
            for r in rows
        }
        self.assertEqual(
            values,
            {
                ("picker", "rt_picker"): (1, 1, 100.0),
                ("packer", "rt_packer"): (1, 1, 100.0),
            },
        )

    def test_only_managers_read_the_quality_report_and_mismatch_log(self):
        pack = self._pack_with_one_missing_unit()

        with self.assertRaises(AccessError):
            self.env["alltricks.scan.kpi"].with_user(self.packer).search([])
        with self.assertRaises(AccessError):
            pack.alltricks_mismatch_ids.with_user(self.picker).read(["kind"])
        with self.assertRaises(AccessError):
            pack.alltricks_mismatch_ids.with_user(self.packer).write({"quantity": 0})
        log = (
            self.env["alltricks.pack.mismatch"]
            .with_user(self.manager)
            .search([("picking_id", "=", pack.id)])
        )
        self.assertEqual(log.mapped("kind"), ["missing"])

    def test_mismatches_of_another_company_are_hidden(self):
        pack = self._pack_with_one_missing_unit()
        other = self.env["res.company"].create({"name": "Other scan company"})
        outsider = new_test_user(
            self.env,
            "rt_outsider",
            groups="alltricks_slotting.group_warehouse_manager",
            company_id=other.id,
            company_ids=[(6, 0, other.ids)],
        )

        seen = self.env["alltricks.pack.mismatch"].with_user(outsider).search([])

        self.assertEqual(len(pack.sudo().alltricks_mismatch_ids), 1)
        self.assertFalse(seen)
        self.assertFalse(self.env["alltricks.scan.kpi"].with_user(outsider).search([]))

    def test_nobody_writes_the_mismatch_log_by_hand(self):
        pack = self.picked_pack([(self.products["B-02-07-1-1"], 1)])
        pack = pack.with_user(self.packer)
        pack.alltricks_pack_scan("EAN-B-02-07-1-1")
        self.assertTrue(pack.alltricks_pack_done()["ok"])
        self.assertEqual(pack.state, "done")
        forged = {
            "picking_id": pack.id,
            "kind": "wrong",
            "picker_id": self.picker2.id,
            "packer_id": self.manager.id,
        }

        for user in (self.packer, self.manager):
            with self.assertRaises(AccessError):
                self.env["alltricks.pack.mismatch"].with_user(user).create(forged)
        self.assertFalse(pack.sudo().alltricks_mismatch_ids)
        self.assertEqual(pack.alltricks_open_mismatch_count, 0)

    def test_pack_scan_logs_the_mismatch_with_its_own_picker_and_packer(self):
        product = self.products["B-02-07-1-1"]
        pack = self.picked_pack([(product, 1)]).with_user(self.packer)

        refused = pack.alltricks_pack_scan("EAN-LOOK")

        self.assertFalse(refused["ok"])
        mismatch = pack.sudo().alltricks_mismatch_ids
        self.assertEqual(
            (mismatch.kind, mismatch.picker_id, mismatch.packer_id),
            ("wrong", self.picker, self.packer),
        )
        self.assertEqual(mismatch.create_uid, self.packer)
        self.assertEqual(pack.alltricks_open_mismatch_count, 1)
        with self.assertRaises(AccessError):
            mismatch.with_user(self.manager).write({"picker_id": self.picker2.id})
        with self.assertRaises(AccessError):
            mismatch.with_user(self.manager).unlink()
        self.assertEqual(mismatch.picker_id, self.picker)
