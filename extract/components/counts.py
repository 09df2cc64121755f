"""aidfacts_counts: numbers that count cases, staff, teams or regions -> doc.spans["count"].

Each count is classified by the noun it counts (`2,345 new confirmed cases`, `a team of 138 medical
workers`, `in five batches`, `16 provinces`) or, where the noun is elsewhere, by a named pattern (a list
sharing one noun, a partitive `324 of those`, a parenthesis `Xiaogan (2,751)`, `the death toll reached`).
Its relations (region, status, period, origin, destination, date) are found by rules over its clause.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..gazetteer import default_gazetteer
from ..relations import (attachable_dates, clause_bounds, dominant_helper, first_region_after_word,
                         governing_preposition, last_before, lower_words, nearest, region_index, sentence_of,
                         spans_in)
from ..triggers import triggers, word_set

SPAN_KEY = "count"
KIND_BY_CLASS = {"case": "case_count", "personnel": "personnel_count", "team": "team_count",
                 "region_province": "region_count", "region_city": "region_count"}
UNIT_BY_CLASS = {"region_province": "province", "region_city": "city"}
MODIFIER_WINDOW = 6
INCLUDING = {"including", "includes", "include", "included"}


@dataclass
class Head:
    """What a number counts: the noun class, the rule that found it and where the counted phrase ends."""
    noun_class: str
    rule: str
    end: int
    modifiers: tuple[int, int] = (0, 0)   # token range between the number and its noun
    noun_end: int | None = None           # end of the counted noun (a list member's is its last member's)


@Language.factory("aidfacts_counts", assigns=["doc.spans"],
                  requires=["doc.spans"], default_config={})
def make_counts(nlp: Language, name: str) -> "CountExtractor":
    return CountExtractor()


class CountExtractor:
    """Sets doc.spans["count"], label = kind (case_count, personnel_count, team_count, region_count),
    span.id_ = rule, and span._ value, missing, qualifier, status, period, unit, region, origin,
    destination, date."""

    def __init__(self):
        t = triggers()
        self.noun_class = {word: cls for cls, words in t["nouns"].items() for word in words}
        self.singular_region = word_set("singular_region_nouns")
        self.stop = word_set("noun_modifier_stop")
        self.not_counted = word_set("not_counted")
        self.supply = word_set("supply_words")
        self.not_case_context = word_set("not_case_context")
        self.status_words = {status: word_set("statuses", status) for status in t["statuses"]}
        self.status_priority = tuple(t["status_priority"])
        self.new_words = word_set("period", "new")
        self.total_words = word_set("period", "total")
        self.total_verbs = tuple(v.split() for v in t["total_verbs"])
        self.send_verbs = word_set("send_verbs")
        self.dest_preps = word_set("destination_preps")
        self.dest_verbs = word_set("destination_verbs")
        self.origin_verbs = word_set("origin_verbs")
        self.blocking = word_set("subject_blocking_preps")
        self.partitive = word_set("partitive_pronouns")
        self.copulas = word_set("copulas")
        self.reach = word_set("reach_words")
        self.report_verbs = word_set("report_verbs")
        self.receive_verbs = word_set("receive_verbs")
        self.gazetteer = default_gazetteer()

    # ------------------------------------------------------------------ classification
    def __call__(self, doc: Doc) -> Doc:
        numbers = sorted(doc.spans.get("number", []), key=lambda s: s.start)
        in_region = region_index(doc).tokens
        facts: list[Span] = []
        heads: dict[int, Head] = {}
        for number in numbers:
            head = self.find_head(doc, number, in_region)
            if head is not None:
                heads[number.start] = head
        for number in numbers:
            head = heads.get(number.start) or self.borrowed_head(doc, number, numbers, heads, facts)
            if head is None:
                continue
            fact = self.make_fact(doc, number, head, facts)
            if fact is not None:
                facts.append(fact)
        doc.spans[SPAN_KEY] = facts
        return doc

    def classify_word(self, doc: Doc, j: int) -> str | None:
        return self.noun_class.get(lower_words(doc)[j])

    def find_head(self, doc: Doc, number: Span, in_region: set[int]) -> Head | None:
        """The counted noun after the number, over at most a few modifiers (`new confirmed`, `medical`,
        `Shandong`); None when a non-counted noun (tons, yuan, hospitals) or a break comes first."""
        j = number.end
        if j < len(doc) and doc[j].text == "-":
            j += 1
        first = j
        for _ in range(MODIFIER_WINDOW):
            if j >= len(doc):
                return None
            token = doc[j]
            low = token.lower_
            if j in in_region:
                while j in in_region:
                    j += 1
                continue
            cls = self.classify_word(doc, j)
            if cls is not None and j - 1 > number.end and doc[j - 1].text == "-":
                return None   # `3 test-cluster-worker`: part of a compound, not the counted noun
            if cls is not None:
                while j + 1 < len(doc) and self.classify_word(doc, j + 1) == "personnel":
                    j, cls = j + 1, "personnel"
                if low in self.singular_region:
                    return None
                return Head(cls, "count_noun", j + 1, (first, j), j + 1)
            if low in self.singular_region or low in self.not_counted:
                return None
            if low in self.stop or (token.is_punct and low != "-") or token.is_space or token.like_num:
                return None
            j += 1
        return None

    def borrowed_head(self, doc: Doc, number: Span, numbers: list[Span], heads: dict[int, Head],
                      facts: list[Span]) -> Head | None:
        """A noun stated elsewhere: a list sharing its last member's noun, a partitive (`324 of those`),
        a copula (`124 are medical workers`), a leading partitive (`Of the medical workers, 20,374`),
        a parenthesis after a region (`Xiaogan (2,751)`), or a reached total (`the death toll reached 2,850`)."""
        end = number.end
        nxt = doc[end] if end < len(doc) else None
        # a list: 202, 183, 176 and 114 new confirmed cases
        chain = self.list_chain(doc, number, numbers)
        if chain and chain[-1].start in heads and chain[-1] is not number:
            head = heads[chain[-1].start]
            return Head(head.noun_class, "count_list", number.end, head.modifiers, head.noun_end)
        if nxt is not None and nxt.lower_ == "of" and end + 1 < len(doc) and doc[end + 1].lower_ in self.partitive:
            antecedent = last_before(facts, number.start,
                                     lambda f: f.label_ in ("case_count", "personnel_count"))
            if antecedent is not None:
                return Head(antecedent._.noun_class, "count_partitive", end + 2)
        if nxt is not None and nxt.lower_ in self.copulas:
            j = end + 1
            while j < len(doc) and j < end + 6 and not doc[j].is_punct:
                cls = self.classify_word(doc, j)
                if cls in ("case", "personnel"):
                    return Head(cls, "count_copula", end)
                j += 1
        lead = self.leading_partitive(doc, number)
        if lead is not None:
            return Head(lead, "count_partitive_lead", end)
        rule = self.bare_after_region(doc, number) or self.apposition_to_cases(doc, number)
        if rule is not None:
            sent = sentence_of(doc, number.start)
            if any(f.label_ == "case_count" and f.start >= sent.start for f in facts) or \
                    any(self.classify_word(doc, j) == "case" for j in range(sent.start, number.start)):
                return Head("case", rule, end)
        return self.reached_total(doc, number, facts) or self.ellipsis(doc, number, facts)

    def ellipsis(self, doc: Doc, number: Span, facts: list[Span]) -> Head | None:
        """`Jingmen reported 23 new confirmed cases, while Ezhou reported 51`, `sent 2,800 medical workers to
        Hubei, including 1,200 to Huangshi`: the noun of the count before, in the same sentence."""
        before = doc[number.start - 1].lower_ if number.start else ""
        if before in INCLUDING:
            sent = sentence_of(doc, number.start)
            previous = last_before(facts, number.start, lambda f: f.start >= sent.start)
            if previous is not None and previous.label_ in ("case_count", "personnel_count"):
                return Head(previous._.noun_class, "count_including", number.end, (previous.start, previous.end),
                            previous.end)
            return None
        if before not in self.report_verbs:
            return None
        after = doc[number.end] if number.end < len(doc) else None
        if after is not None and not (after.is_punct or after.is_space):
            return None
        sent = sentence_of(doc, number.start)
        previous = last_before(facts, number.start, lambda f: f.start >= sent.start)
        if previous is None or previous.label_ != "case_count":
            return None
        return Head("case", "case_ellipsis", number.end, (previous.start, previous.end), previous.end)

    def list_chain(self, doc: Doc, number: Span, numbers: list[Span]) -> list[Span]:
        """The numbers of a list that this one starts or continues (`202, 183, 176 and 114`)."""
        by_start = {n.start: n for n in numbers}
        chain, current = [number], number
        while True:
            j = current.end
            if j < len(doc) and doc[j].text in (",", "and"):
                j += 1
                if j < len(doc) and doc[j].lower_ == "and":
                    j += 1
            if j == current.end or j not in by_start:
                break
            current = by_start[j]
            chain.append(current)
        return chain if len(chain) > 1 else []

    def leading_partitive(self, doc: Doc, number: Span) -> str | None:
        start, _ = clause_bounds(doc, number.start)
        sent_start = sentence_of(doc, number.start).start
        window = doc[sent_start: number.start]
        if len(window) < 3 or window[0].lower_ not in ("of", "among") or doc[number.start - 1].text != ",":
            return None
        for token in window:
            cls = self.classify_word(doc, token.i)
            if cls in ("personnel", "case"):
                return cls
        return None

    @staticmethod
    def bare_after_region(doc: Doc, number: Span) -> str | None:
        """`Xiaogan (2,751)`, `followed by Huanggang with 2,141.`: a number with no noun right after a region,
        in a sentence about cases."""
        if number.start < 2:
            return None
        before, after = doc[number.start - 1].lower_, doc[number.end].text if number.end < len(doc) else "."
        if number.start - 1 not in region_index(doc).by_end:
            return None
        if before == "(" and after == ")":
            return "case_parenthetical"
        if before == "with" and (after in (",", ".", ";", ")") or after == "and"):
            return "case_with_region"
        return None

    def apposition_to_cases(self, doc: Doc, number: Span) -> str | None:
        """`Xiaogan had the most cases, 2,436, followed by ...`: a number set off after a case noun."""
        if number.start < 2 or doc[number.start - 1].text != "," or number.end >= len(doc):
            return None
        if doc[number.end].text in (",", ".", ";") and self.classify_word(doc, number.start - 2) == "case":
            return "case_apposition"
        return None

    def reached_total(self, doc: Doc, number: Span, facts: list[Span]) -> Head | None:
        if number.start == 0 or doc[number.start - 1].lower_ not in self.reach:
            return None
        start, _ = clause_bounds(doc, number.start)
        words = lower_words(doc)
        if "total" in words[max(start, number.start - 5): number.start]:
            # `2,641 new confirmed cases on Friday, bringing the total to 54,406`: the count before
            sent = sentence_of(doc, number.start)
            previous = last_before(facts, number.start, lambda f: f.start >= sent.start)
            if previous is not None and previous.label_ in ("case_count", "personnel_count"):
                return Head(previous._.noun_class, "count_total_to", number.end, (previous.start, previous.end),
                            previous.end)
        for j in range(number.start - 1, max(start, number.start - 8) - 1, -1):
            if doc[j].lower_ == "toll":
                return Head("case", "case_toll", number.end)
            cls = self.classify_word(doc, j)
            if cls in ("case", "personnel"):
                return Head(cls, "count_reached", number.end)
        return None

    # ------------------------------------------------------------------ facts
    def make_fact(self, doc: Doc, number: Span, head: Head, facts: list[Span]) -> Span | None:
        cls = head.noun_class
        sent = sentence_of(doc, number.start)
        if cls == "people":
            cls = self.resolve_people(doc, number, head)
            if cls is None:
                return None
        if cls == "team" and self.counts_supplies(doc, head):
            return None
        if cls == "case" and not self.not_case_context.isdisjoint(lower_words(doc)[sent.start:sent.end]):
            return None
        kind = KIND_BY_CLASS[cls]
        end = head.end if head.rule in ("count_noun", "count_partitive") else number.end
        fact = Span(doc, number.start, end, label=kind, span_id=self.rule_name(kind, head.rule))
        fact._.value = number._.value
        fact._.missing = bool(number._.missing)
        fact._.qualifier = number._.qualifier
        fact._.noun_class = cls
        if kind == "region_count":
            fact._.unit = UNIT_BY_CLASS[cls]
            fact._.region = self.region_count_scope(doc, number, head)
        elif kind == "case_count":
            self.case_attributes(doc, number, head, fact, facts)
        elif kind == "personnel_count":
            self.personnel_attributes(doc, number, head, fact, facts)
        return fact

    @staticmethod
    def rule_name(kind: str, head_rule: str) -> str:
        return f"{kind}:{head_rule}"

    def resolve_people(self, doc: Doc, number: Span, head: Head) -> str | None:
        """`people` are cases when a status word follows (`83,380 people have been infected`), staff when
        the sentence sends or forms teams (`nine medical teams, including 1,385 people`)."""
        after = [t.lower_ for t in doc[head.end: min(len(doc), head.end + 5)]]
        before = [t.lower_ for t in doc[max(0, number.start - 2): number.start]]
        all_status = set().union(*self.status_words.values())
        if any(w in all_status for w in after + before):
            return "case"
        sent = sentence_of(doc, number.start)
        if any(t.lower_ in self.send_verbs or self.classify_word(doc, t.i) in ("team", "personnel")
               for t in sent if t.i != head.end - 1):
            return "personnel"
        return None

    def counts_supplies(self, doc: Doc, head: Head) -> bool:
        """`12 batches of medical equipment and supplies` counts goods, not medical teams."""
        j = head.end
        if j < len(doc) and doc[j].lower_ == "of":
            window = [t.lower_ for t in doc[j + 1: j + 5]]
            return any(w in self.supply for w in window)
        return False

    # ------------------------------------------------------------------ case counts
    def case_attributes(self, doc: Doc, number: Span, head: Head, fact: Span, facts: list[Span]) -> None:
        start, end = clause_bounds(doc, number.start)
        fact._.status = self.case_status(doc, number, head)
        fact._.period = self.case_period(doc, number, head, start, facts)
        fact._.region = self.case_region(doc, number, head, start, end, facts)
        fact._.date = self.fact_date(doc, number, start, end)

    @staticmethod
    def noun_phrase(head: Head, number: Span) -> tuple[int, int]:
        """Token range of the modifiers and noun that a number counts (shared by a list's members)."""
        if head.noun_end is not None:
            return head.modifiers[0], head.noun_end
        return number.end, head.end

    def case_status(self, doc: Doc, number: Span, head: Head) -> str:
        lo, hi = self.noun_phrase(head, number)
        words = [t.lower_ for t in doc[lo: hi]]
        j = hi
        while j < len(doc) and j < hi + 8:
            token = doc[j]
            if token.text in (",", ";", "(", ")") or token.like_num or token.is_space or token.is_sent_start:
                break
            if token.lower_ == "and" and j + 1 < len(doc) and doc[j + 1].like_num:
                break
            words.append(token.lower_)
            j += 1
        if number.start > 0:
            words.append(doc[number.start - 1].lower_)
        if head.rule == "case_toll":
            return "death"
        if head.rule == "count_reached":
            start, _ = clause_bounds(doc, number.start)
            words += lower_words(doc)[start: number.start]   # `the number of confirmed cases ... rose to`
        for status in self.status_priority:
            if any(w in self.status_words[status] for w in words):
                return status
        return "unspecified"

    def case_period(self, doc: Doc, number: Span, head: Head, clause_start: int,
                    facts: list[Span]) -> str | None:
        if head.rule == "count_total_to":
            return "total"
        lo, hi = self.noun_phrase(head, number)
        modifiers = {t.lower_ for t in doc[lo: hi]}
        if modifiers & self.new_words:
            return "new"
        previous = facts[-1] if facts else None
        if number.start > 0 and doc[number.start - 1].lower_ == "and" and previous is not None and \
                previous.label_ == "case_count" and previous._.period == "new" and previous.start >= clause_start:
            return "new"   # `2,641 new confirmed cases and 143 deaths`: the deaths are new too
        before = [t.lower_ for t in doc[clause_start: number.start]]
        text = " " + " ".join(before) + " "
        if head.rule == "case_toll" or any(f" {w} " in text for w in self.total_words):
            return "total"
        if before and before[-1] == "with" or " a total of " in text:
            return "total"
        if any(" " + " ".join(v) + " " in text for v in self.total_verbs):
            return "total"
        if " as of " in text or (" by " in text and attachable_dates(doc, clause_start, number.start)):
            return "total"
        _, end = clause_bounds(doc, number.start)
        after = " " + " ".join(t.lower_ for t in doc[head.end: end]) + " "
        if " by the end of " in after or (" by " in after and attachable_dates(doc, head.end, end)):
            return "total"
        if any(p in after for p in (" have been ", " has been ", " have recovered ", " has reached ",
                                    " have died ")):
            return "total"
        return None

    def case_region(self, doc: Doc, number: Span, head: Head, start: int, end: int,
                    facts: list[Span]) -> str | None:
        regions = region_index(doc).regions
        respective = self.respective_region(doc, number)
        if respective is not None:
            return respective
        if head.rule in ("case_parenthetical", "case_with_region") or \
                (number.start > 0 and doc[number.start - 1].text == "("):
            before = region_index(doc).by_end.get(number.start - 1)
            if before is not None:
                return before._.value
        if head.rule == "count_total_to":
            previous = last_before(facts, number.start, lambda f: f.label_ == "case_count")
            if previous is not None and previous._.region:
                return previous._.region
        if head.rule == "count_including":   # `1,693 new cases, including 1,600 in Wuhan`
            inside = [s for s in spans_in(region_index(doc).regions, number.end, end)
                      if governing_preposition(doc, s, frozenset({"in"})) is not None]
            if inside:
                return inside[0]._.value
        team_subject = self.team_subject(doc, start, number.start)
        candidates = [s for s in spans_in(regions, start, number.start) if not self.is_team_modifier(doc, s)]
        subjects = [s for s in candidates if governing_preposition(doc, s, self.blocking) is None]
        if subjects and not team_subject:
            return subjects[-1]._.value
        after = [s for s in spans_in(regions, head.end, end) if not self.is_team_modifier(doc, s)]
        located = [s for s in after if governing_preposition(doc, s, frozenset({"in"})) is not None]
        if located:
            return located[0]._.value
        counted_in = [s for s in candidates if self.counted_in(doc, s)]
        if counted_in and head.rule in ("count_reached", "case_toll"):
            return counted_in[-1]._.value   # `the number of confirmed cases in Wuhan rose to 32,994`
        if team_subject:
            went = [s for s in candidates if governing_preposition(doc, s, self.dest_preps) is not None]
            if went:
                return went[-1]._.value
            earlier = last_before(regions, sentence_of(doc, number.start).start,
                                  lambda s: self.gazetteer[s._.value].in_hubei)
            return earlier._.value if earlier is not None else None
        return self.framing_region(doc, number, start) or self.anaphoric_region(doc, start, end)

    def framing_region(self, doc: Doc, number: Span, start: int) -> str | None:
        """A region that frames the clause from outside it: the antecedent of a relative clause
        (`Xiaogan, which has 2,874 confirmed cases`) or a sentence opening `In Xiaogan, ...`."""
        words = lower_words(doc)
        sent_start = sentence_of(doc, number.start).start
        if start > sent_start and words[start] in ("which", "who") and start >= 2:
            antecedent = region_index(doc).by_end.get(start - 1)
            if antecedent is not None:
                return antecedent._.value
        if words[sent_start] == "in":
            opening = region_index(doc).by_start.get(sent_start + 1)
            if opening is not None and opening.end < len(doc) and words[opening.end] == ",":
                return opening._.value
        return None

    def counted_in(self, doc: Doc, region: Span) -> bool:
        """A region that says where counted things are: `cases in Wuhan`, `the death toll in Hubei`."""
        words = lower_words(doc)
        j = region.start - 1
        while j > 0 and words[j] in ("the", "city", "province", "central", "china", "'s", "’s"):
            j -= 1
        return j > 0 and words[j] == "in" and (self.noun_class.get(words[j - 1]) == "case" or
                                                words[j - 1] in ("toll", "tally", "number", "total"))

    def respective_region(self, doc: Doc, number: Span) -> str | None:
        """`the cities of Xiaogan, Suizhou ... reported 202, 183, 176 and 114 new cases, respectively`."""
        sent = sentence_of(doc, number.start)
        if not any(t.lower_ == "respectively" for t in sent):
            return None
        numbers = [n for n in doc.spans.get("number", []) if sent.start <= n.start < sent.end]
        chain_start = number
        by_end = {n.end: n for n in numbers}
        while True:
            j = chain_start.start - 1
            if j >= 0 and doc[j].lower_ == "and":
                j -= 1
            if j >= 0 and doc[j].text == ",":
                j -= 1
            if j + 1 not in by_end:
                break
            chain_start = by_end[j + 1]
        chain = self.list_chain(doc, chain_start, numbers)
        if number not in chain:
            return None
        region_list = self.region_list_before(doc, chain_start.start, sent.start)
        if len(region_list) != len(chain):
            return None
        return region_list[chain.index(number)]._.value

    @staticmethod
    def region_list_before(doc: Doc, position: int, sent_start: int) -> list[Span]:
        regions = [s for s in region_index(doc).regions if sent_start <= s.start and s.end <= position]
        best: list[Span] = []
        current: list[Span] = []
        for span in regions:
            if current and all(t.text in (",", "and") for t in doc[current[-1].end: span.start]) \
                    and span.start > current[-1].end:
                current.append(span)
            else:
                current = [span]
            if len(current) >= len(best):
                best = list(current)
        return best

    def team_subject(self, doc: Doc, start: int, position: int) -> bool:
        """A medical team is the subject (`The Shandong medical team treated 411 patients`)."""
        return any(self.classify_word(doc, j) in ("team", "personnel") for j in range(start, position))

    def is_team_modifier(self, doc: Doc, region: Span) -> bool:
        """`Shandong medical team`, `Hainan doctors`: the region says whose staff, not whose cases."""
        j = region.end
        for _ in range(3):
            if j >= len(doc):
                return False
            cls = self.classify_word(doc, j)
            if cls in ("personnel", "team"):
                return True
            if doc[j].lower_ not in ("provincial", "medical", "municipal", "aid", "health", "'s", "’s"):
                return False
            j += 1
        return False

    def anaphoric_region(self, doc: Doc, start: int, position: int) -> str | None:
        """`the province`, `the city` with no region named in the clause: the last such region before."""
        words = [t.lower_ for t in doc[start: position]]
        level = None
        for i, word in enumerate(words[:-1]):
            if word == "the" and words[i + 1] in ("province", "provincial"):
                level = "province"
            elif word == "the" and words[i + 1] == "city":
                level = "city"
        if level is None:
            return None
        wanted = (lambda s: self.gazetteer[s._.value].is_provincial) if level == "province" else \
            (lambda s: not self.gazetteer[s._.value].is_provincial)
        earlier = last_before(region_index(doc).regions, start, wanted)
        return earlier._.value if earlier is not None else None

    def fact_date(self, doc: Doc, number: Span, start: int, end: int) -> str | None:
        found = nearest(attachable_dates(doc, start, end), number.start)
        return found._.value if found is not None else None

    # ------------------------------------------------------------------ personnel counts
    def personnel_attributes(self, doc: Doc, number: Span, head: Head, fact: Span, facts: list[Span]) -> None:
        start, end = clause_bounds(doc, number.start)
        sent = sentence_of(doc, number.start)
        regions = region_index(doc).regions
        origin = self.origin(doc, number, head, start, end, regions)
        destination = self.destination(doc, number, head, start, end, regions, origin)
        if (origin is None or destination is None) and self.refers_back(doc, sent, number):
            staff = [f for f in facts if f.label_ == "personnel_count" and f.end <= number.start]
            origin = origin or next((f._.origin for f in reversed(staff) if f._.origin), None)
            destination = destination or next((f._.destination for f in reversed(staff) if f._.destination), None)
        if origin is None:
            origin = dominant_helper(doc, self.gazetteer)
        fact._.origin = origin
        fact._.destination = destination if destination != fact._.origin else None
        fact._.date = self.fact_date(doc, number, start, end)

    def origin(self, doc: Doc, number: Span, head: Head, start: int, end: int, regions) -> str | None:
        # a region modifying the staff noun: `610 Shandong medical workers`, `Hainan doctors (278 medics)`
        lo, hi = head.modifiers
        inside = spans_in(regions, lo, hi) if hi > lo else []
        if inside:
            return inside[0]._.value
        paren_lo = number.start - 1 if doc[number.start - 1].text == "(" else None
        if paren_lo is not None:
            close = [s for s in regions if paren_lo - 4 <= s.end <= paren_lo and self.is_team_modifier(doc, s)]
            if close:
                return close[-1]._.value
        # `from (hospitals in) REGION`, `team of REGION`, `left REGION`
        source = first_region_after_word(doc, {"from"}, head.end, end, regions)
        if source is not None:
            return source._.value
        for span in spans_in(regions, head.end, end):
            before = doc[span.start - 1].lower_ if span.start else ""
            team_of = before == "of" and span.start >= 2 and \
                self.classify_word(doc, span.start - 2) in ("team", "personnel")   # `medical team of Shanxi`
            if before in self.origin_verbs or team_of:
                return span._.value
        # a possessive: `Beijing's 100-member medical team`, `Gansu's second team of 80`
        words = lower_words(doc)
        k = number.start - 1
        if k >= 1 and words[k] in ("'s", "’s") and k in region_index(doc).by_end:
            return region_index(doc).by_end[k]._.value
        # the sender: `Jiangxi Province has sent 135`, `Shandong sent a total of 1,797`
        for span in reversed(spans_in(regions, start, number.start)):
            if governing_preposition(doc, span, self.blocking) is not None:
                if governing_preposition(doc, span, frozenset({"from"}), n=6) is not None:
                    return span._.value
                continue
            between = {t.lower_ for t in doc[span.end: number.start]}
            if between & self.send_verbs or self.is_team_modifier(doc, span) or \
                    (span.end < len(doc) and doc[span.end].text == "," and
                     span.end + 1 < len(doc) and doc[span.end + 1].lower_ in ("which", "who")):
                return span._.value
        # a relative clause: `Shandong and Hunan provinces, which had already sent 550`
        sent_start = sentence_of(doc, number.start).start
        if start > sent_start and doc[start].lower_ in ("which", "who"):
            antecedent = last_before(regions, start)
            if antecedent is not None and antecedent.start >= sent_start:
                return antecedent._.value
        return None

    def destination(self, doc: Doc, number: Span, head: Head, start: int, end: int, regions,
                    origin) -> str | None:
        if any(t.lower_ in self.receive_verbs for t in doc[start: number.start]):
            receivers = [s for s in spans_in(regions, sentence_of(doc, number.start).start, number.start)
                         if governing_preposition(doc, s, self.blocking) is None]
            if receivers:
                return receivers[0]._.value   # `Wuhan ... has already received more than 11,000 medical personnel`
        origin_parent = self.gazetteer[origin].parent if origin else None
        after = self.destination_in(doc, spans_in(regions, head.end, end), start, origin, origin_parent)
        if after is not None:
            return after
        # `sent its 10th medical team with 133 members to support Hubei, of which 124 are ...`
        return self.destination_in(doc, spans_in(regions, start, number.start), start, origin, origin_parent)

    def destination_in(self, doc: Doc, candidates: list[Span], start: int, origin, origin_parent):
        for span in candidates:
            if span._.value in (origin, origin_parent) or self.is_team_modifier(doc, span):
                continue   # the origin, or where it lies (`from Ordos city in Inner Mongolia`)
            if self.possessor(doc, span):
                continue   # `to Hubei's Xiaogan`: the city is the destination
            if governing_preposition(doc, span, frozenset({"from"}), n=6) is not None:
                continue
            if governing_preposition(doc, span, self.dest_preps, n=6) is not None:
                return span._.value
            before = [t.lower_ for t in doc[max(start, span.start - 5): span.start]]
            if any(w in self.dest_verbs for w in before):
                return span._.value
        return None

    def region_count_scope(self, doc: Doc, number: Span, head: Head) -> str | None:
        """The region a count of regions lies in: `16 cities and counties in Hubei` -> Hubei; the sender's own
        cities in `Jiangsu rallied a team from 13 cities` -> Jiangsu; None for a national count."""
        start, end = clause_bounds(doc, number.start)
        regions = region_index(doc).regions
        for span in spans_in(regions, head.end, min(end, head.end + 6)):
            if governing_preposition(doc, span, frozenset({"in", "of", "across"}), n=6) is not None:
                return span._.value
        if number.start > 0 and doc[number.start - 1].lower_ in ("from", "across"):
            subjects = [s for s in spans_in(regions, start, number.start)
                        if governing_preposition(doc, s, self.blocking) is None]
            if subjects:
                return subjects[0]._.value
        return None

    @staticmethod
    def possessor(doc: Doc, span: Span) -> bool:
        """A region followed by 's and another region (`Hubei's Xiaogan`)."""
        j = span.end
        if j + 1 >= len(doc) or doc[j].text not in ("'s", "’s"):
            return False
        return j + 1 in region_index(doc).by_start

    @staticmethod
    def refers_back(doc: Doc, sent: Span, number: Span) -> bool:
        """A sentence about `the medical team`, `they`, or a partitive of earlier staff."""
        words = [t.lower_ for t in sent[:6]]
        return bool({"the", "they", "among", "of", "these", "those"} & set(words[:2]))
