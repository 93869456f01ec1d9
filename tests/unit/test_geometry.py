"""Walking distances of the parallel-aisle warehouse geometry."""

import pytest
from alltricks_slotting.layout.geometry import Depot, Location, WarehouseGeometry

FRONT_DEPOT = Depot(0, 0.0)


def _one_block(depot=FRONT_DEPOT):
    return WarehouseGeometry((0.0, 3.0, 6.0, 10.0), (0.0, 12.0), depot)


def test_same_aisle_walks_straight():
    geometry = _one_block()
    assert geometry.distance((1, 2.0), (1, 9.5)) == 7.5
    assert geometry.distance(Location(2, 4.0), (2, 4.0)) == 0.0


def test_other_aisle_leaves_by_the_nearer_cross_aisle():
    geometry = _one_block()
    # front: 2 + 3 = 5 up and down, 3 across
    assert geometry.distance((0, 2.0), (1, 3.0)) == 8.0
    # back: 1 + 2 = 3 up and down, 7 across (spacing varies: x 3 -> 10)
    assert geometry.distance((1, 11.0), (3, 10.0)) == 10.0
    # front and back tie: 6 + 6 either way
    assert geometry.distance((0, 6.0), (2, 6.0)) == 18.0


def test_middle_cross_aisle_shortens_the_way_across():
    geometry = WarehouseGeometry.uniform(3, 3.0, 12.0, middle_cross_aisles=(6.0,))
    assert geometry.distance((0, 5.0), (2, 7.0)) == 6.0 + 2.0
    assert geometry.distance((0, 1.0), (2, 2.0)) == 6.0 + 3.0
    assert geometry.num_blocks == 2
    assert geometry.aisle_length == 12.0


def test_distance_is_symmetric_and_matches_the_sprp_formula():
    cells, geometry = 30, WarehouseGeometry.uniform(10, 3.0, 31.0)
    for a1, c1, a2, c2 in [(0, 0, 9, 29), (4, 12, 5, 13), (7, 3, 2, 3), (3, 20, 3, 1)]:
        y1, y2 = 1.0 + c1, 1.0 + c2
        if a1 == a2:
            expected = abs(y1 - y2)
        else:
            expected = 3 * abs(a1 - a2) + min(y1 + y2, 2 * (cells + 1) - y1 - y2)
        assert geometry.distance((a1, y1), (a2, y2)) == expected
        assert geometry.distance((a2, y2), (a1, y1)) == expected


def test_depot_distance_counts_the_offset_once():
    geometry = _one_block(Depot(3, 12.0, offset=2.5))
    assert geometry.depot.location == (3, 12.0)
    assert geometry.depot_distance((3, 12.0)) == 2.5
    assert geometry.depot_distance((1, 8.0)) == 2.5 + 7.0 + 4.0


def test_uniform_puts_the_depot_at_the_back_when_asked():
    geometry = WarehouseGeometry.uniform(
        4, 2.5, 20.0, depot_aisle=2, depot_at_back=True, depot_offset=1.0
    )
    assert geometry.aisle_x == (0.0, 2.5, 5.0, 7.5)
    assert geometry.cross_aisle_y == (0.0, 20.0)
    assert geometry.depot == Depot(2, 20.0, 1.0)
    assert geometry.num_aisles == 4


@pytest.mark.parametrize(
    ("aisle_x", "cross_y", "depot"),
    [
        ((), (0.0, 10.0), Depot(0, 0.0)),
        ((0.0, 3.0, 3.0), (0.0, 10.0), Depot(0, 0.0)),
        ((0.0, 3.0), (1.0, 10.0), Depot(0, 1.0)),
        ((0.0, 3.0), (0.0,), Depot(0, 0.0)),
        ((0.0, 3.0), (0.0, 6.0, 4.0), Depot(0, 0.0)),
        ((0.0, 3.0), (0.0, 10.0), Depot(2, 0.0)),
        ((0.0, 3.0), (0.0, 10.0), Depot(0, 5.0)),
        ((0.0, 3.0), (0.0, 10.0), Depot(0, 0.0, -1.0)),
    ],
)
def test_inconsistent_layouts_are_refused(aisle_x, cross_y, depot):
    with pytest.raises(ValueError):
        WarehouseGeometry(aisle_x, cross_y, depot)


def test_check_location_refuses_points_off_the_floor():
    geometry = _one_block()
    assert geometry.check_location((2, 12)) == Location(2, 12.0)
    for bad in [(4, 1.0), (-1, 1.0), (1, -0.5), (1, 12.5), (1.5, 3.0)]:
        with pytest.raises(ValueError):
            geometry.check_location(bad)
