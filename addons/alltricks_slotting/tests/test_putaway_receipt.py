from odoo.tests import tagged

from .common import SlottingPutawayCase


@tagged("post_install", "-at_install")
class TestPutawayReceipt(SlottingPutawayCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.chain = cls._product("Chain 11s")
        cls.cassette = cls._product("Cassette 11-32")
        cls.tube = cls._product("Inner tube 29")

    def test_two_lines_filling_a_bin_never_share_a_bin(self):
        picking = self._receive([(self.chain, 30), (self.cassette, 30)])

        chain_bins = self._bins_of(picking, self.chain)
        cassette_bins = self._bins_of(picking, self.cassette)
        self.assertEqual(len(chain_bins), 1)
        self.assertEqual(len(cassette_bins), 1)
        self.assertEqual(chain_bins.slot_rack_type, "shelf")
        self.assertNotEqual(chain_bins, cassette_bins)
        reason = self._lines_of(picking, self.chain).slot_putaway_reason
        self.assertIn("empty bin", reason)
        self.assertIn("score", reason)

    def test_bins_promised_to_an_open_receipt_count_as_taken(self):
        first = self._receive([(self.chain, 30)])
        second = self._receive([(self.cassette, 30), (self.tube, 30)])

        taken = self._bins_of(first, self.chain)
        self.assertEqual(first.state, "assigned")
        self.assertNotIn(taken, self._bins_of(second, self.cassette))
        self.assertNotIn(taken, self._bins_of(second, self.tube))

    def test_a_line_larger_than_one_bin_is_split_over_bins(self):
        picking = self._receive([(self.chain, 45)])

        lines = self._lines_of(picking, self.chain)
        self.assertEqual(sorted(lines.mapped("quantity")), [15.0, 30.0])
        self.assertEqual(len(lines.location_dest_id), 2)
        self.assertEqual(picking.move_ids.quantity, 45.0)
        picking.button_validate()
        quants = self.env["stock.quant"].search(
            [
                ("product_id", "=", self.chain.id),
                ("location_id", "in", lines.location_dest_id.ids),
            ]
        )
        self.assertEqual(sum(quants.mapped("quantity")), 45.0)

    def test_kept_layout_index_follows_bin_and_setting_changes(self):
        products = self.env["product.product"]
        first, _data = self.warehouse._get_slot_putaway_engine(self.stock, products)
        again, _data = self.warehouse._get_slot_putaway_engine(self.stock, products)
        self.assertIs(again.layout, first.layout)

        self.warehouse.with_user(self.manager).write({"slot_reserve_share": 0.5})
        tuned, _data = self.warehouse._get_slot_putaway_engine(self.stock, products)
        self.assertIsNot(tuned.layout, first.layout)
        self.assertEqual(tuned.settings.reserve_share, 0.5)

        bin_ = self.env["stock.location"].search(
            [("warehouse_id", "=", self.warehouse.id), ("slot_zone", "=", "A")],
            order="name",
            limit=1,
        )
        bin_.slot_capacity_units = 7
        resized, _data = self.warehouse._get_slot_putaway_engine(self.stock, products)
        index = resized.layout
        self.assertEqual(index.class_of[index.index_of[bin_.id]].max_units, 7)
