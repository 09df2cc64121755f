"""Return stories: where a team going home served, where its home is, and a return that is no homecoming.

A team going home leaves the place it served (`557 medics from Wuhan returned to Beijing`, `flew back by plane
from Wuhan`): that place is its destination, not its origin. The city it lands in at home (`Among them, 240
arrived in Haikou`) is no destination either. Going back to Hubei or to the front line after a rest (`returned
to Wuhan on March 14`, `went back to the front line`) is no homecoming but one more dispatch. Words in
data/staff.json."""
from __future__ import annotations

from spacy.tokens import Doc, Span

from extract.nlp.extensions import get
from extract.nlp.rules.relations import lower_words, region_index, sentence_index
from extract.nlp.rules.staff_roles import staff_words

GOAL_REACH = 4   # tokens from a verb of return to the place it names (`returned safely to Beijing`)


def returning(doc: Doc, lo: int, hi: int) -> bool:
    """doc[lo:hi] tells a way home: a verb of return, or `back` / `home` after a verb of moving."""
    words = lower_words(doc)
    known = staff_words()
    if not known["return_verbs"].isdisjoint(words[lo: hi]):
        return True
    return any(words[j] in known["home_words"] and words[j - 1] in known["homeward_movers"]
               for j in range(max(lo, 1), hi))


def goal_after_return(doc: Doc, lo: int, hi: int) -> tuple[Span | None, bool]:
    """The place a verb of return (or `back`) goes to in doc[lo:hi] (`returned to Beijing`, `went back to
    Wuhan`), and whether it is the front line (`went back to the front line`)."""
    words = lower_words(doc)
    known = staff_words()
    by_start = region_index(doc).by_start
    for j in range(lo, hi):
        if words[j] not in known["return_verbs"] and words[j] != "back":
            continue
        k = j + 1
        while k < hi and k - j <= GOAL_REACH and words[k] not in ("to", "for"):
            if doc[k].is_punct or words[k] in ("from", "home"):
                break
            k += 1
        if k >= hi or words[k] not in ("to", "for"):
            continue
        k += 1
        while k < hi and words[k] in ("the", "a"):
            k += 1
        if k < hi and words[k] in known["front_words"]:
            return None, True
        if k in by_start and by_start[k].end <= hi:
            return by_start[k], False
    return None, False


def back_to_the_front(doc: Doc, lo: int, hi: int, origin: str | None, in_hubei) -> bool:
    """`returned to Wuhan after a five-day rest`, `went back to the front line`: staff not of Hubei going back
    to Hubei or to the front are sent once more, not going home."""
    if origin and in_hubei(origin):
        return False
    goal, front = goal_after_return(doc, lo, hi)
    return front or (goal is not None and in_hubei(get(goal, "value")))


def home_goal(doc: Doc, lo: int, hi: int, in_hubei, province_of) -> str | None:
    """Home, as a return in doc[lo:hi] names it (`returned to Beijing`, `set off from Hubei to return to
    Hainan`, `flew back to Nanning`): the province of a place outside Hubei (a team of Hechi lands in Nanning,
    its capital's airport: Guangxi is home to both)."""
    goal, _ = goal_after_return(doc, lo, hi)
    if goal is None or in_hubei(get(goal, "value")):
        return None
    return province_of(get(goal, "value"))


def served_before_home(doc: Doc, span: Span, sent_start: int, sent_end: int, is_staff_word, in_hubei) -> bool:
    """A place in Hubei the returning staff come from (`557 medics from Wuhan returned to Beijing`, `by plane
    from Wuhan`): `from` after a staff noun or a way of travel, in a sentence of return whose home is not in
    Hubei (`80 nurses from Wuhan returned to Wuhan after a month in Xiaogan` are Wuhan's own)."""
    words = lower_words(doc)
    j = span.start - 1
    if j < 1 or words[j] != "from" or not in_hubei(get(span, "value")):
        return False
    if not (is_staff_word(words[j - 1]) or words[j - 1] in staff_words()["travel_nouns"]):
        return False
    if not returning(doc, sent_start, sent_end):
        return False
    goal, front = goal_after_return(doc, sent_start, sent_end)
    return not front and (goal is None or not in_hubei(get(goal, "value")))


def home_arrival(doc: Doc, sent_start: int, destination: str | None, origin: str | None, province_of,
                 in_hubei) -> bool:
    """`(258 medics set off from Hubei to return to Hainan.) Among them, 240 members arrived in Haikou`: in a
    story of return (this sentence or the one before), a place outside Hubei in the province of home (the
    staff's origin, or where the return goes) is where they landed at home, not where they served."""
    if destination is None or in_hubei(destination):
        return False
    index = sentence_index(doc)
    lo, hi = index.bounds(sent_start)
    prev_lo = index.bounds(sent_start - 1)[0] if sent_start > 0 else lo
    if not returning(doc, prev_lo, hi):
        return False
    homes = {h for h in (origin, home_goal(doc, prev_lo, hi, in_hubei, province_of)) if h}
    return any(province_of(destination) == province_of(home) for home in homes)
