from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.fields import Command
from odoo.tests import tagged
from odoo.tests.common import new_test_user

from .common import ShelfCommon


class BuyerCommon(ShelfCommon):
    """A buyer of SRAM and its chain, bought from a vendor in 10 days."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.buyer = new_test_user(
            cls.env, "sram_buyer", groups="alltricks_catalog.group_buyer"
        )
        brand = cls.env["product.brand"].create(
            {"name": "SRAM", "buyer_id": cls.buyer.id}
        )
        cls.chain = cls._create_validated_product(
            "SRAM PC-1130 chain",
            product_brand_id=brand.id,
            seller_ids=[Command.create({"partner_id": cls.vendor.id, "delay": 10})],
        )


@tagged("post_install", "-at_install")
class TestReplenishmentDemand(BuyerCommon):
    """The replenishment list counts what customers ordered and wait for."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.customers = cls.env.ref("stock.stock_location_customers")

    def _deliver(self, product, quantity):
        """A done delivery from the shelf to a customer, as sales leave."""
        move = self.env["stock.move"].create(
            {
                "product_id": product.id,
                "product_uom_qty": quantity,
                "location_id": self.bin.id,
                "location_dest_id": self.customers.id,
            }
        )
        move._action_confirm()
        move._action_assign()
        move.picked = True
        move._action_done()

    def _confirm_order(self, product, quantity):
        order = self.env["sale.order"].create(
            {
                "partner_id": self.customer.id,
                "warehouse_id": self.warehouse.id,
                "order_line": [
                    Command.create(
                        {"product_id": product.id, "product_uom_qty": quantity}
                    )
                ],
            }
        )
        order.action_confirm()
        return order

    def _line(self, product):
        lines = (
            self.env["alltricks.replenishment.line"]
            .with_user(self.buyer)
            ._generate(self.buyer, days=30)
        )
        return lines.filtered(lambda line: line.product_id == product)

    def test_unreserved_order_is_to_ship_and_shortens_the_cover(self):
        self.warehouse.out_type_id.reservation_method = "manual"
        self._put_on_shelf(self.chain, 40)
        self._deliver(self.chain, 30)
        self._confirm_order(self.chain, 6)

        line = self._line(self.chain)

        self.assertEqual(
            (line.sellable_qty, line.to_ship_qty, line.velocity), (10, 6, 1.0)
        )
        self.assertEqual(line.cover_days, 4.0)
        self.assertTrue(line.at_risk)

    def test_order_in_three_steps_counts_what_no_step_holds(self):
        self.warehouse.delivery_steps = "pick_pack_ship"
        self._put_on_shelf(self.chain, 5)
        pick = self._confirm_order(self.chain, 7).picking_ids

        line = self._line(self.chain)

        # The pick reserves 5 units on the shelf and goes to packing, not to
        # the customer: 2 are still to find.
        self.assertEqual((line.sellable_qty, line.to_ship_qty), (0, 2))
        self.assertTrue(line.no_sales)
        self.assertTrue(line.at_risk)

        pick.move_ids.picked = True
        pick.with_context(skip_backorder=True).button_validate()
        open_moves = self.env["stock.move"].search(
            [
                ("product_id", "=", self.chain.id),
                ("state", "not in", ("done", "cancel")),
            ]
        )
        self.assertEqual(sorted(open_moves.mapped("product_uom_qty")), [2, 5])

        line = self._line(self.chain)

        # Packing now holds 5 units for the order, the backorder of the pick
        # waits for 2: they are counted once.
        self.assertEqual((line.sellable_qty, line.to_ship_qty), (0, 2))

    def test_shipped_and_cancelled_orders_are_not_to_ship(self):
        self._put_on_shelf(self.chain, 40)
        self._deliver(self.chain, 30)
        self._confirm_order(self.chain, 20).action_cancel()

        line = self._line(self.chain)

        self.assertEqual((line.sellable_qty, line.to_ship_qty), (10, 0))
        self.assertEqual(line.cover_days, 10.0)
        self.assertFalse(line.at_risk)


@tagged("post_install", "-at_install")
class TestReplenishmentPeriod(BuyerCommon):
    """The sales period is a whole number of days, from 1 to 3650."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Line = cls.env["alltricks.replenishment.line"].with_user(cls.buyer)

    def _set_period(self, value):
        self.env["ir.config_parameter"].set_param(
            "alltricks_catalog.velocity_days", value
        )

    def test_bad_period_parameter_is_refused_with_what_to_enter(self):
        for value in ("abc", "0", "-5", "7.5", "3651", "99999999999999999999"):
            self._set_period(value)
            with self.assertRaises(UserError) as refusal:
                self.Line.action_open_for_current_buyer()
            message = str(refusal.exception)
            self.assertIn(f"“{value}”", message)
            self.assertIn("whole number of days from 1 to 3650", message)
            self.assertIn("alltricks_catalog.velocity_days", message)

    def test_refused_period_keeps_the_previous_list(self):
        self._set_period("14")
        self.Line.action_open_for_current_buyer()
        self._set_period("abc")
        with self.assertRaises(UserError):
            self.Line.action_open_for_current_buyer()
        lines = self.Line.search([("create_uid", "=", self.buyer.id)])
        self.assertEqual(lines.mapped("period_days"), [14])

    def test_bad_period_argument_is_refused(self):
        for value in (0, -30, "abc"):
            with self.assertRaises(UserError):
                self.Line._generate(self.buyer, days=value)

    def test_period_parameter_sets_the_period(self):
        self._set_period(" 14 ")
        self.assertEqual(self.Line._generate(self.buyer).period_days, 14)
        self._set_period(False)
        self.assertEqual(self.Line._generate(self.buyer).period_days, 30)


@tagged("post_install", "-at_install")
class TestReplenishmentPrivacy(ShelfCommon):
    """A buyer's replenishment list is his own: other buyers neither read,
    change nor delete it, and a brand is bought by an employee."""

    def test_buyers_reach_only_their_own_lines(self):
        buyers = [
            new_test_user(self.env, login, groups="alltricks_catalog.group_buyer")
            for login in ("own_buyer", "other_buyer")
        ]
        brand = self.env["product.brand"].create(
            {"name": "Shimano", "buyer_id": buyers[0].id}
        )
        self._create_validated_product("Shimano CN-M8100", product_brand_id=brand.id)
        Line = self.env["alltricks.replenishment.line"]
        Line.with_user(buyers[0]).action_open_for_current_buyer()
        own = Line.search([("create_uid", "=", buyers[0].id)])
        self.assertTrue(own)

        other = Line.with_user(buyers[1])
        self.assertFalse(other.search([("id", "in", own.ids)]))
        for operation in (
            lambda lines: lines.read(["cover_days"]),
            lambda lines: lines.write({"cover_days": 999}),
            lambda lines: lines.unlink(),
        ):
            with self.assertRaises(AccessError):
                operation(own.with_user(buyers[1]))
        self.assertEqual(Line.search([("create_uid", "=", buyers[0].id)]), own)

    def test_a_portal_user_cannot_buy_a_brand(self):
        portal = new_test_user(self.env, "brand_portal", groups="base.group_portal")
        brand = self.env["product.brand"].create({"name": "Hope"})
        with self.assertRaises(ValidationError) as refusal:
            brand.buyer_id = portal
        self.assertIn("a buyer is an employee", str(refusal.exception))
        self.assertFalse(brand.buyer_id)
