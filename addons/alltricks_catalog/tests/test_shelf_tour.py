from odoo.fields import Command
from odoo.tests import tagged

from .common_shop import ShopHttpCommon


@tagged("post_install", "-at_install")
class TestShelfTour(ShopHttpCommon):
    """From the dock to the customer: only shelved stock is on the web shop."""

    def _receive_one_unit(self):
        order = self.env["purchase.order"].create(
            {
                "partner_id": self.env["res.partner"].create({"name": "Zefal"}).id,
                "picking_type_id": self.warehouse.in_type_id.id,
                "order_line": [
                    Command.create(
                        {
                            "product_id": self.product.product_variant_id.id,
                            "product_qty": 1,
                        }
                    )
                ],
            }
        )
        order.button_confirm()
        order.picking_ids.move_ids.quantity = 1
        order.picking_ids.button_validate()

    def _put_away(self):
        storage = self.env["stock.picking"].search(
            [
                ("product_id", "=", self.product.product_variant_id.id),
                ("location_id", "=", self.warehouse.wh_input_stock_loc_id.id),
                ("state", "=", "assigned"),
            ]
        )
        storage.move_ids.move_line_ids.location_dest_id = self.bin
        storage.button_validate()

    def test_received_unit_is_sold_only_once_put_away(self):
        self._receive_one_unit()
        self.env.cr.flush()  # as COMMIT does: the publication sync runs
        self.assertFalse(self.product.is_published)
        self.start_tour("/shop", "alltricks_shelf_not_in_shop", login="cage_buyer")

        self._put_away()
        self.env.cr.flush()  # as COMMIT does: the publication sync runs
        self.assertTrue(self.product.is_published)
        self.start_tour("/shop", "alltricks_shelf_buy_last_unit", login="cage_buyer")

        order = self.env["sale.order"].search(
            [("partner_id", "=", self.customer.partner_id.id)]
        )
        self.assertEqual(order.state, "sale")
        self.assertFalse(self.product.is_published)
        self.start_tour("/shop", "alltricks_shelf_not_in_shop", login="cage_buyer")
