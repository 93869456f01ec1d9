from odoo.exceptions import UserError
from odoo.fields import Command
from odoo.tests import tagged

from .common import PickingCase

LOGGER = "odoo.addons.alltricks_picking.models.stock_picking_batch"


@tagged("post_install", "-at_install")
class TestPlanFeedback(PickingCase):
    """Plan picking says why nothing was planned; it opens the carts it made."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.unstocked = cls.env["product.product"].create(
            {"name": "Part out of stock", "is_storable": True}
        )

    def setup_nothing_to_plan(self):
        """One transfer of each kind the planner leaves alone."""
        self.on_cart = self.make_pick([(self.products["A-01-09-1-1"], 1)])
        self.plan(self.on_cart)
        self.by_hand = self.make_pick([(self.products["B-01-03-1-1"], 1)])
        self.env["stock.picking.batch"].with_user(self.manager).create(
            {"picking_ids": [Command.set(self.by_hand.ids)]}
        )
        self.no_stock = self.make_pick([(self.unstocked, 1)])
        self.make_pick([(self.unstocked, 2)])
        self.all_ready = self.make_pick(
            [(self.products["C-01-05-1-1"], 1), (self.unstocked, 1)]
        )
        self.all_ready.move_type = "one"
        self.assertEqual(self.all_ready.state, "confirmed")
        self.assertTrue(self.all_ready.move_line_ids)
        self.env["stock.picking"].create(
            {"picking_type_id": self.warehouse.pick_type_id.id}
        )

    def plan_all(self):
        Batch = self.env["stock.picking.batch"].with_user(self.manager)
        return Batch.action_alltricks_plan_picking()

    def test_nothing_to_plan_is_a_notification_with_the_counts(self):
        self.setup_nothing_to_plan()
        batches = self.env["stock.picking.batch"].search_count([])

        action = self.plan_all()

        self.assertEqual(
            action,
            {
                "type": "ir.actions.client",
                "tag": "display_notification",
                "params": {
                    "title": "Nothing planned",
                    "message": "No transfer to plan: 0 ready transfers to pick; "
                    "2 wait for stock; 1 is partly reserved and ships when all "
                    "products are ready; 1 is already on a cart; 1 is in a batch "
                    "made by hand; 1 is a draft (Mark as Todo first).",
                    "type": "warning",
                    "sticky": True,
                },
            },
        )
        self.assertEqual(self.env["stock.picking.batch"].search_count([]), batches)

    def test_nothing_to_plan_among_selected_transfers_says_why(self):
        self.setup_nothing_to_plan()
        receipt = self.env["stock.picking"].create(
            {"picking_type_id": self.warehouse.in_type_id.id}
        )
        selected = self.on_cart | self.no_stock | self.all_ready | receipt

        with self.assertRaises(UserError) as refusal:
            selected.with_user(self.manager).action_alltricks_plan_picking()

        self.assertEqual(
            refusal.exception.args[0],
            "None of the selected transfers can go on a cart (1 waits for stock; "
            "1 is partly reserved and ships when all products are ready; 1 is "
            "already on a cart; 1 is not an open picking transfer): select ready "
            "picking transfers that are not in a batch yet.",
        )
        self.assertFalse(self.no_stock.batch_id)
        self.assertFalse(self.all_ready.batch_id)

    def test_nothing_at_all_to_plan(self):
        self.assertEqual(
            self.plan_all()["params"]["message"],
            "No transfer to plan: 0 ready transfers to pick; no other transfer "
            "waits to be picked.",
        )

    def test_without_a_laid_out_warehouse_says_to_generate_the_layout(self):
        self.warehouse.slot_aisle_count = 0

        self.assertEqual(
            self.plan_all()["params"]["message"],
            "No transfer to plan: no warehouse has a layout yet (Inventory > "
            "Configuration > Generate layout).",
        )

    def test_ready_transfers_still_open_their_new_carts(self):
        self.setup_nothing_to_plan()
        ready = self.make_pick([(self.products["B-02-07-1-1"], 1)])

        action = self.plan_all()

        self.assertEqual(action["res_model"], "stock.picking.batch")
        self.assertEqual(action["domain"], [("id", "in", ready.batch_id.ids)])
        self.assertEqual(ready.batch_id.alltricks_cart_type_id, self.cart_type)
        self.assertEqual(ready.alltricks_tote, 1)
        self.assertFalse(self.no_stock.batch_id)

    def test_scheduled_planning_with_nothing_to_plan_only_logs(self):
        self.setup_nothing_to_plan()
        batches = self.env["stock.picking.batch"].search_count([])

        with self.assertLogs(LOGGER, "DEBUG") as logs:
            result = self.env["stock.picking.batch"]._cron_alltricks_plan_picking()

        self.assertIsNone(result)
        self.assertEqual(
            logs.output,
            [
                f"DEBUG:{LOGGER}:Nothing to plan in Route test: {{'ready': 0, "
                "'stock': 2, 'all_ready': 1, 'cart': 1, 'batch': 1, 'draft': 1}"
            ],
        )
        self.assertEqual(self.env["stock.picking.batch"].search_count([]), batches)
