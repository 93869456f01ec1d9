"""``odoo replay_day``: replay a simulated working day on a demo database.

Loaded by Odoo as ``odoo.cli.replay_day`` (not through the addon's
``__init__``). Every bad input stops the command with a one-line message and
exit status 2 before anything changes: the options and the report folder are
checked first, then the database, then the replay itself runs in one
transaction that a refusal rolls back.
"""

import json
import logging
import optparse
import sys
import time

import psycopg2

from odoo import api, sql_db
from odoo.cli.command import Command
from odoo.exceptions import UserError
from odoo.modules.registry import Registry
from odoo.tools import config

_logger = logging.getLogger(__name__)

OPTION_NAMES = (
    "seed",
    "lines",
    "receipts",
    "bikes",
    "tickets",
    "kiosk_orders",
    "day",
    "data",
    "report_dir",
    "dry_run",
)


def _stop(message):
    """One line on stderr, exit status 2, no traceback."""
    sys.stderr.write(f"replay_day: {message}\n")
    sys.exit(2)


def check_database(dbname):
    """``None`` when ``dbname`` exists and has alltricks_replay installed,
    else the message saying what to do."""
    try:
        with sql_db.db_connect(dbname).cursor() as cr:
            cr.execute("SELECT to_regclass('ir_module_module') IS NOT NULL")
            if not cr.fetchone()[0]:
                return (
                    f"database {dbname!r} is not an Odoo database: give the copy "
                    "of a demo database with -d."
                )
            cr.execute(
                "SELECT state FROM ir_module_module WHERE name = 'alltricks_replay'"
            )
            row = cr.fetchone()
    except psycopg2.OperationalError as error:
        reason = " ".join(str(error).split()).rpartition("FATAL: ")[2]
        return (
            f"cannot open database {dbname!r} ({reason}): give an existing copy of "
            f"the demo database, e.g. createdb -T replay_demo {dbname}."
        )
    if not row or row[0] != "installed":
        state = row[0] if row else "not in the addons list"
        return (
            f"install alltricks_replay first: odoo -d {dbname} "
            "--addons-path=addons,.oca/odoo/addons --with-demo -i alltricks_replay "
            f"--stop-after-init (in {dbname!r} the addon is {state})."
        )
    return None


class ReplayDay(Command):
    """Replay a simulated working day at Maurepas and write its report"""

    name = "replay_day"

    def run(self, cmdargs):
        opt = self._parse(cmdargs)
        # the options are checked before any database is opened
        from odoo.addons.alltricks_replay.dayplan import (
            OptionError,
            check_options,
        )

        try:
            options = check_options({name: getattr(opt, name) for name in OPTION_NAMES})
        except OptionError as error:
            _stop(error)
        dbnames = config["db_name"]
        if len(dbnames) != 1:
            _stop("give one database with -d (a copy of the demo database).")
        message = check_database(dbnames[0])
        if message:
            _stop(message)
        self._replay(dbnames[0], options)

    def _parse(self, cmdargs):
        parser = config.parser
        parser.prog = self.prog
        group = optparse.OptionGroup(parser, "Day replay")
        # raw strings, no default: check_options converts them and says
        # which value is wrong
        group.add_option("--seed", help="random seed (42)")
        group.add_option("--lines", help="order lines (2000)")
        group.add_option("--receipts", help="receipts (20)")
        group.add_option("--bikes", help="bike orders (12)")
        group.add_option("--tickets", help="helpdesk tickets (110)")
        group.add_option("--kiosk-orders", dest="kiosk_orders", help="kiosk orders (6)")
        group.add_option("--day", help="simulated day, YYYY-MM-DD (2026-12-01)")
        group.add_option("--data", help="AdventureWorks folder (the demo's copy)")
        group.add_option(
            "--report-dir", dest="report_dir", help="where to write the report (.)"
        )
        group.add_option(
            "--dry-run",
            dest="dry_run",
            action="store_true",
            help="roll the day back at the end (the database stays as it was)",
        )
        parser.add_option_group(group)
        return config.parse_config([*cmdargs, "--no-http"], setup_logging=True)

    def _replay(self, dbname, options):
        from odoo.addons.alltricks_replay.dayplan import (
            render_html,
            render_text,
            summarize,
        )

        started = time.perf_counter()
        registry = Registry(dbname)
        try:
            with registry.cursor() as cr:
                env = api.Environment(cr, api.SUPERUSER_ID, {})
                results = env["alltricks.replay"].run_day(
                    options.params, options.day, options.data and str(options.data)
                )
                if options.dry_run:
                    cr.rollback()
        except UserError as error:
            message = str(error.args[0]).rstrip()
            if not message.endswith((".", "!", "?")):
                message += "."
            _stop(f"{message} Nothing was changed.")
        results["wall_whole_run"] = round(time.perf_counter() - started, 1)
        figures = summarize(results)
        target = options.report_dir
        text = render_text(figures)
        files = {
            "replay_report.txt": text,
            "replay_report.html": render_html(figures),
            "replay_results.json": json.dumps(
                results, indent=1, sort_keys=True, default=str
            ),
        }
        try:
            target.mkdir(parents=True, exist_ok=True)
            for name, content in files.items():
                (target / name).write_text(content, encoding="utf-8")
        except OSError as error:
            print(text)
            _stop(f"the day ran but its report cannot be written: {error}")
        print(text)
        print(f"Report written to {target.resolve()}/replay_report.html")
        if not figures["invariants_ok"]:
            sys.exit(1)
