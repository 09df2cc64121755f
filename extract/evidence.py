"""The corpus-level evidence pass: propose values for missing numbers, and report conflicting values.

It needs every document's facts, so it runs after extraction, outside the spaCy pipeline. Facts are indexed
by a key of the attributes that must agree (kind plus region, unit, status, origin, destination), so the pass
is linear in the number of facts. Nothing is filled in silently: a missing fact keeps value null and gets a
separate `suggestion` with its evidence (document, fact, sentence) and the ranked `candidates`.
"""
from __future__ import annotations

import bisect
import dataclasses
from collections import defaultdict
from dataclasses import dataclass

from .normalize import parse_iso
from .records import Fact

SUGGESTIBLE = ("case_count", "personnel_count", "region_count")
MAX_CANDIDATES = 5
TOP_VALUES = 25   # values kept per key: the ranking looks at a bounded list, so the pass stays linear


def evidence_key(fact: Fact) -> tuple | None:
    """What must agree for one fact to be evidence of another; None when too little is known to say."""
    if fact.kind == "region_count":
        return fact.kind, fact.unit, fact.region
    if fact.kind == "case_count":
        if fact.region is None:
            return None
        status = "confirmed" if fact.status in ("confirmed", "unspecified") else fact.status
        return fact.kind, fact.region, status
    if fact.kind == "personnel_count":
        if fact.destination is None and fact.origin is None:
            return None
        return fact.kind, fact.origin, fact.destination
    return None


def fits_expected(expected: str | None, value) -> bool:
    """A comma left behind means thousands; a lone deleted word, a number below a thousand."""
    if not isinstance(value, (int, float)):
        return False
    if expected == "thousands":
        return value >= 1000
    if expected == "count":
        return value < 1000
    return True


def sentence_of(fact: Fact, texts: dict[str, str]) -> str:
    text = texts.get(fact.doc_id, "")
    if fact.sent_start is None or not text:
        return fact.text
    return " ".join(text[fact.sent_start:fact.sent_end].split())


@dataclass(frozen=True)
class Conflict:
    kind: str
    region: str | None
    date: str | None
    value_a: object
    doc_a: str
    fact_a: str
    text_a: str
    value_b: object
    doc_b: str
    fact_b: str
    text_b: str


@dataclass
class ValueSupport:
    """Everything the ranking needs about one value stated for one key, gathered once."""
    value: object
    facts: list[Fact]
    docs: set[str]
    days: list[int]          # publication days (ordinals) of the stating documents, sorted
    qualifiers: set[str | None]
    dates: set[str | None]


def support_by_key(facts: list[Fact], published: dict[str, str | None]) -> dict[tuple, list[ValueSupport]]:
    """key -> the values stated for it, most supported first, at most TOP_VALUES of them."""
    grouped: dict[tuple, dict[object, list[Fact]]] = defaultdict(lambda: defaultdict(list))
    for fact in facts:
        if fact.kind in SUGGESTIBLE and fact.value is not None and not fact.missing:
            key = evidence_key(fact)
            if key is not None:
                grouped[key][fact.value].append(fact)
    index = {}
    for key, by_value in grouped.items():
        supports = []
        for value, support in by_value.items():
            support.sort(key=lambda f: (f.doc_id, f.start))
            days = sorted(d.toordinal() for d in (parse_iso(published.get(f.doc_id)) for f in support) if d)
            supports.append(ValueSupport(value, support, {f.doc_id for f in support}, days,
                                         {f.qualifier for f in support}, {f.date for f in support}))
        supports.sort(key=lambda v: (-len(v.docs), -len(v.facts), str(v.value)))
        index[key] = supports[:TOP_VALUES]
    return index


def propose(facts: list[Fact], texts: dict[str, str], published: dict[str, str | None]) -> list[Fact]:
    """The facts with suggestions on every missing count and on the gap it belongs to."""
    index = support_by_key(facts, published)
    expected_of = {f.belongs_to: f.expected for f in facts if f.kind == "missing_number" and f.belongs_to}
    suggested: dict[str, list[dict]] = {}
    for fact in facts:
        if fact.kind not in SUGGESTIBLE or not fact.missing:
            continue
        key = evidence_key(fact)
        if key is None or key not in index:
            continue
        ranked = rank_candidates(fact, index[key], expected_of.get(fact.fact_id), texts, published)
        if ranked:
            suggested[fact.fact_id] = ranked
    out = []
    for fact in facts:
        ranked = suggested.get(fact.fact_id) or suggested.get(fact.belongs_to or "")
        if ranked:
            best = ranked[0]
            fact = dataclasses.replace(fact, suggestion=best["value"], suggestion_doc=best["doc_id"],
                                       suggestion_fact=best["fact_id"], suggestion_text=best["sentence"],
                                       candidates=tuple(tuple(c.items()) for c in ranked))
        out.append(fact)
    return out


def nearest_days(days: list[int], day: int | None) -> int:
    if day is None or not days:
        return 10_000
    i = bisect.bisect_left(days, day)
    return min(abs(days[j] - day) for j in (i - 1, i) if 0 <= j < len(days))


def rank_candidates(fact: Fact, supports: list[ValueSupport], expected: str | None, texts: dict[str, str],
                    published: dict[str, str | None]) -> list[dict]:
    """Values stated by other documents for the same key, best first: same qualifier, stated by more
    documents and more often, published nearer in time, then the smaller value (for a stable order)."""
    own_day = parse_iso(published.get(fact.doc_id))
    own_day = own_day.toordinal() if own_day else None
    ranked = []
    for support in supports:
        others = [f for f in support.facts if f.doc_id != fact.doc_id]
        if not others or not fits_expected(expected, support.value):
            continue
        if fact.date and not ({fact.date, None} & support.dates):
            continue
        ranking = (fact.qualifier in support.qualifiers, len(support.docs - {fact.doc_id}), len(others),
                   -nearest_days(support.days, own_day), -support.value)
        evidence = others[0]
        ranked.append((ranking, dict(value=support.value, doc_id=evidence.doc_id, fact_id=evidence.fact_id,
                                     sentence=sentence_of(evidence, texts), support=len(others))))
    ranked.sort(key=lambda item: item[0], reverse=True)
    return [candidate for _, candidate in ranked[:MAX_CANDIDATES]]


def conflicts(facts: list[Fact], texts: dict[str, str]) -> list[Conflict]:
    """Pairs of documents that state different values for the same fact (same kind, region and date)."""
    groups: dict[tuple, list[Fact]] = defaultdict(list)
    for fact in facts:
        if fact.value is None or fact.missing or fact.kind not in ("case_count", "personnel_count"):
            continue
        region = fact.region if fact.kind == "case_count" else fact.destination
        if region is None or fact.date is None:
            continue
        key = (fact.kind, region, fact.date, fact.status, fact.period, fact.origin)
        groups[key].append(fact)
    found = []
    for (kind, region, date, *_), group in sorted(groups.items(), key=lambda item: str(item[0])):
        first_by_value: dict[object, Fact] = {}
        counts: dict[object, int] = defaultdict(int)
        for fact in sorted(group, key=lambda f: (f.doc_id, f.start)):
            first_by_value.setdefault(fact.value, fact)
            counts[fact.value] += 1
        if len(first_by_value) < 2:
            continue
        # each other value against the most stated one: linear in the group, enough to show both sources
        base_value = max(first_by_value, key=lambda v: (counts[v], -first_by_value[v].start, str(v)))
        a = first_by_value[base_value]
        for value, b in first_by_value.items():
            if value != base_value and b.doc_id != a.doc_id:
                found.append(Conflict(kind, region, date, a.value, a.doc_id, a.fact_id, sentence_of(a, texts),
                                      b.value, b.doc_id, b.fact_id, sentence_of(b, texts)))
    return found
