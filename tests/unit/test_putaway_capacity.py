"""Putaway engine: capacity, splitting, refusals, top-ups and mixing."""

from dataclasses import replace
from datetime import date

from alltricks_slotting.putaway import (
    BinContent,
    IncomingLine,
    PutawayEngine,
    PutawaySettings,
    apply_results,
    audit_state,
    family_keys,
)
from alltricks_slotting.putaway.synthetic import ZoneShape, grid_bins

# 40 x 40 x 30 cm bins: 48 L, 40.8 L usable with the default fill factor
SHELF = ZoneShape("A", 1, 1, 1, 40, 40, 30, 30)


def make_line(product_id, qty, size=10.0, weight=0.5, **values):
    values.setdefault("template_id", product_id)
    return IncomingLine(product_id, qty, size, size, size, weight, **values)


def units_by_bin(bins):
    return {bin_.id: sum(c.qty for c in bin_.contents) for bin_ in bins}


def test_two_lines_each_filling_a_bin_never_share_it():
    bins = grid_bins((SHELF,), bays=3)
    # 10 cm cubes: 40 per bin by volume
    results = PutawayEngine(bins).plan([make_line(1, 40), make_line(2, 40)])

    first, second = (result.allocations for result in results)
    assert [a.qty for a in first] == [40]
    assert [a.qty for a in second] == [40]
    assert first[0].bin_id != second[0].bin_id


def test_bin_of_five_units_never_holds_more_over_successive_calls():
    zone = ZoneShape("A", 1, 1, 1, 40, 40, 30, 30, max_units=5)
    bins = grid_bins((zone,), bays=2)

    for day in range(1, 8):
        line = make_line(1, 3, incoming_date=date(2025, 1, day))
        results = PutawayEngine(bins).plan([line])
        bins = apply_results(bins, results)
        assert max(units_by_bin(bins).values()) <= 5

    assert sorted(units_by_bin(bins).values()) == [5, 5, 5, 5]
    assert results[0].placed_qty == 2
    assert results[0].unplaced_qty == 1
    assert audit_state(bins).capacity == ()


def test_committed_plans_respect_unit_limit_within_one_engine():
    zone = ZoneShape("A", 1, 1, 1, 40, 40, 30, 30, max_units=5)
    engine = PutawayEngine(grid_bins((zone,), bays=1))

    placed = [engine.plan([make_line(1, 2)], commit=True)[0] for _call in range(5)]

    assert [result.placed_qty for result in placed] == [2, 2, 2, 2, 2]
    assert sorted(units_by_bin(engine.snapshot()).values()) == [5, 5]
    assert "Refused" in engine.plan([make_line(1, 1)])[0].message


def test_line_too_big_for_every_bin_is_refused_with_reason():
    engine = PutawayEngine(grid_bins((SHELF,), bays=2))

    result = engine.plan([IncomingLine(1, 2, 120, 30, 30, 4, template_id=1)])[0]

    assert result.refused
    assert result.allocations == ()
    assert result.unplaced_qty == 2
    assert result.message.startswith("Refused: too big: a unit of 120x30x30 cm")


def test_line_too_heavy_for_every_bin_is_refused_with_reason():
    engine = PutawayEngine(grid_bins((SHELF,), bays=2))

    result = engine.plan([make_line(1, 1, weight=45)])[0]

    assert result.refused
    assert "too heavy: a unit of 45 kg is over the 30 kg limit" in result.message


def test_long_part_fits_once_turned():
    engine = PutawayEngine(grid_bins((SHELF,), bays=1))

    result = engine.plan([IncomingLine(1, 1, 10, 38, 28, 1, template_id=1)])[0]

    assert result.placed_qty == 1


def test_line_larger_than_one_bin_is_split_over_bins():
    engine = PutawayEngine(grid_bins((SHELF,), bays=3))

    result = engine.plan([make_line(1, 100)])[0]

    assert [a.qty for a in result.allocations] == [40, 40, 20]
    assert len({a.bin_id for a in result.allocations}) == 3
    assert result.unplaced_qty == 0
    assert result.message == "Split over 3 bins."


def test_remainder_is_reported_when_bins_run_out():
    engine = PutawayEngine(grid_bins((SHELF,), bays=1))

    result = engine.plan([make_line(1, 100)])[0]

    assert result.placed_qty == 80
    assert result.unplaced_qty == 20
    assert result.message == (
        "Placed 80 of 100 in 2 bins; 20 left unplaced: no free shelf bin, every "
        "one it fits in is full or holds another product: free or add a shelf bin, "
        "or store it by hand."
    )


def test_weight_limits_units_per_bin():
    engine = PutawayEngine(grid_bins((SHELF,), bays=2))

    result = engine.plan([make_line(1, 10, weight=7)])[0]

    assert [a.qty for a in result.allocations] == [4, 4, 2]


def stocked_bins(product_id=1, qty=10, bays=3):
    bins = grid_bins((SHELF,), bays=bays)
    content = BinContent(product_id, qty, family_keys(product_id), None, 1000, 0.5)
    # stock the farthest bin, so that only the top-up rule can draw a line there
    far = bins[-1]
    stocked = replace(far, contents=(content,))
    return [stocked if b is far else b for b in bins], far.id


def test_previous_bin_is_topped_up_when_not_full():
    bins, previous = stocked_bins()

    line = make_line(1, 5, previous_bin_id=previous)
    allocation = PutawayEngine(bins).plan([line])[0].allocations[0]

    assert allocation.bin_id == previous
    assert allocation.parts["previous"] == -0.8
    assert allocation.reason.startswith("top-up of the previous bin")


def test_new_bin_is_taken_when_previous_bin_is_full():
    bins, previous = stocked_bins()

    line = make_line(1, 5, previous_bin_id=previous, previous_bin_full=True)
    allocation = PutawayEngine(bins).plan([line])[0].allocations[0]

    assert allocation.bin_id != previous
    assert allocation.reason.startswith("empty bin")


def test_products_are_not_mixed_in_a_bin_by_default():
    bins, stocked = stocked_bins(product_id=1, bays=1)

    results = PutawayEngine(bins).plan([make_line(2, 40), make_line(3, 1)])

    assert stocked not in {a.bin_id for r in results for a in r.allocations}
    assert results[1].refused


def test_products_share_a_bin_when_mixing_is_allowed():
    bins, stocked = stocked_bins(product_id=1, bays=1)
    settings = PutawaySettings(allow_mixing=True)

    results = PutawayEngine(bins, settings).plan([make_line(2, 40), make_line(3, 1)])

    assert results[1].allocations[0].bin_id == stocked
    assert results[1].allocations[0].reason.startswith("shared with another product")
    assert audit_state(apply_results(bins, results), settings).capacity == ()


def test_zero_quantity_line_is_answered_without_allocation():
    result = PutawayEngine(grid_bins((SHELF,), bays=1)).plan([make_line(1, 0)])[0]

    assert result.allocations == ()
    assert result.message == "Nothing to store: the quantity is 0."


def test_bin_without_load_limit_is_limited_by_volume_only():
    engine = PutawayEngine(grid_bins((replace(SHELF, max_weight_kg=0),), bays=1))

    result = engine.plan([make_line(1, 40, weight=20)])[0]

    assert [a.qty for a in result.allocations] == [40]
