"""Putaway engine for chaotic storage, in plain Python (no Odoo import).

Entry points: :class:`PutawayEngine` (or :func:`plan_putaway` for one call),
:func:`velocity_classes` for ABC classes, :meth:`PutawayEngine.check_override`
for a bin chosen by hand and :func:`audit_state` for a whole stock state.
"""

from .audit import audit_state, override_violations
from .data import (
    BULKY,
    SHELF,
    Allocation,
    AuditReport,
    Bin,
    BinContent,
    IncomingLine,
    LineResult,
    RuleViolation,
    SeparationViolation,
    bin_from_spec,
    family_keys,
)
from .engine import PutawayEngine, apply_results, plan_putaway
from .settings import PutawaySettings, PutawayWeights
from .velocity import velocity_classes, velocity_level

__all__ = [
    "BULKY",
    "SHELF",
    "Allocation",
    "AuditReport",
    "Bin",
    "BinContent",
    "IncomingLine",
    "LineResult",
    "PutawayEngine",
    "PutawaySettings",
    "PutawayWeights",
    "RuleViolation",
    "SeparationViolation",
    "apply_results",
    "audit_state",
    "bin_from_spec",
    "family_keys",
    "override_violations",
    "plan_putaway",
    "velocity_classes",
    "velocity_level",
]
