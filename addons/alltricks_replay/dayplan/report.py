"""The day's report: a text summary and a self-contained HTML page.

Charts are drawn with matplotlib when it can be imported (PNG embedded in the
page); without it the page shows the same figures as tables and says so.
"""

from __future__ import annotations

import base64
import io
from html import escape

from .stats import INVARIANTS


def _pct(value):
    return f"{value * 100:.1f} %"


def number(value):
    """A count as a count (``0.0`` -> ``0``), a yes/no as a word, else as is."""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _seconds(value):
    """Step times: two decimals below a second so a short step is not 0.0."""
    return f"{value:.2f}" if value < 1 else f"{value:.1f}"


def summary_rows(figures):
    """``(label, value)`` rows shared by the text and the HTML report."""
    f = figures
    return [
        ("Receipts put away", f"{f['receipts']} ({f['receipt_lines']} lines)"),
        (
            "Receipt to shelf (min)",
            f"median {f['receipt_to_shelf_median_min']}, "
            f"p90 {f['receipt_to_shelf_p90_min']}, "
            f"max {f['receipt_to_shelf_max_min']}",
        ),
        (
            "Receipt lines no bin could take",
            f"{f['receipt_lines_unplaced']}",
        ),
        (
            "Variants on the shop, morning / evening",
            f"{f['products_published_morning']} / "
            f"{f['products_published_evening']} "
            f"({f['products_newly_published']} published as they reached bins)",
        ),
        (
            "Orders placed / refused (sold out)",
            f"{f['orders_placed']} / {f['orders_refused']} "
            f"({f['order_lines']} lines, {f['kiosk_orders']} kiosk)",
        ),
        (
            "Carts picked, pick lines",
            f"{f['carts']}, {f['picked_lines']} (one per order line and bin, "
            f"{f.get('picked_lines_backorders', 0)} of them backorder remainders "
            "picked again)",
        ),
        ("Metres walked", f"{f['metres_walked']}"),
        (
            "Metres per picked line",
            f"{f['metres_per_line']} (single orders in name order "
            f"{f['metres_per_line_single_name_order']}, first-come carts "
            f"{f['metres_per_line_fcfs']})",
        ),
        (
            "Saving vs single-order name-order tours",
            _pct(f["saving_vs_single_name_order"]),
        ),
        ("Saving vs first-come-first-served carts", _pct(f["saving_vs_fcfs"])),
        ("Lines per picker hour", f"{f['lines_per_hour']}"),
        (
            "Scan errors caught",
            f"{f['scan_errors_caught']} of {f['scan_errors_injected']} injected; "
            "refused scans changed nothing: "
            f"{number(f['refused_scans_changed_nothing'])}",
        ),
        (
            "Short picks / backorders",
            f"{f['short_picks']} / {f['backorders']} "
            f"({number(f.get('short_units', 0))} units not found: "
            f"{number(f.get('short_units_picked_later', 0))} picked on a later "
            f"cart, {number(f.get('short_units_open', 0))} still to pick, "
            f"{number(f.get('short_units_stuck', 0))} stuck with the short-pick "
            "flag; "
            f"{f.get('transfers_released', 0)} transfers taken off their cart "
            f"with nothing found, {f.get('carts_cancelled', 0)} carts cancelled)",
        ),
        (
            "Orders shipped before cut-off",
            f"{f['orders_shipped_before_cutoff']} of {f['orders_due_today']} "
            f"({_pct(f['share_shipped_before_cutoff'])})",
        ),
        (
            "Bikes ready by 17:00",
            f"{f['bikes_ready_by_17']} of {f['bikes']} "
            f"({f['bikes_qc_checked']} quality-checked)",
        ),
        (
            "Tickets answered on time",
            f"{f['tickets_answered_on_time']} of {f['tickets']} "
            f"(median answer {f['ticket_answer_median_min']} min)",
        ),
        (
            "System time of the day (s)",
            f"wall {f['wall_total_seconds']}, CPU of the Odoo process "
            f"{f['cpu_total_seconds']}; whole command "
            f"{f['wall_whole_run_seconds'] or 'n/a'}",
        ),
    ]


def render_text(figures, title="A day at Maurepas"):
    rows = summary_rows(figures)
    width = max(len(label) for label, _ in rows)
    out = [title, "=" * len(title)]
    out += [f"{label:<{width}}  {value}" for label, value in rows]
    out.append("Wall time by step (s), and CPU time of the Odoo process:")
    cpu = figures.get("cpu_seconds", {})
    out += [
        f"  {step:<24} {_seconds(sec):>8}  {_seconds(cpu.get(step, 0.0)):>8}"
        for step, sec in figures["wall_seconds"].items()
    ]
    out.append("End-of-day invariants (all must be 0):")
    for key, label in INVARIANTS:
        out.append(f"  {label:<34} {number(figures['invariants'][key])}")
    out.append("INVARIANTS OK" if figures["invariants_ok"] else "INVARIANTS BROKEN")
    return "\n".join(out) + "\n"


def _table(headers, rows):
    head = "".join(f"<th>{escape(str(h))}</th>" for h in headers)
    body = "".join(
        "<tr>" + "".join(f"<td>{escape(str(c))}</td>" for c in row) + "</tr>"
        for row in rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _charts(figures):
    """``[(title, PNG base64)]``, or ``None`` when matplotlib is missing."""
    try:
        import matplotlib

        matplotlib.use("Agg")
        from matplotlib import pyplot
    except ImportError:
        return None
    specs = [
        (
            "Receipt to shelf (minutes)",
            "hist",
            figures["receipt_to_shelf_min"],
        ),
        (
            "Metres per picked line",
            "bar",
            {
                "our carts": figures["metres_per_line"],
                "first-come carts": figures["metres_per_line_fcfs"],
                "single orders, name order": figures[
                    "metres_per_line_single_name_order"
                ],
            },
        ),
        ("Metres walked per picker", "bar", figures["metres_per_picker"]),
        ("Lines per hour per picker", "bar", figures["lines_per_hour_per_picker"]),
        ("System wall time per step (s)", "bar", figures["wall_seconds"]),
    ]
    charts = []
    for title, kind, data in specs:
        fig, axis = pyplot.subplots(figsize=(6, 3))
        if kind == "hist":
            axis.hist(data or [0], bins=10, color="#4a7ab5")
        else:
            axis.barh(list(data), list(data.values()), color="#4a7ab5")
        axis.set_title(title)
        fig.tight_layout()
        buffer = io.BytesIO()
        fig.savefig(buffer, format="png", dpi=80)
        pyplot.close(fig)
        charts.append((title, base64.b64encode(buffer.getvalue()).decode()))
    return charts


def _verdict(ok):
    if ok:
        return "<p class='ok'>All invariants hold.</p>"
    return "<p class='ko'>Invariants broken.</p>"


def render_html(figures, title="A day at Maurepas", charts=True):
    """The report page; ``charts=False`` forces the tables-only page."""
    drawn = _charts(figures) if charts else None
    parts = [
        "<!DOCTYPE html><html><head><meta charset='utf-8'>",
        f"<title>{escape(title)}</title>",
        "<style>body{font-family:sans-serif;max-width:60em;margin:auto}"
        "td,th{border:1px solid #ccc;padding:2px 6px}table{border-collapse:collapse}"
        ".ok{color:#176117}.ko{color:#a11}</style></head><body>",
        f"<h1>{escape(title)}</h1>",
        _table(("Figure", "Value"), summary_rows(figures)),
        "<h2>End-of-day invariants</h2>",
        _table(
            ("Invariant", "Count"),
            [(label, number(figures["invariants"][key])) for key, label in INVARIANTS],
        ),
        _verdict(figures["invariants_ok"]),
        "<h2>Charts</h2>",
    ]
    if drawn is None:
        parts.append(
            "<p class='nochart'>matplotlib is not installed: figures are shown "
            "as tables instead of charts.</p>"
        )
    else:
        parts += [
            f"<figure><img alt='{escape(t)}' src='data:image/png;base64,{data}'>"
            f"<figcaption>{escape(t)}</figcaption></figure>"
            for t, data in drawn
        ]
    parts += [
        "<h2>Per picker</h2>",
        _table(
            ("Picker", "Metres", "Lines per hour"),
            [
                (name, metres, figures["lines_per_hour_per_picker"][name])
                for name, metres in figures["metres_per_picker"].items()
            ],
        ),
        "<h2>System wall time per step</h2>",
        _table(
            ("Step", "Wall seconds", "CPU seconds (Odoo process)"),
            [
                (step, sec, figures.get("cpu_seconds", {}).get(step, ""))
                for step, sec in figures["wall_seconds"].items()
            ],
        ),
        "</body></html>",
    ]
    return "\n".join(parts)
