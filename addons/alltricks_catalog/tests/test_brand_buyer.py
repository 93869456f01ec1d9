from odoo.fields import Command
from odoo.tests import tagged
from odoo.tests.common import new_test_user

from .common import ShelfCommon


@tagged("post_install", "-at_install")
class TestBrandBuyer(ShelfCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.buyer = new_test_user(
            cls.env, "brand_buyer", groups="alltricks_catalog.group_buyer"
        )
        cls.brand = cls.env["product.brand"].create(
            {"name": "Shimano", "buyer_id": cls.buyer.id}
        )
        cls.chain = cls._create_validated_product(
            "Shimano CN-HG701 chain",
            product_brand_id=cls.brand.id,
            seller_ids=[Command.create({"partner_id": cls.vendor.id, "delay": 10})],
        )
        cls.cassette = cls._create_validated_product(
            "Shimano Ultegra cassette",
            product_brand_id=cls.brand.id,
            seller_ids=[Command.create({"partner_id": cls.vendor.id, "delay": 10})],
        )

    def _deliver(self, product, quantity):
        """A done delivery from the shelf to a customer, as sales leave."""
        move = self.env["stock.move"].create(
            {
                "product_id": product.id,
                "product_uom_qty": quantity,
                "location_id": self.bin.id,
                "location_dest_id": self.env.ref("stock.stock_location_customers").id,
            }
        )
        move._action_confirm()
        move._action_assign()
        move.picked = True
        move._action_done()

    def test_order_without_buyer_takes_the_brand_buyer(self):
        order = self.env["purchase.order"].create(
            {"partner_id": self.vendor.id, "user_id": False}
        )
        order.order_line = [Command.create({"product_id": self.chain.id})]
        self.assertEqual(order.user_id, self.buyer)

    def test_order_with_a_buyer_keeps_it(self):
        order = self.env["purchase.order"].create({"partner_id": self.vendor.id})
        order.order_line = [Command.create({"product_id": self.chain.id})]
        self.assertEqual(order.user_id, self.env.user)

    def test_replenishment_order_goes_to_the_brand_buyer(self):
        self.chain.route_ids = self.env.ref("purchase_stock.route_warehouse0_buy")
        orderpoint = self.env["stock.warehouse.orderpoint"].create(
            {
                "product_id": self.chain.id,
                "warehouse_id": self.warehouse.id,
                "location_id": self.warehouse.lot_stock_id.id,
                "product_min_qty": 5,
                "product_max_qty": 10,
            }
        )
        orderpoint.action_replenish()
        line = self.env["purchase.order.line"].search(
            [("product_id", "=", self.chain.id)]
        )
        self.assertEqual(line.order_id.user_id, self.buyer)
        self.assertEqual(line.product_qty, 10)

    def test_replenishment_view_flags_short_cover(self):
        self._put_on_shelf(self.chain, 34)
        self._deliver(self.chain, 30)
        self._put_on_shelf(self.cassette, 40)
        self._deliver(self.cassette, 3)

        lines = (
            self.env["alltricks.replenishment.line"]
            .with_user(self.buyer)
            ._generate(self.buyer, days=30)
        )

        chain = lines.filtered(lambda line: line.product_id == self.chain)
        self.assertEqual(
            (chain.sold_qty, chain.velocity, chain.sellable_qty, chain.lead_time),
            (30, 1.0, 4, 10),
        )
        self.assertEqual(chain.cover_days, 4.0)
        self.assertTrue(chain.at_risk)
        cassette = lines.filtered(lambda line: line.product_id == self.cassette)
        self.assertEqual(cassette.cover_days, 370.0)
        self.assertFalse(cassette.at_risk)
        self.assertEqual(len(lines), 2)

    def test_product_without_sales_has_no_cover_and_comes_last(self):
        pedals = self._create_validated_product(
            "Shimano PD-M520 pedals", product_brand_id=self.brand.id
        )
        self._put_on_shelf(pedals, 5)
        self._put_on_shelf(self.chain, 34)
        self._deliver(self.chain, 30)
        self._put_on_shelf(self.cassette, 40)
        self._deliver(self.cassette, 3)

        Line = self.env["alltricks.replenishment.line"].with_user(self.buyer)
        lines = Line.search([("id", "in", Line._generate(self.buyer, days=30).ids)])

        self.assertEqual(lines.product_id, self.chain + self.cassette + pedals)
        idle = lines[-1]
        self.assertEqual((idle.sold_qty, idle.velocity), (0, 0))
        self.assertTrue(idle.no_sales)
        self.assertFalse(idle.at_risk)
        self.assertFalse(lines[:2].filtered("no_sales"))

    def test_buyer_opens_own_replenishment_list(self):
        action = (
            self.env["alltricks.replenishment.line"]
            .with_user(self.buyer)
            .action_open_for_current_buyer()
        )
        self.assertEqual(action["res_model"], "alltricks.replenishment.line")
        self.assertEqual(action["domain"], [("create_uid", "=", self.buyer.id)])
