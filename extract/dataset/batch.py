"""Extract many articles: the spaCy pipeline over a stream of articles, in order, in one process or a pool.

Every per-article step runs where the pipeline runs, in a worker when there are workers: reading the file (an
item may be a path), looking the article up in the fact cache, extracting it and caching its facts. The main
process gets back (article, facts, from_cache) in input order, so it only does what needs the whole corpus.
"""
from __future__ import annotations

import collections
import itertools
import multiprocessing
import signal
import threading
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

from spacy.language import Language

from extract.dataset.corpus import Article, ArticleError, ArticleReader
from extract.dataset.evidence import Conflict, evidence_pass
from extract.nlp.pipeline import extract_doc, shared_nlp
from extract.nlp.records import NUMBER_KIND, Fact, doc_to_facts, number_records

Item = Article | ArticleError
Result = tuple[Item, list[Fact] | None, bool]


@dataclass
class CorpusResult:
    facts: list[Fact] = field(default_factory=list)
    articles: list[Article] = field(default_factory=list)
    errors: list[ArticleError] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)


ARTICLE_SECONDS = 120.0   # a build's time budget per article: far above any real article (a few ms)
MAX_FACTS = 20_000   # facts one article may give: a long bulletin gives a few thousand; a 2 MB text of nothing but
                     # counts gives 150,000, which a build, a report and the review app would hold at once per
                     # article (gigabytes: under a memory limit, a crash in a C library with no message)


class OverBudget(BaseException):
    """Raised inside the pipeline when an article has used up its time budget (a BaseException, so that no
    `except Exception` on the way can swallow it)."""


class WorkerDied(RuntimeError):
    """A worker process ended without handing back its articles (killed, or out of memory)."""


_EXPIRED = False   # set by the alarm itself: its OverBudget can be swallowed where Python ignores exceptions
                   # (a weakref callback, a __del__ run by the garbage collector), and the article must still count
                   # as over budget


_TIMING = False    # an article's extraction is under way: only then does the alarm raise
RETRY_SECONDS = 0.05   # after the budget runs out the alarm repeats, so that a swallowed OverBudget is raised again


def _expire(signum, frame):
    global _EXPIRED
    if not _TIMING:
        return   # a repeat that arrives after the extraction ended: nothing to stop
    _EXPIRED = True
    raise OverBudget()


def arm(seconds: float) -> None:
    """Start an extraction's budget: OverBudget after `seconds`, and again every RETRY_SECONDS until disarmed."""
    global _TIMING
    _TIMING = True
    signal.setitimer(signal.ITIMER_REAL, seconds, RETRY_SECONDS)


def disarm() -> None:
    """Stop the budget: `_TIMING` off first (a repeat arriving after it is a no-op); a repeat arriving before it
    raises here, and the stop is tried again."""
    global _TIMING
    while True:
        try:
            _TIMING = False
            signal.setitimer(signal.ITIMER_REAL, 0)
            return
        except OverBudget:
            continue


def timers_work() -> bool:
    """Whether a budget can be kept here: SIGALRM is delivered only to a process's main thread."""
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextmanager
def budget_timer(seconds: float | None) -> Iterator[bool]:
    """The time budget's SIGALRM handler, installed for a whole batch (installing it per article would cost more
    than arming the timer); yields whether articles can be timed. The handler before it is put back after."""
    if not seconds or not timers_work():
        yield False
        return
    previous = signal.signal(signal.SIGALRM, _expire)
    try:
        yield True
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@contextmanager
def time_budget(seconds: float | None) -> Iterator[None]:
    """Raise OverBudget in the block after `seconds` of wall time (one block: only in a main thread, elsewhere
    or without a budget the block runs unbounded)."""
    with budget_timer(seconds) as timed:
        if timed:
            arm(seconds)
        try:
            yield
        finally:
            if timed:
                disarm()


class ArticleWork:
    """What is done to one article, the same in this process and in a worker: read it (when given a path),
    take its facts from the cache or run the pipeline within the time budget, and cache what was extracted.
    With `numbers`, the facts are followed by the account of each numeral (records of kind `number`, which
    only a build asks for: it routes them to numbers.csv); the cache holds both either way."""

    def __init__(self, reader: ArticleReader | None = None, cache=None, nlp: Language | None = None,
                 seconds: float | None = None, numbers: bool = False):
        self.reader = reader or ArticleReader()
        self.cache = cache
        self.nlp = nlp
        self.seconds = seconds
        self.numbers = numbers
        self.timed = False   # set where the budget's handler is installed (budget_timer, or a worker's start)

    def __call__(self, job: Item | Path | str) -> Result:
        item = self.reader(job) if isinstance(job, (str, Path)) else job
        if isinstance(item, ArticleError):
            return item, None, False
        known = self.cache.get(item) if self.cache is not None else None
        if known is not None:
            facts = without_numbers(known)
            if len(facts) > MAX_FACTS:
                return too_many(item, len(facts)), None, False
            return item, known if self.numbers else facts, True
        nlp = self.nlp or shared_nlp()
        global _EXPIRED, _TIMING
        _EXPIRED = False
        try:
            try:
                _TIMING = True   # an extraction is under way: an alarm now counts
                if self.timed:
                    arm(self.seconds)   # OverBudget when it runs out, repeated until one is not swallowed
                doc = extract_doc(item.text, item.doc_id, item.published, nlp)
                facts = doc_to_facts(doc, item.doc_id)
                numbers = number_records(doc, item.doc_id) if doc is not None else []
                del doc
            finally:
                if self.timed:
                    disarm()
                _TIMING = False
            if _EXPIRED:
                raise OverBudget()   # the alarm went off but its exception was swallowed on the way
        except OverBudget:
            if self.timed:
                disarm()   # (again: a repeat may have cut the `finally` short)
            return ArticleError(item.file, f"not extracted within {self.seconds:g} s (the per-article time "
                                           f"budget); left out"), None, False
        except MemoryError:
            return ArticleError(item.file, f"out of memory while extracting its {len(item.text):,} characters; "
                                           f"left out"), None, False
        if len(facts) > MAX_FACTS:
            return too_many(item, len(facts)), None, False
        if self.cache is not None:
            self.cache.put(item, facts + numbers)
        return item, facts + numbers if self.numbers else facts, False


def without_numbers(facts: list[Fact]) -> list[Fact]:
    """The facts alone, without the numeral accounts that follow them."""
    return [f for f in facts if f.kind != NUMBER_KIND]


def too_many(item: Article, count: int) -> ArticleError:
    return ArticleError(item.file, f"too many facts for one article: {count:,} (limit {MAX_FACTS:,}); left out")


_WORK: ArticleWork | None = None   # in a worker process: set once by _start_worker


def _start_worker(work: ArticleWork) -> None:
    global _WORK
    _WORK = work
    if work.seconds and timers_work():   # a worker process of ours: the handler stays for its life
        signal.signal(signal.SIGALRM, _expire)
        work.timed = True
    shared_nlp()


def _work_batch(jobs: list) -> list[tuple[Item | None, list[tuple] | None, bool]]:
    """In a worker: a batch of jobs; facts go back as plain tuples, which pickle in C, and the article only
    when the worker read it (the main process has the ones it sent)."""
    results = []
    for job in jobs:
        item, facts, from_cache = _WORK(job)
        results.append((item if item is not job else None, None if facts is None else [tuple(f) for f in facts],
                        from_cache))
    return results


def extract_items(items: Iterable[Item | Path | str], nlp: Language | None = None, n_process: int = 1,
                  cache=None, batch_size: int = 32, reader: ArticleReader | None = None,
                  seconds: float | None = None, numbers: bool = False) -> Iterator[Result]:
    """(article, facts, from_cache) for each item in input order; an item may be an Article, an ArticleError
    (given back as is, with facts None) or a path to read (by `reader`). An article not extracted within
    `seconds` comes back as an ArticleError. With `numbers`, each article's facts are followed by the account
    of its numerals (kind `number`). Docs are dropped as soon as their facts are made and at most a bounded
    window of items is in flight, so memory does not grow with the corpus."""
    work = ArticleWork(reader=reader, cache=cache, nlp=nlp, seconds=seconds, numbers=numbers)
    if n_process <= 1:
        with budget_timer(seconds) as work.timed:
            yield from map(work, items)
    else:
        yield from parallel_items(items, n_process, batch_size, work)


def parallel_items(items, n_process: int, batch_size: int, work: ArticleWork) -> Iterator[Result]:
    """extract_items with a pool of worker processes: batches go to the pool as they are read, at most
    `window` items are in flight, and results come back in input order. A worker that dies (killed, out of
    memory) breaks the pool, which is raised as WorkerDied instead of a wait for results that never come."""
    shared_nlp()   # built once here, inherited by forked workers
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    window = n_process * batch_size * 8
    source = iter(items)
    batches: collections.deque = collections.deque()   # (jobs, Future) of the batches in flight, in order
    in_flight = 0
    pool = ProcessPoolExecutor(n_process, mp_context=context, initializer=_start_worker, initargs=(work,))
    try:
        while True:
            while in_flight < window:
                jobs = list(itertools.islice(source, batch_size))
                if not jobs:
                    break
                batches.append((jobs, pool.submit(_work_batch, jobs)))
                in_flight += len(jobs)
            if not batches:
                return
            jobs, pending = batches.popleft()
            try:
                done = pending.result()
            except BrokenProcessPool:
                raise WorkerDied(f"a worker process died (killed, or out of memory) while extracting the "
                                 f"{len(jobs)} articles from {job_name(jobs[0])}; stopped") from None
            in_flight -= len(done)
            for job, (item, rows, from_cache) in zip(jobs, done):
                yield job if item is None else item, None if rows is None else [Fact._make(row) for row in rows], \
                    from_cache
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def job_name(job: Item | Path | str) -> str:
    return job.file if isinstance(job, Article) else Path(getattr(job, "path", job)).name


def extract_stream(articles: Iterable[Article], nlp: Language | None = None, n_process: int = 1,
                   batch_size: int = 32) -> Iterator[tuple[Article, list[Fact]]]:
    """(article, facts) for each article, in input order, with memory that does not grow with the corpus."""
    for article, facts, _ in extract_items(articles, nlp, n_process, batch_size=batch_size):
        yield article, facts


def extract_corpus(items: Iterable[Item], nlp: Language | None = None, n_process: int = 1,
                   on_done: Callable[[Article, list[Fact], bool], None] | None = None,
                   seconds: float | None = None) -> CorpusResult:
    """Facts of every readable article, held in memory, plus the evidence pass; unreadable ones, ones over the
    time budget (`seconds`, by default a build's) and a second article with a doc_id already taken are listed in `errors`, as a build lists them.
    (`aidfacts build` streams instead: see dataset.build_dataset.)"""
    result = CorpusResult()
    files: dict[str, str] = {}   # doc_id -> the file that has it
    seconds = ARTICLE_SECONDS if seconds is None else seconds   # (read now: the build's budget, as set)
    for item, facts, from_cache in extract_items(items, nlp, n_process, seconds=seconds):
        if isinstance(item, ArticleError):
            result.errors.append(item)
            continue
        if item.doc_id in files:   # its facts' ids and the evidence's texts would be the other's
            result.errors.append(ArticleError(item.file, f"doc_id {item.doc_id!r} is already an earlier article's "
                                                         f"({files[item.doc_id]}); left out"))
            continue
        files[item.doc_id] = item.file
        result.articles.append(item)
        result.facts.extend(facts)
        if on_done:
            on_done(item, facts, from_cache)
    texts = {a.doc_id: a.text for a in result.articles}
    published = {a.doc_id: a.published for a in result.articles}
    result.facts, result.conflicts = evidence_pass(result.facts, texts, published)
    return result
