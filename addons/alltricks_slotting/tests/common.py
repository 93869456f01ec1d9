from odoo.fields import Command
from odoo.tests.common import TransactionCase, new_test_user


class SlottingPutawayCase(TransactionCase):
    """A small generated layout and helpers to receive goods into it.

    Zone A: shelf bins 100 x 40 x 35 cm, 15 kg, one per level, two levels, two
    aisles of four bays per side; zone R: one aisle of bulky racks. A unit of
    10 cm and 0.5 kg fills an A bin at 30 units (weight).
    """

    zone_a = ("A", "shelf", 2, 2, 1, 0)
    zone_r = ("R", "bulky", 1, 1, 1, 0)

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.warehouse = cls.env["stock.warehouse"].create(
            {"name": "Putaway test", "code": "PTW"}
        )
        cls._generate_layout(cls.warehouse, (cls.zone_a, cls.zone_r))
        cls.stock = cls.warehouse.lot_stock_id
        cls.supplier = cls.env.ref("stock.stock_location_suppliers")
        cls.picker = new_test_user(
            cls.env, "slot_put_picker", groups="alltricks_slotting.group_picker"
        )
        cls.manager = new_test_user(
            cls.env,
            "slot_put_manager",
            groups="alltricks_slotting.group_warehouse_manager",
        )

    @classmethod
    def _generate_layout(cls, warehouse, zones, bays=4):
        cls.env["alltricks.layout.generator"].create(
            {
                "warehouse_id": warehouse.id,
                "bays_per_side": bays,
                "zone_ids": [
                    Command.create(
                        {
                            "code": code,
                            "kind": kind,
                            "aisles": aisles,
                            "levels": levels,
                            "bins_per_level": per_level,
                            "bin_depth_cm": 40.0,
                            "level_height_cm": 40.0,
                            "max_weight_kg": 15.0,
                            "capacity_units": units,
                        }
                    )
                    for code, kind, aisles, levels, per_level, units in zones
                ],
            }
        ).action_generate()

    @classmethod
    def _product(cls, name, size=10.0, weight=0.5, **values):
        return cls.env["product.product"].create(
            {
                "name": name,
                "is_storable": True,
                "weight": weight,
                "slot_length_cm": size,
                "slot_width_cm": size,
                "slot_height_cm": size,
                **values,
            }
        )

    def _receive(self, lines, user=None, warehouse=None):
        """A confirmed receipt of ``[(product, qty), ...]``, as ``user``."""
        warehouse = warehouse or self.warehouse
        env = self.env(user=user or self.picker)
        picking_type = warehouse.in_type_id
        picking = env["stock.picking"].create(
            {
                "picking_type_id": picking_type.id,
                "location_id": self.supplier.id,
                "location_dest_id": picking_type.default_location_dest_id.id,
                "move_ids": [
                    Command.create(
                        {
                            "product_id": product.id,
                            "product_uom_qty": qty,
                            "location_id": self.supplier.id,
                            "location_dest_id": (
                                picking_type.default_location_dest_id.id
                            ),
                        }
                    )
                    for product, qty in lines
                ],
            }
        )
        picking.action_confirm()
        return picking

    def _lines_of(self, picking, product):
        return picking.move_line_ids.filtered(lambda line: line.product_id == product)

    def _bins_of(self, picking, product):
        return self._lines_of(picking, product).location_dest_id
