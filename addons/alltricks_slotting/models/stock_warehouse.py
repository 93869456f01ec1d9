from odoo import fields, models


class StockWarehouse(models.Model):
    _inherit = "stock.warehouse"

    slot_aisle_count = fields.Integer(string="Aisles")
    slot_aisle_pitch_m = fields.Float(string="Aisle pitch (m)", default=3.0)
    slot_bays_per_side = fields.Integer(string="Bays per aisle side")
    slot_bay_width_m = fields.Float(string="Bay width (m)", default=1.0)
    slot_front_clearance_m = fields.Float(
        string="Clearance to cross aisles (m)", default=1.0
    )
    slot_middle_cross_aisle = fields.Boolean(string="Middle cross aisle")
    slot_cross_aisle_width_m = fields.Float(string="Cross aisle width (m)", default=2.0)
    slot_depot_x_m = fields.Float(
        string="Packing area position (m)",
        help="Where routes start and end, along the front cross aisle.",
    )

    def _get_slot_layout_spec(self, zones=()):
        """The grid of this warehouse, as used to place and route."""
        self.ensure_one()
        from ..layout.grid import LayoutSpec, ZoneSpec

        zones = zones or (
            ZoneSpec(
                code="*", aisles=self.slot_aisle_count, levels=1, bins_per_level=1
            ),
        )
        return LayoutSpec(
            zones=tuple(zones),
            bays_per_side=self.slot_bays_per_side,
            aisle_pitch_m=self.slot_aisle_pitch_m,
            bay_width_m=self.slot_bay_width_m,
            front_clearance_m=self.slot_front_clearance_m,
            middle_cross_aisle=self.slot_middle_cross_aisle,
            cross_aisle_width_m=self.slot_cross_aisle_width_m,
            depot_x_m=self.slot_depot_x_m,
        )
