"""Putaway engine properties on random receipts (hypothesis).

Whatever the products, quantities, families and order of the lines: no two
look-alike products end up too close, no bin ends over capacity or mixed, every
unit is either placed or reported, and the same input gives the same output.
"""

import pytest

hypothesis = pytest.importorskip("hypothesis")

from alltricks_slotting.putaway import (  # noqa: E402
    IncomingLine,
    PutawayEngine,
    PutawaySettings,
    apply_results,
    audit_state,
)
from alltricks_slotting.putaway.synthetic import ZoneShape, grid_bins  # noqa: E402
from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

ZONES = (
    ZoneShape("A", 2, 2, 2, 30, 40, 20, 15),
    ZoneShape("B", 1, 2, 1, 60, 40, 40, 40, max_units=12),
    ZoneShape("R", 1, 1, 1, 100, 120, 110, 300, rack_type="bulky"),
)
BINS = grid_bins(ZONES, bays=4)


@st.composite
def receipts(draw):
    count = draw(st.integers(1, 14))
    lines = []
    for product_id in range(1, count + 1):
        bulky = draw(st.booleans()) and draw(st.booleans())
        side = st.floats(60, 90) if bulky else st.floats(2, 35)
        lines.append(
            IncomingLine(
                product_id,
                draw(st.integers(1, 3 if bulky else 40)),
                draw(side),
                draw(side),
                draw(side),
                draw(st.floats(0.05, 12.0)),
                template_id=draw(st.integers(1, 3)),
                lookalike_group_ids=tuple(draw(st.sets(st.integers(1, 2), max_size=1))),
                velocity=draw(st.sampled_from(["A", "B", "C", 0.0, 0.75])),
                bulky=bulky,
            )
        )
    return draw(st.permutations(lines))


@given(receipts(), st.sampled_from([None, 2.0]))
@settings(max_examples=60, deadline=None, database=None)
def test_random_receipts_keep_every_hard_rule(lines, distance_m):
    rules = PutawaySettings(separation_distance_m=distance_m)

    results = PutawayEngine(BINS, rules).plan(lines)

    report = audit_state(apply_results(BINS, results), rules)
    assert report.separation == ()
    assert report.capacity == ()
    assert report.mixing == ()
    for result in results:
        assert result.placed_qty + result.unplaced_qty == result.line.qty
        if result.unplaced_qty:
            assert result.message.startswith(("Refused: ", "Placed "))
        racks = {a.bin_id: result.line.bulky for a in result.allocations}
        for bin_ in BINS:
            if bin_.id in racks:
                assert racks[bin_.id] == (bin_.rack_type == "bulky")


@given(receipts())
@settings(max_examples=30, deadline=None, database=None)
def test_same_receipt_gives_same_answer(lines):
    first = PutawayEngine(BINS).plan(lines)
    second = PutawayEngine(list(reversed(BINS))).plan(lines)

    assert first == second
