"""The simulated clock: who works when, and how long a task takes.

Durations are the replay's assumptions (walking speed, seconds per scan), not
measurements; they turn routes and scans into times of the day. A
:class:`WorkerPool` gives each task to the worker free first (ties: the first
worker), so the schedule depends on nothing but the order of the tasks.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

WALK_M_PER_MIN = 60.0  # 1 m/s with a cart
PICK_MIN_PER_LINE = 0.4  # find the bin, scan it, scan the tote
PICK_MIN_PER_UNIT = 0.1
PACK_MIN_PER_ORDER = 1.0
PACK_MIN_PER_UNIT = 0.15
UNLOAD_MIN_PER_RECEIPT = 10.0
RECEIVE_MIN_PER_LINE = 1.0
PUTAWAY_MIN_PER_LINE = 1.5
QC_MINUTES = 15.0
SCAN_ERROR_MIN = 0.3  # a refused scan: read the message, take the right item


def pick_minutes(route_m: float, lines: int, units: float) -> float:
    return (
        route_m / WALK_M_PER_MIN
        + lines * PICK_MIN_PER_LINE
        + units * (PICK_MIN_PER_UNIT)
    )


def pack_minutes(units: float) -> float:
    return PACK_MIN_PER_ORDER + units * PACK_MIN_PER_UNIT


def receipt_minutes(lines: int) -> tuple[float, float]:
    """(unload and receive, put away) minutes of a receipt of ``lines`` lines."""
    return (
        UNLOAD_MIN_PER_RECEIPT + lines * RECEIVE_MIN_PER_LINE,
        lines * PUTAWAY_MIN_PER_LINE,
    )


@dataclass
class Assignment:
    worker: str
    start: float
    end: float


class WorkerPool:
    """Workers of one role, each free from ``start`` (minutes)."""

    def __init__(self, names, start: float = 0.0):
        if not names:
            raise ValueError("A pool needs at least one worker.")
        self.names = list(names)
        self.free_at = dict.fromkeys(self.names, float(start))
        self.busy = dict.fromkeys(self.names, 0.0)

    def assign(self, ready: float, minutes: float, worker: str | None = None):
        """Give a task ready at ``ready`` to ``worker`` or the first one free."""
        if worker is None:
            worker = min(
                self.names, key=lambda n: (self.free_at[n], self.names.index(n))
            )
        start = max(ready, self.free_at[worker])
        end = start + minutes
        self.free_at[worker] = end
        self.busy[worker] += minutes
        return Assignment(worker, start, end)


def clock_label(minute: float) -> str:
    """``HH:MM`` of a simulated minute (past midnight: ``+1 HH:MM``)."""
    minute = round(minute)
    days, minute = divmod(minute, 24 * 60)
    label = f"{minute // 60:02d}:{minute % 60:02d}"
    return f"+{days} {label}" if days else label


def to_utc(day: date, minute: float, tz: str = "Europe/Paris") -> datetime:
    """Naive UTC datetime of a simulated minute of ``day`` in ``tz``."""
    local = datetime.combine(day, time.min, ZoneInfo(tz)) + timedelta(minutes=minute)
    # recombine so the offset is the one of that moment (DST)
    local = local.replace(tzinfo=None).replace(tzinfo=ZoneInfo(tz))
    return local.astimezone(ZoneInfo("UTC")).replace(tzinfo=None)
