from datetime import datetime, timedelta

from alltricks_helpdesk.support.deadline import first_answer_deadline


def office_week(first_monday, weeks=2, days=5, morning=(9, 12), afternoon=(13, 17)):
    """Mon-Fri 9-12 and 13-17 (7 working hours a day), like a default calendar."""
    intervals = []
    for week in range(weeks):
        for day in range(days):
            date = first_monday + timedelta(days=7 * week + day)
            for start, end in (morning, afternoon):
                intervals.append((date.replace(hour=start), date.replace(hour=end)))
    return intervals


MONDAY = datetime(2026, 11, 30)
INTERVALS = office_week(MONDAY)


def test_before_cutoff_is_due_end_of_same_day():
    received = MONDAY.replace(hour=15, minute=59)
    assert first_answer_deadline(received, INTERVALS) == MONDAY.replace(hour=17)


def test_at_cutoff_is_due_after_24_working_hours():
    received = MONDAY.replace(hour=16)
    # Monday 1h, Tue 7h, Wed 7h, Thu 7h = 22h, Friday 2h more: 11:00.
    expected = datetime(2026, 12, 4, 11, 0)
    assert first_answer_deadline(received, INTERVALS) == expected


def test_custom_cutoff_hour_half_past():
    received = MONDAY.replace(hour=16, minute=15)
    assert first_answer_deadline(received, INTERVALS, cutoff_hour=16.5) == (
        MONDAY.replace(hour=17)
    )


def test_early_morning_ticket_is_due_same_evening():
    received = MONDAY.replace(hour=7, minute=30)
    assert first_answer_deadline(received, INTERVALS) == MONDAY.replace(hour=17)


def test_saturday_ticket_counts_from_monday_opening():
    saturday = datetime(2026, 12, 5, 10, 0)
    # No same-day rule on a non-working day: 24h from Mon 7 Dec 9:00.
    # Mon 7h, Tue 7h, Wed 7h = 21h, Thursday 3h: 12:00 (morning ends there).
    expected = datetime(2026, 12, 10, 12, 0)
    assert first_answer_deadline(saturday, INTERVALS) == expected


def test_friday_evening_spans_the_weekend():
    friday = datetime(2026, 12, 4, 18, 0)
    assert first_answer_deadline(friday, INTERVALS) == datetime(2026, 12, 10, 12, 0)


def test_custom_calendar_with_short_friday():
    # A team working 8-20 Monday to Thursday and 8-12 on Friday.
    intervals = []
    for day in range(11):
        date = MONDAY + timedelta(days=day)
        if date.weekday() < 4:
            intervals.append((date.replace(hour=8), date.replace(hour=20)))
        elif date.weekday() == 4:
            intervals.append((date.replace(hour=8), date.replace(hour=12)))
    friday_afternoon = datetime(2026, 12, 4, 14, 0)
    # Before the cut-off but Friday's work is over: 24h rule, Mon 12h + Tue 12h.
    assert first_answer_deadline(friday_afternoon, intervals) == datetime(
        2026, 12, 8, 20, 0
    )
    thursday_noon = datetime(2026, 12, 3, 12, 0)
    assert first_answer_deadline(thursday_noon, intervals) == datetime(
        2026, 12, 3, 20, 0
    )


def test_public_holiday_removed_from_intervals_is_skipped():
    tuesday = MONDAY + timedelta(days=1)
    intervals = [iv for iv in INTERVALS if iv[0].date() != tuesday.date()]
    received = MONDAY.replace(hour=16, minute=30)
    # Mon 0.5h, Wed 7h, Thu 7h, Fri 7h = 21.5h, next Mon 2.5h: 11:30.
    assert first_answer_deadline(received, intervals) == datetime(2026, 12, 7, 11, 30)


def test_too_short_intervals_give_no_deadline():
    received = MONDAY.replace(hour=16)
    assert first_answer_deadline(received, INTERVALS[:4]) is None
