"""The dataset: facts -> pandas tables -> outputs/, deterministic, streamed and written all-or-nothing.

A build reads the corpus once, in doc_id order. Pass 1 extracts each article (or takes its facts from the
cache), feeds them to the evidence index, writes its documents row and spills its facts to a scratch file.
Pass 2 reads the spilled facts back document by document, adds the suggestions the complete index can now
give, applies the reviewers' verdicts and appends the rows to facts.csv, facts.jsonl and gaps.csv. What
needs the whole corpus (the evidence and passage indexes, conflicts, pairings, the spill's offsets) is kept on
disk, in an SQLite scratch database and scratch files, and read back sorted and grouped; in memory stay only
the verdicts and per-rule tallies, so memory does not grow with the number of articles. Everything is written
into a fresh folder beside outputs/ and swapped in at the end.
"""
from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
import pickle
import shutil
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator

import pandas as pd

from extract.dataset.batch import ARTICLE_SECONDS, WorkerDied, extract_items
from extract.dataset.cache import FactCache
from extract.dataset.corpus import (NO_PUBLISHED, Article, ArticleError, ArticleReader, article_warnings,  # noqa: F401
                                    refuse_irregular)
from extract.dataset.listing import CorpusListing
from extract.dataset.evidence import Conflict, EvidenceIndex
from extract.dataset.factrows import (FACT_COLUMNS, FACT_ID_OF, GAP_COLUMNS, KIND_OF, RISKY_JSON, ROW_AT, RULE_OF,  # noqa: F401
                                      csv_cells, fact_table_rows, gap_rows, json_lines, json_records)
from extract.dataset.numbers import NUMBER_COLUMNS, number_table_rows, split_numbers, unexplained
from extract.dataset.passages import PassageIndex, TextSpill
from extract.dataset.scratch import OffsetFile, ScratchDB
from extract.dataset.tablefiles import BUFFER, NoPeek, Pairings, TableWriter, pickled, stream_table, write_table
from extract.dataset.outputs import LOCK_WAIT, OutputsError, staging_folder
from extract.dataset.package import datapackage, field_type, schema_field
from extract.dataset import tables
from extract.dataset.location import corpus_link
from extract.figures.consolidate import TABLE_COLUMNS, Consolidation, spill_mentions
from extract.nlp.records import Fact, new_fact
from extract.dataset.verdicts import (AUDIT_COLUMNS, PRECISION_COLUMNS, RuleTally, Verdict, tally_verdict,
                                      VERDICTS_FILE, read_verdicts, stale_verdicts)

DOCUMENT_COLUMNS = ["doc_id", "file", "title", "source", "url", "published", "characters", "words", "sha256",
                    "facts", "gaps", "warnings", "numbers", "unexplained"]
PAIRING_COLUMNS = ["helper", "helper_code", "recipient", "recipient_code", "first_date", "documents", "mentions",
                   "fact_ids"]
CONFLICT_COLUMNS = list(Conflict.__dataclass_fields__)
ERROR_COLUMNS = ["file", "error"]
COLUMNS = {"documents": DOCUMENT_COLUMNS, "facts": FACT_COLUMNS, "cases": TABLE_COLUMNS["cases"],
           "staff": TABLE_COLUMNS["staff"], "pairings": PAIRING_COLUMNS, "gaps": GAP_COLUMNS,
           "conflicts": CONFLICT_COLUMNS, "errors": ERROR_COLUMNS, "audit": AUDIT_COLUMNS,
           "rule_precision": PRECISION_COLUMNS, "numbers": NUMBER_COLUMNS}
TABLES = tuple(COLUMNS)
SPILL = ".facts.spill"   # pass 1 -> pass 2 scratch file, removed before the swap
TEXT_SPILL = ".texts.spill"   # texts that may hold a passage's evidence, read again by the passage index
STREAMED = ("facts.csv", "facts.jsonl", "gaps.csv")   # the tables pass 2 writes
MENTIONS = ".mentions.part{}"   # pass 2 -> consolidation scratch file, one per part
PAIRING_MENTIONS = ".pairings.part{}"   # pass 2 -> pairings.csv scratch file, one per part
SCRATCH = ".scratch.sqlite"   # the corpus-level indexes on disk (evidence, passages, pairings)
OFFSETS = ".facts.spill.offsets"   # where each document starts in the spill file
MADE = tuple(f"{name}.csv" for name in TABLES) + ("facts.jsonl", "datapackage.json", "report.html")   # by build, audit


LISTED = 1000   # doc_ids a build report lists by name


@dataclass
class BuildReport:
    documents: int = 0
    facts: int = 0
    gaps: int = 0
    errors: list[str] = field(default_factory=list)
    stale_verdicts: list[str] = field(default_factory=list)
    unlisted: list[str] = field(default_factory=list)   # manifest rows whose file is not in the corpus
    cache_hits: int = 0
    cache_misses: int = 0
    # doc_ids of the articles extracted (not taken from the cache) and of those with no publication date: the
    # first LISTED of each, and how many there are (a million doc_ids would be memory that grows with the corpus)
    extracted: list[str] = field(default_factory=list)
    undated: list[str] = field(default_factory=list)
    extracted_count: int = 0
    undated_count: int = 0
    consolidation_seconds: float = 0.0   # spent making cases.csv and staff.csv (bench/bench.py reports its share)

    def note_extracted(self, doc_id: str) -> None:
        self.extracted_count += 1
        if len(self.extracted) < LISTED:
            self.extracted.append(doc_id)

    def note_undated(self, doc_id: str) -> None:
        self.undated_count += 1
        if len(self.undated) < LISTED:
            self.undated.append(doc_id)


def document_row(article: Article, facts: int, gaps: int, numbers: int = 0, unexplained: int = 0) -> dict:
    title = article.title or first_line(article.text)[:200]
    return dict(doc_id=article.doc_id, file=article.file, title=title,
                source=article.source, url=article.url, published=article.published,
                characters=len(article.text), words=len(article.text.split()),
                sha256=hashlib.sha256(article.text.encode("utf-8")).hexdigest(), facts=facts, gaps=gaps,
                warnings="; ".join(article_warnings(article)), numbers=numbers, unexplained=unexplained)


def first_line(text: str, chunk: int = 4096) -> str:
    """A text's first line that is not blank, stripped ('' for none), read from its first few kilobytes unless
    that line may go on past them."""
    lines = text[:chunk].splitlines()
    found = next((k for k, line in enumerate(lines) if line.strip()), None)
    if len(text) > chunk and (found is None or found == len(lines) - 1):
        lines = text.splitlines()
        found = next((k for k, line in enumerate(lines) if line.strip()), None)
    return "" if found is None else lines[found].strip()


class DatasetWriter:
    """The two passes of a build into a staging folder (see the module's docstring)."""

    parallel_from = 1000   # documents from which pass 2 is worth forking workers for

    def __init__(self, staging: Path, verdicts: dict[str, Verdict], workers: int = 1, corpus_link: str | None = None):
        self.staging, self.verdicts, self.workers = staging, verdicts, workers
        self.corpus_link = corpus_link
        self.rules = RuleTally()
        self.offsets = OffsetFile(staging / OFFSETS)   # where each document starts in the spill file
        self.spill_size = 0
        self.scratch = ScratchDB(staging / SCRATCH)
        self.index = EvidenceIndex(self.scratch)
        self.passages = PassageIndex(self.scratch)
        self.texts = TextSpill(staging / TEXT_SPILL)
        self.pairings = Pairings(self.scratch)
        self.errors: list[ArticleError] = []
        self.audit: list[dict] = []
        self.seen_verdicts: set[str] = set()
        self.spill = open(staging / SPILL, "wb", buffering=BUFFER)
        self.documents = TableWriter(staging / "documents.csv", DOCUMENT_COLUMNS)
        self.numbers = TableWriter(staging / "numbers.csv", NUMBER_COLUMNS)
        self.last: Article | None = None

    def add(self, article: Article, facts: list[Fact]) -> None:
        """Pass 1, one article (in doc_id order). A rejected fact is never evidence for another article."""
        facts, numbers = split_numbers(facts)   # the accounts of its numerals go to numbers.csv and no further
        kept = [f for f in facts if f.fact_id not in self.verdicts or
                self.verdicts[f.fact_id].verdict != "reject"] if self.verdicts else facts
        rejected = [f for f in facts if f.fact_id in self.verdicts and self.verdicts[f.fact_id].verdict == "reject"] \
            if self.verdicts else []
        self.index.add_document(article.doc_id, kept, article.text, article.published)
        if rejected:
            self.index.want(rejected)   # pass 2 asks for suggestions for every fact, rejected or not
        evidence = self.passages.add_document(article.doc_id, article.text, kept, rejected, article.published)
        self.texts.add(article.text if evidence else None)
        data = pickle.dumps((article.doc_id, article.published, list(map(tuple, facts)), article.url),
                            protocol=pickle.HIGHEST_PROTOCOL)
        self.offsets.append(self.spill_size)   # counted, not asked of the file: tell() costs a system call
        self.spill.write(data)
        self.spill_size += len(data)
        gaps = sum(1 for f in kept if f.kind == "missing_number")
        self.documents.add(document_row(article, len(kept) - gaps, gaps, len(numbers), unexplained(numbers)))
        self.numbers.add_rows(number_table_rows(numbers))
        self.last = article

    def add_error(self, error: ArticleError) -> None:
        self.errors.append(error)

    def spilled(self, first: int, stop: int) -> Iterator[tuple[str, str | None, list[Fact], str | None]]:
        """Documents first to stop - 1 (in doc_id order) as spilled: doc_id, published, facts, url."""
        with open(self.staging / SPILL, "rb", buffering=BUFFER) as handle:
            handle.seek(self.offsets[first] if first < len(self.offsets) else self.spill_size)
            source = NoPeek(handle)
            for _ in range(first, stop):
                doc_id, published, values, url = pickle.load(source)
                yield doc_id, published, [new_fact(Fact, v) for v in values], url

    def render(self, part: int, first: int, stop: int) -> dict:
        """Pass 2 over documents first to stop - 1: suggestions, verdicts, and the rows of
        facts.csv, facts.jsonl and gaps.csv, written as this part's files (part 0 carries the headers)."""
        names = self.part_names(part)
        facts = TableWriter(names["facts.csv"], FACT_COLUMNS, header=part == 0)
        gaps = TableWriter(names["gaps.csv"], GAP_COLUMNS, header=part == 0)
        audit, seen, rules = [], [], RuleTally()
        verdicts = self.verdicts
        consolidating = 0.0
        kind_at, id_at, doc_at = ROW_AT["kind"], ROW_AT["fact_id"], ROW_AT["doc_id"]
        helper_at, recipient_at = ROW_AT["helper"], ROW_AT["recipient"]
        # orjson: a JSON line per fact at a million facts a build (compact separators, UTF-8 as is)
        with open(names["facts.jsonl"], "wb", buffering=BUFFER) as jsonl, \
                open(self.staging / MENTIONS.format(part), "wb", buffering=BUFFER) as mentions, \
                open(self.staging / PAIRING_MENTIONS.format(part), "wb", buffering=BUFFER) as pairings:
            for doc_id, published, doc_facts, url in self.spilled(first, stop):
                blanks = "missing_number" in map(KIND_OF, doc_facts)   # only they have passage matches
                doc_facts = self.index.suggest(doc_facts, published,
                                               self.passages.matches(doc_id) if blanks else {})
                if verdicts and not verdicts.keys().isdisjoint(map(FACT_ID_OF, doc_facts)):
                    judged = [f for f in doc_facts if f.fact_id in verdicts]
                    seen += [f.fact_id for f in judged]
                    rules.add(map(RULE_OF, doc_facts), [(f.rule, tally_verdict(verdicts[f.fact_id])) for f in judged])
                else:
                    rules.add(map(RULE_OF, doc_facts))
                rows, applied = fact_table_rows(doc_facts, verdicts, published, url)
                audit += applied
                if "pairing" in map(KIND_OF, rows):
                    pickle.dump([(r[helper_at], r[recipient_at], r[doc_at], r[id_at], published)
                                 for r in rows if r[kind_at] == "pairing"], pairings, protocol=pickle.HIGHEST_PROTOCOL)
                dicts = json_records(rows)
                cells = csv_cells(rows)
                lines = json_lines(dicts)
                jsonl.write(lines)
                began = time.perf_counter()
                spill_mentions(mentions, dicts, published)
                consolidating += time.perf_counter() - began
                if RISKY_JSON.search(lines) is None:   # no text cell a spreadsheet could run (almost always)
                    if b"\\n" in lines or b"\\r" in lines:   # a line break in a cell (or a text's backslash)
                        facts.add_plain_rows(cells)
                        gaps.add_plain_rows(gap_rows(rows))
                    else:
                        facts.add_single_lines(cells)
                        gaps.add_single_lines(gap_rows(rows))
                else:
                    facts.add_rows(cells)
                    gaps.add_rows(gap_rows(rows))
        facts.close()
        gaps.close()
        return dict(audit=audit, seen=seen, rules=rules, facts=facts.count, gaps=gaps.count,
                    consolidating=consolidating)

    def finish_passages(self) -> None:
        """Align the blanks with the numbers of other articles, reading back only the texts of the articles that
        hold a wanted passage."""
        with self.texts.reading() as read_text:
            self.passages.finish(read_text)

    def part_names(self, part: int) -> dict[str, Path]:
        return {name: self.staging / f"{name}.part{part}" for name in STREAMED}

    def render_all(self) -> list[dict]:
        """Pass 2 in one go, or, with workers and enough documents, in contiguous parts rendered by a pool of
        forked processes (each sees the finished evidence index) and joined in order."""
        documents = len(self.offsets)
        self.offsets.flush()
        self.scratch.commit()   # a forked worker reads the database through a connection of its own
        parts = self.workers if self.workers > 1 and documents >= self.parallel_from else 1
        methods = multiprocessing.get_all_start_methods()
        if parts == 1 or "fork" not in methods:
            result = self.render(0, 0, documents)
            for name, path in self.part_names(0).items():
                os.replace(path, self.staging / name)
            return [result]
        bounds = [documents * k // parts for k in range(parts)] + [documents]
        global _RENDERING
        _RENDERING = self
        try:
            # an executor, not a Pool: a worker that dies breaks it (raised) instead of leaving a wait forever
            with ProcessPoolExecutor(parts, mp_context=multiprocessing.get_context("fork")) as pool:
                results = list(pool.map(_render_part, range(parts), bounds[:-1], bounds[1:]))
        except BrokenProcessPool:
            raise WorkerDied("a worker process died (killed, or out of memory) while writing the tables; "
                             "stopped") from None
        finally:
            _RENDERING = None
        for name in STREAMED:
            with open(self.staging / name, "wb") as out:
                for k in range(parts):
                    part = self.part_names(k)[name]
                    with open(part, "rb") as source:
                        shutil.copyfileobj(source, out, 1 << 20)
                    part.unlink()
        return results

    def finish(self, report: BuildReport) -> None:
        """Pass 2 and the small tables."""
        self.spill.close()
        self.documents.close()
        self.numbers.close()
        self.index.finish()
        self.finish_passages()
        results = self.render_all()
        for part, result in enumerate(results):
            self.audit += result["audit"]
            self.seen_verdicts.update(result["seen"])
            self.rules.merge(result["rules"])
            spill = self.staging / PAIRING_MENTIONS.format(part)
            for paired in pickled(spill):
                self.pairings.add(paired)
            spill.unlink()
        (self.staging / SPILL).unlink()
        began = time.perf_counter()
        self.consolidate(len(results))
        report.consolidation_seconds = time.perf_counter() - began + sum(r["consolidating"] for r in results)
        stale = stale_verdicts(self.verdicts, self.seen_verdicts)
        stream_table(self.staging / "pairings.csv", self.pairings.records(), PAIRING_COLUMNS)
        stream_table(self.staging / "conflicts.csv", map(vars, self.index.conflicts()), CONFLICT_COLUMNS)
        self.scratch.close()
        write_table(self.staging / "errors.csv", sorted(({"file": Path(e.path).name, "error": e.reason}
                                                         for e in self.errors), key=lambda r: r["file"]),
                    ERROR_COLUMNS)
        write_table(self.staging / "audit.csv", sorted(self.audit + stale, key=lambda r: r["fact_id"]),
                    AUDIT_COLUMNS)
        write_table(self.staging / "rule_precision.csv", self.rules.records(), PRECISION_COLUMNS)
        with open(self.staging / "datapackage.json", "w", encoding="utf-8", newline="\n") as out:
            json.dump(datapackage(COLUMNS, self.corpus_link), out, ensure_ascii=False, indent=2)
            out.write("\n")
        report.documents = self.documents.count
        report.facts, report.gaps = sum(r["facts"] for r in results), sum(r["gaps"] for r in results)
        report.errors = [str(e) for e in self.errors]
        report.stale_verdicts = [row["fact_id"] for row in stale]

    def consolidate(self, parts: int) -> None:
        """cases.csv and staff.csv from the mentions pass 2 spilled: one row per figure and per dispatch."""
        consolidation = Consolidation(self.staging)
        try:
            for part in range(parts):
                spill = self.staging / MENTIONS.format(part)
                consolidation.add_spill(spill)
                spill.unlink()
            consolidation.finish()
            for name in TABLE_COLUMNS:
                writer = TableWriter(self.staging / f"{name}.csv", COLUMNS[name])
                for row in consolidation.rows(name):
                    writer.add(row)
                writer.close()
        finally:
            consolidation.close()

    def close(self) -> None:
        self.texts.close()
        self.offsets.close()
        self.scratch.close()
        for handle in (self.spill, self.documents.handle, self.numbers.handle):
            handle.close()


_RENDERING: DatasetWriter | None = None   # the writer whose pass 2 forked workers render


def _render_part(part: int, first: int, stop: int) -> dict:
    return _RENDERING.render(part, first, stop)


def build_dataset(corpus: Path | str = "corpus", outputs: Path | str = "outputs", workers: int = 1,
                  use_cache: bool = True, cache_dir: Path | str | None = None,
                  on_done: Callable | None = None, lock_wait: float = LOCK_WAIT,
                  on_wait: Callable[[str], None] | None = None, seen_from: Path | None = None,
                  seconds: float | None = ARTICLE_SECONDS) -> BuildReport:
    """Extract every article of `corpus` (with the evidence pass and the verdicts) and write `outputs`: only
    into a folder that is empty or that a build made (else OutputsError), one build at a time (a second waits
    up to `lock_wait` seconds, telling `on_wait`). The corpus is recorded relative to `seen_from` (default:
    `outputs`; a scratch build that stands in for another folder gives that one). An article not extracted
    within `seconds` is listed in errors.csv. A bad side file (manifest, verdicts) stops the build before the
    outputs are touched."""
    shown = str(outputs)
    corpus, outputs = Path(corpus), Path(outputs)
    if not corpus.is_dir():
        raise FileNotFoundError(f"{corpus}: no such corpus folder")
    if corpus.resolve() in outputs.resolve().parents:   # (the corpus itself is refused as not a build's folder)
        raise OutputsError(f"{shown}: inside the corpus {corpus}; write the outputs beside it (-o outputs)")
    cache = FactCache(cache_dir or corpus.parent / ".aidfacts-cache") if use_cache else None
    refuse_irregular(corpus / VERDICTS_FILE)   # a FIFO there would block the read below
    verdicts = read_verdicts(corpus)
    # the file names and the manifest (checked here, once: a bad one fails the build, not every article) on disk
    listing = CorpusListing(corpus)
    try:
        reader = ArticleReader(root=corpus, manifests={os.path.dirname(os.path.join(corpus, "x")): listing})
        report = BuildReport(unlisted=listing.unlisted())
        with staging_folder(outputs, MADE, shown, lock_wait, on_wait) as staging:
            writer = DatasetWriter(staging, verdicts, workers, corpus_link(corpus, Path(seen_from or outputs)))
            try:
                # paths, not articles: reading, the cache and the pipeline all run in the workers
                items = extract_items(listing.article_paths(), n_process=workers, cache=cache, reader=reader,
                                      seconds=seconds, numbers=True)
                for item, facts, from_cache in items:
                    if isinstance(item, ArticleError):
                        writer.add_error(item)
                        continue
                    if writer.last is not None and writer.last.doc_id == item.doc_id:
                        writer.add_error(ArticleError(item.file, f"same doc_id as {writer.last.file}; not included"))
                        continue
                    if article_warnings(item):
                        report.note_undated(item.doc_id)
                    if from_cache:
                        report.cache_hits += 1
                    else:
                        report.note_extracted(item.doc_id)
                        report.cache_misses += cache is not None
                    if on_done:
                        on_done(item, facts, from_cache)
                    writer.add(item, facts)
                writer.finish(report)
            finally:
                writer.close()
    finally:
        listing.close()
    return report


def stale_outputs(corpus: Path | str = "corpus", outputs: Path | str = "outputs",
                  use_cache: bool = True) -> list[str]:
    """The files of `outputs` that a build of `corpus` now would write differently (or add, or no longer
    write); an empty list means `outputs` is current. The fresh build goes to a scratch folder."""
    outputs = Path(outputs)
    with tempfile.TemporaryDirectory(prefix="aidfacts-check-") as scratch:
        fresh = Path(scratch) / "outputs"
        build_dataset(corpus, fresh, use_cache=use_cache, seen_from=outputs)
        built = {p.name: p for p in fresh.iterdir() if p.is_file()}
        # report.html is written by `aidfacts audit`, not by the build: only data files count
        names = set(built) | {p.name for p in outputs.glob("*") if p.suffix in (".csv", ".jsonl", ".json")}
        return sorted(name for name in names
                      if name not in built or not (outputs / name).is_file()
                      or (outputs / name).read_bytes() != built[name].read_bytes())


def load_dataset(outputs: Path | str = "outputs") -> dict[str, pd.DataFrame]:
    """The built tables as typed DataFrames, by name: see extract.dataset.tables."""
    return tables.load_dataset(outputs, fallback_type=field_type)


def read_table(path: Path, name: str = "") -> pd.DataFrame:
    """One table of the dataset typed as table `name`'s columns are, without its data package."""
    return tables.read_table(path, lambda column: schema_field(name, column), COLUMNS.get(name, ()), name)


__all__ = ["ArticleError", "BuildReport", "build_dataset", "load_dataset"]
