"""aidfacts: rule-based extraction of COVID-19 aid facts from news articles into an auditable dataset."""
from __future__ import annotations

__version__ = "0.1.0"


def extract_text(text: str, doc_id: str = "document", published: str | None = None):
    """The facts of one text as a pandas DataFrame (one row per fact, the contract's columns)."""
    import pandas as pd

    from extract.nlp.pipeline import extract_doc
    from extract.nlp.records import FIELDS, doc_to_facts

    facts = doc_to_facts(extract_doc(text, doc_id, published), doc_id)
    return pd.DataFrame([f.to_dict() for f in facts], columns=list(FIELDS))


def build_dataset(corpus="corpus", outputs="outputs", **options):
    """Rebuild `outputs` from `corpus`; returns a BuildReport. See extract.dataset.build_dataset."""
    from extract.dataset.build import build_dataset as build

    return build(corpus, outputs, **options)


def load_dataset(outputs="outputs"):
    """The built tables as pandas DataFrames, by name."""
    from extract.dataset.build import load_dataset as load

    return load(outputs)
