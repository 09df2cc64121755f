"""Scopes: what a count inherits from the text around it.

Bulletins state counts under lead-ins. A *frame* sentence (`As of 24:00 on Feb 29, Hubei had reported ...`,
`Between 00:00 and 24:00 on March 1, the following were newly reported in Anhui Province:`) says who reports,
whether the counts are new or cumulative and as of when; its frame holds to the end of its paragraph, and past
it over the lists it introduces (a sentence ending in `:`, items `a)`, `b)`, status lead-ins). A *status
lead-in* (`Of the newly confirmed cases, ...`, `Among the discharged patients, ...`) gives the counts after it,
to the end of the sentence, a status and maybe a period. A *list item* (`4 in Nanjing`, `174 are in Hefei`,
`Hefei 12`) is a bare number that takes its region from its own words and the rest from its lead-in or the
count that heads its list. The case rules ask here for a count's defaults; what a count's own words say wins.
"""
from __future__ import annotations

import bisect
import json
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Span

from extract.nlp.extensions import get
from extract.nlp.gazetteer import data_path, default_gazetteer
from extract.nlp.rules.relations import (DocMap, governing_preposition, lower_words, region_index, register_cache,
                                         sentence_index, spans_in, spans_of, token_texts)
from extract.nlp.triggers import triggers, word_set

_SCOPES = register_cache(DocMap())
_PLACES = register_cache(DocMap())
HEADLINE_MAX_TOKENS = 40   # a first paragraph longer than this is body text, not a headline
LEAD_MIN_TOKENS = 10       # a shorter sentence after the headline is a dateline or a byline
OPENER_WINDOW = 14      # tokens from a sentence's start within which a frame's date or clock time must stand
OPENER_DATE_GAP = 4     # tokens between the opener and its date (`As of 24:00 on Feb 29`)
LEADIN_WINDOW = 12      # longest status lead-in, in tokens
CALENDAR_WORDS = frozenset({"january", "february", "march", "april", "may", "june", "july", "august",
                            "september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun",
                            "jul", "aug", "sep", "sept", "oct", "nov", "dec", "monday", "tuesday", "wednesday",
                            "thursday", "friday", "saturday", "sunday"})
LIST_BOUNDARY = frozenset({",", ";", ".", "and", ")", "(", ":", "，", "；", "、"})


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
    period: str | None
    start: int
    end: int


@lru_cache(maxsize=1)
def scope_words() -> dict:
    """The lead-in knowledge of data/scopes.json, checked once."""
    with open(data_path("scopes.json"), encoding="utf-8") as handle:
        data = json.load(handle)
    required = ("frame_openers", "frame_opener_needs_new_word", "clock_words", "new_words", "total_words",
                "national_words", "status_leadin_openers", "status_leadin_pronouns", "list_item_copulas",
                "list_item_preps", "list_item_participles", "list_markers", "undated_openers", "place_units",
                "nationality_nouns", "clause_verbs")
    missing = [key for key in required if key not in data]
    if missing:
        raise ValueError(f"scopes.json: missing keys {', '.join(missing)}")
    openers = []
    for period, phrases in data["frame_openers"].items():
        if period not in ("new", "total"):
            raise ValueError(f"scopes.json: frame_openers has an unknown period {period!r}")
        openers += [(tuple(p.lower().split()), period) for p in phrases]
    openers.sort(key=lambda item: -len(item[0]))   # the longest opener first (`as of the end of` before `as of`)
    data = {key: frozenset(w.lower() for w in value) for key, value in data.items() if isinstance(value, list)}
    data["openers"] = tuple(openers)
    data["undated_openers"] = tuple(tuple(p.lower().split()) for p in data["undated_openers"])
    return data


class ScopeReader:
    """Frames, status lead-ins and list items of a document, found once per document on first use."""

    def __init__(self):
        self.words = scope_words()
        t = triggers()
        self.status_words = {status: word_set("statuses", status) for status in t["statuses"]}
        self.status_priority = tuple(t["status_priority"])
        self.case_nouns = frozenset(w.lower() for w in t["nouns"]["case"]) | {"people", "persons"}
        self.including = word_set("including_words")
        self.qualifier_words = frozenset(w for phrases in t["qualifiers"].values() for p in phrases
                                         for w in p.lower().split())

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

    def is_national(self, doc: Doc, i: int) -> bool:
        """The sentence speaks of the whole country (`nationwide`, `the Chinese mainland`)."""
        start, end = sentence_index(doc).bounds(i)
        return self.speaks_nationally(doc, start, end)

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
            return regions.by_start.get(j)
        before = regions.by_end.get(number.start)
        if before is not None and (number.end >= n or token_texts(doc)[number.end] in LIST_BOUNDARY or
                                   "\n" in token_texts(doc)[number.end]):
            if number.start >= 1 and before.start >= 1 and token_texts(doc)[before.start - 1] == "(":
                return None   # `(Xiaogan 3)` is left to the parenthesis rules
            return before
        return None

    def unknown_place_after(self, doc: Doc, number: Span) -> bool:
        """`5 in Shilifeng Prison`, `53 in Xicheng District`: the count names a place of its own that the
        gazetteer does not know, so no other region may be given to it."""
        words, texts = lower_words(doc), token_texts(doc)
        j = number.end
        if j < len(doc) and words[j] in self.case_nouns:
            j += 1
        if j < len(doc) and words[j] in self.words["list_item_copulas"]:
            j += 1
        if j + 1 >= len(doc) or words[j] not in self.words["list_item_preps"]:
            return False
        j += 1
        if words[j] == "the":
            j += 1
        if j >= len(doc) or j in region_index(doc).tokens:
            return False
        if spans_in(spans_of(doc, "date"), j, j + 4) or words[j] in CALENDAR_WORDS:
            return False   # `5 cases in February`: a time, not a place
        return texts[j][:1].isupper() and words[j] not in self.words["national_words"]

    @staticmethod
    def is_dateline_place(doc: Doc, region: Span) -> bool:
        """`BEIJING, Feb. 20 -`: the place a story was filed from, at a line's start in capitals before its
        dateline date; it owns none of the counts after it."""
        texts = token_texts(doc)
        line_start = region.start == 0 or "\n" in texts[region.start - 1]
        if not line_start or not all(texts[j].isupper() for j in range(region.start, region.end)):
            return False
        if region.end >= len(doc) or texts[region.end] != ",":
            return False
        return any(get(d, "dateline") for d in spans_in(spans_of(doc, "date"), region.end, region.end + 5))

    def unknown_list_place(self, doc: Doc, number: Span) -> bool:
        """`3 in Dongfang,`, `53 in Xicheng District,`, `7 were reported in Lingao.`: a number shaped like a list
        item whose place, one to three capitalised words and maybe a unit (`District`), the gazetteer does not
        know."""
        words, texts, n = lower_words(doc), token_texts(doc), len(doc)
        j = number.end
        if j < n and words[j] in self.words["list_item_copulas"]:
            j += 1
            if j < n and words[j] in self.words["list_item_participles"]:
                j += 1
        if j >= n or words[j] != "in" or not self.unknown_place_after(doc, number):
            return False
        j += 2 if j + 1 < n and words[j + 1] == "the" else 1
        end = j
        while end < n and end - j < 3 and texts[end][:1].isupper() and end not in region_index(doc).tokens:
            end += 1
        while end < n and words[end] in self.words["place_units"]:
            end += 1
        return end > j and (end >= n or texts[end] in LIST_BOUNDARY or "\n" in texts[end])

    def opens_subcount(self, doc: Doc, number: Span) -> bool:
        """The number opens a sub-count: `including 44,412 cases`, `(of which 12 ...`, `(34 in Hubei`."""
        words = lower_words(doc)
        j = number.start - 1
        while j >= 0 and words[j] in self.qualifier_words:
            j -= 1
        return j >= 0 and (words[j] in self.including or words[j] == "(")

    def in_subcount(self, doc: Doc, number: Span, region: Span) -> bool:
        """A region after the number that belongs to a sub-count: `2,292 cured, including 1,675 in Wuhan`,
        `35 deaths (34 in Hubei ...)`: it must not become the head count's region."""
        words = lower_words(doc)
        for j in range(number.end, region.start):
            if words[j] == "(":
                return True
            if words[j] in self.including:
                # `65 cases including two deaths had been reported in Hong Kong`: past the sub-count's verb the
                # place is the clause's again
                return self.words["clause_verbs"].isdisjoint(words[j + 1: region.start])
        return bool(spans_in(spans_of(doc, "number"), number.end, region.start))

    def article_place(self, doc: Doc) -> str | None:
        """The place an article is about: the one region its headline names (`China's Hubei reports no new
        cases`, `Anhui Epidemic Report on March 2`), when its first body sentence names that region too, or
        names no other. None when the headline names no region or several, or speaks of the whole country."""
        found = _PLACES.get(doc)
        if found is None:
            found = _PLACES[doc] = (self.find_article_place(doc),)
        return found[0]

    def find_article_place(self, doc: Doc) -> str | None:
        paragraphs = self.paragraphs(doc)
        if len(paragraphs) < 2:
            return None
        (h_start, h_end), body = paragraphs[0], paragraphs[1:]
        if h_end - h_start > HEADLINE_MAX_TOKENS or token_texts(doc)[h_end - 1] in (".", "。") or \
                self.speaks_nationally(doc, h_start, h_end):
            return None   # body text, not a headline; or a headline about the whole country
        named = {get(s, "value") for s in spans_in(region_index(doc).regions, h_start, h_end)}
        if len(named) != 1:
            return None
        place = named.pop()
        index = sentence_index(doc)
        for s_start in index.starts[bisect.bisect_left(index.starts, body[0][0]):]:
            s_end = index.bounds(s_start)[1]
            if s_end - s_start < LEAD_MIN_TOKENS:
                continue   # a dateline or a byline (`China News Service, March 6.`), not the first sentence
            lead = {get(s, "value") for s in spans_in(region_index(doc).regions, s_start, s_end)}
            if self.speaks_nationally(doc, s_start, s_end) or not lead <= {place} | self.within(place, lead):
                return None
            return place
        return None

    def speaks_nationally(self, doc: Doc, start: int, end: int) -> bool:
        """Words of the whole country, but not `China` that only places a province (`central China's Hubei`)
        nor `Chinese` that only says who people are (`Chinese citizens returning from Russia`)."""
        words, regions = lower_words(doc), region_index(doc)
        reporter = False
        for j in range(start, end):
            if words[j] not in self.words["national_words"]:
                continue
            if words[j] in ("china", "chinese") and any(k in regions.by_start for k in range(j + 1, j + 5)):
                continue
            if words[j] == "chinese" and j + 1 < end and words[j + 1] in self.words["nationality_nouns"]:
                continue
            if "health" in words[j + 1: j + 3]:
                reporter = True   # `the National Health Commission`: who reports, maybe a province's figures
                continue
            return True
        # the national authority speaks of the whole country unless the sentence names a place
        return reporter and not spans_in(regions.regions, start, end)

    def within(self, place: str, names: set[str]) -> set[str]:
        """The names that lie inside a place or contain it (a city and its province)."""
        gazetteer = default_gazetteer()

        def province(name: str) -> str | None:
            region = gazetteer[name]
            return region.canonical if region.is_provincial else region.parent
        home = province(place)
        # a homonym counts as the one in the place's province (`Taizhou` is read as Zhejiang's; Jiangsu has
        # `Taizhou (Jiangsu)`)
        return {n for n in names if province(n) == home or f"{n} ({home})" in gazetteer.by_name}

    # --- finding them ------------------------------------------------------------------------------------
    def scopes(self, doc: Doc) -> tuple[list[Frame], list[LeadIn]]:
        found = _SCOPES.get(doc)
        if found is None:
            found = _SCOPES[doc] = (self.find_frames(doc), self.find_leadins(doc))
        return found

    def paragraphs(self, doc: Doc) -> list[tuple[int, int]]:
        """Token ranges between line breaks."""
        texts = token_texts(doc)
        bounds, start = [], 0
        for i, text in enumerate(texts):
            if "\n" in text and text.isspace():
                if i > start:
                    bounds.append((start, i))
                start = i + 1
        if start < len(texts):
            bounds.append((start, len(texts)))
        return bounds

    def find_frames(self, doc: Doc) -> list[Frame]:
        index = sentence_index(doc)
        paragraphs = self.paragraphs(doc)
        frames: list[Frame] = []
        open_frame: tuple | None = None    # (period, date, region, start) carried past its paragraph
        for p_start, p_end in paragraphs:
            if open_frame is not None and not self.continues_list(doc, p_start, p_end):
                open_frame = None
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
        return frames

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
        for phrase in self.words["undated_openers"]:
            if tuple(words[k:k + len(phrase)]) == phrase:
                return "total", None, self.frame_region(doc, s, e), s   # `Since the outbreak, ...`
        matched = None
        for phrase, period in self.words["openers"]:
            if tuple(words[k:k + len(phrase)]) == phrase:
                matched = (phrase, period)
                break
        if matched is None:
            return None
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
            prep = governing_preposition(doc, span, frozenset({"in", "of", "by", "from", "to", "for", "at"}))
            if prep is None or words[prep] in ("in", "of", "by"):
                return get(span, "value")
        return None

    def find_leadins(self, doc: Doc) -> list[LeadIn]:
        index = sentence_index(doc)
        texts = token_texts(doc)
        found = []
        for s, e in zip(index.starts, index.ends):
            clause_starts = [s] + [j + 1 for j in range(s, e) if texts[j] in (";", ":", "；", "：")]
            leads = []
            for c in clause_starts:
                span = self.leadin_span(doc, c, e)
                if span is not None:
                    leads.append(span)
            for k, (status, period, start) in enumerate(leads):
                end = leads[k + 1][2] if k + 1 < len(leads) else e
                found.append(LeadIn(status, period, start, end))
        return found

    def leadin_span(self, doc: Doc, c: int, e: int) -> tuple | None:
        """(status, period, first token after the lead-in) for `Of the newly confirmed cases, ...` or
        `severe cases among them, ...` starting at token c, else None."""
        words, texts = lower_words(doc), token_texts(doc)
        while c < e and (texts[c].isspace() or words[c] in ("and", ")")):
            c += 1
        if c >= e:
            return None
        limit = min(e, c + LEADIN_WINDOW)
        comma = next((j for j in range(c + 1, limit) if texts[j] in (",", "，")), None)
        if comma is None:
            return None
        body = words[c:comma]
        if any(doc[j].like_num for j in range(c, comma)):
            return None   # `Of the 5,287 close contacts,` counts something itself
        if words[c] in self.words["status_leadin_openers"]:
            body = body[1:]
        elif len(body) >= 3 and body[-2] in ("among", "of") and body[-1] in self.words["status_leadin_pronouns"]:
            body = body[:-2]
        else:
            return None
        if self.case_nouns.isdisjoint(body):
            return None
        status = next((st for st in self.status_priority if not self.status_words[st].isdisjoint(body)), None)
        period = "new" if not self.words["new_words"].isdisjoint(body) else (
            "total" if not self.words["total_words"].isdisjoint(body) else None)
        return status, period, comma + 1
