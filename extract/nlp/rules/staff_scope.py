"""What a staff count is: one group (`batch`: `a team of 134`, `the 120 medics who left on Monday`), a running
total stated as such (`total`: `has sent 1,463 medical workers to Hubei in nine batches`, `so far`, `a total of
809`, `from across the country`), or a part of a team beside or inside its whole (`part`: `42 doctors and 92
nurses`, `including 30 nurses`, `among them 12 doctors`, `210 of them`). A part is never a dispatch of its own,
so part is asked first; a count that states nothing of itself is one group.

describe_staff sets every personnel count's event, scope and teams (staff_event.py, staff_teams.py) once all
counts of the document are made: a count's teams may stand after it (`809 medics ... in five batches`)."""
from __future__ import annotations

from spacy.tokens import Doc, Span

from extract.nlp.extensions import get, put
from extract.nlp.normalize import WEEKDAYS, month_number
from extract.nlp.rules.case_relations import PART_RULES
from extract.nlp.rules.relations import rule_of, clause_bounds, lower_words, phrase_in, sentence_index, token_texts
from extract.nlp.rules.staff_event import count_windows, staff_event
from extract.nlp.rules.staff_roles import staff_phrases, staff_words
from extract.nlp.rules.staff_teams import staff_teams, team_number

BATCH, TOTAL, PART = "batch", "total", "part"
STATED, WEAK = "stated", "weak"   # how a total is told: in so many words, or by `a total of` alone
# head rules that count a part of the staff named before them (`210 of them`, `of which 124`, `these medics –
# 950 –`), besides the partitive rules the case counts share
STAFF_PART_RULES = PART_RULES | {"staff_dashed", "staff_remaining"}   # `the remaining 4,562`: the rest of a whole
FRAME_REACH = 9      # tokens from `Among` / `Of` to the comma that closes the frame (`Among the medical staff
                     # from Shandong,`)
LIST_GLUE = frozenset({",", "and", "as", "well"})   # `40 doctors, 83 nurses and one team leader`
SUB_COUNT_REACH = 6  # tokens back from `including` / `with` to the staff noun it divides
WEAK_REACH = 3       # tokens before a count that `a total of` may stand in (the number's span mostly holds it)
GROUP_REACH = 3      # tokens before a count of teams that may mark them as one group (`the most recent four teams`)


def describe_staff(doc: Doc, facts: list[Span], noun_class: dict[str, str], gazetteer) -> None:
    """Set event, scope and teams on every personnel count of `facts` (all counts of the document, sorted)."""
    staff = [f for f in facts if f.label_ == "personnel_count"]
    parts: set[int] = set()
    scopes, firm, weak, dated = [], [], [], []
    for i, fact in enumerate(staff):
        team = staff_teams(doc, fact, facts)
        total = None
        if is_part(doc, fact, staff, i, parts, noun_class):
            scope = PART
            parts.add(fact.start)
        else:
            total = stated_total(doc, fact, team)
            scope = TOTAL if total else BATCH
        scopes.append(scope)
        firm.append(scope != BATCH and total != WEAK)
        weak.append(total == WEAK)
        dated.append(scope == BATCH and any(dated_to_a_day(doc, lo, hi)
                                            for lo, hi in count_windows(doc, fact.start, fact.end)))
        put(fact, "teams", team_number(team))
        put(fact, "event", staff_event(doc, fact, gazetteer))
    scopes = weak_totals_of_dated_batches(staff, scopes, weak, dated)
    for fact, scope in zip(staff, same_figure_scopes(staff, scopes, firm)):
        put(fact, "scope", scope)


def weak_totals_of_dated_batches(staff: list[Span], scopes: list[str], weak: list[bool],
                                 dated: list[bool]) -> list[str]:
    """`A total of 669 medics return home` (a headline, a caption cut short) is the group the body dates to one
    day (`A total of 669 members ... left Xiaogan on Monday`): `a total of` alone yields to a dated batch of the
    same number and origin in the document."""
    batches = {(get(f, "value"), get(f, "origin")) for f, is_dated in zip(staff, dated) if is_dated}
    if not batches:
        return scopes
    return [BATCH if is_weak and (get(f, "value"), get(f, "origin")) in batches else scope
            for f, scope, is_weak in zip(staff, scopes, weak)]


SAME_FIGURE_MIN = 10   # below this, two equal counts of staff are as likely two groups as one figure


def same_figure_scopes(staff: list[Span], scopes: list[str], firm: list[bool]) -> list[str]:
    """A mention that says nothing of itself (a headline `Yunnan sends 809 medical workers to Hubei`, a later
    `the 809 medical workers`) takes the scope another mention of the same figure states in its words (`has sent
    a total of 809 ... as of Feb 16`): same value and origin in the document, when those mentions agree. `a
    total of` alone is not firm enough to share (a caption cut before its `on Monday`)."""
    stated: dict[tuple, set[str]] = {}
    for fact, scope, sure in zip(staff, scopes, firm):
        value = get(fact, "value")
        if sure and isinstance(value, int) and value >= SAME_FIGURE_MIN:
            stated.setdefault((value, get(fact, "origin")), set()).add(scope)
    if not stated:
        return scopes
    shared = []
    for fact, scope in zip(staff, scopes):
        found = stated.get((get(fact, "value"), get(fact, "origin"))) if scope == BATCH else None
        shared.append(next(iter(found)) if found and len(found) == 1 else scope)
    return shared



# -- part ------------------------------------------------------------------------------------------------------

def is_part(doc: Doc, fact: Span, staff: list[Span], i: int, parts: set[int], noun_class: dict[str, str]) -> bool:
    return (rule_of(fact) in STAFF_PART_RULES or after_part_frame(doc, fact) or
            sub_count(doc, fact, noun_class) or role_list(doc, fact, staff, i, noun_class) or
            team_make_up(doc, fact, staff, i) or another_part(doc, fact, staff, i, parts) or
            joins_a_sized_team(doc, fact, staff, i))


JOIN_REACH = 6   # tokens from `joined` to the size of the team joined (`joined Fujian's 135-member medical team`)


def joins_a_sized_team(doc: Doc, fact: Span, staff: list[Span], i: int) -> bool:
    """`20 nurses from Quanzhou joined Fujian's 135-member medical team`: staff joining a team whose size counts
    them are a part of it. Only a team sized by its members (`135-member`, `a team of 135`): `joining the 57 who
    left on Sunday` adds to a group, it does not divide one."""
    if i + 1 >= len(staff):
        return False
    words = lower_words(doc)
    lo, hi = clause_bounds(doc, fact.start)
    joined = next((j for j in range(fact.end, hi) if words[j] in staff_words()["join_verbs"]), None)
    if joined is None:
        return False
    whole = staff[i + 1]
    if whole.start >= hi or whole.start < joined or whole.start - joined > JOIN_REACH:
        return False
    between = range(joined + 1, whole.start)
    if any(doc[k].is_punct and words[k] not in ("'s", "’s") for k in between):
        return False
    last = words[whole.end - 1]
    by_members = last in ("member", "members") or last.endswith("-member")
    team_of = whole.start >= 2 and words[whole.start - 1] == "of" and noun_class_team(words[whole.start - 2])
    return by_members or team_of


def noun_class_team(word: str) -> bool:
    return word in ("team", "group", "contingent")


def after_part_frame(doc: Doc, fact: Span) -> bool:
    """`Among them, 54 are doctors`, `Of the medical workers, 20,374 are working in Wuhan`, `Among the total, 179
    left`: a count after a frame that opens its sentence and names a whole (not `Of course,`, `Among other
    things,`). The frame's own count (`Of the 1,500 nurses, ...`) is the whole."""
    words = lower_words(doc)
    sent_start = sentence_index(doc).bounds(fact.start)[0]
    if words[sent_start] not in staff_words()["part_openers"]:
        return False
    comma = next((j for j in range(sent_start + 1, min(fact.start, sent_start + FRAME_REACH)) if words[j] == ","),
                 None)
    if comma is None:
        return False
    frame = words[sent_start + 1: comma]
    return not staff_words()["part_frame_words"].isdisjoint(frame)


def sub_count(doc: Doc, fact: Span, noun_class: dict[str, str]) -> bool:
    """`The medical staff, including 42 doctors`, `a team of 138, including 30 nurses`, `121 people, with 118
    medical personnel`, `among them 12 doctors`: a count that divides the staff named just before it. Teams
    before it (`nine medical teams, including 1,385 people`, `217 teams with 25,633 medics`) are what the count
    is the whole of."""
    words = lower_words(doc)
    j = fact.start - 1   # the number's span holds its qualifier (`including over 30 nurses`)
    if j >= 1 and words[j] in ("them", "whom", "which") and words[j - 1] in ("among", "of"):
        return True
    if j < 1 or words[j] not in staff_words()["sub_count_words"]:
        return False
    last = j - 1 if words[j - 1] != "," else j - 2
    if last >= 0 and doc[last].like_num:
        return True   # `a team of 138, including 30 nurses`
    for k in range(last, max(-1, last - SUB_COUNT_REACH), -1):
        cls = noun_class.get(words[k])   # the staff noun it divides, over their destination (`120 medics to
        if cls == "team":                # Wuhan, including 35 nurses`); a number further back counts something
            return False                 # else (`1,000 beds with 1,000 staff`)
        if cls in ("personnel", "people"):
            return True
        if doc[k].is_punct:
            return False
    return False


def has_noun(doc: Doc, fact: Span, noun_class: dict[str, str]) -> bool:
    """A staff count that names its own staff (`83 nurses`), not one sharing a noun (`1,000 and 3,000 medics`)."""
    return any(noun_class.get(w) in ("personnel", "people") for w in lower_words(doc)[fact.start: fact.end])


def role_list(doc: Doc, fact: Span, staff: list[Span], i: int, noun_class: dict[str, str]) -> bool:
    """`42 doctors and 92 nurses`, `50 ICU nurses, 135 medical workers and two team leaders`: staff of different
    roles listed side by side are the parts of one team, stated or not."""
    words = lower_words(doc)

    def joined(first: Span, second: Span) -> bool:
        between = words[first.end: second.start]
        return first.end <= second.start and set(between) <= LIST_GLUE and \
            has_noun(doc, first, noun_class) and has_noun(doc, second, noun_class)

    return (i > 0 and joined(staff[i - 1], fact)) or (i + 1 < len(staff) and joined(fact, staff[i + 1]))


def team_make_up(doc: Doc, fact: Span, staff: list[Span], i: int) -> bool:
    """`The third national team consists of 60 persons from Tianjin, 44 from Jiangsu, ...`: staff listed by
    where they come from, in a sentence telling what a team is made of, are its parts (the list's first count
    too)."""
    def listed(f: Span) -> bool:
        return rule_of(f) == "staff_list_item"

    in_list = listed(fact) or (i + 1 < len(staff) and listed(staff[i + 1]) and
                               sentence_index(doc).bounds(staff[i + 1].start)[0] ==
                               sentence_index(doc).bounds(fact.start)[0])
    if not in_list:
        return False
    sent_start = sentence_index(doc).bounds(fact.start)[0]
    return not staff_words()["composition_words"].isdisjoint(lower_words(doc)[sent_start: fact.start])


def another_part(doc: Doc, fact: Span, staff: list[Span], i: int, parts: set[int]) -> bool:
    """`these medics – 950 – are from ... and another 450 are with ...`: `another` after a part is the rest."""
    return rule_of(fact) == "staff_another" and i > 0 and staff[i - 1].start in parts and \
        sentence_index(doc).bounds(staff[i - 1].start) == sentence_index(doc).bounds(fact.start)


# -- total -----------------------------------------------------------------------------------------------------

def stated_total(doc: Doc, fact: Span, team: Span | None) -> str | None:
    """A running total stated as such: `so far`, `to date`, `as of`, `in all`, `altogether` in the count's
    clause; staff of the whole country (`China has sent`, `from across the country`, `from other provinces`);
    several batches (`in nine batches`), or several teams not marked as one group (`nine medical teams,
    including 1,385 people`, not `the most recent four teams`); `a total of` / `totaling`, unless the clause
    dates a journey to one day (`A total of 442 medics left Guangdong on Sunday` is one group). STATED, or WEAK
    for `a total of` alone, or None."""
    windows = count_windows(doc, fact.start, fact.end)
    words = lower_words(doc)
    phrases = staff_phrases()
    if any(has_phrase(doc, lo, hi, phrases["total_phrases"]) or
           not staff_words()["total_words_strong"].isdisjoint(words[lo: hi]) for lo, hi in windows):
        return STATED
    lo, hi = windows[0]
    if national_sender(doc, lo, fact.start) or from_everywhere(doc, fact.end, hi) or several_teams(doc, team):
        return STATED
    if perfect_sending(doc, fact, lo, hi) and not any(dated_to_a_day(doc, lo, hi) for lo, hi in windows):
        return STATED
    if has_phrase(doc, max(lo, fact.start - WEAK_REACH), fact.end, phrases["weak_total_phrases"]) and \
            not any(dated_to_a_day(doc, lo, hi) for lo, hi in windows):
        return WEAK
    return None


PERFECT_REACH = 3   # tokens between `has` and its verb (`has so far sent`, `had already dispatched`)
PERFECT_TOTAL_MIN = 300   # an undated `has sent` of this many staff or more is a running total
DEFINITE = frozenset({"the", "these", "those", "its", "their", "his", "her", "this", "that", "of", "another",
                      "additional", "more", "extra", "further", "other"})


def perfect_sending(doc: Doc, fact: Span, lo: int, hi: int) -> bool:
    """`Shandong has sent 1,266 medical personnel to Hubei`, `had already sent 550 medics`, `over 11,000 medical
    personnel have been sent to Wuhan`: several hundred staff a sender has sent up to now, with no day named (the
    caller checks the day), are its running total: one team is seldom that large, and a team leaves on a day the
    story names. `has sent 135 medics` may be one team and stays one; `sent a team of 600` (a group named as
    one), `the 600 medics have been sent` (a group told before) and `has sent another 500` (one more group) are
    not totals."""
    value = get(fact, "value")
    if not isinstance(value, int) or value < PERFECT_TOTAL_MIN:
        return False
    words = lower_words(doc)
    known = staff_words()
    if words[fact.start] in DEFINITE:
        return False
    j = fact.start - 1
    if j >= lo and words[j] in known["perfect_send_verbs"]:   # `has (so far) sent 1,266 ...`
        for k in range(j - 1, max(lo - 1, j - 1 - PERFECT_REACH), -1):
            if words[k] in ("has", "have", "had"):
                return True
            if doc[k].is_punct or words[k] in known["perfect_send_verbs"]:
                return False
        return False
    if j >= lo and (words[j] in DEFINITE or words[j] in known["batch_nouns"]):
        return False   # `a team of 600 ... have been sent`, `the 600 medics have been sent`
    for k in range(fact.end, min(hi, fact.end + 8)):   # `1,266 medics (from X) have been sent`
        if words[k] in ("has", "have", "had") and k + 2 < hi and words[k + 1] == "been" and \
                words[k + 2] in known["perfect_send_verbs"]:
            return True
        if doc[k].is_punct:
            return False
    return False


def has_phrase(doc: Doc, lo: int, hi: int, phrases) -> bool:
    """One of the phrases stands wholly inside tokens [lo, hi)."""
    return phrase_in(doc, phrases, lo, hi) is not None


def national_sender(doc: Doc, lo: int, start: int) -> bool:
    """`China has sent nearly 6,000 medical workers`, `the country sends ...`: the whole country opens the
    clause as the sender (not `East China's Jiangxi Province has sent 135`)."""
    words, texts = lower_words(doc), token_texts(doc)
    j = lo
    while j < start and words[j] in ("the", "all", "of"):
        j += 1
    if j >= start or words[j] not in staff_words()["whole_country_nouns"]:
        return False
    return j + 1 < len(doc) and texts[j + 1] not in ("'s", "’s") and not doc[j + 1].is_punct


EVERYWHERE_NOUNS = frozenset({"provinces", "regions", "areas", "parts", "places", "municipalities"})


def from_everywhere(doc: Doc, start: int, end: int) -> bool:
    """`from across the country`, `from all over China`, `from other provinces`, `from other parts of China`:
    staff of many provinces, so the sum of many dispatches (cities of one province are not: `from cities across
    Yunnan` may be one team)."""
    words = lower_words(doc)
    known = staff_words()
    for i in range(start, end):
        if words[i] != "from":
            continue
        spread = False
        for j in range(i + 1, min(end, i + 5)):
            word = words[j]
            if word in EVERYWHERE_NOUNS or (spread and word in known["whole_country_nouns"]):
                return True
            spread = spread or word in known["spread_words"] or word == "all"
            if word not in ("the", "other", "all", "various", "different", "many") and not spread:
                break
    return False


def several_teams(doc: Doc, team: Span | None) -> bool:
    """Several batches, or several teams not marked as one group (`the most recent four medical teams`)."""
    value = team_number(team)
    if value is None or value < 2:
        return False
    words = lower_words(doc)
    if words[team.end - 1] in staff_words()["batch_nouns"]:
        return True   # batches leave one after another
    before = words[max(0, team.start - GROUP_REACH): team.start]
    return staff_words()["group_words"].isdisjoint(before)


DAY_WORDS = frozenset({"yesterday", "today", "tonight"})
CUT_OFF_WORDS = frozenset({"by", "until", "till", "through", "since", "of"})   # `by Feb 20`: a total up to it


def dated_to_a_day(doc: Doc, lo: int, hi: int) -> bool:
    """The clause names one day the staff are counted on (`left ... on Sunday`, `set off ... on Feb 16`,
    `will start on Monday`), read from the words: an article without a publication date has no date spans for
    them. A day that ends a period (`by Feb 20`, `as of Friday`) is a total's."""
    words = lower_words(doc)
    for j in range(lo, hi):
        word = words[j]
        day = word in WEEKDAYS or word in DAY_WORDS or \
            (month_number(word) is not None and j + 1 < len(doc) and doc[j + 1].like_num)
        if day and CUT_OFF_WORDS.isdisjoint(words[max(lo, j - 2): j]):
            return True
    return False
