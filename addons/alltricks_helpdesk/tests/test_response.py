from datetime import datetime

from odoo.exceptions import UserError
from odoo.tests import tagged
from odoo.tests.common import TransactionCase, freeze_time

from .common import HelpdeskFixture

# The test calendar works Mon-Fri 8-12 and 13-17 in Europe/Paris (UTC+1 in
# December). Monday 30 November 2026.


@tagged("post_install", "-at_install")
class TestResponseTargets(HelpdeskFixture, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_helpdesk()
        cls.customer = cls.portal_alice.partner_id

    def _ticket(self, received_utc, **values):
        return self._create_ticket(
            self.customer,
            team_id=self.team.id,
            alltricks_discipline_id=self.mtb.id,
            alltricks_received_date=received_utc,
            **values,
        )

    def test_before_cutoff_is_due_at_end_of_working_day(self):
        # 15:30 Paris on Monday, cut-off 16:00: due Monday 17:00 Paris.
        ticket = self._ticket(datetime(2026, 11, 30, 14, 30))

        self.assertEqual(
            ticket.alltricks_answer_deadline, datetime(2026, 11, 30, 16, 0)
        )
        self.assertEqual(ticket.alltricks_received_weekday, "0")

    def test_after_cutoff_is_due_after_24_working_hours(self):
        # 16:30 Paris Monday: 0.5h Mon, 8h Tue, 8h Wed, 7.5h Thu -> Thu 16:30.
        ticket = self._ticket(datetime(2026, 11, 30, 15, 30))

        self.assertEqual(
            ticket.alltricks_answer_deadline, datetime(2026, 12, 3, 15, 30)
        )

    def test_friday_evening_deadline_skips_the_weekend(self):
        # Friday 18:00 Paris: Mon 8h, Tue 8h, Wed 8h -> Wednesday 17:00 Paris.
        ticket = self._ticket(datetime(2026, 12, 4, 17, 0))

        self.assertEqual(ticket.alltricks_answer_deadline, datetime(2026, 12, 9, 16, 0))

    def test_team_cutoff_and_custom_calendar_are_used(self):
        # A showroom team working Monday to Saturday 10-19, cut-off 12:00.
        showroom = self._create_calendar(
            "Showroom 10-19", [(day, 10, 19) for day in range(6)]
        )
        self.team.write(
            {"resource_calendar_id": showroom.id, "alltricks_cutoff_hour": 12.0}
        )

        before = self._ticket(datetime(2026, 12, 5, 10, 30))  # Sat 11:30 Paris
        after = self._ticket(datetime(2026, 12, 5, 11, 30))  # Sat 12:30 Paris

        self.assertEqual(before.alltricks_answer_deadline, datetime(2026, 12, 5, 18, 0))
        # Sat 6.5h, Mon 9h, Tue 8.5h: Tuesday 18:30 Paris.
        self.assertEqual(after.alltricks_answer_deadline, datetime(2026, 12, 8, 17, 30))

    def test_agent_public_answer_is_signed_and_dated(self):
        ticket = self._ticket(datetime(2026, 11, 30, 14, 30))

        with freeze_time("2026-11-30 15:00:00"):
            message = ticket.with_user(ticket.user_id).message_post(
                body="Your fork needs a service.",
                message_type="comment",
                subtype_xmlid="mail.mt_comment",
            )

        self.assertEqual(ticket.user_id, self.anna)
        self.assertEqual(message.author_id, self.anna.partner_id)
        self.assertIn("-- Anna Mtb, MTB expert", message.body)
        self.assertEqual(
            ticket.alltricks_first_answer_date, datetime(2026, 11, 30, 15, 0)
        )
        self.assertFalse(ticket.alltricks_answer_late)
        self.assertEqual(ticket.alltricks_answer_timing, "on_time")

    def test_internal_note_and_customer_message_are_not_answers(self):
        ticket = self._ticket(datetime(2026, 11, 30, 14, 30))

        ticket.with_user(self.anna).message_post(
            body="Checking stock", message_type="comment", subtype_xmlid="mail.mt_note"
        )
        ticket.with_user(self.portal_alice).message_post(
            body="Any news?", message_type="comment", subtype_xmlid="mail.mt_comment"
        )

        self.assertFalse(ticket.alltricks_first_answer_date)

    def test_late_answer_is_flagged(self):
        ticket = self._ticket(datetime(2026, 11, 30, 14, 30))

        with freeze_time("2026-11-30 16:30:00"):
            ticket.with_user(self.anna).message_post(
                body="Sorry for the wait",
                message_type="comment",
                subtype_xmlid="mail.mt_comment",
            )

        self.assertTrue(ticket.alltricks_answer_late)
        # the load report's legend: On time / Late
        self.assertEqual(ticket.alltricks_answer_timing, "late")

    def test_cron_warns_before_breach_then_flags_late(self):
        ticket = self._ticket(datetime(2026, 11, 30, 14, 30))
        Ticket = self.env["helpdesk.ticket"]

        with freeze_time("2026-11-30 15:10:00"):
            Ticket._cron_alltricks_check_answer_deadlines()
        warnings = ticket.activity_ids
        with freeze_time("2026-11-30 16:01:00"):
            Ticket._cron_alltricks_check_answer_deadlines()

        self.assertEqual(len(warnings), 1)
        self.assertEqual(warnings.user_id, self.anna)
        self.assertEqual(
            warnings.activity_type_id, self.env.ref("mail.mail_activity_data_warning")
        )
        self.assertTrue(ticket.alltricks_answer_late)
        self.assertEqual(len(ticket.activity_ids), 1)

    def test_agent_cannot_rewrite_the_response_figures(self):
        ticket = self._ticket(datetime(2026, 11, 30, 14, 30))
        deadline = ticket.alltricks_answer_deadline
        forged = [
            {
                "alltricks_first_answer_date": "2026-11-30 14:31:00",
                "alltricks_answer_late": False,
            },
            {
                "alltricks_received_date": "2030-01-01 00:00:00",
                "alltricks_answer_deadline": "2030-01-02 00:00:00",
            },
            {"alltricks_answer_warned": True},
        ]

        for vals in forged:
            with self.assertRaisesRegex(UserError, "set by Odoo only"):
                ticket.with_user(self.anna).write(vals)
        with self.assertRaisesRegex(UserError, "Received on"):
            self.env["helpdesk.ticket"].with_user(self.anna).create(
                {
                    "name": "Backdated",
                    "partner_id": self.customer.id,
                    "alltricks_received_date": "2030-01-01 00:00:00",
                }
            )

        self.assertEqual(ticket.alltricks_received_date, datetime(2026, 11, 30, 14, 30))
        self.assertEqual(ticket.alltricks_answer_deadline, deadline)
        self.assertFalse(ticket.alltricks_first_answer_date)
        self.assertFalse(ticket.alltricks_answer_warned)

    def test_figures_set_by_the_server_for_an_agent_and_a_cron_user(self):
        ticket = self._ticket(datetime(2026, 11, 30, 14, 30))
        other = self._ticket(datetime(2026, 11, 30, 14, 30))
        cron_user = self.env.ref("base.user_admin")
        Ticket = self.env["helpdesk.ticket"].with_user(cron_user)

        with freeze_time("2026-11-30 16:30:00"):
            ticket.with_user(self.anna).message_post(
                body="Sorry for the wait",
                message_type="comment",
                subtype_xmlid="mail.mt_comment",
            )
            Ticket._cron_alltricks_check_answer_deadlines()

        self.assertEqual(
            ticket.alltricks_first_answer_date, datetime(2026, 11, 30, 16, 30)
        )
        self.assertTrue(ticket.alltricks_answer_late)
        self.assertTrue(other.alltricks_answer_late)
        self.assertTrue(other.alltricks_answer_warned)
