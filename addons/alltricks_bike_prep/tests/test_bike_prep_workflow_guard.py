from odoo.exceptions import UserError
from odoo.fields import Command
from odoo.tests import tagged

from .common import BikePrepCase

BUTTONS_ONLY = "changes through its buttons only"
TICK_WITH_BUTTONS = "Tick a checklist step with its Done, N/A or Reopen button"
FROM_CHECKLIST = "come from the checklist of the bike type"


@tagged("post_install", "-at_install")
class TestBikePrepWorkflowGuard(BikePrepCase):
    """A mechanic moves a work order and its checklist with the buttons only."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        order = cls._create_order([(cls.bike, 1)])
        order.action_confirm()
        cls.work_order = order.alltricks_bike_prep_ids.with_user(cls.mechanic)
        steps = cls.work_order.step_ids
        cls.brakes = steps.filtered(lambda s: s.name.startswith("Brakes:"))
        cls.gears = steps.filtered(lambda s: s.name.startswith("Gears:"))

    def _start(self):
        self.work_order.action_start()
        self.work_order.frame_marking = "AB12CD34EF"

    def test_mechanic_cannot_write_the_work_order_state(self):
        for vals in (
            {"state": "done"},
            {"state": "in_progress", "date_start": "2026-12-01 08:00:00"},
            {"date_done": "2026-12-01 08:00:00"},
            {"qc_state": "passed"},
            {"qc_bike_number": 7},
        ):
            with self.assertRaisesRegex(UserError, BUTTONS_ONLY):
                self.work_order.write(vals)
        self.assertEqual(
            (
                self.work_order.state,
                self.work_order.date_start,
                self.work_order.date_done,
                self.work_order.qc_state,
                self.work_order.qc_bike_number,
            ),
            ("draft", False, False, "none", 0),
        )

    def test_manager_also_goes_through_the_buttons(self):
        with self.assertRaisesRegex(UserError, "Finished, State"):
            self.work_order.with_user(self.manager).write(
                {"state": "done", "date_done": "2026-12-01 08:00:00"}
            )
        self.assertEqual(self.work_order.state, "draft")

    def test_step_cannot_be_ticked_by_write_before_or_after_start(self):
        with self.assertRaisesRegex(UserError, TICK_WITH_BUTTONS):
            self.brakes.write({"state": "done"})
        self._start()
        for vals in (
            {"state": "na"},
            {"user_id": self.mechanic.id},
            {"date_done": "2026-12-01 08:00:00"},
        ):
            with self.assertRaisesRegex(UserError, TICK_WITH_BUTTONS):
                self.brakes.write(vals)
        with self.assertRaisesRegex(UserError, TICK_WITH_BUTTONS):
            self.work_order.write(
                {"step_ids": [Command.update(self.brakes.id, {"state": "done"})]}
            )
        self.assertEqual(
            (self.brakes.state, self.brakes.user_id.id, self.brakes.date_done),
            ("todo", False, False),
        )

    def test_mechanic_cannot_change_what_a_step_is(self):
        self._start()
        for vals in (
            {"kind": "buyer"},
            {"allow_not_applicable": True},
            {"name": "Brakes: looked at"},
        ):
            with self.assertRaisesRegex(UserError, FROM_CHECKLIST):
                self.brakes.write(vals)
        self.assertEqual(
            (self.brakes.kind, self.brakes.allow_not_applicable),
            ("legal", False),
        )
        self.assertTrue(self.brakes.name.startswith("Brakes: pads aligned"))

    def test_manager_may_correct_a_step_kind_but_not_a_legal_one(self):
        workshop = self.work_order.step_ids.filtered(lambda s: s.kind == "workshop")
        workshop[0].with_user(self.manager).write({"kind": "buyer"})
        self.assertEqual(workshop[0].kind, "buyer")
        for vals in (
            {"kind": "workshop"},
            {"allow_not_applicable": True},
            {"name": "Brakes: looked at"},
        ):
            with self.assertRaisesRegex(UserError, "required by law on every bike"):
                self.brakes.with_user(self.manager).write(vals)
        self.assertEqual(
            (self.brakes.kind, self.brakes.allow_not_applicable),
            ("legal", False),
        )

    def test_legal_step_is_never_not_applicable_unless_its_checklist_allows(self):
        self._start()
        self.brakes.na_reason = "no brakes"
        with self.assertRaisesRegex(
            UserError, "The law requires this step on every bike.*Brakes: pads"
        ):
            self.brakes.action_mark_not_applicable()
        self.assertEqual(self.brakes.state, "todo")
        self.assertEqual(
            self.work_order.step_ids.filtered(
                lambda s: s.kind == "legal" and s.allow_not_applicable
            ),
            self.gears,
        )

    def test_gears_not_applicable_with_a_reason(self):
        self._start()
        with self.assertRaisesRegex(UserError, "Type in Reason if N/A why"):
            self.gears.action_mark_not_applicable()
        self.assertEqual(self.gears.state, "todo")

        self.gears.na_reason = "Single-speed: no gears"
        self.gears.action_mark_not_applicable()
        (self.work_order.step_ids - self.gears).filtered(
            lambda s: s.kind != "buyer"
        ).action_mark_done()
        self.work_order.action_done()

        self.assertEqual(
            (self.gears.state, self.gears.na_reason, self.gears.user_id),
            ("na", "Single-speed: no gears", self.mechanic),
        )
        self.assertEqual(self.work_order.state, "done")
        with self.assertRaisesRegex(UserError, "its checklist is the record"):
            self.gears.na_reason = "changed"
        self.assertEqual(self.gears.na_reason, "Single-speed: no gears")

    def test_legal_step_skipped_behind_the_buttons_blocks_done(self):
        self._start()
        self.work_order.step_ids.filtered(
            lambda s: s.kind != "buyer"
        ).action_mark_done()
        self.brakes.sudo().state = "na"

        with self.assertRaisesRegex(UserError, "reopen and do the steps.*Brakes"):
            self.work_order.action_done()
        self.assertEqual(self.work_order.state, "in_progress")
        self.brakes.action_reopen()
        self.brakes.action_mark_done()
        self.work_order.action_done()
        self.assertEqual(self.work_order.state, "done")

    def test_buttons_still_move_the_work_order(self):
        self._start()
        self.assertEqual(self.work_order.state, "in_progress")
        self.assertTrue(self.work_order.date_start)
        self.work_order.step_ids.filtered(
            lambda s: s.kind != "buyer"
        ).action_mark_done()
        self.work_order.action_done()
        self.assertEqual(
            (self.work_order.state, self.work_order.qc_bike_number), ("done", 1)
        )
        self.assertTrue(self.work_order.date_done)

    def test_work_order_is_created_to_do(self):
        values = {
            "product_id": self.bike.id,
            "date_due": "2026-12-01 16:00:00",
            "state": "draft",
            "qc_state": "none",
        }
        created = self.env["alltricks.bike.prep"].with_user(self.manager)
        work_order = created.create(values)
        self.assertEqual((work_order.state, len(work_order.step_ids)), ("draft", 15))
        with self.assertRaisesRegex(UserError, BUTTONS_ONLY):
            created.create(dict(values, state="done"))
