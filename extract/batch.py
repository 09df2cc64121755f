"""Extract many articles: the spaCy pipeline over a stream of articles, in order, in one process or a pool."""
from __future__ import annotations

import itertools
import multiprocessing
from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator

from spacy.language import Language

from .corpus import Article, ArticleError
from .evidence import Conflict, evidence_pass
from .pipeline import make_doc, shared_nlp
from .records import FACTS_KEY, Fact, doc_to_facts, fact_from_values

CHUNK = 2048   # articles read ahead: enough to keep every worker busy, few enough to keep memory flat


@dataclass
class CorpusResult:
    facts: list[Fact] = field(default_factory=list)
    articles: list[Article] = field(default_factory=list)
    errors: list[ArticleError] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)


def _facts_of(job: tuple[str, str, str | None]) -> list[tuple]:
    """In a worker: the facts of one article as tuples of field values (the cheapest thing to pickle)."""
    text, doc_id, published = job
    nlp = shared_nlp()
    return nlp(make_doc(nlp, text, doc_id, published)).user_data[FACTS_KEY]


class Extractor:
    """Runs the pipeline over lists of articles, in this process or in a pool of worker processes that lives
    as long as the Extractor (`with Extractor(2) as ex: ...`). Workers send back only fact tuples: a Doc is
    far bigger to pickle than its facts."""

    def __init__(self, n_process: int = 1, nlp: Language | None = None, batch_size: int = 32):
        self.n_process = n_process
        self.nlp = nlp
        self.batch_size = batch_size
        self.pool = None

    def __enter__(self) -> "Extractor":
        if self.n_process > 1:
            shared_nlp()   # built once here, inherited by forked workers
            methods = multiprocessing.get_all_start_methods()
            context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
            self.pool = context.Pool(self.n_process, initializer=shared_nlp)
        return self

    def __exit__(self, *exc) -> None:
        if self.pool is not None:
            self.pool.terminate() if exc[0] else self.pool.close()
            self.pool.join()
            self.pool = None

    def facts(self, articles: list[Article]) -> Iterator[list[Fact]]:
        """The facts of each article, in order."""
        if self.pool is not None:
            jobs = [(a.text, a.doc_id, a.published) for a in articles]
            chunksize = max(1, min(self.batch_size, len(jobs) // (4 * self.n_process)))
            for rows in self.pool.imap(_facts_of, jobs, chunksize=chunksize):
                yield [fact_from_values(row) for row in rows]
            return
        nlp = self.nlp or shared_nlp()
        pairs = ((make_doc(nlp, a.text, a.doc_id, a.published), a) for a in articles)
        for doc, article in nlp.pipe(pairs, as_tuples=True, batch_size=self.batch_size):
            yield doc_to_facts(doc, article.doc_id)


def chunks(items: Iterable, size: int) -> Iterator[list]:
    iterator = iter(items)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk


def extract_stream(articles: Iterable[Article], nlp: Language | None = None, n_process: int = 1,
                   batch_size: int = 32) -> Iterator[tuple[Article, list[Fact]]]:
    """(article, facts) for each article, in input order; Docs are dropped as soon as their facts are made
    and at most CHUNK articles are read ahead, so memory does not grow with the corpus."""
    with Extractor(n_process, nlp, batch_size) as extractor:
        for chunk in chunks(articles, CHUNK):
            yield from zip(chunk, extractor.facts(chunk))


def extract_items(items: Iterable[Article | ArticleError], nlp: Language | None = None, n_process: int = 1,
                  cached: Callable[[Article], list[Fact] | None] | None = None
                  ) -> Iterator[tuple[Article | ArticleError, list[Fact] | None, bool]]:
    """(item, facts, from_cache) for each item in input order: an unreadable article comes back as its
    ArticleError with facts None; `cached(article)` may return known facts to skip the pipeline."""
    with Extractor(n_process, nlp) as extractor:
        for chunk in chunks(items, CHUNK):
            known = [None if isinstance(item, ArticleError) or cached is None else cached(item) for item in chunk]
            todo = [item for item, facts in zip(chunk, known)
                    if facts is None and not isinstance(item, ArticleError)]
            fresh = extractor.facts(todo)
            for item, facts in zip(chunk, known):
                if isinstance(item, ArticleError):
                    yield item, None, False
                elif facts is not None:
                    yield item, facts, True
                else:
                    yield item, next(fresh), False


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
