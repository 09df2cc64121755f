"""aidfacts_gaps: places where a numeral was deleted from the text -> doc.spans["gap"].

Scraped text sometimes loses every digit (and apostrophes, hyphens, quotes) but keeps letters, spaces,
commas and periods. A deleted number leaves evidence: two spaces where one word stood (`of  provinces`),
a comma orphaned between spaces (`with , patients`: a number of thousands), a month with no day
(`on Feb  by`), an ordinal suffix with no number (`nd round`, `March th`), a sentence or line that opens
with a lower-case word (`.  cases were discharged`), the items of a per-place list (`,  in Hefei,  in
Bengbu`), an age with no number (`a yearold man`). Each gap also becomes a number span with no value, so the
count it belongs to is still extracted, with `missing` set.
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
LAYOUT_NEXT = ("http", "www", ".com", ".cn", ".org", ".net", ".info", ".gov")
SENTENCE_END = {".", "!", "?", ":", ";"}
DIGIT = re.compile(r"\d")
JUSTIFIED_SHARE = 0.03   # more double spaces than this share of all spaces: layout, not deleted numbers
HEADER_LINES = 2
# where a gap can be: the second of two (or more) spaces, a comma or point after a space, a bare ordinal
# suffix, a line break after a word and a space, a line that opens with a space and a lower-case word, an
# age with its number gone (`yearold`). Each branch starts with the character it consumes and looks behind
# only after it, so that the regular expression engine skips ahead to those characters instead of trying
# every position. The branches that start with a letter are separate expressions: one expression mixing
# them with the others is three times slower to scan, and as letter branches consume only letters and the
# others one character that is no letter, no match of one kind can hide a match of the other.
CANDIDATE = re.compile(r" (?= +\S)(?<=\S )|[,.](?<= [,.])|[,.](?<=[.,][,.])(?= )|\n(?<=[A-Za-z,] \n)|"
                       r"\n(?<=  \n)|\n(?= [a-z,])|\.(?<=[nN]o\.)(?= [A-Z])")
BARE_ORDINAL = re.compile(r"(?<![^\s,])(?:[sS][tT]|[nNrR][dD]|[tT][hH])\b")
NUMBERLESS_AGE = re.compile(r"[yYmMwWdD](?<![A-Za-z].)(?:ears?|onths?|eeks?|ays?)old\b")


def candidate_offsets(text: str):
    """Where CANDIDATE matched: the second space of a double space, else the match's first character; where
    BARE_ORDINAL or NUMBERLESS_AGE matched; and the first character of a text that opens with a space or a
    comma before a lower-case word. Not in order (the caller sorts)."""
    if text[:1] in (" ", ",") and text[1:3].strip(" ,")[:1].islower():
        yield 0
    for m in CANDIDATE.finditer(text):
        yield m.end() if m.group() == " " else m.start()
    for m in BARE_ORDINAL.finditer(text):
        yield m.start()
    for m in NUMBERLESS_AGE.finditer(text):
        yield m.start()


YEAR_PREPOSITIONS = word_set("year_prepositions")
YEAR_CONTEXT = word_set("month_year_context")
FUNCTION_WORDS = word_set("function_words")
NUMBER_LABELS = word_set("number_labels")
LIST_PREPOSITIONS = word_set("gap_list_prepositions")
LIST_GLUE = word_set("gap_list_glue")
CLAUSE_WORDS = word_set("gap_clause_words")
COPULAS = word_set("gap_copulas")
TIMESTAMP_LABELS = word_set("gap_timestamp_labels")
CLOCK_PREPOSITIONS = word_set("gap_clock_prepositions")
CLOCK_FOLLOWERS = word_set("gap_clock_words")
RANGE_OPENERS = word_set("gap_range_openers")
RANGE_JOINERS = word_set("gap_range_joiners")
DATE_PREPOSITIONS = word_set("gap_date_prepositions")
SEAM_OPENERS = word_set("gap_seam_openers")
AGE_WORDS = word_set("gap_age_words")
EVENT_WORDS = word_set("gap_event_words")
YEAR_FOLLOWERS = word_set("gap_year_followers")
SCALE_WORDS = {"million", "billion", "thousand", "hundred"}
CLOCK_WORDS = {"a.m.", "p.m.", "am", "pm"}


def is_month(word: str) -> bool:
    """A month name as written in a date: capitalised (`may` is a verb, `May` a month)."""
    return word[:1].isupper() and month_number(word) is not None


@Language.factory("aidfacts_gaps", assigns=["doc.spans"], requires=["doc.spans"], default_config={})
def make_gaps(nlp: Language, name: str) -> "GapFinder":
    return GapFinder()


def body_of(text: str) -> str:
    """The text after its first lines (a header such as `2020-02-12 09:02` keeps its digits)."""
    lines = text.lstrip().split("\n", HEADER_LINES)
    return lines[-1] if len(lines) > HEADER_LINES else ""


def month_beside(doc: Doc, i: int) -> int | None:
    """The month token a day at token i belongs to: right before it (`March th`, `Feb. ,`, `Feb,th`) or
    right after it (`th March`, `th of March`); None when there is none."""
    words = token_texts(doc)
    for j in (i - 1, i - 2, i + 1, i + 2):
        if 0 <= j < len(doc) and is_month(words[j]):
            between = words[min(i, j) + 1:max(i, j)]
            if all(w in (",", "of") or not w.strip() for w in between):
                return j
    return None


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
        self.qualifier_words = {w for phrases in t["qualifiers"].values() for p in phrases for w in p.lower().split()}

    def __call__(self, doc: Doc) -> Doc:
        gaps, numbers, dates = [], list(spans_of(doc, "number")), list(spans_of(doc, "date"))
        candidates = token_indices(doc, candidate_offsets(text_of(doc)))
        read = {i for number in numbers for i in range(number.start, number.end)}   # `two  hundred` is read
        found_at = {i: found for i in candidates
                    if i not in read and (found := self.classify(doc, i)) is not None}
        text = text_of(doc)
        digitless = not DIGIT.search(body_of(text))
        # weak evidence counts only in a text that lost its digits and shows strong evidence of it; in a text
        # with its digits, a double space is only evidence where spacing is otherwise regular
        strong = sum(1 for _, _, is_strong in found_at.values() if is_strong)
        damaged = digitless and (strong >= 2 or (strong == 1 and len(found_at) >= 4))
        justified = not digitless and text.count("  ") > JUSTIFIED_SHARE * max(1, text.count(" "))
        if damaged:
            found_at.update(self.list_siblings(doc, found_at))
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
                month = month_beside(doc, i)
                month = i - 1 if month is None else month
                date = Span(doc, min(i, month), max(i, month) + 1, label="date", span_id="date_month_missing_day")
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
        if token.lower_ in AGE_WORDS:
            return "count", "gap_age", True   # `a 30-year-old man` -> `a yearold man`
        if token.lower_ in ORDINAL_SUFFIXES:
            return self.bare_suffix(doc, i)
        orphan = prev is None or prev.is_space or bool(prev.whitespace_)
        if token.text == "," and orphan:
            return self.orphan_comma(doc, i)
        if token.text == "." and orphan and prev is not None and not prev.is_space:
            return self.orphan_point(doc, i)
        if token.is_space and "\n" in token.text:
            return self.line_break(doc, i)
        if token.text == "." and prev is not None and not prev.whitespace_ and prev.lower_ in NUMBER_LABELS \
                and nxt is not None and nxt.is_title:
            return "count", "gap_after_number_label", False   # `Wuhan No.1 Hospital` -> `Wuhan No. Hospital`
        if not token.is_space or "\n" in token.text or nxt is None or nxt.is_space:
            return None
        if prev is None:
            return ("count", "gap_text_start", False) if nxt.is_lower and nxt.is_alpha else None
        if prev.is_space:
            return None
        found = self.double_space(doc, i)
        if found is not None and len(token.text) > 1:
            return found[0], found[1], False   # three or more spaces: layout as often as a deleted number
        return found

    @staticmethod
    def bare_suffix(doc: Doc, i: int):
        """`nd round` (an ordinal), `March th,`, `Feb,th,`, `th March` (the day of a date)."""
        prev = doc[i - 1] if i > 0 else None
        nxt = doc[i + 1] if i + 1 < len(doc) else None
        month = month_beside(doc, i)
        after_break = prev is None or prev.is_space or (bool(prev.whitespace_) and not prev.like_num)
        glued = prev is not None and prev.text == "," and month is not None and month < i
        if not (after_break or glued):
            return None
        if month is not None and (nxt is None or nxt.is_alpha or nxt.is_punct or nxt.is_space):
            return "day", "gap_ordinal_day", True
        if nxt is not None and nxt.is_alpha:
            return "ordinal", "gap_ordinal_suffix", True
        return None

    def orphan_comma(self, doc: Doc, i: int):
        """`with , patients` (thousands), `Feb. , .` (a day), `reported , ,  and` (a list of numbers), `was ,
        and` (a count before a clause), `Feb , ,` (a year), `. , patients` (thousands opening a sentence)."""
        prev = doc[i - 1] if i > 0 else None
        nxt = doc[i + 1] if i + 1 < len(doc) else None
        if prev is not None and is_month(prev.text):
            followed = nxt is not None and (nxt.text == " " or (nxt.text == "." and doc[i].whitespace_))
            return ("day", "gap_month_day", True) if followed else self.month_gap(doc, i - 1)
        if nxt is None:
            return None
        if prev is not None and prev.lower_ in TIMESTAMP_LABELS and nxt.is_space:
            return "year", "gap_timestamp", True   # `Updated: 2020-03-04,15:04` -> `Updated ,`
        if prev is not None and prev.text == "," and i >= 2 and is_month(token_texts(doc)[i - 2]):
            return "year", "gap_date_year", True   # `Feb 3, 2020,` -> `Feb , ,`
        if prev is not None and prev.lower_ in RANGE_OPENERS:
            return "thousands", "gap_orphan_comma", True   # `between 1,000 and` -> `between , and`
        if prev is not None and prev.lower_ in YEAR_PREPOSITIONS and not self.counted_after(doc, i + 1):
            return "year", "gap_year_after_preposition", True   # `SARS in 2003, left` -> `SARS in , left`
        if nxt.is_punct and not doc[i].whitespace_:
            return "thousands", "gap_orphan_comma", True   # `Xiaogan (2,751),` -> `Xiaogan ,,`
        if (nxt.text == "," and doc[i].whitespace_) or nxt.text == " ":
            return "count", "gap_number_list", True
        if not nxt.text[0].isalpha():
            return None
        if is_month(nxt.text):
            return "count", "gap_clock_before_date", True   # `between  and 24:00, February 3`
        if nxt.lower_ in CLAUSE_WORDS and prev is not None and prev.is_alpha:
            return "count", "gap_before_clause", True   # `rose to 715, all of whom`
        starts_sentence = prev is None or prev.is_space or prev.text in SENTENCE_END
        if prev is not None and (prev.is_alpha or prev.text == ","):
            return "thousands", "gap_orphan_comma", True
        if starts_sentence:
            return "thousands", "gap_sentence_start", True   # `. 2,623 patients were` -> `. , patients were`
        return None

    def orphan_point(self, doc: Doc, i: int):
        """`Feb. , .` (a year), `on Jan .` (a day), `reached . percent` (a decimal), `in .` (a year)."""
        prev, nxt = doc[i - 1], doc[i + 1] if i + 1 < len(doc) else None
        if prev.text == "," and i >= 2 and is_month(token_texts(doc)[i - 2]):
            return "year", "gap_date_year", True
        if is_month(prev.text):
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
        """A month with its number deleted: a day, or a year after `in`/`late`/`early` (`in late December ,`) or
        after a day that was deleted too (`on 18 February 2020,` -> `on  February ,`)."""
        before = lower_words(doc)[month_index - 1] if month_index > 0 else ""
        if before in YEAR_CONTEXT:
            return "year", "gap_month_year", True
        if GapFinder.event_after(doc, month_index + 2):
            return "year", "gap_event_year", True   # `the May 2008 devastating earthquake`
        if before == " " and month_index > 1 and lower_words(doc)[month_index - 2] in DATE_PREPOSITIONS:
            return "year", "gap_date_year", True
        return "day", "gap_month_day", True

    def line_break(self, doc: Doc, i: int):
        """A line that ends where a number stood (`March 2020` -> `March `, `Updated: 2020-01-31 07:08` ->
        `Updated  `, `around 400` -> `around `) or that opens with one (`29 cases are` -> ` cases are`)."""
        token, words = doc[i], token_texts(doc)
        nxt = doc[i + 1] if i + 1 < len(doc) else None
        if token.text.endswith(" ") and nxt is not None and nxt.is_alpha and nxt.is_lower:
            return "count", "gap_line_start", False
        trailing = token.text.startswith(" ")
        if i == 0 or not (doc[i - 1].whitespace_ or trailing):
            return None
        prev = doc[i - 1]
        if is_month(prev.text):
            line_start = i < 2 or "\n" in words[i - 2] or doc[i - 2].is_space
            if line_start:
                return "year", "gap_byline_month_year", True   # a byline `March 2020` -> `March `
            return "day", "gap_month_day", False
        if prev.lower_ in TIMESTAMP_LABELS:
            return "year", "gap_timestamp", True
        if prev.text == "," and i >= 2 and is_month(words[i - 2]):
            return "year", "gap_date_year", True   # `Apr 2, 2020` -> `Apr , `
        if prev.lower_ in self.qualifier_words and prev.is_lower:
            return "count", "gap_line_end", False
        return None

    def double_space(self, doc: Doc, i: int):
        """One extra space where one word stood. Layout spacing (`Gao Erqiang  chinadaily.com.cn`, a
        sentence end, two names in a row, a headline running into the next line) is not a gap."""
        prev, nxt = doc[i - 1], doc[i + 1]
        words = lower_words(doc)
        after = words[i + 2] if i + 2 < len(doc) else ""
        if prev.text == "," and i >= 2 and is_month(doc[i - 2].text):
            # `On January 27, 137 doctors` (a count) or `Mar 2, 2020  en.nhc.gov.cn` (the year)
            if self.counted_after(doc, i + 1):
                return "count", "gap_before_noun", False
            if nxt.lower_ in LIST_PREPOSITIONS and i + 2 < len(doc) and doc[i + 2].is_title:
                return "count", "gap_list_item", False   # `by March 2, 6 in Hefei`
            return "year", "gap_date_year", False
        if any(p in nxt.lower_ or p in prev.lower_ for p in LAYOUT_NEXT):
            return None
        if is_month(prev.text) and not nxt.like_num:
            return self.month_gap(doc, i - 1)
        if is_month(nxt.text) and not (i + 2 < len(doc) and doc[i + 2].like_num):
            return "day", "gap_day_before_month", False   # `On 5 March,` -> `On  March,`
        if prev.lower_ in NUMBER_LABELS or (prev.text == "." and i >= 2 and words[i - 2] in NUMBER_LABELS):
            return "count", "gap_after_number_label", False
        if prev.text in SENTENCE_END:
            # `. 29 cases were` -> `.  cases were`: a sentence does not open with a lower-case word
            return ("count", "gap_sentence_start", False) if nxt.is_lower and nxt.is_alpha else None
        if not (nxt.is_alpha or nxt.lower_ in CLOCK_WORDS):
            return None
        if self.event_after(doc, i + 1) and prev.lower_ in ("the", "a", "in", "since"):
            return "year", "gap_event_year", False   # `the 2008 Wenchuan earthquake`, `the 2003 SARS`
        if prev.lower_ in YEAR_PREPOSITIONS and nxt.lower_ in YEAR_FOLLOWERS:
            return "year", "gap_year_after_preposition", False   # `the earthquake in 2008 that left`
        if nxt.lower_ == "of" and after in self.partitive:
            return "count", "gap_partitive", True   # `,  of them left`, `,  of whom were`
        if nxt.lower_ in LIST_PREPOSITIONS and i + 2 < len(doc) and doc[i + 2].is_title and \
                (prev.text == "," or prev.lower_ in LIST_GLUE or prev.lower_ in self.count_nouns):
            return "count", "gap_list_item", False   # `,  in Hefei,  in Bengbu`, `risen to  in Guangdong`
        found = self.function_word_pair(doc, i)
        if found is not None:
            return found
        mid_sentence = prev.is_lower or prev.text == "," or prev.lower_ in SLOT_WORDS
        if nxt.is_lower or mid_sentence:
            if self.counted_after(doc, i + 1):
                return "count", "gap_before_noun", True
            if nxt.lower_ in self.units:
                return "count", "gap_before_unit", True
            if prev.lower_ in SLOT_WORDS and nxt.is_lower:
                return "count", "gap_after_quantifier", False
        if mid_sentence and (nxt.is_lower or nxt.lower_ in CLOCK_WORDS) and nxt.lower_ not in FUNCTION_WORDS:
            return "count", "gap_between_words", False
        if prev.is_title and nxt.is_title and self.counted_after(doc, i + 1) and "\n" not in text_of(doc)[:prev.idx]:
            return "count", "gap_headline_count", False   # `Anhui Reports  New Cases`
        if prev.is_lower and nxt.is_title and nxt.lower_ not in SEAM_OPENERS:
            if prev.lower_ in YEAR_PREPOSITIONS:
                return "year", "gap_year_after_preposition", False
            return "count", "gap_before_name", False
        return None

    @staticmethod
    def function_word_pair(doc: Doc, i: int):
        """Numbers between two short words: a time range (`between  and`, `from  to`), a clock time (`at  on
        March`, `By  midnight`), a subject (`,  were in Nanjing`), a pair (`,  and  years old`)."""
        words = lower_words(doc)
        before, after = words[i - 1], words[i + 1]
        if before in RANGE_OPENERS and after in RANGE_JOINERS:
            return "count", "gap_range", False
        if before in RANGE_JOINERS and i >= 3 and doc[i - 2].is_space and words[i - 3] in RANGE_OPENERS:
            return "count", "gap_range", False
        if before in CLOCK_PREPOSITIONS and after in CLOCK_FOLLOWERS:
            return "count", "gap_clock_time", False
        if before == "," and after in COPULAS:
            return "count", "gap_subject", False
        if after in RANGE_JOINERS | {"or"} and i + 2 < len(doc) and doc[i + 2].text == " ":
            return "count", "gap_number_pair", False
        return None

    @staticmethod
    def list_siblings(doc: Doc, found_at: dict) -> dict:
        """In a damaged text, the items of a list whose first item lost its number all lost theirs, also
        where the source had no space after the comma (`,  in Fuyang, in Hefei,` was `, 5 in Fuyang,4 in
        Hefei,`): a `, in Name` item right after an item that is a gap."""
        words = lower_words(doc)
        more = {}
        listing = False
        for i in range(len(doc) - 2):
            if i in found_at:
                listing = found_at[i][1] == "gap_list_item"
            elif words[i] == "," and words[i + 1] in LIST_PREPOSITIONS and doc[i + 2].is_title and listing \
                    and doc[i].whitespace_:
                more[i] = ("count", "gap_list_item", False)   # the number stood right after the comma
            elif doc[i].is_sent_start or words[i] in (".", ";"):
                listing = False
        return more

    @staticmethod
    def event_after(doc: Doc, j: int) -> bool:
        """An event named within a few words (`Wenchuan earthquake`, `SARS`, `Spring Semester`): what a year
        stands before."""
        words = lower_words(doc)
        for k in range(j, min(len(doc), j + 3)):
            if words[k] in EVENT_WORDS:
                return True
            if doc[k].is_punct or doc[k].is_space:
                return False
        return False

    def counted_after(self, doc: Doc, j: int) -> bool:
        """A count noun within a few modifiers (`  medical personnel`, `  new confirmed cases`)."""
        for k in range(j, min(len(doc), j + 4)):
            low = lower_words(doc)[k]
            if low in self.count_nouns:
                return True
            if low in self.modifier_stop or doc[k].is_punct or doc[k].is_space:
                return False
        return False
