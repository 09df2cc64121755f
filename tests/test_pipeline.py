import spacy

from extract.pipeline import PIPE_NAMES, build_nlp


def test_pipes_in_order_and_analysis_clean(nlp):
    assert tuple(nlp.pipe_names) == PIPE_NAMES
    analysis = nlp.analyze_pipes()
    assert not any(analysis["problems"].values())


def test_factories_register_through_entry_points():
    nlp = spacy.blank("en")
    nlp.add_pipe("aidfacts_dates")     # found through the spacy_factories entry point
    assert nlp.pipe_names == ["aidfacts_dates"]


def test_no_statistical_model():
    nlp = build_nlp()
    assert nlp.meta.get("vectors", {}).get("width", 0) == 0
    assert all(name.startswith("aidfacts_") for name in nlp.pipe_names)
