"""Golden files: the full JSONL output for each article in tests/test_golden/ (pytest-datadir).

Regenerate after an intended change with `pytest tests/test_golden.py --regen-golden` and review the diff."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from extract.dataset.batch import extract_corpus
from extract.dataset.corpus import article_paths, iter_articles

GOLDEN_DIR = Path(__file__).parent / "test_golden"
ARTICLES = sorted(p.name for p in GOLDEN_DIR.glob("*.txt"))


def render(nlp, folder: Path, name: str) -> str:
    """The JSONL that `aidfacts extract` prints for one article of the folder, evidence pass included."""
    result = extract_corpus(iter_articles(article_paths(folder)), nlp)
    doc_id = name.rsplit(".", 1)[0]
    return "".join(json.dumps(f.to_dict(), ensure_ascii=False) + "\n" for f in result.facts if f.doc_id == doc_id)


@pytest.mark.parametrize("name", ARTICLES)
def test_golden_jsonl(nlp, datadir, original_datadir, request, name):
    actual = render(nlp, datadir, name)
    expected_path = datadir / name.replace(".txt", ".facts.jsonl")
    if request.config.getoption("--regen-golden"):
        (original_datadir / expected_path.name).write_text(actual, encoding="utf-8")
        pytest.skip("golden file rewritten")
    assert expected_path.exists(), f"no golden file for {name}: run with --regen-golden"
    assert actual == expected_path.read_text(encoding="utf-8")
