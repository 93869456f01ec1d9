"""Order batching: cut-off, capacity, splits, flows, and gain over FCFS."""

import itertools

import pytest
from alltricks_picking.batching import (
    BIKES,
    PARTS,
    CartType,
    Order,
    OrderLine,
    fcfs_batches,
    plan_batches,
)
from alltricks_picking.batching.local_search import spans_compatible
from alltricks_slotting.layout.geometry import WarehouseGeometry

GEOMETRY = WarehouseGeometry.uniform(10, 3.0, 22.0, depot_aisle=0)


def order(oid, rank=0, points=((1, 5.0),), volume=1.0, weight=1.0, bike=False):
    return Order.from_points(oid, rank, points, volume, weight, bike)


def cart_of(plan, oid):
    return next(c for c in plan.carts if oid in c.orders)


def test_order_due_today_never_waits_while_one_due_tomorrow_rides():
    # Tomorrow's orders sit next to the depot, today's far away: grouping by
    # distance alone would put tomorrow's orders in the first cart.
    today = [order(f"T{i}", 0, ((9, 20.0),)) for i in range(3)]
    tomorrow = [order(f"M{i}", 1, ((0, 2.0),)) for i in range(3)]
    plan = plan_batches(tomorrow + today, CartType(totes=2), GEOMETRY)

    sequence = {oid: c.sequence for c in plan.carts for oid in c.orders}
    latest_today = max(sequence[o.id] for o in today)
    earliest_tomorrow = min(sequence[o.id] for o in tomorrow)
    assert latest_today <= earliest_tomorrow
    # The one cart that mixes both ranks is the boundary cart.
    mixed = [c for c in plan.carts if {o[0] for o in c.orders} == {"T", "M"}]
    assert [c.sequence for c in mixed] == [latest_today]


def test_rank_spans_of_two_mixed_carts_are_incompatible():
    assert not spans_compatible((0, 1), (0, 1))
    assert spans_compatible((0, 1), (1, 2))
    assert spans_compatible((1, 1), (0, 1))


def test_cart_capacity_totes_volume_and_weight_hold():
    orders = [
        order(i, 0, ((i % 10, 3.0 + i),), volume=4.0, weight=3.0) for i in range(10)
    ]
    plan = plan_batches(
        orders, CartType(totes=4, max_volume=10.0, max_weight=6.0), GEOMETRY
    )

    assert plan.split_orders == ()
    for cart in plan.carts:
        assert len(cart.orders) <= 2  # weight 3 + 3 = 6 is the limit
    assert sorted(oid for c in plan.carts for oid in c.orders) == list(range(10))


def test_order_is_not_split_when_it_fits_a_cart():
    big = order("big", 0, ((1, 3.0), (5, 10.0), (8, 19.0)), volume=9.0)
    small = order("small", 0, ((2, 4.0),), volume=2.0)
    plan = plan_batches([big, small], CartType(totes=2, max_volume=10.0), GEOMETRY)

    assert plan.split_orders == ()
    assert [c.orders for c in plan.carts] == [("big",), ("small",)]
    assert plan.tote_of("big") == 1


def test_order_bigger_than_a_cart_is_split_and_reported():
    points = ((1, 3.0), (1, 6.0), (4, 10.0), (4, 12.0))
    huge = order("huge", 0, points, volume=40.0)  # 10 per line, cart takes 25
    plan = plan_batches([huge], CartType(totes=8, max_volume=25.0), GEOMETRY)

    assert plan.split_orders == ("huge",)
    parts = [c for c in plan.carts if c.split_of == "huge"]
    assert [c.part for c in parts] == [(1, 2), (2, 2)]
    assert sorted(k for c in parts for k in c.route) == [("huge", i) for i in range(4)]
    assert plan.tote_of("huge") is None


def test_complete_bikes_never_share_a_cart_with_parts():
    orders = [order(f"P{i}", 0, ((1, 5.0 + i),)) for i in range(3)]
    orders += [order(f"B{i}", 0, ((1, 6.0 + i),), bike=True) for i in range(3)]
    plan = plan_batches(orders, CartType(totes=8), GEOMETRY)

    flows = {c.flow: set(c.orders) for c in plan.carts}
    assert flows == {PARTS: {"P0", "P1", "P2"}, BIKES: {"B0", "B1", "B2"}}


def test_route_lists_every_line_once_in_walking_order():
    orders = [order(1, 0, ((3, 15.0), (0, 2.0))), order(2, 0, ((1, 10.0),))]
    plan = plan_batches(orders, CartType(totes=2), GEOMETRY)

    assert [c.route for c in plan.carts] == [((1, 1), (2, 0), (1, 0))]


def test_lines_of_one_bin_are_consecutive_when_bins_share_a_point():
    # Bays 1 and 2 face each other: one point, two bins, lines given interleaved.
    bins = ["A-01-02-1-1", "A-01-01-1-1", "A-01-02-1-1", "A-01-01-1-1"]
    lines = tuple(
        OrderLine(("o", i), (1, 1.5), bin=name) for i, name in enumerate(bins)
    )
    far = OrderLine(("o", 9), (4, 12.0), bin="A-05-21-1-1")
    plan = plan_batches([Order("o", 0, (*lines, far))], CartType(totes=1), GEOMETRY)

    route = plan.carts[0].route
    assert route.index(("o", 9)) in (0, 4)
    assert [key for key in route if key != ("o", 9)] == [
        ("o", 1),
        ("o", 3),
        ("o", 0),
        ("o", 2),
    ]


def test_batching_walks_less_than_first_come_first_served():
    # Arrival order alternates between the left and the right of the floor.
    left = [order(f"L{i}", 0, ((i % 2, 4.0 + 3 * i),)) for i in range(4)]
    right = [order(f"R{i}", 0, ((8 + i % 2, 4.0 + 3 * i),)) for i in range(4)]
    arrivals = [o for pair in zip(left, right) for o in pair]
    cart = CartType(totes=4)

    ours = plan_batches(arrivals, cart, GEOMETRY)
    fcfs = fcfs_batches(arrivals, cart, GEOMETRY)

    assert {frozenset(c.orders) for c in ours.carts} == {
        frozenset(o.id for o in left),
        frozenset(o.id for o in right),
    }
    assert ours.length < 0.75 * fcfs.length


def test_plan_is_deterministic():
    orders = [order(i, i % 3, ((i * 7 % 10, 1.0 + i * 13 % 20),)) for i in range(30)]
    plans = [plan_batches(orders, CartType(totes=4), GEOMETRY) for _ in range(2)]
    assert plans[0] == plans[1]


def test_duplicate_order_ids_are_refused():
    with pytest.raises(ValueError, match="own id"):
        plan_batches([order(1), order(1)], CartType(totes=2), GEOMETRY)


def test_local_search_keeps_the_cutoff_rule_on_mixed_ranks():
    # Ranks interleaved with positions, so distance pulls against urgency.
    orders = [
        order(i, i % 3, ((i * 7 % 10, 1.0 + i * 13 % 20),), volume=1.0 + i % 4)
        for i in range(40)
    ]
    plan = plan_batches(orders, CartType(totes=3, max_volume=8.0), GEOMETRY)

    rank = {o.id: o.due_rank for o in orders}
    spans = [
        (min(rank[i] for i in c.orders), max(rank[i] for i in c.orders))
        for c in plan.carts
    ]
    for first, second in itertools.pairwise(spans):
        assert first[1] <= second[0]
    assert sorted(i for c in plan.carts for i in c.orders) == list(range(40))
