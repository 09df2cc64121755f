"""aidfacts_counts: numbers that count cases, staff, teams or regions -> doc.spans["count"].

Each count is classified by the noun it counts (`2,345 new confirmed cases`, `a team of 138 medical
workers`, `in five batches`, `16 provinces`) or, where the noun is elsewhere, by a named pattern (a list
sharing one noun, a partitive `324 of those`, a parenthesis `Xiaogan (2,751)`, `the death toll reached`).
Its relations (region, status, period, origin, destination, date) are found by rules over its clause.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from extract.nlp.rules.coordinated_counts import share_coordinated_place, share_respective_statuses
from extract.nlp.rules.count_anaphora import one_sized_team, places_named_before
from extract.nlp.rules.diseases import of_another_disease
from extract.nlp.rules.noun_compounds import modifies_next_noun
from extract.nlp.rules.each_place import shared_places
from extract.nlp.rules.case_relations import CaseRelations
from extract.nlp.rules.count_nouns import HeadFinder
from extract.nlp.rules.counting import KIND_BY_CLASS, UNIT_BY_CLASS, CountWords, Head
from extract.nlp.extensions import get, put
from extract.nlp.rules.relations import (clause_bounds, governing_preposition, lower_words, region_index,
                         set_spans, spans_in, spans_of)
from extract.nlp.rules.staff_heads import crew_count, staff_head, team_strength
from extract.nlp.rules.staff_relations import StaffRelations
from extract.nlp.rules.staff_roles import place_noun_after
from extract.nlp.rules.staff_scope import describe_staff

SPAN_KEY = "count"
SCOPE_PREPS = frozenset({"in", "of", "across"})   # `16 cities in Hubei`
# head rules whose staff noun is the number's own (`120 nurses`): what follows cannot make it a count of places
NOUN_HEADS = frozenset({"count_noun", "staff_coordinated", "count_partitive_noun"})
# head rules whose number a verb follows (`The remaining 4,562 were assigned to hospitals`): no noun after it is
# what it counts
VERB_HEADS = frozenset({"staff_remaining"})


@Language.factory("aidfacts_counts", assigns=["doc.spans"],
                  requires=["doc.spans"], default_config={})
def make_counts(nlp: Language, name: str) -> "CountExtractor":
    return CountExtractor()


class CountExtractor(CountWords):
    """Sets doc.spans["count"], label = kind (case_count, personnel_count, team_count, region_count),
    span.id_ = rule, and span._ value, missing, qualifier, status, period, unit, region, origin,
    destination, date."""

    def __init__(self):
        super().__init__()
        self.heads = HeadFinder()
        self.cases = CaseRelations()
        self.staff = StaffRelations()

    def __call__(self, doc: Doc) -> Doc:
        numbers = sorted(spans_of(doc, "number"), key=lambda s: s.start)
        in_region = region_index(doc).tokens
        facts: list[Span] = []
        heads: dict[int, Head] = {}
        for number in numbers:
            # `a 120-strong team` is a team's size, not 120 teams: read before the counted noun
            head = team_strength(doc, number, self.heads.noun_class) or \
                self.heads.find_head(doc, number, in_region) or \
                staff_head(doc, number, self.heads.noun_class, self.heads.send_verbs)
            if head is not None:
                heads[number.start] = head
        for number in numbers:
            head = heads.get(number.start) or self.heads.borrowed_head(doc, number, numbers, heads, facts)
            if head is None:
                continue
            fact = self.make_fact(doc, number, head, facts)
            if fact is not None:
                facts.append(fact)
        self.cases.share_list_status(doc, facts)
        self.cases.share_list_period(doc, facts)
        scopes = self.cases.scopes   # `3,099 cases and 82 deaths in Henan`: the place is each member's
        share_coordinated_place(doc, facts, lambda d, i: scopes.is_national(d, i) or scopes.is_elsewhere(d, i))
        share_respective_statuses(doc, facts)   # `taking their totals to 74,576 and 2,118 respectively`
        # after every count is made: a staff count's teams and parts may stand after it in its sentence
        describe_staff(doc, facts, self.heads.noun_class, self.gazetteer)
        set_spans(doc, SPAN_KEY, facts)
        return doc

    def make_fact(self, doc: Doc, number: Span, head: Head, facts: list[Span]) -> Span | None:
        cls = head.noun_class
        if cls == "people":
            toll = self.heads.reached_total(doc, number, facts)
            if toll is not None and toll.rule == "case_toll":
                cls, head = "case", toll   # `raising the death toll in the province to 414 people`: the toll's level
            else:
                cls = self.heads.resolve_people(doc, number, head)
            if cls is None:
                return None
        if cls == "persons":
            cls = self.heads.resolve_persons(doc, number, head)   # `1,200 children have been infected`
            if cls is None:
                return None
        if cls == "personnel" and crew_count(doc, head):
            return None   # `12 flight attendants`: a carrier's crew
        if cls == "personnel" and head.rule == "count_noun" and \
                any(self.heads.not_staff_noun(doc, j) for j in range(number.end, head.end)):
            return None   # `4,004 migrant workers`: workers, but no staff sent to help
        if cls == "personnel" and self.heads.staff_infected(doc, number, head):
            cls = "case"   # `1,716 medical workers had been infected`: the staff are the cases
        if cls == "team" and (self.heads.counts_supplies(doc, head) or one_sized_team(doc, number, head.end)):
            return None   # `One group of 12 doctors`: one team, told by its size
        if cls in UNIT_BY_CLASS and places_named_before(doc, number):
            return None   # `The two cities have a close bond`: the places just named
        if cls == "personnel" and head.rule not in NOUN_HEADS | VERB_HEADS and place_noun_after(doc, number.end - 1, len(doc)):
            return None   # `sent to 31 designated hospitals`: a number of places, not of staff
        if cls == "case" and head.rule == "count_noun" and \
                modifies_next_noun(doc, number, head.end - 1, get(number, "value")):
            return None   # `30 death certificates`, `12 recovery centres`: the noun after is what is counted
        if cls == "case" and of_another_disease(doc, number.start, head.end):
            return None   # `5,327 SARS cases`, `the earthquake killed 300`: not COVID-19's cases
        if cls == "case" and self.cases.scopes.shared_by_places(doc, number) and \
                not shared_places(doc, number, head.end, *clause_bounds(doc, number.start)):
            return None   # `five in each of Yichun and some county`: one number for several places, not all known
        if cls == "case" and self.heads.under_observation(doc, head):
            return None   # `3,099 people were released from medical observation`: close contacts, not patients
        kind = KIND_BY_CLASS[cls]
        end = head.end if head.rule in ("count_noun", "count_partitive", "count_status_list") else number.end
        fact = Span(doc, number.start, end, label=kind, span_id=self.rule_name(kind, head.rule))
        put(fact, "value", get(number, "value"))
        put(fact, "missing", bool(get(number, "missing")))
        put(fact, "qualifier", get(number, "qualifier"))
        put(fact, "noun_class", cls)
        if kind == "region_count":
            put(fact, "unit", UNIT_BY_CLASS[cls])
            put(fact, "region", self.region_count_scope(doc, number, head))
        elif kind == "case_count":
            self.cases.case_attributes(doc, number, head, fact, facts)
        elif kind == "personnel_count":
            self.staff.personnel_attributes(doc, number, head, fact, facts)
        return fact

    @staticmethod
    def rule_name(kind: str, head_rule: str) -> str:
        return f"{kind}:{head_rule}"

    def region_count_scope(self, doc: Doc, number: Span, head: Head) -> str | None:
        """The region a count of regions lies in: `16 cities and counties in Hubei` -> Hubei; the sender's own
        cities in `Jiangsu rallied a team from 13 cities` -> Jiangsu; None for a national count."""
        start, end = clause_bounds(doc, number.start)
        regions = region_index(doc).regions
        for span in spans_in(regions, head.end, min(end, head.end + 6)):
            if governing_preposition(doc, span, SCOPE_PREPS, n=6) is not None:
                return get(span, "value")
        if number.start > 0 and lower_words(doc)[number.start - 1] in ("from", "across"):
            subjects = [s for s in spans_in(regions, start, number.start)
                        if governing_preposition(doc, s, self.blocking) is None]
            if subjects:
                return get(subjects[0], "value")
        return None
