from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from .common import ShelfCommon


@tagged("post_install", "-at_install")
class TestLocationSellable(ShelfCommon):
    """Flagging a location sellable or not republishes what it holds."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        stock = cls.warehouse.lot_stock_id
        cls.bin_2 = cls.env["stock.location"].create(
            {"name": "A-01-01-1-2", "location_id": stock.id, "slot_rack_type": "shelf"}
        )
        cls.reserve = cls.env["stock.location"].create(
            {"name": "Reserve floor", "location_id": stock.id}
        )
        cls.stock_manager = new_test_user(
            cls.env, "sellable_manager", groups="stock.group_stock_manager"
        )
        cls.stock_user = new_test_user(
            cls.env, "sellable_user", groups="stock.group_stock_user"
        )
        cls.pump = cls._create_validated_product("Topeak Joe Blow pump")

    def _shelf_qty(self, product):
        return product._get_alltricks_sellable_qty(warehouse=self.warehouse)

    def _flag(self, location, user=None, **values):
        """Write ``values`` on ``location`` as a stock manager, then commit."""
        location.with_user(user or self.stock_manager).write(values)
        self._commit_flush()

    def _stocked_bin(self, products, rack_type="shelf"):
        location = self.env["stock.location"].create(
            {
                "name": f"Bin of {len(products)}",
                "location_id": self.warehouse.lot_stock_id.id,
                "slot_rack_type": rack_type,
            }
        )
        for product in products:
            self._put_on_shelf(product, 2, location)
        self._commit_flush()
        return location

    def test_bin_flagged_not_sellable_unpublishes_its_only_product(self):
        self._put_on_shelf(self.product, 3)
        self._commit_flush()
        self.assertTrue(self.product.is_published)
        self.assertEqual(self.website._get_product_available_qty(self.product), 3)

        self._flag(self.bin, slot_rack_type=False)

        self.assertFalse(self.bin.slot_sellable)
        self.assertFalse(self.product.is_published)
        self.assertEqual(self._shelf_qty(self.product), 0)
        self.assertEqual(self.website._get_product_available_qty(self.product), 0)

    def test_bin_flagged_back_republishes(self):
        self._put_on_shelf(self.product, 3)
        self._commit_flush()
        self._flag(self.bin, slot_rack_type=False)
        self.assertFalse(self.product.is_published)

        self._flag(self.bin, slot_rack_type="bulky")

        self.assertTrue(self.product.is_published)
        self.assertEqual(self._shelf_qty(self.product), 3)

    def test_product_also_stocked_elsewhere_stays_published(self):
        self._put_on_shelf(self.product, 3)
        self._put_on_shelf(self.product, 2, self.bin_2)
        self._put_on_shelf(self.pump, 1)
        self._commit_flush()

        self._flag(self.bin, slot_rack_type=False)

        self.assertTrue(self.product.is_published)
        self.assertEqual(self._shelf_qty(self.product), 2)
        self.assertFalse(self.pump.is_published)

    def test_location_flagged_showroom_publishes_its_stock(self):
        self._put_on_shelf(self.pump, 4, self.reserve)
        self._commit_flush()
        self.assertFalse(self.pump.is_published)

        self._flag(self.reserve, slot_is_showroom=True)

        self.assertTrue(self.pump.is_published)
        self.assertEqual(self._shelf_qty(self.pump), 4)

    def test_change_that_keeps_the_bin_sellable_syncs_nothing(self):
        self._put_on_shelf(self.product, 3)
        self._commit_flush()
        # Unpublished by hand: a change that keeps the bin sellable leaves
        # its products alone (only locations whose sellability flips sync).
        self.product.product_tmpl_id.is_published = False

        self._flag(self.bin, slot_rack_type="bulky", slot_is_showroom=True)

        self.assertFalse(self.product.is_published)

    def test_stock_user_cannot_change_sellability(self):
        self._put_on_shelf(self.product, 3)
        self._commit_flush()

        for values in ({"slot_rack_type": False}, {"slot_is_showroom": True}):
            with self.assertRaises(AccessError):
                self._flag(self.bin, user=self.stock_user, **values)

        self.assertEqual(self.bin.slot_rack_type, "shelf")
        self.assertTrue(self.bin.slot_sellable)
        self.assertTrue(self.product.is_published)
        self.assertEqual(self._shelf_qty(self.product), 3)

    def _queries_to_unflag(self, location):
        self.env.flush_all()
        self.env.invalidate_all()  # every round starts from a cold cache
        start = self.env.cr.sql_log_count
        self._flag(location, slot_rack_type=False)
        self.env.flush_all()
        return self.env.cr.sql_log_count - start

    def test_unflagging_costs_no_query_per_product(self):
        products = [
            self._create_validated_product(f"Brake pad {index:02d}")
            for index in range(16)
        ]
        warm_up, few, many = (
            self._stocked_bin(products[:2]),
            self._stocked_bin(products[2:4]),
            self._stocked_bin(products[4:]),
        )
        self.assertEqual({p.is_published for p in products}, {True})

        self._queries_to_unflag(warm_up)
        counts = [self._queries_to_unflag(few), self._queries_to_unflag(many)]

        self.assertEqual(counts[0], counts[1])
        self.assertEqual({p.is_published for p in products}, {False})
