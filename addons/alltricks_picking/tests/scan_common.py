from odoo.tests.common import new_test_user

from .common import PickingCase


class ScanCase(PickingCase):
    """The picking floor with barcodes, a look-alike, a lot product, two pickers."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        for name, product in cls.products.items():
            product.barcode = f"EAN-{name}"
        cls.lookalike = cls.env["product.product"].create(
            {
                "name": "Part A-01-09-1-1 (black)",
                "is_storable": True,
                "barcode": "EAN-LOOK",
            }
        )
        cls.lot_product = cls.env["product.product"].create(
            {
                "name": "Fork",
                "is_storable": True,
                "tracking": "lot",
                "barcode": "EAN-FORK",
            }
        )
        cls.lot = cls.env["stock.lot"].create(
            {"name": "LOT-FORK-1", "product_id": cls.lot_product.id}
        )
        cls.foreign_lot = cls.env["stock.lot"].create(
            {"name": "LOT-LOOK-1", "product_id": cls.lookalike.id}
        )
        cls.env["stock.quant"]._update_available_quantity(
            cls.lot_product, cls.bins["B-01-03-1-1"], 5.0, lot_id=cls.lot
        )
        cls.picker2 = new_test_user(
            cls.env, "rt_picker2", groups="alltricks_slotting.group_picker"
        )
        cls.packer = new_test_user(
            cls.env, "rt_packer", groups="alltricks_slotting.group_packer"
        )

    def setup_taken_cart(self, bin_name, quantity):
        """A planned cart of one transfer of ``quantity`` units from
        ``bin_name``, taken by the picker, one unit scanned. Sets ``product``,
        ``pick``, ``batch`` and ``line`` on the test."""
        self.product = self.products[bin_name]
        self.pick = self.make_pick([(self.product, quantity)])
        self.batch = self.take(self.plan(self.pick))
        self.line = self.batch._get_route_move_lines()
        self.batch.alltricks_scan(self.line.id, self.product.barcode)

    def take(self, batch, user=None):
        batch = batch.with_user(user or self.picker)
        batch.action_alltricks_scan_take()
        return batch

    def snapshot(self, *products):
        """Quantities of every move line and quant that a scan could touch."""
        lines = self.env["stock.move.line"].search(
            [("product_id", "in", [p.id for p in products])]
        )
        quants = self.env["stock.quant"].search(
            [("product_id", "in", [p.id for p in products])]
        )
        lines.invalidate_recordset()
        quants.invalidate_recordset()
        return (
            {ml.id: (ml.quantity, ml.picked, ml.alltricks_scanned_qty) for ml in lines},
            {q.id: (q.quantity, q.reserved_quantity) for q in quants},
        )

    @classmethod
    def make_sale_pick(cls, quantities):
        """The PICK transfer of a confirmed sale delivered in 3 steps."""
        partner = cls.env["res.partner"].create({"name": "Scan customer"})
        sale = cls.env["sale.order"].create(
            {
                "partner_id": partner.id,
                "warehouse_id": cls.warehouse.id,
                "order_line": [
                    (0, 0, {"product_id": product.id, "product_uom_qty": qty})
                    for product, qty in quantities
                ],
            }
        )
        sale.action_confirm()
        return cls.env["stock.picking"].search(
            [
                ("picking_type_id", "=", cls.warehouse.pick_type_id.id),
                ("origin", "=", sale.name),
            ]
        )

    def picked_pack(self, quantities):
        """A sale in 3 steps whose PICK ``picker`` scanned; returns the PACK."""
        pick = self.make_sale_pick(quantities)
        batch = self.take(self.plan(pick))
        for line in batch._get_route_move_lines():
            batch.alltricks_scan_fill(line.id)
        batch.alltricks_scan_done()
        pack = pick.move_ids.move_dest_ids.picking_id
        self.assertEqual(pack.state, "assigned")
        return pack
