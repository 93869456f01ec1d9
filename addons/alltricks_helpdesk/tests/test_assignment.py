from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged
from odoo.tests.common import TransactionCase, new_test_user

from .common import HelpdeskFixture


@tagged("post_install", "-at_install")
class TestTicketAssignment(HelpdeskFixture, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_helpdesk()
        cls.customer = cls.env["res.partner"].create({"name": "Phone customer"})

    def _ticket_as_agent(self, **values):
        Ticket = self.env["helpdesk.ticket"].with_user(self.chloe)
        vals = {
            "name": "Question",
            "description": "<p>?</p>",
            "partner_id": self.customer.id,
            "user_id": False,
        }
        vals.update(values)
        return Ticket.create(vals)

    def test_ticket_goes_to_least_loaded_expert_of_discipline(self):
        # Anna already holds two open tickets, Bruno one: Bruno gets the next.
        for user in (self.anna, self.anna, self.bruno):
            self._create_ticket(self.customer, user_id=user.id, team_id=self.team.id)

        ticket = self._ticket_as_agent(alltricks_discipline_id=self.mtb.id)

        self.assertEqual(ticket.user_id, self.bruno)
        self.assertEqual(ticket.team_id, self.team)
        self.assertEqual(self.expert_bruno.open_ticket_count, 2)

    def test_closed_tickets_do_not_count_in_the_load(self):
        done = self.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_done")
        for _i in range(3):
            self._create_ticket(
                self.customer, user_id=self.anna.id, team_id=self.team.id
            ).stage_id = done
        self._create_ticket(self.customer, user_id=self.bruno.id, team_id=self.team.id)

        ticket = self._ticket_as_agent(alltricks_discipline_id=self.mtb.id)

        self.assertEqual(ticket.user_id, self.anna)

    def test_unavailable_and_full_experts_are_skipped(self):
        self.expert_anna.available = False
        self.expert_bruno.max_load = 1
        self._create_ticket(self.customer, user_id=self.bruno.id, team_id=self.team.id)

        blocked = self._ticket_as_agent(alltricks_discipline_id=self.mtb.id)
        self.expert_bruno.max_load = 2
        routed = self._ticket_as_agent(alltricks_discipline_id=self.mtb.id)

        self.assertFalse(blocked.user_id)
        self.assertEqual(routed.user_id, self.bruno)

    def test_no_expert_available_goes_to_team_and_says_so(self):
        ticket = self._ticket_as_agent(alltricks_discipline_id=self.bmx.id)

        self.assertFalse(ticket.user_id)
        self.assertEqual(ticket.team_id, self.team)
        notes = ticket.message_ids.filtered(
            lambda m: "No expert available for discipline BMX" in (m.body or "")
        )
        self.assertEqual(len(notes), 1)
        self.assertEqual(notes.subtype_id, self.env.ref("mail.mt_note"))

    def test_discipline_comes_from_order_line_product_category(self):
        line = self.order_alice.order_line

        ticket = self._ticket_as_agent(alltricks_sale_line_id=line.id)

        self.assertEqual(ticket.alltricks_sale_order_id, self.order_alice)
        self.assertEqual(ticket.alltricks_product_id, self.fork)
        self.assertEqual(ticket.alltricks_brand_id, self.brand)
        self.assertEqual(ticket.alltricks_discipline_id, self.mtb)
        self.assertEqual(ticket.user_id, self.anna)

    def test_discipline_comes_from_order_when_no_line_chosen(self):
        ticket = self._ticket_as_agent(alltricks_sale_order_id=self.order_alice.id)

        self.assertEqual(ticket.alltricks_discipline_id, self.mtb)

    def test_customer_choice_of_discipline_wins_over_product(self):
        ticket = self._ticket_as_agent(
            alltricks_sale_line_id=self.order_alice.order_line.id,
            alltricks_discipline_id=self.road.id,
        )

        self.assertEqual(ticket.alltricks_discipline_id, self.road)
        self.assertEqual(ticket.user_id, self.bruno)

    def test_warranty_ticket_goes_to_after_sales_team(self):
        ticket = self._ticket_as_agent(
            alltricks_request_type="warranty",
            alltricks_sale_line_id=self.order_alice.order_line.id,
            team_id=self.team.id,
        )

        self.assertEqual(ticket.team_id, self.after_sales_team)
        self.assertEqual(ticket.user_id, self.tech)

    def test_ticket_never_assigned_to_its_author(self):
        # Bruno writes to support about his own bike: Anna answers.
        self._create_ticket(self.customer, user_id=self.anna.id, team_id=self.team.id)

        ticket = self._create_ticket(
            self.bruno.partner_id, alltricks_discipline_id=self.mtb.id, user_id=False
        )

        self.assertEqual(ticket.user_id, self.anna)

    def test_reroute_after_discipline_change(self):
        ticket = self._ticket_as_agent(alltricks_discipline_id=self.bmx.id)
        ticket.alltricks_discipline_id = self.road

        ticket.with_user(self.chloe).action_alltricks_reroute()

        self.assertEqual(ticket.user_id, self.bruno)

    def test_phone_call_form_creates_routed_phone_ticket(self):
        self.env.invalidate_all()
        call = (
            self.env["alltricks.helpdesk.phone.call"]
            .with_user(self.chloe)
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

        # opened from the Helpdesk tickets action: in that app, with a breadcrumb
        tickets_action = self.env.ref("helpdesk_mgmt.helpdesk_ticket_action")
        self.assertEqual(action["id"], tickets_action.id)
        self.assertEqual(action["views"], [(False, "form")])
        ticket = self.env["helpdesk.ticket"].browse(action["res_id"])
        self.assertEqual(
            ticket.channel_id,
            self.env.ref("helpdesk_mgmt.helpdesk_ticket_channel_phone"),
        )
        self.assertEqual(ticket.partner_id, self.portal_alice.partner_id)
        self.assertEqual(ticket.alltricks_discipline_id, self.mtb)
        self.assertEqual(ticket.user_id, self.anna)

    def test_phone_call_refuses_order_of_another_customer(self):
        call = (
            self.env["alltricks.helpdesk.phone.call"]
            .with_user(self.chloe)
            .create(
                {
                    "partner_id": self.portal_bob.partner_id.id,
                    "sale_order_id": self.order_alice.id,
                    "summary": "Where is my order?",
                }
            )
        )
        count = self.env["helpdesk.ticket"].search_count([])

        with self.assertRaisesRegex(UserError, "pick one of the customer's orders"):
            call.action_create_ticket()
        self.assertEqual(self.env["helpdesk.ticket"].search_count([]), count)

    def test_expert_settings_refuse_portal_users_and_negative_figures(self):
        manager = new_test_user(
            self.env, "hd_boss", groups="helpdesk_mgmt.group_helpdesk_manager"
        )
        Expert = self.env["alltricks.helpdesk.expert"].with_user(manager)

        with (
            self.assertRaisesRegex(ValidationError, "Alice Rider is a portal user"),
            self.env.cr.savepoint(),
        ):
            Expert.create({"user_id": self.portal_alice.id, "team_id": self.team.id})
        with (
            self.assertRaisesRegex(ValidationError, "cannot be negative"),
            self.env.cr.savepoint(),
        ):
            self.expert_chloe.with_user(manager).max_load = -5
        with (
            self.assertRaisesRegex(ValidationError, "warning before a breach"),
            self.env.cr.savepoint(),
        ):
            self.team.with_user(manager).alltricks_warning_hours = -3

        self.env.invalidate_all()
        self.assertNotIn(self.portal_alice, self.team.user_ids)
        self.assertEqual(self.expert_chloe.max_load, 30)
        self.assertEqual(self.team.alltricks_warning_hours, 1.0)
