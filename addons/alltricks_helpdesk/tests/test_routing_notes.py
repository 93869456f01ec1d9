from odoo.exceptions import UserError
from odoo.tests import tagged
from odoo.tests.common import TransactionCase

from .common import HelpdeskFixture


@tagged("post_install", "-at_install")
class TestRoutingNotes(HelpdeskFixture, TransactionCase):
    """The note left by the routing tells the agent what happened in words."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_helpdesk()
        cls.customer = cls.env["res.partner"].create({"name": "Mail customer"})

    def _ticket_as_agent(self, **values):
        return (
            self.env["helpdesk.ticket"]
            .with_user(self.chloe)
            .create(
                {
                    "name": "Question",
                    "description": "<p>?</p>",
                    "partner_id": self.customer.id,
                    "user_id": False,
                    **values,
                }
            )
        )

    def test_ticket_without_discipline_asks_for_triage(self):
        ticket = self._ticket_as_agent(team_id=self.team.id)

        self.assertFalse(ticket.user_id)
        self.assertEqual(
            self._routing_notes(ticket),
            [
                "No discipline set: triage by hand. Set the discipline, then "
                "re-route the ticket to give it to an expert. The ticket waits "
                "unassigned in team Test experts."
            ],
        )

    def test_triaged_ticket_reroutes_to_an_expert(self):
        ticket = self._ticket_as_agent(team_id=self.team.id)
        ticket.with_user(self.chloe).alltricks_discipline_id = self.road

        ticket.with_user(self.chloe).action_alltricks_reroute()

        self.assertEqual(ticket.user_id, self.bruno)
        self.assertEqual(
            self._routing_notes(ticket)[-1],
            "Routed to Bruno Mtb, expert of discipline Road.",
        )

    def test_after_sales_note_names_no_discipline(self):
        ticket = self._ticket_as_agent(
            alltricks_request_type="warranty",
            alltricks_sale_line_id=self.order_alice.order_line.id,
        )

        self.assertEqual(ticket.user_id, self.tech)
        self.assertEqual(
            self._routing_notes(ticket), ["Routed to Theo Tech, after-sales expert."]
        )

    def test_reroute_refusal_names_one_or_several_closed_tickets(self):
        done = self.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_done")
        first, second = (
            self._ticket_as_agent(alltricks_discipline_id=self.mtb.id)
            for _index in range(2)
        )
        (first + second).stage_id = done
        tickets = (first + second).with_user(self.chloe)

        with self.assertRaises(UserError) as one:
            tickets[0].action_alltricks_reroute()
        with self.assertRaises(UserError) as several:
            tickets.action_alltricks_reroute()

        self.assertEqual(
            str(one.exception),
            f"Ticket {first.number} is closed: reopen it before re-routing it.",
        )
        self.assertEqual(
            str(several.exception),
            f"Tickets {first.number}, {second.number} are closed: reopen them "
            "before re-routing them.",
        )
