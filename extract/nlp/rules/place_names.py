"""Places the gazetteer does not know, named with the region they lie in (`Haibowan District, Wuhai City`,
`Dalate County of Ordos`, `Yiwu, Jinhua City`): a count in such a place is that region's."""
from __future__ import annotations

from spacy.tokens import Doc, Span

from extract.nlp.rules.relations import lower_words, region_index, token_texts

MAX_NAME_WORDS = 4   # words of an unknown place's name (`Haibowan District`, `Dalate Banner`)
NAME_TO_REGION = frozenset({",", "of"})   # what joins an unknown place's name to the region it lies in


def name_within_a_region(doc: Doc, j: int) -> bool:
    """The unknown place's name (capitalised words from token j) is followed by the region it lies in."""
    texts, regions = token_texts(doc), region_index(doc)
    k = j
    while k < len(doc) and k < j + MAX_NAME_WORDS and texts[k][:1].isupper():
        k += 1
    return k + 1 < len(doc) and texts[k] in NAME_TO_REGION and k + 1 in regions.by_start


def region_of_unknown_place(doc: Doc, region: Span, preps: frozenset[str]) -> bool:
    """`in Haibowan District, Wuhai City`, `in Dalate County of Ordos`: the region names where an unknown place
    lies, and that place is governed by one of `preps`: the region is governed by it too."""
    texts, words = token_texts(doc), lower_words(doc)
    k = region.start - 1
    if k < 2 or texts[k] not in NAME_TO_REGION:
        return False
    j = k - 1
    while j > 0 and k - j <= MAX_NAME_WORDS and texts[j][:1].isupper() and j not in region_index(doc).tokens:
        j -= 1
    return j < k - 1 and words[j] in preps
