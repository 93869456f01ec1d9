from odoo.tests import tagged

from .common import BikePrepCase


@tagged("post_install", "-at_install")
class TestBikePrepReports(BikePrepCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.order = cls._create_order([(cls.bike, 1)], weight=70.0)
        cls.order.action_confirm()
        cls.work_order = cls.order.alltricks_bike_prep_ids
        cls._finish(cls.work_order, frame="FR12345678")

    def _render(self, xmlid, records):
        html, _kind = (
            self.env["ir.actions.report"]
            .with_user(self.storekeeper)
            ._render_qweb_html(xmlid, records.ids)
        )
        return html.decode()

    def test_delivery_slip_shows_frame_id_and_pressures(self):
        html = self._render("stock.action_report_delivery", self.order.picking_ids)
        self.assertIn("FR12345678", html)
        self.assertIn("TestFork 160", html)
        self.assertIn("<span>75.0</span>", html)
        self.assertIn("<span>180.0</span>", html)

    def test_invoice_shows_frame_id_and_pressures(self):
        self.order.picking_ids.move_ids.quantity = 1
        self.order.picking_ids.move_ids.picked = True
        self.order.picking_ids.button_validate()
        invoice = self.order._create_invoices()
        html, _kind = self.env["ir.actions.report"]._render_qweb_html(
            "account.account_invoices", invoice.ids
        )
        self.assertIn("FR12345678", html.decode())
        self.assertIn("<span>180.0</span>", html.decode())

    def test_suspension_card_shows_the_rider_weight_and_values(self):
        html = self._render(
            "alltricks_bike_prep.action_report_suspension_card", self.work_order
        )
        self.assertIn("<span>70.0</span> kg", html)
        self.assertIn("TestShock X", html)
        self.assertIn("FR12345678", html)
