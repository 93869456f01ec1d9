"""Putaway engine: rack types, preferences of the score, determinism."""

import random
from dataclasses import replace
from datetime import date

from alltricks_slotting.putaway import (
    BinContent,
    IncomingLine,
    PutawayEngine,
    PutawaySettings,
    PutawayWeights,
    family_keys,
)
from alltricks_slotting.putaway.synthetic import ZoneShape, grid_bins

SHELF = ZoneShape("A", 2, 4, 1, 40, 40, 30, 30)
PALLET = ZoneShape("P", 1, 1, 1, 120, 80, 100, 500)
BULKY = ZoneShape("R", 1, 1, 1, 100, 120, 110, 300, rack_type="bulky")


def make_line(product_id, qty=5, size=10.0, velocity="C", **values):
    values.setdefault("template_id", product_id)
    return IncomingLine(
        product_id, qty, size, size, size, 0.5, velocity=velocity, **values
    )


def bins_by_id(bins):
    return {bin_.id: bin_ for bin_ in bins}


def test_bulky_lines_go_to_bulky_racks_and_nothing_else_does():
    bins = grid_bins((SHELF, BULKY), bays=1)
    racks = bins_by_id(bins)
    frame = IncomingLine(1, 2, 55, 20, 80, 3.0, template_id=1, bulky=True)
    # a small part that would fit a bulky rack, with the shelves all taken
    shelf_lines = [make_line(10 + k, qty=40) for k in range(17)]

    results = PutawayEngine(bins).plan([frame, *shelf_lines])

    frame_bins = {racks[a.bin_id].rack_type for a in results[0].allocations}
    assert frame_bins == {"bulky"}
    assert results[0].placed_qty == 2
    shelf_bins = {racks[a.bin_id].rack_type for r in results[1:] for a in r.allocations}
    assert shelf_bins == {"shelf"}
    assert results[-1].refused
    assert "no free shelf bin" in results[-1].message


def test_bulky_line_without_bulky_rack_is_refused():
    result = PutawayEngine(grid_bins((SHELF,), bays=1)).plan(
        [make_line(1, qty=1, bulky=True)]
    )[0]

    assert result.message == (
        "Refused: the layout has no bulky rack: add one with the layout generator, "
        "or store it by hand."
    )


def test_fast_movers_walk_less_than_slow_movers_in_any_order():
    bins = grid_bins((SHELF,), bays=6)
    walk = {bin_.id: bin_.walk_m for bin_ in bins}
    lines = [make_line(k, velocity="A" if k % 2 else "C") for k in range(1, 9)]

    for seed in range(5):
        random.Random(seed).shuffle(lines)
        results = PutawayEngine(bins).plan(lines)
        fast = [
            walk[r.allocations[0].bin_id] for r in results if r.line.velocity == "A"
        ]
        slow = [
            walk[r.allocations[0].bin_id] for r in results if r.line.velocity == "C"
        ]
        assert max(fast) < min(slow), seed


def test_numeric_velocity_counts_like_a_class():
    bins = grid_bins((SHELF,), bays=6)
    walk = {bin_.id: bin_.walk_m for bin_ in bins}

    fast, slow = PutawayEngine(bins).plan(
        [make_line(1, velocity=0.05), make_line(2, velocity=0.9)]
    )

    assert walk[slow.allocations[0].bin_id] < walk[fast.allocations[0].bin_id]


def test_slow_mover_stands_right_behind_the_prime_band_not_at_the_far_end():
    bins = grid_bins((SHELF,), bays=6)
    walk = {bin_.id: bin_.walk_m for bin_ in bins}

    result = PutawayEngine(bins).plan([make_line(1, velocity="C")])[0]

    # empty floor: the band is the nearest bay (3 m), the farthest bin is 11 m
    assert walk[result.allocations[0].bin_id] == 4.0
    assert result.allocations[0].parts["reserve"] == 0.0


def test_prime_band_grows_with_the_stock_on_the_floor():
    bins = grid_bins((SHELF,), bays=6)
    walk = {bin_.id: bin_.walk_m for bin_ in bins}
    # the 60 bins farthest from packing hold other products
    far_first = sorted(bins, key=lambda bin_: (-bin_.walk_m, bin_.name))
    stocked = {
        bin_.id: (BinContent(100 + k, 1, family_keys(100 + k), None, 1000, 0.5),)
        for k, bin_ in enumerate(far_first[:60])
    }
    bins = [replace(bin_, contents=stocked.get(bin_.id, ())) for bin_ in bins]

    slow, fast = PutawayEngine(bins).plan(
        [make_line(1, velocity="C"), make_line(2, velocity="A")]
    )

    # band: 20 % of 60 stocked bins = the 12 nearest, so walks of 3 and 4 m
    assert walk[slow.allocations[0].bin_id] == 5.0
    assert walk[fast.allocations[0].bin_id] == 3.0


def test_reserve_share_zero_lets_slow_movers_take_the_nearest_bin():
    bins = grid_bins((SHELF,), bays=6)
    walk = {bin_.id: bin_.walk_m for bin_ in bins}

    result = PutawayEngine(bins, PutawaySettings(reserve_share=0)).plan(
        [make_line(1, velocity="C")]
    )[0]

    assert walk[result.allocations[0].bin_id] == 3.0


def test_fast_mover_gets_the_shelf_nearest_waist_height():
    bins = grid_bins((SHELF,), bays=1)
    heights = {bin_.id: bin_.z for bin_ in bins}

    result = PutawayEngine(bins).plan([make_line(1, velocity="A")])[0]

    # levels at 0.1, 0.5, 0.9 and 1.3 m
    assert heights[result.allocations[0].bin_id] == 0.9


def test_small_part_goes_to_a_small_bin_rather_than_a_pallet():
    # the pallet bins are nearer to packing than the shelves
    bins = grid_bins((PALLET, SHELF), bays=3)
    kinds = {bin_.id: bin_.zone for bin_ in bins}

    result = PutawayEngine(bins).plan([make_line(1, qty=2, velocity="A")])[0]

    assert kinds[result.allocations[0].bin_id] == "A"
    assert result.allocations[0].parts["waste"] > 0


def test_empty_bin_is_preferred_to_topping_up_another_bin_of_the_product():
    bins = grid_bins((SHELF,), bays=2)
    stocked = replace(
        bins[0], contents=(BinContent(1, 3, family_keys(1), None, 1000, 0.5),)
    )
    bins = [stocked, *bins[1:]]

    allocation = PutawayEngine(bins).plan([make_line(1)])[0].allocations[0]

    assert allocation.bin_id != stocked.id
    assert allocation.parts["occupied"] == 0


def test_topping_up_older_stock_pays_the_fifo_term_unless_allowed():
    bins = grid_bins((SHELF,), bays=1)
    old = BinContent(1, 3, family_keys(1), date(2025, 1, 1), 1000, 0.5)
    bins = [replace(bins[0], contents=(old,)), *bins[1:]]
    line = make_line(1, previous_bin_id=bins[0].id, incoming_date=date(2025, 6, 1))

    strict = PutawayEngine(bins).plan([line])[0].allocations[0]
    lenient = PutawayEngine(bins, PutawaySettings(fifo_topup_allowed=True)).plan(
        [line]
    )[0]

    assert strict.parts["fifo"] == 0.3
    assert lenient.allocations[0].parts["fifo"] == 0.0
    assert lenient.allocations[0].score < strict.score


def test_heavy_fifo_weight_sends_new_stock_to_a_fresh_bin():
    bins = grid_bins((SHELF,), bays=1)
    old = BinContent(1, 3, family_keys(1), date(2025, 1, 1), 1000, 0.5)
    bins = [replace(bins[0], contents=(old,)), *bins[1:]]
    line = make_line(1, previous_bin_id=bins[0].id, incoming_date=date(2025, 6, 1))

    engine = PutawayEngine(bins, weights=PutawayWeights(fifo=5.0))
    allocation = engine.plan([line])[0].allocations[0]

    assert allocation.bin_id != bins[0].id


def test_score_parts_add_up_to_the_score():
    bins = grid_bins((SHELF,), bays=2)

    results = PutawayEngine(bins).plan([make_line(1, qty=70, velocity="B")])

    for allocation in results[0].allocations:
        assert abs(sum(allocation.parts.values()) - allocation.score) < 1e-9
        assert set(allocation.parts) == {
            "walk",
            "height",
            "reserve",
            "occupied",
            "previous",
            "waste",
            "fifo",
            "split",
        }


def test_equal_bins_are_taken_in_name_order():
    zone = ZoneShape("A", 1, 1, 3, 40, 40, 30, 30)
    bins = grid_bins((zone,), bays=1)
    names = {bin_.id: bin_.name for bin_ in bins}

    results = PutawayEngine(bins).plan([make_line(k, qty=40) for k in range(1, 4)])

    chosen = [names[r.allocations[0].bin_id] for r in results]
    assert chosen == ["A-01-01-1-1", "A-01-01-1-2", "A-01-01-1-3"]


def test_same_input_gives_the_same_plan_whatever_the_bin_order():
    bins = grid_bins((SHELF, BULKY), bays=4)
    lines = [make_line(k, qty=15 * k, velocity="ABC"[k % 3]) for k in range(1, 12)]

    first = PutawayEngine(bins).plan(lines)
    shuffled = list(bins)
    random.Random(3).shuffle(shuffled)
    second = PutawayEngine(shuffled).plan(lines)

    assert first == second
    assert first == PutawayEngine(bins).plan(lines)


def test_engine_on_a_kept_index_plans_like_a_new_engine():
    bins = grid_bins((SHELF, BULKY), bays=4)
    stock = (BinContent(50, 2, family_keys(50), None, 1000, 0.5),)
    stocked = [replace(bins[3], contents=stock), *bins[:3], *bins[4:]]
    lines = [make_line(k, qty=15 * k, velocity="ABC"[k % 3]) for k in range(1, 8)]
    kept = PutawayEngine(bins).layout

    engine = PutawayEngine.from_layout(kept, {bins[3].id: stock, 999999: stock})

    assert engine.plan(lines) == PutawayEngine(stocked).plan(lines)
    assert engine.snapshot()[3].contents == stock
