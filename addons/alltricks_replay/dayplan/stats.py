"""Figures of a replayed day, from the plain results the replay gathers.

``results`` is a dict of lists and numbers (JSON-able, see USAGE.md); the
figures are derived here so they can be tested without a database.
"""

from __future__ import annotations

import math
from collections import defaultdict

INVARIANTS = (
    ("oversold_units", "Oversold units"),
    ("wrong_items_shipped", "Wrong items shipped"),
    ("bins_over_capacity", "Bins over capacity"),
    ("lookalike_violations", "Look-alike separation violations"),
    ("short_units_lost", "Short-picked units lost"),
)
BIKE_READY_MINUTE = 17 * 60


def percentile(values, q):
    """Linear-interpolated percentile ``q`` (0-100) of ``values``; 0 if empty."""
    data = sorted(values)
    if not data:
        return 0.0
    rank = (len(data) - 1) * q / 100.0
    low = math.floor(rank)
    high = math.ceil(rank)
    return data[low] + (data[high] - data[low]) * (rank - low)


def ratio(part, whole):
    return part / whole if whole else 0.0


def summarize(results):
    """The day's figures: a dict of plain numbers and small dicts."""
    figures = {}
    figures.update(_receipt_figures(results.get("receipts", [])))
    figures.update(_picking_figures(results.get("picks", []), results))
    figures.update(_scan_figures(results.get("scans", {})))
    figures.update(_shipping_figures(results.get("shipments", [])))
    figures.update(_bike_figures(results.get("bikes", [])))
    figures.update(_ticket_figures(results.get("tickets", [])))
    orders = results.get("orders", {})
    figures["orders_placed"] = orders.get("placed", 0)
    figures["orders_refused"] = orders.get("refused", 0)
    figures["order_lines"] = orders.get("lines", 0)
    figures["kiosk_orders"] = orders.get("kiosk", 0)
    published = results.get("published", {})
    figures["products_published_morning"] = published.get("morning", 0)
    figures["products_published_evening"] = published.get("evening", 0)
    figures["products_newly_published"] = published.get("newly", 0)
    figures["wall_seconds"] = dict(results.get("wall", {}))
    figures["wall_total_seconds"] = round(sum(figures["wall_seconds"].values()), 1)
    figures["cpu_seconds"] = dict(results.get("cpu", {}))
    figures["cpu_total_seconds"] = round(sum(figures["cpu_seconds"].values()), 1)
    figures["wall_whole_run_seconds"] = results.get("wall_whole_run", 0.0)
    invariants = results.get("invariants", {})
    figures["invariants"] = {key: invariants.get(key, 0) for key, _ in INVARIANTS}
    figures["invariants_ok"] = not any(figures["invariants"].values())
    return figures


def _receipt_figures(receipts):
    delays = [r["shelved"] - r["arrival"] for r in receipts]
    return {
        "receipts": len(receipts),
        "receipt_lines": sum(r["lines"] for r in receipts),
        "receipt_to_shelf_median_min": round(percentile(delays, 50), 1),
        "receipt_to_shelf_p90_min": round(percentile(delays, 90), 1),
        "receipt_to_shelf_max_min": round(max(delays, default=0.0), 1),
        "receipt_to_shelf_min": [round(d, 1) for d in delays],
        "receipt_lines_unplaced": sum(r.get("unplaced_lines", 0) for r in receipts),
    }


def _picking_figures(picks, results):
    per_picker = defaultdict(lambda: [0.0, 0, 0.0])
    for pick in picks:
        entry = per_picker[pick["picker"]]
        entry[0] += pick["route_m"]
        entry[1] += pick["lines"]
        entry[2] += pick["end"] - pick["start"]
    lines = sum(entry[1] for entry in per_picker.values())
    backorder_lines = sum(pick.get("backorder_lines", 0) for pick in picks)
    metres = sum(entry[0] for entry in per_picker.values())
    hours = sum(entry[2] for entry in per_picker.values()) / 60.0
    base = results.get("baselines", {})
    base_lines = base.get("lines", 0)
    ours = ratio(base.get("ours_m", 0.0), base_lines)
    single = ratio(base.get("name_order_m", 0.0), base_lines)
    fcfs = ratio(base.get("fcfs_m", 0.0), base_lines)
    return {
        "carts": len(picks),
        "picked_lines": lines,
        "picked_lines_backorders": backorder_lines,
        "metres_walked": round(metres, 1),
        "metres_per_picker": {
            name: round(entry[0], 1) for name, entry in sorted(per_picker.items())
        },
        "lines_per_hour_per_picker": {
            name: round(ratio(entry[1], entry[2] / 60.0), 1)
            for name, entry in sorted(per_picker.items())
        },
        "lines_per_hour": round(ratio(lines, hours), 1),
        "metres_per_line": round(ours, 2),
        "metres_per_line_single_name_order": round(single, 2),
        "metres_per_line_fcfs": round(fcfs, 2),
        "saving_vs_single_name_order": round(1 - ratio(ours, single), 3)
        if single
        else 0.0,
        "saving_vs_fcfs": round(1 - ratio(ours, fcfs), 3) if fcfs else 0.0,
    }


def _scan_figures(scans):
    injected = scans.get("wrong_pick", 0) + scans.get("wrong_pack", 0)
    caught = scans.get("wrong_pick_refused", 0) + scans.get("wrong_pack_refused", 0)
    return {
        "scan_errors_injected": injected,
        "scan_errors_caught": caught,
        "refused_scans_changed_nothing": bool(scans.get("unchanged", True)),
        "short_picks": scans.get("short_pick", 0),
        "backorders": scans.get("backorders", 0),
        "short_units": scans.get("short_units", 0),
        "short_units_picked_later": scans.get("short_units_picked_later", 0),
        "short_units_open": scans.get("short_units_open", 0),
        "short_units_stuck": scans.get("short_units_stuck", 0),
        "transfers_released": scans.get("released", 0),
        "carts_cancelled": scans.get("carts_cancelled", 0),
    }


def _shipping_figures(shipments):
    # an order counts once, by its first parcel; backorders ship later
    shipments = [s for s in shipments if not s.get("backorder")]
    due = [s for s in shipments if s["placed"] < s["cutoff"]]
    on_time = [
        s for s in due if s.get("shipped") is not None and s["shipped"] <= s["cutoff"]
    ]
    return {
        "orders_shipped": sum(1 for s in shipments if s.get("shipped") is not None),
        "orders_due_today": len(due),
        "orders_shipped_before_cutoff": len(on_time),
        "share_shipped_before_cutoff": round(ratio(len(on_time), len(due)), 3),
    }


def _bike_figures(bikes):
    ready = [b for b in bikes if b.get("ready") is not None]
    by_five = [b for b in ready if b["ready"] <= BIKE_READY_MINUTE]
    return {
        "bikes": len(bikes),
        "bikes_ready": len(ready),
        "bikes_ready_by_17": len(by_five),
        "bikes_qc_checked": sum(1 for b in bikes if b.get("qc")),
    }


def _ticket_figures(tickets):
    answered = [t for t in tickets if t.get("answered") is not None]
    return {
        "tickets": len(tickets),
        "tickets_answered": len(answered),
        "tickets_answered_on_time": sum(1 for t in answered if t.get("on_time")),
        "ticket_answer_median_min": round(
            percentile([t["answered"] - t["received"] for t in answered], 50), 1
        ),
    }
