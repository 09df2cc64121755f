"""Where staff came from and went when the sentence names the place only by its kind or through another clause:
`The province also sent 200 doctors`, `..., and sent another 50 medical workers`, `Chongqing welcomed home 130
medics`, `arrived in the city`, `sent to the central hospital of Jingzhou`. Each reading returns None when unsure:
a wrong origin or destination is worse than none."""
from __future__ import annotations

from spacy.tokens import Doc, Span

from extract.nlp.extensions import get
from extract.nlp.rules.relations import LOOKBACK, governing_preposition, last_before, lower_words, region_index, spans_in
from extract.nlp.rules.places import scope_words
from extract.nlp.rules.staff_roles import staff_words


EXCLUSION_REACH = 3   # words from `outside`, `other than` to the region (`outside the city of Wuhan`)
EXCLUDING_PAIRS = frozenset({("other", "than"), ("apart", "from"), ("aside", "from"), ("except", "for")})
TOTAL_REACH = 10   # words from `total` to the number it is brought to (`its total of medics in Hubei to`)


class StaffPlaceReadings:
    """Mixed into StaffRelations: uses its gazetteer, word sets and hubei_or_in_it."""

    def place_subject_origin(self, doc: Doc, start: int, number_start: int, facts: list[Span]) -> str | None:
        """A clause whose subject is a place not named (`The province also sent 200 doctors`, `the city has
        dispatched 50 nurses`): the sender of the staff counted before it, of that kind of place (a province for
        `the province`, a city for `the city`)."""
        words = lower_words(doc)
        if number_start - start < 3 or words[start] != "the" or \
                words[start + 1] not in staff_words()["sender_place_nouns"] or \
                self.send_verbs.isdisjoint(words[start + 2: number_start]):
            return None
        provincial = words[start + 1] != "city"
        before = last_before(facts, start, lambda f: f.label_ == "personnel_count" and get(f, "origin") is not None,
                             floor=max(0, start - LOOKBACK))
        if before is None or self.gazetteer[get(before, "origin")].is_provincial != provincial:
            return None
        return get(before, "origin")

    def shared_subject_origin(self, doc: Doc, start: int, number_start: int, sent_start: int,
                              facts: list[Span]) -> str | None:
        """A clause whose verb shares the subject of the clause before (`Shanghai sent 136 medics to Wuhan on Jan.
        24, ..., and sent another 50 medical workers`): the origin of the staff that clause counted."""
        words = lower_words(doc)
        if start <= sent_start or words[start] not in ("and", "then") or \
                not any(w in self.send_verbs for w in words[start + 1: min(number_start, start + 3)]):
            return None
        before = last_before(facts, start, lambda f: f.label_ == "personnel_count", floor=sent_start)
        return get(before, "origin") if before is not None else None

    def home_welcomer(self, doc: Doc, start: int, number_start: int, regions) -> str | None:
        """`Chongqing welcomed home 130 medics`: the place that welcomes its staff home is where they are from."""
        words = lower_words(doc)
        for k in range(start, number_start - 1):
            if words[k] in self.receive_verbs and words[k + 1] in staff_words()["home_words"]:
                senders = [s for s in spans_in(regions, start, k) if governing_preposition(doc, s, self.blocking) is None]
                return get(senders[-1], "value") if senders else None
        return None

    def unnamed_place_destination(self, doc: Doc, start: int, end: int, facts: list[Span]) -> str | None:
        """Staff `in the city`, `to the city`, `arrived in the province` after a text about one place: the
        place in Hubei of that kind named last before (Hubei for `the province`), within the look-back."""
        words = lower_words(doc)
        for j in range(start, end - 2):
            if words[j] not in self.dest_preps or words[j + 1] != "the" or \
                    words[j + 2] not in staff_words()["sender_place_nouns"]:
                continue
            if j + 3 < len(words) and (words[j + 3] == "of" or j + 3 in region_index(doc).by_start):
                return None   # `to the city of Suizhou`: named there
            provincial = words[j + 2] != "city"
            for span in reversed(spans_in(region_index(doc).regions, max(0, j - LOOKBACK), j)):
                name = get(span, "value")
                if self.gazetteer[name].is_provincial == provincial:   # the last of its kind, if in Hubei
                    return name if self.hubei_or_in_it(name) else None
            return None
        return None

    def institution_of(self, doc: Doc, span: Span) -> int | None:
        """The preposition heading `to the central hospital of Jingzhou`: a region after `of` and an institution
        noun, the phrase headed by a preposition of going."""
        words = lower_words(doc)
        k = span.start - 1
        if k < 2 or words[k] != "of" or words[k - 1] not in staff_words()["institution_nouns"]:
            return None
        return governing_preposition(doc, Span(doc, k - 1, k), self.dest_preps, n=6)

    def total_scope(self, doc: Doc, start: int, number_start: int) -> str | None:
        """The place a running total is of: `bringing its total in Hubei to 2,800`, `the number of its medics
        in Wuhan to 1,200` (the place after `total` or `number`, in the words before the number)."""
        words = lower_words(doc)
        lo = max(start, number_start - TOTAL_REACH)
        for k in range(number_start - 1, lo - 1, -1):
            if words[k] in ("total", "number"):
                for span in spans_in(region_index(doc).regions, k + 1, number_start):
                    if governing_preposition(doc, span, frozenset({"in"}), n=4) is not None:
                        return get(span, "value")
                return None
        return None

    @staticmethod
    def excluded_place(doc: Doc, span: Span) -> bool:
        """A region the staff did not go to: `cities outside Wuhan`, `other than Wuhan`, `except Wuhan`."""
        words = lower_words(doc)
        before = words[max(0, span.start - EXCLUSION_REACH): span.start]
        excluding = scope_words()["excluding_words"]   # (the places' list: one list of words that leave a place out)
        return any(w in excluding for w in before) or any(
            (a, b) in EXCLUDING_PAIRS for a, b in zip(before, before[1:]))
