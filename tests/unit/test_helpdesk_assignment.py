from alltricks_helpdesk.support.assignment import Candidate, pick_least_loaded


def test_least_loaded_expert_wins():
    candidates = [Candidate(1, 5, 10), Candidate(2, 2, 10), Candidate(3, 4, 10)]
    assert pick_least_loaded(candidates) == 2


def test_tie_goes_to_first_in_order():
    candidates = [Candidate(7, 3, 10), Candidate(4, 3, 10)]
    assert pick_least_loaded(candidates) == 7


def test_unavailable_and_full_experts_are_skipped():
    candidates = [
        Candidate(1, 0, 10, available=False),
        Candidate(2, 10, 10),
        Candidate(3, 9, 10),
    ]
    assert pick_least_loaded(candidates) == 3


def test_zero_max_load_means_unlimited():
    assert pick_least_loaded([Candidate(1, 250, 0)]) == 1


def test_nobody_with_room_gives_none():
    candidates = [Candidate(1, 3, 3), Candidate(2, 0, 5, available=False)]
    assert pick_least_loaded(candidates) is None
    assert pick_least_loaded([]) is None
