"""Fact: one record of the contract (../shared/spec/RECORDS.md), made from a processed Doc."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, fields

from spacy.tokens import Doc, Span

from .gazetteer import default_gazetteer
from .relations import SentenceIndex, region_index, release, sentence_index, text_of

KINDS = ("date", "region", "case_count", "personnel_count", "team_count", "region_count", "pairing",
         "missing_number")
COUNT_KINDS = ("case_count", "personnel_count", "team_count", "region_count")


@dataclass(frozen=True, slots=True)
class Fact:
    """The contract's fields in the contract's order, then aidfacts' own: what a gap expects and its context,
    the sentence the fact is in, the fact a gap belongs to, and the corpus evidence for a missing value."""
    fact_id: str
    doc_id: str
    kind: str
    value: object
    missing: bool
    qualifier: str | None
    status: str | None
    period: str | None
    unit: str | None
    region: str | None
    region_code: str | None
    origin: str | None
    destination: str | None
    helper: str | None
    recipient: str | None
    date: str | None
    text: str
    start: int
    end: int
    rule: str
    expected: str | None = None
    context: str | None = None
    sent_start: int | None = None
    sent_end: int | None = None
    belongs_to: str | None = None
    suggestion: object = None
    suggestion_doc: str | None = None
    suggestion_fact: str | None = None
    suggestion_text: str | None = None
    candidates: tuple = ()

    def to_dict(self) -> dict:
        # a plain comprehension: dataclasses.asdict deep-copies every value and is many times slower
        data = {name: getattr(self, name) for name in FIELD_NAMES}
        data["candidates"] = [dict(c) for c in self.candidates]
        return data


FIELDS = FIELD_NAMES = tuple(f.name for f in fields(Fact))
DOC_ID_AT = FIELD_NAMES.index("doc_id")


def fact_id(doc_id: str, kind: str, start: int, end: int, *extra: str | None) -> str:
    """Stable id: the same document text gives the same id on every run and machine."""
    key = "|".join([doc_id, kind, str(start), str(end), *[e or "" for e in extra]])
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def context_of(span: Span, width: int = 40) -> str:
    """The words around a span on one line, spacing kept (a blank's double space stays visible)."""
    text = text_of(span.doc)
    lo, hi = max(0, span.start_char - width), min(len(text), span.end_char + width)
    return text[lo:hi].replace("\r", " ").replace("\n", " ").strip()


def make_fact(doc_id: str, span: Span, kind: str, sentences: SentenceIndex, **attrs) -> Fact:
    base = dict(value=None, missing=False, qualifier=None, status=None, period=None, unit=None, region=None,
                region_code=None, origin=None, destination=None, helper=None, recipient=None, date=None,
                expected=None, context=None)
    base.update(attrs)
    fid = fact_id(doc_id, kind, span.start_char, span.end_char, base["helper"], base["recipient"])
    first, last = sentences.bounds(span.start)
    sent_start, sent_end = span.doc[first].idx, span.doc[last - 1].idx + len(span.doc[last - 1])
    return Fact(fact_id=fid, doc_id=doc_id, kind=kind, text=span.text, start=span.start_char,
                end=span.end_char, rule=span.id_, sent_start=sent_start, sent_end=sent_end, **base)


FACTS_KEY = "aidfacts_facts"


def present(value) -> bool:
    """A cell that holds something: not None, not NaN (pandas' empty cell), not an empty string."""
    return value is not None and not (isinstance(value, float) and value != value) and value != ""


def fact_values(fact: Fact) -> tuple:
    """A fact's field values in order (Fact(*values) makes it again)."""
    return tuple(getattr(fact, name) for name in FIELD_NAMES)


def fact_from_values(values) -> Fact:
    """The inverse of fact_values, also after a round trip through JSON or msgpack (tuples become lists)."""
    if isinstance(values, tuple):
        return Fact(*values)
    values = list(values)
    at = FIELD_NAMES.index("candidates")
    values[at] = tuple(tuple(tuple(pair) for pair in (c.items() if isinstance(c, dict) else c))
                       for c in values[at])
    return Fact(*values)


def facts_from_dicts(rows: list[dict]) -> list[Fact]:
    return [fact_from_values([row[name] for name in FIELD_NAMES]) for row in rows]


def doc_to_facts(doc: Doc, doc_id: str, keep: bool = True) -> list[Fact]:
    """Every fact of a processed Doc, sorted by position, kind and rule (those the records component
    stored when it ran, else made from the Doc's spans)."""
    stored = doc.user_data.get(FACTS_KEY) if keep else None
    if stored is not None and all(row[DOC_ID_AT] == doc_id for row in stored):
        return [row if isinstance(row, Fact) else fact_from_values(row) for row in stored]
    facts = make_facts(doc, doc_id)
    release(doc)
    return facts


def make_facts(doc: Doc, doc_id: str) -> list[Fact]:
    gazetteer = default_gazetteer()
    sentences = sentence_index(doc)
    facts = []
    for span in doc.spans.get("date", []):
        ext = span._
        facts.append(make_fact(doc_id, span, "date", sentences, value=ext.value, missing=bool(ext.missing),
                               date=ext.value))
    for span in region_index(doc).regions:
        ext = span._
        facts.append(make_fact(doc_id, span, "region", sentences, value=ext.value, region=ext.value,
                               region_code=ext.code))
    for span in doc.spans.get("count", []):
        ext = span._
        region = ext.region
        facts.append(make_fact(
            doc_id, span, span.label_, sentences, value=ext.value, missing=bool(ext.missing),
            qualifier=ext.qualifier, status=ext.status, period=ext.period, unit=ext.unit,
            region=region, region_code=gazetteer[region].code if region else None,
            origin=ext.origin, destination=ext.destination, date=ext.date))
    for span in doc.spans.get("pairing", []):
        ext = span._
        facts.append(make_fact(doc_id, span, "pairing", sentences, helper=ext.helper, recipient=ext.recipient))
    owners = [f for f in facts if f.missing and f.kind != "missing_number"]
    for span in doc.spans.get("gap", []):
        owner = next((f.fact_id for f in owners if f.start <= span.start_char < f.end), None)
        facts.append(make_fact(doc_id, span, "missing_number", sentences, missing=True, expected=span._.expected,
                               context=context_of(span, 25), belongs_to=owner))
    return sorted(facts, key=lambda f: (f.start, f.end, KINDS.index(f.kind), f.rule, f.fact_id))
