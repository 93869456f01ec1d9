from unittest.mock import patch

from odoo.exceptions import UserError
from odoo.tests import tagged
from odoo.tests.common import TransactionCase

from .common import ShowroomKioskMixin


@tagged("post_install", "-at_install")
class TestKioskRefusals(ShowroomKioskMixin, TransactionCase):
    """At confirmation the visitor reads why an item cannot be sold: too few
    left, no longer sold, sold out."""

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

    def test_more_than_the_shelf_holds_says_how_many_are_left(self):
        self._put(self.bike, self.bin, 8)

        self._assert_refused(
            self.bike,
            999,
            "Sorry, only 10 Showroom Gravel Bike left for 999 ordered: lower the "
            "quantity in your order, then order again.",
        )

    def test_units_reserved_for_the_web_leave_only_the_rest(self):
        self._web_order(self.bike, 1)

        self._assert_refused(
            self.bike,
            2,
            "Sorry, only 1 Showroom Gravel Bike left for 2 ordered: lower the "
            "quantity in your order, then order again.",
        )
        order = self._kiosk_order(self.bike, 1)
        self.assertEqual(self._express_picks(order).move_ids.quantity, 1.0)

    def test_sheet_set_back_to_draft_says_it_is_no_longer_sold(self):
        self.bike.product_tmpl_id.action_sheet_reset()

        self._assert_refused(
            self.bike,
            1,
            "Sorry, Showroom Gravel Bike is no longer sold: remove it from your "
            "order or ask our staff for a similar item.",
        )

    def test_item_sold_out_meanwhile_says_it_has_just_been_sold_out(self):
        self._web_order(self.bike, 2)

        self._assert_refused(
            self.bike,
            1,
            "Sorry, Showroom Gravel Bike has just been sold out: remove it from "
            "your order or ask our staff for a similar item.",
        )

    def test_item_not_put_away_is_sold_out_for_the_kiosk(self):
        # on sale in the point of sale (ticked by hand), but its units are
        # still at the input, in no bin
        self.helmet.available_in_pos = True

        self._assert_refused(
            self.helmet,
            1,
            "Sorry, Unshelved Helmet has just been sold out: remove it from your "
            "order or ask our staff for a similar item.",
        )

    def test_negative_quantity_is_refused_with_the_web_shop_words(self):
        self._assert_refused(
            self.bike,
            -2,
            "-2 Showroom Gravel Bike: a quantity cannot be negative. Enter the "
            "number of items you want.",
        )

    def test_bad_quantity_is_refused_before_the_order_takes_a_number(self):
        config = self.config.with_user(self.config.self_ordering_default_user_id)
        cart = self._kiosk_cart(self.bike, 1.5)

        with (
            patch.object(
                type(self.config), "_get_next_order_refs", autospec=True
            ) as next_refs,
            self.assertRaises(UserError) as refusal,
        ):
            config.env["pos.order"]._check_pos_order(config, cart, "kiosk")

        next_refs.assert_not_called()
        self.assertEqual(
            str(refusal.exception),
            "Showroom Gravel Bike is sold by the unit: 1.5 is not a whole number. "
            "Enter a whole number of items.",
        )

    def test_negative_line_past_the_cart_check_gets_no_pick(self):
        # an order reaching the express pick by another way than the kiosk
        # route: the pick refuses it too, instead of picking a return
        config = self.config.with_user(self.config.self_ordering_default_user_id)
        order = config.env["pos.order"]._check_pos_order(
            config, self._kiosk_cart(self.bike, 1), "kiosk"
        )
        order["lines"][0][2]["qty"] = -1

        with self.assertRaises(UserError) as refusal:
            config.env["pos.order"].sudo().sync_from_ui([order])

        self.assertEqual(
            str(refusal.exception),
            "-1 Showroom Gravel Bike: a quantity cannot be negative. Enter the "
            "number of items you want.",
        )
        self.assertFalse(
            self.env["stock.picking"].search([("product_id", "=", self.bike.id)])
        )

    def test_cart_of_nothing_is_refused_before_it_takes_a_number(self):
        self._assert_refused(
            self.bike, 0, "Your order is empty: choose at least one item."
        )
        self.assertFalse(self.config._get_alltricks_counter_picks())

    def test_item_not_on_sale_at_the_kiosk_is_refused(self):
        # the public route takes any product id: one a member of staff took
        # off the point of sale is refused like a sold-out one
        self.bike.available_in_pos = False

        self._assert_refused(
            self.bike,
            1,
            "Sorry, Showroom Gravel Bike is not sold at this kiosk: remove it "
            "from your order or ask our staff.",
        )

    def test_item_archived_since_the_kiosk_loaded_is_no_longer_sold(self):
        self.bike.product_tmpl_id.active = False

        self._assert_refused(
            self.bike,
            1,
            "Sorry, Showroom Gravel Bike is no longer sold: remove it from your "
            "order or ask our staff for a similar item.",
        )

    def test_cart_without_lines_is_refused(self):
        config = self.config.with_user(self.config.self_ordering_default_user_id)
        cart = {**self._kiosk_cart(self.bike, 1), "lines": []}

        with self.assertRaises(UserError) as refusal:
            config.env["pos.order"]._check_pos_order(config, cart, "kiosk")

        self.assertEqual(
            str(refusal.exception), "Your order is empty: choose at least one item."
        )

    def test_quantity_sent_as_text_counts_as_its_number(self):
        order = self._kiosk_order(self.bike, "2")

        self.assertEqual(order.lines.qty, 2.0)
        self.assertEqual(self._express_picks(order).move_ids.quantity, 2.0)
