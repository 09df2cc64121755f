"""The facts of a folder's articles that have gold, extracted afresh for scoring."""
from __future__ import annotations

import sys
from pathlib import Path

from extract.dataset.batch import extract_corpus
from extract.dataset.corpus import article_paths, doc_id_for, iter_articles


def extract_folder_facts(folder: Path, doc_ids: set[str]) -> list[dict]:
    """Facts (as dicts) of the articles in `folder` whose doc_id is in `doc_ids`; unreadable ones are reported."""
    paths = [p for p in article_paths(folder) if doc_id_for(p) in doc_ids]
    result = extract_corpus(iter_articles(paths))
    for error in result.errors:
        print(f"error: {error}", file=sys.stderr)
    return [f.to_dict() for f in result.facts]
