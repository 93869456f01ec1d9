from odoo.exceptions import AccessError, UserError
from odoo.fields import Command
from odoo.tests import tagged

from .scan_common import ScanCase

EAN = "EAN-B-01-03-1-1"


@tagged("post_install", "-at_install")
class TestCartAccess(ScanCase):
    """Only the picker of a cart, or a warehouse manager, scans or validates it."""

    def setUp(self):
        super().setUp()
        self.setup_taken_cart("B-01-03-1-1", 3)

    def test_another_picker_cannot_scan_or_validate_a_taken_cart(self):
        other = self.batch.with_user(self.picker2)
        line_id = self.line.id
        calls = {
            "scan": lambda: other.alltricks_scan(line_id, EAN),
            "fill": lambda: other.alltricks_scan_fill(line_id),
            "missing": lambda: other.alltricks_scan_missing(line_id),
            "done": other.alltricks_scan_done,
            "batch validate": other.action_done,
            "transfer validate": self.pick.with_user(self.picker2).button_validate,
        }
        before = self.snapshot(self.product)

        for name, call in calls.items():
            with (
                self.subTest(name),
                self.assertRaisesRegex(UserError, "being picked by rt_picker"),
            ):
                call()
        with self.assertRaisesRegex(AccessError, "only a warehouse manager"):
            other.write({"user_id": self.picker2.id})

        self.assertEqual(self.snapshot(self.product), before)
        self.assertEqual(self.line.alltricks_scanned_qty, 1)
        self.assertEqual(self.batch.user_id, self.picker)
        self.assertEqual(self.batch.state, "in_progress")
        self.assertEqual(self.pick.state, "assigned")

    def test_a_manager_may_finish_a_taken_cart(self):
        batch = self.batch.with_user(self.manager)

        batch.alltricks_scan_fill(self.line.id)
        result = batch.alltricks_scan_done()

        self.assertEqual(result["state"], "done")
        self.assertEqual(self.pick.state, "done")
        self.assertEqual(self.pick.move_ids.quantity, 3)
        self.assertEqual(self.line.alltricks_scanned_qty, 3)
        self.assertEqual(self.line.alltricks_picked_by, self.manager)

    def test_own_cart_is_validated_from_the_backend_only_once_scanned(self):
        before = self.snapshot(self.product)

        with self.assertRaisesRegex(UserError, "1 line of cart .* is not scanned"):
            self.batch.action_done()
        with self.assertRaisesRegex(UserError, "is not scanned"):
            self.pick.with_user(self.picker).button_validate()

        self.assertEqual(self.snapshot(self.product), before)
        self.assertEqual(self.pick.state, "assigned")
        self.batch.alltricks_scan_fill(self.line.id)
        self.batch.action_done()
        self.assertEqual(self.pick.state, "done")
        self.assertEqual(self.pick.move_ids.quantity, 3)

    def test_scans_are_refused_on_a_cart_that_is_not_being_picked(self):
        self.batch.alltricks_scan_fill(self.line.id)
        self.batch.alltricks_scan_done()
        draft_pick = self.make_pick([(self.products["C-01-05-1-1"], 1)])
        draft = (
            self.env["stock.picking.batch"]
            .with_user(self.manager)
            .create(
                {
                    "picking_ids": [Command.set(draft_pick.ids)],
                    "user_id": self.picker.id,
                }
            )
            .with_user(self.picker)
        )
        self.assertEqual(draft.state, "draft")
        draft_line = draft_pick.move_line_ids
        before = self.snapshot(self.product, self.products["C-01-05-1-1"])

        with self.assertRaisesRegex(UserError, r"is not to pick \(Done\)"):
            self.batch.alltricks_scan_fill(self.line.id)
        with self.assertRaisesRegex(UserError, r"is not to pick \(Done\)"):
            self.batch.alltricks_scan_done()
        with self.assertRaisesRegex(UserError, r"is not to pick \(Draft\)"):
            draft.alltricks_scan(draft_line.id, "EAN-C-01-05-1-1")
        with self.assertRaisesRegex(UserError, r"is not to pick \(Draft\)"):
            draft.alltricks_scan_missing(draft_line.id)
        with self.assertRaisesRegex(UserError, "is not to pick any more"):
            draft.action_alltricks_scan_take()

        self.assertEqual(
            self.snapshot(self.product, self.products["C-01-05-1-1"]), before
        )
        self.assertEqual(draft_line.alltricks_scanned_qty, 0)

    def test_only_floor_roles_use_the_scanners(self):
        free_pick = self.make_pick([(self.products["A-02-01-1-1"], 1)])
        free_cart = self.plan(free_pick)
        with self.assertRaisesRegex(AccessError, "Only pickers"):
            free_cart.with_user(self.packer).action_alltricks_scan_take()
        self.assertFalse(free_cart.user_id)

        pack = self.picked_pack([(self.products["A-01-09-1-1"], 1)])
        with self.assertRaisesRegex(AccessError, "Only packers"):
            pack.with_user(self.picker2).alltricks_pack_scan("EAN-A-01-09-1-1")
        with self.assertRaisesRegex(AccessError, "Only packers"):
            self.env["stock.picking"].with_user(self.picker2).alltricks_pack_open(
                pack.name
            )
        self.assertEqual(pack.move_line_ids.alltricks_scanned_qty, 0)

    def test_validation_context_sent_by_a_client_takes_nothing_off_a_cart(self):
        before = self.snapshot(self.product)
        # what Odoo's batch validation puts in its context, sent over RPC
        pick = self.pick.with_user(self.picker).with_context(
            pickings_to_detach=self.pick.ids
        )

        with self.assertRaisesRegex(AccessError, "only a warehouse manager can take"):
            pick.write({"batch_id": False})

        self.assertEqual(self.pick.batch_id, self.batch)
        self.assertEqual(self.line.alltricks_scanned_qty, 1)
        self.assertEqual(self.snapshot(self.product), before)

    def test_a_planned_transfer_is_not_validated_off_its_cart(self):
        before = self.snapshot(self.product)
        with self.assertRaisesRegex(AccessError, "which is not yours: only its picker"):
            self.pick.with_user(self.picker2).write({"batch_id": False})
        self.assertEqual(self.pick.batch_id, self.batch)
        self.assertEqual(self.snapshot(self.product), before)

        self.pick.with_user(self.manager).write({"batch_id": False})
        self.assertEqual(self.line.alltricks_scanned_qty, 0)
        before = self.snapshot(self.product)

        for user in (self.picker, self.picker2):
            with self.assertRaisesRegex(UserError, "was planned on a cart"):
                self.pick.with_user(user).button_validate()
        self.assertEqual(self.snapshot(self.product), before)
        self.assertEqual(self.pick.state, "assigned")

    def test_scanner_lists_and_takes_planned_carts_only(self):
        free_cart = self.plan(self.make_pick([(self.products["A-02-01-1-1"], 1)]))
        manual_pick = self.make_pick([(self.products["C-01-05-1-1"], 1)])
        manual = (
            self.env["stock.picking.batch"]
            .with_user(self.manager)
            .create({"picking_ids": [Command.set(manual_pick.ids)]})
        )
        manual.action_confirm()
        self.assertEqual(manual.state, "in_progress")
        ours = (self.batch | free_cart | manual).ids

        listed = [
            (batch["id"], batch["mine"])
            for batch in self.env["stock.picking.batch"]
            .with_user(self.picker)
            .alltricks_scan_batches()
            if batch["id"] in ours
        ]

        self.assertEqual(listed, [(self.batch.id, True), (free_cart.id, False)])
        with self.assertRaises(UserError) as refusal:
            manual.with_user(self.picker2).action_alltricks_scan_take()
        self.assertEqual(
            refusal.exception.args[0],
            f"{manual.name} was not planned for the scanner (no totes, no route): "
            "take a cart from the list, or ask a warehouse manager to plan its "
            "transfers with Plan picking.",
        )
        self.assertFalse(manual.user_id)
