"""The picker router returns shortest tours, and walks them in the order it gives.

Random small layouts are checked against brute force over all visiting orders;
five SPRP instances against their published optima (tests/data/sprp/README.md).
"""

import importlib.util
import itertools
import random
from pathlib import Path

import pytest
from alltricks_picking.routing import router, shortest_tour, walked_length
from alltricks_picking.routing.euler import euler_circuit
from alltricks_slotting.layout.geometry import Depot, WarehouseGeometry

try:
    from hypothesis import given, settings
    from hypothesis import strategies as st
except ImportError:  # seeded random cases instead
    given = None

TESTS = Path(__file__).resolve().parent.parent
SPRP_DATA = TESTS / "data" / "sprp"
# Published optima (single block, two blocks), as in tests/data/sprp/index.csv.
SPRP_OPTIMA = {
    "unit_F1_m10_C30_a7_0.txt": (150, 124),
    "unit_F1_m10_C30_a7_4.txt": (152, 134),
    "unit_F1_m10_C30_a7_22.txt": (158, 130),
    "unit_F1_m10_C30_a15_0.txt": (244, 204),
    "unit_F1_m25_C30_a7_0.txt": (266, 204),
}


def random_case(integer, blocks):
    """A small layout and 1-7 points; ``integer(lo, hi)`` draws the numbers.

    Depths are on a half-metre grid, so points fall on cross aisles and share
    locations now and then.
    """
    aisle_x = list(itertools.accumulate(integer(1, 4) for _ in range(integer(2, 6))))
    cross_y = [0.0, *itertools.accumulate(float(integer(1, 5)) for _ in range(blocks))]
    depot_y = cross_y[-1] if integer(0, 1) else 0.0
    depot = Depot(integer(0, len(aisle_x) - 1), depot_y, float(integer(0, 2)))
    geometry = WarehouseGeometry(aisle_x, cross_y, depot)
    depth_steps = int(2 * cross_y[-1])
    points = [
        (integer(0, len(aisle_x) - 1), integer(0, depth_steps) / 2)
        for _ in range(integer(1, 7))
    ]
    return geometry, points


def brute_force(geometry, points):
    """Shortest tour length over every order of the distinct locations."""
    home = geometry.depot.location
    spots = sorted(set(points) - {home})
    best = 0.0
    if spots:
        best = min(
            geometry.distance(home, order[0])
            + sum(geometry.distance(a, b) for a, b in itertools.pairwise(order))
            + geometry.distance(order[-1], home)
            for order in itertools.permutations(spots)
        )
    return best + 2 * geometry.depot.offset if points else 0.0


def assert_shortest_walkable_tour(geometry, points, method):
    tour = shortest_tour(geometry, points)
    assert tour.length == pytest.approx(brute_force(geometry, points))
    assert sorted(tour.order) == list(range(len(points)))
    assert walked_length(geometry, points, tour.order) == pytest.approx(tour.length)
    assert tour.exact
    if set(points) != {geometry.depot.location}:
        assert tour.method == method


def random_property(blocks, examples):
    """Run the decorated check on random cases: hypothesis if installed, else seeds."""

    def decorate(check):
        if given is not None:

            @settings(max_examples=examples, deadline=None)
            @given(st.data())
            def test(data):
                draw = lambda lo, hi: data.draw(st.integers(lo, hi))  # noqa: E731
                check(*random_case(draw, blocks))

        else:

            @pytest.mark.parametrize("seed", range(examples))
            def test(seed):
                check(*random_case(random.Random(seed).randint, blocks))

        test.__doc__ = check.__doc__
        return test

    return decorate


@random_property(blocks=1, examples=150)
def test_one_block_tour_is_shortest_and_walkable(geometry, points):
    """Ratliff-Rosenthal equals brute force; its order walks that length."""
    assert_shortest_walkable_tour(geometry, points, "ratliff-rosenthal")


@random_property(blocks=2, examples=150)
def test_two_block_tour_is_shortest_and_walkable(geometry, points):
    """Roodbergen-de Koster equals brute force; its order walks that length."""
    assert_shortest_walkable_tour(geometry, points, "roodbergen-de-koster")


@random_property(blocks=3, examples=40)
def test_three_block_sweep_is_shortest_and_walkable(geometry, points):
    """The same sweep stays exact with two middle cross aisles."""
    assert_shortest_walkable_tour(geometry, points, "aisle-sweep-3-blocks")


def test_one_aisle_walks_down_and_back():
    geometry = WarehouseGeometry.uniform(1, 3.0, 10.0)
    tour = shortest_tour(geometry, [(0, 7.0), (0, 4.0), (0, 4.0)])
    assert tour.length == 14.0
    assert tour.order == (1, 2, 0)
    assert tour.method == "ratliff-rosenthal"


def test_points_near_the_front_are_picked_without_traversing():
    geometry = WarehouseGeometry.uniform(4, 3.0, 10.0)
    tour = shortest_tour(geometry, [(3, 1.0), (1, 2.0)])
    # 9 m along the front and back, 2 x 2 m into aisle 1, 2 x 1 m into aisle 3
    assert tour.length == 24.0
    assert tour.order == (1, 0)


def test_depot_at_the_back_serves_aisles_from_the_back():
    geometry = WarehouseGeometry.uniform(
        3, 2.0, 10.0, depot_aisle=2, depot_at_back=True
    )
    points = [(0, 9.0), (1, 8.0)]
    tour = shortest_tour(geometry, points)
    assert tour.length == 8.0 + 4.0 + 2.0
    assert walked_length(geometry, points, tour.order) == 14.0


def test_pick_on_the_back_cross_aisle_counts_as_reached_there():
    geometry = WarehouseGeometry.uniform(2, 3.0, 10.0, depot_offset=1.5)
    tour = shortest_tour(geometry, [(1, 10.0)])
    assert tour.length == 2 * (1.5 + 3.0 + 10.0)


def test_middle_cross_aisle_is_used_when_shorter():
    points = [(2, 12.0), (0, 12.0)]
    one_block = WarehouseGeometry.uniform(3, 3.0, 20.0)
    # down aisle 0 to the back, across, up aisle 2, back along the front
    assert shortest_tour(one_block, points).length == 20.0 + 6.0 + 20.0 + 6.0
    geometry = WarehouseGeometry.uniform(3, 3.0, 20.0, middle_cross_aisles=(10.0,))
    tour = shortest_tour(geometry, points)
    # aisle 0 down to 12 and up to the middle, across, 2 m down and up in
    # aisle 2, then up aisle 2 to the front and back along it
    assert tour.length == 12.0 + 2.0 + 6.0 + 4.0 + 10.0 + 6.0
    assert (tour.order, tour.method) == ((1, 0), "roodbergen-de-koster")


def test_empty_list_and_depot_only_lists():
    geometry = WarehouseGeometry.uniform(3, 3.0, 10.0, depot_aisle=1, depot_offset=2.0)
    assert shortest_tour(geometry, []).length == 0.0
    assert shortest_tour(geometry, []).order == ()
    tour = shortest_tour(geometry, [(1, 0.0), (1, 0.0)])
    assert (tour.length, tour.order) == (4.0, (0, 1))


def test_points_off_the_floor_are_refused():
    geometry = WarehouseGeometry.uniform(3, 3.0, 10.0)
    for bad in [(3, 1.0), (-1, 1.0), (0, 10.5), (0, -1.0)]:
        with pytest.raises(ValueError):
            shortest_tour(geometry, [bad])


def test_same_input_gives_the_same_tour():
    rng = random.Random(7)
    geometry = WarehouseGeometry.uniform(30, 3.0, 40.0, (20.0,), depot_aisle=11)
    points = [(rng.randrange(30), rng.randrange(81) / 2) for _ in range(60)]
    assert shortest_tour(geometry, points) == shortest_tour(geometry, list(points))


def test_many_cross_aisles_fall_back_to_held_karp():
    for seed in range(15):
        geometry, points = random_case(random.Random(seed).randint, blocks=5)
        tour = shortest_tour(geometry, points)
        if set(points) == {geometry.depot.location}:
            continue
        assert tour.method == "held-karp"
        assert tour.length == pytest.approx(brute_force(geometry, points))
        assert walked_length(geometry, points, tour.order) == pytest.approx(tour.length)


def test_heuristic_fallback_without_ortools_gives_a_valid_tour(monkeypatch):
    def no_ortools(matrix):
        raise ImportError("ortools")

    monkeypatch.setattr(router, "HELD_KARP_LIMIT", 0)
    monkeypatch.setattr(router, "ortools_tour", no_ortools)
    geometry, points = random_case(random.Random(3).randint, blocks=5)
    tour = shortest_tour(geometry, points)
    assert (tour.method, tour.exact) == ("2-opt (heuristic)", False)
    assert sorted(tour.order) == list(range(len(points)))
    assert walked_length(geometry, points, tour.order) == pytest.approx(tour.length)
    assert tour.length >= brute_force(geometry, points) - 1e-9


def test_euler_circuit_refuses_odd_degrees():
    with pytest.raises(ValueError):
        euler_circuit([("a", "b", 1.0)], "a")
    walk, length = euler_circuit([("a", "b", 1.0), ("b", "a", 1.0)], "a")
    assert (walk, length) == (["a", "b", "a"], 2.0)


def _sprp_bench():
    spec = importlib.util.spec_from_file_location("sprp_bench", TESTS / "bench/sprp.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("two_block", [False, True])
def test_sprp_instances_reach_the_published_optimum(two_block):
    bench = _sprp_bench()
    for name, optima in SPRP_OPTIMA.items():
        assert bench.route_instance(SPRP_DATA / name, two_block) == optima[two_block]


def test_sprp_script_prints_one_line_per_instance_and_a_summary(capsys):
    files = [str(SPRP_DATA / name) for name in SPRP_OPTIMA]
    args = ["--index", str(SPRP_DATA / "index.csv"), "--two-block", *files]
    assert _sprp_bench().main(args) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "unit_F1_m10_C30_a7_0.txt 124 124"
    assert lines[-1] == "n=5 mean_ratio=1.000 max_ratio=1.000"
    assert len(lines) == 6
