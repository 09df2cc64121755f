"""Benchmark: words per second and peak memory of tokenizing alone, the aidfacts pipeline and a full
`aidfacts build`, on synthetic corpora of 1k, 10k and 100k articles, with 1 and 2 workers.

Each measurement runs in its own process so that its peak memory (ru_maxrss) is its own. Figures are
printed and written to bench/results/bench.json. Nothing here is asserted; see the README for figures.

    python bench/bench.py                  # 1k, 10k, 100k
    python bench/bench.py --sizes 1000     # a quick run
"""
from __future__ import annotations

import argparse
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


def measure_tokenizer(n: int) -> dict:
    import spacy

    from synthetic import ArticleGenerator

    tokenizer = spacy.blank("en").tokenizer   # the floor: spaCy's English tokenizer alone
    texts = (text for _, text, _ in ArticleGenerator().articles(n))
    words, start = 0, time.perf_counter()
    for doc in tokenizer.pipe(texts, batch_size=256):
        words += len(doc)
    return dict(seconds=time.perf_counter() - start, tokens=words)


def measure_pipeline(n: int, workers: int) -> dict:
    from extract.corpus import Article
    from extract.batch import extract_stream
    from synthetic import ArticleGenerator

    articles = (Article(doc_id, f"{doc_id}.txt", text, published)
                for doc_id, text, published in ArticleGenerator().articles(n))
    facts = 0
    start = time.perf_counter()
    for _, found in extract_stream(articles, n_process=workers, batch_size=64):
        facts += len(found)
    seconds = time.perf_counter() - start
    return dict(seconds=seconds, facts=facts)


def measure_build(corpus: str, workers: int) -> dict:
    from extract.dataset import build_dataset

    outputs = Path(tempfile.mkdtemp(prefix="aidfacts-bench-out-"))
    try:
        start = time.perf_counter()
        report = build_dataset(corpus, outputs / "outputs", workers=workers, use_cache=False)
        return dict(seconds=time.perf_counter() - start, facts=report.facts, documents=report.documents)
    finally:
        shutil.rmtree(outputs, ignore_errors=True)


def write_corpus(n: int, folder: Path) -> int:
    from synthetic import ArticleGenerator

    folder.mkdir(parents=True, exist_ok=True)
    rows = ["file,published,source,url,title"]
    for doc_id, text, published in ArticleGenerator().articles(n):
        (folder / f"{doc_id}.txt").write_text(text, encoding="utf-8")
        rows.append(f"{doc_id}.txt,{published},synthetic,,")
    (folder / "manifest.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    return n


def count_words(n: int) -> int:
    """Words (whitespace-separated) of the synthetic corpus of size n."""
    from synthetic import ArticleGenerator

    return sum(len(text.split()) for _, text, _ in ArticleGenerator().articles(n))


def child(args) -> None:
    if args.measure == "tokenizer":
        result = measure_tokenizer(args.n)
    elif args.measure == "pipeline":
        result = measure_pipeline(args.n, args.workers)
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--workers", default="1,2")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--measure", choices=["tokenizer", "pipeline", "build"])
    parser.add_argument("--n", type=int, default=0)
    parser.add_argument("--corpus", default="")
    parser.add_argument("--output", default=str(HERE / "results" / "bench.json"))
    args, _ = parser.parse_known_args()
    if args.child:
        args.workers = int(args.workers)
        child(args)
        return
    sizes = [int(s) for s in args.sizes.split(",")]
    worker_counts = [int(w) for w in args.workers.split(",")]
    results, started = [], time.perf_counter()
    header = f"{'articles':>9} {'measure':<10} {'workers':>7} {'seconds':>8} {'words/s':>10} {'ms/article':>10} " \
             f"{'peak MB':>8} {'x tokenizer':>11}"
    print(header)
    for n in sizes:
        words = count_words(n)
        tok = run_child("--measure", "tokenizer", "--n", str(n))
        rows = [dict(articles=n, measure="tokenizer", workers=1, **tok)]
        for w in worker_counts:
            rows.append(dict(articles=n, measure="pipeline", workers=w,
                             **run_child("--measure", "pipeline", "--n", str(n), "--workers", str(w))))
        corpus = Path(tempfile.mkdtemp(prefix="aidfacts-bench-corpus-"))
        try:
            write_corpus(n, corpus)
            for w in worker_counts:
                rows.append(dict(articles=n, measure="build", workers=w,
                                 **run_child("--measure", "build", "--corpus", str(corpus), "--workers", str(w))))
        finally:
            shutil.rmtree(corpus, ignore_errors=True)
        for row in rows:
            row["words"] = words
            row["words_per_s"] = words / row["seconds"]
            row["ms_per_article"] = 1000 * row["seconds"] / n
            row["ratio_to_tokenizer"] = tok["seconds"] / row["seconds"]
            print(f"{n:>9} {row['measure']:<10} {row['workers']:>7} {row['seconds']:>8.2f} "
                  f"{row['words_per_s']:>10,.0f} {row['ms_per_article']:>10.3f} {row['peak_rss_mb']:>8.0f} "
                  f"{row['ratio_to_tokenizer']:>11.3f}", flush=True)
        results += rows
    summary = dict(total_seconds=time.perf_counter() - started, cpu_count=os.cpu_count(), results=results)
    Path(args.output).parent.mkdir(parents=True, exist_ok=True)
    Path(args.output).write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")
    print(f"total {summary['total_seconds']:.0f} s; figures in {args.output}")


if __name__ == "__main__":
    main()
