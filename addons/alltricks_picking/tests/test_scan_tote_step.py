from odoo.tests import tagged

from .scan_common import ScanCase


@tagged("post_install", "-at_install")
class TestScanToteStep(ScanCase):
    """The tote is scanned after the units of a line, and the screen stays on
    the line until it is, also when it is reloaded."""

    def setUp(self):
        super().setUp()
        self.first, self.second = (
            self.products["A-01-09-1-1"],
            self.products["C-02-02-1-1"],
        )
        self.make_pick([(self.first, 2), (self.second, 1)])
        self.batch = self.take(self.plan())
        self.line = self.batch._get_route_move_lines()[0]
        self.tote = f"TOTE-{self.line.alltricks_tote}"

    def test_tote_before_any_unit_is_refused(self):
        result = self.batch.alltricks_scan(self.line.id, self.tote)

        self.assertFalse(result["ok"])
        self.assertEqual(
            result["message"],
            f"Nothing to put in tote {self.line.alltricks_tote} yet: scan "
            f"{self.line.product_id.display_name} first.",
        )
        self.assertFalse(self.line.alltricks_tote_scanned)

    def test_line_picked_stays_current_until_its_tote_is_scanned(self):
        self.batch.alltricks_scan_fill(self.line.id)

        # a reload of the screen reads the state again
        state = self.batch.alltricks_scan_state()
        self.assertEqual(state["current_id"], self.line.id)
        self.assertTrue(state["lines"][0]["tote_pending"])
        self.assertFalse(state["finished"])

        result = self.batch.alltricks_scan(self.line.id, self.tote)

        self.assertTrue(result["ok"])
        self.assertEqual(result["message"], "Tote confirmed.")
        self.assertNotEqual(result["state"]["current_id"], self.line.id)
        self.assertFalse(result["state"]["lines"][0]["tote_pending"])

    def test_short_line_with_units_in_hand_waits_for_its_tote(self):
        self.batch.alltricks_scan(self.line.id, self.line.product_id.barcode)
        self.batch.alltricks_scan_missing(self.line.id)

        self.assertEqual(self.batch.alltricks_scan_state()["current_id"], self.line.id)
        self.batch.alltricks_scan(self.line.id, self.tote)
        self.assertNotEqual(
            self.batch.alltricks_scan_state()["current_id"], self.line.id
        )

    def test_short_line_with_nothing_found_needs_no_tote(self):
        result = self.batch.alltricks_scan_missing(self.line.id)

        self.assertNotEqual(result["state"]["current_id"], self.line.id)
        self.assertFalse(result["state"]["lines"][0]["tote_pending"])
