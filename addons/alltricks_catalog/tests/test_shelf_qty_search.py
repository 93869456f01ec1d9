from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import ShelfCommon


@tagged("post_install", "-at_install")
class TestShelfQtySearch(ShelfCommon):
    """Products are filtered on their shelf quantity (list filters, exports)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.empty = cls._create_validated_product("Schwalbe tube 700x35")
        cls.input_only = cls._create_validated_product("Schwalbe rim tape 622")
        cls.ours = cls.product | cls.empty | cls.input_only

    def _search(self, operator, value):
        return self.env["product.product"].search(
            [("id", "in", self.ours.ids), ("alltricks_shelf_qty", operator, value)]
        )

    def test_search_counts_only_free_shelf_stock(self):
        self._put_on_shelf(self.product, 3)
        # stock waiting in input is not on a shelf
        self._put_on_shelf(self.input_only, 5, self.warehouse.wh_input_stock_loc_id)
        self.assertEqual(self._search(">", 0), self.product)
        self.assertEqual(self._search("=", 0), self.empty | self.input_only)
        self.assertEqual(self._search(">=", 3), self.product)
        self.assertEqual(self._search("<", 3), self.empty | self.input_only)
        self.assertEqual(self._search("!=", 3), self.empty | self.input_only)

    def test_search_follows_the_warehouse_in_context(self):
        self._put_on_shelf(self.product, 2)
        other = self.env["stock.warehouse"].create({"name": "Lyon", "code": "LYN"})
        for warehouse, expected in ((self.warehouse, self.product), (other, None)):
            with self.subTest(warehouse=warehouse.name):
                found = (
                    self.env["product.product"]
                    .with_context(alltricks_shelf_warehouse_id=warehouse.id)
                    .search(
                        [("id", "in", self.ours.ids), ("alltricks_shelf_qty", ">", 0)]
                    )
                )
                self.assertEqual(found, expected or self.env["product.product"])

    def test_search_with_a_word_says_what_to_enter(self):
        with self.assertRaises(UserError) as refusal:
            self._search(">", "many")
        self.assertIn("enter a quantity", str(refusal.exception))
