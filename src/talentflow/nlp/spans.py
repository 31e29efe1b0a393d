"""Choosing among overlapping character-span matches (dates, amounts)."""
from __future__ import annotations

import bisect
from collections.abc import Iterable
from typing import Protocol, TypeVar


class _Span(Protocol):
    start: int
    end: int


SpanT = TypeVar("SpanT", bound=_Span)


def longest_first(found: Iterable[SpanT]) -> list[SpanT]:
    """Keep the longest of overlapping matches, in text order; O(n log n) so a page full of
    numbers or dates stays fast."""
    starts: list[int] = []
    chosen: list[SpanT] = []  # kept sorted by start, never overlapping
    for cand in sorted(found, key=lambda m: (m.start - m.end, m.start)):
        i = bisect.bisect_left(starts, cand.start)
        if i > 0 and chosen[i - 1].end > cand.start:
            continue
        if i < len(chosen) and chosen[i].start < cand.end:
            continue
        starts.insert(i, cand.start)
        chosen.insert(i, cand)
    return chosen
