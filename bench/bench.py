"""Benchmark: words per second and peak memory of tokenizing alone, the aidfacts pipeline and a full
`aidfacts build`, on synthetic corpora of 1k, 10k and 100k articles, with 1 and 2 workers.

The articles are generated once (bench/synthetic.py) into a JSON-lines file; every measurement of a size
streams the same first n articles from it, so they all see the same text and none holds the corpus in memory.
Each measurement runs in its own process, so that its peak memory (ru_maxrss) is its own. The build reads a
corpus folder written from the same articles, in a scratch folder (default /dev/shm, a RAM disk, when there
is one: the speed of this machine's disk is not what is measured). Figures are printed and written to
bench/results/bench.json. Nothing here is asserted; see the README for figures.

    python bench/bench.py                  # 1k, 10k, 100k
    python bench/bench.py --sizes 1000     # a quick run
"""
from __future__ import annotations

import argparse
import itertools
import json
import os
import resource
import shutil
import subprocess
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
    from extract.batch import extract_stream
    from extract.corpus import Article

    stream = (Article(doc_id, f"{doc_id}.txt", text, published)
              for doc_id, text, published in read_articles(articles, n))
    facts = 0
    start = time.perf_counter()
    for _, found in extract_stream(stream, n_process=workers, batch_size=64):
        facts += len(found)
    return dict(seconds=time.perf_counter() - start, facts=facts)


def measure_build(corpus: str, workers: int) -> dict:
    from extract.dataset import build_dataset

    outputs = Path(tempfile.mkdtemp(prefix="aidfacts-bench-out-", dir=Path(corpus).parent))
    try:
        start = time.perf_counter()
        report = build_dataset(corpus, outputs / "outputs", workers=workers, use_cache=False)
        return dict(seconds=time.perf_counter() - start, facts=report.facts, documents=report.documents)
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
    rows = ["file,published,source,url,title"]
    for doc_id, text, published in read_articles(str(articles), n):
        (folder / f"{doc_id}.txt").write_text(text, encoding="utf-8")
        rows.append(f"{doc_id}.txt,{published},synthetic,,")
    (folder / "manifest.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")


def child(args) -> None:
    if args.measure == "tokenizer":
        result = measure_tokenizer(args.articles, args.n)
    elif args.measure == "pipeline":
        result = measure_pipeline(args.articles, args.n, args.workers)
    else:
        result = measure_build(args.corpus, args.workers)
    result["peak_rss_mb"] = max(peak_rss_mb(), resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)
    print(json.dumps(result))


def run_child(*args: str) -> dict:
    if "--workers" not in args:
        args = (*args, "--workers", "1")
    out = subprocess.run([sys.executable, __file__, "--child", *args], capture_output=True, text=True,
                         env={**os.environ, "PYTHONHASHSEED": "0"})
    if out.returncode != 0:
        raise RuntimeError(out.stderr)
    return json.loads(out.stdout.strip().splitlines()[-1])


def default_scratch() -> str | None:
    shm = Path("/dev/shm")
    return str(shm) if shm.is_dir() and os.access(shm, os.W_OK) else None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--workers", default="1,2")
    parser.add_argument("--output", default=str(HERE / "results" / "bench.json"))
    parser.add_argument("--scratch", default=default_scratch(),
                        help="folder for the generated articles and corpora (default: /dev/shm when there is one)")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--measure", choices=["tokenizer", "pipeline", "build"])
    parser.add_argument("--n", type=int, default=0)
    parser.add_argument("--articles", default="")
    parser.add_argument("--corpus", default="")
    args, _ = parser.parse_known_args()
    if args.child:
        args.workers = int(args.workers)
        child(args)
        return
    sizes = [int(s) for s in args.sizes.split(",")]
    worker_counts = [int(w) for w in args.workers.split(",")]
    results, started = [], time.perf_counter()
    scratch = Path(tempfile.mkdtemp(prefix="aidfacts-bench-", dir=args.scratch))
    try:
        articles = scratch / "articles.jsonl"
        write_articles(max(sizes), articles)   # the generator is sequential: the first n are the size-n corpus
        print(f"{'articles':>9} {'measure':<10} {'workers':>7} {'seconds':>8} {'words/s':>10} {'ms/article':>10} "
              f"{'peak MB':>8} {'x tokenizer':>11}")
        for n in sizes:
            results += measure_size(n, worker_counts, articles, scratch)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    summary = dict(total_seconds=time.perf_counter() - started, cpu_count=os.cpu_count(), results=results)
    Path(args.output).parent.mkdir(parents=True, exist_ok=True)
    Path(args.output).write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")
    print(f"total {summary['total_seconds']:.0f} s; figures in {args.output}")


def measure_size(n: int, worker_counts: list[int], articles: Path, scratch: Path) -> list[dict]:
    tok = run_child("--measure", "tokenizer", "--n", str(n), "--articles", str(articles))
    rows = [dict(articles=n, measure="tokenizer", workers=1, **tok)]
    for w in worker_counts:
        rows.append(dict(articles=n, measure="pipeline", workers=w, **run_child(
            "--measure", "pipeline", "--n", str(n), "--articles", str(articles), "--workers", str(w))))
    corpus = scratch / f"corpus-{n}"
    try:
        write_corpus(articles, n, corpus)
        for w in worker_counts:
            rows.append(dict(articles=n, measure="build", workers=w,
                             **run_child("--measure", "build", "--corpus", str(corpus), "--workers", str(w))))
    finally:
        shutil.rmtree(corpus, ignore_errors=True)
    for row in rows:
        row["words"] = tok["words"]
        row["words_per_s"] = tok["words"] / row["seconds"]
        row["ms_per_article"] = 1000 * row["seconds"] / n
        row["ratio_to_tokenizer"] = tok["seconds"] / row["seconds"]
        print(f"{n:>9} {row['measure']:<10} {row['workers']:>7} {row['seconds']:>8.2f} "
              f"{row['words_per_s']:>10,.0f} {row['ms_per_article']:>10.3f} {row['peak_rss_mb']:>8.0f} "
              f"{row['ratio_to_tokenizer']:>11.3f}", flush=True)
    return rows


if __name__ == "__main__":
    main()
