"""Staff counts the noun rules miss: a team's size with no noun after it (`a medical team of 187 left for
Wuhan`) and staff named by coordinated modifiers (`318 critical care and respiratory specialists`,
`1,000 medical and other staff`). Words in data/staff.json; None whenever the shape is not exactly that."""
from __future__ import annotations

from spacy.tokens import Doc, Span

from extract.nlp.rules.counting import Head
from extract.nlp.rules.relations import lower_words, sentence_index, token_texts
from extract.nlp.rules.staff_roles import staff_words

# how many words may stand between a number and its staff noun over a coordination
COORDINATED_WINDOW = 8


def staff_head(doc: Doc, number: Span, noun_class: dict[str, str], send_verbs: frozenset[str]) -> Head | None:
    """A staff count's head where the noun rules found none."""
    return coordinated_staff(doc, number, noun_class) or team_size(doc, number, noun_class, send_verbs) or \
        staff_total(doc, number, noun_class) or dashed_staff(doc, number, noun_class) or \
        another_of_staff(doc, number, noun_class) or remaining_of_staff(doc, number, noun_class)


def coordinated_staff(doc: Doc, number: Span, noun_class: dict[str, str]) -> Head | None:
    """`318 critical care and respiratory specialists`: modifiers joined by `and` before a staff noun, every
    one of them a word staff are described by (so `30 beds and medical staff` is not a count of staff)."""
    words = lower_words(doc)
    modifiers = staff_words()["staff_modifiers"]
    j, seen_and, seen_modifier = number.end, False, False
    while j < len(doc) and j - number.end < COORDINATED_WINDOW:
        word = words[j]
        if noun_class.get(word) == "personnel":
            if not (seen_and and seen_modifier) or words[j - 1] in ("and", ","):
                return None
            return Head("personnel", "staff_coordinated", j + 1, (number.end, j), j + 1)
        if word in ("and", ","):
            if not seen_modifier or words[j - 1] in ("and", ","):
                return None
            seen_and = seen_and or word == "and"
        elif word in modifiers:
            seen_modifier = True
        else:
            return None
        j += 1
    return None


def team_size(doc: Doc, number: Span, noun_class: dict[str, str], send_verbs: frozenset[str]) -> Head | None:
    """`a medical team of 187 from Anhui`, `the second batch of 120 left`: a number right after `team of`
    that nothing is counted by (the next word is punctuation, a preposition, an auxiliary or a verb of
    sending). `a team of 12 hospitals` counts hospitals, not staff."""
    words, texts = lower_words(doc), token_texts(doc)
    if number.start < 2 or words[number.start - 1] != "of" or noun_class.get(words[number.start - 2]) != "team":
        return None
    if number.end >= len(doc):
        return None
    after = words[number.end]
    punct = doc[number.end].is_punct and texts[number.end] not in ("-", "/")
    if punct or after in send_verbs or after in staff_words()["team_size_followers"]:
        return Head("personnel", "staff_team_size", number.end)
    return None


def team_strength(doc: Doc, number: Span, noun_class: dict[str, str]) -> Head | None:
    """`a 120-strong team`, `the Jiangxi team, 135 strong,`: a team's strength, with a team noun next to it."""
    words, j = lower_words(doc), number.end
    if j < len(doc) and words[j] == "-":
        j += 1
    if j >= len(doc) or words[j] != "strong":
        return None
    after = words[j + 1] if j + 1 < len(doc) else ""
    before = words[max(0, number.start - 3): number.start]
    if noun_class.get(after) == "team" or any(noun_class.get(w) == "team" for w in before):
        return Head("personnel", "staff_team_strength", number.end)
    return None


def staff_total(doc: Doc, number: Span, noun_class: dict[str, str]) -> Head | None:
    """`Medical workers from Tianjin, totaling 1,100, arrived`, `the nurses, numbering 300 in all,`: a staff
    noun's total set off by commas after it, nothing counted after the number."""
    words = lower_words(doc)
    k = number.start if words[number.start] in staff_words()["total_words"] else number.start - 1
    if k < 2 or words[k] not in staff_words()["total_words"] or words[k - 1] != ",":
        return None   # (the number's span may hold `totaling`, read as its qualifier)
    after = words[number.end] if number.end < len(doc) else ""
    if after not in (",", ".", ";") and words[number.end: number.end + 2] != ["in", "all"] and \
            words[number.end: number.end + 2] != ["in", "total"]:
        return None
    for j in range(k - 2, max(-1, k - 10), -1):
        if doc[j].is_punct:
            return None
        if noun_class.get(words[j]) == "personnel":
            return Head("personnel", "staff_total", number.end)
    return None


DASHES = ("–", "—", "--")


def dashed_staff(doc: Doc, number: Span, noun_class: dict[str, str]) -> Head | None:
    """`the bulk of these medics – 950 – are from ...`: a number set off by dashes right after a staff noun."""
    texts, words = token_texts(doc), lower_words(doc)
    i, j = number.start, number.end
    if i < 2 or j >= len(doc) or texts[i - 1] not in DASHES or texts[j] not in DASHES:
        return None
    return Head("personnel", "staff_dashed", j) if noun_class.get(words[i - 2]) == "personnel" else None


def another_of_staff(doc: Doc, number: Span, noun_class: dict[str, str]) -> Head | None:
    """`The majority of these medics – 950 – are from ... and another 450 are with ...`: `another` N with a
    verb and no noun, after a count of staff in its sentence (after a count of cases, it counts cases)."""
    words = lower_words(doc)
    if words[number.start] != "another" or number.end >= len(doc) or \
            words[number.end] not in staff_words()["elliptic_verbs"]:
        return None
    sent_start = sentence_index(doc).bounds(number.start)[0]
    previous = next((j for j in range(number.start - 1, sent_start - 1, -1) if doc[j].like_num), None)
    if previous is None:
        return None
    if previous >= 2 and token_texts(doc)[previous - 1] in DASHES and \
            noun_class.get(words[previous - 2]) == "personnel":
        return Head("personnel", "staff_another", number.end)   # `these medics – 950 –`
    for j in range(previous + 1, min(number.start, previous + 6)):
        cls = noun_class.get(words[j])
        if cls is not None:
            return Head("personnel", "staff_another", number.end) if cls == "personnel" else None
    return None


REST_WORDS = frozenset({"remaining", "rest", "other"})
COUNTED_REACH = 6   # tokens after an earlier number to the noun it counts (`1,535 medical staff members`)


def remaining_of_staff(doc: Doc, number: Span, noun_class: dict[str, str]) -> Head | None:
    """`... 1,535 medical staff went to ten cities. The remaining 4,562 were assigned to Wuhan.`: `the
    remaining` N with a verb and no noun counts the rest of what the nearest count before it (this sentence or
    the one before; places aside) counts: staff only when that count is of staff (`admitted 300 patients. The
    remaining 200 ...` counts patients)."""
    words = lower_words(doc)
    first = number.start if words[number.start] in REST_WORDS else number.start - 1
    if first < 0 or words[first] not in REST_WORDS or number.end >= len(doc) or \
            words[number.end] not in staff_words()["elliptic_verbs"]:
        return None
    index = sentence_index(doc)
    lo = index.bounds(number.start)[0]
    lo = index.bounds(lo - 1)[0] if lo > 0 else lo
    for j in range(first - 1, lo - 1, -1):
        if not doc[j].like_num:
            continue
        counted = next((noun_class[w] for w in words[j + 1: min(first, j + 1 + COUNTED_REACH)] if w in noun_class),
                       None)
        if counted is None or counted.startswith("region"):
            continue   # `to 10 cities`: places are not what remains
        return Head("personnel", "staff_remaining", number.end) if counted == "personnel" else None
    return None


def crew_count(doc: Doc, head: Head) -> bool:
    """`12 flight attendants`, `the cabin crew`: a carrier's crew, who fly medical staff and are none."""
    lo, hi = head.modifiers
    return hi > lo and not staff_words()["crew_modifiers"].isdisjoint(lower_words(doc)[lo: hi])
