"""Damage every article of a folder the China Daily way and measure how well aidfacts finds the blanks.

    python bench/gap_recall.py ../shared/devset/articles [-v] [--half even|odd]

Prints the figures of the whole folder and of its two halves by file number (even and odd), so that a rule
written from one half's misses can be checked on the other half. `-v` lists every miss, wrong kind and false
blank (of the chosen half only, with --half).
"""
from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from extract.dataset.corpus import article_paths, iter_articles
from extract.evaluation.damage import GapScore, damage, score_gaps
from extract.nlp.pipeline import extract_doc, shared_nlp


def half_of(file: str) -> str:
    """`even` or `odd` by the first number in the file's name (`120.txt` -> even)."""
    number = re.search(r"\d+", Path(file).name)
    return "odd" if number and int(number.group()) % 2 else "even"


def line(name: str, score: GapScore) -> str:
    return (f"{name:5} standalone numbers {score.truth}, found {score.found}: recall {score.recall:.3f}; "
            f"reported {score.reported}, right {score.correct_reports}: precision {score.precision:.3f}; "
            f"expected right {score.expected_right}/{score.found} = {score.expected_accuracy:.3f}")


def main(folder: str, verbose: bool = False, half: str | None = None) -> dict[str, GapScore]:
    nlp = shared_nlp()
    scores = {"all": GapScore(), "even": GapScore(), "odd": GapScore()}
    for article in iter_articles(article_paths(Path(folder))):
        if isinstance(article, Exception):
            print(f"error: {article}", file=sys.stderr)
            continue
        damaged = damage(article.text)
        doc = extract_doc(damaged.text, article.doc_id, article.published, nlp)
        gaps = [(s.start_char, s._.expected, s.id_) for s in doc.spans["gap"]]
        part = half_of(article.file)
        score_gaps(damaged, gaps, scores[part])
        for what, item, near in score_gaps(damaged, gaps, scores["all"]):
            if verbose and half in (None, part):
                pos = item[0] if what == "spurious" else item.pos
                print(f"{article.doc_id} {what:9} {item} {near} | {damaged.text[max(0, pos - 30):pos + 25]!r}")
    for name, score in scores.items():
        print(line(name, score))
    return scores


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder")
    parser.add_argument("-v", "--verbose", action="store_true")
    parser.add_argument("--half", choices=("even", "odd"))
    args = parser.parse_args()
    main(args.folder, args.verbose, args.half)
