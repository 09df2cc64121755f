"""What counting rules share: the trigger words, what a counted phrase is, and the helpers all use."""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span

from extract.nlp.docindex import INDEX_KEY
from extract.nlp.extensions import get
from extract.nlp.gazetteer import default_gazetteer
from extract.nlp.rules.list_shapes import closes_lead
from extract.nlp.rules.relations import attachable_dates, lower_words, nearest, token_texts
from extract.nlp.rules.scopes import ScopeReader
from extract.nlp.triggers import triggers, word_set

KIND_BY_CLASS = {"case": "case_count", "personnel": "personnel_count", "team": "team_count",
                 "region_province": "region_count", "region_city": "region_count"}
UNIT_BY_CLASS = {"region_province": "province", "region_city": "city"}
MODIFIER_WINDOW = 6
INCLUDING = word_set("including_words")
AUXILIARIES = frozenset({"have", "has", "had", "been", "were", "was", "are", "is", "being"})
STATE_ADVERBS = frozenset({"still", "already", "now", "currently", "reportedly", "also"})
# verbs that start a clause about a new total (`51 new cases, bringing the total to 742`)
TOTAL_CLAUSE_VERBS = frozenset({"bringing", "brought", "taking", "pushing", "raising", "lifting"})
PERIOD_OPENERS = frozenset({"since"})
PERIOD_OPENER_FILLERS = frozenset({"the", "start", "beginning", "end", "of", "early", "late", "mid", "on"})
PERIOD_OPENER_REACH = 4   # `since the beginning of February`


@dataclass
class Head:
    """What a number counts: the noun class, the rule that found it and where the counted phrase ends."""
    noun_class: str
    rule: str
    end: int
    modifiers: tuple[int, int] = (0, 0)   # token range between the number and its noun
    noun_end: int | None = None           # end of the counted noun (a list member's is its last member's)
    region: str | None = None             # a list item's own region (`4 in Nanjing`)


class CountWords:
    """The trigger words of data/triggers.json that counting rules use, loaded once per rule set."""

    def __init__(self):
        t = triggers()
        self.noun_class = {word: cls for cls, words in t["nouns"].items() for word in words}
        self.singular_region = word_set("singular_region_nouns")
        self.stop = word_set("noun_modifier_stop")
        self.not_counted = word_set("not_counted")
        self.supply = word_set("supply_words")
        self.not_case_context = word_set("not_case_context")
        self.status_words = {status: word_set("statuses", status) for status in t["statuses"]}
        self.status_priority = tuple(t["status_priority"])
        self.any_status = frozenset().union(*self.status_words.values())
        self.new_words = word_set("period", "new")
        self.total_words = word_set("period", "total")
        self.total_verbs = tuple(v.split() for v in t["total_verbs"])
        self.send_verbs = word_set("send_verbs")
        self.dest_preps = word_set("destination_preps")
        self.dest_verbs = word_set("destination_verbs")
        self.origin_verbs = word_set("origin_verbs")
        self.blocking = word_set("subject_blocking_preps")
        self.partitive = word_set("partitive_pronouns")
        self.copulas = word_set("copulas")
        self.reach = word_set("reach_words")
        self.report_verbs = word_set("report_verbs")
        self.receive_verbs = word_set("receive_verbs")
        self.gazetteer = default_gazetteer()
        self.scopes = ScopeReader()

    def classify_word(self, doc: Doc, j: int) -> str | None:
        try:   # the index read inline (as in lower_words): asked for most words near a number
            return self.noun_class.get(doc.user_data[INDEX_KEY].lower[j])
        except KeyError:
            return self.noun_class.get(lower_words(doc)[j])

    @staticmethod
    def noun_phrase(head: Head, number: Span) -> tuple[int, int]:
        """Token range of the modifiers and noun that a number counts (shared by a list's members)."""
        if head.noun_end is not None:
            return head.modifiers[0], head.noun_end
        return number.end, head.end

    def list_chain(self, doc: Doc, number: Span, numbers: list[Span]) -> list[Span]:
        """The numbers of a list that this one starts or continues (`202, 183, 176 and 114`)."""
        by_start = self.numbers_by_start(numbers)
        chain, current = [number], number
        while not closes_lead(doc, current):   # `Among the total of 85, 18 patients`: the lead's whole, no member
            j = current.end
            if j < len(doc) and token_texts(doc)[j] in (",", "and"):
                j += 1
                if j < len(doc) and lower_words(doc)[j] == "and":
                    j += 1
            if j == current.end or j not in by_start:
                break
            current = by_start[j]
            chain.append(current)
        return chain if len(chain) > 1 else []

    def numbers_by_start(self, numbers: list[Span]) -> dict[int, Span]:
        """The numbers by first token, made once per list (once per document for the pipeline's list)."""
        key = (id(numbers), len(numbers))
        if getattr(self, "_by_start_key", None) != key:
            self._by_start_key, self._by_start = key, {n.start: n for n in numbers}
            self._by_start_list = numbers   # kept so that the id is not reused by another list
        return self._by_start

    def is_team_modifier(self, doc: Doc, region: Span) -> bool:
        """`Shandong medical team`, `Hainan doctors`: the region says whose staff, not whose cases."""
        j = region.end
        for _ in range(3):
            if j >= len(doc):
                return False
            cls = self.classify_word(doc, j)
            if cls in ("personnel", "team"):
                return True
            if lower_words(doc)[j] not in ("provincial", "medical", "municipal", "aid", "health", "'s", "’s"):
                return False
            j += 1
        return False

    def fact_date(self, doc: Doc, number: Span, start: int, end: int) -> str | None:
        """The date a count is as of: the nearest in its clause that does not open its period (`since 27
        March` is when the counting began, not the day the count is as of)."""
        dates = [span for span in attachable_dates(doc, start, end) if not opens_period(doc, span)]
        found = nearest(dates, number.start)
        return get(found, "value") if found is not None else None


def opens_period(doc: Doc, date: Span) -> bool:
    """`since 27 March 2014`, `since the start of February`: the date a period starts from."""
    words = lower_words(doc)
    for j in range(date.start - 1, max(-1, date.start - 1 - PERIOD_OPENER_REACH), -1):
        if words[j] in PERIOD_OPENERS:
            return True
        if words[j] not in PERIOD_OPENER_FILLERS:
            return False
    return False
