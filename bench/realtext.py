"""Benchmark on real articles, in one process: spaCy's blank English tokenizer against the aidfacts pipeline on
the same texts, each text run three times and the best of the three kept (for the tokenizer and for every
component), so that a busy machine's pauses are not in the figures. Prints the tokenizer's seconds, the
pipeline's, their ratio (the pipeline's speed as a share of the tokenizer's) and each component's share of the
pipeline's time. Nothing is asserted.

The clock is the process's CPU time by default (--clock cpu): on a shared machine the wall clock also counts the
time other jobs held the core, which best-of-three only partly removes; --clock wall measures what a quiet
machine's wall clock would.

    python bench/realtext.py                              # the devset's articles
    python bench/realtext.py FOLDER --repeat 5            # any folder of .txt articles
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

DEFAULT_FOLDER = "/work/shared/devset/articles"
TOKENIZER = "tokenizer"


def read_texts(folder: str) -> list[tuple[str, str]]:
    paths = sorted(Path(folder).glob("*.txt"))
    if not paths:
        sys.exit(f"no .txt articles in {folder}")
    return [(path.stem, path.read_text(encoding="utf-8")) for path in paths]


CLOCKS = {"cpu": time.process_time, "wall": time.perf_counter}
clock = CLOCKS["cpu"]


def best_tokenizer_seconds(tokenizer, text: str, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = clock()
        tokenizer(text)
        best = min(best, clock() - start)
    return best


def pipeline_steps(nlp, text: str, doc_id: str) -> dict[str, float]:
    """Seconds of each step of one run of the pipeline: making the Doc (our tokenizer), then each component,
    called as nlp(doc) calls them."""
    from extract.nlp.pipeline import make_doc

    seconds = {}
    start = clock()
    doc = make_doc(nlp, text, doc_id, None)
    seconds[TOKENIZER] = clock() - start
    for name, component in nlp.pipeline:
        start = clock()
        doc = component(doc)
        seconds[name] = clock() - start
    return seconds


def best_pipeline_steps(nlp, text: str, doc_id: str, repeat: int) -> dict[str, float]:
    """The best of `repeat` runs (by total), with its steps."""
    runs = [pipeline_steps(nlp, text, doc_id) for _ in range(repeat)]
    return min(runs, key=lambda steps: sum(steps.values()))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", default=DEFAULT_FOLDER)
    parser.add_argument("--repeat", type=int, default=3, help="runs of each text; the best is kept")
    parser.add_argument("--clock", choices=sorted(CLOCKS), default="cpu")
    options = parser.parse_args()
    global clock
    clock = CLOCKS[options.clock]

    import spacy
    from extract.nlp.pipeline import shared_nlp

    texts = read_texts(options.folder)
    tokenizer = spacy.blank("en").tokenizer
    nlp = shared_nlp()
    for doc_id, text in texts[:3]:   # warm-up: lazily loaded data, first-call costs
        pipeline_steps(nlp, text, doc_id)
        tokenizer(text)

    tokenizer_seconds = 0.0
    steps: dict[str, float] = {}
    for doc_id, text in texts:
        tokenizer_seconds += best_tokenizer_seconds(tokenizer, text, options.repeat)
        for name, seconds in best_pipeline_steps(nlp, text, doc_id, options.repeat).items():
            steps[name] = steps.get(name, 0.0) + seconds
    pipeline_seconds = sum(steps.values())
    words = sum(len(text.split()) for _, text in texts)

    print(f"{len(texts)} articles, {words:,} words, best of {options.repeat} runs per text, {options.clock} clock")
    print(f"tokenizer  {tokenizer_seconds:8.4f} s  ({words / tokenizer_seconds:,.0f} words/s)")
    print(f"pipeline   {pipeline_seconds:8.4f} s  ({words / pipeline_seconds:,.0f} words/s, "
          f"{1000 * pipeline_seconds / len(texts):.2f} ms/article)")
    print(f"ratio      {tokenizer_seconds / pipeline_seconds:8.3f}x  (pipeline speed / tokenizer speed)")
    print("per component (share of the pipeline):")
    for name, seconds in sorted(steps.items(), key=lambda item: -item[1]):
        print(f"  {name.removeprefix('aidfacts_'):12s} {100 * seconds / pipeline_seconds:5.1f} %  {1000 * seconds:8.2f} ms")


if __name__ == "__main__":
    main()
