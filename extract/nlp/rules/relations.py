"""Span-relation helpers: which region, date or clause a count belongs to (rules over the sentence)."""
from __future__ import annotations

import bisect
import functools
import itertools
import operator

from spacy.tokens import Doc, Span

from extract.nlp.docindex import INDEX_KEY, UNKNOWN, RegionIndex, SentenceIndex, doc_index
from extract.nlp.extensions import get
from extract.nlp.triggers import word_set


def region_index(doc: Doc) -> RegionIndex:
    """The region mentions the region component set (iterating doc.spans makes new Span objects each time);
    listed again if the document's region spans changed since."""
    try:   # the index read inline (as in lower_words)
        regions = doc.user_data[INDEX_KEY].regions
    except KeyError:
        regions = doc_index(doc).regions
    if regions is None or len(regions.regions) != len(doc.spans.data.get("region", ())):
        regions = set_region_index(doc, spans_of(doc, "region"))
    return regions


POSSESSIVE_MARKS = frozenset({"'s", "’s"})


def possessive_owner(doc: Doc, mark: int) -> Span | None:
    """The region whose possessive mark is token `mark` (`Wuhan's`, `Huanggang’s`), else None."""
    if mark < 1 or mark >= len(doc) or lower_words(doc)[mark] not in POSSESSIVE_MARKS:
        return None
    return region_index(doc).by_end.get(mark)


def set_region_index(doc: Doc, spans) -> RegionIndex:
    regions = doc_index(doc).regions = RegionIndex(spans)
    return regions


def set_spans(doc: Doc, key: str, spans: list[Span]) -> None:
    """doc.spans[key] = spans, keeping the list itself for spans_of."""
    doc.spans[key] = spans
    doc_index(doc).spans[key] = list(spans)


def spans_of(doc: Doc, key: str) -> list[Span]:
    """The spans of doc.spans[key] as a list made once (iterating a SpanGroup makes new Span objects each
    time, and the rules look at the dates and numbers of a document again for every count)."""
    group = doc.spans.data.get(key)   # doc.spans is a UserDict: .data skips two Python-level calls
    if group is None:
        return []
    try:   # the index read inline (as in lower_words)
        made = doc.user_data[INDEX_KEY].spans
    except KeyError:
        made = doc_index(doc).spans
    spans = made.get(key)
    if spans is None or len(spans) != len(group):
        spans = made[key] = list(group)
    return spans


def sentence_index(doc: Doc) -> SentenceIndex:
    try:   # the index read inline (as in lower_words)
        return doc.user_data[INDEX_KEY].sentences
    except KeyError:
        return doc_index(doc).sentences


def set_sentences(doc: Doc, starts: list[int]) -> None:
    """The sentence starts the sentence component has just set, indexed without reading them back."""
    doc_index(doc).set_sentences(starts)


def sentence_of(doc: Doc, i: int) -> Span:
    """The sentence holding token i, made once per document and sentence (a Span made directly: doc[a:b]
    normalises the slice in Python first, and making a Span reads two Tokens)."""
    index = doc_index(doc)
    bounds = index.sentences.bounds(i)
    sentence = index.sentence_spans.get(bounds)
    if sentence is None:
        sentence = index.sentence_spans[bounds] = Span(doc, *bounds)
    return sentence


def lower_words(doc: Doc) -> list[str]:
    """Every token's lower-case text, listed once (doc[i] makes a new Token object on each access)."""
    try:   # the index read inline, without calling doc_index: the rules ask hundreds of times per document
        return doc.user_data[INDEX_KEY].lower
    except KeyError:
        return doc_index(doc).lower


@functools.lru_cache(maxsize=64)
def phrases_by_first(table: tuple[tuple[str, ...], ...]) -> tuple[tuple[str, tuple[tuple[str, ...], ...]], ...]:
    """A phrase table's phrases grouped by their first word, each group in the table's order."""
    groups: dict[str, list[tuple[str, ...]]] = {}
    for phrase in table:
        groups.setdefault(phrase[0], []).append(phrase)
    return tuple((first, tuple(phrases)) for first, phrases in groups.items())


@functools.lru_cache(maxsize=64)
def phrase_firsts(table: tuple[tuple[str, ...], ...]) -> frozenset[str] | None:
    """The words a phrase of the table starts with (a position whose word is none of them starts no phrase: one
    set test rules it out); None when the table holds an empty phrase, which starts anywhere."""
    if any(not phrase for phrase in table):
        return None
    return frozenset(phrase[0] for phrase in table)


def phrase_in(doc: Doc, table: tuple[tuple[str, ...], ...], start: int, end: int) -> tuple[int, tuple[str, ...]] | None:
    """The first phrase of `table` (tuples of lower-case words) that stands wholly inside tokens [start, end):
    (its position, the phrase), the earliest position first and at one position the table's first phrase; None
    when there is none. Only the positions of the table's first words are visited (docindex `hits`, bisected),
    so a rule asking about its clause does not walk it token by token."""
    try:   # the index read inline (as in lower_words)
        index = doc.user_data[INDEX_KEY]
    except KeyError:
        index = doc_index(doc)
    groups, firsts = phrase_groups(table)
    at, words = index.hits(firsts), index.lower
    for k in range(bisect.bisect_left(at, start), len(at)):
        j = at[k]
        if j >= end:
            break
        for p in groups[words[j]]:   # (in the table's order)
            if j + len(p) <= end and tuple(words[j: j + len(p)]) == p:
                return j, p
    return None


@functools.lru_cache(maxsize=64)
def phrase_groups(table: tuple[tuple[str, ...], ...]) -> tuple[dict[str, tuple[tuple[str, ...], ...]], frozenset[str]]:
    """A phrase table's phrases by first word (each group in the table's order), and the set of first words."""
    groups = dict(phrases_by_first(table))
    return groups, frozenset(groups)


def token_offsets(doc: Doc) -> tuple[list[int], list[int]]:
    """Every token's character offset and length, listed once."""
    return doc_index(doc).offsets


def token_texts(doc: Doc) -> list[str]:
    """Every token's text, listed once."""
    try:   # the index read inline (as in lower_words)
        return doc.user_data[INDEX_KEY].texts
    except KeyError:
        return doc_index(doc).texts


def rule_of(fact: Span) -> str:
    """The rule that made a fact, without its kind (`case_count:count_noun` -> `count_noun`)."""
    return fact.id_.split(":", 1)[-1]


def sentence_start(doc: Doc, i: int) -> int:
    """The first token of the sentence holding token i."""
    try:   # the index read inline (as in lower_words)
        return doc.user_data[INDEX_KEY].sentences.bounds(i)[0]
    except KeyError:
        return doc_index(doc).sentences.bounds(i)[0]


def text_of(doc: Doc) -> str:
    """doc.text, joined once (Doc.text joins every token's text on each access)."""
    return doc_index(doc).text


def token_starts(doc: Doc) -> list[int]:
    """Every token's character offset, listed once."""
    return doc_index(doc).starts


def token_indices(doc: Doc, chars) -> list[int]:
    """The distinct tokens holding each character offset, in order (for candidates found in doc.text)."""
    starts = token_starts(doc)
    found = {bisect.bisect_right(starts, offset) - 1 for offset in chars}
    found.discard(-1)   # an offset before the first token
    return sorted(found)


CLAUSE_BREAK_WORDS = {"and", "but", "while", "whereas", "which", "who", "where"}
CLAUSE_BREAKS = {";", "—", "–", "--"}
CLAUSE_BREAK_SET = frozenset(CLAUSE_BREAKS)   # (a word set the document's index lists the positions of)
COMMA = frozenset({","})


def clause_bounds(doc: Doc, i: int) -> tuple[int, int]:
    """Token range of the clause around token i: the sentence cut at `;`, `:`, dashes and at a comma
    followed by a conjunction or relative pronoun (`, and was assigned`, `, which had sent`). Found once per
    token: the rules of a count ask for its clause again and again."""
    index = doc_index(doc)
    found = index.clauses.get(i)
    if found is None:
        found = index.clauses[i] = find_clause(doc, index, i)
    return found


def find_clause(doc: Doc, index, i: int) -> tuple[int, int]:
    sent_start, sent_end = index.sentences.bounds(i)
    breaks, commas = sentence_breaks(doc, sent_start, sent_end)
    k = bisect.bisect_left(breaks, i) - 1   # the last break before i
    start = breaks[k] + 1 if k >= 0 else sent_start
    relative = start > sent_start and index.lower[start] in ("which", "who")
    k = bisect.bisect_right(breaks, i)      # the first break after i
    end = breaks[k] if k < len(breaks) else sent_end
    if relative:   # a relative clause (`, which sent a team of 30 staff,`) ends at its comma
        k = bisect.bisect_right(commas, i)
        if k < len(commas) and commas[k] < end:
            end = commas[k]
    return start, end


def sentence_breaks(doc: Doc, sent_start: int, sent_end: int) -> tuple[list[int], list[int]]:
    """The tokens of a sentence where is_clause_break holds, and its commas, listed once per sentence:
    clause_bounds bisects them instead of walking the sentence token by token for every count."""
    cache = doc_index(doc).clause_breaks
    found = cache.get(sent_start)
    if found is None:
        index = doc_index(doc)
        words = index.lower
        commas = index.hits_in(COMMA, sent_start, sent_end)
        breaks = index.hits_in(CLAUSE_BREAK_SET, sent_start, sent_end)
        breaks += [j for j in commas if j + 1 < len(words) and words[j + 1] in CLAUSE_BREAK_WORDS]
        breaks.sort()
        found = cache[sent_start] = (breaks, commas)
    return found


def is_clause_break(words: list[str], j: int) -> bool:
    word = words[j]
    if word in CLAUSE_BREAKS:
        return True
    return word == "," and j + 1 < len(words) and words[j + 1] in CLAUSE_BREAK_WORDS


# how far back (tokens) a rule looks for an antecedent outside its sentence (`the province`, `of them`): far
# enough for any article's paragraph, and a bound, so that the work per count does not grow with the article
LOOKBACK = 1500


_span_start = operator.attrgetter("start")   # a span's first token, read in C (a bisection's key)
_span_end = operator.attrgetter("end")


def spans_in(spans, start: int, end: int) -> list[Span]:
    """The spans inside [start, end). `spans` is sorted by start (every span list of the pipeline is), so the
    search starts by bisection and stops at `end`: a rule asking about its clause does not scan the document
    (nor a short list: the spans before `start` and after `end` are never looked at)."""
    lo = bisect.bisect_left(spans, start, key=_span_start)
    hi = bisect.bisect_left(spans, end, lo=lo, key=_span_start)   # the spans starting in [start, end)
    if lo == hi:
        return []
    starting = spans[lo:hi]
    # those that end by `end`, filtered in C
    return list(itertools.compress(starting, map(end.__ge__, map(_span_end, starting))))


def governing_preposition(doc: Doc, span: Span, preps: frozenset[str], n: int = 5) -> int | None:
    """The preposition heading the phrase a region sits in (`in northwest China's Ningxia`,
    `to the city of Suizhou`, `with Jingmen and Enshi`, `to Hubei's Xiaogan`), looking back over
    determiners, adjectives, possessives, earlier members of a coordinated list of regions and regions that
    modify this one (`Hubei's`, `the Hubei localities of`). Its token index, or None."""
    region_ends = region_index(doc).by_end
    index = doc_index(doc)
    sent_start = index.sentences.bounds(span.start)[0]
    words, texts = index.lower, index.texts
    j, budget, current = span.start - 1, n, span
    while j >= sent_start and budget > 0:
        low = words[j]
        coordinated = low in ("and", "or") or (low == "," and continues_list(doc, current))
        if coordinated and j in region_ends:
            current = region_ends[j]
            j = current.start - 1
            continue
        if j + 1 in region_ends and region_ends[j + 1].start <= j:
            current = region_ends[j + 1]   # a region modifying the phrase: look past it
            j, budget = current.start - 1, budget - 1
            continue
        if low == "of" and j - 1 >= sent_start and words[j - 1] in OF_NOUNS:
            j, budget = j - 1, budget - 1
            continue   # `the city of Suizhou`, `the provincial capital of Wuhan`: the city itself
        if low in preps:
            return j
        if j - 2 >= sent_start and glued_hyphen(doc, j - 1):
            j, budget = j - 3, budget - 1
            continue   # a compound adjective: `to the hard-hit city of Shiyan`, `in worst-hit Wuhan`
        if index.is_punct[j] and texts[j] not in ("'s", "’s", "'", "’"):
            return None
        if index.like_num[j] or index.is_space[j]:
            return None
        if low not in TRANSPARENT:
            return None
        j, budget = j - 1, budget - 1
    return None


def glued_hyphen(doc: Doc, j: int) -> bool:
    """Token j is a hyphen inside a word (`hard-hit`, `the China-Japan Friendship Hospital`): no space on
    either side."""
    return token_texts(doc)[j] in ("-", "‐") and 0 < j < len(doc) - 1 and not doc[j - 1].whitespace_ and \
        not doc[j].whitespace_


def continues_list(doc: Doc, span: Span) -> bool:
    """A region after a comma is a list member only if the list goes on after it (`Qianjiang, Xiantao and
    Tianmen`); in `Outside Wuhan, Xiaogan had ...` the comma ends an opening phrase."""
    return span.end < len(doc) and lower_words(doc)[span.end] in (",", "and", "or")


TRANSPARENT = word_set("phrase_transparent_words")


OF_NOUNS = word_set("of_phrase_nouns")


LIST_SEPARATORS = frozenset({",", "and"})


def region_runs(doc: Doc, regions, glue=LIST_SEPARATORS, key=lambda span: None) -> list[list[Span]]:
    """Regions grouped into coordinated lists (`Qianjiang, Xiantao and Tianmen`): each next region joins
    the list when only `glue` words stand between them and it has the list's key (a role, say)."""
    words = lower_words(doc)
    runs: list[list[Span]] = []
    for span in regions:
        last = runs[-1][-1] if runs else None
        if last is not None and span.start > last.end and key(span) == key(last) and \
                all(w in glue for w in words[last.end: span.start]):
            runs[-1].append(span)
        else:
            runs.append([span])
    return runs


def region_list_from(doc: Doc, first: Span, regions) -> list[Span]:
    """A region and the ones listed after it (`Qianjiang, Xiantao and Tianmen`)."""
    return region_runs(doc, [r for r in regions if r.start >= first.start])[0]


def first_region_after_word(doc: Doc, words: set[str], start: int, end: int, regions, window: int = 7):
    """The first region within a few words after one of `words` (`from hospitals in northwest China's
    Ningxia`), with no punctuation but possessives between."""
    lows = lower_words(doc)
    for i in range(start, end):
        if lows[i] not in words:
            continue
        for span in regions:
            if i < span.start <= i + window and span.end <= end:
                if all(w in TRANSPARENT or w in SOURCE_PATH for w in lows[i + 1: span.start]):
                    return span
                break
    return None


# words that may stand between `from` and the region a team comes from (`from hospitals in Ningxia`)
SOURCE_PATH = word_set("source_path_words")


def nearest(spans: list[Span], position: int) -> Span | None:
    """The span closest to a token position (ties: the earlier one)."""
    if not spans:
        return None
    return min(spans, key=lambda s: (min(abs(s.start - position), abs(s.end - 1 - position)), s.start))


def last_before(spans, position: int, predicate=lambda s: True, floor: int = 0) -> Span | None:
    """The last span (sorted by start) that ends by `position` and satisfies `predicate`; spans starting before
    `floor` are not looked at, so a rule asking about its sentence stops at the sentence's start."""
    for k in range(bisect.bisect_left(spans, position, key=_span_start) - 1, -1, -1):
        span = spans[k]
        if span.start < floor:
            break
        if span.end <= position and predicate(span):
            return span
    return None


SAYING = word_set("saying_verbs")
PART_OF_MONTH = frozenset({"early", "late", "mid", "mid-", "the", "end", "of"})   # `in late December`
ATTRIBUTION_REACH = 9   # words from `according to` to the day its source spoke (`... Health Commission Saturday`)


def attachable_dates(doc: Doc, start: int, end: int) -> list[Span]:
    """Dates in a clause that can date a fact: not a header or dateline, not the day something was said
    (`local health authorities said Tuesday`). Whether a date can is its own property: the document's
    attachable dates are listed once (again whenever its date spans change) and a clause's are looked up."""
    dates = spans_of(doc, "date")
    index = doc_index(doc)
    found = index.attachable
    if found is None or found[0] is not dates:
        found = index.attachable = (dates, [span for span in dates if can_date(doc, span)])
    return spans_in(found[1], start, end)


def can_date(doc: Doc, span: Span) -> bool:
    if get(span, "dateline") or get(span, "value") is None:
        return False
    sent_start = sentence_start(doc, span.start)
    words = lower_words(doc)
    before = [w for w in words[max(sent_start, span.start - 4):span.start][::-1] if w not in PART_OF_MONTH]
    if before and (before[0] in SAYING or (len(before) > 1 and before[0] in ("on", "in") and before[1] in SAYING)):
        return False   # `said Tuesday`, `announced in late December` (nearest word first)
    if span.end < len(doc) and words[span.end] in SAYING:
        return False   # `the health authority Thursday said`
    return not attributed(words, doc_index(doc).is_punct, max(sent_start, span.start - ATTRIBUTION_REACH), span.start)


def attributed(words: list[str], is_punct: list[bool], lo: int, hi: int) -> bool:
    """`according to the National Health Commission Saturday`: the day a source gave the figures, not theirs."""
    for j in range(hi - 1, lo, -1):
        if is_punct[j]:
            return False
        if words[j] == "to" and words[j - 1] == "according":
            return True
    return False


def previous_sentence_start(doc: Doc, sent_start: int) -> int | None:
    """The first token of the sentence before the one starting at `sent_start` (None for the first)."""
    return sentence_start(doc, sent_start - 1) if sent_start > 0 else None


def dominant_helper(doc: Doc, gazetteer) -> str | None:
    """The article's one helper province (see article_helper), found once per document: staff and pairing
    rules ask for it per count and per sentence."""
    index = doc_index(doc)
    if index.dominant_helper is UNKNOWN:
        index.dominant_helper = article_helper(doc, gazetteer)
    return index.dominant_helper


def article_helper(doc: Doc, gazetteer) -> str | None:
    """The one province outside Hubei that an article is about: at least 3 mentions and more than half of
    all mentions of regions outside Hubei, a province's cities counting as the province."""
    counts: dict[str, int] = {}
    for span in region_index(doc).regions:
        province = gazetteer[get(span, "value")].province
        if province in (None, "Hubei"):
            continue
        counts[province] = counts.get(province, 0) + 1
    if not counts:
        return None
    best = max(sorted(counts), key=lambda p: counts[p])
    if counts[best] >= 3 and counts[best] * 2 > sum(counts.values()):
        return best
    return None
