from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import BikePrepCase


@tagged("post_install", "-at_install")
class TestBikePrepChecklist(BikePrepCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        order = cls._create_order([(cls.bike, 1)])
        order.action_confirm()
        cls.work_order = order.alltricks_bike_prep_ids.with_user(cls.mechanic)

    def test_checklists_exist_for_the_five_bike_types(self):
        checklists = self.env["alltricks.bike.checklist"].search([])
        self.assertEqual(
            sorted(checklists.mapped("bike_type")),
            ["ebike", "hardtail", "kids", "mtb_full", "road"],
        )
        for checklist in checklists:
            names = " ".join(checklist.step_ids.mapped("name"))
            for word in ("Brakes", "Gears", "Headset", "Wheels", "Tyres", "torqued"):
                self.assertIn(word, names)
            for word in ("Lights", "Reflectors", "Bell", "Pedals", "Handlebar"):
                self.assertIn(word, names)

    def test_work_order_cannot_be_done_while_a_required_step_is_open(self):
        self.work_order.action_start()
        self.work_order.frame_marking = "AB12CD34EF"
        steps = self.work_order.step_ids
        required = steps.filtered(lambda s: s.kind != "buyer")
        required[1:].action_mark_done()

        with self.assertRaisesRegex(UserError, required[0].name):
            self.work_order.action_done()
        self.assertEqual(self.work_order.state, "in_progress")

        required[0].action_mark_done()
        self.work_order.action_done()
        self.assertEqual(self.work_order.state, "done")
        self.assertEqual(
            set(steps.filtered(lambda s: s.kind == "buyer").mapped("state")), {"todo"}
        )

    def test_step_records_who_and_when(self):
        self.work_order.action_start()
        step = self.work_order.step_ids[0]

        step.action_mark_done()

        self.assertEqual(step.state, "done")
        self.assertEqual(step.user_id, self.mechanic)
        self.assertTrue(step.date_done)
        step.action_reopen()
        self.assertEqual((step.state, step.user_id.id), ("todo", False))

    def test_steps_cannot_be_ticked_before_start(self):
        with self.assertRaisesRegex(
            UserError,
            "Start the work order before ticking its checklist: "
            f"{self.work_order.name}\\.",
        ):
            self.work_order.step_ids[0].action_mark_done()

    def test_frame_marking_needs_ten_letters_or_digits(self):
        for bad in ("AB12CD34E", "AB12CD34EF1", "AB-2CD34EF", "AB12 D34EF"):
            with self.assertRaisesRegex(ValidationError, "10 letters and digits"):
                self.work_order.frame_marking = bad
                self.work_order.flush_recordset()
        self.work_order.frame_marking = " ab12cd34ef "
        self.assertEqual(self.work_order.frame_marking, "AB12CD34EF")

    def test_work_order_needs_its_frame_marking_to_be_done(self):
        self.work_order.action_start()
        self.work_order.step_ids.action_mark_done()

        with self.assertRaisesRegex(UserError, "frame marking ID"):
            self.work_order.action_done()

    def test_at_risk_when_work_left_exceeds_time_before_departure(self):
        self.work_order.sudo().date_due = self.env.cr.now().replace(tzinfo=None)
        self.assertTrue(self.work_order.is_at_risk)
        self.assertGreater(self.work_order.remaining_minutes, 60)
