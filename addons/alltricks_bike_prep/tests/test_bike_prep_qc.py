from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import BikePrepCase


@tagged("post_install", "-at_install")
class TestBikePrepQc(BikePrepCase):
    def _prepare_bikes(self, count, mechanic):
        order = self._create_order([(self.bike, count)])
        order.action_confirm()
        work_orders = order.alltricks_bike_prep_ids.sorted("id")
        work_orders.sudo().user_id = mechanic
        return work_orders

    def test_every_fifth_bike_of_a_mechanic_is_sampled(self):
        work_orders = self._prepare_bikes(6, self.mechanic)
        for index, work_order in enumerate(work_orders):
            self._finish(work_order, frame=f"FRAME0000{index}")

        self.assertEqual(work_orders.mapped("qc_bike_number"), [1, 2, 3, 4, 5, 6])
        self.assertEqual(
            work_orders.mapped("qc_state"),
            ["none", "none", "none", "none", "pending", "none"],
        )

    def test_failed_check_sends_back_and_tightens_inspection(self):
        self.company.alltricks_qc_every = 2
        first, second, third = self._prepare_bikes(3, self.mechanic)
        self._finish(first, frame="FRAME00001")
        self._finish(second, frame="FRAME00002")
        self.assertEqual(second.qc_state, "pending")

        second.with_user(self.manager)._record_quality_check(
            "failed", "Rear brake rubs"
        )

        self.assertEqual((second.state, second.qc_state), ("in_progress", "failed"))
        self.assertIn("Rear brake rubs", second.message_ids[0].body)
        self._finish(third, frame="FRAME00003")
        self.assertEqual(third.qc_state, "pending")
        self._finish(second, frame="FRAME00002")
        self.assertEqual((second.qc_bike_number, second.qc_state), (2, "pending"))

    def test_failure_needs_reasons(self):
        self.company.alltricks_qc_every = 1
        work_order = self._prepare_bikes(1, self.mechanic)
        self._finish(work_order)

        with self.assertRaisesRegex(UserError, "Say what failed"):
            work_order.with_user(self.manager)._record_quality_check("failed", " ")
        self.assertEqual(work_order.qc_state, "pending")

    def test_mechanic_cannot_record_a_quality_check(self):
        self.company.alltricks_qc_every = 1
        work_order = self._prepare_bikes(1, self.mechanic)
        self._finish(work_order)

        with self.assertRaises(AccessError):
            work_order.with_user(self.mechanic)._record_quality_check("passed")

    def test_wizard_records_the_check_by_the_manager(self):
        self.company.alltricks_qc_every = 1
        work_order = self._prepare_bikes(1, self.mechanic)
        self._finish(work_order)
        wizard = (
            self.env["alltricks.bike.prep.qc.wizard"]
            .with_user(self.manager)
            .create({"work_order_id": work_order.id, "result": "passed"})
        )

        wizard.action_confirm()

        self.assertEqual(work_order.qc_state, "passed")
        self.assertEqual(work_order.qc_check_ids.inspector_id, self.manager)
        self.assertEqual(work_order.qc_check_ids.mechanic_id, self.mechanic)

    def test_report_counts_bikes_checks_and_failures_per_mechanic(self):
        self.company.alltricks_qc_every = 2
        work_orders = self._prepare_bikes(4, self.mechanic)
        for index, work_order in enumerate(work_orders):
            self._finish(work_order, frame=f"FRAME0000{index}")
        checked = work_orders.filtered(lambda w: w.qc_state == "pending")
        self.assertEqual(len(checked), 2)
        checked[0].with_user(self.manager)._record_quality_check("failed", "Loose")
        checked[1].with_user(self.manager)._record_quality_check("passed")
        self.env.flush_all()

        report = (
            self.env["alltricks.bike.prep.qc.report"]
            .with_user(self.manager)
            .search([("mechanic_id", "=", self.mechanic.id)])
        )
        self.assertEqual(
            (
                report.bike_count,
                report.checked_count,
                report.failed_count,
                report.failure_rate,
            ),
            (4, 2, 1, 50.0),
        )
