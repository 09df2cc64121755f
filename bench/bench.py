"""Benchmark: words per second and peak memory of tokenizing alone, the aidfacts pipeline and a full
`aidfacts build`, on synthetic corpora of 1k, 10k and 100k articles, with 1 and 2 workers.

The articles are generated once (bench/synthetic.py) into a JSON-lines file; every measurement of a size
streams the same first n articles from it, so they all see the same text and none holds the corpus in memory.
Each measurement runs in its own process, forked from this one once spaCy, pandas and aidfacts are imported
(so that no measurement pays for the imports), so that its peak memory (ru_maxrss) is its own. The build reads a
corpus folder written from the same articles, in a scratch folder (default /dev/shm, a RAM disk, when there
is one: the speed of this machine's disk is not what is measured). Figures are printed and written to
bench/results/bench.json. Nothing here is asserted; see the README for figures.

    python bench/bench.py                  # 1k, 10k, 100k
    python bench/bench.py --sizes 1000     # a quick run
    python bench/bench.py --sizes 1000000 --workers 2 --measures build   # the build alone, at a million
"""
from __future__ import annotations

import argparse
import importlib
import itertools
import json
import os
import multiprocessing
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def read_articles(path: str, n: int):
    """(doc_id, text, published) of the first n articles of the generated file, streamed."""
    with open(path, encoding="utf-8") as handle:
        for line in itertools.islice(handle, n):
            yield tuple(json.loads(line))


def measure_tokenizer(articles: str, n: int) -> dict:
    import spacy

    tokenizer = spacy.blank("en").tokenizer   # the floor: spaCy's English tokenizer alone
    words = tokens = 0
    start = time.perf_counter()
    for doc in tokenizer.pipe((text for _, text, _ in read_articles(articles, n)), batch_size=256):
        tokens += len(doc)
    seconds = time.perf_counter() - start
    for _, text, _ in read_articles(articles, n):
        words += len(text.split())   # words as a reader counts them, the unit of every words/s figure
    return dict(seconds=seconds, tokens=tokens, words=words)


def measure_pipeline(articles: str, n: int, workers: int) -> dict:
    from extract.dataset.batch import extract_stream
    from extract.dataset.corpus import Article
    from extract.nlp.pipeline import shared_nlp

    shared_nlp()   # the pipeline is built before the clock starts, as the tokenizer is
    stream = (Article(doc_id, f"{doc_id}.txt", text, published)
              for doc_id, text, published in read_articles(articles, n))
    facts = 0
    start = time.perf_counter()
    for _, found in extract_stream(stream, n_process=workers, batch_size=64):
        facts += len(found)
    return dict(seconds=time.perf_counter() - start, facts=facts)


def measure_build(corpus: str, workers: int) -> dict:
    from extract.dataset.build import build_dataset
    from extract.nlp.pipeline import shared_nlp

    shared_nlp()   # built before the clock starts, as for the pipeline's measure: a build's own work is what it adds
    outputs = Path(tempfile.mkdtemp(prefix="aidfacts-bench-out-", dir=Path(corpus).parent))
    try:
        start = time.perf_counter()
        report = build_dataset(corpus, outputs / "outputs", workers=workers, use_cache=False)
        return dict(seconds=time.perf_counter() - start, facts=report.facts, documents=report.documents,
                    consolidation_seconds=report.consolidation_seconds)
    finally:
        shutil.rmtree(outputs, ignore_errors=True)


def write_articles(n: int, path: Path) -> None:
    from synthetic import ArticleGenerator

    with open(path, "w", encoding="utf-8") as out:
        for article in ArticleGenerator().articles(n):
            out.write(json.dumps(article, ensure_ascii=False) + "\n")


def write_corpus(articles: Path, n: int, folder: Path) -> None:
    """A corpus folder (articles and manifest.csv) of the first n generated articles."""
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / "manifest.csv", "w", encoding="utf-8") as manifest:   # streamed: a million rows
        manifest.write("file,published,source,url,title\n")
        for doc_id, text, published in read_articles(str(articles), n):
            (folder / f"{doc_id}.txt").write_text(text, encoding="utf-8")
            manifest.write(f"{doc_id}.txt,{published},synthetic,,\n")


def measure(connection, name: str, options: dict) -> None:
    """In a forked child: one measurement, sent back with the child's peak memory."""
    try:
        result = MEASURES[name](**options)
        result["peak_rss_mb"] = max(peak_rss_mb(), resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)
        connection.send(result)
    except BaseException as error:
        connection.send({"error": repr(error)})
        raise


MEASURES = {"tokenizer": measure_tokenizer, "pipeline": measure_pipeline, "build": measure_build}


def run_child(name: str, **options) -> dict:
    context = multiprocessing.get_context("fork")
    receive, send = context.Pipe(duplex=False)
    process = context.Process(target=measure, args=(send, name, options))
    process.start()
    result = receive.recv()
    process.join()
    if "error" in result or process.exitcode != 0:
        raise RuntimeError(f"{name} {options}: {result.get('error', process.exitcode)}")
    return result


def default_scratch() -> str | None:
    shm = Path("/dev/shm")
    return str(shm) if shm.is_dir() and os.access(shm, os.W_OK) else None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--workers", default="1,2")
    parser.add_argument("--measures", default="pipeline,build",
                        help="what to measure besides the tokenizer (every figure's reference): pipeline, build")
    parser.add_argument("--output", default=str(HERE / "results" / "bench.json"))
    parser.add_argument("--scratch", default=default_scratch(),
                        help="folder for the generated articles and corpora (default: /dev/shm when there is one)")
    args = parser.parse_args()
    for module in ("spacy", "pandas", "extract.dataset.batch", "extract.dataset.build"):
        importlib.import_module(module)   # once, before the forks: no measurement pays for the imports
    sizes = [int(s) for s in args.sizes.split(",")]
    worker_counts = [int(w) for w in args.workers.split(",")]
    results, started = [], time.perf_counter()
    scratch = Path(tempfile.mkdtemp(prefix="aidfacts-bench-", dir=args.scratch))
    try:
        articles = scratch / "articles.jsonl"
        write_articles(max(sizes), articles)   # the generator is sequential: the first n are the size-n corpus
        print(f"{'articles':>9} {'measure':<10} {'workers':>7} {'seconds':>8} {'words/s':>10} {'ms/article':>10} "
              f"{'peak MB':>8} {'x tokenizer':>11} {'consolidation':>13}")
        for n in sizes:
            results += measure_size(n, worker_counts, articles, scratch, args.measures.split(","))
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    summary = dict(total_seconds=time.perf_counter() - started, cpu_count=os.cpu_count(), results=results)
    Path(args.output).parent.mkdir(parents=True, exist_ok=True)
    Path(args.output).write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")
    print(f"total {summary['total_seconds']:.0f} s; figures in {args.output}")


def share(row: dict) -> str:
    """The consolidated tables' share of a build's time (the issue's bound: 10 % at 10k articles)."""
    return f"{100 * row['consolidation_seconds'] / row['seconds']:.1f} %"


def measure_size(n: int, worker_counts: list[int], articles: Path, scratch: Path,
                 measures: list[str] = ("pipeline", "build")) -> list[dict]:
    tok = run_child("tokenizer", articles=str(articles), n=n)
    rows = [dict(articles=n, measure="tokenizer", workers=1, **tok)]
    for w in worker_counts if "pipeline" in measures else ():
        rows.append(dict(articles=n, measure="pipeline", workers=w,
                         **run_child("pipeline", articles=str(articles), n=n, workers=w)))
    corpus = scratch / f"corpus-{n}"
    try:
        if "build" in measures:
            write_corpus(articles, n, corpus)
        for w in worker_counts if "build" in measures else ():
            rows.append(dict(articles=n, measure="build", workers=w,
                             **run_child("build", corpus=str(corpus), workers=w)))
    finally:
        shutil.rmtree(corpus, ignore_errors=True)
    for row in rows:
        row["words"] = tok["words"]
        row["words_per_s"] = tok["words"] / row["seconds"]
        row["ms_per_article"] = 1000 * row["seconds"] / n
        row["ratio_to_tokenizer"] = tok["seconds"] / row["seconds"]
        print(f"{n:>9} {row['measure']:<10} {row['workers']:>7} {row['seconds']:>8.2f} "
              f"{row['words_per_s']:>10,.0f} {row['ms_per_article']:>10.3f} {row['peak_rss_mb']:>8.0f} "
              f"{row['ratio_to_tokenizer']:>11.3f}" + (f" {share(row):>13}" if "consolidation_seconds" in row else ""),
              flush=True)
    return rows


if __name__ == "__main__":
    main()
