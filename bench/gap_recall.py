"""Damage every article of a folder the China Daily way and measure how well aidfacts finds the blanks.

    python bench/gap_recall.py ../shared/devset/articles [-v]
"""
from __future__ import annotations

import sys
from pathlib import Path

from extract.dataset.corpus import article_paths, iter_articles
from extract.evaluation.damage import GapScore, damage, score_gaps
from extract.nlp.pipeline import extract_doc, shared_nlp


def main(folder: str, verbose: bool = False) -> GapScore:
    nlp, score = shared_nlp(), GapScore()
    for article in iter_articles(article_paths(Path(folder))):
        if isinstance(article, Exception):
            print(f"error: {article}", file=sys.stderr)
            continue
        damaged = damage(article.text)
        doc = extract_doc(damaged.text, article.doc_id, article.published, nlp)
        gaps = [(s.start_char, s._.expected) for s in doc.spans["gap"]]
        for what, item, near in score_gaps(damaged, gaps, score):
            if verbose:
                pos = item[0] if what == "spurious" else item.pos
                print(f"{article.doc_id} {what:9} {item} {near} | {damaged.text[max(0, pos - 30):pos + 25]!r}")
    print(f"standalone numbers {score.truth}, found {score.found}: recall {score.recall:.3f}; "
          f"reported {score.reported}, right {score.correct_reports}: precision {score.precision:.3f}; "
          f"expected right {score.expected_right}/{score.found} = {score.expected_accuracy:.3f}")
    return score


if __name__ == "__main__":
    main(sys.argv[1], "-v" in sys.argv)
