from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..layout.geometry import Depot, WarehouseGeometry
from ..putaway import PutawaySettings, PutawayWeights

_WEIGHTS = PutawayWeights()
_SETTINGS = PutawaySettings()


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

    # Putaway settings (weights of the score are penalties, lower is better)
    slot_weight_walk = fields.Float(
        string="Walk weight",
        default=_WEIGHTS.walk,
        help="Fast movers close to packing: weight of the walk from packing.",
    )
    slot_weight_height = fields.Float(
        string="Height weight",
        default=_WEIGHTS.height,
        help="Fast movers at the golden height: weight of the distance from it.",
    )
    slot_weight_reserve = fields.Float(
        string="Reserve weight",
        default=_WEIGHTS.reserve,
        help="Slow movers leave the prime band near packing to fast movers and "
        "stand right behind it: weight of the band for them.",
    )
    slot_reserve_share = fields.Float(
        string="Prime band share",
        default=_SETTINGS.reserve_share,
        help="Size of the prime band kept for fast movers near packing, as a "
        "share of the bins holding stock (0.2 = 20 %, the A share of the "
        "velocity classes); 0 keeps no band.",
    )
    slot_weight_occupied = fields.Float(
        string="Occupied bin weight",
        default=_WEIGHTS.occupied,
        help="Penalty for a bin that already holds stock.",
    )
    slot_weight_previous = fields.Float(
        string="Previous bin bonus",
        default=_WEIGHTS.previous,
        help="Bonus for topping up the bin the last delivery went to.",
    )
    slot_weight_waste = fields.Float(
        string="Wasted room weight",
        default=_WEIGHTS.waste,
        help="Penalty for room left empty: a small part does not take a big bin.",
    )
    slot_weight_fifo = fields.Float(
        string="Older stock weight",
        default=_WEIGHTS.fifo,
        help="Penalty for burying new units on older ones of the same product.",
    )
    slot_weight_split = fields.Float(
        string="Split weight",
        default=_WEIGHTS.split,
        help="Penalty per further bin a line would need.",
    )
    slot_fill_factor = fields.Float(
        string="Fill factor",
        default=_SETTINGS.fill_factor,
        help="Share of a bin's volume that can really be filled (0.85 = 85 %).",
    )
    slot_separation_bay_gap = fields.Integer(
        string="Look-alike bay gap",
        default=_SETTINGS.separation_bay_gap,
        help="Two look-alike products (sizes of one product, look-alike groups) "
        "are never within this many bays on the same side of one aisle; 0 only "
        "forbids the same bay.",
    )
    slot_separation_distance_m = fields.Float(
        string="Look-alike minimum distance (m)",
        help="When set, look-alikes are also at least this many metres apart.",
    )
    slot_velocity_days = fields.Integer(
        string="Velocity window (days)",
        default=90,
        help="Days of customer deliveries the velocity classes are computed on.",
    )
    slot_manager_id = fields.Many2one(
        "res.users",
        string="Putaway follow-up",
        help="Receives an activity when received goods wait more than 48 hours "
        "to be put away. Left empty: the warehouse managers.",
    )

    @api.constrains(
        "slot_fill_factor",
        "slot_reserve_share",
        "slot_separation_bay_gap",
        "slot_separation_distance_m",
        "slot_velocity_days",
    )
    def _check_slot_putaway_settings(self):
        for warehouse in self:
            if not 0 < warehouse.slot_fill_factor <= 1:
                raise ValidationError(
                    self.env._("The fill factor is a share between 0 and 1, e.g. 0.85.")
                )
            if not 0 <= warehouse.slot_reserve_share <= 1:
                raise ValidationError(
                    self.env._(
                        "The prime band share is a share between 0 and 1, e.g. 0.2."
                    )
                )
            if warehouse.slot_separation_bay_gap < 0:
                raise ValidationError(
                    self.env._("The look-alike bay gap cannot be negative.")
                )
            if warehouse.slot_separation_distance_m < 0:
                raise ValidationError(
                    self.env._("The look-alike distance cannot be negative.")
                )
            if warehouse.slot_velocity_days < 1:
                raise ValidationError(
                    self.env._("The velocity window is at least one day.")
                )

    @api.constrains(
        "slot_weight_walk",
        "slot_weight_height",
        "slot_weight_reserve",
        "slot_weight_occupied",
        "slot_weight_previous",
        "slot_weight_waste",
        "slot_weight_fifo",
        "slot_weight_split",
    )
    def _check_slot_weights(self):
        for warehouse in self:
            if min(warehouse._get_slot_putaway_weights_values().values()) < 0:
                raise ValidationError(
                    self.env._(
                        "Putaway weights cannot be negative: set 0 to ignore a term."
                    )
                )

    def _get_slot_putaway_weights_values(self):
        self.ensure_one()
        names = ("walk", "height", "reserve", "occupied", "previous", "waste")
        names += ("fifo", "split")
        return {name: self[f"slot_weight_{name}"] for name in names}

    def _get_slot_putaway_settings(self):
        """``(PutawaySettings, PutawayWeights)`` of this warehouse."""
        self.ensure_one()
        settings = PutawaySettings(
            fill_factor=self.slot_fill_factor,
            reserve_share=self.slot_reserve_share,
            separation_bay_gap=self.slot_separation_bay_gap,
            separation_distance_m=self.slot_separation_distance_m or None,
        )
        return settings, PutawayWeights(**self._get_slot_putaway_weights_values())

    def _get_slot_geometry(self):
        """Walking geometry of the layout; the depot opens at the aisle end
        closest to the packing area, on the front cross aisle."""
        self.ensure_one()
        spec = self._get_slot_layout_spec()
        aisle_x = tuple(spec.aisle_x(i) for i in range(spec.aisle_count))
        depot_aisle = min(
            range(len(aisle_x)),
            key=lambda i: (abs(aisle_x[i] - self.slot_depot_x_m), i),
        )
        return WarehouseGeometry(
            aisle_x=aisle_x,
            cross_aisle_y=tuple(spec.cross_aisle_ys()),
            depot=Depot(depot_aisle, 0.0, 0.0),
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
