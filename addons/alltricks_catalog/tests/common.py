from odoo.tests.common import TransactionCase


def prepare_demo_provider(env):
    """The demo payment provider, enabled, with a journal for its payments."""
    provider = env.ref("payment.payment_provider_demo")
    provider.write({"state": "test", "is_published": True})
    if not provider.journal_id:
        provider.journal_id = env["account.journal"].search(
            [("type", "=", "bank"), ("company_id", "=", env.company.id)], limit=1
        )
    return provider


def pay_with_demo(order):
    """Pay ``order`` in full with the demo provider: a done transaction, not
    post-processed yet (as when the customer's browser polls its status)."""
    env = order.env
    tx = env["payment.transaction"].create(
        {
            "provider_id": env.ref("payment.payment_provider_demo").id,
            "payment_method_id": env.ref("payment_demo.payment_method_demo").id,
            "amount": order.amount_total,
            "currency_id": order.currency_id.id,
            "partner_id": order.partner_id.id,
            "operation": "online_direct",
            "reference": f"{order.name}-demo",
            "sale_order_ids": [(6, 0, order.ids)],
        }
    )
    tx.action_demo_set_done()
    return tx


class ShelfCommon(TransactionCase):
    """A warehouse with 2-step reception, one shelf bin and a web shop on it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.warehouse = cls.env["stock.warehouse"].create(
            {"name": "Maurepas test", "code": "MPT", "reception_steps": "two_steps"}
        )
        cls.bin = cls.env["stock.location"].create(
            {
                "name": "A-01-01-1-1",
                "location_id": cls.warehouse.lot_stock_id.id,
                "slot_rack_type": "shelf",
            }
        )
        cls.website = cls.env["website"].create(
            {"name": "Shelf shop", "warehouse_id": cls.warehouse.id}
        )
        cls.customer = cls.env["res.partner"].create({"name": "Claire Cyclist"})
        cls.vendor = cls.env["res.partner"].create({"name": "Schwalbe France"})
        cls.product = cls._create_validated_product("Schwalbe Marathon 700x35")

    @classmethod
    def _create_validated_product(cls, name, **values):
        template = (
            cls.env["product.template"]
            .with_context(alltricks_catalog_import=True)
            .create(
                {
                    "name": name,
                    "type": "consu",
                    "is_storable": True,
                    "list_price": 30.0,
                    "sheet_state": "validated",
                    **values,
                }
            )
        )
        return template.product_variant_id

    def _put_on_shelf(self, product, quantity, location=None):
        self.env["stock.quant"]._update_available_quantity(
            product, location or self.bin, quantity
        )

    def _commit_flush(self):
        """Run what COMMIT runs first: the flush, with the publication sync."""
        self.env.cr.flush()

    def _web_order(self, product, quantity, partner=None):
        return self.env["sale.order"].create(
            {
                "partner_id": (partner or self.customer).id,
                "website_id": self.website.id,
                "order_line": [
                    (0, 0, {"product_id": product.id, "product_uom_qty": quantity})
                ],
            }
        )

    def _web_cart(self, partner=None):
        """An empty cart of the shop, filled through the cart methods."""
        return self.env["sale.order"].create(
            {"partner_id": (partner or self.customer).id, "website_id": self.website.id}
        )
