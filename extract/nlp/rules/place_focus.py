"""The place in focus: the place a count with no place of its own is about, found by structure.

Two readings share it. An *anaphor* (`the province`, `our city`, `this province`, `the provincial capital`, `the
region`) names the last place of its kind before it: a province (not a province-level municipality: nobody calls
Beijing `the province`), or the province of a city named since; a city (a municipality is one); the capital of
the province in focus; for `the region` a provincial-level area or a SAR. An anaphor that finds none gives no
place at all rather than letting a later rule borrow one. A *carried place*: a count that names no place takes the
place of the last case count before it (`Hubei reported 1,000 new cases. ... 500 patients were discharged.`), or
of a sentence whose subject is one place (`Hubei has been under lockdown since January.`), across the sentences of
its paragraph, and into a next paragraph only when that one says it goes on (`Another 30 patients ...`) and the
anchor is no list row; another place named between, a sentence about the whole country or abroad, a dateline, a
heading line or a paragraph about a team ends it. A province's bulletin may name its cities' sub-counts in between
(`Of them, 5 were in Shenzhen.`): those places are parts, not the focus.

Neither reading takes a place that is no place of the story: where people came from (`arrived from Wuhan`), a
distance (`100 km from Wuhan`), an outlet named after a place (`the Hubei Daily`), a route (`via Hong Kong`), a
dateline, or whose staff a team is (`the Hunan medical team`). An authority named after its place (`the
Guangdong health commission`) speaks for that place and is in focus. Knowledge is in data/focus.json.
"""
from __future__ import annotations

import json
from functools import lru_cache

from spacy.tokens import Doc, Span

from extract.nlp.docindex import doc_index
from extract.nlp.extensions import get
from extract.nlp.gazetteer import data_path, default_gazetteer
from extract.nlp.rules.relations import (LOOKBACK, governing_preposition, last_before, lower_words, region_index, sentence_index,
                                         sentence_start, spans_in, spans_of, token_texts)

CARRY_REACH = 400        # tokens back from a count's sentence to the count whose place it carries
DISTANCE_GAP = 4         # words between a distance word and its `from` / `of`
ORIGIN_GAP = 3           # words between an origin word (`arrived from`) and the place
ANAPHOR_GAP = 2          # modifiers between the determiner and the head (`the hard-hit province`)
PRONOUN_SENTENCES = 4    # sentences back from `it` to its antecedent
OPENING_REACH = 15       # tokens of a sentence's opening phrase before its comma (`Sensing the severity ...,`)
OBJECT_REACH = 6         # tokens from the verb after `it` to the number it reports (`had recorded a total of 50`)
AGENT_REACH = 4          # words of a subject looked at for its noun (`The World Health Organization`)
UNIT_WORDS = frozenset({"province", "city", "municipality", "prefecture", "county", "autonomous", "region"})
PROVINCE_KINDS = frozenset({"province", "autonomous_region"})
REGION_KINDS = frozenset({"autonomous_region", "sar"})
CITY_KINDS = frozenset({"municipality", "sar"})   # provincial-level areas that are cities (`the city` for Hong Kong)
ORIGIN_PREPS = frozenset({"from", "via", "through"})
ARRIVAL_PREPS = frozenset({"in", "into", "at"})   # after a word of travel, the place reached (not `to`: a trip)
BULLETS = frozenset({"-", "•", "*", "·", "—", "–", "▪", "●", "○"})


@lru_cache(maxsize=1)
def focus_words() -> dict:
    """data/focus.json, checked once: every key present, every capital a known city of its province."""
    with open(data_path("focus.json"), encoding="utf-8") as handle:
        data = json.load(handle)
    required = ("anaphor_determiners", "anaphor_heads", "anaphor_blockers", "anaphor_not_after_head",
                "distance_words", "team_story_words", "provincial_capitals", "continuation_words",
                "subject_lead_words", "opening_adverbs", "pronouns", "pronoun_auxiliaries", "pronoun_verbs",
                "opening_words", "pronoun_agents", "place_modified_nouns", "place_voice_words")
    missing = [key for key in required if key not in data]
    if missing:
        raise ValueError(f"focus.json: missing keys {', '.join(missing)}")
    kinds = set(data["anaphor_heads"].values())
    if not kinds <= {"province", "city", "region", "capital"}:
        raise ValueError(f"focus.json: unknown anaphor kinds {sorted(kinds - {'province', 'city', 'region', 'capital'})}")
    gazetteer = default_gazetteer()
    for province, capital in data["provincial_capitals"].items():
        if province not in gazetteer.by_name or capital not in gazetteer.by_name or \
                gazetteer[capital].province != province:
            raise ValueError(f"focus.json: {capital!r} is no city of {province!r} in the gazetteer")
    words = {key: frozenset(w.lower() for w in value) for key, value in data.items() if isinstance(value, list)}
    words["anaphor_heads"] = {k.lower(): v for k, v in data["anaphor_heads"].items()}
    words["provincial_capitals"] = dict(data["provincial_capitals"])
    return words


class PlaceFocus:
    """The place in focus at a count. `scopes` is the document's PlaceReader (datelines, national sentences,
    outlets, origins); `team_modifier(doc, region)` says a region names whose staff a team is."""

    def __init__(self, scopes, team_modifier):
        self.scopes = scopes
        self.team_modifier = team_modifier
        self.words = focus_words()
        self.gazetteer = default_gazetteer()

    # --- places that are no place of the story -----------------------------------------------------------
    def out_of_focus(self, doc: Doc, region: Span) -> bool:
        """A mention that names no place the story is about: an origin, a distance, an outlet, a route, a
        dateline, a team's home, a place left out or the disease's name (`the Wuhan virus`)."""
        if self.scopes.is_dateline_place(doc, region) or self.team_modifier(doc, region) or \
                self.scopes.excluded(doc, region):
            return True
        texts, words = token_texts(doc), lower_words(doc)
        after = region.end
        if after < len(doc) and texts[after][:1].isupper() and words[after] in self.scopes.words["outlet_words"]:
            return True   # `the Hubei Daily`, `Beijing News`
        if self.is_authority(doc, region):
            return False  # `the Guangdong health commission` speaks for Guangdong
        sent = sentence_start(doc, region.start)
        j = region.start - 1
        while j >= sent:   # `from the city of Wuhan`, `from Hubei's Wuhan`
            if words[j] in ("the", "'s", "’s") or j in region_index(doc).tokens:
                j -= 1
            elif words[j] == "of" and j > sent and words[j - 1] in ("city", "province"):
                j -= 2
            else:
                break
        before = words[max(sent, j - ORIGIN_GAP + 1): j + 1]
        # `arriving in Shanghai`: where they are now (`arrived in Hefei from Wuhan` names two places: neither sure)
        arrived_in = j >= sent and words[j] in ARRIVAL_PREPS and \
            ORIGIN_PREPS.isdisjoint(words[region.end: sentence_index(doc).bounds(region.start)[1]])
        if not arrived_in and not self.scopes.words["origin_markers"].isdisjoint(before) or \
                governing_preposition(doc, region, ORIGIN_PREPS) is not None:
            return True   # `arrived from Wuhan`, `imported from Hubei`, `via Hong Kong, Macao and Taiwan`
        if j >= sent and words[j] in ("from", "of", "to") and \
                not self.words["distance_words"].isdisjoint(words[max(sent, j - DISTANCE_GAP): j]):
            return True   # `100 km from Wuhan`, `200 kilometres north of Wuhan`, `a short drive to Xiaogan`
        return False

    @staticmethod
    def is_authority(doc: Doc, region: Span) -> bool:
        """`the Guangdong health commission`, `the Hubei Provincial Health Commission`: who reports a place's
        figures."""
        return "health" in lower_words(doc)[region.end: region.end + 3]

    def after_marker(self, doc: Doc, start: int, end: int, adverbs: bool = False) -> int:
        """The first word of a line's text past its bullet or number (`- In Hefei,`, `• In Bengbu,`, `2) In
        Wuhu,`, `iii. In Huainan,`) and an opening adverb (`Meanwhile, in Hubei,`)."""
        words = lower_words(doc)
        j = start
        while j < end and doc[j].is_space:
            j += 1
        if j < end and words[j] in BULLETS:
            j += 1
        elif j + 1 < end and (words[j] in self.scopes.words["list_markers"] or doc[j].like_num) and \
                words[j + 1] in (")", ".") and (j == start or "\n" in doc[j - 1].text):
            j += 2
        if adverbs and j + 1 < end and words[j] in self.words["opening_adverbs"] and words[j + 1] == ",":
            j += 2   # `Meanwhile, in Hubei, ...`
        return j

    # --- anaphors ----------------------------------------------------------------------------------------
    def anaphor(self, doc: Doc, start: int, end: int) -> tuple[str, int] | None:
        """(kind, position) of the first anaphor for a place in [start, end): `the province`, `our city`,
        `the hard-hit province`, `the provincial health commission`, `the provincial capital`, `the region`;
        not `outside the province`, `the provincial-level regions`, `other cities`."""
        words = lower_words(doc)
        heads = self.words["anaphor_heads"]
        for i in range(start, end - 1):
            if words[i] in self.words["pronouns"] and self.pronoun_reports(doc, i, end):
                return "pronoun", i   # `By April 26, it had recorded 50,333 cases`
            if words[i] not in self.words["anaphor_determiners"]:
                continue
            if i > 0 and words[i - 1] in self.words["anaphor_blockers"]:
                continue   # `Outside the province, 18 new cases`: elsewhere
            k = next((k for k in range(i + 1, min(end, i + 2 + ANAPHOR_GAP)) if words[k] in heads), None)
            if k is None or any(words[m] in self.words["anaphor_blockers"] or m in region_index(doc).tokens
                                for m in range(i + 1, k)):
                continue   # `the other cities`, `the Hubei province`
            if i > start and words[i - 1] == "," and (i - 1) in region_index(doc).by_end:
                continue   # `Wuhan, the provincial capital`: the place named, in apposition
            kind = heads[words[k]]
            after = words[k + 1] if k + 1 < len(doc) else ""
            named_at = k + 2 if after == "city" else k + 1   # `the capital city of Wuhan`
            if named_at + 1 < len(doc) and words[named_at] == "of" and named_at + 1 in region_index(doc).by_start:
                continue   # `the provincial capital of Wuhan`: named there
            if words[k] == "provincial" and after == "capital":
                kind = "capital"
            elif after in self.words["anaphor_not_after_head"] or k + 1 in region_index(doc).by_start:
                continue   # `the provincial-level regions`, `the city Wuhan` (named there)
            if kind == "capital" and words[k] == "capital" and words[k - 1] != "provincial":
                kind = "unsaid"   # `the capital`, `the Chinese capital`: Beijing or a province's, not said
            return kind, i   # the first: the subject's (`The province saw 3 deaths, all in the city of ...`)
        return None

    def resolve(self, doc: Doc, kind: str, position: int) -> str | None:
        """The place in focus of `kind` before token `position`."""
        gazetteer = self.gazetteer
        if kind == "unsaid":
            return None
        if kind == "pronoun":
            return self.pronoun_reading(doc, position)[1]
        if kind == "city":
            def wanted(value):
                return not gazetteer[value].is_provincial or gazetteer[value].kind in CITY_KINDS
        else:
            return self.province_in_focus(doc, position, kind)
        earlier = last_before(region_index(doc).regions, position,
                              lambda s: wanted(get(s, "value")) and not self.out_of_focus(doc, s),
                              floor=position - LOOKBACK)
        if earlier is None:
            return None
        return get(earlier, "value")

    def province_in_focus(self, doc: Doc, position: int, kind: str) -> str | None:
        """`the province`: the last province named before, or the province of a city named since (`Wuhan
        reported 10 new cases. The province ...` is Hubei); none when the city lies in another province than
        the one last named, or when the last place is a municipality (Beijing is no province). `the region` is
        the same, or a SAR."""
        gazetteer = self.gazetteer
        kinds = PROVINCE_KINDS | REGION_KINDS if kind == "region" else PROVINCE_KINDS
        earlier = last_before(region_index(doc).regions, position,
                              lambda s: gazetteer[get(s, "value")].kind != "municipality" and
                              not self.out_of_focus(doc, s), floor=position - LOOKBACK)
        if earlier is None:
            return None
        value = get(earlier, "value")
        region = gazetteer[value]
        if region.is_provincial:
            found = value if region.kind in kinds else None
        else:
            named = last_before(region_index(doc).regions, earlier.start,
                                lambda s: gazetteer[get(s, "value")].is_provincial and not self.out_of_focus(doc, s),
                                floor=position - LOOKBACK)
            found = region.province if named is None or get(named, "value") == region.province else None
            if found is not None and gazetteer[found].kind not in kinds:
                found = None
        if kind == "capital":
            return self.words["provincial_capitals"].get(found) if found else None
        return found

    def anaphoric_region(self, doc: Doc, start: int, end: int) -> str | None:
        found = self.anaphor(doc, start, end)
        named = self.named_by_head(doc, start, found[1] if found is not None else end)
        if named is not None:
            return named   # `eight new cases over the past 24 hours in the northern province of Heilongjiang`
        return self.resolve(doc, found[0], found[1]) if found is not None else None

    def named_by_head(self, doc: Doc, start: int, end: int) -> str | None:
        """The place a clause names with an anaphor's head and `of` (`the northern province of Heilongjiang`,
        `the city of Harbin`): that place, not one in focus before."""
        words, by_start = lower_words(doc), region_index(doc).by_start
        heads = self.words["anaphor_heads"]
        for k in range(start, end - 2):
            if words[k] in heads and words[k + 1] == "of" and k + 2 in by_start and \
                    (k == 0 or words[k - 1] not in self.words["anaphor_blockers"]):
                return get(by_start[k + 2], "value")
        return None

    def unresolved_anaphor(self, doc: Doc, start: int, end: int) -> bool:
        """The clause refers to a place (`The province also reported ...`) that nothing before resolves: its
        count is no other place's."""
        found = self.anaphor(doc, start, end)
        if found is not None and found[0] == "pronoun":
            return self.pronoun_reading(doc, found[1])[0] == "none"   # `it` for China: the country's count
        return found is not None and self.resolve(doc, *found) is None

    # --- `it` ------------------------------------------------------------------------------------------------
    def pronoun_reports(self, doc: Doc, i: int, end: int) -> bool:
        """`it` is the subject of a report of a number: `It reported 14 new deaths`, `it has so far recorded 50`;
        not a dummy subject (`it is expected that`) nor an object (`made it`)."""
        words, like_num = lower_words(doc), doc_index(doc).like_num
        j = i + 1
        while j < end and words[j] in self.words["pronoun_auxiliaries"]:
            j += 1
        if j >= end or words[j] not in self.words["pronoun_verbs"]:
            return False
        for k in range(j + 1, min(end, j + 1 + OBJECT_REACH)):
            if like_num[k]:
                return True
            if doc_index(doc).is_punct[k]:
                return False
        return False

    def pronoun_reading(self, doc: Doc, i: int) -> tuple[str, str | None]:
        """The place `it` stands for: the subject of its own sentence when `it` is not that (`Wuhan said it had
        recorded ...`), else of the sentences before, back over those whose subject `it` cannot be (`the number of
        cases peaked`, a plural) and those whose subject is `it` too, when that subject is a place (`Wuhan revised
        its toll. ... it had recorded`), the place a named authority speaks for (`The Hubei health commission`) or
        an anaphor that resolves (`the city was locked down`): ("place", its name). ("country", None) for the
        whole country (`China reported ... It also reported`); ("none", None) when the subject is something else
        that reports (`The commission said ... It reported`), when a place named on the way is another place than
        the one found, or nothing is found within reach."""
        index = sentence_index(doc)
        floor = max(i - CARRY_REACH, self.scopes.section_start(doc, i))
        s, e = index.bounds(i)
        passed: set[str] = set()
        texts, looked = token_texts(doc), 0
        while looked <= PRONOUN_SENTENCES:
            if not all(texts[k].isspace() for k in range(s, e)):   # a paragraph break is no sentence
                looked += 1
                verdict, place, first = self.sentence_subject(doc, s, e)
                if first >= i:
                    verdict = "pronoun"   # the sentence's subject is the `it` itself (`By April 26, it had ...`)
                if verdict == "place":
                    # every place named on the way lies in it; its own sentence names no other (`Guangdong sent
                    # doctors to Hubei. It reported ...`: either)
                    own = {get(r, "value") for r in spans_in(region_index(doc).regions, s, min(e, i))
                           if not self.out_of_focus(doc, r)}
                    gazetteer = self.gazetteer
                    sure = all(p == place or gazetteer[p].province == place for p in passed) and \
                        all(p == place or gazetteer[p].province == place or gazetteer[place].province == p for p in own)
                    return ("place", place) if sure else ("none", None)
                if verdict == "country":
                    return ("country", None) if not passed else ("none", None)
                if verdict == "agent":
                    return "none", None
                passed.update(get(r, "value") for r in spans_in(region_index(doc).regions, s, min(e, i))
                              if not self.out_of_focus(doc, r))
            if s <= floor:
                return "none", None
            s, e = index.bounds(s - 1)
        return "none", None

    def sentence_subject(self, doc: Doc, s: int, e: int) -> tuple[str, str | None, int]:
        """(verdict, place, first token) of a sentence's subject: `place` (with its canonical name), `pronoun`,
        `country` (`China`, `the mainland`), `agent` (something else that reports and is no place: `the
        commission`, `the team`) or `other`
        (something `it` does not stand for: `the number of cases`, `Essential supplies`)."""
        words = lower_words(doc)
        j = self.after_marker(doc, s, e, adverbs=True)
        if j < e and j in region_index(doc).by_start and self.scopes.is_dateline_place(doc, region_index(doc).by_start[j]):
            dash = next((k for k in range(j, min(e, j + OPENING_REACH)) if words[k] in ("-", "--", "—", "–")), None)
            if dash is None:
                return "other", None, j
            j = dash + 1   # `WUHAN, April 26 (Xinhua) -- The city ...`
        if j < e and (words[j] in self.words["opening_words"] or (doc_index(doc).is_alpha[j] and words[j].endswith("ing"))
                      or spans_in(spans_of(doc, "date"), j, j + 1)):
            comma = next((k for k in range(j, min(e, j + OPENING_REACH)) if words[k] == ","), None)
            if comma is None:
                return "other", None, j   # no subject found past an opening phrase
            j = comma + 1   # `By April 26,`, `Sensing the severity of the disease,`
        first = j
        while j < e and words[j] in self.words["subject_lead_words"] and words[j] not in ("in", ","):
            j += 1   # `The`, `China's`, `central China's`
        region = region_index(doc).by_start.get(j)
        if region is None and self.named_by_head(doc, j, min(e, j + 3)) is not None:
            region = region_index(doc).by_start[j + 2]   # `The city of Wuhan reported ...`
        if region is None:
            found = self.anaphor(doc, first, min(e, first + ANAPHOR_GAP + 3))
            if found is not None and found[1] == first and found[0] != "pronoun":   # `the city was locked down`
                place = self.resolve(doc, *found)
                return ("place", place, first) if place is not None else ("agent", None, first)
            j = first + 1 if first < e and words[first] == "the" else first
            if j < e and words[j] in self.words["pronouns"]:
                return "pronoun", None, first
            if not self.scopes.words["national_words"].isdisjoint(words[j: min(e, j + AGENT_REACH)]):
                return "country", None, first   # `China`, `The country`, `The Chinese mainland`
            if not self.words["pronoun_agents"].isdisjoint(words[j: min(e, j + AGENT_REACH)]):
                return "agent", None, first
            return "other", None, first
        if self.out_of_focus(doc, region) and not self.is_authority(doc, region):
            return "agent", None, first   # `The Hunan medical team`, `Doctors from Wuhan`
        k = region.end
        while k < e and words[k] in UNIT_WORDS:
            k += 1
        after = words[k] if k < e else ""
        voice = not self.words["place_voice_words"].isdisjoint(words[k: k + 3])
        if after in ("'s", "’s") and not voice or after in self.words["place_modified_nouns"] and not voice:
            return "agent", None, first   # `Wuhan's mayor`, `Wuhan residents`: not the place itself
        return "place", get(region, "value"), first

    # --- a place carried forward -------------------------------------------------------------------------
    def carried_region(self, doc: Doc, number: Span, facts: list[Span], section_start: int, is_subcount) -> str | None:
        """The place of the last case count before the count's sentence, carried over the sentences and
        paragraphs between while they go on with the same report."""
        index = sentence_index(doc)
        sent_start, sent_end = index.bounds(number.start)
        floor = max(section_start, sent_start - CARRY_REACH)
        anchor = last_before(facts, sent_start, lambda f: f.label_ == "case_count" and not is_subcount(f) and
                             not in_brackets(doc, f), floor=floor)   # (`(... converted to 2 cases)`: an aside)
        if anchor is None:   # no count before: a sentence about one place (`Hubei has been under lockdown.`)
            anchor = self.subject_place(doc, sent_start, floor, facts)
            if anchor is None:
                return None
        place = get(anchor, "region") if anchor.label_ == "case_count" else get(anchor, "value")
        if not place:
            return None
        anchor_start, anchor_end = index.bounds(anchor.start)
        for region in spans_in(region_index(doc).regions, anchor_start, anchor_end):
            value = get(region, "value")
            if value != place and not self.out_of_focus(doc, region) and \
                    not (self.gazetteer[place].is_provincial and self.gazetteer[value].province == place):
                return None   # `Two new cases in Guangzhou, four in Shenzhen`: a report of several places
        for region in spans_in(region_index(doc).regions, anchor_end, sent_end):
            value = get(region, "value")
            if value == place or self.out_of_focus(doc, region) or self.part_of_bulletin(doc, region, place, facts,
                                                                                           is_subcount) or \
                    (region.start >= number.end and in_brackets(doc, region)):
                continue   # (`501 cases, 19 of which are in hospital (Harbin City)`: an aside after the count)
            return None   # another place named in between
        texts = token_texts(doc)
        paragraph = self.paragraph_start(doc, number.start, anchor.end)
        if paragraph is not None:   # another paragraph: it must say it goes on, and the anchor be no list row
            line = self.paragraph_start(doc, anchor.start, max(0, anchor.start - CARRY_REACH)) or 0
            if self.after_marker(doc, line, anchor.start) != line or \
                    self.words["continuation_words"].isdisjoint(lower_words(doc)[paragraph: number.end]):
                return None   # `- Xiaogan: 100 new cases`, `b) 990 in total`: a row of a list
        s = anchor_end
        while s < sent_end:
            e = index.bounds(s)[1]
            if self.scopes.speaks_nationally(doc, s, e) or self.scopes.speaks_of_elsewhere(doc, s, e):
                return None   # `Nationwide, ...`, `Other provinces ...`
            first = s
            while first < e and texts[first].isspace():
                first += 1
            if any("\n" in t for t in texts[anchor_end - 1: first]) and self.ends_the_report(doc, first, e, facts):
                return None
            s = e
        return place

    def subject_place(self, doc: Doc, sent_start: int, floor: int, facts: list[Span]) -> Span | None:
        """The last place named before the count's sentence, when it is its own sentence's subject (`Hubei
        province has been under lockdown`, `In Hubei, schools are closed`), the one place that sentence names,
        and the sentence speaks neither of the country, abroad nor a team."""
        mention = last_before(region_index(doc).regions, sent_start, lambda s: not self.out_of_focus(doc, s),
                              floor=floor)
        if mention is None:
            return None
        s, e = sentence_index(doc).bounds(mention.start)
        words = lower_words(doc)
        first = self.after_marker(doc, s, mention.start, adverbs=True)
        lead = words[first: mention.start]
        if not all(w in self.words["subject_lead_words"] for w in lead) or \
                ("in" in lead and (mention.end >= e or words[mention.end] != ",")):
            return None   # not the sentence's subject (`Doctors went to Hubei.`), or not `In Hubei, ...`
        value = get(mention, "value")
        if any(get(r, "value") != value and not self.out_of_focus(doc, r)
               for r in spans_in(region_index(doc).regions, s, e)):
            return None
        if self.scopes.speaks_nationally(doc, s, e) or self.scopes.speaks_of_elsewhere(doc, s, e) or \
                self.ends_the_report(doc, s, e, facts):
            return None
        return mention

    @staticmethod
    def paragraph_start(doc: Doc, i: int, floor: int) -> int | None:
        """The first token after the last line break before token i, when there is one after `floor`."""
        texts = token_texts(doc)
        j = i - 1
        while j >= floor and "\n" not in texts[j]:
            j -= 1
        return j + 1 if j >= floor else None

    def part_of_bulletin(self, doc: Doc, region: Span, place: str, facts: list[Span], is_subcount) -> bool:
        """`Of them, 5 were in Shenzhen.` after Guangdong's count: a city of the province named by a sentence
        whose counts are all the province's sub-counts."""
        gazetteer = self.gazetteer
        value = get(region, "value")
        if not gazetteer[place].is_provincial or gazetteer[value].is_provincial or gazetteer[value].province != place:
            return False
        s, e = sentence_index(doc).bounds(region.start)
        counts = [f for f in spans_in(facts, s, e) if f.label_ == "case_count"]
        return bool(counts) and all(is_subcount(f) for f in counts)

    def ends_the_report(self, doc: Doc, s: int, e: int, facts: list[Span]) -> bool:
        """A sentence, after a paragraph break, that opens something else: a dateline, or a story about a team
        (its staff counted, or a team its subject)."""
        if any(get(d, "dateline") for d in spans_in(spans_of(doc, "date"), s, e)):
            return True
        if token_texts(doc)[e - 1].isspace() and "\n" in token_texts(doc)[e - 1]:
            last = e - 1
            while last > s and token_texts(doc)[last].isspace():
                last -= 1
            if self.scopes.is_headline(doc, s, last + 1) and not spans_in(facts, s, e):
                return True   # a heading (`Update`): another section
        if any(f.label_ in ("personnel_count", "team_count") for f in spans_in(facts, s, e)):
            return True
        return not self.words["team_story_words"].isdisjoint(lower_words(doc)[s:e])


def in_brackets(doc: Doc, span: Span) -> bool:
    """The span stands inside brackets opened in its sentence: an aside of the count before."""
    return bracket_opener(doc, span) is not None


def bracket_opener(doc: Doc, span: Span) -> int | None:
    """The token of the bracket still open at the span, opened in its sentence, else None."""
    texts = token_texts(doc)
    for j in range(span.start - 1, sentence_index(doc).bounds(span.start)[0] - 1, -1):
        if texts[j] in ("(", "（"):
            return j
        if texts[j] in (")", "）"):
            return None
    return None
