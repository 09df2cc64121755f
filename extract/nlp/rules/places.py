"""Places: where a count is, when its own words do not say.

The article's place (the one region its headline names), a place the gazetteer does not know (`3 in Dongfang`,
`53 in Xicheng District`), a dateline's place (`BEIJING, Feb. 20 -`, which owns no count), and sentences that
speak of the whole country. The scope reader (scopes.py) builds on these; knowledge is in data/scopes.json.
"""
from __future__ import annotations

import bisect
import json
from functools import lru_cache

from spacy.tokens import Doc, Span

from extract.nlp.docindex import doc_index
from extract.nlp.extensions import get, put
from extract.nlp.gazetteer import data_path, default_gazetteer
from extract.nlp.rules.place_names import name_within_a_region
from extract.nlp.rules.relations import lower_words, region_index, sentence_index, spans_in, spans_of, token_texts
from extract.nlp.triggers import triggers

HEADLINE_MAX_TOKENS = 40   # a first paragraph longer than this is body text, not a headline
TITLE_MAX_TOKENS = 20      # a first line ending in a full stop longer than this is a lead sentence, not a title
SENTENCE_OPENERS = frozenset({"the", "a", "an"})   # words a headline leaves out (with a past copula)
SENTENCE_VERBS = frozenset({"was", "were", "had"})
ALL_PROVINCES = 25         # `31 provinces` or more are the whole country
PROVINCE_NOUNS = frozenset({"provinces", "provincial-level", "provincial"})   # what follows `31` naming them all
NATIONAL_REACH = 120      # tokens back over a paragraph's sentences to one that speaks of the whole country
LEAD_MIN_TOKENS = 10       # a shorter sentence after the headline is a dateline or a byline
CALENDAR_WORDS = frozenset({"january", "february", "march", "april", "may", "june", "july", "august",
                            "september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun",
                            "jul", "aug", "sep", "sept", "oct", "nov", "dec", "monday", "tuesday", "wednesday",
                            "thursday", "friday", "saturday", "sunday"})
PREDICATIVE = frozenset({"all", "were", "are", "was", "is", "be", "being", "both", "mostly", "mainly"})
LIST_BOUNDARY = frozenset({",", ";", ".", "and", ")", "(", ":", "，", "；", "、"})
# words between a shared city name and the province that says which it is (`Fuzhou, Jiangxi`, `Fuzhou City in
# Jiangxi Province`, `Jiangxi's Fuzhou`, `Jiangxi province's Fuzhou City`)
NAMESAKE_LINKS = frozenset({",", "in", "of", "'s", "’s", "city", "province", "prefecture", "(", "the"})
NAMESAKE_REACH = 3   # link words at most between the two names
# Whether a shared name with no province beside it is read by the article's context (its sentence, the province
# last named, the only one named). Off: the devset's gold gives the default name to Jiangsu's Taizhou (127) and
# Anhui's Suzhou (141), each in its own province's bulletin, so the ratchet holds the default; a province named
# beside the name (`Fuzhou, Jiangxi`) is read whatever this says.
NAMESAKES_BY_CONTEXT = False


@lru_cache(maxsize=1)
def scope_words() -> dict:
    """The lead-in knowledge of data/scopes.json, checked once."""
    with open(data_path("scopes.json"), encoding="utf-8") as handle:
        data = json.load(handle)
    required = ("frame_openers", "frame_opener_needs_new_word", "frame_heading_words", "clock_words", "new_words", "total_words",
                "current_words", "national_words", "status_leadin_openers", "status_leadin_pronouns",
                "list_item_copulas", "list_item_preps", "list_item_participles", "list_markers", "undated_openers",
                "place_units", "nationality_nouns", "clause_verbs", "elsewhere_words", "headline_staff_words", "byline_openers",
                "origin_markers", "heading_skip_words", "heading_report_words", "outlet_words",
                "imported_case_modifiers", "list_item_verbs", "leadin_continuations", "status_leadin_phrase_openers",
                "leadin_relative_heads", "leadin_relatives", "excluding_words", "hospital_idiom_words", "sojourn_words",
                "disease_name_words", "disease_name_ends")
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
    for key in ("leadin_continuations", "status_leadin_phrase_openers"):
        data[key] = tuple(tuple(p.lower().split()) for p in data[key])
    return data


def settle_namesakes(doc: Doc, spans: list[Span]) -> None:
    """A city name shared by two cities (`Fuzhou`: Fujian's capital or a city of Jiangxi; `Taizhou`, `Suzhou`,
    `Yichun`, `Yulin`) is the one a province named beside it says (`Fuzhou, Jiangxi`, `Jiangxi's Fuzhou`); and,
    with NAMESAKES_BY_CONTEXT, the one the article's context puts it in: the one province of the two its sentence
    names; else the one of the two last named before it (a place of that province, the headline's, the
    dateline's, a bulletin's other cities); else the only one of the two the article names at all. With no
    context it stays the gazetteer's default. One pass over the mentions, in text order: the spans' value and
    code are set in place."""
    gazetteer, words = default_gazetteer(), lower_words(doc)
    if gazetteer.namesake_words.isdisjoint(words[span.start] for span in spans):
        return   # most articles: no shared name
    options = [gazetteer.shared_form(span.text) if words[span.start] in gazetteer.namesake_words else ()
               for span in spans]
    provinces = [None if options[k] else gazetteer[get(span, "value")].province for k, span in enumerate(spans)]
    named = set(provinces)
    index = sentence_index(doc)
    by_sentence: dict[int, set] = {}
    for span, province in zip(spans, provinces):
        by_sentence.setdefault(index.bounds(span.start)[0], set()).add(province)
    last_seen: dict[str, int] = {}
    for k, span in enumerate(spans):
        if provinces[k] is not None:
            last_seen[provinces[k]] = span.start
            continue
        homes = {region.province: region for region in options[k]}
        beside = namesake_beside(doc, spans, provinces, k, homes)
        in_sentence = by_sentence[index.bounds(span.start)[0]] & homes.keys()
        seen = [p for p in homes if p in last_seen]
        anywhere = named & homes.keys()
        if beside is not None:
            chosen = beside
        elif not NAMESAKES_BY_CONTEXT:
            continue
        elif len(in_sentence) == 1:
            chosen = in_sentence.pop()
        elif seen:
            chosen = max(seen, key=last_seen.get)
        elif len(anywhere) == 1:
            chosen = anywhere.pop()
        else:
            continue
        put(span, "value", homes[chosen].canonical)
        put(span, "code", homes[chosen].code)


def namesake_beside(doc: Doc, spans: list[Span], provinces: list, k: int, homes: dict) -> str | None:
    """The province named right beside mention k, when it is the home of one of its namesakes (`Fuzhou,
    Jiangxi`, `Fuzhou City in Jiangxi Province`, `Jiangxi's Fuzhou`)."""
    words, span = lower_words(doc), spans[k]
    for other in (k - 1, k + 1):
        if not 0 <= other < len(spans) or provinces[other] not in homes:
            continue
        near = spans[other]
        if get(near, "value") != provinces[other]:
            continue   # a city beside it names no province (`Nanchang and Fuzhou`)
        lo, hi = (near.end, span.start) if other < k else (span.end, near.start)
        if hi - lo <= NAMESAKE_REACH and all(w in NAMESAKE_LINKS for w in words[lo:hi]) and \
                (other > k or "'s" in words[lo:hi] or "’s" in words[lo:hi] or hi == lo):
            return provinces[other]
    return None


class PlaceReader:
    """Where a count is when its own words do not say; the article's place is found once per document."""

    def __init__(self):
        self.words = scope_words()
        self.case_nouns = frozenset(w.lower() for w in triggers()["nouns"]["case"]) | {"people", "persons"}

    def is_national(self, doc: Doc, i: int) -> bool:
        """The sentence speaks of the whole country (`nationwide`, `the Chinese mainland`), or an earlier
        sentence of its paragraph does and none since has named a place (`... in mainland China reached
        80,928, the state health committee said. 34 new cases were added on 18 March, it added.`)."""
        index = sentence_index(doc)
        start, end = index.bounds(i)
        if self.speaks_nationally(doc, start, end):
            return True
        texts, regions = token_texts(doc), region_index(doc)
        k = bisect.bisect_right(index.starts, start) - 2
        while k >= 0 and start - index.starts[k] < NATIONAL_REACH:
            s, e = index.starts[k], index.ends[k]
            if any("\n" in t for t in texts[e - 1: start]) or any("\n" in t for t in texts[s:e]):
                return False   # another paragraph
            if any(not self.excluded(doc, r) for r in spans_in(regions.regions, s, e)):
                return False   # a sentence that names a place speaks of it, whatever else it says
            if self.speaks_nationally(doc, s, e):
                return True
            start, k = s, k - 1
        return False

    def excluded(self, doc: Doc, region: Span) -> bool:
        """`new infections outside Hubei`, `all provinces except Hubei`: a place named only to be left out; `cases
        of the Wuhan coronavirus`: a place named as the disease's name, not as where its cases are."""
        words, j = lower_words(doc), region.start - 1
        if self.names_the_disease(words, region.end):
            return True
        if j >= 0 and words[j] == "the":
            j -= 1
        return j >= 0 and words[j] in self.words["excluding_words"]

    def disease_words_end(self, words: list[str], j: int) -> int:
        """The word after the disease's words that start at word j (j when none does)."""
        k = j
        while k < len(words) and k < j + 3 and words[k] in self.words["disease_name_words"]:
            k += 1
        return k

    def names_the_disease(self, words: list[str], j: int) -> bool:
        """The disease's name goes on at word j after a place and ends its phrase (`cases of the Wuhan coronavirus
        had been reported`, `Wuhan pneumonia.`); not when a noun follows, which the place modifies (`Dongguan
        coronavirus cases`, `the Hunan novel coronavirus prevention headquarters`: Dongguan's, Hunan's)."""
        k = self.disease_words_end(words, j)
        return k > j and (k >= len(words) or not words[k][:1].isalpha() or words[k] in self.words["disease_name_ends"])

    def new_in_disease_name(self, words: list[str], k: int) -> bool:
        """`new` at word k in the disease's name, no period: the name machine translations give it (`27100 new
        coronavirus pneumonia cases`), or after `of`/`the` where no case noun follows the name (`cases of new
        coronavirus pneumonia`, `the new coronavirus`; but `the number of new coronavirus cases`: new cases)."""
        end = self.disease_words_end(words, k + 1)
        if words[k] != "new" or end == k + 1:
            return False
        if "pneumonia" in words[k + 1: end]:
            return True
        return k > 0 and words[k - 1] in ("of", "the") and (end >= len(words) or words[end] not in self.case_nouns)

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
        if not texts[j][:1].isupper() or words[j] in self.words["national_words"]:
            return False
        return not name_within_a_region(doc, j)

    @staticmethod
    def is_dateline_place(doc: Doc, region: Span) -> bool:
        """`BEIJING, Feb. 20 -`: the place a story was filed from, at a line's start in capitals before its
        dateline date; it owns none of the counts after it."""
        texts, regions = token_texts(doc), region_index(doc)
        start, end = region.start, region.end
        while start > 1 and texts[start - 1] == "/" and start - 1 in regions.by_end:   # `BEIJING/WUHAN -`
            start = regions.by_end[start - 1].start
        while end + 1 < len(doc) and texts[end] == "/" and end + 1 in regions.by_start:
            end = regions.by_start[end + 1].end
        line_start = start == 0 or "\n" in texts[start - 1]
        if not line_start or end >= len(doc):
            return False
        if texts[end] in ("-", "--", "—", "–"):
            return True   # `Beijing - The Chinese health authority said ...`
        if not all(texts[j].isupper() for j in range(start, end) if texts[j] != "/") or texts[end] != ",":
            return False
        return any(get(d, "dateline") for d in spans_in(spans_of(doc, "date"), end, end + 5))

    def shared_by_places(self, doc: Doc, number: Span) -> bool:
        """`five in each of Yichun and Fuzhou city`, `2 were in each of ...`: a list member whose number holds
        for each of several places, a count of none of them alone."""
        words, j = lower_words(doc), number.end
        if j < len(doc) and words[j] in self.words["list_item_copulas"]:
            j += 1
        return words[j: j + 3] == ["in", "each", "of"]

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
        while end < n and end - j < 3 and texts[end][:1].isupper() and end not in region_index(doc).tokens and \
                words[end] not in self.words["place_units"]:
            end += 1
        named = end
        while end < n and words[end] in self.words["place_units"]:
            end += 1
        # a place closed by its unit may run into a sentence whose full stop a translation lost (`10 in Shunyi
        # District There were 29 cases ...`): the unit ends the place
        glued = end > named and end < n and texts[end][:1].isupper()
        return named > j and (end >= n or texts[end] in LIST_BOUNDARY or "\n" in texts[end] or glued)

    def article_place(self, doc: Doc, i: int) -> str | None:
        """The place the article is about at token i: the one region its headline names (`China's Hubei
        reports no new cases`, `Anhui Epidemic Report on March 2`), when its first body sentence names that
        region too or no other; or, past a section heading of the same kind (`No new cases in Shanxi: 133
        cases confirmed`), that heading's. None under a heading that names no region or several, speaks of the
        whole country or of abroad, or tells of a team."""
        sections = self.sections(doc)
        k = bisect.bisect_right(sections, i, key=lambda section: section[0]) - 1
        return sections[k][1] if k >= 0 else None

    def section_start(self, doc: Doc, i: int) -> int:
        """The first token of the story token i is in: the headline's, or a later section heading's."""
        sections = self.sections(doc)
        k = bisect.bisect_right(sections, i, key=lambda section: section[0]) - 1
        return sections[k][0] if k >= 0 else 0

    def sections(self, doc: Doc) -> list[tuple[int, str | None]]:
        index = doc_index(doc)
        sections = index.section_places
        if sections is None:
            sections = index.section_places = self.find_section_places(doc)
        return sections

    def find_section_places(self, doc: Doc) -> list[tuple[int, str | None]]:
        """(first token, place) of the headline and of every later heading that names a region."""
        paragraphs = self.paragraphs(doc)
        sections = []
        for k, (h_start, h_end) in enumerate(paragraphs[:-1]):
            if k > 0 and not self.is_section_heading(doc, h_start, h_end):
                continue
            sections.append((h_start, self.heading_place(doc, h_start, h_end, paragraphs[k + 1][0])))
        return sections

    def is_section_heading(self, doc: Doc, start: int, end: int) -> bool:
        """A later paragraph that heads a section: it looks like a headline, names a place and says what it
        reports (`No new cases in Shanxi: 133 in total`); not a list row (`- Wuhan: 1,500 new cases`, `Wuhan
        1,500`, `a) 990 cases;`), a caption (`... [Photo/Xinhua]`), a question or a `RELATED:` line."""
        words, texts = lower_words(doc), token_texts(doc)
        if not self.is_headline(doc, start, end) or \
                all(self.excluded(doc, s) for s in spans_in(region_index(doc).regions, start, end)):
            return False   # (no place, or only a place left out or the disease's: `Impact of the Wuhan Coronavirus`)
        if texts[end - 1] in (";", ":", ",", "?", "]", ")") or texts[start] in ("-", "•", "*", "·", "—", "–"):
            return False
        if start + 1 < end and words[start] in ("q", "a") and texts[start + 1] == ":":
            return False   # `Q: When will Beijing schools reopen?`, `A: ...`: an interview
        if not self.words["heading_skip_words"].isdisjoint(words[start:end]) or "[" in texts[start:end]:
            return False
        first = region_index(doc).by_start.get(start)
        if first is not None and first.end < end and (texts[first.end] == ":" or doc[first.end].like_num):
            return False   # `Wuhan: 1,500 new cases`, `Wuhan 1,500`: a row of a table
        return not self.words["heading_report_words"].isdisjoint(words[start:end])

    def heading_place(self, doc: Doc, h_start: int, h_end: int, body_start: int) -> str | None:
        if not self.is_headline(doc, h_start, h_end) or self.speaks_nationally(doc, h_start, h_end) or \
                self.speaks_of_elsewhere(doc, h_start, h_end):
            return None   # no headline; or one about the whole country or abroad
        words = lower_words(doc)
        if any(w in self.words["headline_staff_words"] and not (w.startswith("hospital") and j > h_start and
                                                                words[j - 1] in self.words["hospital_idiom_words"])
               for j, w in enumerate(words[h_start:h_end], start=h_start)):
            return None   # a story about a team or a hospital: the patients it counts are where it works (not
            # `patients discharged from hospital in Wenzhou`)
        named = {get(s, "value") for s in spans_in(region_index(doc).regions, h_start, h_end)
                 if not self.excluded(doc, s)}   # (not `Impact of the Wuhan Coronavirus`: the disease's name)
        if len(named) != 1:
            return None
        place = named.pop()
        index = sentence_index(doc)
        for s_start in index.starts[bisect.bisect_left(index.starts, body_start):]:
            s_end = index.bounds(s_start)[1]
            if s_end - s_start < LEAD_MIN_TOKENS:
                continue   # a dateline or a byline (`China News Service, March 6.`), not the first sentence
            lead = {get(s, "value") for s in spans_in(region_index(doc).regions, s_start, s_end)
                    if not self.names_no_place_of_the_story(doc, s) and not self.excluded(doc, s)}
            if self.speaks_nationally(doc, s_start, s_end) or not lead <= {place} | self.within(place, lead):
                return None
            return place
        return None

    def names_no_place_of_the_story(self, doc: Doc, region: Span) -> bool:
        """A region a lead sentence names that is not where its story is: a news outlet named after a city
        (`Beijing News Express`) or where imported cases came from (`imported from Hubei`)."""
        texts, words = token_texts(doc), lower_words(doc)
        if region.end < len(doc) and texts[region.end][:1].isupper() and words[region.end] in self.words["outlet_words"]:
            return True
        return not self.words["origin_markers"].isdisjoint(words[max(0, region.start - 3): region.start])

    def is_headline(self, doc: Doc, start: int, end: int) -> bool:
        """A first paragraph that is a headline: short, not a sentence ending in a full stop, not a dateline
        (`BEIJING, March 1 (Xinhua)`) or a byline (`Source: Chongqing Daily | Updated: ...`); a header stamp
        before it (` date 2020-03-13 2 New Cases in Shanghai`) is no dateline of its own."""
        if end - start > HEADLINE_MAX_TOKENS or \
                (token_texts(doc)[end - 1] in (".", "。") and not self.title_line(doc, start, end)):
            return False
        if lower_words(doc)[start] in self.words["byline_openers"]:
            return False
        return not any(get(d, "dateline") and not self.header_stamp(doc, d, start)
                       for d in spans_in(spans_of(doc, "date"), start, end))

    def title_line(self, doc: Doc, start: int, end: int) -> bool:
        """The text's first line, a title even with a full stop (`Shanxi reports 2 new imported cases.`): one
        short sentence in a headline's words (no article to open it, no past copula: `The fall in new infections
        in Henan was steep.` is a sentence), with more paragraphs after it."""
        words, texts = lower_words(doc), token_texts(doc)
        first = 0
        while first < start and texts[first].isspace():
            first += 1
        if start != first or end - start > TITLE_MAX_TOKENS or words[start] in SENTENCE_OPENERS or \
                not SENTENCE_VERBS.isdisjoint(words[start:end]) or sentence_index(doc).bounds(start)[1] < end - 1:
            return False   # (not the text's first line: the paragraphs are listed only for that one)
        paragraphs = self.paragraphs(doc)
        return len(paragraphs) > 1 and paragraphs[0] == (start, end)

    @staticmethod
    def header_stamp(doc: Doc, date: Span, start: int) -> bool:
        """`date 2020-03-13` opening the text's first line: the file's stamp, not a dateline."""
        words = lower_words(doc)
        return start == 0 and date.id_ == "date_iso" and all(words[j] == "date" or doc[j].is_space or
                                                             words[j] == ":" for j in range(start, date.start))

    def speaks_of_elsewhere(self, doc: Doc, start: int, end: int) -> bool:
        """Words of places beyond the one a story is about: the world, other provinces, foreign countries; not
        where imported cases came from (`17 cases imported from overseas`, `citizens returning from Russia`) nor
        where the patients had been (`students who were studying abroad`)."""
        words = lower_words(doc)
        if self.words["elsewhere_words"].isdisjoint(words[start:end]):
            return False   # most sentences: decided in C
        for j in range(start, end):
            if words[j] in self.words["elsewhere_words"] and \
                    self.words["origin_markers"].isdisjoint(words[max(start, j - 3): j]) and \
                    self.words["sojourn_words"].isdisjoint(words[max(start, j - 2): j]) and \
                    not self.imported_cases(words, j, end):
                return True
        return False

    def imported_cases(self, words: list[str], j: int, end: int) -> bool:
        """`38 overseas-confirmed cases`, `foreign imported cases`: abroad is where the cases came from."""
        if words[j] not in self.words["imported_case_modifiers"]:
            return False
        return any(w in ("case", "cases", "infection", "infections") for w in words[j + 1: min(end, j + 5)])

    def is_elsewhere(self, doc: Doc, i: int) -> bool:
        """The sentence of token i speaks of the world, abroad or other provinces."""
        start, end = sentence_index(doc).bounds(i)
        return self.speaks_of_elsewhere(doc, start, end)

    def outlet_name(self, doc: Doc, j: int, end: int) -> bool:
        """`China News Service`, `China Daily`, `China Central Television`: the word at j opens an outlet's name
        (a capitalised word of data/scopes.json outlet_words within three words)."""
        texts, words = token_texts(doc), lower_words(doc)
        return texts[j][:1].isupper() and any(texts[k][:1].isupper() and words[k] in self.words["outlet_words"]
                                              for k in range(j + 1, min(end, j + 4)))

    def speaks_nationally(self, doc: Doc, start: int, end: int) -> bool:
        """Words of the whole country, but not `China` that only places a province (`central China's Hubei`)
        nor `Chinese` that only says who people are (`Chinese citizens returning from Russia`)."""
        words, regions = lower_words(doc), region_index(doc)
        if self.counted_across_provinces(words, start, end):
            return True   # `24 new cases from 31 provincial-level regions`: whoever reports them
        if self.words["national_words"].isdisjoint(words[start:end]):
            return False   # most sentences: decided in C
        reporter = False
        for j in range(start, end):
            if words[j] not in self.words["national_words"]:
                continue
            if words[j] in ("china", "chinese") and any(k in regions.by_start for k in range(j + 1, j + 5)):
                continue
            if words[j] == "china" and self.outlet_name(doc, j, end):
                continue   # `China News Service, April 15 (Xinhua) According to ...`: an outlet, not the country
            if words[j] == "chinese" and j + 1 < end and words[j + 1] in self.words["nationality_nouns"]:
                continue
            if words[j] == "chinese" and j > start and words[j - 1] in PREDICATIVE:
                continue   # `the 79 patients were all Chinese`: who the people are, not the country
            if "health" in words[j + 1: j + 3]:
                reporter = True   # `the National Health Commission`: who reports, maybe a province's figures
                continue
            if words[j] == "state":
                continue   # `the state health committee` above; `a state of emergency` speaks of no country
            return True
        # the national authority speaks of the whole country unless the sentence names a place of its own (not a
        # dateline's, not one of its sub-counts: `125 new cases from 31 regions, including 114 from Hubei`)
        own_end = next((j for j in range(start, end) if words[j] == "including"), end)
        if reporter and self.all_provinces(words, start, own_end):
            return True   # `reports of 125 new cases from 31 provincial-level regions and the XPCC`
        return reporter and all(self.is_dateline_place(doc, r) for r in spans_in(regions.regions, start, own_end))

    @staticmethod
    def counted_across_provinces(words: list[str], start: int, end: int) -> bool:
        """`from 31 provincial-level regions`, `across all 31 provinces`: figures gathered from the whole country
        (not `one of 31 provinces`)."""
        if PROVINCE_NOUNS.isdisjoint(words[max(start, 1) + 1: end]):
            return False   # (one set test, in C: most clauses name no provinces)
        return any(words[j - 1] in ("from", "across", "in", "all") and words[j].isdigit() and
                   int(words[j]) >= ALL_PROVINCES and words[j + 1] in PROVINCE_NOUNS
                   for j in range(max(start, 1), end - 1))

    @staticmethod
    def all_provinces(words: list[str], start: int, end: int) -> bool:
        """`31 provincial-level regions`, `all 31 provinces`: the whole country named as its provinces."""
        return any(words[j + 1] in ("provinces", "provincial-level", "provincial") and words[j].isdigit() and
                   int(words[j]) >= ALL_PROVINCES for j in range(start, end - 1))

    def within(self, place: str, names: set[str]) -> set[str]:
        """The names that lie inside a place or contain it (a city and its province)."""
        gazetteer = default_gazetteer()
        home = gazetteer[place].province
        # a homonym counts as the one in the place's province (`Taizhou` is read as Zhejiang's; Jiangsu has
        # `Taizhou (Jiangsu)`)
        return {n for n in names if gazetteer[n].province == home or f"{n} ({home})" in gazetteer.by_name}

    def paragraphs(self, doc: Doc) -> list[tuple[int, int]]:
        """Token ranges between line breaks."""
        texts = token_texts(doc)
        bounds, start = [], 0
        for i in [i for i in doc_index(doc).line_breaks if texts[i].isspace()]:   # the breaks only
            if i > start:
                bounds.append((start, i))
            start = i + 1
        if start < len(texts):
            bounds.append((start, len(texts)))
        return bounds
