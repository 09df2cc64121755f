"""Every fact is grounded: document[start:end] == text, over the corpus and the devset."""
from __future__ import annotations



from conftest import SEEDS
from extract.dataset.corpus import article_paths, iter_articles
from extract.nlp.pipeline import extract_doc
from extract.nlp.records import FIELDS, KINDS, doc_to_facts



def all_articles(shared_dir):
    folders = [SEEDS, shared_dir / "devset" / "articles"]
    return [p for folder in folders for p in article_paths(folder)]


def test_every_span_matches_its_text(nlp, shared_dir):
    checked = 0
    for article in iter_articles(all_articles(shared_dir)):
        assert not isinstance(article, Exception), article
        doc = extract_doc(article.text, article.doc_id, article.published, nlp)
        for fact in doc_to_facts(doc, article.doc_id):
            assert article.text[fact.start:fact.end] == fact.text, fact
            assert fact.kind in KINDS and fact.rule
            checked += 1
    assert checked > 400


def test_fact_ids_are_stable_and_unique(nlp, shared_dir):
    for article in iter_articles(all_articles(shared_dir)):
        first = [f.fact_id for f in doc_to_facts(extract_doc(article.text, article.doc_id, article.published, nlp),
                                                 article.doc_id)]
        again = [f.fact_id for f in doc_to_facts(extract_doc(article.text, article.doc_id, article.published, nlp),
                                                 article.doc_id)]
        assert first == again
        assert len(set(first)) == len(first), article.doc_id


def test_contract_fields_come_first_in_order():
    contract = ["fact_id", "doc_id", "kind", "value", "missing", "qualifier", "status", "period", "unit", "region",
                "region_code", "origin", "destination", "helper", "recipient", "date", "text", "start", "end", "rule"]
    assert list(FIELDS[:len(contract)]) == contract


def test_every_field_holds_its_own_value(nlp, shared_dir):
    """Facts are built as tuples in field order (records.fact_row): a value in the wrong slot shows here."""
    for article in iter_articles(all_articles(shared_dir)):
        doc = extract_doc(article.text, article.doc_id, article.published, nlp)
        for fact in doc_to_facts(doc, article.doc_id):
            gap = fact.kind == "missing_number"
            assert fact.doc_id == article.doc_id and isinstance(fact.start, int) and isinstance(fact.end, int)
            assert fact.sent_start <= fact.start < fact.end <= fact.sent_end, fact
            assert (fact.expected is not None, fact.context is not None) == (gap, gap), fact
            assert fact.expected in (None, "count", "thousands", "day", "ordinal", "year"), fact
            assert fact.belongs_to is None or gap
            assert isinstance(fact.missing, bool) and fact.candidates == () and fact.suggestion is None
            assert fact.region_code is None or fact.region_code.isdigit()


def test_fact_id_is_the_documented_hash():
    import hashlib

    from extract.nlp.records import fact_id

    assert fact_id("doc", "pairing", 3, 9, "Hunan", "Huanggang") == \
        hashlib.sha1(b"doc|pairing|3|9|Hunan|Huanggang").hexdigest()[:16]
    assert fact_id("doc", "date", 0, 4) == hashlib.sha1(b"doc|date|0|4||").hexdigest()[:16]
