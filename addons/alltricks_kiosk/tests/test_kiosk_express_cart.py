from odoo.exceptions import UserError
from odoo.tests import tagged
from odoo.tests.common import TransactionCase, new_test_user

from .common import ShowroomKioskMixin


@tagged("post_install", "-at_install")
class TestKioskExpressCart(ShowroomKioskMixin, TransactionCase):
    """In a laid-out warehouse each express pick is a cart of its own, first on
    the picker's scanner, picked with the scanner's checks."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_showroom()
        cls.warehouse.write(
            {
                "slot_aisle_count": 4,
                "slot_aisle_pitch_m": 3.0,
                "slot_bays_per_side": 10,
                "slot_bay_width_m": 1.0,
                "slot_front_clearance_m": 1.0,
                "slot_depot_x_m": 1.5,
            }
        )
        cls.bin.write({"slot_aisle_index": 2, "slot_y": 6.5})
        cls.cart_type = cls.env["alltricks.cart.type"].create(
            {"name": "Showroom test cart", "totes": 4, "sequence": 0}
        )
        cls.regular_cart = cls._plan_regular_cart()

    @classmethod
    def _plan_regular_cart(cls):
        """A cart of the web shop's picking, planned before any kiosk order."""
        tube = cls.env["product.product"].create(
            {"name": "Web Inner Tube", "is_storable": True}
        )
        cls._put(tube, cls.bin, 5)
        pick_type = cls.warehouse._get_alltricks_pick_type()
        destination = pick_type.default_location_dest_id
        picking = cls.env["stock.picking"].create(
            {
                "picking_type_id": pick_type.id,
                "location_id": cls.warehouse.lot_stock_id.id,
                "location_dest_id": destination.id,
                "move_ids": [
                    (
                        0,
                        0,
                        {
                            "product_id": tube.id,
                            "product_uom_qty": 1,
                            "location_id": cls.warehouse.lot_stock_id.id,
                            "location_dest_id": destination.id,
                        },
                    )
                ],
            }
        )
        picking.action_confirm()
        picking.action_assign()
        return cls.warehouse._alltricks_plan_picking(picking)

    def test_express_pick_is_a_cart_of_its_own_first_on_the_scanner(self):
        order = self._kiosk_order(self.bike, 2)
        pick = self._express_picks(order)
        cart = pick.batch_id

        self.assertEqual(cart.picking_ids, pick)
        self.assertEqual(cart.state, "in_progress")
        self.assertEqual(cart.alltricks_cart_type_id, self.cart_type)
        self.assertEqual(cart.alltricks_plan_seq, 0)
        self.assertFalse(cart.user_id)
        self.assertIn(order.tracking_number, cart.description)
        self.assertEqual(
            sorted(pick.move_line_ids.mapped("alltricks_route_seq")), [1, 2]
        )
        self.assertEqual(self.regular_cart.alltricks_plan_seq, 1)
        listing = (
            self.env["stock.picking.batch"]
            .with_user(self.picker)
            .alltricks_scan_batches()
        )
        self.assertEqual(
            [row["id"] for row in listing], [cart.id, self.regular_cart.id]
        )

    def test_picker_validates_the_express_pick_through_the_scanner_only(self):
        order = self._kiosk_order(self.bike, 2)
        pick = self._express_picks(order)
        cart = pick.batch_id.with_user(self.picker)

        with self.assertRaisesRegex(UserError, "Take cart"):
            pick.with_user(self.picker).button_validate()
        self.assertEqual(pick.state, "assigned")

        cart.action_alltricks_scan_take()
        lines = cart._get_route_move_lines()
        wrong = cart.alltricks_scan(lines[0].id, self.helmet.barcode)
        self.assertFalse(wrong["ok"])
        self.assertTrue(wrong["message"].startswith("Wrong item"))
        self.assertFalse(lines[0].alltricks_scanned_qty)
        with self.assertRaisesRegex(UserError, "not scanned"):
            pick.with_user(self.picker).button_validate()
        for line in lines:
            self.assertTrue(cart.alltricks_scan(line.id, self.bike.barcode)["ok"])
        cart.alltricks_scan_done()

        self.assertEqual(pick.state, "done")
        self.assertEqual(cart.state, "done")
        self.assertEqual(pick.alltricks_counter_state, "ready")
        self.assertEqual(self._kiosk_qty(self.bike), 0.0)

    def _pick_with_scanner(self, pick):
        cart = pick.batch_id.with_user(self.picker)
        cart.action_alltricks_scan_take()
        for line in cart._get_route_move_lines():
            cart.alltricks_scan_fill(line.id)
        cart.alltricks_scan_done()

    def test_clerk_who_also_picks_hands_over_an_order_another_picker_brought(self):
        clerk = new_test_user(
            self.env,
            "sr_clerk_picker",
            groups="base.group_user,alltricks_kiosk.group_showroom_staff,"
            "alltricks_slotting.group_picker",
        )
        order = self._kiosk_order(self.bike, 1)
        pick = self._express_picks(order)
        self._pick_with_scanner(pick)
        self._pay_at_counter(order)

        pick.with_user(clerk).action_alltricks_hand_over()

        self.assertTrue(pick.alltricks_handed_over)
        self.assertEqual((order.picking_ids - pick).state, "done")

    def test_express_pick_found_nowhere_goes_on_a_new_express_cart(self):
        order = self._kiosk_order(self.bike, 1)
        pick = self._express_picks(order)
        first = pick.batch_id.with_user(self.picker)
        first.action_alltricks_scan_take()
        line = first._get_route_move_lines()
        empty = line.location_id

        first.alltricks_scan_missing(line.id)
        first.alltricks_scan_done()

        self.assertEqual(first.state, "cancel")
        second = pick.batch_id
        self.assertTrue(second)
        self.assertNotEqual(second, first)
        self.assertEqual(second.picking_ids, pick)
        self.assertEqual(second.alltricks_plan_seq, 0)
        self.assertFalse(second.user_id)
        self.assertEqual(pick.alltricks_counter_state, "picking")
        # reserved again elsewhere: the spot found empty still counts a unit
        # (a short pick does not correct the stock) but is skipped
        self.assertEqual(sum(pick.move_line_ids.mapped("quantity")), 1.0)
        self.assertNotEqual(pick.move_line_ids.location_id, empty)
        self.assertEqual(second._get_route_move_lines(), pick.move_line_ids)

    def _short_pick(self, pick):
        """The picker takes the express cart, picks the first line and marks
        the second missing; returns the location found empty."""
        cart = pick.batch_id.with_user(self.picker)
        cart.action_alltricks_scan_take()
        found, missing = cart._get_route_move_lines()
        cart.alltricks_scan_fill(found.id)
        empty = missing.location_id
        cart.alltricks_scan_missing(missing.id)
        cart.alltricks_scan_done()
        self.assertEqual(pick.state, "done")
        return cart, empty

    def test_unit_missing_is_fetched_elsewhere_on_a_new_express_cart(self):
        other_bin = self.env["stock.location"].create(
            {
                "name": "T-01-02-1-1",
                "location_id": self.warehouse.lot_stock_id.id,
                "slot_rack_type": "shelf",
                "slot_aisle_index": 3,
                "slot_y": 4.5,
            }
        )
        self._put(self.bike, other_bin, 1)
        order = self._kiosk_order(self.bike, 2)
        pick = self._express_picks(order)
        first = pick.batch_id

        _cart, empty = self._short_pick(pick)

        rest = pick.backorder_ids
        self.assertEqual(self._express_picks(order), pick | rest)
        self.assertEqual(rest.alltricks_pickup_number, order.tracking_number)
        self.assertEqual(rest.priority, "1")
        self.assertEqual(rest.state, "assigned")
        self.assertEqual(sum(rest.move_line_ids.mapped("quantity")), 1.0)
        self.assertNotEqual(rest.move_line_ids.location_id, empty)
        self.assertNotIn(rest.move_line_ids.location_id, pick.move_line_ids.location_id)
        second = rest.batch_id
        self.assertTrue(second)
        self.assertNotEqual(second, first)
        self.assertEqual(second.alltricks_plan_seq, 0)
        listing = (
            self.env["stock.picking.batch"]
            .with_user(self.picker)
            .alltricks_scan_batches()
        )
        self.assertEqual(listing[0]["id"], second.id)
        self.assertEqual(
            (pick.alltricks_counter_state, rest.alltricks_counter_state),
            ("ready", "picking"),
        )
        [row] = self.config._get_alltricks_counter_rows()
        self.assertEqual(row["number"], order.tracking_number)
        self.assertEqual(row["column"], "ready")
        self.assertEqual(row["note"], "Part ready, the rest is being fetched")

        # the visitor takes the ready bike now, the other one later
        self._pay_at_counter(order)
        pick.with_user(self.cashier).action_alltricks_hand_over()
        pickup = pick.location_dest_id
        self.assertEqual(self.bike.with_context(location=pickup.id).qty_available, 0)
        [row] = self.config._get_alltricks_counter_rows()
        self.assertEqual((row["column"], row["note"]), ("picking", ""))
        self._pick_with_scanner(rest)
        rest.with_user(self.cashier).action_alltricks_hand_over()

        deliveries = order.picking_ids - pick - rest
        self.assertEqual(deliveries.mapped("state"), ["done", "done"])
        self.assertEqual(deliveries.move_ids.mapped("quantity"), [1.0, 1.0])
        self.assertEqual(self.bike.with_context(location=pickup.id).qty_available, 0)
        self.assertFalse(self.config._get_alltricks_counter_rows())

    def test_unit_missing_with_no_other_stock_is_shown_missing(self):
        order = self._kiosk_order(self.bike, 2)
        pick = self._express_picks(order)

        _cart, empty = self._short_pick(pick)

        rest = pick.backorder_ids
        self.assertTrue(rest.alltricks_express)
        # the empty spot still counts its unit but is not reserved again
        self.assertEqual(self.bike.with_context(location=empty.id).qty_available, 1)
        self.assertFalse(rest.move_line_ids)
        self.assertFalse(rest.batch_id)
        self.assertEqual(rest.alltricks_counter_state, "missing")
        self.assertEqual(rest.alltricks_missing_qty, 1.0)
        [row] = self.config._get_alltricks_counter_rows()
        self.assertEqual(row["column"], "ready")
        self.assertEqual(
            row["note"], "1 missing: ask our staff for a refund or another item"
        )

        with self.assertRaisesRegex(UserError, "Nothing is missing on"):
            (pick | rest).with_user(self.cashier).action_alltricks_cancel_missing()
        self.assertEqual(rest.state, "confirmed")
        rest.with_user(self.cashier).action_alltricks_cancel_missing()
        self.assertEqual(rest.state, "cancel")
        self.assertIn("refund them", order.message_ids[0].body)
        [row] = self.config._get_alltricks_counter_rows()
        self.assertEqual((row["column"], row["note"]), ("ready", ""))

        self._pay_at_counter(order)
        pick.with_user(self.cashier).action_alltricks_hand_over()
        self.assertFalse(self.config._get_alltricks_counter_rows())

    def test_cancelled_kiosk_order_cancels_its_cart(self):
        order = self._kiosk_order(self.bike, 1)
        cart = self._express_picks(order).batch_id

        self.env["pos.order"].sudo().remove_from_ui(order.ids)

        self.assertEqual(cart.state, "cancel")
        listing = (
            self.env["stock.picking.batch"]
            .with_user(self.picker)
            .alltricks_scan_batches()
        )
        self.assertEqual([row["id"] for row in listing], [self.regular_cart.id])

    def test_order_cancelled_mid_pick_says_what_to_put_back(self):
        order = self._kiosk_order(self.bike, 2)
        pick = self._express_picks(order)
        cart = pick.batch_id.with_user(self.picker)
        cart.action_alltricks_scan_take()
        line = cart._get_route_move_lines()[0]
        self.assertTrue(cart.alltricks_scan(line.id, self.bike.barcode)["ok"])

        self.env["pos.order"].sudo().remove_from_ui(order.ids)

        self.assertEqual(cart.state, "cancel")
        [note] = cart.sudo().message_ids.filtered(
            lambda m: "Put the 1 scanned units back" in (m.body or "")
        )
        self.assertIn(order.tracking_number, note.body)
        self.assertIn(f"tote {pick.alltricks_tote} ({pick.name}): 1", note.body)
        self.assertIn(self.picker.partner_id, note.partner_ids)

    def test_order_cancelled_before_any_scan_posts_no_put_back(self):
        order = self._kiosk_order(self.bike, 1)
        cart = self._express_picks(order).batch_id
        self.env["pos.order"].sudo().remove_from_ui(order.ids)
        self.assertFalse(
            cart.message_ids.filtered(lambda m: "scanned units back" in (m.body or ""))
        )

    def test_express_pick_stays_off_carts_without_a_layout(self):
        self.warehouse.slot_aisle_count = 0
        order = self._kiosk_order(self.bike, 1)
        pick = self._express_picks(order)

        self.assertFalse(pick.batch_id)
        pick.with_user(self.picker).button_validate()
        self.assertEqual(pick.state, "done")
