"""Options of ``odoo replay_day``, checked before anything runs.

Each bad value gets a one-line message saying what to give instead, so the
command can stop before it loads a database or replays a single order.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from .model import DayParams

REPORT_FILES = ("replay_report.txt", "replay_report.html", "replay_results.json")
COUNTS = (
    # option, attribute, smallest value
    ("--seed", "seed", 0),
    ("--lines", "lines", 1),
    ("--receipts", "receipts", 0),
    ("--bikes", "bikes", 0),
    ("--tickets", "tickets", 0),
    ("--kiosk-orders", "kiosk_orders", 0),
)


class OptionError(ValueError):
    """A command-line value the replay cannot use; ``str()`` is the message."""


@dataclass(frozen=True)
class ReplayOptions:
    params: DayParams
    day: date | None
    data: Path | None
    report_dir: Path
    dry_run: bool = False


def check_options(values):
    """``values``: the raw strings by attribute name (``None`` when not given).

    Returns :class:`ReplayOptions`; raises :class:`OptionError` on the first
    bad value.
    """
    defaults = DayParams()
    counts = {}
    for option, name, smallest in COUNTS:
        raw = values.get(name)
        counts[name] = (
            getattr(defaults, name)
            if raw is None
            else _check_count(option, raw, smallest)
        )
    return ReplayOptions(
        params=DayParams(**counts),
        day=_check_day(values.get("day")),
        data=_check_data(values.get("data")),
        report_dir=check_report_dir(values.get("report_dir") or "."),
        dry_run=bool(values.get("dry_run")),
    )


def _check_count(option, raw, smallest):
    try:
        value = int(str(raw).strip())
    except ValueError:
        raise OptionError(
            f"{option} takes a whole number, not {raw!r} (e.g. {option} 200)."
        ) from None
    if value < smallest:
        raise OptionError(f"{option} must be at least {smallest}, not {value}.")
    return value


def _check_day(raw):
    if raw is None:
        return None
    try:
        return date.fromisoformat(str(raw).strip())
    except ValueError:
        raise OptionError(
            f"--day takes a real date as YYYY-MM-DD, not {raw!r} (e.g. 2026-12-01)."
        ) from None


def _check_data(raw):
    if raw is None:
        return None
    path = Path(raw).expanduser()
    if not path.is_dir():
        raise OptionError(
            f"--data {raw!r} is not a folder: give the folder holding the "
            "AdventureWorks CSV files, or leave --data out for the demo's copy."
        )
    return path


def check_report_dir(raw):
    """The report folder if it exists and is writable, or can be created."""
    path = Path(raw).expanduser()
    if path.exists():
        if not path.is_dir():
            raise OptionError(
                f"--report-dir {raw!r} is a file, not a folder: give a folder "
                "(it is created if missing)."
            )
        for name in REPORT_FILES:
            if (path / name).is_dir():
                raise OptionError(
                    f"--report-dir {raw!r} holds a folder named {name}: the report "
                    "file cannot be written there; give another folder."
                )
        if not os.access(path, os.W_OK | os.X_OK):
            raise OptionError(f"--report-dir {raw!r} is not writable by this user.")
        _probe_writable(raw, path, path)
        return path
    parent = path.absolute().parent
    while not parent.exists():
        parent = parent.parent
    if not parent.is_dir():
        raise OptionError(
            f"--report-dir {raw!r} cannot be created: {parent} is a file."
        )
    if not os.access(parent, os.W_OK | os.X_OK):
        raise OptionError(
            f"--report-dir {raw!r} cannot be created: {parent} is not writable "
            "by this user."
        )
    _probe_writable(raw, parent, path)
    return path


def _probe_writable(raw, folder, target):
    """Write and remove a file in ``folder``: access rights say yes to root
    everywhere, even where nothing can be written (/proc, a read-only mount)."""
    try:
        with tempfile.TemporaryFile(dir=folder):
            pass
    except OSError as error:
        where = "" if folder == target else f" in {folder}"
        raise OptionError(
            f"--report-dir {raw!r} cannot be written{where} "
            f"({error.strerror or error}): give another folder."
        ) from None
