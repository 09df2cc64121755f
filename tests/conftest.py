from __future__ import annotations

from pathlib import Path

import pytest

from extract.nlp.pipeline import build_nlp, extract_doc
from extract.nlp.records import doc_to_facts

PROJECT = Path(__file__).resolve().parent.parent
SHARED = PROJECT.parent / "shared"


def pytest_addoption(parser):
    parser.addoption("--regen-golden", action="store_true", default=False,
                     help="Rewrite the golden files from the current output instead of comparing.")


@pytest.fixture(scope="session")
def nlp():
    return build_nlp()


@pytest.fixture(scope="session")
def facts_of(nlp):
    """Facts of a text as dicts, for table-driven tests."""
    def run(text: str, published: str | None = "2020-02-12", kind: str | None = None) -> list[dict]:
        doc = extract_doc(text, "t", published, nlp)
        facts = [f.to_dict() for f in doc_to_facts(doc, "t")]
        return [f for f in facts if kind is None or f["kind"] == kind]
    return run


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared (seeds, gold, devset) is not beside the project")
    return SHARED
