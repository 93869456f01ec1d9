"""What the day planner takes and returns (plain records, no Odoo import)."""

from __future__ import annotations

from dataclasses import dataclass, field

# Simulated minutes are counted from midnight of the replayed day.
OPENING = 7 * 60
CLOSING = 18 * 60
WRONG_PICK, WRONG_PACK, SHORT_PICK = "wrong_pick", "wrong_pack", "short_pick"
WEB, KIOSK = "web", "kiosk"


@dataclass(frozen=True)
class SourceOrder:
    """A real AdventureWorks order: its number and ``(product code, qty)`` lines."""

    number: str
    lines: tuple[tuple[str, int], ...]


@dataclass(frozen=True)
class DayParams:
    """The size of the replayed day; the defaults are the retailer's volumes."""

    seed: int = 42
    lines: int = 2000
    receipts: int = 20
    bikes: int = 12
    tickets: int = 110
    kiosk_orders: int = 6
    wrong_pick_rate: float = 0.03
    wrong_pack_rate: float = 0.01
    short_pick_rate: float = 0.02
    overnight_share: float = 0.15
    prefix: str = "REPLAY"

    def __post_init__(self) -> None:
        counts = (self.lines, self.receipts, self.bikes, self.tickets)
        if min(counts) < 0 or self.kiosk_orders < 0:
            raise ValueError("Counts of a replayed day cannot be negative.")
        if self.lines < 1:
            raise ValueError("A replayed day needs at least one order line.")
        rates = (self.wrong_pick_rate, self.wrong_pack_rate, self.short_pick_rate)
        if any(not 0.0 <= rate <= 1.0 for rate in rates):
            raise ValueError("Scan error rates are fractions between 0 and 1.")


@dataclass(frozen=True)
class PlannedOrder:
    """A customer order of the day, placed at ``minute`` on ``channel``."""

    ref: str
    minute: int
    channel: str
    lines: tuple[tuple[str, int], ...]
    bike: bool = False
    source: str = ""


@dataclass(frozen=True)
class PlannedReceipt:
    """A vendor delivery arriving at the dock at ``minute``."""

    ref: str
    minute: int
    lines: tuple[tuple[str, int], ...]


@dataclass(frozen=True)
class PlannedTicket:
    """A customer question at ``minute``, about order ``order_ref`` if any;
    an agent needs ``handle_minutes`` to answer it."""

    ref: str
    minute: int
    topic: str
    order_ref: str
    handle_minutes: int


@dataclass(frozen=True)
class ScanFault:
    """A scan error to play on line ``line`` of order ``order_ref``."""

    order_ref: str
    line: int
    kind: str


@dataclass(frozen=True)
class DayPlan:
    params: DayParams
    orders: tuple[PlannedOrder, ...]
    receipts: tuple[PlannedReceipt, ...]
    tickets: tuple[PlannedTicket, ...]
    faults: tuple[ScanFault, ...] = field(default=())

    @property
    def line_count(self) -> int:
        return sum(len(order.lines) for order in self.orders)

    def faults_of(self, order_ref: str) -> dict[int, str]:
        """``{line index: fault kind}`` of one order."""
        return {f.line: f.kind for f in self.faults if f.order_ref == order_ref}

    def fingerprint(self) -> tuple:
        """Everything planned, as plain tuples: equal for equal seeds."""
        return (
            tuple((o.ref, o.minute, o.channel, o.lines) for o in self.orders),
            tuple((r.ref, r.minute, r.lines) for r in self.receipts),
            tuple((t.ref, t.minute, t.topic, t.order_ref) for t in self.tickets),
            tuple((f.order_ref, f.line, f.kind) for f in self.faults),
        )
