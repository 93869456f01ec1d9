"""Figures, clock and report of the replay, from hand-made results."""

import csv
from pathlib import Path

from alltricks_catalog.adventureworks import read_dataset
from alltricks_replay.dayplan import (
    WorkerPool,
    clock_label,
    percentile,
    render_html,
    render_text,
    summarize,
    to_utc,
)
from alltricks_replay.dayplan.subset import choose_products, write_subset

DATA = (
    Path(__file__).resolve().parents[2] / "addons/alltricks_catalog/demo/adventureworks"
)
RESULTS = {
    "receipts": [
        {"arrival": 400, "shelved": 430, "lines": 3},
        {"arrival": 500, "shelved": 560, "lines": 5, "unplaced_lines": 1},
    ],
    "published": {"morning": 10, "evening": 12, "newly": 3},
    "picks": [
        {"picker": "p1", "lines": 10, "route_m": 100.0, "start": 420, "end": 450},
        {
            "picker": "p2",
            "lines": 20,
            "backorder_lines": 2,
            "route_m": 140.0,
            "start": 420,
            "end": 480,
        },
    ],
    "baselines": {"lines": 30, "ours_m": 240.0, "name_order_m": 600.0, "fcfs_m": 300.0},
    "scans": {
        "wrong_pick": 3,
        "wrong_pick_refused": 3,
        "wrong_pack": 1,
        "wrong_pack_refused": 1,
        "short_pick": 2,
        "backorders": 2,
        "unchanged": True,
    },
    "shipments": [
        {"placed": 400, "shipped": 1000, "cutoff": 1080},
        {"placed": 500, "shipped": 1100, "cutoff": 1080},
        {"placed": 1090, "shipped": 1100, "cutoff": 1080},
        {"placed": 600, "shipped": 700, "cutoff": 1080, "backorder": True},
    ],
    "bikes": [{"ready": 900, "qc": True}, {"ready": 1030, "qc": False}],
    "tickets": [
        {"received": 500, "answered": 510, "on_time": True},
        {"received": 600, "answered": 640, "on_time": False},
    ],
    "orders": {"placed": 3, "refused": 1, "lines": 6, "kiosk": 1},
    "wall": {"orders": 2.5, "pick": 1.5, "bike workshop": 0.03},
    "invariants": {
        "oversold_units": 0,
        "wrong_items_shipped": 0,
        "bins_over_capacity": 0,
        "lookalike_violations": 0,
    },
}


def test_percentile_interpolates():
    assert percentile([1, 2, 3, 4], 50) == 2.5
    assert percentile([], 90) == 0.0
    assert percentile([7], 90) == 7


def test_figures_of_the_day():
    f = summarize(RESULTS)
    assert f["receipt_to_shelf_median_min"] == 45.0
    assert f["metres_per_picker"] == {"p1": 100.0, "p2": 140.0}
    assert f["lines_per_hour"] == 20.0  # 30 lines in 1.5 h
    assert f["metres_per_line"] == 8.0
    assert f["metres_per_line_single_name_order"] == 20.0
    assert f["saving_vs_single_name_order"] == 0.6
    assert f["saving_vs_fcfs"] == 0.2
    assert f["scan_errors_caught"] == 4
    assert (f["orders_due_today"], f["orders_shipped_before_cutoff"]) == (2, 1)
    assert f["bikes_ready_by_17"] == 1
    assert f["tickets_answered_on_time"] == 1
    assert f["invariants_ok"] is True
    assert f["receipt_lines_unplaced"] == 1
    assert (f["products_published_evening"], f["products_newly_published"]) == (12, 3)


def test_broken_invariant_shows_in_the_report():
    results = dict(RESULTS, invariants={"oversold_units": 2})
    f = summarize(results)
    assert f["invariants_ok"] is False
    assert "INVARIANTS BROKEN" in render_text(f)


def test_text_report_words_and_whole_numbers():
    results = dict(
        RESULTS,
        invariants={"oversold_units": 0.0, "wrong_items_shipped": 0.0},
        scans=dict(RESULTS["scans"], unchanged=False),
    )
    text = render_text(summarize(results))
    assert "Variants on the shop, morning / evening  10 / 12 (3 published" in text
    assert (
        "Carts picked, pick lines                 2, 30 (one per order line and "
        "bin, 2 of them backorder remainders picked again)"
    ) in text
    assert "refused scans changed nothing: no\n" in text
    assert "  Oversold units                     0\n" in text
    assert "  Wrong items shipped                0\n" in text
    assert "  bike workshop                0.03      0.00\n" in text
    assert "  orders                        2.5      0.00\n" in text
    assert "True" not in text


def test_html_invariants_are_whole_numbers():
    results = dict(RESULTS, invariants={"oversold_units": 3.0})
    page = render_html(summarize(results), charts=False)
    assert "<td>Oversold units</td><td>3</td>" in page
    assert "refused scans changed nothing: yes" in page


def test_html_without_charts_says_so():
    page = render_html(summarize(RESULTS), charts=False)
    assert "as tables instead of charts" in page
    assert "<td>p2</td><td>140.0</td>" in page


def test_worker_pool_takes_the_first_free_worker():
    pool = WorkerPool(["a", "b"], start=420)
    assert (pool.assign(400, 10).worker, pool.assign(400, 5).worker) == ("a", "b")
    third = pool.assign(400, 1)
    assert (third.worker, third.start, third.end) == ("b", 425, 426)
    assert pool.assign(0, 2, worker="a").start == 430


def test_clock_labels_and_utc():
    assert clock_label(7 * 60 + 5) == "07:05"
    assert clock_label(24 * 60 + 30) == "+1 00:30"
    from datetime import date, datetime

    assert to_utc(date(2026, 12, 1), 9 * 60) == datetime(2026, 12, 1, 8, 0)
    assert to_utc(date(2026, 7, 1), 9 * 60) == datetime(2026, 7, 1, 7, 0)


def test_subset_reads_back_with_only_whole_orders(tmp_path):
    codes = choose_products(DATA, parts=10, bikes=1)
    write_subset(DATA, tmp_path, codes)
    dataset = read_dataset(tmp_path)
    assert {p.number for p in dataset.products.values()} == set(codes)
    assert {line.product_number for line in dataset.sales_lines} <= set(codes)
    with (tmp_path / "dw" / "FactInternetSales.csv").open() as handle:
        numbers = {row["SalesOrderNumber"] for row in csv.DictReader(handle)}
    with (DATA / "dw" / "FactInternetSales.csv").open() as handle:
        full = [
            row for row in csv.DictReader(handle) if row["SalesOrderNumber"] in numbers
        ]
    assert len(full) == len(dataset.sales_lines)
