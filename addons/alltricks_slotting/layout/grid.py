"""Rectangular warehouse grid: the bins a layout generator creates.

A layout is a row of zones (A, B, C... and bulky racks) placed side by side along
the front cross aisle. Every zone is made of parallel walking aisles of the same
length, so the whole floor is one block (front and back cross aisles), or two
blocks when a middle cross aisle is asked for. This is the shape for which the
picking router is exact.

Naming: ``A-03-12-2-1`` is zone A, aisle 3 of the zone, bay 12, level 2, bin 1.
Bays are numbered along the aisle, odd on the left and even on the right, so bays
11 and 12 face each other and sorting bins by name walks the aisle from front to
back. All numbers are zero-padded so that names sort in walking order.

Coordinates are metres: ``x`` is the centre line of the aisle (a picker standing
there reaches both sides), ``y`` the depth from the front cross aisle, ``z`` the
height of the shelf above the floor.
"""

from dataclasses import dataclass, field

SHELF = "shelf"
BULKY = "bulky"
# A level's height minus this board is the height left for the goods.
SHELF_BOARD_CM = 5.0


@dataclass(frozen=True)
class ZoneSpec:
    """One zone of identical aisles."""

    code: str
    aisles: int
    levels: int
    bins_per_level: int
    kind: str = SHELF
    bin_depth_cm: float = 40.0
    level_height_cm: float = 40.0
    max_weight_kg: float = 30.0
    capacity_units: int = 0


@dataclass(frozen=True)
class LayoutSpec:
    """A whole floor: zones side by side, all aisles with the same bay count."""

    zones: tuple[ZoneSpec, ...]
    bays_per_side: int = 20
    aisle_pitch_m: float = 3.0
    bay_width_m: float = 1.0
    front_clearance_m: float = 1.0
    middle_cross_aisle: bool = False
    cross_aisle_width_m: float = 2.0
    depot_x_m: float | None = None

    @property
    def aisle_count(self):
        return sum(zone.aisles for zone in self.zones)

    @property
    def aisle_length_m(self):
        middle = self.cross_aisle_width_m if self.middle_cross_aisle else 0.0
        return (
            2 * self.front_clearance_m + self.bays_per_side * self.bay_width_m + middle
        )

    def aisle_x(self, aisle_index):
        return self.aisle_pitch_m * (aisle_index + 0.5)

    def cross_aisle_ys(self):
        """Depth of every cross aisle, front first."""
        ys = [0.0]
        if self.middle_cross_aisle:
            half = self.bays_per_side // 2
            ys.append(
                self.front_clearance_m
                + half * self.bay_width_m
                + self.cross_aisle_width_m / 2
            )
        ys.append(self.aisle_length_m)
        return ys

    def depot_x(self):
        if self.depot_x_m is not None:
            return self.depot_x_m
        return self.aisle_pitch_m * self.aisle_count / 2

    def bay_y(self, depth_index):
        """Depth of the centre of the bays at ``depth_index`` (1-based)."""
        y = self.front_clearance_m + (depth_index - 0.5) * self.bay_width_m
        if self.middle_cross_aisle and depth_index > self.bays_per_side // 2:
            y += self.cross_aisle_width_m
        return y


@dataclass(frozen=True)
class BinSpec:
    name: str
    zone: str
    rack_type: str
    aisle: int
    aisle_index: int
    bay: int
    side: str
    depth_index: int
    level: int
    position: int
    x: float
    y: float
    z: float
    width_cm: float
    depth_cm: float
    height_cm: float
    max_weight_kg: float
    capacity_units: int = field(default=0)


def bin_name(zone, aisle, bay, level, position):
    return f"{zone}-{aisle:02d}-{bay:02d}-{level}-{position}"


def iter_bins(spec):
    """Yield every bin of ``spec`` in walking (name) order.

    O(number of bins); nothing is kept in memory beyond the current bin.
    """
    aisle_index = 0
    for zone in spec.zones:
        width_cm, __, height_cm = bin_size_cm(spec, zone)
        for aisle in range(1, zone.aisles + 1):
            x = spec.aisle_x(aisle_index)
            for bay in range(1, 2 * spec.bays_per_side + 1):
                depth_index = (bay + 1) // 2
                side = "left" if bay % 2 else "right"
                y = spec.bay_y(depth_index)
                for level in range(1, zone.levels + 1):
                    z = round((level - 1) * zone.level_height_cm / 100 + 0.1, 3)
                    for position in range(1, zone.bins_per_level + 1):
                        yield BinSpec(
                            name=bin_name(zone.code, aisle, bay, level, position),
                            zone=zone.code,
                            rack_type=zone.kind,
                            aisle=aisle,
                            aisle_index=aisle_index,
                            bay=bay,
                            side=side,
                            depth_index=depth_index,
                            level=level,
                            position=position,
                            x=x,
                            y=y,
                            z=z,
                            width_cm=round(width_cm, 1),
                            depth_cm=zone.bin_depth_cm,
                            height_cm=height_cm,
                            max_weight_kg=zone.max_weight_kg,
                            capacity_units=zone.capacity_units,
                        )
            aisle_index += 1


def bin_size_cm(spec, zone):
    """``(width, depth, height)`` in cm of the bins of ``zone``: the bay shared
    by the bins of a level, the level's height less its shelf board."""
    return (
        spec.bay_width_m * 100 / zone.bins_per_level,
        zone.bin_depth_cm,
        zone.level_height_cm - SHELF_BOARD_CM,
    )


def count_bins(spec):
    return sum(
        zone.aisles * 2 * spec.bays_per_side * zone.levels * zone.bins_per_level
        for zone in spec.zones
    )
