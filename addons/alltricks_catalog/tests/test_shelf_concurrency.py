import threading
from concurrent.futures import ThreadPoolExecutor

from odoo import SUPERUSER_ID, api
from odoo.exceptions import UserError
from odoo.modules.registry import Registry
from odoo.service.model import (
    MAX_TRIES_ON_CONCURRENCY_FAILURE,
    PG_CONCURRENCY_EXCEPTIONS_TO_RETRY,
)
from odoo.tests import tagged
from odoo.tests.common import BaseCase, get_db_name
from odoo.tools import mute_logger

CHECKOUTS = 20
UNITS_LEFT = 3


@tagged("post_install", "-at_install")
class TestShelfConcurrency(BaseCase):
    """Real parallel payments: one cursor per customer, data committed first.

    Everything lives in a company of its own, so the committed records cannot
    leak into other tests; the clean-up archives the product and cancels the
    orders.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.registry = Registry(get_db_name())
        with cls.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            company = env["res.company"].create({"name": "Alltricks rush test"})
            env = env(context={"allowed_company_ids": company.ids})
            warehouse = env["stock.warehouse"].search(
                [("company_id", "=", company.id)], limit=1
            )
            shelf = env["stock.location"].create(
                {
                    "name": "A-09-09-9-9",
                    "location_id": warehouse.lot_stock_id.id,
                    "slot_rack_type": "shelf",
                }
            )
            website = env["website"].create(
                {
                    "name": "Rush shop",
                    "company_id": company.id,
                    "warehouse_id": warehouse.id,
                }
            )
            product = cls._create_product(env, company)
            env["stock.quant"]._update_available_quantity(product, shelf, UNITS_LEFT)
            cls.order_ids = cls._create_orders(env, website, product)
            cls.product_id = product.id
        cls.addClassCleanup(cls._clean_up)

    @classmethod
    def _create_product(cls, env, company):
        template = (
            env["product.template"]
            .with_context(alltricks_catalog_import=True)
            .create(
                {
                    "name": "Last-units derailleur",
                    "type": "consu",
                    "is_storable": True,
                    "company_id": company.id,
                    "list_price": 99.0,
                    "sheet_state": "validated",
                }
            )
        )
        return template.product_variant_id

    @classmethod
    def _create_orders(cls, env, website, product):
        partners = env["res.partner"].create(
            [{"name": f"Rush customer {index}"} for index in range(CHECKOUTS)]
        )
        orders = env["sale.order"].create(
            [
                {
                    "partner_id": partner.id,
                    "website_id": website.id,
                    "company_id": website.company_id.id,
                    "order_line": [(0, 0, {"product_id": product.id})],
                }
                for partner in partners
            ]
        )
        return orders.ids

    @classmethod
    def _clean_up(cls):
        with cls.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            orders = env["sale.order"].browse(cls.order_ids)
            orders.filtered(lambda o: o.state == "sale")._action_cancel()
            env["product.product"].browse(cls.product_id).product_tmpl_id.write(
                {"is_published": False, "active": False}
            )

    @staticmethod
    def _checkout(barrier, env, order_id):
        """Confirm one web order as the web server would, in its own cursor.

        Like ``odoo.service.model.retrying`` (which needs the registry lock the
        test runner holds), a serialisation failure restarts the transaction
        with a fresh snapshot.
        """
        barrier.wait(timeout=30)
        with env.cr:  # commits when the block ends without an error
            # A lock held by a stuck transaction must fail the test, not hang it.
            env.cr.execute("SET lock_timeout = '20s'")
            for _attempt in range(MAX_TRIES_ON_CONCURRENCY_FAILURE):
                try:
                    env["sale.order"].browse(order_id).action_confirm()
                    env.flush_all()
                    return "sold"
                except PG_CONCURRENCY_EXCEPTIONS_TO_RETRY:
                    env.cr.rollback()
                    env.transaction.clear()
                except UserError as refusal:
                    env.cr.rollback()
                    return str(refusal)
            env.cr.rollback()
            return "gave up"

    @mute_logger("odoo.sql_db")
    def test_twenty_checkouts_for_three_units_sell_exactly_three(self):
        # Environments must be built here: a worker thread cannot reach the
        # registry while the test runner holds its lock.
        envs = [
            api.Environment(self.registry.cursor(), SUPERUSER_ID, {})
            for _index in range(CHECKOUTS)
        ]
        barrier = threading.Barrier(CHECKOUTS)
        with ThreadPoolExecutor(max_workers=CHECKOUTS) as executor:
            outcomes = list(
                executor.map(
                    lambda env, order_id: self._checkout(barrier, env, order_id),
                    envs,
                    self.order_ids,
                )
            )

        refusals = [outcome for outcome in outcomes if outcome != "sold"]
        self.assertEqual(outcomes.count("sold"), UNITS_LEFT)
        self.assertEqual(len(refusals), CHECKOUTS - UNITS_LEFT)
        self.assertEqual(
            [text for text in refusals if "left on our shelves" not in text], []
        )
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            product = env["product.product"].browse(self.product_id)
            orders = env["sale.order"].browse(self.order_ids)
            self.assertEqual(len(orders.filtered(lambda o: o.state == "sale")), 3)
            self.assertEqual(product._get_alltricks_sellable_qty(), 0)
            self.assertEqual(
                sum(orders.order_line.move_ids.mapped("quantity")), UNITS_LEFT
            )
            self.assertFalse(product.is_published)
