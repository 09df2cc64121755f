"""aidfacts_regions: gazetteer mentions of Chinese administrative areas -> doc.spans["region"]."""
from __future__ import annotations

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from extract.nlp.extensions import get, put
from extract.nlp.gazetteer import default_gazetteer
from extract.nlp.rules.place_focus import focus_words
from extract.nlp.rules.places import settle_namesakes
from extract.nlp.rules.relations import lower_words, set_region_index, set_spans, token_texts
from extract.nlp.triggers import triggers

SPAN_KEY = "region"
INSTITUTION_LIST_REACH = 12
LEVEL_WORDS = frozenset({"province", "city", "municipality", "autonomous", "prefecture"})
# `Chaoyang District`, `Xinzhou District`: a district of a city (county level) that shares a prefecture's name
DISTRICT_WORDS = frozenset({"District", "Districts"})
LOWER_CASE_EVIDENCE = 2   # lower-case names followed by a level word before a text's lower case is trusted   # tokens back from a name to `hospitals, including`


@Language.factory("aidfacts_regions", assigns=["doc.spans"], default_config={})
def make_regions(nlp: Language, name: str) -> "RegionMatcher":
    return RegionMatcher(nlp)


class RegionMatcher:
    """Finds every surface form of the gazetteer (canonical, aliases, suffixed forms, Chinese) and sets
    doc.spans["region"] with span._.value = canonical name and span._.code = GB/T 2260 code.
    A lower-case match (`jilin`) is not a mention: region names are proper nouns; nor is a name inside an
    institution's name (`Beijing Tongren Hospital`, `Weifang Medical University`) or a person's given name
    (`Wang Yichun`), nor a district's name (`Chaoyang District` in Beijing is not Liaoning's Chaoyang)."""

    def __init__(self, nlp: Language):
        self.gazetteer = default_gazetteer()
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.institutions = frozenset(triggers()["institution_words"])
        self.descriptors = frozenset(triggers()["institution_descriptors"])
        # names that follow a region's in any case (`Xinjiang production and Construction Corps`, translated)
        self.institution_phrases = [tuple(p.split()) for p in triggers()["institution_phrases"]]
        self.surnames = frozenset(triggers()["chinese_surnames"])
        self.institution_plurals = frozenset(plural(w.lower()) for w in self.institutions)
        # an alias written in capitals (`TAR`, `HKSAR`) is an acronym: a mention only in capitals (`tar` is tar)
        self.acronyms = frozenset(form.lower() for region in self.gazetteer.regions
                                  for form in region.aliases if form.isascii() and form.isupper())
        for region in self.gazetteer.regions:
            forms = self.gazetteer.matching_forms(region)
            self.matcher.add(region.code, list(nlp.tokenizer.pipe(forms)))

    @staticmethod
    def writes_names_in_lower_case(doc: Doc, matches) -> bool:
        """A text (often machine-translated) that writes regions in lower case, as `hubei province` and
        `jiangxi province` show at least twice: its lower-case names are names."""
        words = lower_words(doc)
        texts = token_texts(doc)
        named = sum(1 for _, start, end in matches if texts[start].islower() and end < len(words) and
                    words[end] in LEVEL_WORDS)
        return named >= LOWER_CASE_EVIDENCE

    def given_name(self, doc: Doc, start: int, end: int) -> bool:
        """`Wang Yichun said`: a one-word city name after a surname is a person's given name."""
        return end - start == 1 and start > 0 and token_texts(doc)[start - 1] in self.surnames and \
            not (end < len(doc) and lower_words(doc)[end] in ("city", "province", "prefecture", "county"))

    def inside_institution_name(self, doc: Doc, end: int) -> bool:
        """The name is the last part of an institution's name: `Tongren Hospital`, `Weifang Medical
        University`, `Zhongshan Road` (capitalised, so a proper name and not `Wuhan hospitals`); or the first
        of two that share it (`Zhongshan and Huashan Hospital`); or a name in any case (`the Xinjiang production
        and construction corps` is no mention of Xinjiang)."""
        texts, j = token_texts(doc), end
        words = lower_words(doc)
        if any(tuple(words[end: end + len(phrase)]) == phrase for phrase in self.institution_phrases):
            return True
        if j + 1 < len(texts) and texts[j] in ("and", "&") and texts[j + 1][:1].isupper():
            j += 2   # `Zhongshan and Huashan Hospital`: the other name is not a region's
        while j < len(texts) and texts[j] in self.descriptors and j < end + 4:
            j += 1
        return j < len(texts) and texts[j] in self.institutions

    def listed_institution(self, doc: Doc, start: int) -> bool:
        """A name in a list of institutions: `local hospitals, including Huashan, Zhongshan and Ruijin`."""
        words = lower_words(doc)
        j = start - 1
        while j >= max(0, start - INSTITUTION_LIST_REACH):
            if words[j] in ("including", "like") or (words[j] == "as" and j and words[j - 1] == "such"):
                k = j - 1 if words[j] != "as" else j - 2
                k -= 1 if k >= 0 and words[k] == "," else 0
                return k >= 0 and words[k] in self.institution_plurals
            if not (words[j] in (",", "and") or token_texts(doc)[j][:1].isupper()):
                return False
            j -= 1
        return False

    def __call__(self, doc: Doc) -> Doc:
        found: dict[tuple[int, int], int] = {}   # (start, end) -> match id
        texts = token_texts(doc)
        matches = self.matcher(doc)
        lower_case_text = self.writes_names_in_lower_case(doc, matches)
        for match_id, start, end in matches:
            first = texts[start]
            if first.isalpha() and first.isascii() and first.islower() and not lower_case_text:
                continue   # Token.is_alpha, .is_lower: `the jilin river` is no mention
            if end - start == 1 and not first.isupper() and first.lower() in self.acronyms:
                continue   # `Tar` at a sentence's start, `tar` in a lower-case text: no acronym
            if self.inside_institution_name(doc, end) or self.given_name(doc, start, end) or \
                    self.listed_institution(doc, start) or (end < len(texts) and texts[end] in DISTRICT_WORDS):
                continue
            found[(start, end)] = match_id
        spans = []
        for start, end in longest_first(found):   # Spans only for the mentions kept
            span = Span(doc, start, end, label=SPAN_KEY, span_id="region_gazetteer")
            region = self.gazetteer.by_code[doc.vocab.strings[found[(start, end)]]]
            put(span, "value", region.canonical)
            put(span, "code", region.code)
            spans.append(span)
        settle_namesakes(doc, spans)   # `Fuzhou` in an article about Jiangxi is Jiangxi's Fuzhou
        spans = with_possessed_capitals(doc, spans, self.gazetteer)
        set_spans(doc, SPAN_KEY, spans)
        set_region_index(doc, spans)
        return doc


POSSESSIVES = frozenset({"'s", "’s"})
CAPITAL_WORDS = ("capital",)
CAPITAL_REACH = 3   # tokens after `capital` in which its own name would stand (`Hubei's capital, Wuhan`)


def with_possessed_capitals(doc: Doc, spans: list[Span], gazetteer) -> list[Span]:
    """The region spans and, for a province's capital told by its possessive only (`sent to Hubei's capital`,
    `Hubei's provincial capital`), a span of `capital` naming that city (data/focus.json provincial_capitals):
    the capital is the place meant, as `Hubei's Xiaogan` is Xiaogan. Not when its name follows (`Hubei's
    capital, Wuhan`)."""
    words, n = lower_words(doc), len(doc)
    capitals = focus_words()["provincial_capitals"]
    added = []
    for k, span in enumerate(spans):
        j = span.end
        if j + 1 >= n or words[j] not in POSSESSIVES or get(span, "value") not in capitals:
            continue
        j += 1 + (words[j + 1] == "provincial")
        if j >= n or words[j] not in CAPITAL_WORDS:
            continue
        following = spans[k + 1].start if k + 1 < len(spans) else n
        if following <= j + CAPITAL_REACH:
            continue
        capital = gazetteer[capitals[get(span, "value")]]
        named = Span(doc, j, j + 1, label=SPAN_KEY, span_id="region_possessed_capital")
        put(named, "value", capital.canonical)
        put(named, "code", capital.code)
        added.append(named)
    return sorted(spans + added, key=lambda s: s.start) if added else spans


def plural(noun: str) -> str:
    return noun[:-1] + "ies" if noun.endswith("y") else noun + "s"


def longest_first(ranges) -> list[tuple[int, int]]:
    """spacy.util.filter_spans on (start, end) pairs: where ranges overlap the longest (then the first) wins;
    the result in text order. Most gazetteer matches lose to a longer one, and a Span costs far more to make
    than a pair."""
    kept, seen = [], set()
    for start, end in sorted(ranges, key=lambda r: (r[1] - r[0], -r[0]), reverse=True):
        if start not in seen and end - 1 not in seen:
            kept.append((start, end))
            seen.update(range(start, end))
    return sorted(kept)
