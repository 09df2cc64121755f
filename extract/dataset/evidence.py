"""The corpus-level evidence pass: propose values for missing numbers, and report conflicting values.

It needs every document's facts, so it runs after extraction, outside the spaCy pipeline, in one streaming
pass: documents are added to an EvidenceIndex one at a time in doc_id order, each stating fact written as a row
of an on-disk SQLite scratch database (scratch.py); finish() reads the rows back grouped by the key of the
attributes that must agree (kind plus region, unit, status, origin, destination) and makes, key by key, a
summary per stated value (how many facts and documents, the first evidence, publication days), keeping the
ranked values of each key on disk too, so memory does not grow with the corpus and the pass is linear.
Nothing is filled in silently: a missing fact keeps value null and gets a separate `suggestion` with its
evidence (document, fact, sentence, offsets) and the ranked `candidates`. The passage beats the attributes: a
blank whose words stand around a number in another article (passages.py) takes that number
(`suggestion_basis` passage), and articles that disagree there leave it without a suggestion; only a blank
the passage says nothing of is matched by attributes, and only where the corpus states a single value for
its key (`suggestion_basis` attributes). No suggestion is better than a wrong one.
"""
from __future__ import annotations

import bisect
import itertools
import pickle
from collections import Counter, OrderedDict, defaultdict
from dataclasses import dataclass, field
from typing import Iterator, NamedTuple

from extract.dataset.passages import PassageIndex, PassageMatch
from extract.dataset.scratch import Rows, ScratchDB
from extract.nlp.normalize import parse_iso
from extract.nlp.records import Fact

SUGGESTIBLE = ("case_count", "personnel_count", "region_count")
CONFLICTING = ("case_count", "personnel_count")
MAX_CANDIDATES = 5
TOP_VALUES = 25   # values kept per key: the ranking looks at a bounded list, so the pass stays linear
KEYS_KEPT = 256   # keys whose ranked values pass 2 keeps in memory (the others are read again from disk)
PICKLE = pickle.HIGHEST_PROTOCOL


def evidence_key(fact: Fact) -> tuple | None:
    """What must agree for one fact to be evidence of another: everything that makes it one figure. A case
    count's region, status, period and day; a dispatch's origin, destination and day; a count of regions' unit
    and the region they lie in (`the  cities of Hubei`: a set of places, not a daily figure). None when any of
    them is unknown: `Hubei's  deaths` and another article's Hubei deaths are one figure only on one day and in
    one period (on the owners' damaged articles, a key of region and status alone proposed 46 values and none
    was right), and no suggestion is better than a wrong one."""
    if fact.kind == "region_count":
        return (fact.kind, fact.unit, fact.region) if fact.region is not None else None
    if not day_of(fact.date):
        return None
    if fact.kind == "case_count":
        if fact.region is None or fact.period is None or fact.status in (None, "unspecified"):
            return None
        return fact.kind, fact.region, fact.status, fact.period, fact.date
    if fact.kind == "personnel_count":
        if fact.destination is None or fact.origin is None:
            return None
        return fact.kind, fact.origin, fact.destination, fact.date
    return None


def day_of(date: str | None) -> bool:
    """Whether a date names one day (`2020-02-10`), not a month or a year."""
    return date is not None and len(date) == 10


def conflict_key(fact: Fact) -> tuple | None:
    """Facts that state the same thing (kind, region, date, status, period, origin), or None."""
    if fact.value is None or fact.missing or fact.kind not in CONFLICTING:
        return None
    region = fact.region if fact.kind == "case_count" else fact.destination
    if region is None or fact.date is None:
        return None
    return fact.kind, region, fact.date, fact.status, fact.period, fact.origin


def is_evidence(fact: Fact) -> bool:
    return fact.kind in SUGGESTIBLE and fact.value is not None and not fact.missing


def fits_expected(expected: str | None, value) -> bool:
    """A comma left behind means thousands; a lone deleted word, a number below a thousand."""
    if not isinstance(value, (int, float)):
        return False
    if expected == "thousands":
        return value >= 1000
    if expected == "count":
        return value < 1000
    return True


def sentence_of(fact: Fact, text: str) -> str:
    if fact.sent_start is None or not text:
        return fact.text
    return " ".join(text[fact.sent_start:fact.sent_end].split())


class Stating(NamedTuple):
    """What the ranking reads of a stating fact (stored instead of the whole fact)."""
    value: object
    doc_id: str
    qualifier: str | None
    date: str | None


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


@dataclass(frozen=True, slots=True)
class Evidence:
    """One stating fact, with the sentence it was read from."""
    doc_id: str
    fact_id: str
    start: int
    end: int
    value: object
    sentence: str


@dataclass(slots=True)
class ValueSupport:
    """Everything the ranking needs about one value stated for one key, gathered as documents arrive. The
    distinct days, qualifiers and dates are short lists rather than sets: a value is stated on a few days with
    a qualifier or two, and an index of a million values holds three of each (an empty set costs 216 bytes)."""
    value: object
    facts: int = 0
    docs: int = 0
    first: Evidence | None = None         # the first stating fact in (doc_id, start) order
    first_elsewhere: Evidence | None = None   # the first one in a document other than first's
    days: list[int] = field(default_factory=list)   # publication days (ordinals) of the stating documents,
    #                                                 sorted by EvidenceIndex.finish
    qualifiers: list[str | None] = field(default_factory=list)
    dates: list[str | None] = field(default_factory=list)

    def evidence_for(self, doc_id: str) -> Evidence | None:
        return self.first if self.first.doc_id != doc_id else self.first_elsewhere


class RankedSupports:
    """key -> its ranked ValueSupports, stored on disk by EvidenceIndex.finish; the most recently used keys are
    kept in memory (a bounded number)."""

    def __init__(self, scratch: ScratchDB):
        self.scratch = scratch
        self.kept: OrderedDict[tuple, list[ValueSupport] | None] = OrderedDict()

    def get(self, key: tuple) -> list[ValueSupport] | None:
        if key in self.kept:
            self.kept.move_to_end(key)
            return self.kept[key]
        row = self.scratch.db.execute("SELECT supports FROM evidence_ranked WHERE key = ?", (repr(key),)).fetchone()
        supports = None if row is None else [support_from_row(r) for r in pickle.loads(row[0])]
        self.kept[key] = supports
        if len(self.kept) > KEYS_KEPT:
            self.kept.popitem(last=False)
        return supports

    def __contains__(self, key: tuple) -> bool:
        return self.get(key) is not None

    def __getitem__(self, key: tuple) -> list[ValueSupport]:
        supports = self.get(key)
        if supports is None:
            raise KeyError(key)
        return supports


class EvidenceIndex:
    """Add every document (add_document, in doc_id order), call finish(), then ask for each document's
    suggestions (suggest) and for the corpus's conflicts (conflicts). The rows live in `scratch` (a private
    temporary database when none is given)."""

    def __init__(self, scratch: ScratchDB | None = None):
        self.scratch = scratch if scratch is not None else ScratchDB()
        db = self.scratch.db
        # one row per stating fact and per fact that may conflict, in the order they came (the rowid)
        db.execute("CREATE TABLE evidence_stated (key TEXT, row BLOB)")
        db.execute("CREATE TABLE evidence_conflict (key TEXT, row BLOB, value TEXT)")   # value: its repr
        db.execute("CREATE TABLE evidence_ranked (key TEXT PRIMARY KEY, supports BLOB)")
        # the keys of the missing facts, the only keys suggest() asks for: finish() ranks no other key's values
        db.execute("CREATE TABLE evidence_wanted (key TEXT)")
        self.stated_rows = Rows(self.scratch, "INSERT INTO evidence_stated VALUES (?, ?)")
        self.wanted_rows = Rows(self.scratch, "INSERT INTO evidence_wanted VALUES (?)")
        self.conflict_rows = Rows(self.scratch, "INSERT INTO evidence_conflict VALUES (?, ?, ?)")
        # while finish() reads one key's rows back: value -> its ValueSupport
        self.supports: dict[tuple, dict[object, ValueSupport]] = defaultdict(dict)
        self.ranked = RankedSupports(self.scratch)
        self.last_doc: str | None = None
        # the current document's Evidence by fact and sentence text by bounds: a count that is evidence and can
        # conflict is remembered once, and facts of one sentence share its text
        self.document_evidence: dict[str, Evidence] = {}
        self.document_sentences: dict[tuple[int, int], str] = {}

    def add_document(self, doc_id: str, facts: list[Fact], text: str, published: str | None) -> None:
        if self.last_doc is not None and doc_id < self.last_doc:
            raise ValueError(f"documents must be added in doc_id order ({doc_id} after {self.last_doc})")
        self.last_doc = doc_id
        self.document_evidence.clear()
        self.document_sentences.clear()
        day = parse_iso(published)
        day = day.toordinal() if day else None
        for fact in facts:
            if fact.kind not in SUGGESTIBLE:   # dates, regions, pairings, blanks: neither evidence nor a conflict
                continue
            if fact.missing:   # its key's values will be asked for (neither evidence nor a conflict itself)
                self.want((fact,))
                continue
            if is_evidence(fact):
                key = evidence_key(fact)
                if key is not None:   # to disk; add_support reads it back in finish()
                    self.stated_rows.add((repr(key), pickle.dumps(
                        (key, (fact.value, fact.doc_id, fact.qualifier, fact.date),
                         evidence_row(self.evidence(fact, text)), day), protocol=PICKLE)))
            key = conflict_key(fact)
            if key is not None:
                self.conflict_rows.add((repr(key), pickle.dumps(
                    (key, fact.value, evidence_row(self.evidence(fact, text))), protocol=PICKLE), repr(fact.value)))

    def want(self, facts) -> None:
        """Note the keys that suggest() will ask for these facts (the missing ones among them; add_document notes
        those of the facts it is given, a build those of its rejected facts too, which pass 2 also asks for)."""
        for fact in facts:
            if fact.missing and fact.kind in SUGGESTIBLE:
                key = evidence_key(fact)
                if key is not None:
                    self.wanted_rows.add((repr(key),))

    def add_support(self, key: tuple, fact: Fact | Stating, evidence: Evidence, day: int | None,
                    seen_here: set[tuple]) -> None:
        support = self.supports[key].get(fact.value)
        if support is None:
            support = self.supports[key][fact.value] = ValueSupport(fact.value)
        support.facts += 1
        if (key, fact.value) not in seen_here:
            seen_here.add((key, fact.value))
            support.docs += 1
            if day is not None and day not in support.days:
                support.days.append(day)
        if support.first is None:
            support.first = evidence
        elif support.first_elsewhere is None and support.first.doc_id != fact.doc_id:
            support.first_elsewhere = evidence
        if fact.qualifier not in support.qualifiers:
            support.qualifiers.append(fact.qualifier)
        if fact.date not in support.dates:
            support.dates.append(fact.date)

    def evidence(self, fact: Fact, text: str) -> Evidence:
        found = self.document_evidence.get(fact.fact_id)
        if found is None:
            if fact.sent_start is None or not text:
                sentence = sentence_of(fact, text)
            else:
                bounds = (fact.sent_start, fact.sent_end)
                sentence = self.document_sentences.get(bounds)
                if sentence is None:
                    sentence = self.document_sentences[bounds] = sentence_of(fact, text)
            found = self.document_evidence[fact.fact_id] = Evidence(fact.doc_id, fact.fact_id, fact.start, fact.end,
                                                                    fact.value, sentence)
        return found

    def finish(self) -> None:
        """The stated rows of the wanted keys read back key by key, in the order they came, each key's values
        summed up by add_support and ranked, the ranking stored."""
        self.stated_rows.flush()
        self.conflict_rows.flush()
        self.wanted_rows.flush()
        db = self.scratch.db
        ranked = Rows(self.scratch, "INSERT INTO evidence_ranked VALUES (?, ?)")
        # only the keys some missing fact has (most stated facts are of keys no document lacks a value for)
        rows = db.execute("SELECT row FROM evidence_stated WHERE key IN (SELECT key FROM evidence_wanted) "
                          "ORDER BY key, rowid")
        for _, group in itertools.groupby((pickle.loads(row) for row, in rows), key=lambda r: r[0]):
            seen_here: set[tuple] = set()
            last_doc = None
            for key, values, evidence, day in group:
                fact = Stating._make(values)
                if fact.doc_id != last_doc:
                    seen_here.clear()
                    last_doc = fact.doc_id
                self.add_support(key, fact, Evidence(*evidence), day, seen_here)
            for key, by_value in self.supports.items():
                supports = sorted(by_value.values(), key=lambda v: (-v.docs, -v.facts, str(v.value)))[:TOP_VALUES]
                for support in supports:
                    support.days.sort()
                ranked.add((repr(key), pickle.dumps([support_row(v) for v in supports], protocol=PICKLE)))
            self.supports.clear()
        ranked.flush()
        db.execute("DROP TABLE evidence_stated")
        self.scratch.commit()

    def conflict_groups(self):
        """conflict key -> value -> [facts stating it, first Evidence], key by key in the order of str(key), for the
        keys stated with two values or more."""
        # only the keys stated with two values or more (by their repr: a superset of the values Python tells
        # apart), the only ones that can conflict: the rows of every other key are never unpickled
        rows = self.scratch.db.execute(
            "SELECT row FROM evidence_conflict WHERE key IN (SELECT key FROM evidence_conflict GROUP BY key "
            "HAVING count(DISTINCT value) > 1) ORDER BY key, rowid")
        for key, group in itertools.groupby((pickle.loads(row) for row, in rows), key=lambda r: r[0]):
            by_value: dict[object, list] = {}
            for _, value, evidence in group:
                entry = by_value.get(value)
                if entry is None:
                    by_value[value] = [1, Evidence(*evidence)]
                else:
                    entry[0] += 1
            yield key, by_value

    def suggest(self, facts: list[Fact], published: str | None,
                passages: dict[str, PassageMatch] | None = None) -> list[Fact]:
        """One document's facts with suggestions on every blank and the missing fact it belongs to: from the
        passage where another article has the blank's words (`passages`: gap fact_id -> PassageMatch), else
        from the attributes of other articles' facts."""
        wanting = [(fact, key) for fact in facts if fact.missing and fact.kind in SUGGESTIBLE
                   for key in (evidence_key(fact),) if key is not None and key in self.ranked]
        if not wanting and not passages:
            return facts   # most documents: nothing is missing that the corpus states
        by_passage: dict[str, PassageMatch] = {}
        for fact in facts:
            match = passages.get(fact.fact_id) if passages and fact.kind == "missing_number" else None
            if match is not None:
                for target in (fact.fact_id, fact.belongs_to):
                    if target and target not in by_passage:
                        by_passage[target] = match
        suggested: dict[str, tuple] = {fid: (m.value, m.candidates, "passage") for fid, m in by_passage.items()}
        expected_of = {f.belongs_to: f.expected for f in facts if f.kind == "missing_number" and f.belongs_to}
        own = Counter((evidence_key(f), f.value) for f in facts if is_evidence(f))
        day = parse_iso(published)
        day = day.toordinal() if day else None
        for fact, key in wanting:
            if fact.fact_id in by_passage:
                continue   # the passage has spoken, agreeing or not
            ranked = self.rank_candidates(fact, key, own, expected_of.get(fact.fact_id), day)
            if ranked:   # a value only where the corpus states one for the key
                value = ranked[0]["value"] if len(ranked) == 1 else None
                suggested[fact.fact_id] = (value, tuple(tuple(c.items()) for c in ranked), "attributes")
        if not suggested:
            return facts
        return [with_suggestion(fact, suggestion_of(fact, suggested)) for fact in facts]

    def rank_candidates(self, fact: Fact, key: tuple, own: Counter, expected: str | None,
                        own_day: int | None) -> list[dict]:
        """Values stated by other documents for the same key, best first: same qualifier, stated by more
        documents and more often, published nearer in time, then the smaller value (for a stable order)."""
        ranked = []
        for support in self.ranked[key]:
            here = own[(key, support.value)]
            others = support.facts - here
            if not others or not fits_expected(expected, support.value):
                continue
            if fact.date and fact.date not in support.dates and None not in support.dates:
                continue
            ranking = (fact.qualifier in support.qualifiers, support.docs - (1 if here else 0), others,
                       -nearest_days(support.days, own_day), -support.value)
            evidence = support.evidence_for(fact.doc_id)
            ranked.append((ranking, dict(value=support.value, doc_id=evidence.doc_id, fact_id=evidence.fact_id,
                                         sentence=evidence.sentence, support=others, start=evidence.start,
                                         end=evidence.end, basis="attributes")))
        ranked.sort(key=lambda item: item[0], reverse=True)
        return [candidate for _, candidate in ranked[:MAX_CANDIDATES]]

    def conflicts(self) -> Iterator[Conflict]:
        """Pairs of documents that state different values for the same fact (same kind, region and date):
        each other value against the most stated one, enough to show both sources (streamed, in the order
        of str(key))."""
        for (kind, region, date, *_), by_value in self.conflict_groups():
            if len(by_value) < 2:
                continue
            base_value = max(by_value, key=lambda v: (by_value[v][0], -by_value[v][1].start, str(v)))
            a = by_value[base_value][1]
            for value, (_, b) in by_value.items():
                if value != base_value and b.doc_id != a.doc_id:
                    yield Conflict(kind, region, date, a.value, a.doc_id, a.fact_id, a.sentence,
                                   b.value, b.doc_id, b.fact_id, b.sentence)


def support_row(support: ValueSupport) -> tuple:
    """A ValueSupport as the plain tuples it is stored as (a slotted dataclass pickles field by field, in Python)."""
    return (support.value, support.facts, support.docs, support.first and evidence_row(support.first),
            support.first_elsewhere and evidence_row(support.first_elsewhere), support.days, support.qualifiers,
            support.dates)


def support_from_row(row: tuple) -> ValueSupport:
    value, facts, docs, first, elsewhere, days, qualifiers, dates = row
    return ValueSupport(value, facts, docs, first and Evidence(*first), elsewhere and Evidence(*elsewhere), days,
                        qualifiers, dates)


def evidence_row(evidence: Evidence) -> tuple:
    """An Evidence as the plain tuple it is stored as (Evidence(*row) makes it again)."""
    return (evidence.doc_id, evidence.fact_id, evidence.start, evidence.end, evidence.value, evidence.sentence)


def suggestion_of(fact: Fact, suggested: dict[str, tuple]) -> tuple | None:
    """A fact's own suggestion; a blank without one takes the attribute suggestion of the fact it belongs to
    (not a passage value, which belongs to the other blank it was aligned on)."""
    own = suggested.get(fact.fact_id)
    if own is not None or fact.kind != "missing_number" or not fact.belongs_to:
        return own
    owner = suggested.get(fact.belongs_to)
    return owner if owner is not None and owner[2] == "attributes" else None


def with_suggestion(fact: Fact, suggestion: tuple | None) -> Fact:
    """The fact with (value or None, candidates, basis) set; a fact without one as it is."""
    if suggestion is None:
        return fact
    value, candidates, basis = suggestion
    if value is None:
        return fact._replace(candidates=candidates)
    best = dict(candidates[0])
    return fact._replace(suggestion=value, suggestion_doc=best["doc_id"], suggestion_fact=best["fact_id"],
                         suggestion_text=best["sentence"], candidates=candidates, suggestion_basis=basis,
                         suggestion_start=best["start"], suggestion_end=best["end"])


def nearest_days(days: list[int], day: int | None) -> int:
    if day is None or not days:
        return 10_000
    i = bisect.bisect_left(days, day)
    return min(abs(days[j] - day) for j in (i - 1, i) if 0 <= j < len(days))


def evidence_pass(facts: list[Fact], texts: dict[str, str],
                  published: dict[str, str | None]) -> tuple[list[Fact], list[Conflict]]:
    """The evidence pass over facts held in memory: (the facts with suggestions, in their order; conflicts)."""
    by_doc: dict[str, list[Fact]] = defaultdict(list)
    for fact in facts:
        by_doc[fact.doc_id].append(fact)
    index, passages = EvidenceIndex(), PassageIndex()
    order = sorted(by_doc)
    for doc_id in order:
        index.add_document(doc_id, by_doc[doc_id], texts.get(doc_id, ""), published.get(doc_id))
        passages.add_document(doc_id, texts.get(doc_id, ""), by_doc[doc_id], (), published.get(doc_id))
    index.finish()
    passages.finish(lambda k: texts.get(order[k], ""))
    suggested = {}
    for doc_id, doc_facts in by_doc.items():
        for fact in index.suggest(doc_facts, published.get(doc_id), passages.matches(doc_id)):
            suggested[id_of(fact)] = fact
    return [suggested[id_of(f)] for f in facts], list(index.conflicts())


def id_of(fact: Fact) -> tuple:
    return fact.doc_id, fact.fact_id, fact.start, fact.end, fact.kind, fact.rule
