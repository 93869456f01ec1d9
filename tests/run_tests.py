#!/usr/bin/env python3
"""The project's test command: linters, pure-Python tests, then Odoo tests.

Run it as ``make test`` (see README.md). Steps:

1. ``ruff check``, ``ruff format --check`` and pylint-odoo with a blocking set of
   checks, over ``addons/`` and ``tests/``.
2. ``pytest tests/unit``: the algorithms (routing, batching, putaway) in milliseconds.
3. Where an ``odoo`` command is on PATH: a throwaway database gets our six addons
   installed with ``--test-enable`` (no demo data), and a second one gets them with
   the demo data (the AdventureWorks warehouse). Any failed or skipped Odoo test,
   any ERROR line, and any WARNING logged by our addons fails the run. A browser
   tour that Odoo skips (no Chromium, no websocket-client) counts as a failure.

Databases with the Odoo and OCA modules we depend on are kept as templates named
after a hash of their content, so a second run only installs our addons.

The last line printed is ``N passed, N failed`` over everything that ran.
"""

import argparse
import ast
import fcntl
import hashlib
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ADDONS = ROOT / "addons"
OCA_DIR = ROOT / ".oca"
# Odoo keeps attachments in a filestore beside the database: templates and the
# databases cloned from them need theirs copied along.
DATA_DIR = Path(tempfile.gettempdir()) / "alltricks-odoo-data"
FILESTORE = DATA_DIR / "filestore"
TEMPLATE_FORMAT = "2"
OUR_PREFIX = "alltricks_"
TEST_RESULT_RE = re.compile(r"(\d+) failed, (\d+) error\(s\) of (\d+) tests")
SKIP_RE = re.compile(
    r"odoo\.addons\.\S+: skipped |SkipTest|Chrome executable not found"
)


class Tally:
    def __init__(self):
        self.passed = 0
        self.failed = 0
        self.notes = []

    def add(self, name, passed, failed, note=""):
        self.passed += passed
        self.failed += failed
        status = "ok" if not failed else "FAILED"
        self.notes.append(f"{status:6} {name}: {passed} passed, {failed} failed {note}")


def run(cmd, **kwargs):
    print("+", " ".join(str(c) for c in cmd), flush=True)
    return subprocess.run(cmd, check=False, **kwargs)


def tool(name):
    venv_tool = Path(sys.executable).parent / name
    return str(venv_tool) if venv_tool.exists() else name


def our_addons():
    return sorted(p.parent.name for p in ADDONS.glob(f"{OUR_PREFIX}*/__manifest__.py"))


def read_manifest(addon):
    return ast.literal_eval((ADDONS / addon / "__manifest__.py").read_text())


def external_depends():
    deps = set()
    for addon in our_addons():
        deps.update(read_manifest(addon).get("depends", []))
    return sorted(d for d in deps if not d.startswith(OUR_PREFIX))


def lint(tally):
    paths = ["addons", "tests"]
    for name, cmd in (
        ("ruff check", [tool("ruff"), "check", *paths]),
        ("ruff format", [tool("ruff"), "format", "--check", *paths]),
        (
            "pylint-odoo",
            [
                tool("pylint"),
                "--rcfile=.pylintrc",
                *[f"addons/{a}" for a in our_addons()],
            ],
        ),
    ):
        ok = run(cmd, cwd=ROOT).returncode == 0
        tally.add(name, int(ok), int(not ok))


def pytest(tally):
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "junit.xml"
        code = run(
            [sys.executable, "-m", "pytest", "tests/unit", f"--junitxml={report}"],
            cwd=ROOT,
        ).returncode
        if not report.exists():
            tally.add("pytest", 0, 1, f"(exit {code}, no report)")
            return
        suite = ET.parse(report).getroot()
        suite = suite if suite.tag == "testsuite" else suite.find("testsuite")
        tests, failures, errors, skipped = (
            int(suite.get(k, 0)) for k in ("tests", "failures", "errors", "skipped")
        )
        bad = failures + errors + skipped
        if code not in (0, 5) and not bad:
            bad = 1
        tally.add("pytest", tests - bad, bad, f"({skipped} skipped count as failed)")


def install_oca():
    marker = OCA_DIR / "installed.txt"
    wanted = (ROOT / "requirements-oca.txt").read_text()
    if marker.exists() and marker.read_text() == wanted:
        return
    shutil.rmtree(OCA_DIR, ignore_errors=True)
    code = run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-deps",
            "--target",
            str(OCA_DIR),
            "-r",
            str(ROOT / "requirements-oca.txt"),
        ]
    ).returncode
    if code:
        sys.exit("Could not install the OCA addons listed in requirements-oca.txt.")
    marker.write_text(wanted)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def psql(*sql_args):
    return run(["psql", "-X", "-q", "-d", "postgres", *sql_args], capture_output=True)


def db_exists(name):
    out = run(
        [
            "psql",
            "-X",
            "-tA",
            "-d",
            "postgres",
            "-c",
            f"SELECT 1 FROM pg_database WHERE datname = '{name}'",
        ],
        capture_output=True,
        text=True,
    ).stdout
    return out.strip() == "1"


def drop_db(name):
    psql("-c", f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    shutil.rmtree(FILESTORE / name, ignore_errors=True)


def clone_db(template, name):
    for _attempt in range(5):
        # CREATE DATABASE refuses a template that another session is reading.
        if run(["createdb", "-T", template, name]).returncode == 0:
            break
        time.sleep(5)
    if (FILESTORE / template).exists():
        shutil.copytree(FILESTORE / template, FILESTORE / name)


def odoo(db, log_file, *args):
    addons_path = ",".join([str(ADDONS), str(OCA_DIR / "odoo" / "addons")])
    cmd = [
        "odoo",
        "-d",
        db,
        f"--addons-path={addons_path}",
        "--stop-after-init",
        f"--data-dir={DATA_DIR}",
        f"--http-port={free_port()}",
        f"--logfile={log_file}",
        "--log-level=info",
        "--max-cron-threads=0",
        *args,
    ]
    return run(cmd).returncode


def template_db(with_demo, odoo_version):
    deps = external_depends()
    key = "|".join(
        [
            TEMPLATE_FORMAT,
            odoo_version,
            ",".join(deps),
            str(with_demo),
            (ROOT / "requirements-oca.txt").read_text(),
        ]
    )
    name = "alltricks_tpl_{}_{}".format(
        "demo" if with_demo else "bare", hashlib.sha1(key.encode()).hexdigest()[:10]
    )
    lock_path = Path(tempfile.gettempdir()) / "alltricks_template.lock"
    with open(lock_path, "w") as lock:
        # Several runs on one machine share templates: build each one once.
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not db_exists(name):
            build_template(name, deps, with_demo)
    return name


def build_template(name, deps, with_demo):
    drop_db(name + "_tmp")
    log = Path(tempfile.gettempdir()) / f"{name}.log"
    demo = ["--with-demo"] if with_demo else []
    code = odoo(name + "_tmp", log, "-i", ",".join(deps), *demo)
    if code:
        print(log.read_text()[-5000:])
        sys.exit(f"Installing the Odoo modules we depend on failed (log: {log}).")
    psql("-c", f'ALTER DATABASE "{name}_tmp" RENAME TO "{name}"')
    if (FILESTORE / f"{name}_tmp").exists():
        (FILESTORE / f"{name}_tmp").rename(FILESTORE / name)


def scan_log(log_text):
    """Return (tests_run, failures, problems) read from an Odoo log."""
    runs = failures = 0
    for failed, errors, count in TEST_RESULT_RE.findall(log_text):
        runs = max(runs, int(count))
        failures = max(failures, int(failed) + int(errors))
    problems = []
    for line in log_text.splitlines():
        # date time pid LEVEL database logger: message
        fields = line.split(" ", 5)
        level = fields[3] if len(fields) == 6 else ""
        ours = "alltricks" in (fields[5] if len(fields) == 6 else "")
        if level in ("ERROR", "CRITICAL") or (level == "WARNING" and ours):
            problems.append(line)
        elif SKIP_RE.search(line):
            problems.append(line)
    return runs, failures, problems


def odoo_tests(tally, keep, only=None, demo_step=True):
    odoo_version = run(["odoo", "--version"], capture_output=True, text=True).stdout
    install_oca()
    modules = only or our_addons()
    addons = ",".join(modules)
    tags = ",".join(f"/{a}" for a in modules)
    suffix = f"{os.getpid()}"
    steps = [("odoo tests (no demo)", False, ["--test-enable", f"--test-tags={tags}"])]
    if demo_step:
        steps.append(("odoo install with demo data", True, []))
    for label, with_demo, test_args in steps:
        template = template_db(with_demo, odoo_version.strip())
        db = f"alltricks_test_{'demo' if with_demo else 'bare'}_{suffix}"
        drop_db(db)
        clone_db(template, db)
        log = Path(tempfile.gettempdir()) / f"{db}.log"
        demo = ["--with-demo"] if with_demo else []
        code = odoo(db, log, "-i", addons, *demo, *test_args)
        text = log.read_text(errors="replace")
        runs, failures, problems = scan_log(text)
        for line in problems[:40]:
            print("  !", line)
        if test_args:
            bad = failures + (1 if (code or problems) and not failures else 0)
            tally.add(label, runs - failures, bad, f"(log: {log})")
        else:
            bad = int(bool(code or problems))
            tally.add(label, 1 - bad, bad, f"(log: {log})")
        if not keep:
            drop_db(db)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skip-lint", action="store_true")
    parser.add_argument("--skip-odoo", action="store_true")
    parser.add_argument("--keep-db", action="store_true", help="keep test databases")
    parser.add_argument(
        "--only",
        help="comma-separated addons to install and test (a quicker loop while "
        "working on one addon; the full run is what CI does)",
    )
    parser.add_argument(
        "--no-demo-step", action="store_true", help="skip the install with demo data"
    )
    args = parser.parse_args()

    tally = Tally()
    if not args.skip_lint:
        lint(tally)
    pytest(tally)
    skipped = []
    if args.skip_odoo:
        skipped.append("Odoo tests (--skip-odoo)")
    elif shutil.which("odoo") is None:
        skipped.append("Odoo tests: no `odoo` command on PATH")
    else:
        only = args.only.split(",") if args.only else None
        odoo_tests(tally, args.keep_db, only, not args.no_demo_step)

    print()
    print("\n".join(tally.notes))
    if skipped:
        print("\n" + "!" * 72)
        print("!! NOT RUN: " + "; ".join(skipped))
        print("!! Install Odoo 19 (see README.md) to run the Odoo tests and tours.")
        print("!" * 72)
    print(f"{tally.passed} passed, {tally.failed} failed")
    return 1 if tally.failed else 0


if __name__ == "__main__":
    sys.exit(main())
