from odoo.exceptions import AccessError
from odoo.fields import Command
from odoo.tests import tagged

from .scan_common import ScanCase

REFUSED = "cannot be put on cart .* by hand: .* Ask a warehouse manager, or have"


@tagged("post_install", "-at_install")
class TestCartAddGuard(ScanCase):
    """A transfer goes on a cart at planning, or by a warehouse manager."""

    def setUp(self):
        super().setUp()
        self.planned = self.make_pick([(self.products["A-01-09-1-1"], 1)])
        self.cart = self.plan(self.planned)
        self.loose = self.make_pick([(self.products["C-02-02-1-1"], 1)])

    def assert_cart_unchanged(self):
        self.env.invalidate_all()
        self.assertEqual(self.cart.picking_ids, self.planned)
        self.assertFalse(self.loose.batch_id)
        self.assertEqual(self.loose.alltricks_tote, 0)
        self.assertEqual(self.loose.state, "assigned")

    def test_floor_users_cannot_put_a_loose_transfer_on_a_cart(self):
        loose_id = self.loose.id
        for user in (self.picker, self.packer):
            with self.subTest(user.login), self.assertRaisesRegex(AccessError, REFUSED):
                self.loose.with_user(user).write({"batch_id": self.cart.id})
        own = self.take(self.cart)
        calls = {
            "transfer write": lambda: self.loose.with_user(self.picker).write(
                {"batch_id": own.id}
            ),
            "cart link": lambda: own.write({"picking_ids": [Command.link(loose_id)]}),
            "cart set": lambda: own.write(
                {"picking_ids": [Command.set((self.planned | self.loose).ids)]}
            ),
            "new transfer": lambda: own.write(
                {
                    "picking_ids": [
                        Command.create(
                            {"picking_type_id": self.warehouse.pick_type_id.id}
                        )
                    ]
                }
            ),
        }
        transfers = self.env["stock.picking"].search_count([])

        for name, call in calls.items():
            with self.subTest(name), self.assertRaisesRegex(AccessError, REFUSED):
                call()

        self.assert_cart_unchanged()
        self.assertEqual(self.env["stock.picking"].search_count([]), transfers)
        self.assertEqual(self.cart.user_id, self.picker)

    def test_picker_still_follows_odoo_rules_on_batches_made_by_hand(self):
        hand = self.env["stock.picking.batch"].with_user(self.manager).create({})

        self.loose.with_user(self.picker).write({"batch_id": hand.id})

        self.assertEqual(hand.picking_ids, self.loose)
        self.assert_cart_transfers(self.planned)

    def test_a_manager_may_put_a_loose_transfer_on_a_cart(self):
        other = self.make_pick([(self.products["B-02-07-1-1"], 1)])
        cart = self.cart.with_user(self.manager)

        cart.write({"picking_ids": [Command.link(self.loose.id)]})
        other.with_user(self.manager).write({"batch_id": cart.id})

        self.assert_cart_transfers(self.planned | self.loose | other)
        # Routes are fixed at planning: lines added by hand are not numbered.
        self.assertEqual(self.loose.move_line_ids.alltricks_route_seq, 0)

    def assert_cart_transfers(self, pickings):
        self.env.invalidate_all()
        self.assertEqual(self.cart.picking_ids, pickings)
