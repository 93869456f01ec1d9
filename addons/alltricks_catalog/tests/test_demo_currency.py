from odoo.tests import tagged
from odoo.tools import convert_file

from .common import ShelfCommon, pay_with_demo, prepare_demo_provider


@tagged("post_install", "-at_install")
class TestDemoCurrency(ShelfCommon):
    """The demo customers live in France and website_sale's demo gives them a
    EUR price list: with the demo data, their paid orders are confirmed."""

    def test_paid_order_in_euros_is_confirmed_with_the_demo_data(self):
        eur = self.env.ref("base.EUR")
        self.assertNotEqual(self.env.company.currency_id, eur)
        eur.active = False  # as Odoo installs it beside another company currency
        convert_file(
            self.env, "alltricks_catalog", "demo/res_currency_demo.xml", {}, mode="init"
        )
        prepare_demo_provider(self.env)
        self._put_on_shelf(self.product, 1)
        order = self._web_order(self.product, 1)
        order.pricelist_id = self.env["product.pricelist"].create(
            {"name": "EUR", "currency_id": eur.id}
        )
        self.assertEqual(order.currency_id, eur)

        tx = pay_with_demo(order)
        tx._post_process()

        self.assertEqual(order.state, "sale")
        self.assertEqual(tx.payment_id.currency_id, eur)
