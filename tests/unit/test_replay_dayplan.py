"""The day plan of the replay: volumes, determinism, faults, receipts.

Source orders are small hand-made baskets, so every figure can be checked.
"""

import pytest
from alltricks_replay.dayplan import (
    KIOSK,
    SHORT_PICK,
    WEB,
    DayParams,
    SourceOrder,
    plan_day,
)

BIKE = "BK-1"
SOURCES = [
    SourceOrder("SO1", (("HL-1", 1),)),
    SourceOrder("SO2", (("HL-1", 1), ("TT-1", 2))),
    SourceOrder("SO3", (("GL-1", 1), ("TT-1", 1), ("CA-1", 1), ("SO-1", 1))),
    SourceOrder("SO4", ((BIKE, 1), ("HL-1", 1))),
    SourceOrder("SO5", (("CA-1", 3),)),
]
SMALL = DayParams(seed=3, lines=200, receipts=4, bikes=2, tickets=10, kiosk_orders=2)


def plan(params=SMALL, sources=SOURCES, on_hand=None):
    return plan_day(sources, [BIKE], on_hand or {"HL-1": 5, "CA-1": 100}, params)


def test_day_reaches_exactly_the_wanted_lines():
    day = plan()
    assert day.line_count == 200


def test_same_seed_same_plan_whatever_the_input_order():
    assert plan().fingerprint() == plan(sources=list(reversed(SOURCES))).fingerprint()


def test_another_seed_another_plan():
    other = DayParams(**{**vars(SMALL), "seed": 4})
    assert plan().fingerprint() != plan(other).fingerprint()


def test_bike_and_kiosk_orders_as_asked():
    day = plan()
    bikes = [o for o in day.orders if o.bike]
    kiosk = [o for o in day.orders if o.channel == KIOSK]
    assert len(bikes) == 2
    assert all(dict(o.lines)[BIKE] == 1 for o in bikes)
    assert len(kiosk) == 2
    assert all(len(o.lines) == 1 and o.lines[0][1] == 1 for o in kiosk)
    assert all(BIKE not in dict(o.lines) for o in day.orders if not o.bike)
    assert all(8 * 60 <= o.minute < 12 * 60 for o in bikes)


def test_orders_are_in_time_order_with_unique_refs():
    day = plan()
    minutes = [o.minute for o in day.orders]
    assert minutes == sorted(minutes)
    assert all(0 <= m < 18 * 60 for m in minutes)
    refs = [o.ref for o in day.orders]
    assert len(set(refs)) == len(refs)
    assert refs[0] == "REPLAY-3-O00001"


def test_most_web_orders_have_one_or_two_lines():
    web = [o for o in plan().orders if o.channel == WEB and not o.bike]
    small = [o for o in web if len(o.lines) <= 2]
    assert len(small) > 0.75 * len(web)


def test_receipts_cover_every_shortfall():
    day = plan()
    demand, received = {}, {}
    for order in day.orders:
        for code, qty in order.lines:
            demand[code] = demand.get(code, 0) + qty
    for receipt in day.receipts:
        for code, qty in receipt.lines:
            received[code] = received.get(code, 0) + qty
    on_hand = {"HL-1": 5, "CA-1": 100}
    for code, qty in demand.items():
        assert on_hand.get(code, 0) + received.get(code, 0) >= qty, code
    assert len(day.receipts) == 4
    assert all(5 * 60 <= r.minute < 8 * 60 for r in day.receipts)


def test_short_picks_leave_a_unit_to_pick_and_spare_bikes():
    params = DayParams(**{**vars(SMALL), "short_pick_rate": 0.5})
    day = plan(params)
    orders = {o.ref: o for o in day.orders}
    shorts = [f for f in day.faults if f.kind == SHORT_PICK]
    assert shorts
    for fault in shorts:
        order = orders[fault.order_ref]
        assert not order.bike
        assert order.lines[fault.line][1] >= 2
    per_order = [f.order_ref for f in shorts]
    assert len(per_order) == len(set(per_order))


def test_tickets_sorted_and_about_earlier_orders():
    day = plan()
    orders = {o.ref: o for o in day.orders}
    assert len(day.tickets) == 10
    for ticket in day.tickets:
        assert 8 * 60 <= ticket.minute < 17 * 60
        if ticket.order_ref:
            assert orders[ticket.order_ref].minute < ticket.minute
            assert orders[ticket.order_ref].channel == WEB


def test_no_usable_source_is_refused():
    with pytest.raises(ValueError, match="No source order"):
        plan_day([], [], {}, SMALL)


@pytest.mark.parametrize(
    "values",
    [{"lines": 0}, {"bikes": -1}, {"wrong_pick_rate": 1.5}],
)
def test_bad_parameters_are_refused(values):
    with pytest.raises(ValueError):
        DayParams(**values)
