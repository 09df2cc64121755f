"""Extract many articles: the spaCy pipeline over a stream of articles, then the corpus evidence pass."""
from __future__ import annotations

import collections
import multiprocessing
import threading
from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator

from spacy.language import Language

from .corpus import Article, ArticleError
from .evidence import Conflict, conflicts, propose
from .pipeline import make_doc, shared_nlp
from .records import FACTS_KEY, Fact, doc_to_facts, fact_from_values


@dataclass
class CorpusResult:
    facts: list[Fact] = field(default_factory=list)
    articles: list[Article] = field(default_factory=list)
    errors: list[ArticleError] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)


def extract_stream(articles: Iterable[Article], nlp: Language | None = None, n_process: int = 1,
                   batch_size: int = 32) -> Iterator[tuple[Article, list[Fact]]]:
    """(article, facts) for each article, in input order; Docs are dropped as soon as their facts are made,
    so memory does not grow with the corpus. With n_process > 1, worker processes each run their own
    pipeline and send back only facts (a Doc is far bigger to pickle than its facts)."""
    if n_process > 1:
        yield from parallel_stream(articles, n_process, batch_size)
        return
    nlp = nlp or shared_nlp()
    pairs = ((make_doc(nlp, a.text, a.doc_id, a.published), a) for a in articles)
    for doc, article in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
        yield article, doc_to_facts(doc, article.doc_id)


def _facts_of(job: tuple[str, str, str | None]) -> list[tuple]:
    """In a worker: the facts of one article as tuples of field values (the cheapest thing to pickle)."""
    text, doc_id, published = job
    nlp = shared_nlp()
    return nlp(make_doc(nlp, text, doc_id, published)).user_data[FACTS_KEY]


def parallel_stream(articles: Iterable[Article], n_process: int, chunksize: int) -> Iterator[tuple[Article, list[Fact]]]:
    """The same stream from a pool of worker processes, in input order. At most `window` articles are in
    flight (a semaphore holds the reader back), so memory stays flat however large the corpus."""
    context = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn")
    window = n_process * chunksize * 8
    slots = threading.BoundedSemaphore(window)
    in_flight: collections.deque[Article] = collections.deque()

    def jobs():
        for article in articles:
            slots.acquire()
            in_flight.append(article)
            yield article.text, article.doc_id, article.published

    with context.Pool(n_process, initializer=shared_nlp) as pool:
        for rows in pool.imap(_facts_of, jobs(), chunksize=chunksize):
            article = in_flight.popleft()
            slots.release()
            yield article, [fact_from_values(row) for row in rows]


def extract_corpus(items: Iterable[Article | ArticleError], nlp: Language | None = None, n_process: int = 1,
                   cached: Callable[[Article], list[Fact] | None] | None = None,
                   on_done: Callable[[Article, list[Fact], bool], None] | None = None) -> CorpusResult:
    """Facts of every readable article plus the evidence pass; unreadable ones are listed in `errors`.
    `cached(article)` may return known facts to skip the pipeline for that article."""
    result = CorpusResult()
    todo: list[Article] = []
    per_doc: dict[str, list[Fact]] = {}
    for item in items:
        if isinstance(item, ArticleError):
            result.errors.append(item)
            continue
        result.articles.append(item)
        known = cached(item) if cached else None
        if known is not None:
            per_doc[item.doc_id] = known
            if on_done:
                on_done(item, known, True)
        else:
            todo.append(item)
    for article, facts in extract_stream(todo, nlp, n_process):
        per_doc[article.doc_id] = facts
        if on_done:
            on_done(article, facts, False)
    facts = [f for a in result.articles for f in per_doc[a.doc_id]]
    texts = {a.doc_id: a.text for a in result.articles}
    published = {a.doc_id: a.published for a in result.articles}
    result.facts = propose(facts, texts, published)
    result.conflicts = conflicts(result.facts, texts)
    return result
