"""Properties over arbitrary text: extraction never raises, every span is grounded, ids are stable, and a
text damaged the China Daily way never makes the extractor crash."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extract.evaluation.damage import damage
from extract.nlp.pipeline import extract_doc
from extract.nlp.records import doc_to_facts

# words of the genre, so that random texts reach the rules and not only the tokenizer
VOCABULARY = ["Hubei", "Province", "Wuhan", "Xiaogan", "Shandong", "Hunan", "Inner", "Mongolia", "湖北", "武汉",
              "sent", "medical", "workers", "to", "from", "with", "cases", "confirmed", "new", "deaths", "teams",
              "batches", "provinces", "cities", "more", "than", "nearly", "a", "dozen", "two", "hundred", "of",
              "them", "Feb.", "March", "2020", "Monday", "on", "by", "will", "help", "backed", "both", "and", ",",
              ".", "(", ")", "  ", "\n", "1,033", "11,000", "379", "7", "2nd", "nd", "the", "respectively",
              "paired", "assigned", "support", "toll", "reached", "-", "member", "’s", "'s", "percent"]
genre_text = st.lists(st.sampled_from(VOCABULARY), max_size=60).map(" ".join)
any_text = st.text(max_size=400)
PROPERTY = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def grounded_facts(nlp, text: str, published="2020-02-12"):
    doc = extract_doc(text, "p", published, nlp)
    facts = doc_to_facts(doc, "p")
    for fact in facts:
        assert text[fact.start:fact.end] == fact.text
        assert fact.rule
    return facts


@PROPERTY
@given(text=st.one_of(any_text, genre_text), published=st.sampled_from([None, "2020-02-12", "2020-03", "2008"]))
def test_never_raises_and_every_span_is_grounded(nlp, text, published):
    grounded_facts(nlp, text, published)


@PROPERTY
@given(text=genre_text)
def test_fact_ids_are_stable(nlp, text):
    first = [f.fact_id for f in grounded_facts(nlp, text)]
    assert first == [f.fact_id for f in grounded_facts(nlp, text)]
    assert len(set(first)) == len(first)


@PROPERTY
@given(text=st.one_of(any_text, genre_text))
def test_damaged_text_never_crashes(nlp, text):
    damaged = damage(text)
    facts = grounded_facts(nlp, damaged.text)
    assert all(f.value is None for f in facts if f.kind == "missing_number")
