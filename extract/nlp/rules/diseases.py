"""Whose cases a case count counts: COVID-19's, or another disease's or event's (`5,327 SARS cases` in 2003,
`MERS has killed 858 people`, `the earthquake killed 300`). A count of another one makes no case count; the
accounting component then sets its number aside as `other_disease`.

The disease or event a count is of is the one named in its own phrase (the words between commas around it),
or, where the sentence names no COVID-19 at all, one named anywhere in the count's clause (`During the SARS
outbreak in 2003, Guangdong reported 1,512 cases`). So `Zhejiang reported 1,100 cases of the novel coronavirus,
while H7N9 infected 16 people` keeps the 1,100 and drops the 16, and `1,200 COVID-19 cases, more than the 5,327
SARS cases` keeps the 1,200, and so does `a toll of 1,200, surpassing the 774 deaths of SARS`: a disease named
past a comparison word (data/triggers.json `disease_comparisons`) is the compared count's.
"""
from __future__ import annotations

from spacy.tokens import Doc

from extract.nlp.docindex import doc_index
from extract.nlp.rules.relations import clause_bounds, lower_words, sentence_index
from extract.nlp.triggers import word_set

OTHER = word_set("other_disease_words") | word_set("not_case_context")
COVID = word_set("covid_words")
RELATIVES = frozenset({"which", "that", "who"})
COMPARISONS = word_set("disease_comparisons", "words")   # `3,100 deaths, surpassing the 774 of SARS`
PHRASE_ENDS = frozenset({",", ";", ":", "(", ")", "—", "–", "--", "，", "；"})


def is_covid(words: list[str], j: int) -> bool:
    """A COVID-19 name at word j; `SARS` counts as one where `-CoV-2` follows it (the virus's name)."""
    if words[j] in COVID:
        return True
    return words[j] == "sars" and j + 2 < len(words) and words[j + 1] == "-" and words[j + 2].startswith("cov-2")


def past_covid_gloss(words: list[str], j: int, first: int) -> int:
    """The word after a bracketed COVID-19 name opening at word j past the first modifier (`26 novel coronavirus
    (2019-nCoV) infection cases`, `(COVID-19)`), else j: the name glosses the words before it and counts nothing."""
    if j <= first or j >= len(words) or words[j] != "(":
        return j
    for close in range(j + 2, min(len(words), j + 6)):
        if words[close] == ")":
            return close + 1 if "".join(words[j + 1:close]) in COVID else j
    return j


def is_other(words: list[str], j: int) -> bool:
    return words[j] in OTHER and not is_covid(words, j)


def of_another_disease(doc: Doc, start: int, end: int) -> bool:
    """Whether the count of tokens start..end counts another disease's or event's cases, not COVID-19's."""
    words = lower_words(doc)
    sent_start, sent_end = sentence_index(doc).bounds(start)
    if not doc_index(doc).any_hit(OTHER, sent_start, sent_end):
        return False   # most sentences: no other disease or event named (the document's hits, bisected)
    sentence = range(sent_start, sent_end)
    lo, hi = compared_side(words, start, end, sent_start, sent_end, PHRASE_ENDS)
    phrase = range(lo, hi)
    if lo >= sent_start + 2 and words[lo] in RELATIVES and words[lo - 1] == "," and is_other(words, lo - 2):
        return True   # `SARS, which killed 774 people`: the relative clause says what the disease did
    if any(is_other(words, j) for j in phrase):
        return not any(is_covid(words, j) for j in phrase)
    if any(is_covid(words, j) for j in sentence):
        return False
    clause_lo, clause_hi = compared_side(words, start, end, *clause_bounds(doc, start))
    return any(is_other(words, j) for j in range(clause_lo, clause_hi))


def compared_side(words: list[str], start: int, end: int, lo: int, hi: int,
                  stops: frozenset[str] = frozenset()) -> tuple[int, int]:
    """The words around a count, from lo to hi, up to a stop word or a comparison (`surpassing`, `than`): a
    disease named past a comparison is the compared count's (`a toll of 3,100 is surpassing the 774 deaths of
    SARS`; `1,200 cases, more than SARS's 5,327`)."""
    a = start
    while a > lo and words[a - 1] not in stops and words[a - 1] not in COMPARISONS:
        a -= 1
    b = end
    while b < hi and words[b] not in stops and words[b] not in COMPARISONS:
        b += 1
    return a, b
