from odoo.fields import Command
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestShelfTour(HttpCase):
    """From the dock to the customer: only shelved stock is on the web shop."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.warehouse = cls.env.ref("stock.warehouse0")
        cls.warehouse.reception_steps = "two_steps"
        cls.env["website"].get_current_website().warehouse_id = cls.warehouse
        cls.bin = cls.env["stock.location"].create(
            {
                "name": "B-04-07-2-1",
                "location_id": cls.warehouse.lot_stock_id.id,
                "slot_rack_type": "shelf",
            }
        )
        cls.product = (
            cls.env["product.template"]
            .with_context(alltricks_catalog_import=True)
            .create(
                {
                    "name": "Zefal Pulse bottle cage",
                    "type": "consu",
                    "is_storable": True,
                    "list_price": 12.0,
                    "sheet_state": "validated",
                }
            )
        )
        cls.customer = new_test_user(
            cls.env, "cage_buyer", groups="base.group_portal", name="Camille Rider"
        )
        cls.customer.partner_id.write(
            {
                "street": "2 rue des Cyclistes",
                "city": "Maurepas",
                "zip": "78310",
                "country_id": cls.env.ref("base.fr").id,
                "phone": "+33 1 23 45 67 89",
                "email": "camille@example.com",
            }
        )
        cls.env["payment.provider"].search([("code", "=", "demo")]).write(
            {"state": "test", "is_published": True}
        )

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
