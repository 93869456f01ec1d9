from odoo.tests import tagged
from odoo.tests.common import HttpCase

from .common import ShowroomKioskMixin


@tagged("post_install", "-at_install")
class TestCounterScreen(ShowroomKioskMixin, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_showroom()

    def _screen(self, token=None):
        token = self.config.access_token if token is None else token
        return self.url_open(
            f"/alltricks_kiosk/counter/{self.config.id}?access_token={token}"
        )

    def _section(self, html, css_class):
        start = html.index(f'class="{css_class}"')
        return html[start : html.index("</section>", start)]

    def test_counter_screen_shows_the_order_being_picked_then_ready(self):
        order = self._kiosk_order(self.bike, 1)
        number = order.tracking_number

        html = self._screen().text
        self.assertIn(number, self._section(html, "o_alltricks_picking"))
        self.assertNotIn(number, self._section(html, "o_alltricks_ready"))

        self._express_picks(order).with_user(self.picker).button_validate()

        html = self._screen().text
        self.assertNotIn(number, self._section(html, "o_alltricks_picking"))
        self.assertIn(number, self._section(html, "o_alltricks_ready"))

    def test_counter_screen_needs_the_point_of_sale_token(self):
        self.assertEqual(self._screen(token="wrong").status_code, 404)
        self.assertEqual(self._screen(token="").status_code, 404)

    def test_counter_screen_shows_units_missing(self):
        order = self._kiosk_order(self.bike, 2)
        pick = self._express_picks(order)
        found, missing = pick.move_line_ids
        # what the scanner writes for a unit found and one marked missing
        found.sudo().picked = True
        missing.sudo().write({"quantity": 0, "picked": True, "alltricks_missing": True})
        pick.with_user(self.picker).with_context(skip_backorder=True).button_validate()
        number = order.tracking_number

        html = self._screen().text
        ready = self._section(html, "o_alltricks_ready")
        self.assertIn(number, ready)
        self.assertIn("1 missing: ask our staff for a refund or another item", ready)
        self.assertNotIn(number, self._section(html, "o_alltricks_picking"))
