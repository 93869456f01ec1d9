from odoo.fields import Command
from odoo.tests import tagged

from .common import ShelfCommon


@tagged("post_install", "-at_install")
class TestPublicationBatch(ShelfCommon):
    """A putaway of many lines syncs the publication once, at commit."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.reserve = cls.env["stock.location"].create(
            {"name": "Reserve floor", "location_id": cls.warehouse.lot_stock_id.id}
        )
        cls.tubes = cls._create_validated_products("Inner tube", 6)

    @classmethod
    def _create_validated_products(cls, name, count):
        templates = (
            cls.env["product.template"]
            .with_context(alltricks_catalog_import=True)
            .create(
                [
                    {
                        "name": f"{name} {index:02d}",
                        "type": "consu",
                        "is_storable": True,
                        "sheet_state": "validated",
                    }
                    for index in range(count)
                ]
            )
        )
        return templates.product_variant_id

    def _queries_to_stock(self, products, location):
        """Queries run to put 2 units of each product in ``location`` and commit."""
        self._commit_flush()
        self.env.invalidate_all()  # every round starts from a cold cache
        start = self.env.cr.sql_log_count
        for product in products:
            self._put_on_shelf(product, 2, location)
        self.env.flush_all()
        self._commit_flush()
        return self.env.cr.sql_log_count - start

    def _storage_picking(self, products):
        picking = self.env["stock.picking"].create(
            {
                "picking_type_id": self.warehouse.store_type_id.id,
                "location_id": self.warehouse.wh_input_stock_loc_id.id,
                "location_dest_id": self.warehouse.lot_stock_id.id,
                "move_ids": [
                    Command.create(
                        {
                            "product_id": product.id,
                            "product_uom_qty": 3,
                            "location_id": self.warehouse.wh_input_stock_loc_id.id,
                            "location_dest_id": self.warehouse.lot_stock_id.id,
                        }
                    )
                    for product in products
                ],
            }
        )
        picking.action_confirm()
        picking.action_assign()
        picking.move_line_ids.location_dest_id = self.bin
        return picking

    def test_putaway_of_many_products_publishes_each_at_commit(self):
        for product in self.tubes:
            self._put_on_shelf(product, 3, self.warehouse.wh_input_stock_loc_id)
        picking = self._storage_picking(self.tubes)

        picking.button_validate()
        self._commit_flush()

        self.assertEqual(picking.state, "done")
        self.assertEqual(self.tubes.mapped("is_published"), [True] * 6)
        self.assertEqual(
            self.tubes._get_alltricks_sellable_quantities(),
            dict.fromkeys(self.tubes.ids, 3),
        )

    def test_last_units_leaving_the_bin_unpublish_at_commit(self):
        for product in self.tubes:
            self._put_on_shelf(product, 3)
        self._commit_flush()
        self.assertEqual(self.tubes.mapped("is_published"), [True] * 6)

        for product in self.tubes[:4]:
            self._put_on_shelf(product, -3)
        self._put_on_shelf(self.tubes[4], -1)
        self._commit_flush()

        self.assertEqual(self.tubes.mapped("is_published"), [False] * 4 + [True, True])

    def _query_growth(self, location, name):
        """Extra queries to stock 12 products instead of 2 in ``location``.

        A first round of 2 products warms the caches, so that the two measured
        rounds differ only by their number of products.
        """
        products = self._create_validated_products(name, 16)
        self._queries_to_stock(products[:2], location)
        few = self._queries_to_stock(products[2:4], location)
        many = self._queries_to_stock(products[4:], location)
        return many - few, products

    def test_publication_adds_no_query_per_product(self):
        # Each product on the shelf costs the quant queries of the stock module
        # and nothing more: the growth from 2 to 12 products is the same in a
        # sellable bin as in a location the shop does not sell from.
        shelf_growth, shelved = self._query_growth(self.bin, "Shelved tyre")
        reserve_growth, stored = self._query_growth(self.reserve, "Stored tyre")

        self.assertEqual(shelf_growth, reserve_growth)
        self.assertEqual(shelved.mapped("is_published"), [True] * 16)
        self.assertEqual(stored.mapped("is_published"), [False] * 16)

    def test_sync_query_count_does_not_grow_with_products(self):
        warm_up, few, many = (
            self._create_validated_products(name, count)
            for name, count in (("Brake cable", 2), ("Brake pad", 2), ("Disc", 20))
        )
        self._commit_flush()

        counts = []
        for products in (warm_up, few, many):
            for product in products:
                self._put_on_shelf(product, 1)
            self.env.flush_all()
            self.env.invalidate_all()  # every round starts from a cold cache
            start = self.env.cr.sql_log_count
            self._commit_flush()  # the pending sync, and nothing else
            counts.append(self.env.cr.sql_log_count - start)

        self.assertGreater(counts[1], 0)  # the products were synced at commit
        # 18 more products: a query per product would add at least 18. The
        # count itself varies by one between runs (a query of Odoo's own may
        # fall in the window), so no exact equality.
        self.assertLessEqual(counts[2], counts[1] + 2, counts)
        self.assertEqual((few + many).mapped("is_published"), [True] * 22)
