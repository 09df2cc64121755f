"""Counts of cases held now and counts of what is yet to happen.

A count of the cases held now (`There still remained 35,329 confirmed cases`, `35,329 patients are still being
treated in hospital`, `2 existing severe cases`, `the number of active cases fell to 3,000`, `500 severe cases`)
is neither new nor cumulative: it falls as patients recover, so it gets no period (null), never `total`, which a
cumulative total of the same place and day would contradict. A count of what is yet to happen (`29 cases are
about to be cured and discharged`, `300 patients will be discharged`) is no count at all. The words are
data/triggers.json's `current_counts` and `forecasts`, checked when first read."""
from __future__ import annotations

import functools
import itertools

from spacy.tokens import Doc, Span

from extract.nlp.docindex import doc_index
from extract.nlp.rules.relations import clause_bounds, lower_words, phrase_firsts, sentence_start, token_texts
from extract.nlp.triggers import triggers

NOW_REACH = 6         # words after a count's noun within which `are still being treated` stands
BEFORE_REACH = 5      # words before a number within which `will discharge`, `expected to reach` stand
PHRASE_REACH = 4      # words before a number that are its own (`a total of`, `the remaining`)
CURRENT_KEY = "aidfacts_current_count"   # doc.user_data marks of the counts read as held now


def phrases(values) -> tuple[tuple[str, ...], ...]:
    return tuple(sorted((tuple(v.lower().split()) for v in values), key=len, reverse=True))


@functools.lru_cache(maxsize=1)
def now_words() -> dict:
    """The `current_counts` and `forecasts` tables of data/triggers.json, checked once."""
    t = triggers()
    wanted = {"current_counts": ("modifiers", "adverbs", "states", "present_copulas", "statuses", "total_cues"),
              "forecasts": ("after", "before", "before_verbs", "copulas", "skip", "stops")}
    for table, keys in wanted.items():
        if table not in t:
            raise ValueError(f"triggers.json: missing table {table}")
        missing = [k for k in keys if k not in t[table] or not t[table][k]]
        if missing:
            raise ValueError(f"triggers.json: {table} lacks {', '.join(missing)}")
    current, forecasts = t["current_counts"], t["forecasts"]
    known = set(t["statuses"])
    unknown = [s for s in current["statuses"] if s not in known]
    if unknown:
        raise ValueError(f"triggers.json: current_counts names unknown statuses {', '.join(unknown)}")
    return {
        "modifiers": frozenset(w.lower() for w in current["modifiers"]),
        "adverbs": frozenset(w.lower() for w in current["adverbs"]),
        "states": phrases(current["states"]),
        "present_copulas": frozenset(w.lower() for w in current["present_copulas"]),
        "statuses": frozenset(current["statuses"]),
        "total_cues": phrases(current["total_cues"]),
        "after": phrases(forecasts["after"]),
        "before": phrases(forecasts["before"]),
        "before_verbs": frozenset(w.lower() for w in forecasts["before_verbs"]),
        "copulas": frozenset(w.lower() for w in forecasts["copulas"]),
        "skip": frozenset(w.lower() for w in forecasts["skip"]),
        "stops": frozenset(w.lower() for w in forecasts["stops"]),
        # the words a forecast's predicate may start with: a copula or the first word of an `after` phrase
        "predicate_firsts": frozenset(w.lower() for w in forecasts["copulas"]) |
        {p[0] for p in phrases(forecasts["after"])},
    }


def has_phrase(words: list[str], table: tuple[tuple[str, ...], ...]) -> bool:
    """Any phrase of the table stands in the words, word for word. Only the words that start a phrase of the
    table are tried (most clauses hold none: one set test, in C, says so)."""
    by_first, any_empty = phrases_by_first_word(table)
    if any_empty:
        return bool(words)   # an empty phrase stands before any word
    if by_first.keys().isdisjoint(words):
        return False
    # only the positions of the phrases' first words are tried (picked out in C)
    for k in itertools.compress(itertools.count(), map(by_first.__contains__, words)):
        for phrase in by_first[words[k]]:
            if tuple(words[k: k + len(phrase)]) == phrase:
                return True
    return False


@functools.lru_cache(maxsize=64)
def phrases_by_first_word(table: tuple[tuple[str, ...], ...]) -> tuple[dict[str, list[tuple[str, ...]]], bool]:
    """A table's phrases listed by their first word, and whether it holds an empty phrase."""
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for phrase in table:
        if phrase:
            by_first.setdefault(phrase[0], []).append(phrase)
    return by_first, any(not phrase for phrase in table)


def starts_with(words: list[str], table: tuple[tuple[str, ...], ...]) -> bool:
    return any(tuple(words[: len(phrase)]) == phrase for phrase in table)


def clause_words(doc: Doc, start: int, end: int) -> list[str]:
    """The words from start up to the first comma, semicolon or bracket (the count's own predicate)."""
    texts, words = token_texts(doc), lower_words(doc)
    out = []
    for j in range(start, end):
        if texts[j] in (",", ";", "(", ")", ":") or texts[j].isspace():
            break
        out.append(words[j])
    return out


def own_total(doc: Doc, number: Span, noun_end: int) -> bool:
    """The count's own words say it is cumulative: `a total of 130`, `130 cumulative in critical condition`,
    `cumulative severe cases`, `67,000 cases in total`."""
    words = lower_words(doc)
    lo = max(0, number.start - PHRASE_REACH)
    own = words[lo: number.start] + words[number.start: noun_end + 2]
    return has_phrase(own, now_words()["total_cues"])


def held_now(doc: Doc, number: Span, noun: tuple[int, int], noun_end: int, clause_start: int,
             clause_end: int, status: str, total_verbs: tuple = ()) -> bool:
    """A count of cases held now: its own modifiers (`2 existing severe cases`, `the remaining 300 patients`,
    `active cases`), an adverb of its clause before it (`There still remained 35,329`, `Wuhan currently has`),
    or its predicate (`are still being treated`, `remain in hospital`, `are in critical condition`); never
    deaths or recoveries, which only add up, nor a count whose own words say `total` or `cumulative`, nor one
    whose clause reports a running total (`Hubei has now reported 67,000 cases`)."""
    if status in ("death", "recovered"):
        return False
    w = now_words()
    words = lower_words(doc)
    before = words[max(clause_start, number.start - 2): number.start]
    own = words[noun[0]: noun[1]] + before
    if not w["modifiers"].isdisjoint(own):
        return True   # the modifier is the count's own: `a total of 2 existing severe cases` is held now
    if own_total(doc, number, noun_end):
        return False
    lead = words[clause_start: number.start]
    plain = [word for word in lead if word not in w["adverbs"]]   # `has now reported`: `has reported`
    if has_phrase(lead, w["total_cues"]) or has_phrase(plain, tuple(tuple(v) for v in total_verbs)):
        return False
    if not w["adverbs"].isdisjoint(lead):
        return True
    after = clause_words(doc, noun_end, min(clause_end, noun_end + NOW_REACH))
    if not w["adverbs"].isdisjoint(after):
        return True   # `are still being treated`, `remain in hospital`
    if after[:1] and after[0] in w["present_copulas"] and starts_with(after[1:], w["states"]):
        return True   # `120 patients are in hospital`, `35 are in critical condition`
    return False


def severe_now(doc: Doc, number: Span, noun_end: int, status: str) -> bool:
    """Severe and critical counts are of patients now in that state (`500 severe cases`, `7,365 in serious
    condition as of Feb 29`), unless their own words say `total` or `cumulative` (`130 cumulative in critical
    condition`)."""
    return status in now_words()["statuses"] and not own_total(doc, number, noun_end)


def reached_now(doc: Doc, clause_start: int, position: int) -> bool:
    """A level reached by a count held now: `the number of active cases fell to 3,000`, `patients still being
    treated were numbered at 20,765`."""
    words = lower_words(doc)[clause_start: position]
    w = now_words()
    if has_phrase(words, w["total_cues"]):
        return False
    return not w["modifiers"].isdisjoint(words) or not w["adverbs"].isdisjoint(words)


def forecast(doc: Doc, number: Span, noun_end: int, clause_start: int, clause_end: int) -> bool:
    """The count is of what is yet to happen: `29 cases are about to be cured and discharged`, `300 patients
    will be discharged`, `200 are expected to leave hospital`, `is expected to reach 10,000`, `will discharge
    150 patients`."""
    opening = forecast_openings()
    if opening is not None and not doc_index(doc).any_hit(opening, clause_start, clause_end):
        return False   # no word of the clause starts a forecast's phrase (one bisection rules most counts out)
    w = now_words()
    after = clause_words(doc, noun_end, min(clause_end, noun_end + NOW_REACH))
    # the predicate's first word, past a place or an adverb (`150 patients in Wuhan are set to leave`)
    # (`150 patients on Monday and will discharge more`: the next clause's)
    stop = next((i for i, word in enumerate(after) if word in w["stops"]), len(after))
    after = after[:stop]
    firsts = w["predicate_firsts"]
    k = next((i for i, word in enumerate(after) if word in firsts), len(after))
    if k < len(after) and after[k] in w["copulas"]:
        k += 1
        while k < len(after) and after[k] in w["skip"]:
            k += 1
        if starts_with(after[k:], tuple(p for p in w["after"] if p[0] != "will")):
            return True
    elif starts_with(after[k:], w["after"]):
        return True
    words = lower_words(doc)
    texts = token_texts(doc)
    lo = max(clause_start, number.start - BEFORE_REACH)
    for j in range(number.start - 1, lo - 1, -1):
        if texts[j] in (",", ";", "(", ")", ":"):
            lo = j + 1
            break
    lead = words[lo: number.start]
    by_first, _ = phrases_by_first_word(w["before"])
    for k in range(len(lead)):
        for phrase in by_first.get(lead[k], ()):
            if tuple(lead[k: k + len(phrase)]) == phrase and \
                    not w["before_verbs"].isdisjoint(lead[k + len(phrase): k + len(phrase) + 2]):
                return True   # `will discharge 150`, `is expected to reach 10,000`; not `will help treat 200`
    return False


@functools.lru_cache(maxsize=1)
def forecast_openings() -> frozenset[str] | None:
    """The words a forecast's phrase starts with, after the count or before it (None: one starts anywhere)."""
    after, before = phrase_firsts(now_words()["after"]), phrase_firsts(now_words()["before"])
    return None if after is None or before is None else after | before


def unless_forecast(doc: Doc, number: Span, head, classify) -> object | None:
    """The head of a count, or None for cases yet to be counted (`29 cases are about to be cured and
    discharged`, and each member of its list, `..., 6 in Hefei`): a forecast is no count of what happened."""
    if head is None or head.noun_class != "case":
        return head
    start, end = clause_bounds(doc, number.start)
    if head.rule in ("case_list_item", "case_origin_item", "count_list") and forecast_before(doc, number, classify):
        return None
    return None if forecast(doc, number, head.end, start, end) else head


def forecast_before(doc: Doc, number: Span, classify) -> bool:
    """A list member whose head, earlier in its sentence, is a forecast: the nearest number before it that a
    case noun follows."""
    words, like_num = lower_words(doc), doc_index(doc).like_num
    for j in range(number.start - 1, sentence_start(doc, number.start) - 1, -1):
        if words[j] in (".", ";"):
            break
        if like_num[j] and j + 1 < len(doc) and classify(doc, j + 1) == "case":
            s, e = clause_bounds(doc, j)
            return forecast(doc, doc[j: j + 1], j + 2, s, e)
    return False


def mark_current(fact: Span) -> None:
    fact.doc.user_data[(CURRENT_KEY, fact.start_char, fact.end_char)] = True


def is_current(fact: Span | None) -> bool:
    return fact is not None and bool(fact.doc.user_data.get((CURRENT_KEY, fact.start_char, fact.end_char)))
