from datetime import datetime, timedelta

from odoo import SUPERUSER_ID
from odoo.exceptions import UserError
from odoo.tests import Form, tagged
from odoo.tests.common import TransactionCase, freeze_time, new_test_user

from ..models.helpdesk_ticket import NO_AUTO_ASSIGN
from .common import HelpdeskFixture

# Monday 30 November 2026, 10:00 in Paris (UTC+1): before the 16:00 cut-off.
MONDAY_10 = datetime(2026, 11, 30, 9, 0)
MONDAY_17 = datetime(2026, 11, 30, 16, 0)


@tagged("post_install", "-at_install")
class TestBackendTickets(HelpdeskFixture, TransactionCase):
    """Tickets created in the back office (a call, a script) are routed like
    web tickets, whatever helpdesk_mgmt's auto-assign would do."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_helpdesk()
        cls.env.company.helpdesk_mgmt_ticket_auto_assign = True
        cls.customer = cls.env["res.partner"].create({"name": "Caller"})
        cls.dora = new_test_user(
            cls.env,
            "hd_dora",
            groups="alltricks_helpdesk.group_support_agent",
            name="Dora Desk",
        )
        # An unrelated team listed first among the agent's and OdooBot's teams:
        # helpdesk_mgmt would put their tickets there.
        cls.other_team = cls.env["helpdesk.ticket.team"].create(
            {
                "name": "Localization test",
                "sequence": 0,
                "user_ids": [(6, 0, [cls.dora.id, SUPERUSER_ID])],
            }
        )

    def _web_ticket(self, **values):
        # As the portal controller does: public user, sudo, no assignee.
        public = self.env.ref("base.public_user")
        return (
            self.env["helpdesk.ticket"]
            .with_user(public)
            .sudo()
            .create(
                {
                    "name": "Web question",
                    "description": "<p>From the site</p>",
                    "partner_id": self.customer.id,
                    "user_id": False,
                    "alltricks_received_date": MONDAY_10,
                    **values,
                }
            )
        )

    def _backend_ticket(self, user, **values):
        # An agent cannot set the reception date: the ticket is received now.
        with freeze_time(MONDAY_10):
            return (
                self.env["helpdesk.ticket"]
                .with_user(user)
                .create(
                    {
                        "name": "Phone question",
                        "description": "<p>Called in</p>",
                        "partner_id": self.customer.id,
                        **values,
                    }
                )
            )

    def test_agent_ticket_with_discipline_goes_to_its_expert(self):
        web = self._web_ticket(alltricks_discipline_id=self.mtb.id)
        self._create_ticket(self.customer, user_id=self.anna.id, team_id=self.team.id)

        ticket = self._backend_ticket(self.dora, alltricks_discipline_id=self.mtb.id)

        self.assertEqual(ticket.team_id, self.team)
        self.assertEqual(ticket.user_id, self.bruno)
        self.assertEqual(
            self._routing_notes(ticket),
            ["Routed to Bruno Mtb, expert of discipline MTB."],
        )
        self.assertEqual(ticket.alltricks_answer_deadline, MONDAY_17)
        self.assertEqual(
            ticket.alltricks_answer_deadline, web.alltricks_answer_deadline
        )

    def test_agent_ticket_without_discipline_waits_for_triage(self):
        web = self._web_ticket()

        ticket = self._backend_ticket(self.dora)

        self.assertEqual(ticket.team_id, self.team)
        self.assertFalse(ticket.user_id)
        self.assertEqual(
            self._routing_notes(ticket),
            [
                "No discipline set: triage by hand. Set the discipline, then "
                "re-route the ticket to give it to an expert. The ticket waits "
                "unassigned in team Test experts."
            ],
        )
        self.assertEqual(ticket.alltricks_answer_deadline, MONDAY_17)
        self.assertLessEqual(
            ticket.alltricks_answer_deadline - MONDAY_10, timedelta(hours=24)
        )
        self.assertEqual(
            ticket.alltricks_answer_deadline, web.alltricks_answer_deadline
        )

    def test_ticket_form_proposes_no_assignee_and_routes_on_save(self):
        form = Form(self.env["helpdesk.ticket"].with_user(self.dora))

        self.assertFalse(form.user_id)
        self.assertFalse(form.team_id)
        form.name = "Phone question"
        form.description = "<p>Called in</p>"
        form.partner_id = self.customer
        form.alltricks_discipline_id = self.road
        ticket = form.save()

        self.assertEqual(ticket.team_id, self.team)
        self.assertEqual(ticket.user_id, self.bruno)

    def test_expert_keeps_the_ticket_of_their_discipline_they_create(self):
        for _i in range(2):
            self._create_ticket(
                self.customer, user_id=self.bruno.id, team_id=self.team.id
            )

        kept = self._backend_ticket(self.bruno, alltricks_discipline_id=self.mtb.id)
        routed = self._backend_ticket(self.chloe, alltricks_discipline_id=self.mtb.id)
        untriaged = self._backend_ticket(self.bruno)

        self.assertEqual(kept.user_id, self.bruno)
        self.assertEqual(
            self._routing_notes(kept),
            ["Kept by Bruno Mtb, who created it and is an expert of discipline MTB."],
        )
        self.assertEqual(routed.user_id, self.anna)
        self.assertFalse(untriaged.user_id)

    def test_phone_call_form_keeps_ticket_for_expert_on_the_line(self):
        self._create_ticket(self.customer, user_id=self.bruno.id, team_id=self.team.id)
        call = (
            self.env["alltricks.helpdesk.phone.call"]
            .with_user(self.bruno)
            .create(
                {
                    "partner_id": self.portal_alice.partner_id.id,
                    "sale_order_id": self.order_alice.id,
                    "sale_line_id": self.order_alice.order_line.id,
                    "summary": "Fork makes a noise",
                }
            )
        )

        action = call.action_create_ticket()

        ticket = self.env["helpdesk.ticket"].browse(action["res_id"])
        self.assertEqual(ticket.alltricks_discipline_id, self.mtb)
        self.assertEqual(ticket.team_id, self.team)
        self.assertEqual(ticket.user_id, self.bruno)

    def test_superuser_ticket_never_goes_to_superuser(self):
        # Even listed as an MTB expert with no load, OdooBot gets nothing.
        self.env["alltricks.helpdesk.expert"].create(
            {
                "user_id": SUPERUSER_ID,
                "team_id": self.team.id,
                "sequence": 0,
                "discipline_ids": [(6, 0, self.mtb.ids)],
            }
        )
        Ticket = self.env["helpdesk.ticket"].with_user(SUPERUSER_ID).sudo()
        values = {
            "name": "Script",
            "description": "<p>Imported</p>",
            "partner_id": self.customer.id,
            "alltricks_received_date": MONDAY_10,
        }

        with_discipline = Ticket.create(
            dict(values, alltricks_discipline_id=self.mtb.id)
        )
        self_assigned = Ticket.create(
            dict(values, alltricks_discipline_id=self.mtb.id, user_id=SUPERUSER_ID)
        )
        without_discipline = Ticket.create(values)

        self.assertEqual(with_discipline.team_id, self.team)
        self.assertEqual(with_discipline.user_id, self.anna)
        self.assertEqual(self_assigned.user_id, self.bruno)
        self.assertEqual(without_discipline.team_id, self.team)
        self.assertFalse(without_discipline.user_id)

    def test_ticket_without_team_follows_the_default_team_rules(self):
        # Cut-off at 12:00 on the default team: a ticket received at 12:30
        # Paris on Monday is due 24 working hours later, Thursday 12:00,
        # not the company's same-day 17:00.
        self.team.alltricks_cutoff_hour = 12.0

        ticket = (
            self.env["helpdesk.ticket"]
            .with_user(self.dora)
            .sudo()
            .with_context(alltricks_no_auto_assign=NO_AUTO_ASSIGN)
            .create(
                {
                    "name": "Left without team",
                    "description": "<p>?</p>",
                    "partner_id": self.customer.id,
                    "alltricks_received_date": datetime(2026, 11, 30, 11, 30),
                }
            )
        )

        self.assertFalse(ticket.team_id)
        self.assertEqual(ticket.alltricks_answer_deadline, datetime(2026, 12, 3, 11, 0))

    def test_no_auto_assign_key_sent_by_a_client_is_ignored(self):
        # JSON-RPC can only carry plain values: the ticket is routed anyway.
        ticket = (
            self.env["helpdesk.ticket"]
            .with_user(self.dora)
            .with_context(alltricks_no_auto_assign=True)
            .create(
                {
                    "name": "Forged context",
                    "description": "<p>Sent over RPC</p>",
                    "partner_id": self.customer.id,
                    "alltricks_discipline_id": self.road.id,
                }
            )
        )

        self.assertEqual(ticket.team_id, self.team)
        self.assertEqual(ticket.user_id, self.bruno)
        self.assertEqual(
            self._routing_notes(ticket),
            ["Routed to Bruno Mtb, expert of discipline Road."],
        )

    def test_ticket_cannot_go_to_a_user_who_is_not_an_agent(self):
        clerk = new_test_user(self.env, "hd_clerk", name="Carl Clerk")
        ticket = self._backend_ticket(self.dora, alltricks_discipline_id=self.mtb.id)
        message = "Carl Clerk is not a helpdesk agent: pick an agent of the team."

        with self.assertRaisesRegex(UserError, message):
            ticket.with_user(self.dora).write({"user_id": clerk.id})
        with self.assertRaisesRegex(UserError, message):
            self._backend_ticket(self.dora, user_id=clerk.id)
        ticket.with_user(self.dora).write({"user_id": self.chloe.id})

        self.assertEqual(ticket.user_id, self.chloe)
