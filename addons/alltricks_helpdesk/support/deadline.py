"""First-answer deadline of a support ticket.

Two rules, in this order:

1. Same day: a ticket received on a working day before the team's cut-off hour
   (16:00 by default), while working time is left that day, must be answered by
   the end of that day's working time.
2. Otherwise: within ``hours`` working hours (24 by default) counted from the
   reception, through the team's working intervals.

Everything is expressed in the team's local time as naive datetimes; the caller
converts from and to UTC. Working intervals are passed in, sorted and
non-overlapping, so the function works with any calendar (and its leaves) and
is tested without a database. Linear in the number of intervals.
"""

from datetime import timedelta


def _day_end(received, intervals):
    """End of the working time of the reception day still ahead, or None."""
    ends = [
        end
        for start, end in intervals
        if start.date() == received.date() and end > received
    ]
    return max(ends) if ends else None


def _add_working_hours(received, hours, intervals):
    remaining = timedelta(hours=hours)
    for start, end in intervals:
        if end <= received:
            continue
        begin = max(start, received)
        span = end - begin
        if span >= remaining:
            return begin + remaining
        remaining -= span
    return None


def first_answer_deadline(received, intervals, cutoff_hour=16.0, hours=24.0):
    """Return the deadline (naive local datetime) of the first answer.

    :param received: naive local datetime the ticket arrived
    :param intervals: sorted ``(start, end)`` naive local working intervals,
        covering at least the ``hours`` that follow ``received``
    :param cutoff_hour: hour of day (16.5 is 16:30) before which the answer is
        due the same day
    :param hours: working hours allowed after the cut-off
    :return: the deadline, or None when the intervals are too short to hold it
    """
    cutoff = received.replace(hour=0, minute=0, second=0, microsecond=0)
    cutoff += timedelta(hours=cutoff_hour)
    if received < cutoff:
        day_end = _day_end(received, intervals)
        if day_end:
            return day_end
    return _add_working_hours(received, hours, intervals)
