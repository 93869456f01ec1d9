from odoo.exceptions import UserError
from odoo.tests import tagged

from .scan_common import ScanCase

EAN_B = "EAN-B-01-03-1-1"


@tagged("post_install", "-at_install")
class TestScanPicker(ScanCase):
    def test_lookalike_product_is_refused_and_nothing_changes(self):
        product = self.products["A-01-09-1-1"]
        self.make_pick([(product, 2)])
        batch = self.take(self.plan())
        line = batch._get_route_move_lines()
        before = self.snapshot(product, self.lookalike)

        result = batch.alltricks_scan(line.id, "EAN-LOOK")

        self.assertFalse(result["ok"])
        self.assertIn("Wrong item: this is Part A-01-09-1-1 (black)", result["message"])
        self.assertEqual(self.snapshot(product, self.lookalike), before)
        self.assertEqual(len(batch.move_line_ids), 1)
        self.assertFalse(line.alltricks_picked_by)

    def test_lot_of_another_product_is_refused_on_the_line(self):
        self.make_pick([(self.lot_product, 2)])
        batch = self.take(self.plan())
        line = batch._get_route_move_lines()
        self.assertEqual(line.lot_id, self.lot)
        before = self.snapshot(self.lot_product, self.lookalike)

        refused = batch.alltricks_scan(line.id, "LOT-LOOK-1")
        barcode_only = batch.alltricks_scan(line.id, "EAN-FORK")

        self.assertFalse(refused["ok"])
        self.assertIn("lot LOT-LOOK-1 is Part A-01-09-1-1 (black)", refused["message"])
        self.assertFalse(barcode_only["ok"])
        self.assertEqual(self.snapshot(self.lot_product, self.lookalike), before)
        accepted = batch.alltricks_scan(line.id, "LOT-FORK-1")
        self.assertTrue(accepted["ok"])
        self.assertEqual(line.alltricks_scanned_qty, 1)

    def test_scans_never_go_above_the_reserved_quantity(self):
        product = self.products["C-01-05-1-1"]
        self.make_pick([(product, 2)])
        batch = self.take(self.plan())
        line = batch._get_route_move_lines()

        results = [batch.alltricks_scan(line.id, "EAN-C-01-05-1-1") for _ in range(3)]

        self.assertEqual([r["ok"] for r in results], [True, True, False])
        self.assertEqual(line.alltricks_scanned_qty, 2)
        self.assertEqual(line.quantity, 2)
        self.assertTrue(line.picked)
        self.assertEqual(line.alltricks_picked_by, self.picker)

    def test_fill_shortcut_fills_only_what_is_still_missing(self):
        product = self.products["B-02-07-1-1"]
        self.make_pick([(product, 4)])
        batch = self.take(self.plan())
        line = batch._get_route_move_lines()
        batch.alltricks_scan(line.id, "EAN-B-02-07-1-1")
        quant = self.env["stock.quant"].search(
            [("product_id", "=", product.id), ("location_id", "=", line.location_id.id)]
        )

        first = batch.alltricks_scan_fill(line.id)
        again = batch.alltricks_scan_fill(line.id)

        self.assertEqual([first["ok"], again["ok"]], [True, True])
        self.assertEqual(line.alltricks_scanned_qty, 4)
        self.assertEqual(line.quantity, 4)
        self.assertEqual(line.move_id.quantity, 4)
        self.assertEqual(line.move_id.product_uom_qty, 4)
        self.assertEqual((quant.quantity, quant.reserved_quantity), (10, 4))
        extra = batch.alltricks_scan(line.id, "EAN-B-02-07-1-1")
        self.assertFalse(extra["ok"])
        self.assertEqual(line.alltricks_scanned_qty, 4)

    def test_fill_after_a_short_pick_adds_nothing(self):
        product = self.products["C-01-05-1-1"]
        pick = self.make_pick([(product, 3)])
        batch = self.take(self.plan())
        line = batch._get_route_move_lines()
        batch.alltricks_scan(line.id, "EAN-C-01-05-1-1")
        batch.alltricks_scan_missing(line.id)

        batch.alltricks_scan_fill(line.id)

        self.assertEqual((line.quantity, line.alltricks_scanned_qty), (1, 1))
        batch.alltricks_scan_done()
        self.assertEqual(pick.move_ids.quantity, 1)
        self.assertEqual(pick.backorder_ids.move_ids.product_uom_qty, 2)

    def test_bin_and_tote_scans_are_checked_and_write_nothing(self):
        product = self.products["A-02-01-1-1"]
        self.make_pick([(product, 1)])
        batch = self.take(self.plan())
        line = batch._get_route_move_lines()
        before = self.snapshot(product)

        results = [
            batch.alltricks_scan(line.id, code)
            for code in ("A-02-01-1-1", "TOTE-1", "TOTE-2")
        ]

        # the right tote before any unit: nothing to put in it yet
        self.assertEqual([r["ok"] for r in results], [True, False, False])
        self.assertIn("Nothing to put in tote 1 yet", results[1]["message"])
        self.assertEqual(results[2]["message"], "Wrong tote: put this item in tote 1.")
        self.assertEqual(self.snapshot(product), before)

    def test_typed_references_are_read_in_any_case(self):
        product = self.products["A-02-01-1-1"]
        product.default_code = "SH-CN_HG901"
        self.lookalike.default_code = "SH-CNXHG901"
        self.make_pick([(product, 2)])
        batch = self.take(self.plan())
        line = batch._get_route_move_lines()

        codes = ("a-02-01-1-1", "c-02-02-1-1", "sh-cnxhg901", "sh-cn%", "sh-cn_hg901")
        results = [batch.alltricks_scan(line.id, code) for code in codes]

        self.assertEqual(
            [(r["ok"], r["kind"]) for r in results],
            [
                (True, "bin"),
                (False, "bin"),
                (False, "product"),
                (False, "product"),
                (True, "product"),
            ],
        )
        self.assertIn("Wrong bin C-02-02-1-1", results[1]["message"])
        self.assertIn(
            "Wrong item: this is [SH-CNXHG901] Part A-01-09-1-1", results[2]["message"]
        )
        # % and _ are characters of the code, not wildcards
        self.assertIn("Unknown barcode sh-cn%", results[3]["message"])
        self.assertEqual(line.alltricks_scanned_qty, 1)

    def test_empty_read_is_refused_and_writes_nothing(self):
        product = self.products["A-02-01-1-1"]
        self.make_pick([(product, 1)])
        batch = self.take(self.plan())
        line = batch._get_route_move_lines()
        before = self.snapshot(product)

        results = [batch.alltricks_scan(line.id, code) for code in ("", "  ", None)]

        self.assertEqual([r["ok"] for r in results], [False, False, False])
        self.assertEqual(
            results[0]["message"], "Nothing was read: scan the label again."
        )
        self.assertEqual(self.snapshot(product), before)

    def test_missing_unit_goes_to_a_backorder_outside_the_cart(self):
        short = self.products["C-02-02-1-1"]
        full = self.products["A-01-09-1-1"]
        pick = self.make_pick([(short, 3), (full, 1)])
        batch = self.take(self.plan())
        lines = batch._get_route_move_lines()
        short_line = lines.filtered(lambda ml: ml.product_id == short)
        full_line = lines - short_line
        batch.alltricks_scan(short_line.id, "EAN-C-02-02-1-1")
        batch.alltricks_scan_missing(short_line.id)
        with self.assertRaisesRegex(UserError, "1 line is not picked yet"):
            batch.alltricks_scan_done()
        batch.alltricks_scan(full_line.id, "EAN-A-01-09-1-1")

        result = batch.alltricks_scan_done()

        self.assertEqual(result["state"], "done")
        self.assertEqual(pick.state, "done")
        self.assertEqual(
            pick.move_ids.filtered(lambda m: m.product_id == short).quantity, 1
        )
        self.assertEqual(pick.backorder_ids.move_ids.product_uom_qty, 2)
        self.assertFalse(pick.backorder_ids.batch_id)
        self.assertEqual(short_line.alltricks_picked_by, self.picker)
        self.assertTrue(short_line.alltricks_missing)

    def test_empty_bin_leaves_the_whole_line_to_a_backorder(self):
        empty = self.products["A-02-01-1-1"]
        found = self.products["B-01-03-1-1"]
        pick = self.make_pick([(empty, 2), (found, 1)])
        batch = self.take(self.plan())
        lines = batch._get_route_move_lines()
        empty_line = lines.filtered(lambda ml: ml.product_id == empty)
        batch.alltricks_scan_missing(empty_line.id)
        batch.alltricks_scan_fill((lines - empty_line).id)

        batch.alltricks_scan_done()

        self.assertEqual(pick.state, "done")
        self.assertEqual(
            pick.move_ids.filtered(lambda m: m.product_id == found).quantity, 1
        )
        backorder = pick.backorder_ids
        self.assertEqual(backorder.move_ids.product_id, empty)
        self.assertEqual(backorder.move_ids.product_uom_qty, 2)
        self.assertFalse(backorder.batch_id)

    def test_a_line_id_that_is_not_a_number_is_refused(self):
        self.setup_taken_cart("B-01-03-1-1", 3)
        calls = {
            "scan": lambda line_id: self.batch.alltricks_scan(line_id, EAN_B),
            "all here": self.batch.alltricks_scan_fill,
            "missing": self.batch.alltricks_scan_missing,
        }
        before = self.snapshot(self.product)

        for name, call in calls.items():
            for line_id in ("abc", str(self.line.id), [self.line.id], True, -1):
                with (
                    self.subTest(name, line_id=line_id),
                    self.assertRaises(UserError) as refusal,
                ):
                    call(line_id)
                self.assertEqual(
                    refusal.exception.args[0],
                    f"{line_id!r} is not a line of cart {self.batch.name}: reload "
                    "the cart and scan from its screen.",
                )

        self.assertEqual(self.snapshot(self.product), before)
        self.assertEqual(self.line.alltricks_scanned_qty, 1)
        self.assertFalse(self.line.picked)
        self.assertTrue(self.batch.alltricks_scan(self.line.id, EAN_B)["ok"])

    def test_pack_station_refuses_a_cart_id_that_is_not_a_number(self):
        Picking = self.env["stock.picking"].with_user(self.packer)

        with self.assertRaises(UserError) as refusal:
            Picking.alltricks_pack_open("TOTE-1", "abc")

        self.assertEqual(
            refusal.exception.args[0],
            "'abc' is not a cart: scan the cart's pick list again.",
        )
