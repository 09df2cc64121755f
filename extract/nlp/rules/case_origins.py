"""Parts of a case count told by where the patients came from (`12 new imported cases, 7 from Britain and 5 from
Italy`, `24 new cases from 31 provincial-level regions, including 13 from Hubei`): whose cases they are follows
the project's rule for imported cases (tests/test_imported_shapes.py): a place's report keeps them its own; a
report of the whole country gives them to the Chinese place they come from, and to no place when it is abroad."""
from __future__ import annotations

from spacy.tokens import Doc, Span

from extract.nlp.extensions import get
from extract.nlp.rules.count_levels import LevelFinder, previous_count
from extract.nlp.docindex import doc_index
from extract.nlp.rules.counting import AUXILIARIES, Head
from extract.nlp.rules.relations import last_before, lower_words, region_index, sentence_start, spans_of
from extract.nlp.triggers import word_set

ORIGIN_JOINS = frozenset({",", "and", ";"})   # what stands before each part of a list of origins
PART_JOINS = ORIGIN_JOINS | frozenset({"with", "while", "whereas"})   # `, with 20 imported from abroad`
ORIGIN_PARTS = word_set("origin_parts", "words")
ORIGIN_FOLLOWERS = word_set("origin_parts", "followers")
ORIGIN_MANNERS = frozenset({"transmitted", "acquired", "infected"})   # `locally transmitted`
SKIPPED_UNITS = frozenset({"province"})   # a count of provinces holds no parts from a province


class OriginItems(LevelFinder):
    """The heads of counts of cases by origin."""

    def origin_place(self, doc: Doc, number: Span) -> Span | None:
        """The place after `N from (the)`, a region of the gazetteer, or None."""
        words, j = lower_words(doc), number.end
        if j >= len(doc) or words[j] != "from":
            return None
        j += 1
        if j < len(doc) and words[j] == "the":
            j += 1
        return region_index(doc).by_start.get(j)

    def from_somewhere(self, doc: Doc, number: Span) -> bool:
        """`7 from the United Kingdom`, `5 from Italy`: a bare number, then `from` and a capitalised name."""
        j = number.end
        if j + 1 >= len(doc) or lower_words(doc)[j] != "from":
            return False
        if lower_words(doc)[j + 1] == "the":
            j += 1
        if j + 1 >= len(doc) or not doc[j + 1].text[:1].isupper():
            return False
        return not any(d.start <= j + 1 < d.end for d in spans_of(doc, "date"))   # `7 from Tuesday on`

    def origin_item(self, doc: Doc, number: Span, facts: list[Span]) -> Head | None:
        """`Shanghai reported 12 new imported cases, 7 from the United Kingdom and 5 from Italy`: a bare number
        joined to the case count just before it in its sentence, then where its patients came from."""
        if number.start == 0 or lower_words(doc)[number.start - 1] not in ORIGIN_JOINS or \
                not self.from_somewhere(doc, number):
            return self.origin_part(doc, number, facts)
        previous = previous_count(facts, number.start, sentence_start(doc, number.start))
        if previous is None or previous.label_ != "case_count" or self.list_broken(doc, number, previous):
            return None
        return Head("case", "case_origin_item", number.end, (previous.start, previous.end), previous.end,
                    region=self.origin_owner(doc, number, previous))

    def origin_part(self, doc: Doc, number: Span, facts: list[Span]) -> Head | None:
        """`Of the new cases, 20 were imported and 5 were local`, `25 new cases on Monday, 20 were imported from
        abroad`, `... . 20 were imported.`: a bare number told by where its patients were infected (data/
        triggers.json origin_parts), after a join to the case count before it in its sentence, or opening the
        sentence after one: a part of that count, whose status and period it takes."""
        words, index = lower_words(doc), doc_index(doc)
        j = number.end
        while j < len(doc) and j < number.end + 2 and words[j] in AUXILIARIES:
            j += 1   # `were`, `have been`
        if j >= len(doc) or words[j] not in ORIGIN_PARTS:
            return None
        j += 1
        while j < len(doc) and words[j] in ORIGIN_MANNERS:
            j += 1   # `locally transmitted`
        if j < len(doc) and not (index.is_punct[j] or index.is_space[j] or words[j] in ORIGIN_FOLLOWERS):
            return None   # `20 were imported goods`: the word tells something else
        s = sentence_start(doc, number.start)
        if number.start > s and words[number.start - 1] not in PART_JOINS:
            return None
        whole = previous_count(facts, number.start, s) if number.start > s else \
            self.count_of_the_sentence_before(doc, s, facts)
        if whole is None or whole.label_ != "case_count" or self.list_broken(doc, number, whole):
            return None
        return Head("case", "case_origin_item", number.end, (whole.start, whole.end), whole.end,
                    region=get(whole, "region"))

    @staticmethod
    def count_of_the_sentence_before(doc: Doc, s: int, facts: list[Span]) -> Span | None:
        """The last count of the sentence before, in the same paragraph."""
        if s == 0:
            return None
        whole = last_before(facts, s, floor=sentence_start(doc, s - 1))
        return whole if whole is not None and "\n" not in doc[whole.end: s].text else None

    def origin_owner(self, doc: Doc, number: Span, whole: Span) -> str | None:
        """Whose cases a part by origin counts: its whole's place; for a count of the whole country, the
        Chinese place it comes from (None abroad)."""
        if get(whole, "region"):
            return get(whole, "region")
        place = self.origin_place(doc, number)
        return get(place, "value") if place is not None else None

    def including_origin(self, doc: Doc, number: Span, facts: list[Span]) -> Head | None:
        """`24 new cases, including 13 from Hubei`, `... from 31 provincial-level regions, including 13 from
        Hubei`: a part of the case count before it, told by origin."""
        if self.origin_place(doc, number) is None:
            return None
        whole = previous_count(facts, number.start, sentence_start(doc, number.start)) or \
            self.whole_past_places(doc, number, facts)
        if whole is None or whole.label_ != "case_count":
            return None
        return Head("case", "case_origin_item", number.end, (whole.start, whole.end), whole.end,
                    region=self.origin_owner(doc, number, whole))

    def whole_past_places(self, doc: Doc, number: Span, facts: list[Span]) -> Span | None:
        """`24 new cases from 31 provincial-level regions, including 13 from Hubei`: the part is of the case
        count, not of the count of provinces between them (no province holds provinces)."""
        sent = sentence_start(doc, number.start)
        between = last_before(facts, number.start, floor=sent)
        if between is None or between.label_ != "region_count" or get(between, "unit") not in SKIPPED_UNITS or \
                self.origin_place(doc, number) is None:
            return None
        whole = last_before(facts, between.start, lambda f: f.label_ == "case_count", floor=sent)
        if whole is None or any(f.label_ != "region_count" for f in facts if whole.end <= f.start < number.start):
            return None
        return whole
