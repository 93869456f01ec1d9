from odoo.tests import HttpCase, new_test_user


class ShopHttpCommon(HttpCase):
    """The shop served to the browser: its website on WH with a shelf bin, a
    validated product, a portal customer with a full address, the demo payment
    provider."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.warehouse = cls.env.ref("stock.warehouse0")
        cls.warehouse.reception_steps = "two_steps"
        cls.website = cls.env["website"].get_current_website()
        cls.website.warehouse_id = cls.warehouse
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

    def _put_on_shelf(self, quantity):
        """Add (or take away, negative) units on the shelf bin, then commit's flush."""
        self.env["stock.quant"]._update_available_quantity(
            self.product.product_variant_id, self.bin, quantity
        )
        self.env.cr.flush()

    def _add_to_cart(self, quantity):
        """Add ``quantity`` units from the product page, as the logged-in visitor."""
        return self.make_jsonrpc_request(
            "/shop/cart/add",
            {
                "product_template_id": self.product.id,
                "product_id": self.product.product_variant_id.id,
                "quantity": quantity,
            },
        )

    def _customer_cart(self):
        return self.env["sale.order"].search(
            [
                ("partner_id", "=", self.customer.partner_id.id),
                ("website_id", "=", self.website.id),
                ("state", "=", "draft"),
            ]
        )
