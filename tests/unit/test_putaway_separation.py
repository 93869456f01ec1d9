"""Putaway engine: look-alike products are kept apart, whatever the line order."""

import math
import random
from dataclasses import replace

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

SHELF = ZoneShape("A", 2, 2, 2, 40, 40, 30, 30)


def size_line(product_id, template_id, qty=20, groups=(), velocity="C"):
    return IncomingLine(
        product_id,
        qty,
        10,
        10,
        10,
        0.5,
        template_id=template_id,
        lookalike_group_ids=groups,
        velocity=velocity,
    )


def look_alike_receipt():
    """Six sizes of template 1, two templates in look-alike group 7, others."""
    lines = [size_line(10 + size, 1, velocity="AB"[size % 2]) for size in range(6)]
    lines += [size_line(30, 3, groups=(7,)), size_line(40, 4, groups=(7,))]
    lines += [size_line(50 + k, 50 + k) for k in range(4)]
    return lines


def too_close_pairs(bins, by_bin, bay_gap=1, distance_m=None):
    """Pairs of bins holding different look-alike products too close together,
    computed from scratch (not with the engine's index)."""
    bins_by_id = {bin_.id: bin_ for bin_ in bins}
    held = [
        (bins_by_id[bin_id], line.product_id, line.families)
        for bin_id, lines in by_bin.items()
        for line in lines
    ]
    pairs = []
    for k, (bin_a, product_a, families_a) in enumerate(held):
        for bin_b, product_b, families_b in held[k + 1 :]:
            if product_a == product_b or not families_a & families_b:
                continue
            same_side = (bin_a.zone, bin_a.aisle, bin_a.side) == (
                bin_b.zone,
                bin_b.aisle,
                bin_b.side,
            )
            if bay_gap is not None and same_side and abs(bin_a.bay - bin_b.bay) <= 1:
                pairs.append((bin_a.name, bin_b.name))
            if (
                distance_m is not None
                and math.dist((bin_a.x, bin_a.y, bin_a.z), (bin_b.x, bin_b.y, bin_b.z))
                < distance_m
            ):
                pairs.append((bin_a.name, bin_b.name))
    return pairs


def placed_lines_by_bin(results):
    by_bin = {}
    for result in results:
        for allocation in result.allocations:
            by_bin.setdefault(allocation.bin_id, []).append(result.line)
    return by_bin


def test_sizes_and_look_alikes_never_close_whatever_the_line_order():
    bins = grid_bins((SHELF,), bays=8)
    engine = PutawayEngine(bins)

    for seed in range(25):
        lines = look_alike_receipt()
        random.Random(seed).shuffle(lines)
        results = engine.plan(lines)

        assert all(result.unplaced_qty == 0 for result in results), seed
        assert too_close_pairs(bins, placed_lines_by_bin(results)) == [], seed


def test_new_size_keeps_away_from_a_size_in_stock():
    bins = grid_bins((SHELF,), bays=8)
    stock = BinContent(99, 5, family_keys(1), None, 1000, 0.5)
    # the bin every C mover prefers, by the earlier plan of the same line
    preferred = PutawayEngine(bins).plan([size_line(10, 1)])[0].allocations[0]
    bins = [
        replace(bin_, contents=(stock,)) if bin_.id == preferred.bin_id else bin_
        for bin_ in bins
    ]

    results = PutawayEngine(bins).plan([size_line(10, 1)])
    chosen = results[0].allocations[0].bin_id

    assert chosen != preferred.bin_id
    assert audit_state(apply_results(bins, results)).separation == ()


def test_same_product_may_fill_adjacent_bins():
    bins = grid_bins((ZoneShape("A", 1, 1, 1, 40, 40, 30, 30),), bays=2)

    result = PutawayEngine(bins).plan([size_line(10, 1, qty=160)])[0]

    assert result.placed_qty == 160
    assert len(result.allocations) == 4


def test_distance_rule_keeps_look_alikes_metres_apart():
    bins = grid_bins((SHELF,), bays=8)
    settings = PutawaySettings(separation_bay_gap=None, separation_distance_m=2.5)

    for seed in range(10):
        lines = look_alike_receipt()
        random.Random(seed).shuffle(lines)
        results = PutawayEngine(bins, settings).plan(lines)

        by_bin = placed_lines_by_bin(results)
        assert all(result.unplaced_qty == 0 for result in results), seed
        assert too_close_pairs(bins, by_bin, None, 2.5) == [], seed


def test_separation_impossible_is_refused_with_reason():
    one_bay = grid_bins((ZoneShape("A", 1, 1, 2, 40, 40, 30, 30),), bays=1)
    left_side = [bin_ for bin_ in one_bay if bin_.side == "left"]

    results = PutawayEngine(left_side).plan([size_line(10, 1), size_line(11, 1)])

    assert results[0].placed_qty == 20
    assert results[1].refused
    assert results[1].message == (
        "Refused: separation impossible: every free shelf bin that fits is within "
        "1 bay on the same aisle side of a look-alike product: free a bin further "
        "away, or store it by hand."
    )


def test_bay_gap_zero_only_forbids_the_same_bay():
    bins = grid_bins((ZoneShape("A", 1, 1, 1, 40, 40, 30, 30),), bays=2)
    left_side = [bin_ for bin_ in bins if bin_.side == "left"]
    settings = PutawaySettings(separation_bay_gap=0)

    results = PutawayEngine(left_side, settings).plan(
        [size_line(10, 1), size_line(11, 1)]
    )

    bays = sorted(
        bin_.bay
        for bin_ in left_side
        for result in results
        if result.allocations[0].bin_id == bin_.id
    )
    assert bays == [1, 2]


def test_audit_finds_look_alikes_stored_side_by_side():
    bins = grid_bins((ZoneShape("A", 1, 1, 1, 40, 40, 30, 30),), bays=3)
    left = [bin_ for bin_ in bins if bin_.side == "left"]
    sizes = [BinContent(pid, 1, family_keys(1), None, 1000, 1) for pid in (1, 2, 3)]
    stocked = [replace(bin_, contents=(size,)) for bin_, size in zip(left, sizes)]

    report = audit_state(stocked)

    assert [(v.bin_id, v.other_bin_id) for v in report.separation] == [
        (left[0].id, left[1].id),
        (left[1].id, left[2].id),
    ]
    assert report.separation[0].families == frozenset({("template", 1)})
    assert not report.ok
