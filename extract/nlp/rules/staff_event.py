"""Whether a staff count tells staff going out to help (`sent`) or coming home (`returned`), read from the
words of its own clause (data/staff.json). None when the clause says neither: a team's make-up (`The medical
staff are from 77 hospitals`), staff who only signed up or applied, a count of staff at work at home."""
from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc, Span

from extract.nlp.docindex import doc_index
from extract.nlp.extensions import get
from extract.nlp.rules.relations import clause_bounds, lower_words, phrase_in, region_index, sentence_index
from extract.nlp.rules.staff_returns import back_to_the_front
from extract.nlp.rules.staff_roles import (frame_end, relative_tail, speech_cut, speech_resume, staff_phrases,
                                          staff_words)

SENT, RETURNED = "sent", "returned"
# a word of sending that counts only with the word after it: `set off`, `came to`, `headed for` (`set up a
# ward`, `came from 12 hospitals`, `the head of the team` tell no journey)
ONWARD = frozenset({"to", "for", "off", "out", "into", "toward", "towards"})
TAKE_OFF = frozenset({"took", "take", "takes", "taking", "set", "sets", "setting"})   # `took off from Wuhan`
ARRIVED_AT = frozenset({"at", "in", "to"})
HOME_ARRIVAL_REACH = 8   # tokens from `landed` to the place it names (`landed at Taiyuan Wusu airport in Shanxi`)


def count_windows(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
    """The token ranges that speak of the staff counted by doc[start:end]: its clause, without what someone
    said around it (`..., an official said at a meeting in Beijing`), and a `who` clause closing it with what
    the main clause says after that (`The 148 medics ..., who returned to Shanghai on March 22, have ...`).
    Found once per count (the scope and event rules ask for the same count's windows again)."""
    cache = doc_index(doc).count_windows
    found = cache.get((start, end))
    if found is None:
        found = cache[(start, end)] = find_count_windows(doc, start, end)
    return found


def find_count_windows(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
    lo, hi = clause_bounds(doc, start)
    sent_start, sent_end = sentence_index(doc).bounds(start)
    hi = frame_end(doc, sent_start, start, hi)
    windows = [(speech_resume(doc, lo, start), speech_cut(doc, end, hi))]
    words = lower_words(doc)
    if hi + 1 < sent_end and words[hi] == "," and words[hi + 1] == "who":
        rel_lo, rel_hi = clause_bounds(doc, hi + 1)
        windows.append((rel_lo, speech_cut(doc, rel_lo, rel_hi)))
        tail = relative_tail(doc, hi)
        if tail is not None:
            windows.append((tail[2], speech_cut(doc, tail[2], tail[3])))
    return windows


def staff_event(doc: Doc, fact: Span, gazetteer) -> str | None:
    """`returned` when the count's clause tells a way home, else `sent` when it tells a way out or staff at
    work where they were sent, else None. Home wins: a story of a return names where the staff had gone."""
    windows = count_windows(doc, fact.start, fact.end)
    if any(a_rate(doc, lo, hi) for lo, hi in windows):
        return None   # `Between 1,000 and 3,000 medical workers have returned home each day`: no group's journey
    if lower_words(doc)[fact.end - 1] in staff_words()["non_medical_nouns"]:
        return None   # `over 11,000 government officials have been assigned to villages`: no medical team
    if fetched(doc, windows[0][0], fact.start):
        return None   # `sent buses to Nanning to pick up the 17 medics`: what was sent is the buses
    origin = get(fact, "origin")

    def in_hubei(name: str) -> bool:
        return gazetteer[name].canonical == "Hubei" or gazetteer[name].in_hubei

    if any(back_to_the_front(doc, lo, hi, origin, in_hubei) for lo, hi in windows):
        return SENT   # `returned to Wuhan after a five-day rest`: sent once more
    if any(went_home(doc, lo, hi, origin, gazetteer) for lo, hi in windows):
        return RETURNED
    words = lower_words(doc)
    if any(not staff_words()["candidacy_words"].isdisjoint(words[lo: hi]) for lo, hi in windows):
        return None   # `500 medics signed up to go to Wuhan`: not (yet) sent
    if any(went_out(doc, lo, hi) for lo, hi in windows):
        return SENT
    return None


def a_rate(doc: Doc, lo: int, hi: int) -> bool:
    """Staff counted per day or per week (`each day`, `daily`): a rate, no group's journey."""
    return phrase_in(doc, staff_phrases()["rate_phrases"], lo, hi) is not None


def fetched(doc: Doc, lo: int, start: int) -> bool:
    """`to pick up the 17 medics`, `to fetch the team`: someone else's journey to collect the staff counted after
    it, which tells neither the day they went out nor the day they came home."""
    words = lower_words(doc)
    known = staff_words()["fetch_words"]
    return any(words[j] in known and (words[j] not in ("pick", "picks", "picked", "picking") or words[j + 1] == "up")
               for j in range(lo, start - 1))


def went_home(doc: Doc, lo: int, hi: int, origin: str | None, gazetteer) -> bool:
    """A way home in doc[lo:hi]: a verb of return (`returned`, `will return to Shanghai`), `back` or `home`
    after a verb of moving (`came back`, `were welcomed home`), leaving a place in Hubei (`left Wuhan`,
    `took off from Wuhan Tianhe Airport`), or landing in the staff's own province (`a flight carrying 130
    Shanxi medics landed at Taiyuan`)."""
    words = lower_words(doc)
    known = staff_words()
    if not known["return_verbs"].isdisjoint(words[lo: hi]):
        return True
    for j in doc_index(doc).hits_in(cue_words("home_words", "leave_words", "arrival_verbs"), lo, hi):
        word = words[j]   # (only the tokens that may start a way home)
        if word in known["home_words"] and any(w in known["homeward_movers"] for w in words[max(lo, j - 2): j]):
            return True
        if word in known["leave_words"] and leaves_hubei(doc, j, hi, gazetteer):
            return True
        if word in known["arrival_verbs"] and origin and lands_home(doc, j, hi, origin, gazetteer):
            return True
    return False


def leaves_hubei(doc: Doc, j: int, hi: int, gazetteer) -> bool:
    """`left Hubei`, `departed from Wuhan`, `took off from Wuhan`: a place in Hubei right after a verb of
    leaving (`left Guangdong for Hubei`, `left for Wuhan` leave home)."""
    words = lower_words(doc)
    if words[j] == "off" and (j == 0 or words[j - 1] not in TAKE_OFF):
        return False
    k = j + 1
    if k < hi and words[k] == "from":
        k += 1
    elif words[j] == "off":
        return False
    if k < hi and words[k] == "the":
        k += 1
    place = region_index(doc).by_start.get(k)
    if place is None or place.end > hi:
        return False
    region = gazetteer[get(place, "value")]
    return region.canonical == "Hubei" or region.in_hubei


def lands_home(doc: Doc, j: int, hi: int, origin: str, gazetteer) -> bool:
    """`landed at Taiyuan Wusu airport` for staff of Shanxi: the first place after the verb of arriving lies
    in the staff's own province (outside Hubei), so they came home."""
    words = lower_words(doc)
    if j + 1 >= hi or words[j + 1] not in ARRIVED_AT:
        return False
    by_start = region_index(doc).by_start
    for k in range(j + 2, min(hi, j + 2 + HOME_ARRIVAL_REACH)):
        place = by_start.get(k)
        if place is None:
            continue
        region, home = gazetteer[get(place, "value")], gazetteer[origin]
        if region.canonical == "Hubei" or region.in_hubei or home.canonical == "Hubei" or home.in_hubei:
            return False
        return region.province is not None and region.province == home.province
    return False


def went_out(doc: Doc, lo: int, hi: int) -> bool:
    """A way out in doc[lo:hi]: a verb of sending or going (`sent`, `dispatched`, `left for`, `set off`,
    `arrived`, `joined`, `a flight carrying`), `to aid` or `supporting` a place (`a team to aid Wuhan`), staff
    at work or staying somewhere (`are working in Hubei`, `their stay in Wuhan`), or a batch (`the second batch
    of medical personnel`)."""
    words = lower_words(doc)
    known = staff_words()
    for j in doc_index(doc).hits_in(way_out_words(), lo, hi):
        word = words[j]   # (only the tokens that may start a way out)
        after = words[j + 1] if j + 1 < len(doc) else ""
        if word in known["send_cues"]:
            return True
        if word in known["send_cues_needing_next"] and after in ONWARD:
            return True
        if word in known["work_verbs"] and after in ("in", "at"):
            return True
        if word in known["stay_words"] and after in ("in", "at"):
            return True   # `during their stay in Wuhan`
        if word in known["batch_words"]:
            return True   # `the team is the second batch of medical personnel from the city`
        if word in known["aid_participles"] and aids_a_place(doc, j + 1, hi):
            return True   # `the 31,207 medical staff from other provinces supporting Wuhan`
        if word == "to" and after in known["aid_infinitives"] and aids_a_place(doc, j + 2, hi):
            return True
    return False


@lru_cache(maxsize=16)
def cue_words(*keys: str) -> frozenset[str]:
    """The words of the staff.json lists named (a trigger set the document's index lists the positions of)."""
    return frozenset().union(*(staff_words()[key] for key in keys))


@lru_cache(maxsize=1)
def way_out_words() -> frozenset[str]:
    """The words a way out may start with (went_out's cues, and `to` of `to aid`)."""
    return cue_words("send_cues", "send_cues_needing_next", "work_verbs", "stay_words", "batch_words",
                     "aid_participles") | {"to"}


AID_REACH = 8   # tokens from `to aid` to the place aided (`to help fight the epidemic in Hubei`)


def aids_a_place(doc: Doc, start: int, hi: int) -> bool:
    """A place named soon after `to aid`, with no punctuation between: `a team to aid Wuhan` is a dispatch,
    `risking their lives to help others` is not."""
    by_start = region_index(doc).by_start
    for k in range(start, min(hi, start + AID_REACH)):
        if k in by_start:
            return True
        if doc[k].is_punct:
            return False
    return False
