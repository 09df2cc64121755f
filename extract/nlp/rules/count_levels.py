"""Levels and their neighbours: a count stated as a level reached (`the death toll reached 2,850`, `bringing the
total to 54,406`, `The number of deaths is 30`), a level moved from (`down from 41,036`), an increase (`rose by
1,638`; but not a fall, `decreased by 299`, nor a revision, `revised up by 1,290`), a figure with no noun (`while
the figure for Wuhan was 1,102`), and what they share with the other borrowed heads (the count a later one refers to, and whether another number stands between them)."""
from __future__ import annotations

from spacy.tokens import Doc, Span

from extract.nlp.docindex import doc_index

from extract.nlp.extensions import get
from extract.nlp.rules.counting import AUXILIARIES, TOTAL_CLAUSE_VERBS, CountWords, Head
from extract.nlp.rules.relations import (LOOKBACK, POSSESSIVE_MARKS, clause_bounds, last_before, lower_words,
                                         possessive_owner, region_index, sentence_of, sentence_start, spans_in,
                                         spans_of, token_texts)
from extract.nlp.rules.place_focus import focus_words
from extract.nlp.rules.place_lists import closed_brackets
from extract.nlp.triggers import word_set

REFERRED_KINDS = ("case_count", "personnel_count")
RISE_VERBS = word_set("rise_verbs")
REVISIONS = word_set("revision_words", "words")
FALL_VERBS = word_set("fall_verbs", "words")
DATE_REACH = 6   # the longest date, in tokens (`24:00 on February 3, 2020`)
# words from a count to the level it moved from: `11 new cases on Tuesday outside Hubei Province, the epicenter of
# the outbreak, down from 890` (no other number between: list_broken)
DAY_OWNERS = frozenset({"day", "yesterday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                        "sunday", "week", "weekend"})   # `the previous day's 1,807`
LEVEL_REACH = 14
REACHED_WINDOW = 8    # tokens between a counted noun and the number it reached (`cases in Hubei rose to 1,921`)
TOLL_WINDOW = 15      # `the death toll from the coronavirus in China's Hubei province has reached 1,921`
TOLL_OWNERS = frozenset({"death", "deaths", "fatality", "fatalities"})   # what a bare `toll 304` must be of
LEVEL_MOVES = frozenset({"down", "up"})   # `20,765, down from 41,036`
RANGE_LINKS = word_set("number_ranges", "links")
CLOCK_WORDS = frozenset(w for w in word_set("gap_clock_words") if w not in ("on", "midnight", "noon"))
STATUS_GLUE = frozenset({"the", "and", "&", "or", "those", "people", "persons", "patients", "cases"})
# what may follow a level risen from (`from 2,900 a day earlier`, `from 2,900 on Sunday`, `from 2,900 in Wuhan`)
LEVEL_FOLLOWERS = frozenset({"a", "the", "on", "in", "at", "as", "yesterday", "earlier", "previously", "last",
                             "reported", "recorded", "one"})
SPAN_PREPOSITIONS = frozenset({"in", "within", "over", "after", "during", "for", "on", "by", "at", "from"})
OTHER_COUNTS = ("personnel_count", "team_count")   # counts a place's bare tally may follow only if no such is last
BARE_LEVELS = frozenset({"total", "tally"})   # `The total rose to 2,000`: a level with no noun of its own
COPULA_ADVERBS = frozenset({"now", "currently", "still", "already"})   # `is now 80,000`
LEVEL_ADJECTIVES = frozenset({"cumulative", "overall", "confirmed", "running", "official"})   # `Beijing's cumulative tally`
ANAPHOR_DETERMINERS = frozenset({"the", "this", "our"})
OWNER_REACH = 8   # tokens from a sentence's start to its level noun past a place's possessive
TALLY_REACH = 6   # tokens from a level noun to its number (`tally has now risen to`)
# the words of a verb between a place's bare tally and its number
TALLY_VERB_WORDS = RISE_VERBS | word_set("reach_words") | word_set("copulas") | AUXILIARIES | COPULA_ADVERBS | \
    frozenset({"stands", "stood", "stand", "risen", "climbs", "climbing", "rising", "further", "again", "up", "by"})
FIGURE_WORDS = frozenset({"figure", "tally", "number", "count"})   # `the figure for Wuhan was 1,102`
# verbs that open a clause about the level a running count reached (`..., bringing the total confirmed cases in
# Zhejiang to 1,213`, `..., increasing the number of confirmed cases by 325 to 50,333`)
LEVEL_CLAUSE_VERBS = TOTAL_CLAUSE_VERBS | frozenset({"increasing", "putting", "pushing", "lifting", "taking"})


def level_words_start(words: list[str], start: int, position: int) -> int:
    """Where a level's own words start in its clause: after the last verb before it that opens a clause about a
    running count (`The new cases were all in Lishui, bringing the total in Zhejiang to 1,213`: that `new` is not
    the level's), else the clause's start."""
    return next((j + 1 for j in range(position - 1, start - 1, -1) if words[j] in LEVEL_CLAUSE_VERBS), start)


def previous_count(facts: list[Span], position: int, sentence_start: int | None = None) -> Span | None:
    """What `324 of those`, `including 1,200` or `the total` refer to: the last case or staff count before a
    position; with `sentence_start`, the last count of the sentence, if it is one of those."""
    if sentence_start is None:
        return last_before(facts, position, lambda f: f.label_ in REFERRED_KINDS, floor=position - LOOKBACK)
    found = last_before(facts, position, floor=sentence_start)
    return found if found is not None and found.label_ in REFERRED_KINDS else None


def level_owner(doc: Doc, level: int) -> tuple[Span | None, int] | None:
    """The place that owns a level noun (`Beijing's tally`, `the province's cumulative total`): (its region span,
    or None for an anaphor of data/focus.json, resolved by the place in focus), and where the owner starts; None
    when no place owns it (`The total`, `Its tally`, `the national tally`)."""
    words = lower_words(doc)
    k = possessive_mark(words, level)
    if k < 1 or words[k] not in POSSESSIVE_MARKS:
        return None
    region = possessive_owner(doc, k)
    if region is not None:
        return region, region.start
    if k >= 2 and words[k - 1] in focus_words()["anaphor_heads"] and words[k - 2] in ANAPHOR_DETERMINERS:
        return None, k - 2   # `the province's tally`
    return None


def unknown_level_owner(doc: Doc, number: Span) -> bool:
    """`bringing the GBA's total to five`: the level a number is of belongs to a name the gazetteer does not know
    (an area, an outlet), so it is no place's the count before it names."""
    level = tally_of(doc, number)
    if level is None:
        return False
    k = possessive_mark(lower_words(doc), level)
    return k >= 1 and lower_words(doc)[k] in POSSESSIVE_MARKS and possessive_owner(doc, k) is None and \
        token_texts(doc)[k - 1][:1].isupper()


def possessive_mark(words: list[str], level: int) -> int:
    """Where the possessive mark of a level noun would stand: before it and its adjectives (`Beijing's cumulative`)."""
    k = level - 1
    while k > 0 and words[k] in LEVEL_ADJECTIVES:
        k -= 1
    return k


def level_owner_end(doc: Doc, s: int, position: int) -> int:
    """Past a level's owner at a sentence's start (`the`, `its`, `Beijing's`, `the province's`)."""
    words = lower_words(doc)
    for j in range(s + 1, min(position, s + OWNER_REACH)):
        owner = level_owner(doc, j) if words[j] in BARE_LEVELS else None
        if owner is not None and owner[1] in (s, s + 1):
            k = j - 1
            while words[k] in LEVEL_ADJECTIVES:
                k -= 1
            return k + 1   # past the possessive mark
    return s + 1 if words[s] in ("the", "its") else s


def tally_of(doc: Doc, number: Span) -> int | None:
    """The bare level noun a number is the level of, a few words of a verb before it (`Beijing's tally rose to
    436`, `the province's total now stands at 1,272`): its token, or None."""
    words = lower_words(doc)
    for j in range(number.start - 2, max(0, number.start - TALLY_REACH) - 1, -1):
        if words[j] in BARE_LEVELS:
            return j if words[j + 1] != "of" else None
        if words[j] not in TALLY_VERB_WORDS:
            return None
    return None


def borrow(previous: Span | None, rule: str, number: Span) -> Head | None:
    """A Head that counts what an earlier count counted, with its modifiers (`new confirmed`)."""
    if previous is None:
        return None
    return Head(get(previous, "noun_class"), rule, number.end, (previous.start, previous.end), previous.end)


class LevelFinder(CountWords):
    """The heads of levels: what a level reached, moved from or stated with a copula counts."""

    def list_broken(self, doc: Doc, number: Span, previous: Span) -> bool:
        """Another number stands between a list's head count and this item (`3,000 cases, and 16 makeshift
        hospitals, 3 in Wuchang District`): the item belongs to that number's list, not to the cases."""
        dates = spans_in(spans_of(doc, "date"), previous.end - DATE_REACH, number.start)
        bracketed = closed_brackets(doc, previous.end, number.start)
        return any(not any(d.start <= n.start < d.end for d in dates)   # a day's number is no list's
                   and not self.scopes.shared_by_places(doc, n)   # `five in each of Yichun and Fuzhou`: the list's
                   and not any(a < n.start < b for a, b in bracketed)   # `3 in Hefei (two imported), 2 in Bengbu`
                   for n in spans_in(spans_of(doc, "number"), previous.end, number.start))

    def reached_total(self, doc: Doc, number: Span, facts: list[Span]) -> Head | None:
        if number.start == 0 or self.clock_range(doc, number):
            return None
        before = lower_words(doc)[number.start - 1]
        if before in COPULA_ADVERBS and number.start >= 2 and lower_words(doc)[number.start - 2] in self.copulas:
            before = lower_words(doc)[number.start - 2]   # `The tally of confirmed cases is now 80,000`
        if before in self.copulas:
            return self.number_is(doc, number, facts)
        if before == "of" and number.start >= 2 and lower_words(doc)[number.start - 2] == "toll":
            return Head("case", "case_toll", number.end)   # `a death toll of 3,100`
        if self.bare_toll(lower_words(doc), number.start) and not self.word_after(doc, number):
            return Head("case", "case_toll", number.end)   # `(death toll 304)`, `Death toll now 1,380`
        words = lower_words(doc)
        if before not in self.reach and not (before == "past" and number.start >= 2 and
                                             words[number.start - 2] in RISE_VERBS):   # `rose past 2,400`
            return None
        if self.counts_other_things(doc, number):
            return None   # `20 patients passed 2 nucleic acid tests`: the number has a noun of its own
        start, _ = clause_bounds(doc, number.start)
        named = self.number_of_statuses(words, start, number.start - 1)
        if named is not None:
            return Head("case", "count_reached", number.end, named, named[1])
        window = words[max(start, number.start - 5): number.start]
        brought = "number" in window and not TOTAL_CLAUSE_VERBS.isdisjoint(
            words[max(start, number.start - 7): number.start])   # `bringing the number up to 2,029`
        if brought or tally_of(doc, number) is not None or \
                ("total" in window and not self.total_of_something_else(doc, number, window)):
            # `2,641 new confirmed cases on Friday, bringing the total to 54,406`: the count before
            head = borrow(previous_count(facts, number.start, sentence_start(doc, number.start)),
                          "count_total_to", number)
            if head is not None:
                return head
            if "total" in window and self.total_of_uncounted_cases(doc, number, facts):
                return Head("case", "count_reached", number.end)
        head = borrow(self.total_of_the_sentence_before(doc, number, facts), "count_total_to", number)
        if head is not None:
            return head   # `Hubei reported 300 new cases. The total rose to 2,000.`
        if self.place_tally(doc, number, facts):
            return Head("case", "place_tally", number.end)   # `Beijing's tally rose to 436`
        counted = self.number_of(words, start, number.start)
        if counted is not None and self.noun_class.get(counted) not in ("case", "personnel", "people"):
            return None   # `the number of cities with cases rose to 16`: the number counts cities
        for j in range(number.start - 1, max(start, number.start - TOLL_WINDOW) - 1, -1):
            if lower_words(doc)[j] == "toll":
                return Head("case", "case_toll", number.end)
            cls = self.classify_word(doc, j)
            if cls in ("case", "personnel") and number.start - j <= REACHED_WINDOW:
                return Head(cls, "count_reached", number.end)
        if counted is not None and self.noun_class.get(counted) in ("case", "personnel"):
            # `The number of infected medics in Hubei Province hardest hit by the outbreak reached 1,502`: what
            # `number of` names, however many words stand between
            return Head(self.noun_class[counted], "count_reached", number.end)
        return None

    def total_of_the_sentence_before(self, doc: Doc, number: Span, facts: list[Span]) -> Span | None:
        """`Hubei reported 300 new cases on Monday. The total rose to 2,000.`: a sentence whose subject is a bare
        level noun (`The total`, `The tally`, `Its tally`) reached a level of what the last case count of the
        sentence just before counted, in the same paragraph, with no other number and no other place between."""
        s = sentence_start(doc, number.start)
        j = self.bare_level(doc, s, number.start)
        if j is None or s == 0:
            return None
        previous = last_before(facts, s, floor=sentence_start(doc, s - 1))
        if previous is None or previous.label_ != "case_count" or "\n" in doc[previous.end: s].text:
            return None
        if self.list_broken(doc, number, previous):
            return None   # `Hubei reported 300 new cases and opened 16 hospitals. The total rose to 2,000.`
        own = {get(r, "value") for r in spans_in(region_index(doc).regions, s, number.start)}
        return previous if own <= {get(previous, "region")} else None

    def total_of_uncounted_cases(self, doc: Doc, number: Span, facts: list[Span]) -> bool:
        """`Guangdong reported no new infections, with the total standing at 1,347`, `Wuhan reported no new
        cases. The total stays at 50,005.`: a total with no count before it to borrow from (a zero told by `no`
        is none) is a running total of the cases its sentence names before it, or, when the sentence opens with
        the bare level, the cases the sentence before names (a paragraph's last, too); never when a count of
        anything else is there (`Jiangsu sent no more medics, the total at 2,800`)."""
        s = sentence_start(doc, number.start)
        lo = s
        if self.bare_level(doc, s, number.start) is not None and s > 0:
            lo = sentence_start(doc, s - 1)
        if last_before(facts, number.start, floor=lo) is not None:
            return False
        classes = {self.classify_word(doc, j) for j in range(lo, number.start)}
        return "case" in classes and classes.isdisjoint(("personnel", "team"))

    def bare_level(self, doc: Doc, s: int, position: int) -> int | None:
        """The bare level noun a sentence opens with, its subject (`The total`, `Its tally`, `Beijing's tally`,
        `the province's cumulative total`; never `the total of donations`): its token, or None."""
        j = level_owner_end(doc, s, position)
        words = lower_words(doc)
        while j < position and words[j] in LEVEL_ADJECTIVES:
            j += 1   # `Beijing's cumulative tally`
        if j + 1 >= position or words[j] not in BARE_LEVELS or words[j + 1] == "of":
            return None
        return j

    def place_tally(self, doc: Doc, number: Span, facts: list[Span]) -> bool:
        """`Beijing's tally rose to 436`, `The province's total stands at 1,272`: a place's own bare level with
        no count before it to borrow from is the place's running total of cases, unless the sentence or the count
        before it is about staff or teams (`Jiangsu sent 300 medics. The province's total rose to 2,800.`)."""
        level = tally_of(doc, number)
        if level is None or level_owner(doc, level) is None:
            return False   # no place owns the level
        s = sentence_start(doc, number.start)
        if any(self.classify_word(doc, j) in ("personnel", "team") for j in range(s, sentence_of(doc, s).end)):
            return False
        before = last_before(facts, number.start, lambda f: f.label_ in OTHER_COUNTS + ("case_count",),
                             floor=number.start - LOOKBACK)
        return before is None or before.label_ == "case_count"

    def counts_other_things(self, doc: Doc, number: Span) -> bool:
        """A word of the few right after the number is a noun that no count counts (`2 nucleic acid tests`)."""
        words, alpha = lower_words(doc), doc_index(doc).is_alpha
        for j in range(number.end, min(len(doc), number.end + 3)):
            if not alpha[j] or words[j] in SPAN_PREPOSITIONS:
                return False   # `reached 60,000 within three weeks`: the noun after a preposition is not the number's
            if words[j] in self.not_counted:
                return True
        return False

    @staticmethod
    def word_after(doc: Doc, number: Span) -> bool:
        """A word right after the number that may be its own noun (`3 weeks`), not a preposition (`304 on
        Monday`)."""
        j = number.end
        return j < len(doc) and doc_index(doc).is_alpha[j] and lower_words(doc)[j] not in SPAN_PREPOSITIONS

    @staticmethod
    def bare_toll(words: list[str], i: int) -> bool:
        """`death toll 304`, `death toll now 1,380`, `death toll: 304`: a death toll stated with no verb, its
        number right after it (past `now` or a colon)."""
        j = i - 1
        if j >= 0 and words[j] in (":", "now"):
            j -= 1
        return j >= 1 and words[j] == "toll" and words[j - 1] in TOLL_OWNERS

    @staticmethod
    def clock_range(doc: Doc, number: Span) -> bool:
        """`at 0-24 hours on April 6`, `from 0 to 24 o'clock`: the low end of a range of hours is a time."""
        words = lower_words(doc)
        j = number.end
        if j + 2 >= len(doc) or words[j] not in RANGE_LINKS or not doc[j + 1].like_num:
            return False
        return words[j + 2] in CLOCK_WORDS or words[j + 2].replace("’", "'") == "o'clock"

    def number_is(self, doc: Doc, number: Span, facts: list[Span]) -> Head | None:
        """`The number of deaths is 30`, `The average number of cases reported annually is 600`: a level stated
        with a copula counts what `number of` names, when that is cases (never `the number of hospitals is 30`);
        `while the figure for Wuhan was 1,102`: a figure with no noun counts what the count before it in its
        sentence counted."""
        start, _ = clause_bounds(doc, number.start)
        words = lower_words(doc)
        named = self.number_of_statuses(words, start, number.start - 1)
        if named is not None:   # `the number of the dead was 30`
            return Head("case", "count_reached", number.end, named, named[1])
        counted = self.number_of(words, max(start, number.start - REACHED_WINDOW - 3), number.start - 1)
        if counted is not None:
            return Head("case", "count_reached", number.end) if self.noun_class.get(counted) == "case" else None
        if any(words[j] == "number" and words[j + 1] == "of" for j in range(max(start, number.start - 8), number.start - 1)):
            return None   # `the number of injured is 12`: a number of something no count counts
        if "toll" in words[max(start, number.start - TOLL_WINDOW): number.start]:
            return Head("case", "case_toll", number.end)   # `The death toll in Hubei is now 3,000`
        if FIGURE_WORDS.isdisjoint(words[max(start, number.start - 8): number.start]):
            return None
        head = borrow(previous_count(facts, number.start, sentence_start(doc, number.start)), "count_figure", number)
        if head is None and "total" in words[max(start, number.start - 8): number.start] and \
                self.total_of_uncounted_cases(doc, number, facts):
            return Head("case", "count_reached", number.end)   # `... no new cases. The total number is 1,331`
        return head

    def number_of(self, words: list[str], start: int, end: int) -> str | None:
        """The counted noun after the last `number of` before a reached level (`the number of severe cases`,
        `the number of cities with cases`): the first word there that is a counted noun of any kind."""
        k = next((j for j in range(end - 2, start - 1, -1) if words[j] == "number" and words[j + 1] == "of"), None)
        if k is None:
            return None
        return next((words[j] for j in range(k + 2, min(end, k + 6)) if words[j] in self.noun_class), None)

    def number_of_statuses(self, words: list[str], start: int, end: int) -> tuple[int, int] | None:
        """`bringing the total number of the cured and discharged to 459`, `the number of dead is 30`: a level of
        people named by their status alone; the token range of those words (between `number of` or `total of`
        and the verb), or None."""
        k = next((j for j in range(end - 2, start - 1, -1)
                  if words[j] in ("number", "total", "tally") and words[j + 1] == "of"), None)
        if k is None:
            return None
        hi = end
        while hi > k + 2 and (words[hi - 1] in RISE_VERBS or words[hi - 1] in AUXILIARIES or words[hi - 1] == "stood"):
            hi -= 1   # `the number of the dead rose to 30`, `has reached 30`
        named = [w for w in words[k + 2: hi] if w not in STATUS_GLUE]
        return (k + 2, hi) if named and all(w in self.any_status for w in named) else None

    def total_of_something_else(self, doc: Doc, number: Span, window: list[str]) -> bool:
        """`the total of donations reached 30,000`: a total of a noun that is not what the count before counted."""
        k = len(window) - 1 - window[::-1].index("total")
        after = window[k + 1:]
        if not after or after[0] != "of":
            return False
        return not any(self.noun_class.get(w) in ("case", "personnel") for w in after[1:])

    def earlier_level(self, doc: Doc, number: Span, facts: list[Span]) -> Head | None:
        """`patients still being treated numbered 20,765, down from 41,036 on Feb. 21`: the level a count moved
        from counts what that count counts (its region and status too; its day is its own)."""
        words = lower_words(doc)
        compared = number.start >= 3 and words[number.start - 1] in ("with", "to") and \
            words[number.start - 2] == "compared" and words[number.start - 3] == ","   # `, compared with 47 the day before`
        moved = number.start >= 3 and words[number.start - 1] == "from" and words[number.start - 2] in LEVEL_MOVES and \
            words[number.start - 3] == ","
        previous = previous_count(facts, number.start, sentence_start(doc, number.start))
        if not (compared or moved or self.day_possessive(doc, number) or self.reached_from(doc, number, previous)):
            return None
        if previous is None or number.start - 3 - previous.end > LEVEL_REACH or self.list_broken(doc, number, previous):
            return None   # the count it moved from stands shortly before (a date, a place between them aside)
        return borrow(previous, "count_earlier_level", number)

    def change_start(self, doc: Doc, number: Span, numbers: list[Span], heads: dict[int, Head]) -> Head | None:
        """`revised the death toll by nearly 1,300, from 2,579 to 3,869 deaths`: the level a change started from
        (no range: the numbers reader left both ends exact) counts what the level it went to counts."""
        words = lower_words(doc)
        if number.start == 0 or words[number.start - 1] != "from" or number.end + 1 >= len(doc) or \
                words[number.end] != "to" or get(number, "qualifier") != "exact":
            return None
        high = self.numbers_by_start(numbers).get(number.end + 1)
        if high is None or high.start not in heads or get(high, "qualifier") != "exact":
            return None
        head = heads[high.start]
        return Head(head.noun_class, "count_change_from", number.end, head.modifiers, head.noun_end)

    @staticmethod
    def day_possessive(doc: Doc, number: Span) -> bool:
        """`a further decrease from the previous day's 1,807`, `down four from Monday's nine`, `compared with
        yesterday's 47`: the level of an earlier day, owned by the day, after `from`, `with` or `than`."""
        words = lower_words(doc)
        if number.start < 3 or words[number.start - 1] not in ("'s", "’s"):
            return False
        owner = number.start - 2
        is_day = words[owner] in DAY_OWNERS or any(d.start <= owner < d.end for d in spans_of(doc, "date"))
        return is_day and not {"from", "with", "than"}.isdisjoint(words[max(0, owner - 4): owner])

    def reached_from(self, doc: Doc, number: Span, previous: Span | None) -> bool:
        """`the toll rose to 3,000 from 2,900 a day earlier`, `rose to 3,000 on Monday from 2,900`: the level a
        count reached is followed by the level it rose from."""
        words = lower_words(doc)
        if previous is None or number.start < 2 or words[number.start - 1] != "from" or previous.start < 1 or \
                words[previous.start - 1] not in self.reach:
            return False
        between = spans_in(spans_of(doc, "date"), previous.end, number.start)
        gap = number.start - 1 - previous.end - sum(len(d) for d in between)
        if gap > 1:
            return False   # nothing but a day (and its `on`) between the two levels
        # the level has no noun of its own (`from 12 hospitals` counts hospitals): a day, a place or nothing follows
        return number.end >= len(doc) or doc[number.end].is_punct or words[number.end] in LEVEL_FOLLOWERS

    def increase(self, doc: Doc, number: Span) -> Head | None:
        """`Confirmed cases in Hubei rose by 1,638`: the increase counts what the clause counts, as new."""
        words = lower_words(doc)
        if number.start < 2 or words[number.start - 1] != "by" or words[number.start - 2] not in RISE_VERBS:
            return None
        start, _ = clause_bounds(doc, number.start)
        if words[number.start - 2] in FALL_VERBS:
            return None   # `Serious cases decreased by 299`: a fall, no count of new cases
        if not REVISIONS.isdisjoint(words[max(start, number.start - 10): number.start]):
            return None   # `Wuhan revised its death toll up by 1,290 to 3,869`: a correction, not new deaths
        for j in range(number.start - 3, max(start, number.start - 10) - 1, -1):
            if self.noun_class.get(words[j]) in ("case", "personnel"):
                return Head(self.noun_class[words[j]], "count_increase", number.end)
        return None
