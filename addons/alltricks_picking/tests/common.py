from odoo.tests.common import TransactionCase, new_test_user

# Bins of the test floor: name -> (aisle index, depth). Name order (A-01...,
# B-01..., C-01...) zigzags across the floor; the route does not.
BINS = {
    "A-01-09-1-1": (0, 9.5),
    "A-02-01-1-1": (3, 1.5),
    "B-01-03-1-1": (1, 3.5),
    "B-02-07-1-1": (2, 7.5),
    "C-01-05-1-1": (0, 5.5),
    "C-02-02-1-1": (3, 2.5),
}


class PickingCase(TransactionCase):
    """A 4-aisle warehouse in 3 steps, six bins, a picker and a manager."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env.company
        cls.warehouse = cls.env["stock.warehouse"].create(
            {
                "name": "Route test",
                "code": "RTW",
                "delivery_steps": "pick_pack_ship",
                "slot_aisle_count": 4,
                "slot_aisle_pitch_m": 3.0,
                "slot_bays_per_side": 10,
                "slot_bay_width_m": 1.0,
                "slot_front_clearance_m": 1.0,
                "slot_depot_x_m": 1.5,
            }
        )
        cls.stock = cls.warehouse.lot_stock_id
        cls.bins = {
            name: cls.env["stock.location"].create(
                {
                    "name": name,
                    "location_id": cls.stock.id,
                    "usage": "internal",
                    "slot_rack_type": "shelf",
                    "slot_aisle_index": aisle,
                    "slot_y": y,
                }
            )
            for name, (aisle, y) in BINS.items()
        }
        cls.cart_type = cls.env["alltricks.cart.type"].create(
            {"name": "Test cart", "totes": 2, "sequence": 1}
        )
        cls.products = {
            name: cls.env["product.product"].create(
                {
                    "name": f"Part {name}",
                    "is_storable": True,
                    "volume": 0.001,
                    "weight": 0.5,
                }
            )
            for name in BINS
        }
        for name, product in cls.products.items():
            cls.env["stock.quant"]._update_available_quantity(
                product, cls.bins[name], 10.0
            )
        cls.manager = new_test_user(
            cls.env,
            "rt_manager",
            groups="alltricks_slotting.group_warehouse_manager",
        )
        cls.picker = new_test_user(
            cls.env, "rt_picker", groups="alltricks_slotting.group_picker"
        )

    @classmethod
    def make_pick(cls, quantities, sale=None):
        """A ready PICK transfer: ``quantities`` maps product (by bin) to qty."""
        pick_type = cls.warehouse.pick_type_id
        picking = cls.env["stock.picking"].create(
            {
                "picking_type_id": pick_type.id,
                "location_id": cls.stock.id,
                "location_dest_id": pick_type.default_location_dest_id.id,
                "move_ids": [
                    (
                        0,
                        0,
                        {
                            "product_id": product.id,
                            "product_uom_qty": qty,
                            "location_id": cls.stock.id,
                            "location_dest_id": pick_type.default_location_dest_id.id,
                        },
                    )
                    for product, qty in quantities
                ],
            }
        )
        if sale:
            picking.sale_id = sale
        picking.action_confirm()
        picking.action_assign()
        return picking

    def plan(self, pickings=None):
        return self.warehouse.with_user(self.manager)._alltricks_plan_picking(pickings)
