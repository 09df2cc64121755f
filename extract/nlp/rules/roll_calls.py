"""Roll calls of places each with a bare number, and lists enclosed in a sentence (issue 23, "whose count").

A roll call names its first place with a verb and a number and no noun, then each further place with its number:
`Of the total, Wuhan reported 1,200, Xiaogan 300 and Huanggang 250` (after a lead-in that names the whole of the
count before: each place's part of it, with that count's status and period), `..., with Wuhan reporting 1,200,
Xiaogan 300`, `followed by Guangzhou at 339` (after a case count of the same sentence: its status and period),
`Shenzhen has 416, Guangzhou 339, Zhuhai 98` (no lead-in and no noun at all: at least three places, after a case
count and no other count, each place's standing tally of confirmed cases). Each member's place is a region of the
gazetteer; the list ends at a member that is no place (`Guangzhou 339 and the rest 12`).

A list enclosed by dashes or brackets (`The other seven — four in Shanghai, one in Beijing — were imported`): the
words after the closer are the enclosing count's (its status), and `the other N` before it is the rest of the count
before. A member's place may follow a descriptive noun or an adjective (`one in the capital, Beijing`, `two in
northwestern Gansu Province`). Knowledge is in data/roll_calls.json; every look-up is bounded by its sentence.
"""
from __future__ import annotations


from spacy.tokens import Doc, Span

from extract.nlp.extensions import get
from extract.nlp.rules.case_lists import mark_reported, mark_tally, mark_whole
from extract.nlp.rules.count_levels import borrow, previous_count
from extract.nlp.rules.each_place import shared_places
from extract.nlp.rules.counting import Head
from extract.nlp.rules.list_shapes import closes_lead, enclosed_group_end, roll_words
from extract.nlp.rules.places import LIST_BOUNDARY
from extract.nlp.rules.relations import (rule_of, clause_bounds, last_before, lower_words, region_index, sentence_of, sentence_start,
                                         spans_in, spans_of, token_texts)
from extract.nlp.rules.place_lists import YEAR   # `Guangzhou 2020`: a year, no member's count
from extract.nlp.triggers import word_set

ROLL_WINDOW = 120       # tokens each side of a roll call's first number that its sentence is read over
MIN_BARE_MEMBERS = 3    # a roll call with no lead-in and no noun names at least this many places
MEMBER_REACH = 6        # tokens from one member's number to the next one's
CONTEXT_REACH = 400     # tokens back to the case count a bare roll call goes on from (a paragraph or two)
COUNT_NOUNS = frozenset({"case", "personnel", "team", "people", "persons"})   # what a bare roll call must not name
PEOPLE_KINDS = frozenset({"case_count", "personnel_count", "team_count"})   # (a count of cities says nothing)
PARTITIVES = word_set("partitive_pronouns")   # `Of them,`
WHOLE_LEADS = [lead.split() for lead in word_set("whole_leads")]   # `Of the total,`
NOUN_ROLL_REACH = 60    # tokens from a roll call's first number to the noun its last member names
MAX_ROLL_MEMBERS = 8    # members of such a roll call
LEVEL_WORDS = frozenset({"total", "tally", "count"})   # `Among the confirmed total of 85,`
REPORT_VERBS = word_set("report_verbs")
DESCRIPTION_REACH = 5   # words of a place's description before its name (`the northeastern border province of`)
IMPORTED_WORDS = frozenset({"imported", "local", "locally", "transmitted", "domestic"})   # `new imported cases`   # (after a count of its sentence these are the ellipsis rule's)


def described_start(words: list[str], start: int, words_of: dict) -> int:
    """Where a member's place begins with its description (`the southern province of Guangdong`, `the
    commercial hub of Shanghai`, `southwest Yunnan`): the first word of the description, else `start`."""
    j = start
    if j >= 2 and words[j - 1] == "of" and words[j - 2] in words_of["apposition_nouns"]:
        j -= 2
    while j > 0 and start - j < DESCRIPTION_REACH and words[j - 1] in words_of["place_descriptors"]:
        j -= 1
    if j < start and j > 0 and words[j - 1] == "the":
        j -= 1
    return j


class RollCalls:
    """The roll-call heads of HeadFinder (which gives them `noun_class`, `classify_word`, `list_broken`)."""

    def roll_call(self, doc: Doc, number: Span, facts: list[Span]) -> Head | None:
        """The first member of a roll call (`Wuhan reported 1,200,` after `Of the total,`; `Guangzhou at 339`
        after a count of its sentence; `Shenzhen has 416,` opening a bare roll call), with its place."""
        member = self.first_member(doc, number)
        if member is None:
            return None
        place, verb = member
        region = get(place, "value")
        if self.after_whole_lead(doc, place):
            whole = previous_count(facts, number.start)
            if whole is not None and whole.label_ == "case_count":
                return self.member_head(whole, number, region)
            return None
        if verb is not None and verb not in REPORT_VERBS:   # `with Wuhan reporting 1,200`, `Guangzhou at 339`
            whole = previous_count(facts, number.start, sentence_start(doc, number.start))
            if whole is not None and whole.label_ == "case_count" and not self.list_broken(doc, number, whole):
                return self.member_head(whole, number, region)
        whole = self.broken_down(doc, number, facts) if verb in REPORT_VERBS else None
        if whole is not None:
            return self.member_head(whole, number, region)
        if verb is not None and self.scopes.leadin_at(doc, number.start) is not None:
            # `Of the new cases, Wuhan accounted for 1,200, Xiaogan for 300`: the lead-in says their status
            return Head("case", "case_roll_call", number.end, region=region)
        if verb in roll_words()["holding_verbs"] and self.bare_roll(doc, number, facts):
            mark_reported(number)   # a place's count with no noun: its confirmed cases
            mark_tally(number)   # `has 416`: a standing tally
            return Head("case", "case_roll_call", number.end, region=region)
        return None

    @staticmethod
    def member_head(whole: Span, number: Span, region: str | None) -> Head:
        mark_whole(number, whole)   # (its period is the whole's: case_lists.roll_call_period)
        head = borrow(whole, "case_roll_call", number)
        return Head(head.noun_class, head.rule, head.end, head.modifiers, head.noun_end, region=region)

    @staticmethod
    def first_member(doc: Doc, number: Span) -> tuple[Span, str | None] | None:
        """(place, verb) of a member `Place [verb] N` closed by a list boundary, its place opening the member
        (after a comma, `with`, `followed by` or the sentence's start, not after `to` or `from`)."""
        texts, words, words_of = token_texts(doc), lower_words(doc), roll_words()
        if number.start < 1 or YEAR.fullmatch(texts[number.start]):
            return None
        if number.end < len(doc) and texts[number.end] not in LIST_BOUNDARY and "\n" not in texts[number.end]:
            return None
        verb = words[number.start - 1] if words[number.start - 1] in words_of["member_verbs"] else None
        before = number.start - (1 if verb else 0)
        if verb == "for" and words[before - 1] in words_of["share_verbs"]:
            before, verb = before - 1, words[before - 1]   # `Wuhan accounted for 1,200`
        place = region_index(doc).by_end.get(before)
        if place is None:
            return None
        first = described_start(words, place.start, words_of)   # `the southern province of Guangdong for four`
        opener = words[first - 1] if first > 0 else "."
        if first != sentence_start(doc, place.start) and opener not in words_of["member_openers"] and \
                opener != "by":   # `followed by Guangzhou at 339`
            return None
        return place, verb

    @staticmethod
    def after_whole_lead(doc: Doc, place: Span) -> bool:
        """The place opens its sentence's clause after a lead-in naming the whole of the count before: `Of the
        total,`, `Of them,`, `Among these,`."""
        words = lower_words(doc)
        start = sentence_start(doc, place.start)
        if place.start - start < 3 or words[place.start - 1] != "," or words[start] not in ("of", "among"):
            return False
        lead = words[start + 1: place.start - 1]
        return (len(lead) == 1 and lead[0] in PARTITIVES) or lead in WHOLE_LEADS

    def bare_roll(self, doc: Doc, number: Span, facts: list[Span]) -> bool:
        """`Shenzhen has 416, Guangzhou 339, Zhuhai 98.`: at least three places each with a bare number, a
        sentence that names no counted noun, after a case count and no other count."""
        before = last_before(facts, number.start, lambda f: f.label_ in PEOPLE_KINDS, floor=number.start - CONTEXT_REACH)
        if before is None or before.label_ != "case_count":
            return False
        members = self.roll_members(doc, number)
        return members is not None and len(members) >= MIN_BARE_MEMBERS

    def broken_down(self, doc: Doc, number: Span, facts: list[Span]) -> Span | None:
        """`China reported 20 new imported cases. Beijing reported 5, Shanghai 3, Guangdong 8`: a roll call that
        opens the sentence after a case count, its members adding up to no more than that count, is its parts:
        the count, whose status and period they take."""
        start = sentence_start(doc, number.start)
        if start == 0 or last_before(facts, number.start, lambda f: True, floor=start) is not None:
            return None
        whole = last_before(facts, start, lambda f: True, floor=sentence_start(doc, start - 1))
        if whole is None or whole.label_ != "case_count" or get(whole, "value") is None:
            return None
        members = self.roll_members(doc, number)
        if members is None or len(members) < 2 or sum(get(m, "value") or 0 for m in members) > get(whole, "value"):
            return None
        return whole

    def roll_members(self, doc: Doc, number: Span) -> list[Span] | None:
        """The numbers of a roll call of places with bare numbers from this one, in a sentence that names no
        counted noun, to the list's end (a member that is no place ends it: `and the rest 12`); None when a
        noun follows a member's number (`... and Jingzhou 8 districts`: a list of something else) or a number
        is of millions or has decimals (`Wuhan has 11 million`: no tally of cases)."""
        sent = sentence_of(doc, number.start)
        lo, hi = max(sent.start, number.start - ROLL_WINDOW), min(sent.end, number.end + ROLL_WINDOW)   # (linear)
        if any(self.classify_word(doc, j) in COUNT_NOUNS for j in range(lo, hi)) or not self.plain_count(doc, number):
            return None
        texts, words, regions = token_texts(doc), lower_words(doc), region_index(doc)
        numbers = {n.start: n for n in spans_in(spans_of(doc, "number"), number.end, hi)}
        members, j = [number], number.end
        while j < hi:
            k = j
            while k < hi and k < j + 2 and words[k] in (",", ";", "and", "、"):
                k += 1
            place = regions.by_start.get(k) if k > j else None
            count = numbers.get(place.end) if place is not None else None
            if count is None:
                break   # the list ends (`and the rest 12`)
            if not self.plain_count(doc, count) or (count.end < len(doc) and texts[count.end] not in LIST_BOUNDARY):
                return None
            members.append(count)
            j = count.end
        return members

    @staticmethod
    def plain_count(doc: Doc, number: Span) -> bool:
        """A number written as one run of digits (`416`, `1,331`), no year (`2020`)."""
        text = number.text
        return number.end - number.start == 1 and text.replace(",", "").isdigit() and not YEAR.fullmatch(text)

    def each_member(self, doc: Doc, number: Span, facts: list[Span]) -> Head | None:
        """`Guangzhou and Shenzhen with 8 each`, `Jiangxi and Anhui each reported 2`: a bare number that each of
        several places has (each_place.py gives it to every one), counting what the case count before it in its
        sentence (or opening the sentence before) counts, or else the case noun its sentence names before the
        places (`New cases were found in Guangzhou and Shenzhen with 8 each`)."""
        start, end = clause_bounds(doc, number.start)
        if not shared_places(doc, number, number.end, start, end):
            return None
        s = sentence_start(doc, number.start)
        whole = previous_count(facts, number.start, s)
        if whole is None and s > 0 and last_before(facts, number.start, lambda f: True, floor=s) is None:
            whole = last_before(facts, s, lambda f: True, floor=sentence_start(doc, s - 1))
        if whole is not None:
            return borrow(whole, "case_each_member", number) if whole.label_ == "case_count" else None
        noun = next((j for j in range(number.start - 1, s - 1, -1) if self.classify_word(doc, j) is not None), None)
        if noun is None or self.classify_word(doc, noun) != "case":
            return None
        words, lo = lower_words(doc), noun
        modifiers = self.any_status | self.new_words | self.total_words | IMPORTED_WORDS   # (made once, not per word)
        while lo > s and words[lo - 1] in modifiers:
            lo -= 1   # `New cases`, `new imported cases`
        return Head("case", "case_each_member", number.end, (lo, noun + 1), noun + 1)

    def other_group(self, doc: Doc, number: Span, facts: list[Span]) -> Head | None:
        """`The other seven — four in Shanghai, two in Gansu — were imported`: the rest of the case count
        before (in its sentence or the one before), named by an enclosed list of its places."""
        words = lower_words(doc)
        if number.start < 2 or words[number.start - 1] not in roll_words()["other_words"] or \
                words[number.start - 2] != "the" or enclosed_group_end(doc, number.end) is None:
            return None
        start = sentence_start(doc, number.start)
        floor = sentence_start(doc, start - 1) if start > 0 else start
        # the whole its own words name (`11 new confirmed cases`), not a part of it (`four of those`), more than
        # the rest of it, and the one a part named before makes up with it (`11 ..., up from eight cases a day
        # earlier, but only four of those were local`: 4 + 7 = 11, not the eight of the day before)
        value = get(number, "value")
        if value is None:
            return None
        counts = [f for f in spans_in(facts, floor, number.start) if f.label_ == "case_count"]
        wholes = [f for f in counts if rule_of(f) == "count_noun" and (get(f, "value") or 0) > value]
        parted = [w for w in wholes if any(p.start > w.start and (get(p, "value") or 0) + value == get(w, "value")
                                           for p in counts)]
        whole = (parted or wholes or [None])[-1]
        return borrow(whole, "case_other_group", number) if whole is not None else None

    def lead_whole(self, doc: Doc, number: Span, facts: list[Span]) -> Head | None:
        """`Among the confirmed total of 85, 18 patients have been discharged`: the whole a lead-in names before
        the count that parts it, in a text about cases (a case count before, and no other count nearer), with
        the status its own words say."""
        words = lower_words(doc)
        if not closes_lead(doc, number) or words[number.start - 1] != "of" or words[number.start - 2] not in LEVEL_WORDS:
            return None
        before = last_before(facts, number.start, lambda f: f.label_ in PEOPLE_KINDS, floor=number.start - CONTEXT_REACH)
        if before is None or before.label_ != "case_count":
            return None
        start = sentence_start(doc, number.start)
        return Head("case", "case_lead_total", number.end, (start, number.start), number.start)

    def roll_to_noun(self, doc: Doc, number: Span, numbers: list[Span], heads: dict[int, Head]) -> Head | None:
        """`Wuhan had 1,200, Xiaogan had 300 and Huanggang had 250 new cases`: places each with a verb and a
        number, the last one's noun counting them all (a case noun of its own, not one borrowed)."""
        first = self.first_member(doc, number)
        if first is None:
            return None
        texts, words, regions, verbs = token_texts(doc), lower_words(doc), region_index(doc), roll_words()["member_verbs"]
        by_start = {n.start: n for n in spans_in(numbers, number.end, min(len(doc), number.end + NOUN_ROLL_REACH))}
        member, members = number, 0
        while members < MAX_ROLL_MEMBERS:
            k = member.end
            while k < len(doc) and k < member.end + 2 and words[k] in (",", ";", "and", "、"):
                k += 1
            place = regions.by_start.get(k) if k > member.end else None
            if place is None:
                return None
            k = place.end + (1 if place.end < len(doc) and words[place.end] in verbs else 0)
            member, members = by_start.get(k), members + 1
            if member is None or YEAR.fullmatch(texts[member.start]):
                return None
            head = heads.get(member.start)
            if head is not None:
                if head.noun_class != "case" or head.rule != "count_noun":
                    return None
                return Head("case", "case_roll_call", number.end, head.modifiers, head.noun_end,
                            region=get(first[0], "value"))
            if member.end < len(doc) and texts[member.end] not in LIST_BOUNDARY:
                return None
        return None


NO_NUMBER = word_set("no_number_words")   # a roll call's member that had no case


def next_member(doc: Doc, j: int) -> bool:
    """`while Zhejiang reported 3 and Henan 2`: `and` then a place with its bare number, the next member of a
    roll call whose verb and noun it leaves out."""
    words = lower_words(doc)
    if j >= len(doc) or words[j] != "and":
        return False
    place = region_index(doc).by_start.get(j + 1)
    k = place.end + 1 if place is not None and place.end + 1 < len(doc) and words[place.end] in REPORT_VERBS \
        else place.end if place is not None else 0   # `while Hong Kong had 2 and Macao had 1`: its own verb
    if place is None or k >= len(doc) or not (doc[k].like_num or words[k] in NO_NUMBER) or YEAR.fullmatch(doc[k].text):
        return False   # (`while Hong Kong had two and Macau had none`: a member of none)
    after = k + 1   # the member's number ends the list or goes on with it (`Henan 2 hospitals`: no member)
    return after >= len(doc) or token_texts(doc)[after] in LIST_BOUNDARY or "\n" in token_texts(doc)[after]
