"""aidfacts_numbers: numerals (digits, words, scales) with their qualifier -> doc.spans["number"].

A number is emitted only where its value is certain: a wrong value is worse than none. So a numeral that
cannot be read whole (`three two`, `two point five million`, `12 300 5`), a decimal that is no whole count
(`3.5 percent`), an id (`No. 3`, `bed 12`), a phone number, a clock time, a ratio (`one in five`) or a value
outside extract.nlp.limits gives no number at all, and a range never gives an `exact` end: `between 40 and
50`, `8 to 11`, `40-50` give 40 (`over`) and 50 (`under`). Reading the words of one numeral is
extract.nlp.numerals' job; this component finds where numerals are and what stands around them.
"""
from __future__ import annotations

import itertools
import operator
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span

from extract.nlp.docindex import doc_index
from extract.nlp.extensions import put
from extract.nlp.limits import MAX_COUNT
from extract.nlp.normalize import month_number
from extract.nlp.numerals import (ARTICLES, HALF, MULTIPLIERS, NUMBER_WORDS, SCALES, count_value,
                                  parse_digits, parse_number_words, small_int)
from extract.nlp.rules.list_shapes import enclosed_group_end
from extract.nlp.rules.relations import lower_words, set_spans, spans_of, text_of, token_offsets, token_texts
from extract.nlp.triggers import triggers, word_set

SPAN_KEY = "number"
CALENDAR_KEYS = ("date", "date_unresolved")   # spans whose digits are days and years, not counts
NOT_A_COUNT_BEFORE = word_set("not_a_count_before")
NOT_A_COUNT_AFTER = word_set("not_a_count_after")
NUMBER_LABELS = word_set("number_labels")
RANGE_LEADS = tuple(tuple(p.split()) for p in triggers()["number_ranges"]["lead"])
RANGE_LINKS = word_set("number_ranges", "links")
GROUP_DASHES = frozenset({"—", "–", "-"})   # links that may instead open a list set apart (`seven — four in ...`)
GROUP_ITEM_PREPS = frozenset({"in", "from"})   # what follows the first number of such a list (`four in Shanghai`)
CHANGE_WORDS = word_set("number_ranges", "change_words")
CHANGE_REACH = 6        # words back from a range's low end to a change word (`rose from 8 to 11`)
CHANGE_BY_REACH = 12    # the same after `by`, whose verb may stand further back (`revised up its count of cases by`)
RATIO_LINKS = tuple(tuple(p.split()) for p in triggers()["number_ratios"])
RATIO_FIRST = frozenset(link[0] for link in RATIO_LINKS)
RATIO_LAST = frozenset(link[-1] for link in RATIO_LINKS)
DURATION_UNITS = word_set("duration_units")   # `reached 60,000 in 3 weeks`: a time span, no ratio
WHOLE_NOUNS = frozenset({"case", "cases", "infections", "deaths"})   # `16 out of 17 confirmed cases`
RATE_BASES = frozenset({"10", "100", "1,000", "1000", "ten", "hundred", "thousand"})   # `1 out of 10 cases`: a rate
# one space between the groups of `48 500`: an ordinary, a no-break, a thin or a narrow no-break space
GROUP_SPACES = {" ", "\u00a0", "\u2009", "\u202f"}
RUN_WORDS = NUMBER_WORDS | {"and", "&", "-", HALF}
RUN_LINKS = ("and", "&", "-", ",")   # words a run may hold between number words, never end with
# `three million, two hundred and forty`: a comma after a scale word, before a smaller number word, is in the run
COMMA_AFTER = frozenset(SCALES)
COMMA_BEFORE = NUMBER_WORDS - set(MULTIPLIERS)
UNSURE_AFTER = word_set("number_uncertain", "after")
UNSURE_BEFORE = word_set("number_uncertain", "before")
UNSURE_BEFORE_LINKS = word_set("number_uncertain", "before_links")
GLUED_WORDS_OK = word_set("number_uncertain", "glued_words_ok")
FRACTIONS = {"quarter", "third", "fifth", "tenth", "half", "fraction", "part", "percent", "%"}
MAX_RUN_TOKENS = 40   # `nine hundred and ninety-nine million nine hundred ...` stays well below
DIGIT_AFTER = set(MULTIPLIERS) | {"and", "&"}
RUN_WORD_AS = {"&": "and"}   # a digit group continues a run only after these (`4 hundred and 12`)
NOT_WHOLE_AFTER = (("and", "a", HALF), ("and", "one", HALF), ("and", HALF), ("point",), (".",))
ONE_OF_WHOLES = frozenset({"whom", "which", "them"})   # `one of whom`: a part of the count before, a count
NOT_WHOLE_FIRST = frozenset(tail[0] for tail in NOT_WHOLE_AFTER)
# every word may_start can accept (digits aside): a cheap first filter over all tokens
START_WORDS = (NUMBER_WORDS - set(MULTIPLIERS)) | set(ARTICLES) | {HALF}
FIRST_CHARACTER = operator.itemgetter(slice(0, 1))   # word[:1], read in C
MOVEMENT_REACH = 14   # words from the verb to `up to` (`brings the overall number of imported cases in X up to 94`)
LEVEL_NOUNS = frozenset({"number", "total", "tally", "toll", "count"})
# verbs after which `up to` tells the level a count reached
MOVEMENT_WORDS = frozenset({"bringing", "brought", "bring", "brings", "taking", "took", "pushing", "pushed",
                            "raising", "raised", "rose", "risen", "rising", "climbed", "climbing", "went", "gone",
                            "increased", "number", "total", "toll", "tally", "figure"})


@dataclass
class Reading:
    """One numeral: tokens start..end, its count value (None: read but not a certain count), and whether it
    ends in a multiplier word (`4 million`), which a range's lower end may leave out (`3 to 4 million`)."""
    start: int
    end: int
    value: int | None
    scaled: bool = False
    qualifier: str | None = None
    partner: "Reading | None" = None   # the other end of a range


@Language.factory("aidfacts_numbers", assigns=["doc.spans"], default_config={})
def make_numbers(nlp: Language, name: str) -> "NumberFinder":
    return NumberFinder()


class NumberFinder:
    """Sets doc.spans["number"]: every cardinal numeral (`11,000`, `1.2 million`, `a dozen`, `thirty-two`,
    `48 500`, `half a million`) not inside a date, with span._.value (an int within bounds) and
    span._.qualifier (`exact`, `over`, `under`, `about`). The span runs from a qualifier before it (`more
    than 310`) to one after it (`300 or more`)."""

    def __init__(self):
        self.qualifiers = QualifierTable()

    def __call__(self, doc: Doc) -> Doc:
        calendar = {i for key in CALENDAR_KEYS for span in spans_of(doc, key) for i in range(span.start, span.end)}
        reader = NumeralReader(doc, calendar)
        readings = reader.read_all()
        self.mark_ranges(doc, readings)
        spans = []
        for reading in readings:
            if reading.value is None or reader.excluded(reading) or \
                    (reading.partner is not None and reader.excluded(reading.partner)):
                continue   # `between 10 and 20 percent`: one end of a range is no count, nor is the other
            start, qualifier = self.qualifiers.before(doc, reading.start)
            end, after = self.qualifiers.after(doc, reading.end)
            if after is not None and reading.value <= 1:
                continue   # `one or more provinces`: some, not a count
            qualifier = reading.qualifier or (qualifier if qualifier != "exact" else after) or "exact"
            span = Span(doc, start, end, label="number", span_id="number_" + (
                "digits" if token_texts(doc)[reading.start][:1].isdecimal() else "words"))
            put(span, "value", reading.value)
            put(span, "qualifier", qualifier)
            spans.append(span)
        set_spans(doc, SPAN_KEY, spans)
        return doc

    @staticmethod
    def mark_ranges(doc: Doc, readings: list[Reading]) -> None:
        """`between 40 and 50`, `8 to 11`, `40-50`, `two or three`: the lower end `over`, the upper `under`;
        a lower end without the upper's scale (`3 to 4 million`) or a reversed pair (`3-2`) is no count.
        `rose from 8 to 11` is a change, not a range: both values are exact."""
        words = lower_words(doc)
        for low, high in zip(readings, readings[1:]):
            if high.start != low.end + 1 or words[low.end] not in RANGE_LINKS:
                continue
            link = words[low.end]
            lead = ends_with(words, low.start, RANGE_LEADS)
            if lead and words[low.start - len(lead) - 1:low.start - len(lead)] and \
                    words[low.start - len(lead) - 1] in NOT_A_COUNT_BEFORE:
                low.value = high.value = None   # `aged between 20 and 60`
                continue
            if link == "and" and not lead:
                continue   # `12 and 30 cases`: a list
            if link in GROUP_DASHES and high.end < len(words) and words[high.end] in GROUP_ITEM_PREPS and \
                    enclosed_group_end(doc, low.end) is not None:
                continue   # `The other seven — four in Shanghai, two in Gansu — were imported`: a list set apart
            reach = CHANGE_BY_REACH if low.start and words[low.start - 1] == "by" else CHANGE_REACH
            # (`revised the toll by nearly 1,300, from 2,579 to 3,869`: a change's amount before `from`)
            by_then_from = low.start > 0 and words[low.start - 1] == "from" and \
                "by" in words[max(0, low.start - CHANGE_REACH):low.start - 1]
            if link == "to" and not lead and (not CHANGE_WORDS.isdisjoint(words[max(0, low.start - reach):low.start]) or
                                              (low.start > 0 and words[low.start - 1] == "by") or by_then_from):
                continue   # `rose from 8 to 11`, `rose by 12 to 345`, `the number of cases by 325 to 50,333`: a change
            if low.value is None or high.value is None:
                low.value = high.value = None
            elif low.value >= high.value:
                low.value = high.value = None
            elif high.scaled and not low.scaled:
                low.value, high.qualifier = None, "under"   # `3 to 4 million`: 3 what?
            else:
                low.qualifier, high.qualifier = "over", "under"
            low.partner, high.partner = high, low


class NumeralReader:
    """Finds the numerals of a document and reads each with extract.nlp.numerals."""

    def __init__(self, doc: Doc, calendar: set[int]):
        self.doc = doc
        self.calendar = calendar
        self.words = lower_words(doc)
        self.texts = token_texts(doc)
        self.starts, self.lengths = token_offsets(doc)
        self.text = text_of(doc)

    def read_all(self) -> list[Reading]:
        readings, done = [], -1
        # the tokens that may start a numeral: the positions of the words of START_WORDS and of those that start with
        # a digit, picked out from the index's positions by word and in C (most words are ordinary ones)
        positions = doc_index(self.doc).positions
        words = list(positions)
        starting = (positions.keys() & START_WORDS).union(
            itertools.compress(words, map(str.isdecimal, map(FIRST_CHARACTER, words))))
        candidates = sorted(itertools.chain.from_iterable(map(positions.__getitem__, starting)))
        for i in candidates:
            if i <= done or i in self.calendar or not self.may_start(i, self.words[i]):
                continue
            reading = self.read(i)
            if reading is None:
                continue
            done = reading.end - 1
            readings.append(reading)
        return readings

    def may_start(self, i: int, word: str) -> bool:
        if word[:1].isdecimal() or (word in NUMBER_WORDS and word not in MULTIPLIERS):
            return True
        after = self.words[i + 1] if i + 1 < len(self.words) else ""
        if word in ARTICLES:
            return after in MULTIPLIERS   # `a dozen`, `a thousand` (`hundred` alone, `several hundred`: no)
        return word == HALF and after in ARTICLES   # `half a million`

    def read(self, i: int) -> Reading | None:
        word = self.words[i]
        if word[:1].isdecimal():
            amount = parse_digits(word)
            if amount is None:
                return None
            grouped = self.space_groups(i)
            if grouped is not None:
                return grouped
            if small_int(word) is None:
                return self.read_scaled_digits(i, amount)
        return self.read_words(i)

    def gap(self, i: int) -> str:
        """The characters between token i and the token after it."""
        end = self.starts[i] + self.lengths[i]
        return self.text[end:self.starts[i + 1]] if i + 1 < len(self.starts) else ""

    def next_word(self, i: int) -> int | None:
        """The token after i, over one whitespace token (`48\u00a0500` makes `\u00a0` a token)."""
        j = i + 1
        if j < len(self.texts) and self.texts[j] in GROUP_SPACES:
            j += 1
        return j if j < len(self.texts) else None

    def joined_by_group_space(self, i: int, j: int) -> bool:
        between = self.text[self.starts[i] + self.lengths[i]:self.starts[j]]
        return between in GROUP_SPACES

    def space_groups(self, i: int) -> Reading | None:
        """`48 500`, `1 204 377`: digit groups of three after one space. A digit token right before or after
        the groups (`12 300 5`, a phone number `138 123 4567`) leaves the reading unsure: no value."""
        if not (len(self.texts[i]) <= 3 and self.texts[i].isdigit() and self.texts[i] != "0"):
            return None
        end, j = i + 1, self.next_word(i)
        while j is not None and len(self.texts[j]) == 3 and self.texts[j].isdigit() and \
                self.joined_by_group_space(end - 1, j) and j not in self.calendar:
            end = j + 1
            j = self.next_word(j)
        if end == i + 1:
            return None
        digits = "".join(t for t in self.texts[i:end] if t.isdigit())
        unsure = self.digit_after(end, hyphen=True) or self.digit_before(i)
        return Reading(i, end, None if unsure else count_value(parse_digits(digits)))

    def digit_before(self, i: int) -> bool:
        """Whether a digit token (not a date's) stands one space before token i."""
        j = i - 1
        if j >= 0 and self.texts[j] in GROUP_SPACES:
            j -= 1
        return j >= 0 and j not in self.calendar and self.texts[j][:1].isdecimal() and \
            self.joined_by_group_space(j, i)

    def digit_after(self, end: int, hyphen: bool = False) -> bool:
        """Whether a digit token (not a date's) stands one space after token end - 1, or, with `hyphen`, a
        hyphen glues a word to it (`2 100-member teams` may be two teams of a hundred)."""
        j = self.next_word(end - 1)
        if j is None or j in self.calendar:
            return False
        if hyphen and self.texts[j] == "-" and j == end:
            return True
        return self.texts[j][:1].isdecimal() and self.joined_by_group_space(end - 1, j)

    def read_scaled_digits(self, i: int, amount) -> Reading:
        """`11,000`, `1.2 million`, `2,345.5 million`: a numeral with a comma or a point takes one scale
        word at most (`1.5 hundred thousand` is no reading)."""
        end, scaled = i + 1, False
        if end < len(self.words) and self.words[end] in SCALES:
            amount *= SCALES[self.words[end]]
            end, scaled = end + 1, True
        if end < len(self.words) and self.words[end] in MULTIPLIERS:
            return Reading(i, end + 1, None)
        return Reading(i, end, self.whole(end, count_value(amount)), scaled)

    def read_words(self, i: int) -> Reading | None:
        """A run of number words (digit groups below 1,000 may stand in: `4 hundred and 12`), read as one
        cardinal; where the whole run is no cardinal, the longest part before an `and` that is one
        (`between a thousand and two thousand`)."""
        run = self.word_run(i)
        if not run:
            return None
        if len(run) > MAX_RUN_TOKENS:
            return Reading(i, run[-1] + 1, None)   # no cardinal is that long: read nothing, in linear time
        cuts = [len(run)] + [k for k in range(len(run) - 1, 0, -1) if self.words[run[k]] in ("and", "&")]
        for cut in cuts:
            tokens = run[:cut]
            while tokens and self.words[tokens[-1]] in RUN_LINKS:
                tokens.pop()
            if not tokens:
                break
            value = parse_number_words([RUN_WORD_AS.get(self.words[k], self.words[k]) for k in tokens
                                        if self.words[k] != ","])
            if value is not None:
                end = tokens[-1] + 1
                scaled = self.words[tokens[-1]] in MULTIPLIERS and len(tokens) > 1
                return Reading(i, end, self.whole(end, value), scaled)
        return Reading(i, run[-1] + 1, None)

    def word_run(self, i: int) -> list[int]:
        """The tokens of a number-word run from i: number words, digit groups, `-`, `and`, `half`, a leading
        `a`, and single spaces between them (`two  hundred`)."""
        run, j = [], i
        while j < len(self.words):
            word = self.words[j]
            if j in self.calendar:
                break
            if word.isspace() and "\n" not in word and run and j + 1 < len(self.words):
                j += 1
                continue
            previous = self.words[run[-1]] if run else None
            digit_ok = small_int(word) is not None and (previous is None or previous in DIGIT_AFTER)
            comma_ok = word == "," and previous in COMMA_AFTER and j + 1 < len(self.words) and \
                self.words[j + 1] in COMMA_BEFORE
            if word in RUN_WORDS or digit_ok or comma_ok or (word in ARTICLES and previous in (None, "and", HALF)):
                run.append(j)
                j += 1
                continue
            break
        if len(run) == 1 and self.words[run[0]] in ("and", "&", "-", HALF):
            return []
        return run

    def whole(self, end: int, value: int | None) -> int | None:
        """None when the numeral goes on as a fraction (`two and a half days`, `two point five`)."""
        if end >= len(self.words) or self.words[end] not in NOT_WHOLE_FIRST:
            return value
        for tail in NOT_WHOLE_AFTER:
            if tuple(self.words[end:end + len(tail)]) == tail and \
                    (tail != (".",) or (end + 1 < len(self.words) and self.words[end + 1][:1].isdecimal()
                                        and not self.gap(end))):
                return None
        return value

    def excluded(self, reading: Reading) -> bool:
        """Not a count whatever its value: an id (`No. 3`, `bed 12`), a phone number (`+86`, `hotline
        12320`), a time (`10 am`), a percentage, an ordinal (`3rd`), a fraction (`3/4`), a ratio (`one in
        five`), a pronoun (`one of the cities`), a year before a name (`2007 Volkswagen`)."""
        words, start, end = self.words, reading.start, reading.end
        before = words[start - 1] if start > 0 else ""
        after = words[end] if end < len(words) else ""
        if before in NOT_A_COUNT_BEFORE or after in NOT_A_COUNT_AFTER or "/" in (before, after):
            return True
        if self.unsure_scale(reading, before, after):
            return True
        if before == "." and start > 1 and words[start - 2] in NUMBER_LABELS:
            return True   # `No. 3`
        if before == "point":
            return True   # `two point five`
        if before in ("-", "–") and start > 1 and self.texts[start - 2][:1].isdecimal() and \
                parse_digits(self.texts[start - 2]) is None:
            return True   # `0551-62998888`: a phone number after its area code
        if words[start] == "one" and after in ("of", "another", "by", "after", "'s", "’s") and \
                not (after == "of" and end + 1 < len(words) and words[end + 1] in ONE_OF_WHOLES and before != "but"):
            return True   # `one of the cities`, `one by one`: a pronoun, not a count (`one of whom` is a part, but
            # not in `all but one of them`, which says what the rest are)
        if self.ratio(reading) or self.beside_date(reading):
            return True
        if self.texts[start][:1].isdecimal() and self.digit_before(start) or \
                self.texts[end - 1][:1].isdecimal() and self.digit_after(end):
            return True   # `138 1234 5678`, a table row: which digits make one number is unsure
        if words[start] in ARTICLES and before == "of" and start > 1 and words[start - 2] in FRACTIONS:
            return True   # `a quarter of a million`
        text = self.texts[start]
        return len(text) == 4 and text.isdigit() and text[:2] in ("19", "20") and end == start + 1 and \
            end < len(words) and self.texts[end][:1].isupper()

    def unsure_scale(self, reading: Reading, before: str, after: str) -> bool:
        """A value the words around it leave unsure (data/triggers.json `number_uncertain`): a scale the
        reader does not know or a loose plural after it (`twenty-one trillion`, `3 dozens`, `7 mln`, `ten-fold`
        aside), an abbreviation or unit glued to its digits (`10m`, `5km`: ten metres or ten million?), or a
        scale word no reading took right before it (`million and one`, `trillion three hundred`): the tail of
        a number that could not be read whole is never a number of its own."""
        words, start, end = self.words, reading.start, reading.end
        if after in UNSURE_AFTER or after == "-" and end + 1 < len(words) and \
                (words[end + 1] in UNSURE_AFTER or words[end + 1] in NOT_A_COUNT_AFTER):
            return True
        if 0 < len(after) <= 2 and after.isalpha() and after not in GLUED_WORDS_OK and \
                self.texts[end - 1][-1:].isdecimal() and not self.gap(end - 1):
            return True
        if after in ARTICLES and end + 1 < len(words) and words[end + 1] in MULTIPLIERS or \
                words[start] in ARTICLES and before in NUMBER_WORDS:
            return True   # `a hundred a thousand`: two numbers side by side, neither sure
        if before in UNSURE_BEFORE_LINKS and start > 1:
            before = words[start - 2]
        # a number below the scale before it may be that scale's tail (`million and one`); one at least as
        # large is a number of its own (`between a thousand and two thousand`)
        return before in UNSURE_BEFORE and reading.value is not None and \
            reading.value < MULTIPLIERS.get(before, MAX_COUNT)

    def ratio(self, reading: Reading) -> bool:
        """`one in five`, `3 out of 10`: both numbers of a ratio."""
        words = self.words
        after = words[reading.end] if reading.end < len(words) else None
        before = words[reading.start - 1] if reading.start > 0 else None
        if after not in RATIO_FIRST and before not in RATIO_LAST:
            return False   # no link next to the number
        for link in RATIO_LINKS:
            n = len(link)
            if tuple(words[reading.end:reading.end + n]) == link and reading.end + n < len(words) and \
                    self.is_numeral(reading.end + n):
                return not self.part_of_cases(link, reading.end + n) and not self.duration(reading.end + n)
            if reading.start >= n + 1 and tuple(words[reading.start - n:reading.start]) == link and \
                    self.is_numeral(reading.start - n - 1):
                return not self.part_of_cases(link, reading.start) and not self.duration(reading.start)
        return False

    def duration(self, i: int) -> bool:
        """`in 3 weeks`, `in two days`: the numeral at i counts units of time, so `60,000 in 3 weeks` is a level
        reached in a span of time, not one in three."""
        return i + 1 < len(self.words) and self.words[i + 1] in DURATION_UNITS

    def part_of_cases(self, link: tuple[str, ...], whole: int) -> bool:
        """`16 out of 17 confirmed cases`: a part of a number of cases, not a rate (`3 out of 10 people`)."""
        return link == ("out", "of") and self.words[whole] not in RATE_BASES and \
            not WHOLE_NOUNS.isdisjoint(self.words[whole + 1: whole + 4])

    def beside_date(self, reading: Reading) -> bool:
        """`from 8 to 11 March`, `March 8-11`: the other end of a range of days is a day too."""
        words, start, end = self.words, reading.start, reading.end
        return (end + 1 < len(words) and words[end] in RANGE_LINKS and self.day_or_month(end + 1)) or \
            (start >= 2 and words[start - 1] in RANGE_LINKS and self.day_or_month(start - 2))

    def day_or_month(self, i: int) -> bool:
        """A date's day or month (`March 8`, `8 March`), not a weekday (`on Wednesday to 16 cities`)."""
        return i in self.calendar and (self.texts[i][:1].isdecimal() or month_number(self.words[i]) is not None)

    def is_numeral(self, i: int) -> bool:
        word = self.words[i]
        return word[:1].isdecimal() or word in NUMBER_WORDS


def ends_with(words: list[str], i: int, phrases) -> tuple[str, ...] | None:
    """The phrase that ends right before token i, if one does."""
    return next((p for p in phrases if tuple(words[max(0, i - len(p)):i]) == p), None)


class QualifierTable:
    """Qualifier phrases from data/triggers.json: before a number (`more than`, `nearly`, `about`), after it
    (`or more`, `or so`), and verbs that say how a number stands without being part of it (`exceeded`)."""

    def __init__(self):
        t = triggers()
        self.phrases = {tuple(phrase.lower().split()): name
                        for name, phrases in t["qualifiers"].items() for phrase in phrases}
        self.longest = max(len(p) for p in self.phrases)
        self.last_words = frozenset(p[-1] for p in self.phrases)   # no phrase can end elsewhere
        self.after_phrases = sorted(((tuple(p.lower().split()), name)
                                     for name, phrases in t["qualifiers_after"].items() for p in phrases),
                                    key=lambda item: -len(item[0]))
        self.verbs = {verb: name for name, verbs in t["qualifier_verbs"].items() for verb in verbs}
        self.after_by_first: dict[str, list[tuple[tuple[str, ...], str]]] = {}   # longest first, as above
        for phrase, name in self.after_phrases:
            self.after_by_first.setdefault(phrase[0], []).append((phrase, name))

    def before(self, doc: Doc, i: int) -> tuple[int, str]:
        """(start of the qualifier, its name); (i, "exact") when there is none. A qualifying verb right
        before the number (`cases exceeded 1,000`) names the qualifier but stays outside the span."""
        words = lower_words(doc)[max(0, i - self.longest):i]
        for n in range(len(words) if words and words[-1] in self.last_words else 0, 0, -1):
            name = self.phrases.get(tuple(words[-n:]))
            if name is not None and not self.movement_up_to(doc, i - n, words[-n:]):
                return i - n, name
        if words and words[-1] in self.verbs:
            return i, self.verbs[words[-1]]
        if words[-2:-1] and words[-1] == "past" and words[-2] in MOVEMENT_WORDS:
            return i, "over"   # `the toll rose past 2,400`: more than it, the verb outside the span
        return i, "exact"

    @staticmethod
    def movement_up_to(doc: Doc, start: int, phrase: list[str]) -> bool:
        """`bringing the number up to 2,029`, `rose up to 500`: `up to` ends a movement and means the level
        reached, not `at most`."""
        if phrase != ["up", "to"]:
            return False
        words = lower_words(doc)[max(0, start - MOVEMENT_REACH):start]
        if "." in words:
            words = words[len(words) - words[::-1].index("."):]   # this sentence's words only
        moved = [k for k, w in enumerate(words) if w in MOVEMENT_WORDS]
        # near the verb (`rose up to 500`), or further when the words between name the level (`the number of ...`)
        return bool(moved) and (len(words) - moved[-1] <= 4 or not LEVEL_NOUNS.isdisjoint(words[moved[-1]:]))

    def after(self, doc: Doc, end: int) -> tuple[int, str | None]:
        """(end of the span with a qualifier after the number, its name), or (end, None): `300 or more`."""
        words = lower_words(doc)
        if end >= len(words):
            return end, None
        for phrase, name in self.after_by_first.get(words[end], ()):
            if tuple(words[end:end + len(phrase)]) == phrase:
                return end + len(phrase), name
        return end, None
