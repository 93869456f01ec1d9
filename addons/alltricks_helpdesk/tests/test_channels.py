from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged
from odoo.tests.common import TransactionCase, new_test_user

from .common import HelpdeskFixture


@tagged("post_install", "-at_install")
class TestChannels(HelpdeskFixture, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_helpdesk()
        cls.visitor = cls.env["res.partner"].create(
            {"name": "Chat visitor", "email": "visitor@example.com"}
        )
        cls.session = cls.env["discuss.channel"].create(
            {
                "name": "Visitor, Chloe",
                "channel_type": "livechat",
                "livechat_operator_id": cls.chloe.partner_id.id,
                "channel_member_ids": [
                    (0, 0, {"partner_id": cls.chloe.partner_id.id}),
                    (
                        0,
                        0,
                        {
                            "partner_id": cls.visitor.id,
                            "livechat_member_type": "visitor",
                        },
                    ),
                ],
            }
        )
        cls.session.with_user(cls.chloe).message_post(
            body="Which tyre fits my road bike?",
            message_type="comment",
            author_id=cls.visitor.id,
        )

    def test_livechat_session_becomes_ticket_with_transcript(self):
        action = self.session.with_user(self.chloe).action_alltricks_create_ticket()

        ticket = self.env["helpdesk.ticket"].browse(action["res_id"])
        self.assertEqual(ticket.partner_id, self.visitor)
        self.assertEqual(
            ticket.channel_id,
            self.env.ref("alltricks_helpdesk.helpdesk_ticket_channel_chat"),
        )
        self.assertIn("Which tyre fits my road bike?", ticket.description)
        self.assertEqual(ticket.team_id, self.team)

    def test_only_livechat_can_become_ticket(self):
        group = self.env["discuss.channel"].create(
            {"name": "Team room", "channel_type": "channel"}
        )
        with self.assertRaisesRegex(UserError, "Only a live chat session"):
            group.action_alltricks_create_ticket()

    def test_team_aliases_are_configured(self):
        experts = self.env.ref("alltricks_helpdesk.helpdesk_team_experts")
        after_sales = self.env.ref("alltricks_helpdesk.helpdesk_team_after_sales")

        self.assertEqual(experts.alias_name, "support")
        self.assertEqual(after_sales.alias_name, "sav")
        self.assertEqual(experts.alias_id.alias_model_id.model, "helpdesk.ticket")

    def test_agent_cannot_edit_experts_manager_can(self):
        manager = new_test_user(
            self.env, "hd_manager", groups="helpdesk_mgmt.group_helpdesk_manager"
        )
        with self.assertRaises(AccessError):
            self.expert_anna.with_user(self.chloe).write({"max_load": 99})

        self.expert_anna.with_user(manager).write({"max_load": 12})

        self.assertEqual(self.expert_anna.max_load, 12)

    def test_experts_of_another_company_are_hidden(self):
        other = self.env["res.company"].create({"name": "Alltricks Spain"})
        team_es = self.env["helpdesk.ticket.team"].create(
            {"name": "Soporte", "company_id": other.id}
        )
        user_es = new_test_user(
            self.env,
            "hd_es",
            groups="alltricks_helpdesk.group_support_agent",
            company_id=other.id,
            company_ids=[(6, 0, other.ids)],
        )
        self.env["alltricks.helpdesk.expert"].create(
            {"user_id": user_es.id, "team_id": team_es.id, "company_id": other.id}
        )

        visible = self.env["alltricks.helpdesk.expert"].with_user(self.chloe).search([])

        self.assertEqual(
            visible,
            self.expert_anna | self.expert_bruno | self.expert_chloe | self.expert_tech,
        )
