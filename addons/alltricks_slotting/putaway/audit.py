"""Checking hard rules outside the engine: manual overrides and whole states.

The engine never breaks a hard rule, but a user may pick a bin by hand and old
stock may predate the rules. Both checks reuse the engine's geometry and
separation index, so they judge exactly as the engine does.
"""

from __future__ import annotations

from collections.abc import Iterable

from .data import (
    BULKY,
    AuditReport,
    Bin,
    IncomingLine,
    RuleViolation,
    SeparationViolation,
)
from .geometry import fits_rotated, room_by_rule, sorted_dims
from .layout_index import LayoutIndex
from .separation import SeparationIndex
from .settings import PutawaySettings, PutawayWeights
from .state import StockState
from .wording import count_of


def override_violations(
    layout: LayoutIndex,
    state: StockState,
    line: IncomingLine,
    bin_id: int,
    qty: float | None = None,
) -> list[RuleViolation]:
    """Hard rules broken by storing ``qty`` units of ``line`` in ``bin_id``.

    Empty when the choice is allowed. Rules, in this order: ``unknown_bin``,
    ``rack_type``, ``dimensions``, ``mixing``, ``volume``, ``weight``, ``units``,
    ``separation``. O(contents of the bin + f).
    """
    i = layout.index_of.get(bin_id)
    if i is None:
        return [RuleViolation("unknown_bin", "It is not a bin of this layout.", bin_id)]
    qty = line.qty if qty is None else qty

    found = _placement_violations(layout, state, i, line, qty)
    found.extend(_separation_violations(layout, state, i, line))
    return [
        RuleViolation(rule, message, bin_id, products)
        for rule, message, products in found
    ]


def _placement_violations(layout, state, i, line, qty):
    """``(rule, message)`` for rack type, dimensions, mixing and capacity."""
    bin_, bin_class = layout.bins[i], layout.class_of[i]
    found = []
    if line.bulky != (bin_.rack_type == BULKY):
        wanted = "a bulky rack" if line.bulky else "a shelf bin"
        found.append(
            (
                "rack_type",
                f"This product goes to {wanted}, {bin_.name} is not one.",
                (),
            )
        )
    dims = sorted_dims(line.length_cm, line.width_cm, line.height_cm)
    if not fits_rotated(dims, bin_class.dims):
        found.append(
            ("dimensions", f"A unit does not fit in {bin_.name}, even turned.", ())
        )

    contents = state.contents.get(i, ())
    others = tuple(sorted({c.product_id for c in contents} - {line.product_id}))
    if others and not layout.settings.allow_mixing:
        held = "another product" if len(others) == 1 else f"{len(others)} others"
        found.append(("mixing", f"{bin_.name} already holds {held}.", others))
    for rule, room in _room(bin_class, contents, line).items():
        if qty > room:
            more = count_of(room, "more unit")
            found.append((rule, f"{bin_.name} takes only {more} by {rule}.", ()))
    return found


def _separation_violations(layout, state, i, line):
    contents = state.contents.get(i, ())
    if line.product_id in {c.product_id for c in contents}:
        # topping up creates no new pair of look-alikes
        return []
    conflicts = state.separation.iter_conflicts(
        i, line.product_id, tuple(sorted(line.families))
    )
    conflicts = list(conflicts)
    close = sorted({other for other, _product, _family in conflicts})
    if not close:
        return []
    names = ", ".join(layout.bins[other].name for other in close)
    products = tuple(sorted({product for _other, product, _family in conflicts}))
    return [("separation", f"Look-alike products are too close, in {names}.", products)]


def _room(bin_class, contents, line):
    used_volume = used_weight = used_units = 0.0
    for content in contents:
        same = content.product_id == line.product_id
        volume = content.unit_volume_cm3
        weight = content.unit_weight_kg
        if volume is None:
            # a foreign product of unknown size leaves no room we can vouch for
            volume = line.unit_volume_cm3 if same else bin_class.usable_volume
        if weight is None:
            weight = line.weight_kg if same else 0.0
        used_volume += content.qty * volume
        used_weight += content.qty * weight
        used_units += content.qty
    return room_by_rule(
        unit_volume=line.unit_volume_cm3,
        unit_weight=line.weight_kg,
        usable_volume=bin_class.usable_volume,
        max_weight=bin_class.max_weight,
        max_units=bin_class.max_units,
        used_volume=used_volume,
        used_weight=used_weight,
        used_units=used_units,
    )


def audit(layout: LayoutIndex, state: StockState) -> AuditReport:
    """Separation, capacity and mixing violations of a stock state.

    Separation pairs are found by adding the bins one by one, in name order, to
    a fresh index and asking each bin for its conflicts with those before it:
    every pair is reported once, O(c * f) for ``c`` contents when neighbourhoods
    are bounded. Capacity: volume (with the fill factor, a single unit excepted),
    load and unit count; contents of unknown size or weight are not counted.
    """
    settings = layout.settings
    index = SeparationIndex(
        layout, settings.separation_bay_gap, settings.separation_distance_m
    )
    separation, capacity, mixing = [], [], []
    for i in sorted(state.contents):
        contents = state.contents[i]
        products = _families_by_product(contents)
        for product_id, families in products.items():
            separation.extend(
                _pairs_with_earlier(layout, index, i, product_id, families)
            )
            index.add(i, product_id, families)
        if len(products) > 1 and not settings.allow_mixing:
            mixing.append(
                RuleViolation(
                    "mixing",
                    f"{layout.bins[i].name} holds products {sorted(products)}.",
                    layout.bins[i].id,
                )
            )
        capacity.extend(_capacity_violations(layout, i, contents))
    return AuditReport(tuple(separation), tuple(capacity), tuple(mixing))


def _pairs_with_earlier(layout, index, i, product_id, families):
    """Violations between ``product_id`` in bin ``i`` and the bins indexed so far,
    one per pair of bins and products, with the families they share."""
    shared = {}
    for other, other_product, family in index.iter_conflicts(
        i, product_id, tuple(sorted(families))
    ):
        shared.setdefault((other, other_product), set()).add(family)
    return [
        SeparationViolation(
            layout.bins[other].id,
            layout.bins[i].id,
            other_product,
            product_id,
            frozenset(keys),
        )
        for (other, other_product), keys in sorted(shared.items())
    ]


def _families_by_product(contents):
    products = {}
    for content in contents:
        products.setdefault(content.product_id, set()).update(content.families)
    return {product_id: frozenset(keys) for product_id, keys in products.items()}


def _capacity_violations(layout, i, contents):
    bin_, bin_class = layout.bins[i], layout.class_of[i]
    volume = sum(c.qty * (c.unit_volume_cm3 or 0.0) for c in contents)
    weight = sum(c.qty * (c.unit_weight_kg or 0.0) for c in contents)
    units = sum(c.qty for c in contents)
    found = []
    if volume > bin_class.usable_volume * (1 + 1e-9) and units > 1:
        found.append(
            (
                "volume",
                f"{volume / 1000:g} L for {bin_class.usable_volume / 1000:g} L usable",
            )
        )
    if bin_class.max_weight and weight > bin_class.max_weight * (1 + 1e-9):
        found.append(
            ("weight", f"{weight:g} kg for a {bin_class.max_weight:g} kg limit")
        )
    if bin_class.max_units and units > bin_class.max_units:
        found.append(
            ("units", f"{count_of(units, 'unit')} for a limit of {bin_class.max_units}")
        )
    return [
        RuleViolation(rule, f"{bin_.name} is over capacity: {detail}.", bin_.id)
        for rule, detail in found
    ]


def audit_state(
    bins: Iterable[Bin],
    settings: PutawaySettings | None = None,
) -> AuditReport:
    """:func:`audit` of the stock the bins hold, without building an engine."""
    settings = settings or PutawaySettings()
    layout = LayoutIndex(bins, settings, PutawayWeights())
    state = StockState(layout, {i: bin_.contents for i, bin_ in enumerate(layout.bins)})
    return audit(layout, state)
