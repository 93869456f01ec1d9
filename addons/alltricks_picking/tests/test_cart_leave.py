from odoo.exceptions import AccessError, UserError
from odoo.fields import Command
from odoo.tests import tagged

from .scan_common import ScanCase


@tagged("post_install", "-at_install")
class TestCartLeave(ScanCase):
    """A transfer leaving a cart is picked again from zero; pickers keep carts."""

    def setUp(self):
        super().setUp()
        self.product = self.products["B-01-03-1-1"]
        self.pick = self.make_pick([(self.product, 3)])
        self.other = self.make_pick([(self.products["C-01-05-1-1"], 1)])
        self.batch = self.take(self.plan(self.pick | self.other))
        self.assertEqual(self.batch.picking_ids, self.pick | self.other)
        self.line = self.pick.move_line_ids
        self.batch.alltricks_scan(self.line.id, "EAN-B-01-03-1-1")
        self.batch.alltricks_scan(self.line.id, "EAN-B-01-03-1-1")
        self.assertEqual(self.line.alltricks_scanned_qty, 2)
        self.step = self.line.alltricks_route_seq
        self.assertTrue(self.step)

    def assert_picked_again_from_zero(self):
        """The line is unscanned, off any route, and first on its next cart."""
        self.assertFalse(self.pick.batch_id)
        self.assertEqual(self.pick.state, "assigned")
        self.assertEqual(self.line.quantity, 3)
        self.assertEqual(self.line.alltricks_scanned_qty, 0)
        self.assertFalse(self.line.picked)
        self.assertFalse(self.line.alltricks_picked_by)
        self.assertEqual(self.line.alltricks_route_seq, 0)
        self.assertFalse(self.pick.move_ids.picked)

        cart = self.take(self.plan(self.pick), self.picker2)

        state = cart.alltricks_scan_state()
        self.assertEqual(state["current_id"], self.line.id)
        self.assertEqual(
            [(v["scanned"], v["done"]) for v in state["lines"]], [(0.0, False)]
        )

    def log(self, text):
        """The one chatter message of the cart that contains ``text``."""
        messages = self.batch.message_ids.filtered(lambda m: text in m.body)
        self.assertEqual(len(messages), 1)
        return messages

    def test_picker_cannot_cancel_his_own_cart(self):
        before = self.snapshot(self.product)
        message = (
            f"Only a warehouse manager can cancel cart {self.batch.name}: finish "
            "it (mark missing what you cannot find), or ask a manager."
        )

        for name, call in {
            "cancel": self.batch.action_cancel,
            "state": lambda: self.batch.write({"state": "cancel"}),
        }.items():
            with self.subTest(name), self.assertRaises(AccessError) as caught:
                call()
            self.assertEqual(caught.exception.args[0], message)

        self.assertEqual(self.snapshot(self.product), before)
        self.assertEqual(self.batch.state, "in_progress")
        self.assertEqual(self.batch.picking_ids, self.pick | self.other)
        self.assertEqual(self.line.alltricks_scanned_qty, 2)
        self.assertEqual(self.line.alltricks_route_seq, self.step)

    def test_a_cart_with_transfers_is_cancelled_before_it_is_deleted(self):
        message = (
            f"Cancel cart {self.batch.name} before deleting it: its transfers go "
            "back to planning and its chatter says what to put back."
        )
        for user in (self.picker, self.manager):
            with self.subTest(user.login), self.assertRaises(UserError) as caught:
                self.batch.with_user(user).unlink()
            self.assertEqual(caught.exception.args[0], message)

        self.assertEqual(self.batch.state, "in_progress")
        self.assertEqual(self.line.alltricks_scanned_qty, 2)
        self.batch.with_user(self.manager).action_cancel()
        self.batch.with_user(self.manager).unlink()
        self.assertFalse(self.batch.exists())

    def test_picker_cannot_take_a_transfer_off_his_own_cart(self):
        before = self.snapshot(self.product)
        message = (
            f"{self.pick.name} is on cart {self.batch.name}: only a warehouse "
            "manager can take it off. Pick it, marking missing what you cannot "
            "find."
        )
        pick = self.pick.with_user(self.picker)

        for name, call in {
            "transfer": lambda: pick.write({"batch_id": False}),
            "cart": lambda: self.batch.write(
                {"picking_ids": [Command.unlink(self.pick.id)]}
            ),
        }.items():
            with self.subTest(name), self.assertRaises(AccessError) as caught:
                call()
            self.assertEqual(caught.exception.args[0], message)

        self.assertEqual(self.snapshot(self.product), before)
        self.assertEqual(self.pick.batch_id, self.batch)
        self.assertEqual(self.line.alltricks_scanned_qty, 2)

    def test_manager_cancel_resets_the_scans_and_logs_what_to_put_back(self):
        self.batch.with_user(self.manager).action_cancel()

        self.assertEqual(self.batch.state, "cancel")
        self.assertFalse(self.other.batch_id)
        log = self.log(f"{self.manager.name} cancelled this cart on ")
        body = log.body
        self.assertIn(
            f". Scanned units to put back: 2 (tote {self.pick.alltricks_tote} "
            f"({self.pick.name}): 2). Its transfers will be picked again from zero.",
            body,
        )
        self.assertEqual(log.author_id, self.manager.partner_id)
        self.assert_picked_again_from_zero()

    def test_manager_detach_resets_the_scans_and_logs_what_to_put_back(self):
        self.pick.with_user(self.manager).write({"batch_id": False})

        self.assertEqual(self.batch.state, "in_progress")
        self.assertEqual(self.batch.picking_ids, self.other)
        body = self.log(f"{self.manager.name} took {self.pick.name} off this cart").body
        self.assertIn(
            ". Scanned units to put back from tote "
            f"{self.pick.alltricks_tote}: 2. It will be picked again from zero.",
            body,
        )
        remaining = self.batch.alltricks_scan_state()["lines"]
        self.assertEqual([v["id"] for v in remaining], self.other.move_line_ids.ids)
        self.assert_picked_again_from_zero()

    def test_short_picked_empty_line_is_reserved_again_after_a_detach(self):
        self.batch.alltricks_scan_missing(self.other.move_line_ids.id)

        self.other.with_user(self.manager).write({"batch_id": False})

        line = self.other.move_line_ids
        self.assertEqual(len(line), 1)
        self.assertEqual(line.quantity, 1)
        self.assertFalse(line.alltricks_missing)
        self.assertFalse(line.picked)
        self.assertEqual(self.other.state, "assigned")
        self.assertIn(
            f". Scanned units to put back from tote {self.other.alltricks_tote}: 0.",
            self.log(f"took {self.other.name} off this cart").body,
        )

    def test_last_transfers_taken_off_cancel_the_cart_and_are_logged(self):
        (self.pick | self.other).with_user(self.manager).write({"batch_id": False})

        self.assertEqual(self.batch.state, "cancel")
        self.assertIn(
            f"Scanned units to put back from tote {self.pick.alltricks_tote}: 2.",
            self.log(f"took {self.pick.name} off this cart").body,
        )
        self.log(f"took {self.other.name} off this cart")
        self.assertFalse(
            self.batch.message_ids.filtered(lambda m: "cancelled" in m.body)
        )
        self.assert_picked_again_from_zero()
