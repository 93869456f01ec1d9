from odoo.tests import tagged
from odoo.tests.common import HttpCase, new_test_user

from .common import HelpdeskFixture

# A 1x1 transparent PNG.
PIXEL = (
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNk"
    "YAAAAAYAAjCB0C8AAAAASUVORK5CYII="
)


@tagged("post_install", "-at_install")
class TestPortalTour(HelpdeskFixture, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_helpdesk()
        # The test database is cloned from a template without its filestore:
        # give the website images that exist, or the pages log HTTP 500s.
        cls.env["website"].search([]).write({"logo": PIXEL, "favicon": PIXEL})
        cls.rider = new_test_user(
            cls.env, "hd_tour_rider", groups="base.group_portal", name="Tour Rider"
        )
        cls.order = cls._create_order(cls.rider.partner_id, cls.fork)
        # Anna is busy: the next MTB ticket must go to Bruno.
        for _i in range(2):
            cls._create_ticket(
                cls.portal_bob.partner_id, user_id=cls.anna.id, team_id=cls.team.id
            )

    def test_portal_ticket_about_order_line_reaches_expert_and_back(self):
        self.start_tour("/", "alltricks_helpdesk_portal_ticket", login="hd_tour_rider")

        ticket = self.env["helpdesk.ticket"].search(
            [("name", "=", "Fork noise on descents")]
        )
        self.assertEqual(ticket.partner_id, self.rider.partner_id)
        self.assertEqual(ticket.alltricks_sale_line_id, self.order.order_line)
        self.assertEqual(ticket.alltricks_discipline_id, self.mtb)
        self.assertEqual(ticket.team_id, self.team)
        self.assertEqual(ticket.user_id, self.bruno)
        self.assertEqual(
            ticket.channel_id, self.env.ref("helpdesk_mgmt.helpdesk_ticket_channel_web")
        )

        ticket.with_user(self.bruno).message_post(
            body="Tighten the thru-axle to 15 Nm.",
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
        )
        self.start_tour("/", "alltricks_helpdesk_portal_answer", login="hd_tour_rider")

        self.assertTrue(ticket.alltricks_first_answer_date)
