"""One figure from the values its mentions state: whether they agree, which value stands, and whether a
disagreement is a revision or a conflict. Shared by the case figures and the dispatches."""
from __future__ import annotations

from collections import Counter
from typing import Iterable, NamedTuple

ABOUT = 0.1   # `about 400` admits 360 to 440


class Stated(NamedTuple):
    value: int
    qualifier: str   # exact, over, under, about
    doc_id: str
    published: str   # '' when unknown


def bounds(value: int, qualifier: str) -> tuple[float, float]:
    """The values a mention admits: `over 400` any from 400 up (news rounds down and says `over`), `nearly 400`
    any up to it, `about 400` within a tenth."""
    if qualifier == "over":
        return value, float("inf")
    if qualifier == "under":
        return 0, value
    if qualifier == "about":
        return value * (1 - ABOUT), value * (1 + ABOUT)
    return value, value


def agree(stated: Iterable[Stated]) -> bool:
    """Whether one value could be what every mention says (intervals meet pairwise iff they all meet)."""
    low, high = 0.0, float("inf")
    for s in stated:
        lo, hi = bounds(s.value, s.qualifier)
        low, high = max(low, lo), min(high, hi)
    return low <= high


def pick(stated: list[Stated]) -> tuple[int, str]:
    """The value stated by the most documents (exact values before qualified ones; a tie: the latest published,
    then the larger value), with the qualifier most of its mentions give it."""
    if len(stated) == 1:   # most figures and dispatches: one mention
        return stated[0].value, stated[0].qualifier
    exact = [s for s in stated if s.qualifier == "exact"] or stated
    documents: dict[int, set[str]] = {}
    latest: dict[int, str] = {}
    for s in exact:
        documents.setdefault(s.value, set()).add(s.doc_id)
        latest[s.value] = max(latest.get(s.value, ""), s.published)
    value = max(documents, key=lambda v: (len(documents[v]), latest[v], v))
    qualifiers = Counter(s.qualifier for s in stated if s.value == value)
    qualifier = max(qualifiers, key=lambda q: (qualifiers[q], q == "exact", q))
    return value, qualifier


def disagreement(stated: list[Stated]) -> str | None:
    """None when the mentions agree; `revised` when they disagree only between documents published on different
    days (a later article restates the figure); `conflict` when one document, or two of the same day (or of no
    known day), disagree."""
    if agree(stated):
        return None
    by_day: dict[str, list[Stated]] = {}
    for s in stated:
        by_day.setdefault(s.published, []).append(s)
    if "" in by_day or not all(agree(same_day) for same_day in by_day.values()):
        return "conflict"
    return "revised"


def distinct_values(stated: list[Stated]) -> str:
    """Every distinct value stated, ascending, space-separated (empty when the mentions agree)."""
    if agree(stated):
        return ""
    return " ".join(str(v) for v in sorted({s.value for s in stated}))
