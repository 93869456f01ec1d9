"""A simulated working day at Maurepas, in plain Python (no Odoo import).

:func:`plan_day` draws the day from real AdventureWorks orders,
:mod:`.clock` schedules workers on a simulated clock, :func:`summarize` turns
what the replay measured into figures and :mod:`.report` prints them;
:func:`write_subset` cuts a small AdventureWorks data set for tests.
"""

from .clock import WorkerPool, clock_label, to_utc
from .model import (
    KIOSK,
    SHORT_PICK,
    WEB,
    WRONG_PACK,
    WRONG_PICK,
    DayParams,
    DayPlan,
    PlannedOrder,
    PlannedReceipt,
    PlannedTicket,
    ScanFault,
    SourceOrder,
)
from .options import OptionError, ReplayOptions, check_options
from .planner import plan_day
from .report import render_html, render_text
from .stats import INVARIANTS, percentile, summarize
from .subset import write_subset

__all__ = [
    "INVARIANTS",
    "KIOSK",
    "SHORT_PICK",
    "WEB",
    "WRONG_PACK",
    "WRONG_PICK",
    "DayParams",
    "DayPlan",
    "OptionError",
    "PlannedOrder",
    "PlannedReceipt",
    "PlannedTicket",
    "ReplayOptions",
    "ScanFault",
    "SourceOrder",
    "WorkerPool",
    "check_options",
    "clock_label",
    "percentile",
    "plan_day",
    "render_html",
    "render_text",
    "summarize",
    "to_utc",
    "write_subset",
]
