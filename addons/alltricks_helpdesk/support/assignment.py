"""Choose the expert who takes a new ticket.

The rule is "least loaded first": among the experts who are available and still
under their maximum load, the one with the fewest open tickets wins. Ties go to
the first candidate in the order given (the caller passes experts sorted by
sequence, then id), so the choice is deterministic. O(n) over the candidates.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Candidate:
    """An expert as the assignment sees them."""

    key: int
    load: int
    max_load: int
    available: bool = True

    @property
    def has_room(self):
        # A max load of 0 means "no limit": small teams rarely set one.
        return self.available and (self.max_load <= 0 or self.load < self.max_load)


def pick_least_loaded(candidates):
    """Return the key of the least-loaded candidate with room, or None."""
    best = None
    for candidate in candidates:
        if not candidate.has_room:
            continue
        if best is None or candidate.load < best.load:
            best = candidate
    return best.key if best else None
