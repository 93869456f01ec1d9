from odoo import api, fields, models


class StockLocation(models.Model):
    _inherit = "stock.location"

    slot_rack_type = fields.Selection(
        [("shelf", "Shelf bin"), ("bulky", "Bulky rack")],
        string="Rack type",
        index=True,
        help="Set on the storage bins of a generated layout. Bulky racks take "
        "frames, wheels and rigid-bead tyres, and nothing else.",
    )
    slot_is_showroom = fields.Boolean(
        string="Showroom",
        help="Goods shown in the showroom are sellable stock, like goods in bins.",
    )
    slot_sellable = fields.Boolean(
        string="Sellable stock",
        compute="_compute_slot_sellable",
        store=True,
        index=True,
        help="Stock here can be sold on the web shop and the kiosk: storage bins "
        "and the showroom, never input, quality, packing or output.",
    )
    slot_zone = fields.Char(string="Zone", index=True)
    slot_aisle = fields.Integer(string="Aisle")
    slot_aisle_index = fields.Integer(
        string="Aisle index",
        help="Position of the aisle on the whole floor, from left to right, from 0.",
    )
    slot_bay = fields.Integer(
        string="Bay", help="Odd bays on the left of the aisle, even on the right."
    )
    slot_side = fields.Selection([("left", "Left"), ("right", "Right")], string="Side")
    slot_depth_index = fields.Integer(
        string="Depth index", help="Bay pair counted from the front cross aisle."
    )
    slot_level = fields.Integer(string="Level")
    slot_position = fields.Integer(string="Position")
    slot_x = fields.Float(string="X (m)", digits=(8, 3))
    slot_y = fields.Float(string="Y (m)", digits=(8, 3))
    slot_z = fields.Float(string="Height (m)", digits=(8, 3))
    slot_width_cm = fields.Float(string="Width (cm)")
    slot_depth_cm = fields.Float(string="Depth (cm)")
    slot_height_cm = fields.Float(string="Height (cm)")
    slot_max_weight_kg = fields.Float(string="Max weight (kg)")
    slot_capacity_units = fields.Integer(
        string="Max units", help="Leave 0 when only volume and weight limit the bin."
    )

    @api.depends("slot_rack_type", "slot_is_showroom", "usage")
    def _compute_slot_sellable(self):
        for location in self:
            location.slot_sellable = location.usage == "internal" and bool(
                location.slot_rack_type or location.slot_is_showroom
            )
