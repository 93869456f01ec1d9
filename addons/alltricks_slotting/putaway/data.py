"""Plain records exchanged with the putaway engine.

Nothing here imports Odoo: the models turn ``stock.location`` and ``stock.move``
records into these frozen dataclasses, call the engine, and write the answer back.
Units: centimetres for dimensions, kilograms for weights, metres for coordinates
and walking distances.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

SHELF = "shelf"
BULKY = "bulky"

FamilyKey = tuple[str, int]


def family_keys(
    template_id: int | None, lookalike_group_ids: tuple[int, ...] | list[int] = ()
) -> frozenset[FamilyKey]:
    """Keys that make two different products look alike to a picker.

    Sizes and colours of one template share ``("template", id)``; products an
    expert grouped by hand (two brake pads of different brands, say) share
    ``("lookalike", group_id)``.
    """
    keys = {("lookalike", group_id) for group_id in lookalike_group_ids}
    if template_id is not None:
        keys.add(("template", template_id))
    return frozenset(keys)


@dataclass(frozen=True, slots=True)
class BinContent:
    """Stock of one product in a bin, on hand or already planned.

    ``unit_volume_cm3`` and ``unit_weight_kg`` let the engine compute the room
    left. When they are unknown for a product other than the one being stored,
    the engine treats the bin as full rather than guess.
    """

    product_id: int
    qty: float
    families: frozenset[FamilyKey] = frozenset()
    incoming_date: date | datetime | None = None
    unit_volume_cm3: float | None = None
    unit_weight_kg: float | None = None


@dataclass(frozen=True, slots=True)
class Bin:
    """A storage bin and what it holds.

    ``aisle`` identifies the aisle on the whole floor; ``bay`` is the rank of the
    bay along the aisle *on its own side* (with odd/even bay numbering, pass the
    depth index), so that bays ``n`` and ``n + 1`` of one side touch. ``z`` is the
    height of the shelf above the floor. ``max_units`` of ``None`` or ``0`` means
    only volume and weight limit the bin; ``max_weight_kg`` of ``0`` means no
    load limit. ``walk_m`` is the walking distance from
    the packing area, computed by the caller.
    """

    id: int
    name: str
    zone: str
    aisle: int
    side: str
    bay: int
    level: int
    position: int
    x: float
    y: float
    z: float
    width_cm: float
    depth_cm: float
    height_cm: float
    max_weight_kg: float
    walk_m: float
    max_units: int | None = None
    rack_type: str = SHELF
    contents: tuple[BinContent, ...] = ()

    @property
    def volume_cm3(self) -> float:
        return self.width_cm * self.depth_cm * self.height_cm


def bin_from_spec(
    spec: Any, bin_id: int, walk_m: float, contents: tuple[BinContent, ...] = ()
) -> Bin:
    """A :class:`Bin` from an object shaped like the layout generator's bins.

    ``spec`` needs ``name``, ``zone``, ``rack_type``, ``aisle_index``, ``side``,
    ``depth_index`` (the bay rank on its side, as the separation rule wants it),
    ``level``, ``position``, ``x``, ``y``, ``z``, ``width_cm``, ``depth_cm``,
    ``height_cm``, ``max_weight_kg`` and ``capacity_units`` (0 for no limit).
    """
    return Bin(
        id=bin_id,
        name=spec.name,
        zone=spec.zone,
        aisle=spec.aisle_index,
        side=spec.side,
        bay=spec.depth_index,
        level=spec.level,
        position=spec.position,
        x=spec.x,
        y=spec.y,
        z=spec.z,
        width_cm=spec.width_cm,
        depth_cm=spec.depth_cm,
        height_cm=spec.height_cm,
        max_weight_kg=spec.max_weight_kg,
        walk_m=walk_m,
        max_units=spec.capacity_units or None,
        rack_type=spec.rack_type,
        contents=contents,
    )


@dataclass(frozen=True, slots=True)
class IncomingLine:
    """One received product to store.

    ``velocity`` is a class ``"A"``, ``"B"`` or ``"C"`` (see
    :func:`velocity_classes`) or a number, 1.0 for the fastest movers, divided by
    ``PutawaySettings.velocity_reference`` and clamped to ``[0, 1]``.
    ``previous_bin_id`` is where the last delivery of this product went and
    ``previous_bin_full`` tells whether that bin has room left. ``ref`` is free for
    the caller (a ``stock.move.line`` id) and is echoed in the logs.
    """

    product_id: int
    qty: float
    length_cm: float
    width_cm: float
    height_cm: float
    weight_kg: float
    template_id: int | None = None
    lookalike_group_ids: tuple[int, ...] = ()
    velocity: str | float = "C"
    bulky: bool = False
    previous_bin_id: int | None = None
    previous_bin_full: bool = False
    incoming_date: date | datetime | None = None
    ref: Any = None

    @property
    def families(self) -> frozenset[FamilyKey]:
        return family_keys(self.template_id, self.lookalike_group_ids)

    @property
    def unit_volume_cm3(self) -> float:
        return self.length_cm * self.width_cm * self.height_cm


@dataclass(frozen=True, slots=True)
class Allocation:
    """Part of a line stored in one bin.

    ``score`` is a penalty, lower is better; ``parts`` holds its weighted terms
    (they add up to ``score``), ``reason`` says the decision in a few words.
    """

    bin_id: int
    bin_name: str
    qty: float
    score: float
    parts: dict[str, float] = field(hash=False)
    reason: str = ""


@dataclass(frozen=True, slots=True)
class LineResult:
    """What became of one incoming line: allocations, and what could not be placed.

    A refused line has no allocation and ``message`` says why; a partly placed
    line has allocations, a positive ``unplaced_qty`` and a message.
    """

    line: IncomingLine
    allocations: tuple[Allocation, ...]
    unplaced_qty: float = 0.0
    message: str = ""

    @property
    def placed_qty(self) -> float:
        return sum(allocation.qty for allocation in self.allocations)

    @property
    def refused(self) -> bool:
        return not self.allocations


@dataclass(frozen=True, slots=True)
class RuleViolation:
    """A hard rule a manual choice or a stored state breaks.

    ``rule`` is one of ``unknown_bin``, ``rack_type``, ``dimensions``, ``volume``,
    ``weight``, ``units``, ``mixing``, ``separation``. ``product_ids``: the other
    products involved (held in the bin, look-alikes too close), so that a caller
    can name them.
    """

    rule: str
    message: str
    bin_id: int | None = None
    product_ids: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class SeparationViolation:
    """Two bins holding different look-alike products too close to each other."""

    bin_id: int
    other_bin_id: int
    product_id: int
    other_product_id: int
    families: frozenset[FamilyKey]


@dataclass(frozen=True, slots=True)
class AuditReport:
    """Every broken hard rule of a stock state."""

    separation: tuple[SeparationViolation, ...] = ()
    capacity: tuple[RuleViolation, ...] = ()
    mixing: tuple[RuleViolation, ...] = ()

    @property
    def ok(self) -> bool:
        return not (self.separation or self.capacity or self.mixing)
