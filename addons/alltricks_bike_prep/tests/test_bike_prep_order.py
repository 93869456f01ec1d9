from odoo.tests import tagged

from .common import BikePrepCase


@tagged("post_install", "-at_install")
class TestBikePrepOrder(BikePrepCase):
    def test_confirming_three_bikes_creates_three_work_orders_due_at_cutoff(self):
        order = self._create_order([(self.bike, 3), (self.part, 2)])
        order.action_confirm()

        work_orders = order.alltricks_bike_prep_ids
        self.assertEqual(len(work_orders), 3)
        self.assertEqual(set(work_orders.mapped("product_id")), {self.bike})
        expected_due = self.company._alltricks_next_cutoff(self.bike, order.date_order)
        self.assertEqual(set(work_orders.mapped("date_due")), {expected_due})
        self.assertEqual(set(work_orders.mapped("state")), {"draft"})
        self.assertEqual(set(work_orders.mapped("rider_weight")), {75.0})
        self.assertTrue(all(w.name.startswith("BP/") for w in work_orders))
        self.assertEqual(len(set(work_orders.mapped("name"))), 3)
        self.assertEqual(work_orders.partner_id, self.customer)

    def test_work_orders_go_to_the_least_loaded_mechanic_of_the_day(self):
        order = self._create_order([(self.bike, 3)])
        order.action_confirm()

        users = order.alltricks_bike_prep_ids.sorted("id").mapped("user_id")
        self.assertEqual(users.ids, [self.mechanic.id, self.mechanic_b.id])
        loads = [
            len(order.alltricks_bike_prep_ids.filtered(lambda w, u=u: w.user_id == u))
            for u in (self.mechanic, self.mechanic_b)
        ]
        self.assertEqual(loads, [2, 1])

    def test_parts_only_order_creates_no_work_order(self):
        order = self._create_order([(self.part, 4)])
        order.action_confirm()

        self.assertEqual(order.alltricks_bike_prep_count, 0)

    def test_checklist_of_the_bike_type_is_copied_on_the_work_order(self):
        order = self._create_order([(self.bike, 1)])
        order.action_confirm()

        work_order = order.alltricks_bike_prep_ids
        checklist = self.env.ref("alltricks_bike_prep.checklist_mtb_full")
        self.assertEqual(
            work_order.step_ids.mapped("name"), checklist.step_ids.mapped("name")
        )
        self.assertIn("buyer", work_order.step_ids.mapped("kind"))

    def test_cancelling_the_order_cancels_open_work_orders_only(self):
        order = self._create_order([(self.bike, 2)])
        order.action_confirm()
        done, still_open = order.alltricks_bike_prep_ids.sorted("id")
        self._finish(done)

        order.with_user(self.salesman)._action_cancel()

        self.assertEqual(done.state, "done")
        self.assertEqual(still_open.state, "cancel")
