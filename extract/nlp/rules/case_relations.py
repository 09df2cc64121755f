"""The relations of a case count: its status, period, region and date, by rules over its clause."""
from __future__ import annotations

import bisect
import functools

from spacy.tokens import Doc, Span

from extract.nlp.docindex import doc_index
from extract.nlp.rules.case_labels import block_day
from extract.nlp.rules.case_dates import (carried_day, clause_day, earlier_day, earlier_level_of, is_earlier_level,
                                         level_day, same_day)
from extract.nlp.rules.case_now import held_now, is_current, mark_current, reached_now, severe_now
from extract.nlp.rules.count_levels import level_words_start, unknown_level_owner
from extract.nlp.rules.disease_effects import disease_place, perfect_effect
from extract.nlp.rules.case_lists import CaseLists, is_reported, mark_reported
from extract.nlp.rules.case_regions import SUBCOUNT_RULES, CaseRegions, bracketed_part, is_subcount
from extract.nlp.rules.place_focus import bracket_opener
from extract.nlp.rules.count_clauses import (event_status, increment_before, increments_a_total,
                                             other_place_between, place_has, whole_of_a_part, words_after)
from extract.nlp.rules.counting import TOTAL_CLAUSE_VERBS, Head
from extract.nlp.rules.each_place import shared_places
from extract.nlp.rules.place_lists import holds_tally
from extract.nlp.rules.list_shapes import enclosed_whole_place
from extract.nlp.rules.numbered_lists import numbered_heading
from extract.nlp.triggers import status_table, word_set
from extract.nlp.extensions import get, put
from extract.nlp.rules.scopes import CURRENT
from extract.nlp.rules.relations import (attachable_dates, clause_bounds, last_before, lower_words, sentence_start,
                                         spans_in, token_texts)


EVENT_VERBS = word_set("event_verbs")
REMAIN_VERBS = word_set("remain_verbs")
FRAME_DAY_REACH = 3   # words from a sentence's start to the day that frames all its clauses (`Also on Wednesday,`)
ADDED_WORDS = frozenset({"additional", "another", "further", "fresh"})
DAY_SPANS = tuple(f" {phrase} " for phrase in sorted(word_set("day_spans")))
# rules that count a part of the count before them in their sentence
PART_RULES = frozenset({"count_including", "count_of_which", "count_partitive_noun", "count_partitive",
                        "count_partitive_lead"})
# rules whose count continues the one before it in its sentence (a list, a part, a total)
HEADED_RULES = PART_RULES | {"case_list_item", "case_origin_item", "count_list", "case_ellipsis", "count_others",
                             "case_respectively", "case_roll_call",
                             "count_total_to"}
LEAD = "count_partitive_lead"   # `Of the new patients, 19 ...`: a part of the last count before its lead-in
BRACKET_GAP = 6   # words from a count to the bracket that parts it
REFERENCE_REACH = 400   # tokens back to the count a later mention refers to (a paragraph or two)
RESTATED_MIN = 10       # a smaller number restates another only in the same words
STATUSES = status_table()
LEADIN_ENDS = frozenset({":", ",", ";", "."})
LEADIN_REACH = 10   # words back from the items to the start of their lead-in
OUTBREAK_START = "2019-12"   # no count of COVID-19 cases is as of an earlier day (ISO strings compare in order)
PRONOUNS = word_set("partitive_pronouns")   # `Of them,`, `Among these,`
CASE_WORDS = word_set("nouns", "case")
AVERAGES = word_set("averages", "words")
CLAUSE_JOINERS = frozenset({"and", "while", "but", "whereas", "although", ","})   # after a level: another clause
NEWLY_REACH = 4   # words from a count's noun to `newly` in its verb (`have been newly cured`)
AVERAGE_REACH = 3   # words after a count's noun within which `annually`, `on average` stand
AVERAGE_PAIRS = (["on", "average"], ["per", "year"], ["a", "year"], ["each", "year"])
AVERAGE_PAIR_FIRSTS = frozenset(pair[0] for pair in AVERAGE_PAIRS)   # (one set test rules most clauses out)



class CaseRelations(CaseLists, CaseRegions):
    """Sets a case count's status (confirmed, suspected, severe, critical, death, recovered, unspecified),
    period (new, total or None), region (the subject the sentence gives it) and date."""

    event_verbs = EVENT_VERBS

    def case_attributes(self, doc: Doc, number: Span, head: Head, fact: Span, facts: list[Span]) -> None:
        """A count's own words first; then its status lead-in, the count heading its list, and its frame."""
        start, end = clause_bounds(doc, number.start)
        lead = self.scopes.leadin_at(doc, number.start)
        frame = self.scopes.frame_at(doc, number.start)
        heading = self.list_heading(doc, number, head, facts) or self.pronoun_whole(doc, number, facts) or \
            numbered_heading(doc, number, facts)   # `46 cases were discharged` / `1. 9 cases in Ordos City`
        status = self.case_status(doc, number, head)
        if status == "unspecified":
            status = (lead and lead.status) or (heading is not None and get(heading, "status")) or status
        named = self.lead_antecedent(doc, lead, facts) if lead is not None and lead.status is None else None
        if status == "unspecified" and named is not None:
            status = get(named, "status")   # `30 new imported cases. Among the imported cases, Beijing 5`
        if status == "unspecified" and head.rule == "count_earlier_level":
            level = earlier_level_of(doc, number, facts)   # `rose to 3,000 from 2,900`: the 3,000's status
            status = get(level, "status") if level is not None else status
        if status == "unspecified" and (increment := increment_before(doc, number, facts)) is not None:
            status = get(increment, "status")   # `417 discharged, bringing the total to 2,639 patients`
        if status == "unspecified" and head.rule == "case_parenthetical":
            whole = self.bracketed_part_of(doc, number, facts)   # `64,236 were discharged (Wuhan 47,085)`
            status = get(whole, "status") if whole is not None else status
        period = self.case_period(doc, number, head, start, facts, status)
        if period is None:
            period = (lead and lead.period) or (named is not None and get(named, "period")) or \
                (CURRENT if is_current(heading) else None) or \
                (heading is not None and get(heading, "period")) or \
                (frame and frame.period) or self.stated_before(doc, number, status, lead, facts) or None
        if period is None and is_earlier_level(doc, number):
            compared = last_before(facts, number.start, lambda f: f.label_ == "case_count",
                                   floor=self.previous_sentence_floor(doc, number.start))
            period = get(compared, "period") if compared is not None else None   # `down from 48 cases on Monday`
        if period == "total" and severe_now(doc, number, head.end, status):
            period = CURRENT   # `7,365 severe cases` under `As of 24:00 on Feb 29,`: patients now in that state
        average = self.states_an_average(doc, number, head, start, facts)
        if period is not None and average:
            period = None   # `The average number of cases reported annually is 600`: neither new nor a running total
        if head.rule in ("case_list_item", "case_origin_item", "case_roll_call"):
            region = head.region
        else:
            # `three of those — all in Hubei Province — were local`: the group set apart says where they all are
            whole_place = enclosed_whole_place(doc, head.end) if head.end < len(doc) else None
            region = get(whole_place, "value") if whole_place is not None else disease_place(doc, number, head) \
                if head.rule == "case_disease_verb" else self.case_region(doc, number, head, start, end, facts)
            # a count of the whole country, of abroad or of a place of its own borrows no region; nor does a
            # disease's toll told by its verb (`Huanggang ... the virus that has killed 132`)
            national = self.scopes.is_national(doc, number.start) or self.scopes.is_elsewhere(doc, number.start)
            own_place = self.scopes.unknown_place_after(doc, number) or head.rule == "case_disease_verb" or \
                unknown_level_owner(doc, number)
            if region is None and not own_place:
                # `the province` after Beijing only; patients a team treated are where it works, never its home's
                own_place = self.focus.unresolved_anaphor(doc, start, end) or self.team_subject(doc, start, number.start)
            if region is None and not own_place and (head.rule in PART_RULES or
                                                     self.scopes.opens_subcount(doc, number)):
                # a part with no place of its own is its whole's, before any place the sentence, its frame or
                # its paragraph gives: `3,700 patients in Wuhan, including 1,000 in serious condition`, `20 in
                # Taiwan including one death`, `10 deaths, seven of which`, and in a province's bulletin `183
                # were in Hangzhou (including 2 imported cases)`: Hangzhou's imported cases, not the province's
                whole = self.list_heading_any(doc, number, facts) or (last_before(   # (`Of the new patients, 19`)
                    facts, number.start, lambda f: f.label_ == "case_count" and not is_subcount(f),
                    floor=number.start - REFERENCE_REACH) if head.rule == LEAD else None)
                region = get(whole, "region") if whole is not None else None
            if region is None and not national and not own_place:
                region = self.sibling_region(doc, number, facts, chained=head.rule == "case_status_item") or \
                    self.opening_clause_place(doc, number, end)
            if region is None and frame is not None and frame.region and not national and not own_place:
                region = frame.region
            if region is None and not national and not own_place:
                region = self.paragraph_region(doc, number, facts) or self.restated_region(doc, number, head, status, facts)
            if region is None and not national and not own_place and head.rule not in SUBCOUNT_RULES:
                region = self.focus.carried_region(doc, number, facts, self.scopes.section_start(doc, number.start),
                                                   is_subcount)   # the place of the report a paragraph goes on with
            if region is None and head.rule == "case_labelled":
                region = self.block_heading_region(doc, number)   # `Henan` / `New confirmed: 20`
            if region is None and not national and not own_place and head.rule not in SUBCOUNT_RULES:
                region = self.scopes.article_place(doc, number.start)   # the place the article (or section) is about
        date = (earlier_day(doc, number, facts) or level_day(doc, number)) if head.rule == "count_change_from" else \
            earlier_day(doc, number, facts) or (head.rule == "count_earlier_level" and level_day(doc, number)) or \
            clause_day(doc, number, start, end) or \
            same_day(doc, number, start, end) or (head.rule == "case_labelled" and block_day(doc, number)) or \
            (lead and lead.date) or \
            (heading is not None and not is_earlier_level(doc, heading) and get(heading, "date")) or \
            (frame and frame.date) or carried_day(doc, number, facts, self.scopes.section_start(doc, number.start),
                                                  lambda other: self.same_report(other, region), CASE_WORDS)
        if date is not None and date < OUTBREAK_START:
            date = None   # `1,200 cases, more than the 5,327 SARS cases in 2003`: the year dates the other disease
        if status == "unspecified" and period == "new" and (self.reports_cases(doc, number, head) or
                                                           self.lead_counts_cases(doc, number, head, lead)):
            status = "confirmed"   # a new case is a newly confirmed one (`Two new cases were reported in ...`)
        if status == "unspecified" and not average and (self.reports_cases(doc, number, head) or
                                                        self.reaches_cases(doc, number, head)):
            mark_reported(fact)   # confirmed, unless the list it goes on says otherwise (share_list_period); a
            # rate (`600 cases annually`) counts no confirmed cases of a day
        elif status == "unspecified" and head.rule == "case_list_item" and heading is not None and \
                is_reported(heading) and self.says_no_status(doc, fact, heading):
            mark_reported(fact)   # `631 cases have been reported in Jiangsu, 93 in Nanjing`: as its head will be
        if period == CURRENT:
            mark_current(fact)   # held now: no period, and the members of its list state none either
            period = None
        places = shared_places(doc, number, head.end, start, end)
        if places:
            put(fact, "places", places)   # one fact per place (records.make_rows); the span's own region is none
            region = None
        put(fact, "status", status)
        put(fact, "period", period)
        put(fact, "region", region)
        put(fact, "date", date)
        if region is None and not places and head.rule not in ("case_list_item", "case_origin_item") and national and \
                not own_place and \
                not self.scopes.is_elsewhere(doc, number.start):
            put(fact, "whole_country", True)   # the consolidated tables file it as the country's figure

    @functools.cached_property
    def spaced_total_words(self) -> tuple[str, ...]:
        """The period's total words and phrases, each between spaces (as case_period looks for them in its
        clause's words joined by spaces), made once."""
        return tuple(f" {w} " for w in self.total_words)

    @functools.cached_property
    def spaced_total_verbs(self) -> tuple[str, ...]:
        return tuple(" " + " ".join(v) + " " for v in self.total_verbs)

    def same_report(self, other: str | None, region: str | None) -> bool:
        """Two counts' places may be of one report: either has none (the country's report covers every place),
        or both lie in one province (a province's bulletin lists its cities)."""
        if region is None or other is None or other == region:
            return True
        places = self.gazetteer.by_name
        return other in places and region in places and places[other].province == places[region].province

    @staticmethod
    def previous_sentence_floor(doc: Doc, i: int) -> int:
        """The first token of the sentence before token i's (its own when it is the first)."""
        start = sentence_start(doc, i)
        return sentence_start(doc, start - 1) if start > 0 else start

    def pronoun_whole(self, doc: Doc, number: Span, facts: list[Span]) -> Span | None:
        """`Fujian reported 11 new cases on Tuesday. Of them, 10 cases, including ...`: a count right after a
        sentence-opening `Of them,` is a part of the last case count before its sentence, when that sentence
        counts one status only (`1,272 cases, 21 deaths and 1,161 discharged. Among them,` may mean any)."""
        words = lower_words(doc)
        sent_start = sentence_start(doc, number.start)
        opening = words[sent_start: number.start]
        if len(opening) != 3 or opening[0] not in ("of", "among") or opening[1] not in PRONOUNS or opening[2] != ",":
            return None
        whole = last_before(facts, sent_start, lambda f: f.label_ == "case_count" and not is_subcount(f) and
                            not is_earlier_level(doc, f), floor=sent_start - REFERENCE_REACH)
        if whole is None:
            return None
        others = spans_in(facts, sentence_start(doc, whole.start), sent_start)
        if any(f.label_ == "case_count" and get(f, "status") != get(whole, "status") for f in others):
            return None
        return whole

    @staticmethod
    def bracketed_part_of(doc: Doc, number: Span, facts: list[Span]) -> Span | None:
        """The count a bracket of place and number follows (`3,216 deaths (Wuhan 2,575)`, `64,236 cases were
        discharged (Wuhan 47,085)`): the sentence's last case count, at most a few words before the bracket."""
        texts = token_texts(doc)
        opening = next((j for j in range(number.start - 1, max(-1, number.start - 6), -1) if texts[j] == "("), None)
        if opening is None:
            return None
        whole = last_before(facts, opening, lambda f: f.label_ == "case_count",
                            floor=sentence_start(doc, number.start))
        if whole is None or opening - whole.end > BRACKET_GAP or \
                any(doc_index(doc).like_num[whole.end: opening]):
            return None
        return whole

    @staticmethod
    def restated_region(doc: Doc, number: Span, head: Head, status: str, facts: list[Span]) -> str | None:
        """`240 confirmed cases have been reported in Shaanxi. ... Among 240 confirmed cases, 117 are in Xi'an`: a
        figure restated (same value and status, a paragraph or two on) keeps the place it was stated with; a
        number under ten only in the same words (`eight more patients`), as small numbers coincide."""
        value = get(number, "value")
        if value is None:
            return None
        words = doc[number.start: head.end].text.lower()
        # (plain `cases`, not yet given their status, restate confirmed ones: `Among those 19 new cases,`)
        statuses = (status, "confirmed") if status == "unspecified" else (status,)
        same = last_before(facts, number.start, lambda f: f.label_ == "case_count" and get(f, "value") == value and
                           get(f, "status") in statuses and (value >= RESTATED_MIN or f.text.lower() == words),
                           floor=number.start - REFERENCE_REACH)
        return get(same, "region") if same is not None else None

    def stated_before(self, doc: Doc, number: Span, status: str, lead, facts: list[Span]) -> str | None:
        """The period of the count a later mention refers back to: `Among 240 confirmed cases, ...` after `240
        confirmed cases have been reported` (same value and status), or a status lead-in without a period
        (`Among the confirmed cases, 29 in Haikou`) after the last count of that status."""
        if lead is not None and lead.status:
            referred = last_before(facts, lead.start, lambda f: f.label_ == "case_count" and get(f, "period") and
                                   get(f, "status") == lead.status and not is_subcount(f),
                                   floor=lead.start - REFERENCE_REACH)
            return get(referred, "period") if referred is not None else None
        value = get(number, "value")
        same = last_before(facts, number.start, lambda f: f.label_ == "case_count" and get(f, "value") == value
                           and get(f, "status") == status and get(f, "period"), floor=number.start - REFERENCE_REACH)
        return get(same, "period") if same is not None else None

    @staticmethod
    def lead_counts_cases(doc: Doc, number: Span, head: Head, lead) -> bool:
        """A list item with no noun of its own under a lead-in of `cases` (`New cases on Monday: Hefei 12`)."""
        if lead is None or head.noun_end is not None:
            return False
        words = lower_words(doc)
        floor = max(sentence_start(doc, lead.start), lead.start - LEADIN_REACH)
        j = lead.start - 1   # the lead-in ends before the tokens it governs, with its colon or comma
        while j >= floor and words[j] in LEADIN_ENDS:
            j -= 1
        lo = j
        while lo >= floor and words[lo] not in LEADIN_ENDS:
            lo -= 1
        return not {"case", "cases", "infection", "infections"}.isdisjoint(words[lo + 1: j + 1])

    def counts_cases(self, doc: Doc, number: Span, head: Head) -> bool:
        """The count's noun is `cases` or `infections` (not `patients`, who may be in hospital or discharged)."""
        lo, hi = self.noun_phrase(head, number)
        return not {"case", "cases", "infection", "infections"}.isdisjoint(lower_words(doc)[lo: hi])

    @staticmethod
    def list_heading_any(doc: Doc, number: Span, facts: list[Span]) -> Span | None:
        """The last case count of the number's sentence, not a part in brackets closed before the number (`97
        cases (97 in Wuhan), including 15 severe`: the 15 are of the 97 before the brackets)."""
        opener = bracket_opener(doc, number)
        return last_before(facts, number.start, lambda f: f.label_ == "case_count" and
                           (not bracketed_part(f) or bracket_opener(doc, f) == opener),
                           floor=sentence_start(doc, number.start))

    @staticmethod
    def list_heading(doc: Doc, number: Span, head: Head, facts: list[Span]) -> Span | None:
        """The case count a list item or sub-count continues: the last one of its sentence."""
        if head.rule not in HEADED_RULES:
            return None
        sent_start = sentence_start(doc, number.start)
        return last_before(facts, number.start, lambda f: f.label_ == "case_count", floor=sent_start)

    def case_status(self, doc: Doc, number: Span, head: Head) -> str:
        lo, hi = self.noun_phrase(head, number)
        lows = lower_words(doc)
        if hi != head.end:   # a borrowed noun: what follows the number itself first (`including 7,365 in serious condition`)
            own = self.words_after(doc, number.end)
            status = STATUSES.first(own)
            if status is not None:
                return status
        if head.rule == "count_partitive_noun":
            status = STATUSES.first(self.words_after(doc, hi))
            if status is not None:
                return status   # `12 of the 40 confirmed patients had died`: the verb says what the part is
        event = event_status(doc, number)
        if event is not None:
            return event   # `the discharge of the last two (severe) patients`: the event says what they are now
        modifiers = lows[lo: hi]
        status = STATUSES.first(modifiers)   # the noun's own modifiers next: `96 confirmed cases ... without severe`
        if status is not None:
            return status
        if whole_of_a_part(doc, number):
            return "unspecified"   # `930 of the 935 patients have recovered`: the verb says what the part is
        words = modifiers + self.words_after(doc, hi)
        if number.start > 0:
            words.append(lower_words(doc)[number.start - 1])
        if head.rule == "case_toll":
            return "death"
        if head.rule in ("count_reached", "count_increase", "place_tally"):
            start, _ = clause_bounds(doc, number.start)
            own = self.reached_noun_words(doc, start, number.start)
            status = STATUSES.first(own)   # `the total confirmed cases ... to 67,466 and that of deaths`
            if status is not None:
                return status
            if own and number.end < len(doc) and lower_words(doc)[number.end] in CLAUSE_JOINERS:
                # `The number of new infections was 394 and the number of deaths was 114`: the words after the
                # level are the next clause's
                words = modifiers + ([lower_words(doc)[number.start - 1]] if number.start > 0 else [])
            words += lower_words(doc)[start: number.start]   # `the number of confirmed cases ... rose to`
        return STATUSES.first(words) or "unspecified"

    def reached_noun_words(self, doc: Doc, start: int, position: int) -> list[str]:
        """The counted noun a reached level belongs to and the few words before it: the nearest case noun
        before the number (`the total confirmed cases in the province to 67,466`)."""
        lows = lower_words(doc)
        for j in range(position - 1, start - 1, -1):
            if self.noun_class.get(lows[j]) == "case":
                return lows[max(start, j - 4): j + 1]
        return []

    @staticmethod
    def words_after(doc: Doc, j: int, window: int = 12) -> list[str]:
        return words_after(doc, j, window)

    def case_period(self, doc: Doc, number: Span, head: Head, clause_start: int,
                    facts: list[Span], status: str = "unspecified") -> str | None:
        """new, total, CURRENT (a count of cases held now: no period, whatever its frame says) or None."""
        lows = lower_words(doc)   # (read once: every rule below asks)
        if head.rule == "count_total_to":
            return "total"
        if head.rule == "case_remaining":
            return CURRENT   # `27 remain in hospital`
        if head.rule == "count_increase":
            return "new"
        if perfect_effect(doc, number, head):
            return "total"   # `the virus has killed 132`
        if head.rule == "count_ones" and not self.new_words.isdisjoint(lows[number.end: head.end]):
            return "new"   # `5 new ones`: the noun is borrowed, `new` is its own
        if head.rule in ("count_reached", "place_tally"):   # a level reached is a running total, unless new cases reached it
            own = max(self.own_clause_start(number, clause_start, facts),
                      level_words_start(lows, clause_start, number.start))
            before = lows[own: number.start]
            last_new = max((k for k, w in enumerate(before) if w in self.new_words and
                            not self.scopes.new_in_disease_name(before, k)), default=None)
            if last_new is not None and self.total_words.isdisjoint(before[last_new + 1:]):
                return "new"   # (`These 2 new cases bring to 4 the number`: that `new` is the 2's; but `no new
                # infections, with the total at 1,347`: the level named after it is a running total)
            return CURRENT if reached_now(doc, clause_start, number.start) else "total"   # `active cases fell to`
        if number.start > 0 and lows[number.start - 1] in ADDED_WORDS or \
                lows[number.end: number.end + 1] == ["more"] and lows[number.end + 1: number.end + 2] != ["than"]:
            return "new"   # `an additional 136 cases`, `another 1,563 suspected cases`, `13 more were cured`
        if lows[number.start] in ADDED_WORDS and \
                last_before(facts, number.start, floor=sentence_start(doc, number.start)) is None:
            return "new"   # `Shenzhen confirmed another 26 cases`; not `5,646 were severe and another 1,226 critical`
        lo, hi = self.noun_phrase(head, number)
        phrase = lows[lo: hi]
        # `more than 3,700 patients` (a borrowed phrase with its qualifier) is not `37 more cases`
        # (nor is `new` in the disease's name: `27100 new coronavirus pneumonia cases`)
        modifiers = {w for k, w in enumerate(phrase) if not (w == "more" and phrase[k + 1: k + 2] == ["than"])
                     and not self.scopes.new_in_disease_name(lows, lo + k)}
        if modifiers & self.new_words:
            return "new"
        if not self.scopes.words["current_words"].isdisjoint(phrase):
            return CURRENT   # `3 new suspected cases and 12 existing suspected cases`: held now, not new
        previous = facts[-1] if facts else None
        if number.start > 0 and lows[number.start - 1] == "and" and previous is not None and \
                previous.label_ == "case_count" and get(previous, "period") == "new" and previous.start >= clause_start:
            return "new"   # `2,641 new confirmed cases and 143 deaths`: the deaths are new too
        _, clause_end = clause_bounds(doc, number.start)
        if number.start > 0 and lows[number.start - 1] == "including" and self.event_on_a_day(doc, number, head, number.start - 1, clause_end):
            return "new"   # `500 discharged so far, including 37 discharged on Sunday`: the part's own day
        if held_now(doc, number, (lo, hi), head.end, clause_start, clause_end, status, self.total_verbs):
            return CURRENT   # `There still remained 35,329 confirmed cases`, `are still being treated`
        words = lows
        before = words[clause_start: number.start]
        # the clause up to the numeral, its qualifier included (`A total of 2,649 patients`)
        text = " " + " ".join(words[clause_start: number.end]) + " "
        if before and before[-1] == "with" and self.event_on_a_day(doc, number, head, number.start, clause_end):
            return "new"   # `the total is 1,331, with 41 cases discharged on Tuesday alone`: an event of its own day
        if head.rule == "case_toll" or any(w in text for w in self.spaced_total_words):
            return "total"
        if before and before[-1] == "with":
            # `2,345 new cases, with 97 deaths`: the period of the count it goes with; else a standing count
            previous = self.list_heading_any(doc, number, facts)
            if previous is not None and other_place_between(doc, previous, number):
                return "total"   # `Henan recorded 1,033 cases on Sunday and helps Suizhou, a city with 984 cases`
            return (get(previous, "period") if previous is not None else None) or "total"
        if any(v in text for v in self.spaced_total_verbs) or place_has(doc, before, phrase, clause_start, number):
            return "total"
        if " as of " in text or self.by_a_date(doc, clause_start, number.start):
            return "total"
        _, end = clause_bounds(doc, number.start)
        words = lows
        # `51 patients Thursday, bringing the total to 742 ... by the end of Thursday`, `136 cases in the city,
        # which now has a total of 198`: that is another count's
        end = next((j for j in range(head.end, end) if words[j] in TOTAL_CLAUSE_VERBS or words[j] in
                    ("which", "who", "whose")), end)
        after = " " + " ".join(lows[head.end: end]) + " "
        if " by the end of " in after or " as of " in after or \
                self.by_a_date(doc, head.end, end):
            return "total"
        if "newly" in lower_words(doc)[head.end: min(end, head.end + NEWLY_REACH)]:
            return "new"   # `14 patients have been newly cured and discharged`: the verb's `newly` is the count's
        if any(p in after for p in (" have been ", " has been ", " have recovered ", " has reached ",
                                    " have died ", " had died ", " had been ", " so far ", " to date ")):
            return "total"
        if " ".join(words[head.end: head.end + 2]) in ("in total", "in all", "so far", "to date") or \
                (head.end < len(doc) and words[head.end] in ("altogether", "cumulatively", "accumulatively")):
            return "total"   # `67,000 cases in total`
        if not REMAIN_VERBS.isdisjoint(lows[head.end: min(end, head.end + 5)]):
            return CURRENT   # `15 patients in Xiaogan remained hospitalized`: still ill, held now
        if head.rule == "case_parenthetical" and head.noun_end is not None and holds_tally(doc, head.modifiers):
            return "total"   # `Huanggang (2,907) and Xiaogan (2,874) have the most cases`
        if self.event_on_a_day(doc, number, head, clause_start, end) or increments_a_total(doc, head.end) or \
                any(span in text or span in after for span in DAY_SPANS):
            return "new"   # (`282 patients were discharged over the past 24 hours`: within one day)
        return None

    @staticmethod
    def own_clause_start(number: Span, clause_start: int, facts: list[Span]) -> int:
        """Where a number's own words start in its clause: after the count before it there, if any."""
        previous = last_before(facts, number.start, floor=clause_start)
        return previous.end if previous is not None else clause_start

    def states_an_average(self, doc: Doc, number: Span, head: Head, clause_start: int, facts: list[Span]) -> bool:
        """`The average number of cases reported annually is 600`, `an average of 30 cases`, `600 cases
        annually`: a mean or a yearly rate, in the count's own words (data/triggers.json `averages`)."""
        words = lower_words(doc)
        own = words[self.own_clause_start(number, clause_start, facts): number.start] + \
            words[head.end: head.end + AVERAGE_REACH]
        return not AVERAGES.isdisjoint(own) or (not AVERAGE_PAIR_FIRSTS.isdisjoint(own) and any(
            own[k: k + 2] in AVERAGE_PAIRS for k in range(len(own) - 1)))

    @staticmethod
    def by_a_date(doc: Doc, start: int, end: int) -> bool:
        """`by Sunday`, `by the end of Feb 3`, `by 24:00 on Feb 3`: a running total up to a date (not `caused by`)."""
        index = doc_index(doc)
        at = index.positions.get("by", ())   # (the positions of `by`, bisected: most clauses hold none)
        first = bisect.bisect_left(at, start)
        if first == len(at) or at[first] >= end:
            return False
        words = index.lower
        starts = {span.start for span in attachable_dates(doc, start, end)}
        for j in at[first:]:
            if j >= end:
                break
            k = j + 1
            while k < end and k <= j + 5 and (words[k] in ("the", "end", "of", "on", ",") or ":" in words[k]):
                k += 1
            if k in starts:
                return True
        return False

    def event_on_a_day(self, doc: Doc, number: Span, head: Head, start: int, end: int) -> bool:
        """`Authorities discharged 101 patients on Monday`, `12 patients died on Feb 3`: an event verb and one
        day make the count that day's, new. Not a reporting verb: `Henan recorded 1,033 cases on Sunday` says a
        day's report, not whether its number is the day's or the total to it."""
        words = lower_words(doc)
        verbs = set(words[start: number.start]) | set(words[head.end: min(end, head.end + 4)])
        if verbs.isdisjoint(self.event_verbs):
            return False
        s = sentence_start(doc, number.start)   # and a day opening the sentence: `Also on Wednesday, 640 ... and 261`
        opening = [d for d in attachable_dates(doc, s, start) if d.start - s <= FRAME_DAY_REACH]
        for span in opening + attachable_dates(doc, start, end):
            value = get(span, "value") or ""
            if len(value) == 10 and span.start > 0 and words[span.start - 1] not in ("by", "since", "until"):
                return True
        return False
