"""Scopes: what a count inherits from the text around it.

Bulletins state counts under lead-ins. A *frame* sentence (`As of 24:00 on Feb 29, Hubei had reported ...`,
`Between 00:00 and 24:00 on March 1, the following were newly reported in Anhui Province:`) says who reports,
whether the counts are new or cumulative and as of when; its frame holds to the end of its paragraph, and past
it over the lists it introduces (a sentence ending in `:`, items `a)`, `b)`, status lead-ins). A *status
lead-in* (`Of the newly confirmed cases, ...`, `Among the discharged patients, ...`, `Of those who died, ...`,
`As for the newly cured patients on Sunday, ...`) gives the counts after it, to the end of the sentence (and on
through a next one opening `Others include`), a status and maybe a period and a day. A *list item* (`4 in Nanjing`, `174 are in Hefei`,
`Hefei 12`) is a bare number that takes its region from its own words and the rest from its lead-in or the
count that heads its list. The case rules ask here for a count's defaults; what a count's own words say wins.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from extract.nlp.docindex import doc_index
from extract.nlp.extensions import get
from extract.nlp.rules.relations import (attachable_dates, governing_preposition, lower_words, phrase_firsts,
                                         region_index, sentence_index, spans_in, spans_of, token_texts)
from extract.nlp.rules.places import LIST_BOUNDARY, PlaceReader
from extract.nlp.rules.list_shapes import described_place
from extract.nlp.rules.place_lists import YEAR
from extract.nlp.triggers import status_table, triggers, word_set

OPENER_WINDOW = 14      # tokens from a sentence's start within which a frame's date or clock time must stand
OPENER_DATE_GAP = 4     # tokens between the opener and its date (`As of 24:00 on Feb 29`)
LEADIN_WINDOW = 12      # longest status lead-in, in tokens
HEADING_WINDOW = 16     # longest report heading before its colon, in tokens
PEOPLE = frozenset({"people", "persons"})   # case nouns that name patients only with a status
ROLL_CALL_CLOSERS = frozenset({":", "：", "-", "–", "—"})   # what closes a roll call's lead-in or a member's place
# what ends a lead-in: a comma or a roll call's closer (punctuation: its lower-case text is its text)
LEADIN_ENDS = frozenset({",", "，"}) | ROLL_CALL_CLOSERS
CLAUSE_MARKS = frozenset({";", ":", "；", "："})   # what opens a clause a lead-in may start (after it)
CURRENT = "current"     # a lead-in's period when it speaks of cases held now (`Among the patients who remain in
                        # critical condition,`): neither new nor cumulative, so its counts get no period (null)


TEAM_NOUNS = word_set("nouns", "team") | word_set("nouns", "personnel")
TEAM_MODIFIER_REACH = 3   # words from a region to the team noun it modifies (`Guangxi medical aid team`)


def _scope_start(scope) -> int:
    return scope.start


@dataclass(frozen=True)
class Frame:
    """What a frame sentence sets for the counts under it."""
    period: str | None
    date: str | None
    region: str | None
    start: int
    end: int


@dataclass(frozen=True)
class LeadIn:
    """A status lead-in (`Of the newly confirmed cases,`) and the tokens it governs."""
    status: str | None
    period: str | None   # new, total, CURRENT (cases held now: no period) or None (the lead-in does not say)
    start: int
    end: int
    date: str | None = None   # the one day the lead-in names (`Of the patients discharged on Monday,`)




class ScopeReader(PlaceReader):
    """Frames, status lead-ins and list items of a document, found once per document on first use."""

    def __init__(self):
        super().__init__()
        t = triggers()
        self.status_words = {status: word_set("statuses", status) for status in t["statuses"]}
        self.status_priority = tuple(t["status_priority"])
        self.including = word_set("including_words")
        self.qualifier_words = frozenset(w for phrases in t["qualifiers"].values() for p in phrases
                                         for w in p.lower().split())
        # the openers by their first word, in their order (longest first): a sentence is tried against its own
        self.undated_by_first: dict[str, list] = {}
        for phrase in self.words["undated_openers"]:
            self.undated_by_first.setdefault(phrase[0], []).append(phrase)
        self.openers_by_first: dict[str, list] = {}
        for phrase, period in self.words["openers"]:
            self.openers_by_first.setdefault(phrase[0], []).append((phrase, period))
        # the first words of the lead-in openers (`as for`, `regarding`): a clause opening with none has none
        self.leadin_opener_firsts = phrase_firsts(self.words["status_leadin_phrase_openers"])

    # --- what the case rules ask -------------------------------------------------------------------------
    def frame_at(self, doc: Doc, i: int) -> Frame | None:
        return self.covering(self.scopes(doc)[0], i)

    def leadin_at(self, doc: Doc, i: int) -> LeadIn | None:
        return self.covering(self.scopes(doc)[1], i)

    @staticmethod
    def covering(scopes: list, i: int):
        """The scope holding token i: scopes are sorted by start and do not overlap."""
        k = bisect.bisect_right(scopes, i, key=_scope_start) - 1
        return scopes[k] if k >= 0 and scopes[k].start <= i < scopes[k].end else None

    def list_item_region(self, doc: Doc, number: Span, origins: bool = False) -> Span | None:
        """The region of a bare number in a list: `4 in Nanjing`, `174 are in Hefei`, `one was from Wenzhou`,
        `Hefei 12,`; with `origins`, staff listed by where they come from (`44 from Jiangsu`). None when the
        number is not shaped like a list item."""
        words, n = lower_words(doc), len(doc)
        regions = region_index(doc)
        j = number.end
        if j < n and words[j] in self.words["list_item_copulas"]:
            j += 1
            if j < n and words[j] in self.words["list_item_participles"]:
                j += 1   # `39 were reported in Haikou`
        # `from X` names where an item comes from: a place of its own under a lead-in (`Among the new cases, one
        # was from Wenzhou`), but after a head count an origin (`10 new cases in Guangdong, 6 from Wuhan`)
        preps = self.words["list_item_preps"] if origins or self.leadin_at(doc, number.start) else {"in"}
        if j < n and words[j] in preps:
            j += 1
            if j < n and words[j] == "the":
                j += 1
            # `one in the capital, Beijing`, `two in northwestern Gansu Province`: the place past its description
            return regions.by_start.get(j) or described_place(doc, j)
        lost = self.lost_preposition_place(doc, number)
        if lost is not None:
            return lost
        if self.leadin_at(doc, number.start) is not None:
            reporter = self.reporting_place(doc, number)
            if reporter is not None:
                return reporter
        adjacent = regions.by_end.get(number.start)
        before = adjacent or self.labelled_item_place(doc, number)
        if before is not None and (number.end >= n or token_texts(doc)[number.end] in LIST_BOUNDARY or
                                   "\n" in token_texts(doc)[number.end]):
            if adjacent is not None and number.start >= 1 and before.start >= 1 and \
                    token_texts(doc)[before.start - 1] == "(":
                return None   # `(Xiaogan 3)` is left to the parenthesis rules (`(Xiaogan: 3, ...` is an item)
            return before
        return None

    def lost_preposition_place(self, doc: Doc, number: Span) -> Span | None:
        """`24 in Suzhou, 48 Bengbu, 84 in Fuyang`: a member of a list of `N in X` members that lost its `in`, a
        place right after the number and then the list's next boundary, after a member `N in X`."""
        words, texts, regions = lower_words(doc), token_texts(doc), region_index(doc)
        place = regions.by_start.get(number.end)
        if place is None or number.start < 4 or texts[number.start - 1] not in (",", "、", ";") or \
                not (place.end >= len(doc) or texts[place.end] in LIST_BOUNDARY or words[place.end] == "and"):
            return None
        before = regions.by_end.get(number.start - 1)
        if before is None or before.start < 2 or words[before.start - 1] != "in":
            return None
        j = before.start - 2
        if j > 0 and words[j] in self.words["list_item_copulas"]:
            j -= 1   # `174 are in Hefei, 48 Bengbu`
        return place if doc_index(doc).like_num[j] else None

    @staticmethod
    def labelled_item_place(doc: Doc, number: Span) -> Span | None:
        """`Hefei: 12`, `Bengbu - 3`: a roll call's place set off from its number by a colon or a dash, itself
        opening the item (after a list boundary, a line's start or the roll call's own colon or dash)."""
        texts = token_texts(doc)
        if number.start < 3 or texts[number.start - 1] not in ROLL_CALL_CLOSERS:
            return None
        place = region_index(doc).by_end.get(number.start - 1)
        if place is None or place.start < 1:
            return None
        opener = texts[place.start - 1]
        return place if opener in LIST_BOUNDARY or opener in ROLL_CALL_CLOSERS or "\n" in opener else None

    def reporting_place(self, doc: Doc, number: Span) -> Span | None:
        """`Among the new cases, Nanchang reported 14, Bengbu saw 5 and ...`: a region that reports,
        sees or adds the bare number right after it, the number closing its list item."""
        words, texts, n = lower_words(doc), token_texts(doc), len(doc)
        day_after = any(d.start in (number.end, number.end + 1) for d in spans_in(spans_of(doc, "date"), number.end, n))
        if number.end < n and texts[number.end] not in LIST_BOUNDARY and "\n" not in texts[number.end] and \
                not day_after:
            return None   # (`Hefei reported 12 on Monday`: its own day may follow)
        j = number.start - 1
        if j < 1 or words[j] not in self.words["list_item_verbs"]:
            return None
        return region_index(doc).by_end.get(j)

    def opens_subcount(self, doc: Doc, number: Span) -> bool:
        """The number opens a sub-count: `including 44,412 cases`, `(of which 12 ...`, `(34 in Hubei`."""
        words = lower_words(doc)
        j = number.start - 1
        while j >= 0 and words[j] in self.qualifier_words:
            j -= 1
        return j >= 0 and (words[j] in self.including or words[j] == "(")

    def in_subcount(self, doc: Doc, number: Span, region: Span) -> bool:
        """A region after the number that belongs to a sub-count: `2,292 cured, including 1,675 in Wuhan`,
        `35 deaths (34 in Hubei ...)`, inside a bracket still open: it must not become the head count's region (a
        bracket closed before it is an aside: `2 patients of the disease (COVID-19) were discharged in
        Shennongjia`); nor a place with its own number in brackets (`20 new cases were reported in Beijing (5),
        Shanghai (3) ...`: a member of a roll call)."""
        words = lower_words(doc)
        if region.end + 2 < len(doc) and words[region.end] == "(" and words[region.end + 2] == ")" and \
                doc_index(doc).like_num[region.end + 1]:
            return True
        depth = 0
        for j in range(number.end, region.start):
            depth += (words[j] == "(") - (words[j] == ")")   # (`2 patients of the disease (COVID-19) were ...`)
            if words[j] in self.including:
                # `65 cases including two deaths had been reported in Hong Kong`: past the sub-count's verb the
                # place is the clause's again
                return self.words["clause_verbs"].isdisjoint(words[j + 1: region.start])
        return depth > 0 or bool(spans_in(spans_of(doc, "number"), number.end, region.start))

    # --- finding them ------------------------------------------------------------------------------------
    def scopes(self, doc: Doc) -> tuple[list[Frame], list[LeadIn]]:
        index = doc_index(doc)
        if index.scopes is None:
            index.scopes = (self.find_frames(doc), self.find_leadins(doc))
        return index.scopes

    def find_frames(self, doc: Doc) -> list[Frame]:
        index = sentence_index(doc)
        paragraphs = self.paragraphs(doc)
        frames: list[Frame] = []
        open_frame: tuple | None = None    # (period, date, region, start) carried past its paragraph
        last: tuple | None = None          # the frame the paragraph before ended in
        for p_start, p_end in paragraphs:
            if open_frame is not None and not self.continues_list(doc, p_start, p_end):
                open_frame = None
            if open_frame is None and last is not None and self.leadin_span(doc, p_start, p_end) is not None:
                open_frame = last   # `As of Feb 12, 157 cases ...` then `Among the confirmed cases, 29 in Haikou`
            last = None
            current, current_start = open_frame, p_start
            first = bisect.bisect_left(index.starts, p_start)
            for s in index.starts[first: bisect.bisect_left(index.starts, p_end)]:
                s_end = index.bounds(s)[1]
                found = self.frame_of_sentence(doc, s, min(s_end, p_end))
                if found is None:
                    continue
                if current is not None and s > current_start:
                    frames.append(Frame(*current[:3], current_start, s))
                current, current_start = found, s
            if current is not None:
                frames.append(Frame(*current[:3], current_start, p_end))
                ends_list = self.ends_with_colon(doc, p_start, p_end)
                open_frame = current if ends_list or (open_frame is current) else None
                # a paragraph that counts nothing (`On February 18, she was admitted to ...`) is no report whose
                # frame a lead-in after it goes on with
                last = current if self.counts_something(doc, p_start, p_end) else None
        return frames

    @staticmethod
    def counts_something(doc: Doc, start: int, end: int) -> bool:
        """A number in the paragraph that is no part of a date, nor a year (`born in July, 1954`)."""
        dates = spans_in(spans_of(doc, "date"), start, end)
        return any(not any(d.start <= n.start < d.end for d in dates) and not YEAR.fullmatch(n.text)
                   for n in spans_in(spans_of(doc, "number"), start, end))

    def continues_list(self, doc: Doc, start: int, end: int) -> bool:
        """A paragraph that goes on with what a frame introduced: a list item (`a)`, `-`) or a lead-in."""
        words = lower_words(doc)
        first = words[start]
        if first in self.words["list_markers"] and start + 1 < end and words[start + 1] in (")", ".", "、"):
            return True
        if first in ("-", "•", "*", "·") or (doc[start].like_num and start + 1 < end and
                                             words[start + 1] in (")", ".")):
            return True
        return self.leadin_span(doc, start, end) is not None

    def ends_with_colon(self, doc: Doc, start: int, end: int) -> bool:
        texts = token_texts(doc)
        k = end - 1
        while k > start and texts[k].isspace():
            k -= 1
        return texts[k] in (":", "：")

    def frame_of_sentence(self, doc: Doc, s: int, e: int) -> tuple | None:
        """(period, date, region) when the sentence opens with a reporting window, else None."""
        words = lower_words(doc)
        k = s
        while k < e and (words[k] in self.words["list_markers"] or words[k] in (")", ",", '"', "“", "'", "‘")):
            k += 1
        if tuple(words[k:k + 2]) == ("according", "to"):   # `According to the health commission, between ...`
            comma = next((j for j in range(k, min(e, k + 15)) if words[j] == ","), None)
            if comma is not None:
                k = comma + 1
        first = words[k] if k < len(words) else None
        for phrase in self.undated_by_first.get(first, ()):
            if tuple(words[k:k + len(phrase)]) == phrase:
                return "total", None, self.frame_region(doc, s, e), s   # `Since the outbreak, ...`
        matched = None
        for phrase, period in self.openers_by_first.get(first, ()):
            if tuple(words[k:k + len(phrase)]) == phrase:
                matched = (phrase, period)
                break
        if matched is None:
            return self.report_heading(doc, k, e)
        phrase, period = matched
        window_end = min(e, k + OPENER_WINDOW)
        after_opener = k + len(phrase)
        dates = [d for d in spans_in(spans_of(doc, "date"), after_opener, window_end + OPENER_WINDOW)
                 if d.start <= after_opener + OPENER_DATE_GAP and get(d, "value")]
        clock = any(w in self.words["clock_words"] or (":" in w and w[:1].isdigit()) for w in words[k:window_end])
        if not dates and not clock:
            return None
        sentence = words[s:e]
        has_new = not self.words["new_words"].isdisjoint(sentence)
        has_total = not self.words["total_words"].isdisjoint(sentence)
        if period == "new":
            if " ".join(phrase) in self.words["frame_opener_needs_new_word"] or phrase[0] in ("from", "between"):
                needs_new = not (clock and phrase[0] in ("from", "between"))
                if needs_new:
                    period = "new" if has_new and not has_total else ("total" if has_total and not has_new else None)
        date = get(dates[0], "value") if dates else None
        return period, date, self.frame_region(doc, s, e), s

    def report_heading(self, doc: Doc, k: int, e: int) -> tuple | None:
        """(None, date, region) for a report's heading closed by a colon (`Report from Henan province for March
        3:`, `Update from Hunan on Feb 4: 20 new cases`): it names one place, says it reports (data/scopes.json
        `frame_heading_words`) and counts nothing itself; what follows it, on its line and in the list under it,
        is that place's."""
        texts = token_texts(doc)
        colon = next((j for j in range(k, min(e, k + HEADING_WINDOW)) if texts[j] in (":", "：")), None)
        if colon is None or self.words["frame_heading_words"].isdisjoint(lower_words(doc)[k:colon]):
            return None
        dates = spans_in(spans_of(doc, "date"), k, colon)
        if any(not any(d.start <= n.start < d.end for d in dates) for n in spans_in(spans_of(doc, "number"), k, colon)):
            return None   # `Report: 5 new cases in Hefei`: a count, no heading
        named = {get(r, "value") for r in spans_in(region_index(doc).regions, k, colon) if not self.excluded(doc, r)}
        if len(named) != 1:
            return None
        return None, (get(dates[0], "value") if dates else None), named.pop(), k

    def frame_region(self, doc: Doc, s: int, e: int) -> str | None:
        """Who reports: the first region before the sentence's first count that is its subject or follows
        `in`, `of` or `by` (`the Health Commission of Anhui Province`), not one inside a sub-count."""
        numbers = spans_in(spans_of(doc, "number"), s, e)
        dates = spans_in(spans_of(doc, "date"), s, e)
        limit = e
        for n in numbers:
            if not any(d.start <= n.start < d.end for d in dates) and ":" not in token_texts(doc)[n.start]:
                limit = n.start
                break
        words = lower_words(doc)
        for span in spans_in(region_index(doc).regions, s, limit):
            if any(words[j] == "(" or words[j] in self.including for j in range(s, span.start)):
                return None
            if not TEAM_NOUNS.isdisjoint(words[span.end: span.end + TEAM_MODIFIER_REACH]):
                continue   # `the Guangxi medical team supporting Shiyan`: a team's home reports nothing
            prep = governing_preposition(doc, span, frozenset({"in", "of", "by", "from", "to", "for", "at"}))
            if prep is None or words[prep] in ("in", "of", "by"):
                return get(span, "value")
        return None

    def find_leadins(self, doc: Doc) -> list[LeadIn]:
        index = sentence_index(doc)
        hits_in = doc_index(doc).hits_in
        found = []
        previous_end = -1
        for s, e in zip(index.starts, index.ends):
            clause_starts = [s] + [j + 1 for j in hits_in(CLAUSE_MARKS, s, e)]
            leads = []
            for c in clause_starts:
                span = self.leadin_span(doc, c, e)
                if span is not None:
                    leads.append((*span, self.leadin_day(doc, c, span[2])))
            if not leads and found and found[-1].end == previous_end and self.continues_leadin(doc, s, e):
                last = found[-1]
                found[-1] = LeadIn(last.status, last.period, last.start, e, last.date)
            for k, (status, period, start, day) in enumerate(leads):
                end = leads[k + 1][2] if k + 1 < len(leads) else e
                found.append(LeadIn(status, period, start, end, day))
            previous_end = e
        return found

    @staticmethod
    def leadin_day(doc: Doc, c: int, start: int) -> str | None:
        """The one day a lead-in names (`As for the newly cured patients on Sunday,`), else None."""
        days = {get(d, "value") for d in attachable_dates(doc, c, start)}
        day = days.pop() if len(days) == 1 else None
        return day if day is not None and len(day) == 10 else None

    def continues_leadin(self, doc: Doc, s: int, e: int) -> bool:
        """`Among the new cases, Nanchang reported 14. Others include 13 in Shangrao city, ...`: a sentence
        opening with `Others include` goes on with the members of the lead-in that governed the sentence
        before to its end."""
        words, texts = lower_words(doc), token_texts(doc)
        while s < e and texts[s].isspace():
            s += 1
        return any(tuple(words[s: s + len(phrase)]) == phrase for phrase in self.words["leadin_continuations"])

    def relative_of_status(self, body: list[str]) -> bool:
        """`Of those who were discharged from the hospital after recovery,`: people a relative clause gives a
        status (not `those who were tested`)."""
        k = 1 if body[:1] == ["the"] else 0
        return len(body) > k + 1 and body[k] in self.words["leadin_relative_heads"] and \
            body[k + 1] in self.words["leadin_relatives"] and status_table().first(body) is not None

    def roll_call_leadin(self, doc: Doc, c: int, colon: int) -> tuple | None:
        """`Confirmed cases by province as of Feb 20: Guangdong 1,350; Henan 1,270`: a clause of case words and
        no number of its own, closed by a colon, heads a roll call of places and their numbers."""
        body = lower_words(doc)[c:colon]
        status = status_table().first(body)
        # a status alone names people too (`Discharged on Monday: Hefei 20`)
        if self.case_nouns.isdisjoint(body) and status is None or spans_in(spans_of(doc, "number"), c, colon):
            return None
        period = self.leadin_period(body)
        return status, period, colon + 1

    def leadin_period(self, body: list[str]) -> str | None:
        """A lead-in's period: new (`Of the newly confirmed cases,`), cases held now (`Among the existing
        confirmed cases,`, `Among the patients who remain in hospital,`), cumulative (`Of the cumulative
        cases,`), else None."""
        if not self.words["new_words"].isdisjoint(body):
            return "new"
        if not self.words["current_words"].isdisjoint(body):
            return CURRENT
        return "total" if not self.words["total_words"].isdisjoint(body) else None

    def leadin_span(self, doc: Doc, c: int, e: int) -> tuple | None:
        """(status, period, first token after the lead-in) for `Of the newly confirmed cases, ...` or
        `severe cases among them, ...` starting at token c, else None."""
        words, texts = lower_words(doc), token_texts(doc)
        while c < e and (texts[c].isspace() or words[c] in ("and", ")")):
            c += 1
        if c >= e:
            return None
        limit = min(e, c + LEADIN_WINDOW)
        comma = doc_index(doc).first_hit(LEADIN_ENDS, c + 1, limit)
        while comma is not None and texts[comma] == "-" and not doc[comma - 1].whitespace_ and \
                not doc[comma].whitespace_:
            comma = doc_index(doc).first_hit(LEADIN_ENDS, comma + 1, limit)   # `newly-confirmed`: one word's hyphen
        if comma is None:
            return None
        if texts[comma] in ROLL_CALL_CLOSERS:   # `New cases on Monday: Hefei 12`, `... on Monday - Hefei: 12`
            return self.roll_call_leadin(doc, c, comma)
        body = words[c:comma]
        firsts = self.leadin_opener_firsts
        opener = next((p for p in self.words["status_leadin_phrase_openers"] if tuple(body[:len(p)]) == p), None) \
            if firsts is None or (body and body[0] in firsts) else None
        if opener is not None:
            body = body[len(opener):]   # `As for the newly cured patients,`
        elif words[c] in self.words["status_leadin_openers"]:
            body = body[1:]
        elif len(body) >= 3 and body[-2] in ("among", "of") and body[-1] in self.words["status_leadin_pronouns"]:
            body = body[:-2]
        else:
            return None
        if self.case_nouns.isdisjoint(body) and not self.relative_of_status(body):
            return None
        status = status_table().first(body)
        if status is None and self.case_nouns.intersection(body) <= PEOPLE:
            return None   # `Of the people who were quarantined,`: people, not patients, when no status is said
        if any(doc[j].like_num for j in range(c, comma)):   # (asked last: it makes a Token per word)
            return None   # `Of the 5,287 close contacts,` counts something itself
        period = self.leadin_period(body)
        return status, period, comma + 1
