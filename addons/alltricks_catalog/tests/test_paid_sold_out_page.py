from odoo.http import root
from odoo.tests import tagged

from .common import pay_with_demo, prepare_demo_provider
from .common_shop import ShopHttpCommon


@tagged("post_install", "-at_install")
class TestPaidSoldOutPage(ShopHttpCommon):
    """What the customer whose paid order was held reads after paying."""

    def test_confirmation_page_says_payment_received_and_sold_out(self):
        prepare_demo_provider(self.env)
        self._put_on_shelf(1)
        orders = self.env["sale.order"]
        for partner in (self.env.user.partner_id, self.customer.partner_id):
            orders += self.env["sale.order"].create(
                {
                    "partner_id": partner.id,
                    "website_id": self.website.id,
                    "order_line": [
                        (0, 0, {"product_id": self.product.product_variant_id.id})
                    ],
                }
            )
        first_tx, held_tx = (pay_with_demo(order) for order in orders)
        first_tx._post_process()
        held_tx._post_process()
        held = orders[1]
        self.assertEqual(held.state, "draft")

        session = self.authenticate("cage_buyer", "cage_buyer")
        session["sale_last_order_id"] = held.id
        root.session_store.save(session)
        page = self.url_open("/shop/confirmation")

        self.assertEqual(page.status_code, 200)
        self.assertIn("We have received your payment of", page.text)
        self.assertIn(
            "Zefal Pulse bottle cage sold out while you were paying", page.text
        )
        self.assertNotIn("pay again", page.text)
