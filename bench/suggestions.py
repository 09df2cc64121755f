"""Suggestions on a corpus of syndicated copies: every article of a folder intact, plus a copy of it damaged
the China Daily way, built with `aidfacts build`; how many blanks get the deleted number as their suggestion.

    python bench/suggestions.py ../shared/devset/articles [-v] [--damaged-only]

Prints the figures of the whole folder and of its halves by file number (even, odd). `--damaged-only` builds
the damaged copies alone, with no intact copy beside them: the passage has nothing to align on, so what is
suggested comes from the attributes of the other damaged articles' facts (the case of a corpus of damaged
articles whose intact text was never scraped).
"""
from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from extract.dataset.build import build_dataset, load_dataset
from extract.dataset.corpus import article_paths, iter_articles
from extract.evaluation.damage import SuggestionScore, score_suggestions, write_syndicated_corpus

sys.path.insert(0, str(Path(__file__).resolve().parent))
from gap_recall import half_of  # noqa: E402


def measure(folder: str, scratch: Path, damaged_only: bool = False) -> dict[str, SuggestionScore]:
    articles = [a for a in iter_articles(article_paths(Path(folder))) if not isinstance(a, Exception)]
    damaged = write_syndicated_corpus(articles, scratch / "corpus")
    if damaged_only:
        drop_intact(scratch / "corpus", damaged)
    build_dataset(scratch / "corpus", scratch / "outputs", use_cache=False)
    gaps = load_dataset(scratch / "outputs")["gaps"].to_dict("records")
    scores = {}
    for name in ("all", "even", "odd"):
        part = {d: v for d, v in damaged.items() if name == "all" or half_of(d + ".txt") == name}
        scores[name] = score_suggestions(gaps, part)
    return scores


def drop_intact(corpus: Path, damaged: dict) -> None:
    """Leave only the damaged copies (and their manifest rows) in the corpus."""
    import csv
    for path in corpus.glob("*.txt"):
        if path.stem not in damaged:
            path.unlink()
    with open(corpus / "manifest.csv", encoding="utf-8", newline="") as handle:
        rows = [row for row in csv.reader(handle)]
    with open(corpus / "manifest.csv", "w", encoding="utf-8", newline="") as out:
        csv.writer(out, lineterminator="\n").writerows(
            [rows[0]] + [row for row in rows[1:] if Path(row[0]).stem in damaged])


def main(folder: str, verbose: bool = False, damaged_only: bool = False) -> dict[str, SuggestionScore]:
    with tempfile.TemporaryDirectory() as scratch:
        scores = measure(folder, Path(scratch), damaged_only)
    for name, s in scores.items():
        print(f"{name:5} blanks found {s.blanks}, suggested {s.suggested}, right {s.right}: "
              f"{s.precision:.3f} of suggestions right, right value for {s.recall:.3f} of blanks; "
              f"by basis (suggested, right): {s.by_basis}")
    return scores


if __name__ == "__main__":
    main(sys.argv[1], "-v" in sys.argv, "--damaged-only" in sys.argv)
