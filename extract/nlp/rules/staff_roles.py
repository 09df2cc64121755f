"""Where a team comes from and when it moved, read from the words around a staff count (data/staff.json).

StaffRelations (staff_relations.py) asks these when its nearer readings find nothing: each answers for one
phenomenon and returns None when unsure, since a wrong origin, destination or date is worse than none."""
from __future__ import annotations

import bisect
import json
import re
from functools import lru_cache

from spacy.tokens import Doc, Span

from extract.nlp.docindex import doc_index
from extract.nlp.extensions import get
from extract.nlp.gazetteer import data_path
from extract.nlp.rules.relations import (LOOKBACK, SAYING, SOURCE_PATH, TRANSPARENT, attachable_dates, clause_bounds,
                                         glued_hyphen, is_clause_break,
                                         lower_words, region_index, sentence_index, spans_in, spans_of,
                                         token_texts)
from extract.nlp.triggers import word_set

ORDINAL = re.compile(r"^\d+(st|nd|rd|th)$")
OWNED_PHRASE = word_set("owned_phrase_words")   # `the`, `first`, `ninth`, `its`, `medical` ...
REQUIRED = ("many_origin_nouns", "whole_country_nouns", "spread_words", "institution_links", "speech_continuations",
            "movement_words", "contrast_words", "homeward_words", "arrival_verbs",
            "staff_modifiers", "team_size_followers", "relative_time_units", "relative_time_words",
            "work_verbs", "institution_nouns", "total_words", "elliptic_verbs",
            # what a staff count tells of itself (staff_event.py, staff_scope.py, staff_teams.py)
            "return_verbs", "home_words", "homeward_movers", "leave_words", "send_cues", "send_cues_needing_next",
            "aid_infinitives", "candidacy_words", "total_words_strong", "part_openers", "part_frame_words",
            "sub_count_words", "composition_words", "group_words", "per_team_words", "batch_nouns",
            "perfect_send_verbs", "join_verbs", "stay_words", "batch_words", "aid_participles",
            "non_medical_nouns", "fetch_words", "unnamed_place_words", "unnamed_place_nouns",
            # a lead sentence's groups told one by one (`One group of 12 ... Another group of 60`)
            "breakdown_openers", "breakdown_continuers", "definite_words",
            # return stories (staff_returns.py)
            "front_words", "travel_nouns",
            # names that are not places of staff (a carrier, a crew)
            "company_nouns", "crew_modifiers",
            # `said goodbye to Huanggang`: a saying verb that says no words; a place noun a team's sender is named by
            "parting_words", "sender_place_nouns",
            "seeing_verbs")
PHRASES = ("total_phrases", "weak_total_phrases", "rate_phrases")


@lru_cache(maxsize=1)
def staff_words() -> dict[str, frozenset[str]]:
    """The word lists of data/staff.json, checked once: every list present, lower-case single words."""
    with open(data_path("staff.json"), encoding="utf-8") as handle:
        data = json.load(handle)
    missing = [key for key in REQUIRED if key not in data]
    if missing:
        raise ValueError(f"staff.json: missing keys {', '.join(missing)}")
    words = {}
    for key in REQUIRED:
        value = data[key]
        if not isinstance(value, list) or not all(isinstance(w, str) and w and " " not in w for w in value):
            raise ValueError(f"staff.json: {key} must be a list of single words")
        words[key] = frozenset(w.lower() for w in value)
    return words


@lru_cache(maxsize=1)
def staff_phrases() -> dict[str, tuple[tuple[str, ...], ...]]:
    """The phrase lists of data/staff.json (`phrases`: `so far`, `a total of` ...), checked once: every list
    present, phrases of lower-case words separated by single spaces. Each phrase comes back as its words."""
    with open(data_path("staff.json"), encoding="utf-8") as handle:
        data = json.load(handle).get("phrases")
    if not isinstance(data, dict):
        raise ValueError("staff.json: phrases must be an object of phrase lists")
    found = {}
    for key in PHRASES:
        value = data.get(key)
        if not isinstance(value, list) or not all(
                isinstance(p, str) and p and p == p.lower() and p.split(" ") == p.split() for p in value):
            raise ValueError(f"staff.json: phrases.{key} must be a list of lower-case phrases, single-spaced")
        found[key] = tuple(tuple(p.split(" ")) for p in value)
    return found


def speech_cut(doc: Doc, start: int, end: int) -> int:
    """Where a clause about staff stops being about them: at a saying verb or its continuation (`..., Wang
    noted, adding a hospital began operating in Huanggang`: the hospital's place is no destination)."""
    words = lower_words(doc)
    stops = SAYING | staff_words()["speech_continuations"]
    for j in range(start, end):
        if words[j] in stops and not parting(words, j):
            return j
    return end


def parting(words: list[str], j: int) -> bool:
    """`said goodbye to`, `bade farewell to`: a saying verb that takes leave of a place, saying nothing."""
    return j + 1 < len(words) and words[j + 1] in staff_words()["parting_words"]


def speech_resume(doc: Doc, start: int, end: int) -> int:
    """Where a clause comes back to the staff after what someone said before them (`..., an official said at
    a meeting in Beijing, adding that 80 more medics will arrive`): after the last saying word, and after the
    `that` opening what was said (`officials said at a meeting in Nanjing that 90 doctors ...`)."""
    words = lower_words(doc)
    stops = SAYING | staff_words()["speech_continuations"]
    for j in range(end - 1, start - 1, -1):
        if words[j] in stops and not parting(words, j):
            that = next((k for k in range(j + 1, end) if words[k] == "that"), None)
            return j + 1 if that is None else that + 1
    return start


def _path_word(doc: Doc, j: int, extra: frozenset[str]) -> bool:
    word = lower_words(doc)[j]
    return (word in TRANSPARENT or word in SOURCE_PATH or word in OWNED_PHRASE or word in extra or
            bool(ORDINAL.match(word)) or doc[j].like_num)


def origin_after_from(doc: Doc, start: int, end: int, regions, is_team_modifier) -> str | None:
    """A region a few words after `from` that names the staff's own institutions or team: `from 12 hospitals
    run by the Jiangsu health commission`, `from the first and third Hunan medical teams`. A region reached
    over `and` must modify a team noun, so that `from hospitals and Wuhan` gives nothing."""
    words = lower_words(doc)
    by_start = region_index(doc).by_start
    links = staff_words()["institution_links"] | {"and", ","}
    for i in range(start, end):
        if words[i] != "from":
            continue
        j = i + 1
        while j < end and j - i <= 9 and j not in by_start and _path_word(doc, j, links):
            j += 1
        span = by_start.get(j)
        if span is None or span.end > end:
            continue
        over_and = any(w in ("and", ",") for w in words[i + 1: j])
        if over_and and not is_team_modifier(doc, span):
            continue
        return get(span, "value")
    return None


def institution_place(doc: Doc, span: Span, floor: int) -> bool:
    """A region placing the institution staff come from (`from Tongji Hospital in Wuhan`, `from the West
    China Hospital of Sichuan University in Chengdu`): `in` after an institution noun, and `from` before it
    with no punctuation between; not where a verb or preposition of going or working stands between (`from
    Tianjin will work at the Huoshenshan Hospital in Wuhan`: the hospital is where they go)."""
    words = lower_words(doc)
    k = span.start - 1
    if k < 1 or words[k] != "in" or words[k - 1] not in staff_words()["institution_nouns"]:
        return False
    known = staff_words()
    for j in range(k - 2, max(floor, k - 12) - 1, -1):
        if words[j] == "from":
            return True
        if (doc[j].is_punct and not glued_hyphen(doc, j)) or words[j] in GOING_PREPS or words[j] in known["work_verbs"] or \
                words[j] in known["send_cues"] or words[j] in known["aid_infinitives"] or words[j] in MODALS:
            return False
    return False


GOING_PREPS = frozenset({"to", "at", "into", "toward", "towards"})
MODALS = frozenset({"will", "would", "can", "could", "shall", "should", "must"})


def many_origins(doc: Doc, start: int, end: int) -> bool:
    """Staff `from nearby regions`, `from other provinces`, `from across the country`, `from all over China`:
    many senders, so the article's main helper is not theirs."""
    words = lower_words(doc)
    known = staff_words()
    for i in range(start, end):
        if words[i] != "from":
            continue
        spread = False
        for j in range(i + 1, min(end, i + 5)):
            if j in region_index(doc).by_start:
                break
            if words[j] in known["many_origin_nouns"] or (spread and words[j] in known["whole_country_nouns"]):
                return True
            spread = spread or words[j] in known["spread_words"]
            if words[j] not in TRANSPARENT and words[j] not in SOURCE_PATH and not spread:
                break
    return False


def relative_clause_date(doc: Doc, clause_end: int) -> str | None:
    """The date of a `who` clause that closes the staff's clause and tells their journey: `The 30 nurses
    ..., who returned to Nanjing on March 2, ...`."""
    words = lower_words(doc)
    sent_end = sentence_index(doc).bounds(clause_end - 1)[1] if clause_end else 0
    if clause_end + 1 >= sent_end or words[clause_end] != "," or words[clause_end + 1] != "who":
        return None
    lo, hi = clause_bounds(doc, clause_end + 1)
    moves = staff_words()["movement_words"]
    for span in attachable_dates(doc, lo, hi):
        if not moves.isdisjoint(words[lo: span.start]):
            return get(span, "value")
    return None


def describes_city(doc: Doc, span: Span, in_hubei) -> bool:
    """A province named only to place a city of it: `Hubei province's Xiaogan`, `Wuhan, capital of central
    China's Hubei province`, `Xiaogan in Hubei`, `Xiaogan, Hubei`."""
    words, texts = lower_words(doc), token_texts(doc)
    by_start, by_end = region_index(doc).by_start, region_index(doc).by_end
    j = span.end
    if j + 1 < len(doc) and texts[j] in ("'s", "’s") and j + 1 in by_start:
        return in_hubei(get(by_start[j + 1], "value"))
    sent_start = sentence_index(doc).bounds(span.start)[0]
    k = _back_over(words, span.start - 1, sent_start)   # `central China's`
    if k <= sent_start or words[k] not in ("in", "of"):
        return k >= sent_start and words[k] == "," and _hubei_city_ends_at(k, by_end, in_hubei)
    k = _back_over(words, k - 1, sent_start)   # `a city`, `the capital`
    if k >= sent_start and words[k] == ",":
        return _hubei_city_ends_at(k, by_end, in_hubei)   # `Wuhan, capital of Hubei`, `Ezhou, a city in Hubei`
    return _hubei_city_ends_at(k + 1, by_end, in_hubei)   # `Xiaogan in Hubei`


def _back_over(words: list[str], k: int, floor: int) -> int:
    while k > floor and words[k] in TRANSPARENT:
        k -= 1
    return k


def _hubei_city_ends_at(k: int, by_end, in_hubei) -> bool:
    city = by_end.get(k)
    return city is not None and get(city, "value") != "Hubei" and in_hubei(get(city, "value"))


def forward_destination(doc: Doc, sent_end: int, refers_back, destination_in) -> str | None:
    """The destination the next sentence gives staff it refers back to: `A flight carrying 130 medics landed
    in Taiyuan. The medics were members of teams sent to support Hubei.` Not from a sentence about a part of
    them (`Among them, 20 went to Xiaogan`) nor one that counts anyone itself."""
    if sent_end >= len(doc):
        return None
    nxt_start, nxt_end = sentence_index(doc).bounds(sent_end)
    nxt = doc[nxt_start: nxt_end]
    if lower_words(doc)[nxt_start] in ("among", "of") or not refers_back(doc, nxt):
        return None
    numbers = spans_in(spans_of(doc, "number"), nxt_start, nxt_end)
    if any(get(n, "value") is not None or get(n, "missing") for n in numbers):
        return None
    regions = spans_in(region_index(doc).regions, nxt_start, speech_cut(doc, nxt_start, nxt_end))
    return destination_in(doc, regions, nxt_start)


# how many sentences after a team's count may still tell its journey (`They departed on Feb 10`)
JOURNEY_AHEAD = 3


def journey_date(doc: Doc, sent: Span, team_noun) -> str | None:
    """The date of the team's journey when the count's sentence has none: the sentence before, when it names
    a team and this one speaks of it (`A Xiamen team left for Wuhan yesterday. The ten-member team is ...`), or
    the first dated sentence after in the paragraph, when the team is its subject (`The team consists of 60
    nurses ... On Feb 10, they departed from Jinan`). One journey date in that sentence, or nothing."""
    index = sentence_index(doc)
    if sent.start > 0 and speaks_of_team(doc, sent.start, sent.end, team_noun, opening=True):
        lo, hi = index.bounds(sent.start - 1)   # the team's sentence, in this paragraph or ending the one before
        if any(team_noun(w) for w in lower_words(doc)[lo: hi]):
            found = journey_dates(doc, lo, hi)
            if found:
                return found[0] if len(found) == 1 else None
    para_end = paragraph_bounds(doc, sent.start)[1]
    start = sent.end
    for _ in range(JOURNEY_AHEAD):
        if start >= para_end:
            break
        lo, hi = index.bounds(start)
        if attachable_dates(doc, lo, hi):
            found = journey_dates(doc, lo, hi)
            if len(found) == 1 and speaks_of_team(doc, lo, hi, team_noun, opening=False):
                return found[0]
            return None   # the next dated sentence is about something else
        start = hi
    return None


def previous_team_destination(doc: Doc, sent: Span, team_noun, destination_in) -> str | None:
    """Where the team the sentence before named went, when this sentence speaks of it (`Guizhou's team
    arrived in Ezhou yesterday. The team has 120 members`)."""
    if sent.start == 0 or not speaks_of_team(doc, sent.start, sent.end, team_noun, opening=True):
        return None
    lo, hi = sentence_index(doc).bounds(sent.start - 1)
    if not any(team_noun(w) for w in lower_words(doc)[lo: hi]):
        return None
    return destination_in(doc, spans_in(region_index(doc).regions, lo, speech_cut(doc, lo, hi)), lo)


def journey_dates(doc: Doc, start: int, end: int) -> list[str]:
    """The distinct dates of a sentence's clauses that tell a move (left, arrived, returned ...)."""
    words = lower_words(doc)
    moves = staff_words()["movement_words"]
    found = []
    for span in attachable_dates(doc, start, end):
        lo, hi = clause_bounds(doc, span.start)
        if not moves.isdisjoint(words[lo: hi]) and get(span, "value") not in found:
            found.append(get(span, "value"))
    return found


def speaks_of_team(doc: Doc, start: int, end: int, team_noun, opening: bool) -> bool:
    """A sentence about a team already named: it opens with `The (ten-member) team`, `They`, `These medics`
    (opening), or `they` / `the team` is the subject of a move in it (`On Feb 10, they departed`)."""
    words = lower_words(doc)
    if opening:
        first = words[start] if start < end else ""
        if first in ("they", "these", "those"):
            return True
        if first not in ("the", "this", "that"):
            return False
        for word in words[start + 1: min(end, start + 6)]:
            if word in staff_words()["contrast_words"]:
                return False   # `The only remaining medical staff ...`: another group than the one before
            if team_noun(word):
                return True
        return False
    moves = staff_words()["movement_words"]
    for j in range(start, end):
        subject = words[j] == "they" or (words[j] == "the" and j + 1 < end and team_noun(words[j + 1]))
        if subject and not moves.isdisjoint(words[j + 1: min(end, j + 5)]):
            return True
    return False


def paragraph_bounds(doc: Doc, i: int) -> tuple[int, int]:
    """The tokens of the line (paragraph) holding token i, at most LOOKBACK tokens either way."""
    breaks = doc_index(doc).line_breaks   # found by bisection, not by walking the paragraph for every count
    k = bisect.bisect_left(breaks, i)     # breaks[k - 1] < i <= breaks[k]
    start = max(breaks[k - 1] + 1 if k > 0 else 0, i - LOOKBACK)
    end = min(breaks[k] if k < len(breaks) else len(doc), i + LOOKBACK)
    return start, end


def relative_tail(doc: Doc, clause_end: int) -> tuple[int, int, int, int] | None:
    """When the staff's clause ends at a relative clause that closes before the sentence does (`Ningxia's 135
    medics, who had worked in Wuhan, left the city on March 19`): the relative clause's tokens (a `who` one
    only: a `which` may be about a hospital) and those of the main clause that goes on after it."""
    words = lower_words(doc)
    sent_end = sentence_index(doc).bounds(clause_end - 1)[1] if clause_end else 0
    if clause_end + 1 >= sent_end or words[clause_end] != "," or words[clause_end + 1] not in ("who", "which"):
        return None
    rel_lo, rel_hi = clause_bounds(doc, clause_end + 1)
    if rel_hi + 1 >= sent_end or words[rel_hi] != ",":
        return None
    main_hi = next((j for j in range(rel_hi + 1, sent_end) if is_clause_break(words, j)), sent_end)
    if words[clause_end + 1] == "which":
        rel_lo = rel_hi
    return rel_lo, rel_hi, rel_hi + 1, main_hi


def own_relative_time(doc: Doc, number: Span, head_end: int, end: int) -> bool:
    """A count with a time of its own counted from another day (`after sending 136 medics three days ago`,
    `a team of 40 sent a week earlier`, `a week after sending 120 doctors`): the clause's date is not theirs."""
    words = lower_words(doc)
    units, relative = staff_words()["relative_time_units"], staff_words()["relative_time_words"]

    def counted(j: int) -> bool:
        return words[j] in units and (doc[j - 1].like_num or words[j - 1] in ("a", "an"))

    for j in range(head_end + 1, min(end, head_end + 6) - 1):
        if counted(j) and words[j + 1] in relative:
            return True
    for j in range(max(1, number.start - 5), number.start - 1):
        if counted(j) and words[j + 1] in ("after", "before"):
            return True   # `a week after sending 120 doctors`
    return False


def frame_end(doc: Doc, sent_start: int, number_start: int, end: int) -> int:
    """A count that opens its sentence as a frame for the parts after it (`Among the 280 medics sent by
    Sichuan, 150 went to Ganzi`, `Of the 1,500 nurses, ...`): its clause ends at the comma closing the frame."""
    words = lower_words(doc)
    if words[sent_start] not in ("among", "of") or number_start - sent_start > 4:
        return end
    return next((j for j in range(number_start, end) if words[j] == ","), end)


# how far after `to` a counted place noun may stand (`to 31 designated fever hospitals`)
PLACE_NOUN_REACH = 4
DESTINATION_WORDS = frozenset({"to", "into", "in", "across", "among"})


def place_noun_after(doc: Doc, j: int, end: int, places: frozenset[str] | None = None) -> bool:
    """A noun of places or institutions within a few words after token j, before punctuation (`31 designated
    hospitals`, `9 other cities`)."""
    words = lower_words(doc)
    places = places or staff_words()["institution_nouns"] | staff_words()["many_origin_nouns"]
    for k in range(j + 1, min(end, j + 1 + PLACE_NOUN_REACH)):
        if words[k] in places:
            return True
        if doc[k].is_punct:
            return False
    return False


def counted_places(doc: Doc, start: int, end: int) -> bool:
    """Staff sent to a number of places (`deployed to 9 other cities`, `sent to 31 designated hospitals`) or
    to places the clause does not name (`went to several cities`, `in the rest of the province`): their
    destination is those places, not a city another sentence names."""
    words = lower_words(doc)
    unnamed = staff_words()["unnamed_place_words"]
    # places other than the one named before (`several cities`); `various hospitals` may be that city's
    regions = staff_words()["many_origin_nouns"] | staff_words()["unnamed_place_nouns"]
    for j in range(start, end - 1):
        if words[j] not in DESTINATION_WORDS:
            continue
        k = j + 2 if words[j + 1] == "the" and j + 2 < end else j + 1
        if doc[k].like_num and place_noun_after(doc, k, end) or \
                words[k] in unnamed and place_noun_after(doc, k, end, regions) or plural_places(doc, j + 1, end):
            return True
    return False


def plural_places(doc: Doc, k: int, end: int) -> bool:
    """A phrase naming places by a plural noun only (`to prefecture-level cities`, `to the province's other
    cities`, `to cities outside Wuhan`), no region before the noun."""
    words, starts = lower_words(doc), region_index(doc).by_start
    for m in range(k, min(end, k + PLACE_NOUN_REACH + 2)):
        if m in starts or (doc[m].is_punct and words[m] not in ("-", "'s", "’s")):
            return False
        if words[m] in staff_words()["many_origin_nouns"]:
            return m + 1 >= end or words[m + 1] != "of"   # not `the cities of Wuhan and Xiaogan`: named
    return False


BREAKDOWN_CHAIN = 4   # sentences a lead's groups may be told over, one by one


def distributed_lead(doc: Doc, sent_start: int, team_noun, facts: list[Span]) -> tuple[int, int, Span] | None:
    """`Two groups of medics from Shanxi left for Hubei on Tuesday. One group of 12 doctors will work in Wuhan.
    Another group of 60 ...`: a sentence opening with one of several groups (`One group`, `Each team`, `The
    first batch`, and after such a sentence `Another group`, `The other team`) tells a part of the groups the
    lead sentence before counts (`Two groups`, `three medical teams`). Returns the lead's bounds and its count
    of teams. `Another group` right after a lead is one more group, not a part of it."""
    index = sentence_index(doc)
    lo = sent_start
    opener = breakdown_opener(doc, lo, index.bounds(lo)[1], team_noun)
    for _ in range(BREAKDOWN_CHAIN):
        if opener is None or lo == 0:
            return None
        prev_lo, prev_hi = index.bounds(lo - 1)
        if opener == "opens":
            teams = [f for f in spans_in(facts, prev_lo, prev_hi) if f.label_ == "team_count" and
                     isinstance(get(f, "value"), int) and get(f, "value") >= 2]
            if teams:
                return prev_lo, prev_hi, teams[0]
        opener = breakdown_opener(doc, prev_lo, prev_hi, team_noun)
        lo = prev_lo
    return None


def breakdown_opener(doc: Doc, lo: int, hi: int, team_noun) -> str | None:
    """`opens` for a sentence opening with one of several groups (`One group of`, `Each team`, `The first
    batch`), `continues` for one opening with the next of them (`Another group`, `The other team`), else None."""
    words = lower_words(doc)
    j = lo + 1 if lo < hi and words[lo] == "the" else lo
    if j >= hi:
        return None
    known = staff_words()
    kind = "opens" if words[j] in known["breakdown_openers"] else \
        "continues" if words[j] in known["breakdown_continuers"] else None
    if kind is None:
        return None
    for k in range(j + 1, min(hi, j + 4)):
        if team_noun(words[k]):
            return kind
        if words[k] not in known["staff_modifiers"]:
            return None
    return None


def definite_count(doc: Doc, number: Span) -> bool:
    """`is among the 139-member team`, `leads the 120 medics`: staff told before, named as such."""
    words = lower_words(doc)
    j = number.start - 1
    return j >= 0 and words[j] in staff_words()["definite_words"] and \
        (j == 0 or words[j - 1] not in staff_words()["contrast_words"])


def names_company(doc: Doc, span: Span) -> bool:
    """`Xiamen Airlines`, `Sichuan Airlines`: a place naming a company, which carries staff and sends none."""
    return span.end < len(doc) and lower_words(doc)[span.end] in staff_words()["company_nouns"]


SHARE_WORDS = frozenset({"%", "percent", "pct"})


def share_cut(doc: Doc, start: int, end: int) -> int:
    """Where a share of the staff begins after their count (`6,097 medical staff, 70% used to support Wuhan`,
    `2,000 medics, 80 percent of them in Wuhan`): what follows it is the share's, not the whole's."""
    words = lower_words(doc)
    for j in range(start, end):
        if words[j] in SHARE_WORDS or (words[j].endswith("%") and doc[j].text[:-1].replace(".", "").isdigit()):
            return j - 1 if j > start and doc[j - 1].like_num else j
    return end
