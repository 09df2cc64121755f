"""Fact: one record of the contract (../shared/spec/RECORDS.md), made from a processed Doc."""
from __future__ import annotations

import hashlib
from typing import NamedTuple

from spacy.tokens import Doc, Span

from extract.nlp.docindex import SentenceIndex, release, source_text
from extract.nlp.extensions import get, get_all
from extract.nlp.gazetteer import default_gazetteer
from extract.nlp.rules.relations import region_index, sentence_index, spans_of

KINDS = ("date", "region", "case_count", "personnel_count", "team_count", "region_count", "pairing",
         "missing_number")
COUNT_KINDS = ("case_count", "personnel_count", "team_count", "region_count")


class Fact(NamedTuple):
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
    suggestion_basis: str | None = None   # `passage` (the same words in another article) or `attributes`
    suggestion_start: int | None = None   # where the suggested value stands in suggestion_doc
    suggestion_end: int | None = None
    event: str | None = None              # personnel counts: `sent` or `returned`, None when the text says neither
    scope: str | None = None              # personnel counts: `batch`, `total` (a running total) or `part` (of a team)
    teams: int | None = None              # personnel counts: the number of teams or batches stated with the count
    whole_country: bool | None = None   # a case count of the whole country (its region is empty on purpose)

    def to_dict(self) -> dict:
        data = dict(zip(FIELD_NAMES, self))
        data["candidates"] = [dict(c) for c in self.candidates]
        return data


# A NamedTuple rather than a dataclass: facts are made, pickled between processes and spilled to disk by
# the million, and a tuple is made and pickled in C while a frozen dataclass sets its fields one by one.
FIELDS = FIELD_NAMES = Fact._fields
DOC_ID_AT = FIELD_NAMES.index("doc_id")


def fact_id(doc_id: str, kind: str, start: int, end: int, helper: str | None = None,
            recipient: str | None = None, place: str | None = None) -> str:
    """Stable id: the same document text gives the same id on every run and machine (the sha1 of
    `doc_id|kind|start|end|helper|recipient`, empty where there is none). A count one span states for each of
    several places (EACH_PLACE_RULE) is one fact per place: those facts, and only those, add `|place` to the key."""
    key = f"{doc_id}|{kind}|{start}|{end}|{helper or ''}|{recipient or ''}"
    if place:
        key += f"|{place}"
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


EACH_PLACE_RULE = "each_place"   # the rule (after `kind:`) of a count stated for each of several places


def place_key(rule: str | None, region: str | None) -> str | None:
    """The place a fact's id is keyed by: its region for a per-place fact of a shared count, else None."""
    return region if rule and rule.rpartition(":")[2] == EACH_PLACE_RULE else None


def context_of(text: str, start: int, end: int, width: int = 40) -> str:
    """The words around text[start:end] on one line, spacing kept (a blank's double space stays visible)."""
    lo, hi = max(0, start - width), min(len(text), end + width)
    return text[lo:hi].replace("\r", " ").replace("\n", " ").strip()


def fact_row(doc_id: str, span: Span, kind: str, text: str, sentences: SentenceIndex, value=None,
             missing: bool = False, qualifier=None, status=None, period=None, unit=None, region=None,
             region_code=None, origin=None, destination=None, helper=None, recipient=None, date=None,
             expected=None, context=None, belongs_to=None, event=None, scope=None, teams=None,
             whole_country=None, rule: str | None = None) -> Fact:
    """One fact, made straight from the span and its attributes (a tuple in the fields' order: this runs
    for every fact of every article)."""
    start, end = span.start_char, span.end_char
    sent_start, sent_end = sentences.char_bounds(span.start)
    rule = rule or span.id_
    return new_fact(Fact, (
        fact_id(doc_id, kind, start, end, helper, recipient, place_key(rule, region)), doc_id, kind, value, missing, qualifier, status,
        period, unit, region, region_code, origin, destination, helper, recipient, date, text[start:end], start,
        end, rule, expected, context, sent_start, sent_end, belongs_to, None, None, None, None, (), None, None,
        None, event, scope, teams, whole_country))


new_fact = tuple.__new__   # new_fact(Fact, values): a Fact from a tuple of its values in order, made in C;
# tests/test_spans.py checks fact_row's order against Fact's fields


FACTS_KEY = "aidfacts_facts"
NUMBERS_KEY = "aidfacts_numbers"
NUMBER_KIND = "number"   # a numeral's account (components/accounting.py): never a fact of the contract
RECORD_KINDS = KINDS + (NUMBER_KIND,)


def number_row(doc_id: str, text: str, start: int, end: int, value: int | None, reason: str, rule: str,
               belongs_to: str | None, sent_start: int, sent_end: int, context: str) -> Fact:
    """The account of one numeral, as a Fact of kind `number`: value = its value where it reads as a whole
    number, expected = its reason (`fact`, `money`, ..., `unexplained`), rule = the rule that gave it,
    belongs_to = the fact that holds it."""
    return new_fact(Fact, (
        fact_id(doc_id, NUMBER_KIND, start, end), doc_id, NUMBER_KIND, value, False, None, None, None, None, None,
        None, None, None, None, None, None, text[start:end], start, end, rule, reason, context, sent_start, sent_end,
        belongs_to, None, None, None, None, (), None, None, None, None, None, None, None))


def number_records(doc: Doc, doc_id: str) -> list[Fact]:
    """The numeral accounts the accounting component stored for a processed Doc, under `doc_id`."""
    stored = doc.user_data.get(NUMBERS_KEY) or []
    if any(row[DOC_ID_AT] != doc_id for row in stored):
        stored = [row._replace(doc_id=doc_id, fact_id=fact_id(doc_id, NUMBER_KIND, row.start, row.end))
                  for row in stored]   # (a fact it names keeps the id made under the Doc's own doc_id)
    return list(stored)


def present(value) -> bool:
    """A cell that holds something: not None, not NaN (pandas' empty cell), not an empty string."""
    return value is not None and not (isinstance(value, float) and value != value) and value != ""


def fact_from_values(values) -> Fact:
    """A Fact from its field values in order, also after a round trip through JSON or msgpack (tuples become
    lists)."""
    if isinstance(values, Fact):
        return values
    if isinstance(values, tuple):
        return Fact._make(values)
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
    if stored is None or any(row[DOC_ID_AT] != doc_id for row in stored):
        stored = make_rows(doc, doc_id)
        release(doc)
    return [fact_from_values(row) for row in stored]


COUNT_ATTRIBUTES = ("value", "missing", "qualifier", "status", "period", "unit", "region", "origin", "destination",
                    "date", "event", "scope", "teams", "whole_country")
KIND_ORDER = {kind: i for i, kind in enumerate(KINDS)}
AT = {name: i for i, name in enumerate(FIELD_NAMES)}


def make_rows(doc: Doc, doc_id: str) -> list[Fact]:
    """Every fact of a processed Doc, sorted by position, kind, rule and id."""
    gazetteer = default_gazetteer()
    sentences = sentence_index(doc)
    text = source_text(doc)
    rows = []
    for span in spans_of(doc, "date"):
        value = get(span, "value")
        rows.append(fact_row(doc_id, span, "date", text, sentences, value=value, missing=bool(get(span, "missing")),
                             date=value))
    for span in region_index(doc).regions:
        value = get(span, "value")
        rows.append(fact_row(doc_id, span, "region", text, sentences, value=value, region=value,
                             region_code=get(span, "code")))
    for span in spans_of(doc, "count"):
        values = dict(zip(COUNT_ATTRIBUTES, get_all(span, COUNT_ATTRIBUTES)))
        values["missing"] = bool(values["missing"])
        places = get(span, "places")
        if places:   # one number stated for each of several places: one fact per place, keyed by its place
            rule = f"{span.label_}:{EACH_PLACE_RULE}"
            for place in places:
                values["region"] = place
                rows.append(fact_row(doc_id, span, span.label_, text, sentences, region_code=gazetteer[place].code,
                                     rule=rule, **values))
            continue
        region = values["region"]
        rows.append(fact_row(doc_id, span, span.label_, text, sentences,
                             region_code=gazetteer[region].code if region else None, **values))
    for span in spans_of(doc, "pairing"):
        rows.append(fact_row(doc_id, span, "pairing", text, sentences, helper=get(span, "helper"),
                             recipient=get(span, "recipient")))
    at_missing, at_kind, at_start, at_end, at_id = AT["missing"], AT["kind"], AT["start"], AT["end"], AT["fact_id"]
    owners = [r for r in rows if r[at_missing] and r[at_kind] != "missing_number"]
    for span in spans_of(doc, "gap"):
        start = span.start_char
        owner = next((r[at_id] for r in owners if r[at_start] <= start < r[at_end]), None)
        rows.append(fact_row(doc_id, span, "missing_number", text, sentences, missing=True,
                             expected=get(span, "expected"), context=context_of(text, start, span.end_char, 25),
                             belongs_to=owner))
    at_rule = AT["rule"]
    return sorted(rows, key=lambda r: (r[at_start], r[at_end], KIND_ORDER[r[at_kind]], r[at_rule], r[at_id]))
