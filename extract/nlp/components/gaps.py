"""aidfacts_gaps: places where a numeral was deleted from the text -> doc.spans["gap"].

Scraped text sometimes loses every digit (and apostrophes, hyphens, quotes) but keeps letters, spaces,
commas and periods. A deleted number leaves evidence: two spaces where one word stood (`of  provinces`),
a comma orphaned between spaces (`with , patients`: a number of thousands), a month with no day
(`on Feb  by`), an ordinal suffix with no number (`nd round`). Each gap also becomes a number span with
no value, so the count it belongs to is still extracted, with `missing` set.
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span

from extract.nlp.extensions import put
from extract.nlp.normalize import month_number
from extract.nlp.rules.relations import lower_words, set_spans, spans_of, text_of, token_indices, token_texts
from extract.nlp.triggers import triggers, word_set
from extract.nlp.components.numbers import QualifierTable

SPAN_KEY = "gap"
ORDINAL_SUFFIXES = {"st", "nd", "rd", "th"}
SLOT_WORDS = word_set("gap_slot_words")
LAYOUT_NEXT = ("http", "www", ".com", ".cn", ".org", ".net")
SENTENCE_END = {".", "!", "?", ":", ";"}
DIGIT = re.compile(r"\d")
JUSTIFIED_SHARE = 0.03   # more double spaces than this share of all spaces: layout, not deleted numbers
HEADER_LINES = 2
# where a gap can be: the second of two spaces, a comma or point after a space, a bare ordinal suffix,
# a line break after a month. Each branch starts with the character it consumes and looks behind only after
# it, so that the regular expression engine skips ahead to those characters instead of trying every position.
CANDIDATE = re.compile(r" (?= \S)(?<=\S )|[,.](?<= [,.])|(?:[sS][tT]|[nNrR][dD]|[tT][hH])(?<!\S..)\b|"
                       r"\n(?<=[A-Za-z] \n)")


def candidate_offsets(text: str):
    """Where CANDIDATE matched: the second space of a double space, else the match's first character."""
    return (m.end() if m.group() == " " else m.start() for m in CANDIDATE.finditer(text))


YEAR_PREPOSITIONS = word_set("year_prepositions")
YEAR_CONTEXT = word_set("month_year_context")
FUNCTION_WORDS = word_set("function_words")
NUMBER_LABELS = word_set("number_labels")
SCALE_WORDS = {"million", "billion", "thousand", "hundred"}
CLOCK_WORDS = {"a.m.", "p.m.", "am", "pm"}


@Language.factory("aidfacts_gaps", assigns=["doc.spans"], requires=["doc.spans"], default_config={})
def make_gaps(nlp: Language, name: str) -> "GapFinder":
    return GapFinder()


def body_of(text: str) -> str:
    """The text after its first lines (a header such as `2020-02-12 09:02` keeps its digits)."""
    lines = text.lstrip().split("\n", HEADER_LINES)
    return lines[-1] if len(lines) > HEADER_LINES else ""


class GapFinder:
    """Sets doc.spans["gap"] (label missing_number, span._.expected: count, thousands, day, ordinal, year),
    adds a value-less number span per count gap to doc.spans["number"], and a value-less date span per
    missing day to doc.spans["date"]. The gap span starts where the number stood."""

    def __init__(self):
        t = triggers()
        self.count_nouns = {w for words in t["nouns"].values() for w in words}
        self.qualifiers = QualifierTable()
        self.modifier_stop = word_set("noun_modifier_stop")
        self.units = word_set("not_counted") | {"percent", "per"}
        self.partitive = word_set("partitive_pronouns")

    def __call__(self, doc: Doc) -> Doc:
        gaps, numbers, dates = [], list(spans_of(doc, "number")), list(spans_of(doc, "date"))
        candidates = token_indices(doc, candidate_offsets(text_of(doc)))
        found_at = {i: found for i in candidates if (found := self.classify(doc, i)) is not None}
        text = text_of(doc)
        digitless = not DIGIT.search(body_of(text))
        # weak evidence counts only in a text that lost its digits and shows strong evidence of it; in a text
        # with its digits, a double space is only evidence where spacing is otherwise regular
        damaged = digitless and sum(1 for _, _, strong in found_at.values() if strong) >= 2
        justified = not digitless and text.count("  ") > JUSTIFIED_SHARE * max(1, text.count(" "))
        for i, (expected, rule, strong) in sorted(found_at.items()):
            if not (strong or damaged) or (justified and token_texts(doc)[i] == " "):
                continue
            end = min(len(doc), i + 2)
            gap = Span(doc, i, end, label="missing_number", span_id=rule)
            put(gap, "expected", expected)
            put(gap, "missing", True)
            gaps.append(gap)
            if expected in ("count", "thousands"):
                start, qualifier = self.qualifiers.before(doc, i)
                number = Span(doc, start, i + 1, label="number", span_id=rule)
                put(number, "missing", True)
                put(number, "qualifier", qualifier)
                numbers.append(number)
            elif expected == "day":
                date = Span(doc, i - 1, i + 1, label="date", span_id="date_month_missing_day")
                put(date, "missing", True)
                dates.append(date)
        set_spans(doc, SPAN_KEY, gaps)
        set_spans(doc, "number", sorted(numbers, key=lambda s: (s.start, s.end)))
        set_spans(doc, "date", sorted(dates, key=lambda s: (s.start, s.end)))
        return doc

    def classify(self, doc: Doc, i: int) -> tuple[str, str, bool] | None:
        """(expected, rule, strong) for a token that marks a deleted number, else None. Strong evidence
        (an orphan comma, a suffix with no number, a month with no day) is specific enough for any text;
        weak evidence (a double space between two lower-case words) only counts in a damaged text."""
        token = doc[i]
        prev = doc[i - 1] if i > 0 else None
        nxt = doc[i + 1] if i + 1 < len(doc) else None
        if token.lower_ in ORDINAL_SUFFIXES and (prev is None or prev.whitespace_ or prev.is_space) \
                and nxt is not None and nxt.is_alpha:
            return "ordinal", "gap_ordinal_suffix", True
        orphan = prev is not None and not prev.is_space and bool(prev.whitespace_)
        if token.text == "," and orphan:
            return self.orphan_comma(doc, i)
        if token.text == "." and orphan:
            return self.orphan_point(doc, i)
        if token.is_space and token.text.startswith("\n") and prev is not None and prev.whitespace_ \
                and month_number(prev.text) is not None and \
                (i < 2 or "\n" in token_texts(doc)[i - 2] or doc[i - 2].is_space):
            return "year", "gap_byline_month_year", True   # a byline `March 2020` -> `March `
        if token.text != " " or prev is None or nxt is None or prev.is_space or nxt.is_space:
            return None
        return self.double_space(doc, i)

    def orphan_comma(self, doc: Doc, i: int):
        """`with , patients` (thousands), `Feb. , .` (a day), `reported , ,  and` (a list of numbers)."""
        prev, nxt = doc[i - 1], doc[i + 1] if i + 1 < len(doc) else None
        if month_number(prev.text) is not None:
            followed = nxt is not None and (nxt.text == " " or (nxt.text == "." and doc[i].whitespace_))
            return ("day", "gap_month_day", True) if followed else self.month_gap(doc, i - 1)
        if nxt is None:
            return None
        if nxt.is_punct and not doc[i].whitespace_:
            return "thousands", "gap_orphan_comma", True   # `Xiaogan (2,751),` -> `Xiaogan ,,`
        if (nxt.text == "," and doc[i].whitespace_) or nxt.text == " ":
            return "count", "gap_number_list", True
        if nxt.is_alpha and (prev.is_alpha or prev.text == ","):
            return "thousands", "gap_orphan_comma", True
        return None

    def orphan_point(self, doc: Doc, i: int):
        """`Feb. , .` (a year), `on Jan .` (a day), `reached . percent` (a decimal), `in .` (a year)."""
        prev, nxt = doc[i - 1], doc[i + 1] if i + 1 < len(doc) else None
        if prev.text == "," and i >= 2 and month_number(token_texts(doc)[i - 2]) is not None:
            return "year", "gap_date_year", True
        if month_number(prev.text) is not None:
            return self.month_gap(doc, i - 1)
        if prev.lower_ in YEAR_PREPOSITIONS:
            return "year", "gap_year_after_preposition", False
        if nxt is not None and (nxt.is_lower or nxt.lower_ in SCALE_WORDS) and nxt.is_alpha:
            return "count", "gap_orphan_point", True
        if prev.is_alpha and prev.is_lower:
            return "count", "gap_before_point", False
        return None

    @staticmethod
    def month_gap(doc: Doc, month_index: int):
        """A month with its number deleted: a day, or a year after `in`/`late`/`early` (`in late December ,`)."""
        before = lower_words(doc)[month_index - 1] if month_index > 0 else ""
        if before in YEAR_CONTEXT:
            return "year", "gap_month_year", True
        return "day", "gap_month_day", True

    def double_space(self, doc: Doc, i: int):
        """One extra space where one word stood. Layout spacing (`Gao Erqiang  chinadaily.com.cn`, a
        sentence end, two names in a row) is not a gap."""
        prev, nxt = doc[i - 1], doc[i + 1]
        if any(nxt.lower_.startswith(p) or p in nxt.lower_ for p in LAYOUT_NEXT):
            return None
        if month_number(prev.text) is not None and not nxt.like_num:
            return self.month_gap(doc, i - 1)
        if prev.lower_ in NUMBER_LABELS or (prev.text == "." and i >= 2 and lower_words(doc)[i - 2] in NUMBER_LABELS):
            return "count", "gap_after_number_label", False
        if prev.text in SENTENCE_END or not (nxt.is_alpha or nxt.lower_ in CLOCK_WORDS):
            return None
        mid_sentence = prev.is_lower or prev.text == ","
        if nxt.lower_ == "of" and i + 2 < len(doc) and lower_words(doc)[i + 2] in self.partitive:
            return "count", "gap_partitive", True   # `,  of them left`, `,  of whom were`
        if nxt.is_lower or mid_sentence:
            if self.counted_after(doc, i + 1):
                return "count", "gap_before_noun", True
            if nxt.lower_ in self.units:
                return "count", "gap_before_unit", True
            if prev.lower_ in SLOT_WORDS and nxt.is_lower:
                return "count", "gap_after_quantifier", False
        if mid_sentence and (nxt.is_lower or nxt.lower_ in CLOCK_WORDS) and nxt.lower_ not in FUNCTION_WORDS:
            return "count", "gap_between_words", False
        if prev.is_lower and nxt.is_title:
            if prev.lower_ in YEAR_PREPOSITIONS:
                return "year", "gap_year_after_preposition", False
            return "count", "gap_before_name", False
        return None

    def counted_after(self, doc: Doc, j: int) -> bool:
        """A count noun within a few modifiers (`  medical personnel`, `  new confirmed cases`)."""
        for k in range(j, min(len(doc), j + 4)):
            low = lower_words(doc)[k]
            if low in self.count_nouns:
                return True
            if low in self.modifier_stop or doc[k].is_punct or doc[k].is_space:
                return False
        return False
