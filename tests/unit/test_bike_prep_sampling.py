import pytest
from alltricks_bike_prep.sampling import (
    FAILED,
    PASSED,
    PENDING,
    is_check_due,
    is_tightened,
)


def simulate(count, failing_bikes, every=5, streak=3):
    """Checked bike numbers of one mechanic preparing ``count`` bikes in a row."""
    results, checked = [], []
    for number in range(1, count + 1):
        if is_check_due(number, results, every, streak):
            checked.append(number)
            results.append(FAILED if number in failing_bikes else PASSED)
    return checked


def test_thirty_bikes_one_failure_tightens_for_three_passes():
    assert simulate(30, {10}) == [5, 10, 11, 12, 13, 15, 20, 25, 30]


def test_thirty_bikes_without_failure_checks_every_fifth():
    assert simulate(30, set()) == [5, 10, 15, 20, 25, 30]


def test_failure_during_tightened_inspection_restarts_the_streak():
    assert simulate(30, {10, 12}) == [5, 10, 11, 12, 13, 14, 15, 20, 25, 30]


def test_configurable_every_and_streak():
    assert simulate(30, {8}, every=4, streak=2) == [4, 8, 9, 10, 12, 16, 20, 24, 28]


def test_pending_checks_keep_the_mechanic_under_tightened_inspection():
    assert is_tightened([FAILED, PASSED, PENDING, PASSED], streak=3)
    assert not is_tightened([FAILED, PASSED, PENDING, PASSED, PASSED], streak=3)


def test_no_failure_means_normal_inspection():
    assert not is_tightened([PASSED, PENDING], streak=3)
    assert not is_check_due(4, [PASSED], every=5)


def test_bike_numbers_start_at_one():
    with pytest.raises(ValueError):
        is_check_due(0, [], every=5)
