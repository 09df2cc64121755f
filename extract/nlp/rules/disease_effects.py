"""Counts told by what the disease did: `the virus has killed 132 and infected 6,000`, `has claimed 12 lives`,
`has taken the lives of more than 400 people`. The verb or the lives taken say what the number counts (deaths,
infections), where no noun after the number does."""
from __future__ import annotations

from spacy.tokens import Doc, Span

from extract.nlp.rules.counting import Head
from extract.nlp.rules.diseases import is_covid
from extract.nlp.rules.relations import lower_words, region_index, sentence_start, token_texts
from extract.nlp.triggers import word_set

LIFE_TAKING_VERBS = word_set("life_taking_verbs")
# verbs whose subject is the disease and whose object is the people it struck: data/triggers.json
DISEASE_VERBS = word_set("disease_effects", "verbs")
DISEASE_NOUNS = word_set("disease_effects", "subjects")   # `the virus`, `the outbreak`: what has those verbs
PERFECT_AUXILIARIES = frozenset({"has", "have", "had"})
BARE_ENDS = frozenset({",", ".", ";", "and", "or", ")", "\n", "so", "since", "in", "across", "worldwide",
                       "nationwide", "globally"})
LIFE_REACH = 3   # words from a life-taking verb to `lives`: `has already claimed the lives of`


def taken_lives(doc: Doc, number: Span, head: Head | None) -> Head | None:
    """`has taken the lives of more than 400 people`: the people whose lives were taken are deaths (a toll)."""
    if head is None or number.start < 3:
        return head
    words = lower_words(doc)
    if words[number.start - 2: number.start] != ["lives", "of"] or \
            LIFE_TAKING_VERBS.isdisjoint(words[max(0, number.start - 3 - LIFE_REACH): number.start - 2]):
        return head
    return Head("case", "case_toll", head.end, head.modifiers, head.noun_end)


class DiseaseEffects:
    """Head finders for counts a verb of the disease tells (mixed into the count rules' HeadFinder)."""

    @staticmethod
    def lives(doc: Doc, number: Span) -> Head | None:
        """`the virus has claimed 12 lives`: lives taken are deaths."""
        words = lower_words(doc)
        if number.end >= len(doc) or words[number.end] != "lives" or number.start == 0:
            return None
        before = set(words[max(0, number.start - 3): number.start])
        if before.isdisjoint(LIFE_TAKING_VERBS):
            return None
        return Head("case", "case_toll", number.end + 1)

    @staticmethod
    def disease_verb(doc: Doc, number: Span) -> Head | None:
        """`The virus has killed 132, infected at least 6,000 and spread to 15 countries`: a bare number after a
        verb of the disease, in a sentence whose subject names the disease before it."""
        words, texts = lower_words(doc), token_texts(doc)
        if number.start == 0 or words[number.start - 1] not in DISEASE_VERBS:
            return None
        if number.end < len(doc) and words[number.end] not in BARE_ENDS and not texts[number.end].isspace():
            return None   # a noun of its own after it (`killed 132 people` is read as people)
        if disease_subject(doc, number) is None:
            return None   # `the earthquake killed 300`, `the attack killed 12`
        return Head("case", "case_disease_verb", number.end)


def disease_subject(doc: Doc, number: Span) -> int | None:
    """The nearest word naming the disease before the verb of a count, in its sentence (`The virus ... has killed`)."""
    words, start = lower_words(doc), sentence_start(doc, number.start)
    return next((j for j in range(number.start - 2, start - 1, -1) if words[j] in DISEASE_NOUNS or is_covid(words, j)),
                None)


def disease_place(doc: Doc, number: Span, head: Head) -> str | None:
    """The place a disease's verb counts in: named after its subject (`the outbreak in Hubei has killed 100`) or
    right after the count (`killed 100 in Hubei`); None for its toll anywhere (`the virus that has killed 132`)."""
    words, regions = lower_words(doc), region_index(doc)
    subject = disease_subject(doc, number)
    subject = sentence_start(doc, number.start) if subject is None else subject
    after = range(head.end, min(len(doc), head.end + 2))
    named = [regions.value_at[j] for j in (*range(subject, number.start), *after)
             if j in regions.value_at and (j < number.start or words[j - 1] == "in")]
    return named[0] if named else None


def perfect_effect(doc: Doc, number: Span, head: Head) -> bool:
    """`has killed 132`, `have infected 6,000 people`, `has now killed 132 people, infected at least 6,000`: the
    perfect of a verb of the disease, its subject the disease, states a running total."""
    words = lower_words(doc)
    if number.start < 2 or words[number.start - 1] not in DISEASE_VERBS or head.noun_class not in ("case", "people"):
        return False
    subject = disease_subject(doc, number)
    return subject is not None and any(words[j] in PERFECT_AUXILIARIES for j in range(subject, number.start - 1))
