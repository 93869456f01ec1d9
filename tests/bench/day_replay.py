"""A day at Maurepas: the full-day replay as a benchmark, with its targets.

Usage, from the repository root, with a demo database already built
(``odoo -d replay_demo --with-demo -i alltricks_replay ...``)::

    python tests/bench/day_replay.py --template replay_demo [--seed 42]
        [--lines 2000] [--report-dir /tmp/replay] [--keep]

It copies the template database (a day replays once per database), runs
``odoo replay_day`` on the copy, reads ``replay_results.json`` and checks the
targets: the whole day under 15 minutes, metres per picked line at least 50 %
below single-order tours in bin-name order, every invariant at 0. The copy is
dropped at the end unless ``--keep``. Exit status 1 when a target is missed.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

import bench_common  # noqa: F401 (first: makes the addons' pure packages importable)
from alltricks_replay.dayplan import summarize

REPO = Path(__file__).resolve().parents[2]
MAX_SECONDS = 15 * 60
MIN_SAVING = 0.5


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--template", required=True, help="demo database to copy")
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--lines", type=int, default=2000)
    parser.add_argument("--report-dir", type=Path, default=Path("/tmp/replay"))
    parser.add_argument("--data-dir", default=None, help="Odoo data dir")
    parser.add_argument("--keep", action="store_true", help="keep the copy")
    args = parser.parse_args(argv)
    copy = f"{args.template}_day_{args.seed}"
    subprocess.run(["dropdb", "--if-exists", copy], check=True)
    subprocess.run(["createdb", "-T", args.template, copy], check=True)
    addons = f"--addons-path={REPO / 'addons'},{REPO / '.oca' / 'odoo' / 'addons'}"
    command = [
        "odoo",
        addons,
        "replay_day",
        "-d",
        copy,
        "--seed",
        str(args.seed),
        "--lines",
        str(args.lines),
        "--report-dir",
        str(args.report_dir),
    ]
    if args.data_dir:
        command.append(f"--data-dir={args.data_dir}")
    started = time.perf_counter()
    try:
        done = subprocess.run(command, check=False)
    finally:
        elapsed = time.perf_counter() - started
        if not args.keep:
            subprocess.run(["dropdb", "--if-exists", copy], check=False)
    if done.returncode not in (0, 1):
        print(
            f"replay_day stopped with status {done.returncode}: see its message above"
        )
        return done.returncode
    results = json.loads((args.report_dir / "replay_results.json").read_text())
    figures = summarize(results)
    saving = figures["saving_vs_single_name_order"]
    checks = [
        (
            f"whole day {elapsed:.0f} s (target < {MAX_SECONDS} s)",
            elapsed < MAX_SECONDS,
        ),
        (
            f"metres per line {figures['metres_per_line']} vs "
            f"{figures['metres_per_line_single_name_order']} single-order name "
            f"order: saving {saving:.1%} (target >= {MIN_SAVING:.0%})",
            saving >= MIN_SAVING,
        ),
        (f"invariants {figures['invariants']}", figures["invariants_ok"]),
    ]
    for label, ok in checks:
        print(f"{'OK  ' if ok else 'MISS'} {label}")
    return 0 if all(ok for _label, ok in checks) else 1


if __name__ == "__main__":
    sys.exit(main())
