"""Manual bin overrides, state audits and ABC velocity classes."""

from dataclasses import replace
from types import SimpleNamespace

import pytest
from alltricks_slotting.putaway import (
    BinContent,
    IncomingLine,
    PutawayEngine,
    PutawaySettings,
    audit_state,
    bin_from_spec,
    family_keys,
    velocity_classes,
    velocity_level,
)
from alltricks_slotting.putaway.synthetic import ZoneShape, grid_bins

SHELF = ZoneShape("A", 1, 1, 1, 40, 40, 30, 30, max_units=50)
BULKY = ZoneShape("R", 1, 1, 1, 100, 120, 110, 300, rack_type="bulky")


def make_line(product_id=1, qty=5, size=10.0, weight=0.5, **values):
    values.setdefault("template_id", product_id)
    return IncomingLine(product_id, qty, size, size, size, weight, **values)


def layout(stock=None):
    """Bays 1-3 of the left side of a shelf aisle, then a bulky rack; ``stock``
    maps a bin position in that list to its contents."""
    shelf = [b for b in grid_bins((SHELF,), bays=3) if b.side == "left"]
    bins = [*shelf, *grid_bins((BULKY,), bays=1, first_id=100)[:1]]
    for position, contents in (stock or {}).items():
        bins[position] = replace(bins[position], contents=tuple(contents))
    return bins


def rules_broken(bins, line, position, qty=None, settings=None):
    engine = PutawayEngine(bins, settings)
    return [v.rule for v in engine.check_override(line, bins[position].id, qty)]


def test_allowed_override_breaks_no_rule():
    assert rules_broken(layout(), make_line(), 0) == []


def test_override_to_unknown_bin_is_reported():
    engine = PutawayEngine(layout())

    violations = engine.check_override(make_line(), 999)

    assert [(v.rule, v.message) for v in violations] == [
        ("unknown_bin", "It is not a bin of this layout.")
    ]


def test_override_catches_rack_type_both_ways():
    bulky_line = make_line(bulky=True)

    assert rules_broken(layout(), bulky_line, 0) == ["rack_type"]
    assert rules_broken(layout(), make_line(), 3) == ["rack_type"]


def test_override_catches_unit_too_large_for_the_bin():
    long_line = IncomingLine(1, 1, 45, 10, 10, 1.0, template_id=1)

    # a single unit is never refused by volume alone: the box is the limit
    assert rules_broken(layout(), long_line, 0) == ["dimensions"]


def test_override_catches_volume_weight_and_unit_limits():
    bins = layout()

    assert rules_broken(bins, make_line(qty=41), 0) == ["volume"]
    assert rules_broken(bins, make_line(qty=5, weight=7), 0) == ["weight"]
    assert rules_broken(bins, make_line(qty=60, size=5), 0) == ["units"]


def test_override_counts_what_the_bin_already_holds():
    held = BinContent(1, 35, family_keys(1), None, 1000, 0.5)
    bins = layout({0: [held]})

    assert rules_broken(bins, make_line(qty=5), 0) == []
    assert rules_broken(bins, make_line(qty=6), 0) == ["volume"]


def test_override_catches_mixing_unless_allowed():
    other = BinContent(2, 1, family_keys(2), None, 1000, 0.5)
    bins = layout({0: [other]})

    assert rules_broken(bins, make_line(), 0) == ["mixing"]
    assert (
        rules_broken(bins, make_line(), 0, None, PutawaySettings(allow_mixing=True))
        == []
    )


def test_override_catches_look_alike_in_the_next_bay():
    size = BinContent(2, 1, family_keys(1), None, 1000, 0.5)
    bins = layout({0: [size]})
    engine = PutawayEngine(bins)

    violations = engine.check_override(make_line(template_id=1), bins[1].id)

    assert [v.rule for v in violations] == ["separation"]
    assert violations[0].message == (
        f"Look-alike products are too close, in {bins[0].name}."
    )
    assert violations[0].product_ids == (2,)
    assert rules_broken(bins, make_line(template_id=1), 2) == []


def test_override_allows_the_same_product_next_door():
    same = BinContent(1, 1, family_keys(1), None, 1000, 0.5)

    assert rules_broken(layout({1: [same]}), make_line(), 0) == []


def test_audit_reports_over_capacity_and_mixed_bins():
    too_many = BinContent(1, 60, family_keys(1), None, 125, 0.1)
    too_heavy = BinContent(2, 10, family_keys(2), None, 1000, 4.0)
    other = BinContent(3, 1, family_keys(3), None, 1000, 0.1)
    bins = layout({0: [too_many], 2: [too_heavy, other]})

    report = audit_state(bins)

    assert [(v.bin_id, v.rule) for v in report.capacity] == [
        (bins[0].id, "units"),
        (bins[2].id, "weight"),
    ]
    assert [v.bin_id for v in report.mixing] == [bins[2].id]
    assert report.separation == ()


def test_engine_audit_of_a_clean_state_is_ok():
    assert PutawayEngine(layout()).audit().ok


def test_abc_classes_follow_the_shares_of_products():
    sales = {pid: 100 - pid for pid in range(1, 11)}

    classes = velocity_classes(sales)

    assert [classes[pid] for pid in range(1, 11)] == list("AABBBCCCCC")


def test_abc_ties_and_products_without_sales():
    classes = velocity_classes({3: 5.0, 1: 5.0, 2: 0.0, 4: 0.0}, 0.5, 0.5)

    assert classes == {1: "A", 3: "A", 2: "C", 4: "C"}


def test_abc_refuses_shares_over_one():
    with pytest.raises(ValueError, match="add up to at most 1"):
        velocity_classes({1: 1.0}, a_share=0.8, b_share=0.3)


def test_velocity_levels_of_classes_and_numbers():
    levels = {"A": 1.0, "B": 0.5, "C": 0.15}

    assert velocity_level("b", levels) == 0.5
    assert velocity_level(0.74, levels) == 0.7
    assert velocity_level(30, levels, reference=20) == 1.0
    with pytest.raises(ValueError, match="Unknown velocity class 'D'"):
        velocity_level("D", levels)


def test_bin_from_layout_spec_uses_the_bay_rank_on_its_side():
    spec = SimpleNamespace(
        name="A-01-12-2-1",
        zone="A",
        rack_type="shelf",
        aisle_index=0,
        side="right",
        depth_index=6,
        level=2,
        position=1,
        x=1.5,
        y=6.5,
        z=0.5,
        width_cm=33.3,
        depth_cm=40.0,
        height_cm=35.0,
        max_weight_kg=30.0,
        capacity_units=0,
    )

    bin_ = bin_from_spec(spec, 7, walk_m=8.0)

    assert (bin_.id, bin_.aisle, bin_.bay, bin_.max_units) == (7, 0, 6, None)
    assert PutawayEngine([bin_]).plan([make_line()])[0].placed_qty == 5


def test_mixing_names_the_products_held_and_counts_units_in_words():
    held = BinContent(7, 39, family_keys(7), None, 1000, 0.5)
    bins = layout({0: [held]})
    engine = PutawayEngine(bins)

    mixing, *capacity = engine.check_override(make_line(qty=2), bins[0].id)

    assert (mixing.rule, mixing.product_ids) == ("mixing", (7,))
    assert mixing.message == f"{bins[0].name} already holds another product."
    assert [v.message for v in capacity] == [
        f"{bins[0].name} takes only 1 more unit by volume."
    ]
