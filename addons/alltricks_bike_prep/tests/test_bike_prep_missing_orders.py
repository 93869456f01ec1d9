from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import BikePrepCase


@tagged("post_install", "-at_install")
class TestBikePrepMissingOrders(BikePrepCase):
    """Orders confirmed before their bikes were known get their work orders."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.categ_late = cls.env["product.category"].create({"name": "Test e-bikes"})
        cls.ebike = cls.env["product.product"].create(
            {"name": "E-bike test", "is_storable": True, "categ_id": cls.categ_late.id}
        )
        cls.env["stock.quant"]._update_available_quantity(cls.ebike, cls.stock, 10)
        cls.confirmed = cls._create_order([(cls.ebike, 2), (cls.part, 1)])
        cls.confirmed.action_confirm()
        cls.draft = cls._create_order([(cls.ebike, 1)])
        cls.cancelled = cls._create_order([(cls.ebike, 1)])
        cls.cancelled.action_confirm()
        cls.cancelled._action_cancel()
        cls.partly_shipped = cls._create_order([(cls.ebike, 3)])
        cls.partly_shipped.action_confirm()
        picking = cls.partly_shipped.picking_ids
        picking.action_assign()
        picking.move_ids.write({"quantity": 1, "picked": True})
        picking._action_done()
        cls.covered = cls._create_order([(cls.bike, 1)])
        cls.covered.action_confirm()
        # the category is flagged after the orders were confirmed
        cls.categ_late.write(
            {"alltricks_complete_bike": True, "alltricks_bike_type": "ebike"}
        )

    def _create_missing(self, user):
        return (
            self.env["sale.order"].with_user(user).create_missing_alltricks_bike_preps()
        )

    def test_missing_work_orders_cover_the_bikes_still_to_deliver(self):
        self.assertEqual(self.partly_shipped.order_line.qty_delivered, 1.0)
        self.assertFalse(self.confirmed.alltricks_bike_prep_ids)

        work_orders = self._create_missing(self.manager)

        self.assertEqual(
            {
                order.name: order.alltricks_bike_prep_count
                for order in work_orders.sale_order_id
            },
            {self.confirmed.name: 2, self.partly_shipped.name: 2},
        )
        self.assertEqual(
            work_orders.sale_order_id, self.confirmed | self.partly_shipped
        )
        self.assertEqual(set(work_orders.mapped("product_id")), {self.ebike})
        checklist = self.env.ref("alltricks_bike_prep.checklist_ebike")
        self.assertEqual(
            work_orders[0].step_ids.mapped("name"), checklist.step_ids.mapped("name")
        )
        self.assertEqual(self.covered.alltricks_bike_prep_count, 1)
        self.assertFalse(self.draft.alltricks_bike_prep_ids)
        self.assertFalse(self.cancelled.alltricks_bike_prep_ids)

    def test_creating_missing_work_orders_twice_creates_nothing_more(self):
        self._create_missing(self.manager)

        self.assertFalse(self._create_missing(self.manager))

    def test_only_a_workshop_manager_creates_missing_work_orders(self):
        for user in (self.mechanic, self.salesman):
            with self.assertRaisesRegex(AccessError, "Only a workshop manager"):
                self._create_missing(user)
        self.assertFalse(self.confirmed.alltricks_bike_prep_ids)
