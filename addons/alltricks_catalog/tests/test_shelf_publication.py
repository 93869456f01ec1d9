from odoo.exceptions import UserError
from odoo.fields import Command, Domain
from odoo.tests import new_test_user, tagged

from .common import ShelfCommon


@tagged("post_install", "-at_install")
class TestShelfPublication(ShelfCommon):
    def _receive(self, quantity):
        """Buy and receive ``quantity`` into WH/Input (first reception step)."""
        order = self.env["purchase.order"].create(
            {
                "partner_id": self.vendor.id,
                "picking_type_id": self.warehouse.in_type_id.id,
                "order_line": [
                    Command.create(
                        {"product_id": self.product.id, "product_qty": quantity}
                    )
                ],
            }
        )
        order.button_confirm()
        receipt = order.picking_ids
        receipt.move_ids.quantity = quantity
        receipt.button_validate()
        return receipt

    def test_sellable_quantity_counts_bins_only(self):
        self._put_on_shelf(self.product, 4)
        self._put_on_shelf(self.product, 7, self.warehouse.wh_input_stock_loc_id)
        self._put_on_shelf(self.product, 2, self.warehouse.wh_output_stock_loc_id)
        self._put_on_shelf(self.product, 1, self.warehouse.lot_stock_id)
        self.assertEqual(
            self.product._get_alltricks_sellable_qty(warehouse=self.warehouse), 4
        )

    def test_incoming_purchase_is_not_sellable(self):
        order = self.env["purchase.order"].create(
            {
                "partner_id": self.vendor.id,
                "picking_type_id": self.warehouse.in_type_id.id,
                "order_line": [
                    Command.create({"product_id": self.product.id, "product_qty": 9})
                ],
            }
        )
        order.button_confirm()
        self._commit_flush()
        self.assertEqual(self.website._get_product_available_qty(self.product), 0)
        self.assertFalse(self.product.is_published)

    def test_received_not_put_away_stays_unpublished_then_putaway_publishes(self):
        self._receive(3)
        self._commit_flush()
        self.assertEqual(
            self.product.with_context(warehouse_id=self.warehouse.id).qty_available, 3
        )
        self.assertFalse(self.product.is_published)
        storage = self.env["stock.picking"].search(
            [("product_id", "=", self.product.id), ("state", "=", "assigned")]
        )
        self.assertEqual(storage.location_id, self.warehouse.wh_input_stock_loc_id)
        storage.move_ids.move_line_ids.location_dest_id = self.bin
        storage.button_validate()
        self._commit_flush()
        self.assertTrue(self.product.is_published)
        self.assertEqual(self.website._get_product_available_qty(self.product), 3)

    def test_draft_sheet_is_not_published_even_with_stock(self):
        draft = self.env["product.product"].create(
            {"name": "Draft tyre", "type": "consu", "is_storable": True}
        )
        self._put_on_shelf(draft, 5)
        self._commit_flush()
        self.assertEqual(draft.sheet_state, "draft")
        self.assertFalse(draft.is_published)

    def test_product_with_a_draft_sheet_is_not_for_sale(self):
        draft = self.env["product.product"].create(
            {"name": "Office chair", "type": "consu"}
        )
        for_sale = self.env["product.product"].search(
            [*self.website._product_domain(), ("id", "in", (draft + self.product).ids)]
        )
        self.assertEqual(for_sale, self.product)

    def test_visitors_see_validated_products_only(self):
        # Their domain leaves the sheet out: publication already implies it.
        draft = self.env["product.product"].create(
            {"name": "Draft saddle", "type": "consu", "is_storable": True}
        )
        self._put_on_shelf(draft, 3)
        self._put_on_shelf(self.product, 3)
        self._commit_flush()
        portal = new_test_user(self.env, "shelf_visitor", groups="base.group_portal")
        website = self.website.with_user(portal)

        for_sale = self.env["product.template"].search(
            Domain(website.sale_product_domain())
            & Domain("id", "in", (draft + self.product).product_tmpl_id.ids)
        )

        self.assertEqual(for_sale, self.product.product_tmpl_id)
        self.assertNotIn("sheet_state", str(website.sale_product_domain()))
        self.assertIn("sheet_state", str(self.website.sale_product_domain()))

    def test_last_unit_sold_unpublishes(self):
        self._put_on_shelf(self.product, 2)
        self._commit_flush()
        self.assertTrue(self.product.is_published)
        self._web_order(self.product, 2).action_confirm()
        self._commit_flush()
        self.assertEqual(self.website._get_product_available_qty(self.product), 0)
        self.assertFalse(self.product.is_published)

    def test_shop_quantity_excludes_other_orders(self):
        self._put_on_shelf(self.product, 5)
        self._web_order(self.product, 2).action_confirm()
        cart = self._web_order(self.product, 1)
        self.assertEqual(cart._get_free_qty(self.product), 3)
        self.assertEqual(self.product._get_max_quantity(self.website, cart), 2)
        self._commit_flush()
        self.assertTrue(self.product.is_published)

    def test_cart_add_is_capped_at_shelf_quantity(self):
        self._put_on_shelf(self.product, 2)
        self._put_on_shelf(self.product, 10, self.warehouse.wh_input_stock_loc_id)
        cart = self.env["sale.order"].create(
            {"partner_id": self.customer.id, "website_id": self.website.id}
        )
        values = cart._cart_add(self.product.id, 5)
        self.assertEqual(values["quantity"], 2)
        self.assertEqual(cart.order_line.product_uom_qty, 2)
        self.assertTrue(values["warning"])

    def test_confirm_refused_when_shelf_is_short(self):
        self._put_on_shelf(self.product, 1)
        order = self._web_order(self.product, 2)
        with self.assertRaises(UserError) as refusal:
            order.action_confirm()
        self.assertIn("only 1 Schwalbe Marathon", str(refusal.exception))
        self.assertEqual(order.state, "draft")

    def test_confirm_refused_as_sold_out_when_shelf_is_empty(self):
        order = self._web_order(self.product, 1)
        with self.assertRaises(UserError) as refusal:
            order.action_confirm()
        self.assertEqual(
            str(refusal.exception),
            f"Sorry, {self.product.display_name} is sold out: none is left on our "
            "shelves. Remove it from your cart, then pay again.",
        )
        self.assertEqual(order.state, "draft")

    def test_portal_visitor_reads_the_shelf_quantity(self):
        self._put_on_shelf(self.product, 3)
        portal = new_test_user(self.env, "shelf_portal", groups="base.group_portal")
        website = self.website.with_user(portal)
        self.assertEqual(website._get_product_available_qty(self.product), 3)

    def test_validated_products_never_sell_out_of_stock(self):
        self.assertFalse(self.product.allow_out_of_stock_order)

    def test_shop_reads_the_shelf_of_listed_products_at_once(self):
        tubes = [self._create_validated_product(f"Tube 700x{n}") for n in (23, 25, 28)]
        self._put_on_shelf(tubes[0], 4)
        self._put_on_shelf(tubes[1], 2)
        self._put_on_shelf(tubes[1], 5, self.warehouse.wh_input_stock_loc_id)
        self.env.flush_all()
        self.env.invalidate_all()
        listed = self.env["product.product"].browse(
            [self.product.id] + [tube.id for tube in tubes]
        )

        quantities, queries = [], []
        for product in listed:  # as the shop page goes through its products
            start = self.env.cr.sql_log_count
            quantities.append(self.website._get_product_available_qty(product))
            queries.append(self.env.cr.sql_log_count - start)

        self.assertEqual(quantities, [0, 4, 2, 0])
        self.assertGreater(queries[0], 0)
        self.assertEqual(queries[1:], [0, 0, 0])
