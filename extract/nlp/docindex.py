"""DocIndex: everything the rules may read about one document besides its Doc, made once per document.

The rules ask the same questions about a document hundreds of times (a token's lower-case text, the sentence
holding it, the regions of a clause), and a spaCy object answers each by making new Python objects (doc[i] makes
a Token, a SpanGroup makes new Spans on each iteration, Token.sent scans the doc). So a document's answers are
listed once, here, in one object kept on the Doc (doc.user_data[INDEX_KEY]): the pipeline makes it with the Doc
(pipeline.make_doc, which knows the text), the components fill in what they find (the sentence starts, the
region mentions, each span group), and a rule that asks for something not made yet has it made then (a Doc made
some other way gets its index on first use). The last component drops it (release): its spans hold their doc,
and a Doc is serialised without it.

The lists are plain Python lists and dicts (a numpy array read element by element is slower than a list)."""
from __future__ import annotations

import bisect
import itertools
import operator
from collections import defaultdict, deque
from functools import cached_property

from spacy.attrs import IDX, IS_ALPHA, IS_PUNCT, IS_SPACE, LENGTH, LIKE_NUM, SENT_START
from spacy.tokens import Doc, Span

from extract.nlp.extensions import get

INDEX_KEY = "aidfacts_index"   # doc.user_data key of a document's DocIndex
# doc.user_data key of the text as given, when the Doc was made from it unwrapped (extract.nlp.wrapping): the
# rules read the Doc's text, the facts quote this one (the same length, so the offsets are the same)
SOURCE_KEY = "aidfacts_source"
UNKNOWN = object()             # a per-document answer a rule has not asked for yet (None is an answer)


class RegionIndex:
    """A document's region mentions, listed once and looked up by start, end or token."""

    def __init__(self, spans):
        self.regions = sorted(spans, key=lambda s: s.start)
        self.by_start = {s.start: s for s in self.regions}
        self.by_end = {s.end: s for s in self.regions}
        self.tokens = {i for s in self.regions for i in range(s.start, s.end)}
        self.value_at = {s.start: get(s, "value") for s in self.regions}   # canonical name by first token


class SentenceIndex:
    """Sentence bounds computed once from the sentence starts (Token.sent scans the doc on every call)."""

    def __init__(self, starts: list[int], offsets: tuple[list[int], list[int]]):
        token_starts, token_lengths = offsets
        n = len(token_starts)
        if n and (not starts or starts[0] != 0):
            starts = [0] + starts
        self.starts = starts if n else []
        self.ends = self.starts[1:] + [n] if self.starts else []
        self.start_set = frozenset(self.starts)   # (whether a token opens a sentence: one set test)
        self.start_chars = [token_starts[i] for i in self.starts]
        self.end_chars = [token_starts[i - 1] + token_lengths[i - 1] for i in self.ends]

    @classmethod
    def from_doc(cls, doc: Doc, offsets: tuple[list[int], list[int]]) -> "SentenceIndex":
        marks = doc.to_array([SENT_START]).reshape(-1).tolist() if len(doc) else []
        return cls([i for i, mark in enumerate(marks) if mark == 1], offsets)

    def bounds(self, i: int) -> tuple[int, int]:
        k = bisect.bisect_right(self.starts, i) - 1
        return self.starts[k], self.ends[k]

    def char_bounds(self, i: int) -> tuple[int, int]:
        """Character offsets of the sentence holding token i (its first token's start, last token's end)."""
        k = bisect.bisect_right(self.starts, i) - 1
        return self.start_chars[k], self.end_chars[k]


class DocIndex:
    """One document's index. The token lists and the sentence index are made on first use; the span lists
    are set by the components that make the spans (or read from doc.spans on first use); the rest are the
    answers of rule modules, each computed once by its module the first time a count asks."""

    def __init__(self, doc: Doc, text: str | None = None):
        self.doc = doc
        if text is not None:
            self.text = text   # spaCy's tokenizer keeps every character: the text a Doc was made from is doc.text
        self.spans: dict[str, list[Span]] = {}           # span group -> its spans as one list (spans_of)
        self.regions: RegionIndex | None = None          # the region mentions (region_index)
        self.sentence_spans: dict[tuple[int, int], Span] = {}   # sentence bounds -> its Span (sentence_of)
        self.clause_breaks: dict[int, tuple[list[int], list[int]]] = {}   # sentence start -> breaks, commas
        self.clauses: dict[int, tuple[int, int]] = {}    # token -> its clause's bounds (clause_bounds)
        self.count_windows: dict[tuple[int, int], list] = {}   # a count's (start, end) -> its windows (staff_event)
        self.words_after: dict[tuple[int, int], tuple] = {}   # (token, window) -> words after it (case_relations)
        self.attachable: tuple | None = None             # (the date spans, those that can date a fact)
        # answers of rule modules, made once per document by the module that asks
        self.scopes = None                                # rules/scopes.py: (frames, lead-ins)
        self.section_places = None                        # rules/places.py: (first token, place) per section
        self.aided_region = UNKNOWN                       # rules/staff_relations.py: where staff went, by default
        self.dominant_helper = UNKNOWN                    # rules/relations.py: the article's one helper province
        self.word_hits: dict[frozenset[str], list[int]] = {}   # a word set -> its tokens' positions (hits)

    @cached_property
    def text(self) -> str:
        return self.doc.text   # Doc.text joins every token's text on each access: joined once

    @cached_property
    def offsets(self) -> tuple[list[int], list[int]]:
        """Every token's character offset and length."""
        doc = self.doc
        return tuple(doc.to_array([IDX, LENGTH]).T.tolist()) if len(doc) else ([], [])

    @cached_property
    def starts(self) -> list[int]:
        return self.offsets[0]

    @cached_property
    def texts(self) -> list[str]:
        """Every token's text (doc[i] makes a new Token object on each access)."""
        starts, lengths = self.offsets   # (sliced in C: no bytecode per token)
        return list(map(self.text.__getitem__, map(slice, starts, map(operator.add, starts, lengths))))

    @cached_property
    def lower(self) -> list[str]:
        """Every token's lower-case text (what Token.lower_ holds)."""
        return list(map(str.lower, self.texts))

    @cached_property
    def positions(self) -> dict[str, list[int]]:
        """Every lower-case word's token positions, in order: a rule asking whether a word stands in a range
        bisects its list instead of walking the range token by token."""
        found: defaultdict[str, list[int]] = defaultdict(list)   # (a word's first list made in C)
        # each token's position appended to its word's list, in token order, all in C (no bytecode per token)
        deque(map(list.append, map(found.__getitem__, self.lower), itertools.count()), maxlen=0)
        return dict(found)   # a plain dict: a word not in the document is no key

    @cached_property
    def line_breaks(self) -> list[int]:
        """The tokens holding a line break, in order."""
        texts = self.texts   # (filtered in C: no bytecode per token)
        return list(itertools.compress(range(len(texts)), map(operator.contains, texts, itertools.repeat("\n"))))

    # token flags as lists, read once in C (doc[j].like_num makes a Token object for one flag), all four in one
    # to_array the first time a rule asks for any of them
    @cached_property
    def like_num(self) -> list[bool]:
        return self.all_flags[0]

    @cached_property
    def is_punct(self) -> list[bool]:
        return self.all_flags[1]

    @cached_property
    def is_space(self) -> list[bool]:
        return self.all_flags[2]

    @cached_property
    def is_alpha(self) -> list[bool]:
        return self.all_flags[3]

    @cached_property
    def all_flags(self) -> list[list[bool]]:
        doc = self.doc
        if not len(doc):
            return [[], [], [], []]
        return (doc.to_array([LIKE_NUM, IS_PUNCT, IS_SPACE, IS_ALPHA]) == 1).T.tolist()   # Python bools, made in C

    def hits(self, words: frozenset[str]) -> list[int]:
        """The positions, in order, of the tokens whose lower-case text is one of `words` (a trigger list),
        made once per document and set from `positions` (no walk over the tokens): a rule asks whether its
        sentence or clause holds a trigger by bisecting this list (any_hit) instead of testing every word."""
        found = self.word_hits.get(words)
        if found is None:
            positions = self.positions
            found = self.word_hits[words] = sorted(itertools.chain.from_iterable(
                map(positions.__getitem__, positions.keys() & words)))
        return found

    def hits_in(self, words: frozenset[str], start: int, end: int) -> list[int]:
        """The positions in [start, end) of the tokens whose lower-case text is one of `words`, in order."""
        found = self.hits(words)
        return found[bisect.bisect_left(found, start): bisect.bisect_left(found, end)]

    def first_hit(self, words: frozenset[str], start: int, end: int) -> int | None:
        """The first position in [start, end) of a token whose lower-case text is one of `words`, or None."""
        found = self.hits(words)
        k = bisect.bisect_left(found, start)
        return found[k] if k < len(found) and found[k] < end else None

    def any_hit(self, words: frozenset[str], start: int, end: int) -> bool:
        """Whether a token of [start, end) is one of `words` (lower-case)."""
        found = self.hits(words)
        k = bisect.bisect_left(found, start)
        return k < len(found) and found[k] < end

    @cached_property
    def sentences(self) -> SentenceIndex:
        """The sentence index, read from the Doc's sentence starts unless the sentence component set it."""
        return SentenceIndex.from_doc(self.doc, self.offsets)

    def set_sentences(self, starts: list[int]) -> None:
        self.sentences = SentenceIndex(starts, self.offsets)
        self.clauses = {}   # a clause ends where its sentence does
        self.count_windows, self.words_after = {}, {}


def doc_index(doc: Doc) -> DocIndex:
    """The document's index, made now if it has none yet. (The rules ask hundreds of times per document: a
    try costs nothing when the index is there, a dict.get method call does.)"""
    try:
        return doc.user_data[INDEX_KEY]
    except KeyError:
        index = doc.user_data[INDEX_KEY] = DocIndex(doc)
        return index


def new_index(doc: Doc, text: str) -> DocIndex:
    """A fresh index for a Doc just made from `text` (pipeline.make_doc)."""
    index = doc.user_data[INDEX_KEY] = DocIndex(doc, text)
    return index


def source_text(doc: Doc) -> str:
    """The text the document was given as: what facts quote (`text == document[start:end]`)."""
    return doc.user_data.get(SOURCE_KEY) or doc_index(doc).text


def release(doc: Doc) -> None:
    """Drop the document's index: its spans hold their doc (a reference cycle the Doc would otherwise wait in
    for the garbage collector), and user_data is serialised with the Doc. The last component and doc_to_facts
    call this; a rule that asks again afterwards gets a new index."""
    doc.user_data.pop(INDEX_KEY, None)
