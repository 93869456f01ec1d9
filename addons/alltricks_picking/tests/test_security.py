from odoo.exceptions import AccessError
from odoo.tests import tagged
from odoo.tests.common import new_test_user

from .common import PickingCase


@tagged("post_install", "-at_install")
class TestPickingSecurity(PickingCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.picking = cls.make_pick([(cls.products["B-01-03-1-1"], 2)])
        cls.batch = cls.warehouse.with_user(cls.manager)._alltricks_plan_picking()

    def test_picker_reads_the_batch_and_records_what_he_picks(self):
        batch = self.batch.with_user(self.picker)
        batch.action_alltricks_scan_take()
        line = batch._get_route_move_lines()

        self.assertEqual(
            batch.alltricks_route_length, self.batch.alltricks_route_length
        )
        batch.alltricks_scan_fill(line.id)
        self.assertTrue(line.picked)
        self.assertEqual(line.alltricks_scanned_qty, 2)

    def test_picker_cannot_change_the_route_or_the_tote(self):
        line = self.batch.move_line_ids.with_user(self.picker)
        with self.assertRaises(AccessError):
            line.write({"alltricks_route_seq": 7})
        with self.assertRaises(AccessError):
            self.picking.with_user(self.picker).write({"alltricks_tote": 3})
        with self.assertRaises(AccessError):
            self.batch.with_user(self.picker).write({"alltricks_route_length": 1.0})

    def test_only_warehouse_managers_plan_picking(self):
        self.make_pick([(self.products["C-01-05-1-1"], 1)])
        with self.assertRaises(AccessError):
            self.warehouse.with_user(self.picker)._alltricks_plan_picking()
        with self.assertRaises(AccessError):
            self.env["stock.picking.batch"].with_user(
                self.picker
            ).action_alltricks_plan_picking()

    def test_only_warehouse_managers_configure_cart_types(self):
        values = {"name": "Bike trolley", "totes": 1, "for_bikes": True}
        with self.assertRaises(AccessError):
            self.env["alltricks.cart.type"].with_user(self.picker).create(values)
        cart = self.env["alltricks.cart.type"].with_user(self.manager).create(values)
        self.assertEqual(cart.with_user(self.picker).totes, 1)

    def test_cart_types_of_another_company_are_hidden(self):
        other = self.env["res.company"].create({"name": "Other bikes SAS"})
        self.env["alltricks.cart.type"].create(
            {"name": "Foreign cart", "company_id": other.id}
        )
        outsider = new_test_user(
            self.env,
            "rt_outsider",
            groups="alltricks_slotting.group_warehouse_manager",
            company_id=self.company.id,
            company_ids=[(6, 0, self.company.ids)],
        )
        names = self.env["alltricks.cart.type"].with_user(outsider).search([])
        self.assertNotIn("Foreign cart", names.mapped("name"))
        self.assertIn("Test cart", names.mapped("name"))
