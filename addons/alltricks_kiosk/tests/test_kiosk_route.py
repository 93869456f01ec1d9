import json

from odoo.tests import tagged
from odoo.tests.common import HttpCase
from odoo.tools import mute_logger

from .common import ShowroomKioskMixin


@tagged("post_install", "-at_install")
class TestKioskRoute(ShowroomKioskMixin, HttpCase):
    """What anyone may post to the public kiosk route: bad quantities are refused
    before anything exists."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_showroom()

    def _post_kiosk_order(self, product, qty, **line_values):
        """POST a one-line cart to /pos-self-order/process-order/kiosk/, as the
        kiosk's browser does (``line_values`` changed on its line); return the
        JSON-RPC reply."""
        cart = self._kiosk_cart(product, qty)
        cart["lines"][0][2].update(line_values)
        order = {
            **cart,
            # what a new order carries before the server gives it an identity
            "id": None,
            "access_token": None,
            "pos_reference": None,
            "tracking_number": None,
            "amount_total": 0,
            "amount_tax": 0,
            "amount_paid": 0,
        }
        payload = {
            "jsonrpc": "2.0",
            "method": "call",
            "id": 1,
            "params": {
                "access_token": self.config.access_token,
                "order": order,
                "table_identifier": None,
            },
        }
        with mute_logger("odoo.http"):
            response = self.url_open(
                "/pos-self-order/process-order/kiosk/",
                data=json.dumps(payload),
                headers={"Content-Type": "application/json"},
            )
        return response.json()

    def _assert_refused_with_nothing_created(self, qty, message, **line_values):
        counts = [
            self.env[model].search_count([]) for model in ("pos.order", "stock.picking")
        ]

        reply = self._post_kiosk_order(self.bike, qty, **line_values)

        self.assertNotIn("result", reply)
        self.assertEqual(reply["error"]["data"]["name"], "odoo.exceptions.UserError")
        self.assertEqual(reply["error"]["data"]["message"], message)
        self.assertEqual(
            [
                self.env[model].search_count([])
                for model in ("pos.order", "stock.picking")
            ],
            counts,
        )
        self.assertEqual(self._kiosk_qty(self.bike), 2.0)

    def test_negative_quantity_is_refused_before_anything_is_created(self):
        self._assert_refused_with_nothing_created(
            -1,
            "-1 Showroom Gravel Bike: a quantity cannot be negative. Enter the "
            "number of items you want.",
        )

    def test_part_of_an_item_sold_by_the_unit_is_refused(self):
        self._assert_refused_with_nothing_created(
            1.5,
            "Showroom Gravel Bike is sold by the unit: 1.5 is not a whole number. "
            "Enter a whole number of items.",
        )

    def test_line_without_a_quantity_is_an_empty_order(self):
        # the point of sale would store it as 0: a paid order of nothing
        self._assert_refused_with_nothing_created(
            None, "Your order is empty: choose at least one item."
        )

    def test_quantity_that_is_not_a_number_is_refused(self):
        self._assert_refused_with_nothing_created(
            "abc",
            "abc is not a quantity of Showroom Gravel Bike: enter the number of "
            "items you want.",
        )

    def test_item_that_does_not_exist_is_refused(self):
        self._assert_refused_with_nothing_created(
            1,
            "Sorry, an item of your order is no longer available: start a new "
            "order or ask our staff.",
            product_id=self.env["product.product"].search([], order="id desc")[:1].id
            + 1000,
        )

    def test_whole_quantity_is_ordered_with_its_express_pick(self):
        reply = self._post_kiosk_order(self.bike, 2)

        order = self.env["pos.order"].browse(reply["result"]["pos.order"][0]["id"])
        self.assertEqual(order.source, "kiosk")
        self.assertEqual(order.amount_total, 300.0)
        self.assertEqual(self._express_picks(order).move_ids.quantity, 2.0)
        self.assertEqual(self._kiosk_qty(self.bike), 0.0)
