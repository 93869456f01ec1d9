import dataclasses
import logging
import math
import re

from odoo import api, fields, models
from odoo.exceptions import UserError

from ..layout.grid import (
    SHELF_BOARD_CM,
    LayoutSpec,
    ZoneSpec,
    bin_size_cm,
    count_bins,
    iter_bins,
)

_logger = logging.getLogger(__name__)

ZONE_CODE = re.compile(r"[A-Z][A-Z0-9]{0,2}")

# Upper bounds of one generation: sizes of real racks, and a number of bins
# one transaction creates in a few minutes.
MAX_BINS = 50_000
MAX_BIN_SIZE_CM = 500.0
MIN_BIN_SIZE_CM = 5.0
MAX_BIN_WEIGHT_KG = 5_000.0
MAX_BIN_UNITS = 1_000_000
MAX_DISTANCE_M = 50.0
MAX_BAYS, MAX_AISLES, MAX_LEVELS, MAX_BINS_PER_LEVEL = 99, 99, 9, 9

DEFAULT_ZONES = [
    # code, kind, aisles, levels, bins per level, bin depth, level height, max kg
    ("A", "shelf", 8, 5, 3, 40.0, 40.0, 15.0),
    ("B", "shelf", 6, 4, 2, 60.0, 50.0, 30.0),
    ("C", "shelf", 4, 4, 1, 80.0, 60.0, 60.0),
    ("R", "bulky", 2, 3, 1, 120.0, 180.0, 150.0),
]


class AlltricksLayoutGenerator(models.TransientModel):
    _name = "alltricks.layout.generator"
    _description = "Warehouse layout generator"

    warehouse_id = fields.Many2one(
        "stock.warehouse",
        required=True,
        domain="[('company_id', 'in', allowed_company_ids)]",
        help="The bins are created in the company of this warehouse.",
    )
    bays_per_side = fields.Integer(default=20, required=True)
    aisle_pitch_m = fields.Float(string="Aisle pitch (m)", default=3.0, required=True)
    bay_width_m = fields.Float(string="Bay width (m)", default=1.0, required=True)
    front_clearance_m = fields.Float(
        string="Clearance to cross aisles (m)", default=1.0, required=True
    )
    middle_cross_aisle = fields.Boolean()
    cross_aisle_width_m = fields.Float(
        string="Cross aisle width (m)", default=2.0, required=True
    )
    zone_ids = fields.One2many(
        "alltricks.layout.generator.zone", "generator_id", string="Zones"
    )
    bin_count = fields.Integer(compute="_compute_bin_count")

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        if "zone_ids" in fields_list and not values.get("zone_ids"):
            values["zone_ids"] = [
                fields.Command.create(
                    {
                        "code": code,
                        "kind": kind,
                        "aisles": aisles,
                        "levels": levels,
                        "bins_per_level": bins,
                        "bin_depth_cm": depth,
                        "level_height_cm": height,
                        "max_weight_kg": weight,
                    }
                )
                for code, kind, aisles, levels, bins, depth, height, weight in (
                    DEFAULT_ZONES
                )
            ]
        return values

    @api.depends(
        "zone_ids.aisles",
        "zone_ids.levels",
        "zone_ids.bins_per_level",
        "bays_per_side",
    )
    def _compute_bin_count(self):
        """Bins the wizard creates at most; 0 for zones (or bays) out of bounds."""
        for wizard in self:
            if not 1 <= wizard.bays_per_side <= MAX_BAYS:
                wizard.bin_count = 0
                continue
            spec = wizard._get_layout_spec()
            valid = tuple(zone for zone in spec.zones if self._is_zone_counted(zone))
            wizard.bin_count = count_bins(dataclasses.replace(spec, zones=valid))

    @api.model
    def _is_zone_counted(self, zone):
        return (
            1 <= zone.aisles <= MAX_AISLES
            and 1 <= zone.levels <= MAX_LEVELS
            and 1 <= zone.bins_per_level <= MAX_BINS_PER_LEVEL
        )

    @api.constrains("warehouse_id")
    def _check_warehouse_company(self):
        for wizard in self:
            warehouse = wizard.warehouse_id.sudo()
            company = warehouse.company_id
            if company in self.env.companies:
                continue
            if company in self.env.user.company_ids:
                message = self.env._(
                    "%(warehouse)s belongs to %(company)s: select %(company)s in "
                    "the company switcher, then generate its layout.",
                    warehouse=warehouse.name,
                    company=company.name,
                )
            else:
                message = self.env._(
                    "%(warehouse)s belongs to %(company)s, a company you do not "
                    "work for: choose a warehouse of your companies, or ask an "
                    "administrator to give you access to %(company)s.",
                    warehouse=warehouse.name,
                    company=company.name,
                )
            raise UserError(message)

    def _get_layout_spec(self):
        self.ensure_one()
        zones = tuple(
            ZoneSpec(
                code=zone.code,
                kind=zone.kind,
                aisles=zone.aisles,
                levels=zone.levels,
                bins_per_level=zone.bins_per_level,
                bin_depth_cm=zone.bin_depth_cm,
                level_height_cm=zone.level_height_cm,
                max_weight_kg=zone.max_weight_kg,
                capacity_units=zone.capacity_units,
            )
            for zone in self.zone_ids.sorted("sequence")
        )
        return LayoutSpec(
            zones=zones,
            bays_per_side=self.bays_per_side,
            aisle_pitch_m=self.aisle_pitch_m,
            bay_width_m=self.bay_width_m,
            front_clearance_m=self.front_clearance_m,
            middle_cross_aisle=self.middle_cross_aisle,
            cross_aisle_width_m=self.cross_aisle_width_m,
        )

    def _check_parameters(self):
        self._check_warehouse_company()
        if not self.zone_ids:
            raise UserError(self.env._("Add at least one zone to generate a layout."))
        codes = self.zone_ids.sorted("sequence").mapped("code")
        if len(set(codes)) != len(codes):
            raise UserError(self.env._("Each zone needs its own code (A, B, C...)."))
        numbers = [
            self.aisle_pitch_m,
            self.bay_width_m,
            self.cross_aisle_width_m,
            self.front_clearance_m,
        ]
        for zone in self.zone_ids:
            numbers += [zone.bin_depth_cm, zone.level_height_cm, zone.max_weight_kg]
        if not all(math.isfinite(number) for number in numbers):
            raise UserError(
                self.env._(
                    "A size, distance or weight of the layout is not a number: "
                    "enter a value in each."
                )
            )
        if self.bays_per_side < 1 or self.bays_per_side > MAX_BAYS:
            raise UserError(
                self.env._(
                    "Bays per aisle side must be between 1 and %(max)s.", max=MAX_BAYS
                )
            )
        if min(self.aisle_pitch_m, self.bay_width_m, self.cross_aisle_width_m) <= 0:
            raise UserError(
                self.env._(
                    "Aisle pitch, bay width and cross aisle width must be more than 0."
                )
            )
        if self.front_clearance_m < 0:
            raise UserError(self.env._("The clearance cannot be negative."))
        distances = (
            self.aisle_pitch_m,
            self.bay_width_m,
            self.cross_aisle_width_m,
            self.front_clearance_m,
        )
        if max(distances) > MAX_DISTANCE_M:
            raise UserError(
                self.env._(
                    "Aisle pitch, bay width, cross aisle width and clearance are "
                    "in metres: at most %(max)s m.",
                    max=MAX_DISTANCE_M,
                )
            )
        for zone in self.zone_ids:
            self._check_zone(zone)
        self._check_bin_total()
        self._check_existing_layout(codes)

    def _check_bin_total(self):
        """One run creates at most MAX_BINS bins: bigger floors are generated
        a few zones at a time, each run adding its zones to the layout."""
        existing = self.env["stock.location"].search_count(
            [
                ("warehouse_id", "=", self.warehouse_id.id),
                ("slot_rack_type", "!=", False),
            ]
        )
        new = count_bins(self._get_layout_spec()) - existing
        if new > MAX_BINS:
            raise UserError(
                self.env._(
                    "This layout would create %(count)s bins, more than the "
                    "%(max)s one run creates. Split it in several zones and "
                    "generate them in several runs (keep the zones already "
                    "generated first in the list, then add the next ones), or "
                    "lower the bays, aisles, levels or bins per level.",
                    count=f"{new:,}",
                    max=f"{MAX_BINS:,}",
                )
            )

    def _check_zone(self, zone):
        if not ZONE_CODE.fullmatch(zone.code or ""):
            raise UserError(
                self.env._(
                    "Zone code %(zone)r: use 1 to 3 capital letters or digits, "
                    "starting with a letter (A, B, R2...).",
                    zone=zone.code,
                )
            )
        if min(zone.aisles, zone.levels, zone.bins_per_level) < 1:
            raise UserError(
                self.env._(
                    "Zone %(zone)s needs at least one aisle, level and bin.",
                    zone=zone.code,
                )
            )
        if (
            zone.aisles > MAX_AISLES
            or zone.levels > MAX_LEVELS
            or zone.bins_per_level > MAX_BINS_PER_LEVEL
        ):
            raise UserError(
                self.env._(
                    "Zone %(zone)s: at most %(aisles)s aisles, %(levels)s levels "
                    "and %(bins)s bins per level, so that bin names keep sorting "
                    "in walking order.",
                    zone=zone.code,
                    aisles=MAX_AISLES,
                    levels=MAX_LEVELS,
                    bins=MAX_BINS_PER_LEVEL,
                )
            )
        if min(zone.max_weight_kg, zone.capacity_units) < 0:
            raise UserError(
                self.env._(
                    "Zone %(zone)s: maximum weight and units must be 0 (no limit) "
                    "or more.",
                    zone=zone.code,
                )
            )
        width, depth, height = bin_size_cm(self._get_layout_spec(), zone)
        if min(width, depth, height) < MIN_BIN_SIZE_CM:
            raise UserError(
                self.env._(
                    "Zone %(zone)s: its bins would be %(width)s cm wide, %(depth)s "
                    "cm deep and %(height)s cm high; each must be at least "
                    "%(min)s cm. The width is the bay width shared by the bins "
                    "of a level, the height the level height less its %(board)s "
                    "cm shelf board.",
                    zone=zone.code,
                    width=f"{width:g}",
                    depth=f"{depth:g}",
                    height=f"{height:g}",
                    min=f"{MIN_BIN_SIZE_CM:g}",
                    board=f"{SHELF_BOARD_CM:g}",
                )
            )
        if (
            max(zone.bin_depth_cm, zone.level_height_cm) > MAX_BIN_SIZE_CM
            or zone.max_weight_kg > MAX_BIN_WEIGHT_KG
            or zone.capacity_units > MAX_BIN_UNITS
        ):
            raise UserError(
                self.env._(
                    "Zone %(zone)s: bin depth and level height are in centimetres, "
                    "at most %(size)s cm; maximum weight at most %(weight)s kg and "
                    "maximum units at most %(units)s per bin.",
                    zone=zone.code,
                    size=int(MAX_BIN_SIZE_CM),
                    weight=int(MAX_BIN_WEIGHT_KG),
                    units=MAX_BIN_UNITS,
                )
            )

    def _check_existing_layout(self, codes):
        """Adding to a layout keeps its geometry and the aisles of its zones.

        Routing and putaway read the geometry from the warehouse: a second run
        with another bay count or pitch, or with zones in another order, would
        put new bins on top of existing aisles.
        """
        warehouse = self.warehouse_id
        groups = self.env["stock.location"]._read_group(
            [("warehouse_id", "=", warehouse.id), ("slot_rack_type", "!=", False)],
            ["slot_zone"],
            ["slot_aisle_index:min", "slot_aisle:count_distinct"],
        )
        if not groups:
            return
        stored = (
            warehouse.slot_bays_per_side,
            warehouse.slot_aisle_pitch_m,
            warehouse.slot_bay_width_m,
            warehouse.slot_front_clearance_m,
            warehouse.slot_middle_cross_aisle,
            warehouse.slot_cross_aisle_width_m,
        )
        asked = (
            self.bays_per_side,
            self.aisle_pitch_m,
            self.bay_width_m,
            self.front_clearance_m,
            self.middle_cross_aisle,
            self.cross_aisle_width_m,
        )
        if stored != asked:
            raise UserError(
                self.env._(
                    "%(warehouse)s already has a layout (bays per aisle side: "
                    "%(bays)s, aisle pitch: %(pitch)s m, bay width: %(width)s m). "
                    "Keep the same geometry to add zones, or archive its bins first.",
                    warehouse=warehouse.name,
                    bays=warehouse.slot_bays_per_side,
                    pitch=warehouse.slot_aisle_pitch_m,
                    width=warehouse.slot_bay_width_m,
                )
            )
        existing = [code for code, _first, _count in sorted(groups, key=lambda g: g[1])]
        aisles = {code: count for code, _first, count in groups}
        zones = {zone.code: zone for zone in self.zone_ids}
        if codes[: len(existing)] != existing or any(
            zones[code].aisles != aisles[code] for code in existing
        ):
            raise UserError(
                self.env._(
                    "Keep the zones %(zones)s first in the list, in this order and "
                    "with their aisles, then add the new zones after them.",
                    zones=", ".join(existing),
                )
            )

    def action_generate(self):
        """Create the zones and bins that do not exist yet; existing ones are kept."""
        self.ensure_one()
        self._check_parameters()
        spec = self._get_layout_spec()
        warehouse = self.warehouse_id
        zone_locations = self._get_or_create_zone_locations(spec)
        existing = set(
            self.env["stock.location"]
            .with_context(active_test=False)
            .search([("location_id", "in", list(zone_locations.values()))])
            .mapped("name")
        )
        vals_list = [
            self._prepare_bin_values(bin_spec, zone_locations[bin_spec.zone])
            for bin_spec in iter_bins(spec)
            if bin_spec.name not in existing
        ]
        self.env["stock.location"].create(vals_list)
        warehouse.write(self._prepare_warehouse_values(spec))
        _logger.info(
            "Layout of %s: %s bins created, %s already there",
            warehouse.name,
            len(vals_list),
            len(existing),
        )
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Bins"),
            "res_model": "stock.location",
            "view_mode": "list,form",
            "domain": [
                ("slot_rack_type", "!=", False),
                ("warehouse_id", "=", warehouse.id),
            ],
        }

    def _get_or_create_zone_locations(self, spec):
        warehouse = self.warehouse_id
        parent = warehouse.lot_stock_id
        Location = self.env["stock.location"]
        zone_locations = {}
        for zone in spec.zones:
            location = Location.search(
                [("location_id", "=", parent.id), ("name", "=", zone.code)], limit=1
            )
            if not location:
                location = Location.create(
                    {
                        "name": zone.code,
                        "location_id": parent.id,
                        "usage": "view",
                        "company_id": warehouse.company_id.id,
                    }
                )
            zone_locations[zone.code] = location.id
        return zone_locations

    def _prepare_bin_values(self, bin_spec, parent_id):
        return {
            "name": bin_spec.name,
            "location_id": parent_id,
            "usage": "internal",
            "company_id": self.warehouse_id.company_id.id,
            "barcode": f"{self.warehouse_id.code}-{bin_spec.name}",
            "slot_rack_type": bin_spec.rack_type,
            "slot_zone": bin_spec.zone,
            "slot_aisle": bin_spec.aisle,
            "slot_aisle_index": bin_spec.aisle_index,
            "slot_bay": bin_spec.bay,
            "slot_side": bin_spec.side,
            "slot_depth_index": bin_spec.depth_index,
            "slot_level": bin_spec.level,
            "slot_position": bin_spec.position,
            "slot_x": bin_spec.x,
            "slot_y": bin_spec.y,
            "slot_z": bin_spec.z,
            "slot_width_cm": bin_spec.width_cm,
            "slot_depth_cm": bin_spec.depth_cm,
            "slot_height_cm": bin_spec.height_cm,
            "slot_max_weight_kg": bin_spec.max_weight_kg,
            "slot_capacity_units": bin_spec.capacity_units,
        }

    def _prepare_warehouse_values(self, spec):
        return {
            "slot_aisle_count": spec.aisle_count,
            "slot_aisle_pitch_m": spec.aisle_pitch_m,
            "slot_bays_per_side": spec.bays_per_side,
            "slot_bay_width_m": spec.bay_width_m,
            "slot_front_clearance_m": spec.front_clearance_m,
            "slot_middle_cross_aisle": spec.middle_cross_aisle,
            "slot_cross_aisle_width_m": spec.cross_aisle_width_m,
            "slot_depot_x_m": spec.depot_x(),
        }


class AlltricksLayoutGeneratorZone(models.TransientModel):
    _name = "alltricks.layout.generator.zone"
    _description = "Zone of a generated layout"
    _order = "sequence, code"

    generator_id = fields.Many2one(
        "alltricks.layout.generator", required=True, ondelete="cascade"
    )
    sequence = fields.Integer(default=10)
    code = fields.Char(required=True, size=3)
    kind = fields.Selection(
        [("shelf", "Shelf bins"), ("bulky", "Bulky racks")],
        required=True,
        default="shelf",
    )
    aisles = fields.Integer(required=True, default=4)
    levels = fields.Integer(required=True, default=4)
    bins_per_level = fields.Integer(required=True, default=2)
    bin_depth_cm = fields.Float(string="Bin depth (cm)", default=40.0)
    level_height_cm = fields.Float(string="Level height (cm)", default=40.0)
    max_weight_kg = fields.Float(string="Max weight per bin (kg)", default=30.0)
    capacity_units = fields.Integer(string="Max units per bin")
