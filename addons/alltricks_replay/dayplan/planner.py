"""The plan of a simulated day, drawn from real order lines.

:func:`plan_day` samples AdventureWorks web orders (with replacement, so any
volume can be reached) until the day holds the wanted number of order lines,
gives each an arrival minute, sizes the vendor receipts on the demand the shelf
cannot serve, draws the support tickets and the scan errors to inject. One
``random.Random(seed)`` drives every draw and every input is sorted first, so a
seed gives the same plan whatever the order of the inputs. O(lines log lines).
"""

from __future__ import annotations

import random
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import replace

from .model import (
    CLOSING,
    KIOSK,
    OPENING,
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

# Orders of more than two lines are drawn this much less often: the shop's web
# orders are mostly one or two lines, AdventureWorks' a little larger.
LARGE_ORDER_WEIGHT = 0.35
RECEIPT_WINDOW = (5 * 60, 8 * 60)  # the morning trucks
BIKE_WINDOW = (8 * 60, 12 * 60)
KIOSK_WINDOW = (10 * 60, 17 * 60)
TICKET_WINDOW = (8 * 60, 17 * 60)
TICKET_TOPICS = ("where is my order", "product advice", "return", "invoice")
TOP_UP_SHARE = 0.5
RECEIPT_MARGIN = 1.2


def plan_day(
    sources: Iterable[SourceOrder],
    bikes: Iterable[str],
    on_hand: Mapping[str, float],
    params: DayParams,
) -> DayPlan:
    """The day: orders, receipts, tickets and scan faults.

    ``sources`` are real orders whose products all exist; ``bikes`` the codes
    of complete bikes; ``on_hand`` the units on the shelf per code this morning.
    """
    rng = random.Random(params.seed)
    bike_codes = set(bikes)
    pool = sorted(
        {s.number: s for s in sources if s.lines}.values(), key=lambda s: s.number
    )
    if not pool:
        raise ValueError("No source order has all its products in the catalog.")
    with_bike = [s for s in pool if any(code in bike_codes for code, _q in s.lines)]
    parts = [s for s in pool if s not in with_bike] or pool

    drafts = _draw_bike_orders(rng, with_bike, bike_codes, params.bikes)
    drafts += _draw_kiosk_orders(rng, parts, params.kiosk_orders)
    drafts += _draw_web_orders(rng, parts, params, sum(len(d[3]) for d in drafts))
    drafts.sort(key=lambda d: (d[0], d[1], d[4]))
    orders = tuple(
        PlannedOrder(
            ref=f"{params.prefix}-{params.seed}-O{index:05d}",
            minute=minute,
            channel=channel,
            lines=lines,
            bike=channel == WEB and any(code in bike_codes for code, _q in lines),
            source=source,
        )
        for index, (minute, channel, _rank, lines, source) in enumerate(drafts, 1)
    )
    faults, orders = _plan_faults(rng, orders, params)
    return DayPlan(
        params=params,
        orders=orders,
        receipts=_plan_receipts(rng, orders, on_hand, params),
        tickets=_plan_tickets(rng, orders, params),
        faults=faults,
    )


def _arrival(rng, params):
    if rng.random() < params.overnight_share:
        return rng.randrange(0, OPENING)
    return rng.randrange(OPENING, CLOSING)


def _draw_bike_orders(rng, with_bike, bike_codes, count):
    drafts = []
    for rank in range(count if with_bike else 0):
        source = rng.choice(with_bike)
        # one bike per order: the workshop prepares each unit on its own
        lines = tuple(
            (code, 1 if code in bike_codes else qty) for code, qty in source.lines
        )
        minute = rng.randrange(*BIKE_WINDOW)
        drafts.append((minute, WEB, rank, lines, source.number))
    return drafts


def _draw_kiosk_orders(rng, parts, count):
    drafts = []
    for rank in range(count):
        source = rng.choice(parts)
        code, _qty = source.lines[0]
        drafts.append((rng.randrange(*KIOSK_WINDOW), KIOSK, rank, ((code, 1),), ""))
    return drafts


def _draw_web_orders(rng, parts, params, lines_so_far):
    weights = [1.0 if len(s.lines) <= 2 else LARGE_ORDER_WEIGHT for s in parts]
    drafts = []
    total = lines_so_far
    rank = 0
    while total < params.lines:
        source = rng.choices(parts, weights)[0]
        lines = source.lines[: params.lines - total]
        drafts.append((_arrival(rng, params), WEB, 10_000 + rank, lines, source.number))
        total += len(lines)
        rank += 1
    return drafts


def _plan_receipts(rng, orders, on_hand, params):
    """Receipts cover what the shelf lacks for the day, plus some top-ups.

    Shortfalls are rounded up with a margin; a share of the other ordered
    products is topped up too, as a buyer's regular order would. Lines go
    round-robin to the receipts, which arrive in the early morning.
    """
    if not params.receipts:
        return ()
    demand = defaultdict(int)
    for order in orders:
        for code, qty in order.lines:
            demand[code] += qty
    lines = []
    for code in sorted(demand):
        short = demand[code] - on_hand.get(code, 0.0)
        if short > 0:
            lines.append((code, int(short * RECEIPT_MARGIN) + 1))
        elif rng.random() < TOP_UP_SHARE:
            lines.append((code, max(2, demand[code] // 2)))
    rng.shuffle(lines)
    count = min(params.receipts, len(lines))
    minutes = sorted(rng.randrange(*RECEIPT_WINDOW) for _ in range(count))
    return tuple(
        PlannedReceipt(
            ref=f"{params.prefix}-{params.seed}-R{index + 1:03d}",
            minute=minutes[index],
            lines=tuple(sorted(lines[index::count])),
        )
        for index in range(count)
    )


def _plan_tickets(rng, orders, params):
    web = [o for o in orders if o.channel == WEB]
    tickets = []
    for index in range(params.tickets):
        minute = rng.randrange(*TICKET_WINDOW)
        topic = rng.choice(TICKET_TOPICS)
        placed = [o for o in web if o.minute < minute]
        order = rng.choice(placed) if placed and topic != "product advice" else None
        tickets.append(
            PlannedTicket(
                ref=f"{params.prefix}-{params.seed}-T{index + 1:04d}",
                minute=minute,
                topic=topic,
                order_ref=order.ref if order else "",
                handle_minutes=rng.randint(4, 20),
            )
        )
    return tuple(sorted(tickets, key=lambda t: (t.minute, t.ref)))


def _plan_faults(rng, orders, params):
    """At most one fault per order line, one short pick per order at most.

    A short-picked line is ordered at least twice: its quantity is raised to 2
    when it was 1. The replay finds none of its units (the bin is empty), so
    the raise is no longer needed; it is kept so that a seed plans the same day
    as before (readme/ROADMAP.md). Complete bikes are never short. Returns the
    faults and the orders with their final quantities.
    """
    faults = []
    final = []
    for order in orders:
        if order.channel != WEB:
            final.append(order)
            continue
        lines = list(order.lines)
        short = params.short_pick_rate
        shorted = False
        for index, (code, qty) in enumerate(order.lines):
            draw = rng.random()
            if draw < params.wrong_pick_rate:
                faults.append(ScanFault(order.ref, index, WRONG_PICK))
            elif draw < params.wrong_pick_rate + params.wrong_pack_rate:
                faults.append(ScanFault(order.ref, index, WRONG_PACK))
            elif (
                draw < params.wrong_pick_rate + params.wrong_pack_rate + short
                and not order.bike
                and not shorted
            ):
                shorted = True
                faults.append(ScanFault(order.ref, index, SHORT_PICK))
                lines[index] = (code, max(qty, 2))
        final.append(replace(order, lines=tuple(lines)))
    return tuple(faults), tuple(final)
