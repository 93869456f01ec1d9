from odoo.tests import Form, tagged

from .common import PickingCase


@tagged("post_install", "-at_install")
class TestBatchValidation(PickingCase):
    def _validate_with_backorder(self, batch):
        # Validating a cart from the backend, scans or not, is a manager's job.
        action = batch.with_user(self.manager).action_done()
        self.assertEqual(action["res_model"], "stock.backorder.confirmation")
        wizard = Form.from_action(self.env(user=self.manager), action).save()
        wizard.process()

    def test_short_picked_batch_leaves_its_backorder_outside(self):
        short = self.make_pick([(self.products["B-02-07-1-1"], 4)])
        full = self.make_pick([(self.products["A-01-09-1-1"], 1)])
        batch = self.plan()
        self.assertEqual(batch.picking_ids, short | full)
        batch.with_user(self.picker).action_alltricks_scan_take()

        short.move_ids.with_user(self.manager).write({"quantity": 1, "picked": True})
        full.move_ids.with_user(self.manager).write({"picked": True})
        self._validate_with_backorder(batch)

        backorder = short.backorder_ids
        self.assertEqual(len(backorder), 1)
        self.assertEqual(backorder.move_ids.product_uom_qty, 3)
        self.assertFalse(backorder.batch_id)
        self.assertEqual(backorder.alltricks_tote, 0)
        self.assertEqual(batch.state, "done")
        self.assertEqual(batch.picking_ids, short | full)
        logged = batch.message_ids.filtered(lambda m: "not scanned" in m.body)
        self.assertEqual(logged.author_id, self.manager.partner_id)
        self.assertIn(
            f"{self.manager.name} validated 2 lines of this cart that were not "
            "scanned, on",
            logged.body,
        )
        self.assertEqual((short | full).move_line_ids.alltricks_picked_by, self.manager)

    def test_backorder_goes_to_a_new_batch_at_the_next_planning(self):
        short = self.make_pick([(self.products["C-02-02-1-1"], 5)])
        batch = self.plan()
        batch.with_user(self.picker).action_alltricks_scan_take()
        short.move_ids.with_user(self.manager).write({"quantity": 2, "picked": True})
        self._validate_with_backorder(batch)

        new_batch = self.plan()

        self.assertEqual(new_batch.picking_ids, short.backorder_ids)
        self.assertNotEqual(new_batch, batch)
        self.assertEqual(new_batch.move_line_ids.alltricks_route_seq, 1)
        self.assertEqual(new_batch.move_line_ids.quantity, 3)

    def test_printed_pick_list_follows_the_route_and_shows_totes(self):
        names = ["A-01-09-1-1", "A-02-01-1-1", "C-01-05-1-1"]
        self.make_pick([(self.products[name], 1) for name in names])
        batch = self.plan()

        html, _ = self.env["ir.actions.report"]._render_qweb_html(
            "stock_picking_batch.report_picking_batch", batch.ids
        )
        html = html.decode()

        positions = [html.index(f"RTW/Stock/{name}") for name in names]
        # Walking order: C-01 (aisle 0, 5.5 m), A-01 (aisle 0, 9.5 m), A-02.
        self.assertLess(positions[2], positions[0])
        self.assertLess(positions[0], positions[1])
        self.assertIn("Tote", html)
