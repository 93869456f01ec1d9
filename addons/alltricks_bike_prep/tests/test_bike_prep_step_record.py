from odoo.exceptions import UserError
from odoo.fields import Command
from odoo.tests import tagged

from .common import BikePrepCase

CLOSED = "is done or cancelled: its checklist is the record"
LAW = "The law requires these steps on every bike, they cannot be deleted"


@tagged("post_install", "-at_install")
class TestBikePrepStepRecord(BikePrepCase):
    """The checklist of a bike is its legal record: kept once done, and its
    legal steps kept while the bike is prepared."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.work_order = cls._create_mechanic_work_order()

    def _finish_leaving_buyer_steps(self):
        """The mechanic finishes the bike; the steps left to the buyer stay open."""
        work_order = self.work_order.with_user(self.mechanic)
        work_order.action_start()
        work_order.frame_marking = "AB12CD34EF"
        work_order.step_ids.filtered(lambda s: s.kind != "buyer").action_mark_done()
        work_order.action_done()

    def _steps(self):
        return [
            (s.name, s.kind, s.state, s.na_reason or "")
            for s in self.work_order.step_ids.sorted("id")
        ]

    def _brakes(self):
        return self.work_order.step_ids.filtered(lambda s: s.name.startswith("Brakes"))

    def test_nobody_changes_the_checklist_of_a_done_work_order(self):
        self._finish_leaving_buyer_steps()
        before = self._steps()
        steps = self.work_order.step_ids.with_user(self.manager)
        brakes = self._brakes().with_user(self.manager)
        buyer = steps.filtered(lambda s: s.kind == "buyer")[:1]
        self.assertEqual(buyer.state, "todo")
        manager_order = self.work_order.with_user(self.manager)
        new_step = {"name": "Extra check", "kind": "workshop"}
        calls = {
            "delete a legal step": brakes.unlink,
            "delete a buyer step": buyer.unlink,
            "rename": lambda: steps[-1:].write({"name": "Renamed"}),
            "minutes": lambda: buyer.write({"duration_minutes": 1}),
            "create": lambda: steps.create(
                dict(new_step, work_order_id=self.work_order.id)
            ),
            "create from the form": lambda: manager_order.write(
                {"step_ids": [Command.create(new_step)]}
            ),
            "delete from the form": lambda: manager_order.write(
                {"step_ids": [Command.delete(buyer.id)]}
            ),
            "mechanic's reason": lambda: buyer.with_user(self.mechanic).write(
                {"na_reason": "no pedals"}
            ),
        }

        for name, call in calls.items():
            with self.subTest(name), self.assertRaisesRegex(UserError, CLOSED):
                call()

        self.assertEqual(self._steps(), before)
        self.assertEqual(self.work_order.state, "done")

    def test_steps_of_a_cancelled_work_order_are_kept(self):
        before = self._steps()
        self.work_order.sale_order_id._action_cancel()
        self.assertEqual(self.work_order.state, "cancel")

        with self.assertRaisesRegex(UserError, CLOSED):
            self.work_order.step_ids[:1].with_user(self.manager).unlink()
        self.assertEqual(self._steps(), before)

    def test_legal_steps_cannot_be_deleted_from_an_open_work_order(self):
        work_order = self.work_order.with_user(self.mechanic)
        work_order.action_start()
        manager_steps = work_order.step_ids.with_user(self.manager)
        brakes = self._brakes().with_user(self.manager)
        legal = manager_steps.filtered(lambda s: s.kind == "legal")
        self.assertTrue(legal.mapped("from_checklist"))

        for name, call in {
            "brakes": brakes.unlink,
            "every legal step": legal.unlink,
            "from the form": lambda: work_order.with_user(self.manager).write(
                {"step_ids": [Command.delete(brakes.id)]}
            ),
        }.items():
            with self.subTest(name), self.assertRaisesRegex(UserError, LAW):
                call()

        self.assertEqual(
            work_order.step_ids.filtered("from_checklist"), work_order.step_ids
        )
        self.assertEqual(len(self._brakes()), 1)
        # A step that the law does not require may still be dropped.
        buyer = manager_steps.filtered(lambda s: s.kind == "buyer")[:1]
        buyer.unlink()
        self.assertFalse(buyer.exists())

    def test_reopened_bike_is_done_again_with_its_legal_steps(self):
        self._finish(self.work_order)
        manager_order = self.work_order.with_user(self.manager)
        manager_order.action_reopen()

        with self.assertRaisesRegex(UserError, LAW):
            self._brakes().with_user(self.manager).unlink()
        with self.assertRaisesRegex(UserError, "required by law on every bike"):
            self._brakes().with_user(self.manager).write({"kind": "buyer"})
        self.work_order.with_user(self.mechanic).action_done()

        self.assertEqual(self.work_order.state, "done")
        self.assertEqual(self._brakes().state, "done")
        self.assertEqual(self._brakes().kind, "legal")

    def test_the_checklist_origin_is_not_typed(self):
        step = self.work_order.step_ids[:1].with_user(self.manager)
        with self.assertRaisesRegex(UserError, "comes from the checklist is set"):
            step.write({"from_checklist": False})
        with self.assertRaisesRegex(UserError, "add a step there"):
            step.create(
                {
                    "work_order_id": self.work_order.id,
                    "name": "Brakes: again",
                    "from_checklist": True,
                }
            )
        self.assertTrue(step.from_checklist)
