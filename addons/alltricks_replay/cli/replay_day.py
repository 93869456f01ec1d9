"""``odoo replay_day``: replay a simulated working day on a demo database.

Loaded by Odoo as ``odoo.cli.replay_day`` (not through the addon's
``__init__``): the addon's code is imported once the registry is loaded.
"""

import json
import logging
import optparse
import sys
import time
from datetime import date
from pathlib import Path

from odoo import api
from odoo.cli.command import Command
from odoo.modules.registry import Registry
from odoo.tools import config

_logger = logging.getLogger(__name__)


class ReplayDay(Command):
    """Replay a simulated working day at Maurepas and write its report"""

    name = "replay_day"

    def run(self, cmdargs):
        parser = config.parser
        parser.prog = self.prog
        group = optparse.OptionGroup(parser, "Day replay")
        group.add_option("--seed", type="int", default=42, help="random seed")
        group.add_option("--lines", type="int", default=2000, help="order lines")
        group.add_option("--receipts", type="int", default=20)
        group.add_option("--bikes", type="int", default=12, help="bike orders")
        group.add_option("--tickets", type="int", default=110)
        group.add_option("--kiosk-orders", dest="kiosk_orders", type="int", default=6)
        group.add_option("--day", help="simulated day, YYYY-MM-DD (2026-12-01)")
        group.add_option("--data", help="AdventureWorks folder (the demo's copy)")
        group.add_option(
            "--report-dir", dest="report_dir", default=".", help="where to write"
        )
        group.add_option(
            "--dry-run",
            dest="dry_run",
            action="store_true",
            help="roll the day back at the end (the database stays as it was)",
        )
        parser.add_option_group(group)
        opt = config.parse_config([*cmdargs, "--no-http"], setup_logging=True)
        dbnames = config["db_name"]
        if len(dbnames) != 1:
            sys.exit("Give one database with -d.")
        started = time.perf_counter()
        registry = Registry(dbnames[0])
        from odoo.addons.alltricks_replay.dayplan import (
            DayParams,
            render_html,
            render_text,
            summarize,
        )

        params = DayParams(
            seed=opt.seed,
            lines=opt.lines,
            receipts=opt.receipts,
            bikes=opt.bikes,
            tickets=opt.tickets,
            kiosk_orders=opt.kiosk_orders,
        )
        day = date.fromisoformat(opt.day) if opt.day else None
        with registry.cursor() as cr:
            env = api.Environment(cr, api.SUPERUSER_ID, {})
            results = env["alltricks.replay"].run_day(params, day, opt.data)
            if opt.dry_run:
                cr.rollback()
        results["wall_whole_run"] = round(time.perf_counter() - started, 1)
        figures = summarize(results)
        target = Path(opt.report_dir)
        target.mkdir(parents=True, exist_ok=True)
        text = render_text(figures)
        (target / "replay_report.txt").write_text(text, encoding="utf-8")
        (target / "replay_report.html").write_text(
            render_html(figures), encoding="utf-8"
        )
        (target / "replay_results.json").write_text(
            json.dumps(results, indent=1, sort_keys=True, default=str),
            encoding="utf-8",
        )
        print(text)
        print(f"Report written to {target.resolve()}/replay_report.html")
        if not figures["invariants_ok"]:
            sys.exit(1)
