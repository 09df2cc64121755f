"""Extract many articles: the spaCy pipeline over a stream of articles, in order, in one process or a pool."""
from __future__ import annotations

import collections
import multiprocessing
from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator

from spacy.language import Language

from .corpus import Article, ArticleError
from .evidence import Conflict, evidence_pass
from .pipeline import make_doc, shared_nlp
from .records import FACTS_KEY, Fact, doc_to_facts, fact_from_values

@dataclass
class CorpusResult:
    facts: list[Fact] = field(default_factory=list)
    articles: list[Article] = field(default_factory=list)
    errors: list[ArticleError] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)


def _facts_of_batch(jobs: list[tuple[str, str, str | None]]) -> list[list[Fact]]:
    """In a worker: the facts of each article of a batch (Facts are NamedTuples, cheap to pickle back)."""
    nlp = shared_nlp()
    return [nlp(make_doc(nlp, text, doc_id, published)).user_data[FACTS_KEY] for text, doc_id, published in jobs]


class Pending:
    """An item whose facts are known (cached, or an error) or will come from a batch sent to the pool."""
    __slots__ = ("item", "facts", "from_cache", "batch", "at")

    def __init__(self, item, facts=None, from_cache=False, batch=None, at=0):
        self.item, self.facts, self.from_cache, self.batch, self.at = item, facts, from_cache, batch, at


def extract_items(items: Iterable[Article | ArticleError], nlp: Language | None = None, n_process: int = 1,
                  cached: Callable[[Article], list[Fact] | None] | None = None, batch_size: int = 32
                  ) -> Iterator[tuple[Article | ArticleError, list[Fact] | None, bool]]:
    """(item, facts, from_cache) for each item in input order: an unreadable article comes back as its
    ArticleError with facts None; `cached(article)` may return known facts to skip the pipeline. Docs are
    dropped as soon as their facts are made, so memory does not grow with the corpus."""
    if n_process <= 1:
        nlp = nlp or shared_nlp()
        for item in items:
            known = None if isinstance(item, ArticleError) or cached is None else cached(item)
            if isinstance(item, ArticleError) or known is not None:
                yield item, known, known is not None
            else:
                yield item, doc_to_facts(nlp(make_doc(nlp, item.text, item.doc_id, item.published)), item.doc_id), False
        return
    yield from parallel_items(items, n_process, cached, batch_size)


def parallel_items(items, n_process: int, cached, batch_size: int):
    """extract_items with a pool of worker processes: batches of articles go to the pool as they are read,
    at most `window` items are in flight (so memory stays flat), and results come back in input order."""
    shared_nlp()   # built once here, inherited by forked workers
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    window = n_process * batch_size * 8
    source = iter(items)
    pending: collections.deque[Pending] = collections.deque()
    exhausted = False
    with context.Pool(n_process, initializer=shared_nlp) as pool:

        def fill():
            nonlocal exhausted
            jobs, waiting = [], []
            while not exhausted and len(pending) < window and len(jobs) < batch_size:
                item = next(source, None)
                if item is None:
                    exhausted = True
                    break
                known = None if isinstance(item, ArticleError) or cached is None else cached(item)
                if isinstance(item, ArticleError) or known is not None:
                    pending.append(Pending(item, known, known is not None))
                    continue
                entry = Pending(item, at=len(jobs))
                jobs.append((item.text, item.doc_id, item.published))
                waiting.append(entry)
                pending.append(entry)
            if jobs:
                batch = pool.apply_async(_facts_of_batch, (jobs,))
                for entry in waiting:
                    entry.batch = batch

        while True:
            while not exhausted and len(pending) <= window - batch_size:
                fill()
            if not pending:
                break
            entry = pending.popleft()
            if entry.batch is not None:
                entry.facts = [fact_from_values(row) for row in entry.batch.get()[entry.at]]
            yield entry.item, entry.facts, entry.from_cache


def extract_stream(articles: Iterable[Article], nlp: Language | None = None, n_process: int = 1,
                   batch_size: int = 32) -> Iterator[tuple[Article, list[Fact]]]:
    """(article, facts) for each article, in input order, with memory that does not grow with the corpus."""
    for article, facts, _ in extract_items(articles, nlp, n_process, batch_size=batch_size):
        yield article, facts


def extract_corpus(items: Iterable[Article | ArticleError], nlp: Language | None = None, n_process: int = 1,
                   cached: Callable[[Article], list[Fact] | None] | None = None,
                   on_done: Callable[[Article, list[Fact], bool], None] | None = None) -> CorpusResult:
    """Facts of every readable article, held in memory, plus the evidence pass; unreadable ones are listed
    in `errors`. (`aidfacts build` streams instead: see dataset.build_dataset.)"""
    result = CorpusResult()
    for item, facts, from_cache in extract_items(items, nlp, n_process, cached):
        if isinstance(item, ArticleError):
            result.errors.append(item)
            continue
        result.articles.append(item)
        result.facts.extend(facts)
        if on_done:
            on_done(item, facts, from_cache)
    texts = {a.doc_id: a.text for a in result.articles}
    published = {a.doc_id: a.published for a in result.articles}
    result.facts, result.conflicts = evidence_pass(result.facts, texts, published)
    return result
