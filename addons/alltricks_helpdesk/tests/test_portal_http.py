from odoo.tests import tagged
from odoo.tests.common import HttpCase, JsonRpcException

from .common import HelpdeskFixture


@tagged("post_install", "-at_install")
class TestPortalRoutes(HelpdeskFixture, HttpCase):
    """The portal routes refuse another customer's ticket id."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_helpdesk()
        cls.ticket_alice = cls._create_ticket(
            cls.portal_alice.partner_id, name="Alice fork", team_id=cls.team.id
        )
        cls.ticket_bob = cls._create_ticket(
            cls.portal_bob.partner_id, name="Bob wheel secret", team_id=cls.team.id
        )
        cls.done = cls.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_done")
        cls.new = cls.ticket_bob.stage_id

    def setUp(self):
        super().setUp()
        self.authenticate("hd_alice", "hd_alice_pass_1234")

    def test_other_customer_ticket_page_redirects_to_my(self):
        response = self.url_open(f"/my/ticket/{self.ticket_bob.id}")

        self.assertEqual(response.status_code, 200)
        self.assertTrue(response.url.endswith("/my"), response.url)
        self.assertNotIn("Bob wheel secret", response.text)

    def test_own_ticket_page_shows_it(self):
        response = self.url_open(f"/my/ticket/{self.ticket_alice.id}")

        self.assertIn("Alice fork", response.text)

    def test_closing_other_customer_ticket_is_refused(self):
        self.url_open(
            f"/ticket/close?ticket_id={self.ticket_bob.id}&stage_id={self.done.id}"
        )

        self.assertEqual(self.ticket_bob.stage_id, self.new)

    def test_closing_own_ticket_works(self):
        self.url_open(
            f"/ticket/close?ticket_id={self.ticket_alice.id}&stage_id={self.done.id}"
        )

        self.assertEqual(self.ticket_alice.stage_id, self.done)

    def test_posting_on_other_customer_ticket_fails(self):
        params = {
            "thread_model": "helpdesk.ticket",
            "thread_id": self.ticket_bob.id,
            "post_data": {
                "body": "Hi Bob",
                "message_type": "comment",
                "subtype_xmlid": "mail.mt_comment",
            },
        }
        with self.assertRaises(JsonRpcException), self.assertLogs(level="WARNING"):
            self.make_jsonrpc_request("/mail/message/post", params)

        self.assertNotIn("Hi Bob", "".join(self.ticket_bob.message_ids.mapped("body")))

    def test_posting_on_own_ticket_works(self):
        params = {
            "thread_model": "helpdesk.ticket",
            "thread_id": self.ticket_alice.id,
            "post_data": {
                "body": "Any news?",
                "message_type": "comment",
                "subtype_xmlid": "mail.mt_comment",
            },
        }
        self.make_jsonrpc_request("/mail/message/post", params)

        self.assertIn("Any news?", self.ticket_alice.message_ids[0].body)

    def _csrf_token(self, form):
        anchor = 'name="csrf_token" value="'
        return form.partition(anchor)[2].partition('"')[0]

    def test_web_form_with_garbled_ids_creates_a_plain_ticket(self):
        form = self.url_open("/new/ticket").text
        # "²" passes str.isdigit() but is no number for int().
        garbled = [("mtb", "12abc"), ("²", "²"), ("³", "-1")]

        for discipline, sale_line in garbled:
            subject = f"Garbled form {discipline}"
            response = self.url_open(
                "/submitted/ticket",
                data={
                    "csrf_token": self._csrf_token(form),
                    "subject": subject,
                    "description": "Ids edited by hand",
                    "alltricks_discipline": discipline,
                    "alltricks_sale_line": sale_line,
                },
            )

            ticket = self.env["helpdesk.ticket"].search([("name", "=", subject)])
            self.assertEqual(response.status_code, 200)
            self.assertEqual(ticket.partner_id, self.portal_alice.partner_id)
            self.assertFalse(ticket.alltricks_discipline_id)
            self.assertFalse(ticket.alltricks_sale_line_id)

    def test_web_form_ignores_order_line_of_another_customer(self):
        order_bob = self._create_order(self.portal_bob.partner_id, self.fork)
        form = self.url_open("/new/ticket").text
        csrf_token = self._csrf_token(form)

        response = self.url_open(
            "/submitted/ticket",
            data={
                "csrf_token": csrf_token,
                "subject": "Whose fork?",
                "description": "Trying another id",
                "alltricks_sale_line": order_bob.order_line.id,
            },
        )

        ticket = self.env["helpdesk.ticket"].search([("name", "=", "Whose fork?")])
        self.assertIn(self.order_alice.name, form, "own order offered")
        self.assertNotIn(order_bob.name, form, "other customer's order offered")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(ticket.partner_id, self.portal_alice.partner_id)
        self.assertFalse(ticket.alltricks_sale_line_id)

    def test_web_form_with_bad_category_or_empty_subject_asks_again(self):
        form = self.url_open("/new/ticket").text
        tickets = self.env["helpdesk.ticket"].search_count([])
        cases = [
            ({"subject": "Odd category", "category": "abc"}, "Pick a category"),
            ({"subject": "Odd category", "category": "²"}, "Pick a category"),
            ({"subject": "   "}, "Write a subject for your request."),
            ({"subject": "Odd team", "team": "abc"}, None),
        ]
        self.env.company.helpdesk_mgmt_portal_select_team = True

        for posted, message in cases:
            response = self.url_open(
                "/submitted/ticket",
                data={
                    "csrf_token": self._csrf_token(form),
                    "description": "My fork leaks",
                    **posted,
                },
            )
            self.assertEqual(response.status_code, 200)
            self.assertIn(message or "Pick a team from the list.", response.text)
            self.assertIn("My fork leaks", response.text, "description kept")

        self.assertEqual(self.env["helpdesk.ticket"].search_count([]), tickets)
