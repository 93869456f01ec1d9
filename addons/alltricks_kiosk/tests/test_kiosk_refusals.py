from odoo.exceptions import UserError
from odoo.tests import tagged
from odoo.tests.common import TransactionCase

from .common import ShowroomKioskMixin


@tagged("post_install", "-at_install")
class TestKioskRefusals(ShowroomKioskMixin, TransactionCase):
    """At confirmation the visitor reads why an item cannot be sold."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_showroom()

    def _assert_refused(self, product, qty, message):
        # assertRaises rolls back to a savepoint, as the kiosk request would.
        with self.assertRaises(UserError) as refusal:
            self._kiosk_order(product, qty)

        self.assertEqual(str(refusal.exception), message)
        self.assertFalse(
            self.env["pos.order"].search([("session_id", "=", self.pos_session.id)])
        )
        self.assertFalse(
            self.env["stock.picking"].search([("alltricks_express", "=", True)])
        )

    def test_negative_quantity_is_refused_with_the_web_shop_words(self):
        self._assert_refused(
            self.bike,
            -2,
            "-2 Showroom Gravel Bike: a quantity cannot be negative. Enter the "
            "number of items you want.",
        )

    def test_line_of_nothing_creates_no_pick_left_being_picked(self):
        order = self._kiosk_order(self.bike, 0)

        self.assertFalse(self._express_picks(order))
        self.assertFalse(self.config._get_alltricks_counter_picks())
