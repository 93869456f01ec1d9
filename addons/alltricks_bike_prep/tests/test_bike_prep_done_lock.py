from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import new_test_user, tagged

from .common import BikePrepCase

LOCKED = "is done or cancelled"


@tagged("post_install", "-at_install")
class TestBikePrepDoneLock(BikePrepCase):
    """What was recorded on a done bike stays as it was, until a manager reopens."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.work_order = cls._finish(cls._create_mechanic_work_order())
        cls.fork = cls.work_order.suspension_ids.filtered(
            lambda s: s.component == "fork"
        )

    def test_mechanic_cannot_change_a_done_work_order(self):
        for vals in (
            {"frame_marking": "ZZ99ZZ99ZZ"},
            {"user_id": self.mechanic_b.id},
            {"rider_weight": 90.0},
        ):
            with self.assertRaisesRegex(UserError, LOCKED):
                self.work_order.write(vals)
        with self.assertRaisesRegex(UserError, LOCKED):
            self.fork.write({"pressure_psi": 120.0, "sag_percent": 30.0})
        self.assertEqual(
            (
                self.work_order.frame_marking,
                self.work_order.user_id,
                self.work_order.rider_weight,
                self.fork.pressure_psi,
                self.fork.sag_percent,
            ),
            ("AB12CD34EF", self.mechanic, 75.0, 75.0, 20.0),
        )

    def test_manager_cannot_write_a_done_work_order_either(self):
        manager_order = self.work_order.with_user(self.manager)
        with self.assertRaisesRegex(UserError, LOCKED):
            manager_order.frame_marking = "ZZ99ZZ99ZZ"
        with self.assertRaisesRegex(UserError, LOCKED):
            self.fork.with_user(self.manager).pressure_psi = 120.0
        self.assertEqual(self.work_order.frame_marking, "AB12CD34EF")

    def test_suspension_model_and_source_are_not_typed(self):
        order = self._create_order([(self.bike, 1)])
        order.action_confirm()
        work_order = order.alltricks_bike_prep_ids.with_user(self.mechanic)
        fork = work_order.suspension_ids.filtered(lambda s: s.component == "fork")
        for vals in ({"model_name": "Other fork"}, {"source": "table"}):
            with self.assertRaisesRegex(UserError, "Only the pressure, rebound"):
                fork.write(vals)
        sync = fork.with_context(alltricks_suspension_sync=True)
        sync.write({"pressure_psi": 99.0})
        self.assertEqual((fork.source, fork.set_by_id), ("manual", self.mechanic))

    def test_manager_reopens_then_corrects_with_a_trace(self):
        with self.assertRaisesRegex(AccessError, "Only a workshop manager"):
            self.work_order.action_reopen()
        manager_order = self.work_order.with_user(self.manager)
        manager_order.action_reopen()

        self.assertEqual(
            (self.work_order.state, self.work_order.date_done),
            ("in_progress", False),
        )
        self.assertIn("Reopened by", self.work_order.message_ids[0].body)
        manager_order.frame_marking = "ZZ99ZZ99ZZ"
        self.work_order.action_done()
        self.assertEqual(
            (self.work_order.state, self.work_order.frame_marking),
            ("done", "ZZ99ZZ99ZZ"),
        )

    def test_only_a_done_work_order_is_reopened(self):
        order = self._create_order([(self.bike, 1)])
        order.action_confirm()
        work_order = order.alltricks_bike_prep_ids
        with self.assertRaisesRegex(UserError, "only a done work order"):
            work_order.with_user(self.manager).action_reopen()
        self.company.alltricks_qc_every = 1
        self._finish(work_order, frame="CD12EF34GH")
        self.assertEqual(work_order.qc_state, "pending")
        with self.assertRaisesRegex(UserError, "waiting for its quality check"):
            work_order.with_user(self.manager).action_reopen()

    def test_mechanic_must_be_a_mechanic_of_the_company(self):
        clerk = new_test_user(self.env, "bp_clerk", groups="stock.group_stock_user")
        order = self._create_order([(self.bike, 1)])
        order.action_confirm()
        work_order = order.alltricks_bike_prep_ids.with_user(self.manager)
        assigned = work_order.user_id
        for user in (clerk, self.salesman):
            with self.assertRaises(ValidationError) as refusal:
                work_order.user_id = user
            self.assertIn("is not a mechanic", str(refusal.exception))
            self.assertEqual(work_order.user_id, assigned)
        work_order.user_id = self.mechanic_b
        self.assertEqual(work_order.user_id, self.mechanic_b)
