"""Words of the engine's messages: counts with the right plural."""

from __future__ import annotations


def count_of(count: float, singular: str, plural: str | None = None) -> str:
    """``"1 bin"``, ``"2 bins"``, ``"0.5 units"``: the count and its noun."""
    noun = singular if count == 1 else plural or f"{singular}s"
    return f"{count:g} {noun}"
