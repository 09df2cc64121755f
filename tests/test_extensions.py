"""The fast span-attribute helpers read and write exactly what spaCy's `span._` does."""
import pytest
import spacy

from extract.nlp.extensions import SPAN_EXTENSIONS, get, put, register


@pytest.fixture()
def doc():
    register()
    return spacy.blank("en")("Hubei Province reported 12 new cases.")


def test_put_is_seen_by_underscore(doc):
    span = doc[0:2]
    put(span, "value", "Hubei")
    put(span, "code", "420000")
    assert span._.value == "Hubei" and doc[0:2]._.code == "420000"
    assert doc[0:1]._.value is None   # another span: its own entry


def test_underscore_is_seen_by_get(doc):
    span = doc[3:4]
    span._.qualifier = "over"
    assert get(doc[3:4], "qualifier") == "over"
    assert get(doc[3:4], "missing") is SPAN_EXTENSIONS["missing"] is False


def test_unknown_attribute_is_refused(doc):
    with pytest.raises(AttributeError):
        put(doc[0:1], "valeu", 1)
    with pytest.raises(KeyError):
        get(doc[0:1], "valeu")


def test_doc_attributes_are_seen_by_underscore(doc):
    from extract.nlp.extensions import set_doc_attributes

    set_doc_attributes(doc, doc_id="000", published="2020-02-10")
    assert (doc._.doc_id, doc._.published, doc._.published_source) == ("000", "2020-02-10", None)
    with pytest.raises(AttributeError):
        set_doc_attributes(doc, publshed="2020")


def test_token_lists_agree_with_token_attributes():
    from extract.nlp.pipeline import shared_nlp
    from extract.nlp.docindex import release
    from extract.nlp.rules.relations import lower_words, token_offsets, token_texts

    nlp = shared_nlp()
    doc = nlp.make_doc("Hunan sent 1,200 medics (two teams) to  Huanggang, Hubei's city.\nThey arrived 3rd March!")
    assert token_texts(doc) == [t.text for t in doc] and lower_words(doc) == [t.lower_ for t in doc]
    assert token_offsets(doc) == ([t.idx for t in doc], [len(t) for t in doc])
    assert [t.is_space for t in doc] == [text.isspace() for text in token_texts(doc)]
    release(doc)
