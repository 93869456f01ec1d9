from odoo.tests import tagged
from odoo.tests.common import HttpCase

from .common import ShowroomKioskMixin


@tagged("post_install", "-at_install")
class TestKioskTour(ShowroomKioskMixin, HttpCase):
    browser_size = "1280x1024"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_showroom()
        # The test database is cloned without its template's filestore: the
        # favicon the kiosk page requests would fail with a missing file.
        cls.env["website"].search([]).favicon = False

    def test_visitor_scans_orders_pays_at_counter_and_collects(self):
        self.start_tour(
            self.config._get_self_order_route(), "alltricks_kiosk_scan_and_order"
        )

        order = self.env["pos.order"].search([("session_id", "=", self.pos_session.id)])
        pick = self._express_picks(order)
        self.assertEqual(order.state, "draft")
        self.assertEqual(order.source, "kiosk")
        self.assertEqual(len(pick), 1)
        self.assertEqual(pick.sudo()._get_express_queue()[:1], pick)

        self._pay_at_counter(order)
        pick.with_user(self.picker).button_validate()

        self.assertEqual(order.state, "paid")
        self.assertEqual(order.picking_ids, pick)
        screen = self.url_open(
            f"/alltricks_kiosk/counter/{self.config.id}"
            f"?access_token={self.config.access_token}"
        ).text
        ready = screen[screen.index('class="o_alltricks_ready"') :]
        self.assertIn(order.tracking_number, ready)
