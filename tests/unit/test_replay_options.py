"""Options of ``odoo replay_day`` and the step clock of a run, no database."""

import importlib.util
from datetime import date
from pathlib import Path

import pytest
from alltricks_replay.dayplan import DayParams, OptionError, check_options
from alltricks_replay.dayplan import options as options_module

RUN_FILE = (
    Path(__file__).resolve().parents[2] / "addons/alltricks_replay/models/replay_run.py"
)


def _load_replay_run():
    """``models/replay_run.py`` alone: the models package imports Odoo."""
    spec = importlib.util.spec_from_file_location(
        "alltricks_replay.models.replay_run", RUN_FILE
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_no_option_gives_the_default_day(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    options = check_options({})
    assert options.params == DayParams()
    assert (options.day, options.data, options.dry_run) == (None, None, False)
    assert options.report_dir == Path(".")


def test_options_are_converted(tmp_path):
    options = check_options(
        {
            "seed": "7",
            "lines": "200",
            "receipts": "4",
            "bikes": "0",
            "tickets": "10",
            "kiosk_orders": "2",
            "day": "2026-12-02",
            "data": str(tmp_path),
            "report_dir": str(tmp_path / "new" / "report"),
            "dry_run": True,
        }
    )
    assert options.params == DayParams(
        seed=7, lines=200, receipts=4, bikes=0, tickets=10, kiosk_orders=2
    )
    assert options.day == date(2026, 12, 2)
    assert options.data == tmp_path
    assert options.report_dir == tmp_path / "new" / "report"
    assert options.dry_run is True
    assert not (tmp_path / "new").exists()  # checked, not created


@pytest.mark.parametrize(
    ("values", "message"),
    [
        (
            {"lines": "abc"},
            "--lines takes a whole number, not 'abc' (e.g. --lines 200).",
        ),
        ({"lines": "0"}, "--lines must be at least 1, not 0."),
        ({"kiosk_orders": "-2"}, "--kiosk-orders must be at least 0, not -2."),
        ({"seed": "4.5"}, "--seed takes a whole number, not '4.5' (e.g. --seed 200)."),
        (
            {"day": "2026-13-01"},
            "--day takes a real date as YYYY-MM-DD, not '2026-13-01' "
            "(e.g. 2026-12-01).",
        ),
        (
            {"day": "01/12/2026"},
            "--day takes a real date as YYYY-MM-DD, not '01/12/2026' "
            "(e.g. 2026-12-01).",
        ),
    ],
)
def test_bad_values_are_refused_with_one_line(values, message):
    with pytest.raises(OptionError) as refusal:
        check_options(values)
    assert str(refusal.value) == message


def test_report_dir_that_is_a_file_is_refused(tmp_path):
    report = tmp_path / "report"
    report.write_text("x")
    with pytest.raises(OptionError) as refusal:
        check_options({"report_dir": str(report)})
    assert str(refusal.value) == (
        f"--report-dir {str(report)!r} is a file, not a folder: give a folder "
        "(it is created if missing)."
    )
    with pytest.raises(OptionError) as refusal:
        check_options({"report_dir": str(report / "below")})
    assert str(refusal.value) == (
        f"--report-dir {str(report / 'below')!r} cannot be created: {report} is a file."
    )


def test_report_dir_holding_a_folder_named_as_a_report_file(tmp_path):
    (tmp_path / "replay_report.html").mkdir()
    with pytest.raises(OptionError, match=r"holds a folder named replay_report\.html"):
        check_options({"report_dir": str(tmp_path)})


def test_report_dir_not_writable(tmp_path, monkeypatch):
    monkeypatch.setattr(options_module.os, "access", lambda path, mode: False)
    with pytest.raises(OptionError) as refusal:
        check_options({"report_dir": str(tmp_path)})
    assert str(refusal.value) == (
        f"--report-dir {str(tmp_path)!r} is not writable by this user."
    )
    with pytest.raises(OptionError) as refusal:
        check_options({"report_dir": str(tmp_path / "new")})
    assert str(refusal.value) == (
        f"--report-dir {str(tmp_path / 'new')!r} cannot be created: {tmp_path} "
        "is not writable by this user."
    )


def test_report_dir_where_nothing_can_be_written(tmp_path, monkeypatch):
    # root passes every access check, yet /proc or a read-only mount refuse files
    def refuse(dir=None):
        raise OSError(30, "Read-only file system")

    monkeypatch.setattr(options_module.tempfile, "TemporaryFile", refuse)
    with pytest.raises(OptionError) as refusal:
        check_options({"report_dir": str(tmp_path)})
    assert str(refusal.value) == (
        f"--report-dir {str(tmp_path)!r} cannot be written (Read-only file "
        "system): give another folder."
    )
    with pytest.raises(OptionError) as refusal:
        check_options({"report_dir": str(tmp_path / "new")})
    assert str(refusal.value) == (
        f"--report-dir {str(tmp_path / 'new')!r} cannot be written in {tmp_path} "
        "(Read-only file system): give another folder."
    )
    assert not (tmp_path / "new").exists()


def test_report_dir_probe_leaves_nothing(tmp_path):
    check_options({"report_dir": str(tmp_path)})
    assert list(tmp_path.iterdir()) == []


def test_data_folder_must_exist(tmp_path):
    with pytest.raises(OptionError, match="is not a folder"):
        check_options({"data": str(tmp_path / "missing")})


def test_nested_step_is_taken_out_of_the_outer_step(monkeypatch):
    module = _load_replay_run()
    ticks = iter([0.0, 1.0, 4.0, 6.0])  # outer in, inner in, inner out, outer out
    monkeypatch.setattr(module.time, "perf_counter", lambda: next(ticks))
    monkeypatch.setattr(module.time, "process_time", lambda: 0.0)
    run = module.ReplayRun.__new__(module.ReplayRun)
    run.wall, run.cpu, run._open_steps = {}, {}, []
    with run.step("pack and ship"):
        with run.step("bike workshop"):
            pass
    assert run.wall == {"pack and ship": 3.0, "bike workshop": 3.0}
    assert run._open_steps == []
