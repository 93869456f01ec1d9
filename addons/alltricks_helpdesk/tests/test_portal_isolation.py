from odoo.exceptions import AccessError
from odoo.tests import tagged
from odoo.tests.common import TransactionCase

from .common import HelpdeskFixture


@tagged("post_install", "-at_install")
class TestPortalIsolation(HelpdeskFixture, TransactionCase):
    """A portal customer reaches only their own tickets through the ORM."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_helpdesk()
        cls.ticket_alice = cls._create_ticket(
            cls.portal_alice.partner_id, name="Alice fork", team_id=cls.team.id
        )
        cls.ticket_bob = cls._create_ticket(
            cls.portal_bob.partner_id, name="Bob wheel", team_id=cls.team.id
        )

    def test_portal_user_lists_only_own_tickets(self):
        tickets = self.env["helpdesk.ticket"].with_user(self.portal_alice).search([])

        self.assertEqual(tickets, self.ticket_alice)

    def test_portal_user_cannot_read_other_customer_ticket(self):
        with self.assertRaises(AccessError):
            self.ticket_bob.with_user(self.portal_alice).read(["name"])

    def test_portal_user_cannot_answer_other_customer_ticket(self):
        with self.assertRaises(AccessError):
            self.ticket_bob.with_user(self.portal_alice).message_post(
                body="Hi Bob", message_type="comment", subtype_xmlid="mail.mt_comment"
            )
        self.assertNotIn("Hi Bob", self.ticket_bob.message_ids.mapped("body"))

    def test_portal_user_cannot_change_stage_of_any_ticket(self):
        done = self.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_done")
        for ticket in (self.ticket_bob, self.ticket_alice):
            with self.assertRaises(AccessError):
                ticket.with_user(self.portal_alice).write({"stage_id": done.id})
        self.assertNotEqual(self.ticket_bob.stage_id, done)

    def test_portal_user_answers_own_ticket(self):
        message = self.ticket_alice.with_user(self.portal_alice).message_post(
            body="Still broken", message_type="comment", subtype_xmlid="mail.mt_comment"
        )

        self.assertEqual(message.author_id, self.portal_alice.partner_id)
        self.assertFalse(self.ticket_alice.alltricks_first_answer_date)

    def test_portal_user_cannot_read_experts(self):
        with self.assertRaises(AccessError):
            self.env["alltricks.helpdesk.expert"].with_user(self.portal_alice).search(
                []
            )
