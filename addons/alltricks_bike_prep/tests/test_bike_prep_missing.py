from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import BikePrepCase


@tagged("post_install", "-at_install")
class TestBikePrepMissingChecklist(BikePrepCase):
    """A bike whose category has no bike type never leaves without a checklist."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.categ_untyped = cls.env["product.category"].create(
            {"name": "Test gravel", "parent_id": cls.categ_full.parent_id.id}
        )
        cls.gravel = cls.env["product.product"].create(
            {
                "name": "Gravel test",
                "is_storable": True,
                "categ_id": cls.categ_untyped.id,
            }
        )
        cls.env["stock.quant"]._update_available_quantity(cls.gravel, cls.stock, 5)
        order = cls._create_order([(cls.gravel, 1)])
        order.action_confirm()
        cls.work_order = order.alltricks_bike_prep_ids

    def _start(self):
        work_order = self.work_order.with_user(self.work_order.user_id)
        work_order.action_start()
        work_order.frame_marking = "GR12CD34EF"
        return work_order

    def test_bike_without_bike_type_cannot_be_marked_done(self):
        self.assertEqual(len(self.work_order), 1)
        work_order = self._start()
        self.assertFalse(work_order.step_ids)

        with self.assertRaisesRegex(
            UserError,
            "product category Test bikes / Test gravel has no bike type: ask the "
            "workshop manager to set the Bike type",
        ):
            work_order.action_done()
        self.assertEqual(work_order.state, "in_progress")

    def test_setting_the_bike_type_gives_the_checklist_to_open_work_orders(self):
        self.categ_untyped.with_user(self.manager).alltricks_bike_type = "road"

        checklist = self.env.ref("alltricks_bike_prep.checklist_road")
        self.assertEqual(
            self.work_order.step_ids.mapped("name"), checklist.step_ids.mapped("name")
        )
        self._finish(self.work_order)
        self.assertEqual(self.work_order.state, "done")

    def test_workshop_manager_may_only_set_the_bike_type_of_a_category(self):
        with self.assertRaisesRegex(AccessError, "only change the Bike type"):
            self.categ_untyped.with_user(self.manager).write(
                {"name": "Renamed", "alltricks_bike_type": "road"}
            )
        with self.assertRaises(AccessError):
            self.categ_untyped.with_user(self.mechanic).alltricks_bike_type = "road"
        self.assertEqual(self.categ_untyped.name, "Test gravel")
        self.assertFalse(self.categ_untyped.alltricks_bike_type)

    def test_bike_type_without_active_checklist_waits_for_a_new_checklist(self):
        self.env.ref("alltricks_bike_prep.checklist_kids").active = False
        self.categ_untyped.alltricks_bike_type = "kids"
        self.assertFalse(self.work_order.step_ids)

        work_order = self._start()
        with self.assertRaisesRegex(UserError, "Kids bikes have no active checklist"):
            work_order.action_done()

        self.env["alltricks.bike.checklist"].with_user(self.manager).create(
            {
                "name": "Kids 2027",
                "bike_type": "kids",
                "step_ids": [
                    (0, 0, {"name": "Brakes adjusted", "duration_minutes": 5})
                ],
            }
        )
        self.assertEqual(self.work_order.step_ids.mapped("name"), ["Brakes adjusted"])
