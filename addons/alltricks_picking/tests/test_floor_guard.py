from odoo.exceptions import AccessError
from odoo.tests import tagged

from .scan_common import ScanCase

EAN = "EAN-B-01-03-1-1"
NOT_YOURS = "is on cart .* which is not yours"


@tagged("post_install", "-at_install")
class TestFloorGuard(ScanCase):
    """Plain ORM writes hold the rules of the scanner screens."""

    def setUp(self):
        super().setUp()
        self.setup_taken_cart("B-01-03-1-1", 3)

    def test_another_picker_cannot_change_a_cart_through_the_orm(self):
        line = self.line.with_user(self.picker2)
        pick = self.pick.with_user(self.picker2)
        move = pick.move_ids
        calls = {
            "line quantity": lambda: line.write({"quantity": 2}),
            "line picked": lambda: line.write({"picked": True}),
            "line unlink": line.unlink,
            "unreserve": pick.do_unreserve,
            "cancel": pick.action_cancel,
            "transfer unlink": pick.unlink,
            "transfer write": lambda: pick.write({"origin": "HACK"}),
            "move quantity": lambda: move.write({"quantity": 1}),
            "move picked": lambda: move.write({"picked": True}),
            "cart cancel": self.batch.with_user(self.picker2).action_cancel,
        }
        before = self.snapshot(self.product)

        for name, call in calls.items():
            with self.subTest(name), self.assertRaisesRegex(AccessError, NOT_YOURS):
                call()

        self.assertEqual(self.snapshot(self.product), before)
        self.assertEqual(self.line.quantity, 3)
        self.assertEqual(self.line.alltricks_scanned_qty, 1)
        self.assertFalse(self.line.picked)
        self.assertEqual(self.pick.state, "assigned")
        self.assertEqual(self.pick.origin, False)
        self.assertEqual(self.batch.state, "in_progress")
        self.assertEqual(self.pick.batch_id, self.batch)

    def test_picker_cannot_unreserve_a_transfer_of_his_own_cart(self):
        before = self.snapshot(self.product)

        with self.assertRaises(AccessError) as refusal:
            self.pick.with_user(self.picker).do_unreserve()

        self.assertEqual(
            refusal.exception.args[0],
            f"{self.pick.name} is on cart {self.batch.name}: its reservation is "
            "the cart's route, only a warehouse manager can unreserve it. Pick "
            "it, marking missing what you cannot find, or ask a manager.",
        )
        self.assertEqual(self.snapshot(self.product), before)
        self.assertEqual(self.pick.state, "assigned")
        self.assertEqual(self.batch._get_route_move_lines(), self.line)
        self.assertEqual(self.line.alltricks_scanned_qty, 1)

    def test_a_manager_may_unreserve_a_taken_cart(self):
        self.pick.with_user(self.manager).do_unreserve()

        self.assertEqual(self.pick.state, "confirmed")
        self.assertFalse(self.pick.move_line_ids)

    def test_picker_cannot_mark_his_cart_lines_picked_by_hand(self):
        line = self.line.with_user(self.picker)
        move = self.pick.move_ids.with_user(self.picker)
        calls = {
            "line picked": lambda: line.write({"picked": True}),
            "line quantity": lambda: line.write({"quantity": 1}),
            "line both": lambda: line.write({"quantity": 1, "picked": True}),
            "move picked": lambda: move.write({"picked": True}),
            "move quantity": lambda: move.write({"quantity": 1}),
            "new line": lambda: line.create(
                {
                    "move_id": move.id,
                    "picking_id": self.pick.id,
                    "product_id": self.product.id,
                    "location_id": line.location_id.id,
                    "location_dest_id": line.location_dest_id.id,
                    "quantity": 1,
                    "picked": True,
                }
            ),
        }
        before = self.snapshot(self.product)

        for name, call in calls.items():
            with self.subTest(name), self.assertRaises(AccessError) as refusal:
                call()
            self.assertEqual(
                refusal.exception.args[0],
                f"{self.pick.name} is on cart {self.batch.name}: its quantities are "
                "recorded by the scanner. Scan the units in Pick (scanner) and mark "
                "missing what you cannot find; a warehouse manager may change them.",
            )

        self.assertEqual(self.snapshot(self.product), before)
        self.assertFalse(self.line.picked)
        # The scanner still answers the line: one more unit, then missing.
        scanned = self.batch.alltricks_scan(self.line.id, EAN)
        self.assertEqual(scanned["message"], "2 of 3 picked.")
        self.batch.alltricks_scan_missing(self.line.id)
        self.assertEqual(self.batch.alltricks_scan_done()["state"], "done")
        self.assertEqual(self.pick.state, "done")
        self.assertEqual(self.pick.move_ids.quantity, 2)
        self.assertEqual(self.pick.backorder_ids.move_ids.product_uom_qty, 1)

    def test_a_manager_may_mark_a_cart_line_picked(self):
        line = self.line.with_user(self.manager)

        line.write({"quantity": 2, "picked": True})

        self.assertTrue(self.line.picked)
        self.assertEqual(self.line.quantity, 2)

    def test_picker_cannot_raise_a_line_above_its_demand(self):
        pick = self.make_pick([(self.product, 3)])
        line = pick.move_line_ids.with_user(self.picker)
        before = self.snapshot(self.product)

        with self.assertRaisesRegex(AccessError, "3 Units ordered on .* no more"):
            line.write({"quantity": 4})

        self.assertEqual(self.snapshot(self.product), before)
        self.assertEqual(line.quantity, 3)
        line.write({"quantity": 2})
        self.assertEqual(line.quantity, 2)

    def test_packer_cannot_write_pack_quantities(self):
        product = self.products["A-01-09-1-1"]
        pack = self.picked_pack([(product, 1)]).with_user(self.packer)
        line = pack.move_line_ids
        before = self.snapshot(product)

        for name, call in {
            "line": lambda: line.write({"quantity": 3}),
            "move": lambda: pack.move_ids.write({"quantity": 3}),
            "demand": lambda: pack.move_ids.write({"product_uom_qty": 3}),
        }.items():
            with self.subTest(name), self.assertRaises(AccessError):
                call()

        self.assertEqual(self.snapshot(product), before)
        self.assertEqual(line.quantity, 1)
        self.assertEqual(pack.move_ids.product_uom_qty, 1)

    def test_rescan_counts_what_was_ordered_not_the_line_quantity(self):
        product = self.products["A-01-09-1-1"]
        pack = self.picked_pack([(product, 1)])
        pack.move_line_ids.with_user(self.manager).write({"quantity": 3})
        pack = pack.with_user(self.packer)

        scanned = pack.alltricks_pack_scan("EAN-A-01-09-1-1")
        extra = pack.alltricks_pack_scan("EAN-A-01-09-1-1")

        self.assertEqual(scanned["message"], f"{product.display_name}: 1 of 1.")
        self.assertEqual(scanned["state"]["lines"][0]["quantity"], 1)
        self.assertTrue(scanned["state"]["complete"])
        self.assertEqual(
            extra["message"],
            f"Extra unit: the one {product.display_name} of this order is scanned "
            "already. Take this one out of the tote, then confirm Set aside.",
        )
        pack.alltricks_pack_set_aside()
        done = pack.alltricks_pack_done()
        self.assertTrue(done["ok"])
        self.assertEqual(pack.state, "done")
        self.assertEqual(pack.move_ids.quantity, 1)
        self.assertEqual(pack.move_line_ids.quantity, 1)
        out = pack.move_ids.move_dest_ids
        self.assertEqual(out.product_uom_qty, 1)
        self.assertEqual(out.quantity, 1)
