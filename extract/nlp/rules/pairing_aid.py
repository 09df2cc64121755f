"""A pairing told by a noun of help rather than a verb (components/pairings.py asks this):
- `Xiaogan received help from Chongqing and Heilongjiang`: the receiver, and the helpers after `from`;
- `Jiangsu will provide assistance to Huangshi`: the giver before a verb of giving, the recipients after `to`;
- `the assistance from Jiangsu to Huangshi`: both after the noun.
A city outside Hubei helps as its province.
Wuhan is no recipient here (the whole country helped it, outside the scheme). Rule name: pairing_aid_noun."""
from __future__ import annotations

from spacy.tokens import Doc, Span

from extract.nlp.rules.relations import clause_bounds, governing_preposition, lower_words, region_runs, spans_in
from extract.nlp.triggers import word_set

HELPER_GLUE = word_set("helper_list_glue")   # what joins helpers of one list (`Chongqing municipality and ...`)
AID_NOUNS = word_set("pairing_aid_nouns")
GIVE_VERBS = word_set("pairing_give_verbs")
RULE = "pairing_aid_noun"
GIVER_REACH = 4   # words from the verb of giving to the noun (`will provide medical assistance to`)
SKIPPED = frozenset({"medical", "more", "further", "the", "its", "their", "much", "needed", "much-needed"})


def aid_noun_pairs(pairing, doc: Doc, sent: Span, regions: list[Span], words: list[str]):
    """(helper, recipient, rule) of every noun of help in the sentence; `pairing` is the PairingExtractor."""
    if AID_NOUNS.isdisjoint(words):
        return
    low = lower_words(doc)
    for k in [sent.start + k for k, w in enumerate(words) if w in AID_NOUNS]:
        lo, hi = clause_bounds(doc, k)
        j = k + 1
        helpers: list[Span] = []
        if j < hi and low[j] == "from":
            helpers = [h for h in pairing.list_after(doc, j + 1, hi, regions) if pairing.helper_name(h)]
            j = max([h.end for h in helpers], default=j + 1)
        recipients: list[Span] = []
        if j < hi and low[j] in ("to", "for"):
            recipients = [r for r in pairing.list_after(doc, j + 1, hi, regions)
                          if pairing.is_recipient(r, allow_hub=False)]
        before = [r for r in spans_in(regions, lo, k) if governing_preposition(doc, r, pairing.blocking) is None]
        runs = region_runs(doc, before, HELPER_GLUE) if before else []
        if not helpers and recipients and verb_before(low, lo, k, GIVE_VERBS):
            helpers = [h for h in (runs[-1] if runs else []) if pairing.helper_name(h)]   # the giver
        if helpers and not recipients and verb_before(low, lo, k, pairing.receive):
            recipients = [r for r in (runs[-1] if runs else []) if pairing.is_recipient(r, allow_hub=False)]
        for h in helpers:   # a city outside Hubei helps as its province (`help from Nanjing`: Jiangsu)
            for r in recipients:
                yield h, r, RULE, pairing.helper_name(h)


def verb_before(low: list[str], lo: int, k: int, verbs: frozenset[str]) -> bool:
    """One of `verbs` just before the noun at k, over a few modifiers: a giving `will provide (medical)
    assistance`, a receiving `Xiaogan received (medical) help from`."""
    j = k - 1
    while j >= lo and k - j <= GIVER_REACH and low[j] in SKIPPED:
        j -= 1
    return j >= lo and low[j] in verbs
