"""Every number accounted for (issue 23): each numeral of an article is held by a fact, set aside with a reason, or
listed as unexplained; the build routes the accounts to numbers.csv and documents.csv, never to the facts."""
import json

import pytest

from extract.dataset.batch import extract_corpus, extract_items
from extract.dataset.build import DOCUMENT_COLUMNS, FACT_COLUMNS, build_dataset, load_dataset
from extract.dataset.corpus import Article
from extract.dataset.package import NUMBER_REASONS
from extract.nlp.components.accounting import REASONS, WORD_REASONS, accounting_words
from extract.nlp.pipeline import extract_doc
from extract.nlp.records import NUMBER_KIND, number_records

# one text per reason: the numeral, its reason and the rule that gives it
SET_ASIDE = [
    ("The donation was worth 2.4 million yuan.", "2.4 million", "money", "money:after"),
    ("The fund gave $343,800 to the city.", "343,800", "money", "money:before"),
    ("The cure rate reached 98.5 percent.", "98.5", "percent", "percent:after"),
    ("Women made up 48.3% of them.", "48.3", "percent", "percent:after"),
    ("The 87-year-old man went home.", "87", "age", "age:after"),
    ("Another 29 patients are about to be cured and discharged, 6 in Hefei.", "6", "forecast",
     "forecast:sentence"),
    ("Patients aged 65 were moved.", "65", "age", "age:before"),
    ("The two, 87 and 27 years old, met in Wuhan.", "87", "age", "age:after"),
    ("Liu Chunhong, 56, is a community volunteer in Wuhan.", "56", "age", "age:apposition"),
    ("The team arrived at 4:30 a.m. and began work.", "4:30", "time", "time:clock"),
    ("The medics will stay in quarantine for 14 days.", "14", "time", "time:after"),
    ("Residents can call the hotline 12320 for help.", "12320", "phone", "phone:before"),
    ("For help, dial 0551-62998888 at any hour.", "0551-62998888", "phone", "phone:shape"),
    ("Staff of the Shandong Provincial No. 3 Hospital signed up.", "3", "id", "id:before"),
    ("Shandong sent its 10th medical team on Thursday.", "10th", "ordinal", "ordinal:suffix"),
    ("Daily report\n2. As of March 3, Hubei had 30 cases.", "2", "ordinal", "ordinal:item"),
    ("The novel coronavirus (2019-nCoV) spread.", "2019", "year", "year:shape"),
    ("The city bought N95 respirators.", "N95", "code", "code:letters"),
    ("The province added 8,000 new beds.", "8,000", "beds", "beds:noun"),
    ("Hubei ran 12,000 nucleic acid tests on Monday.", "12,000", "tests", "tests:noun"),
    ("A total of 43,544 close contacts were traced.", "A total of 43,544", "close_contacts", "close_contacts:noun"),
    ("Of them, 4,804 are still under medical observation.", "4,804", "close_contacts", "close_contacts:clause"),
    ("The H1N1 flu affected 120,000 people.", "120,000", "other_disease", "other_disease:sentence"),
    ("The earthquake left more than 80,000 people dead.", "more than 80,000", "other_disease",
     "other_disease:sentence"),
    ("They carried 5,000 masks and goggles.", "5,000", "supplies", "supplies:noun"),
    ("The county donated 300 tons of garlic.", "300", "measure", "measure:after"),
    ("The medics come from 35 hospitals in the province.", "35", "hospitals", "hospitals:noun"),
    ("Cases have been reported in at least 55 countries.", "at least 55", "places", "places:noun"),
    ("Huanggang is home to over 7.5 million people.", "over 7.5 million", "population", "population:before"),
    ("Between 00:00 and 24:00, no new case was reported.", "24:00", "time", "time:clock"),
    ("Wuhan revised its death toll up by 1,290 to 3,869.", "1,290", "change", "change:sentence"),
    ("Severe cases: 410 fewer severe cases than a day earlier.", "410", "change", "change:after"),
    ("Hubei, March 3\nClose contacts: 3,000\n", "3,000", "close_contacts", "close_contacts:label"),
    ("Hubei, March 3\nNucleic acid tests: 12,000\n", "12,000", "tests", "tests:label"),
]


def accounts(text: str, published: str | None = "2020-02-12", nlp=None) -> dict[str, tuple[str, str]]:
    doc = extract_doc(text, "t", published, nlp)
    return {n.text: (n.expected, n.rule) for n in number_records(doc, "t")}


@pytest.mark.parametrize("text,numeral,reason,rule", SET_ASIDE, ids=[row[3] + ":" + row[1] for row in SET_ASIDE])
def test_each_reason_sets_its_numbers_aside(text, numeral, reason, rule, nlp):
    assert accounts(text, nlp=nlp)[numeral] == (reason, rule)


def test_every_reason_of_the_word_lists_has_a_text_here():
    assert {row[2] for row in SET_ASIDE} >= set(WORD_REASONS)


def test_numbers_in_facts_are_held_by_them_with_the_facts_id(nlp):
    doc = extract_doc("Hubei reported 2,345 new confirmed cases on Feb. 4, 2020.", "t", "2020-02-05", nlp)
    numbers = {n.text: n for n in number_records(doc, "t")}
    facts = {f.fact_id: f for f in doc.user_data["aidfacts_facts"]}
    count, day = numbers["2,345"], numbers["4"]
    assert (count.expected, count.rule, count.value) == ("fact", "fact:case_count", 2345)
    assert facts[count.belongs_to].kind == "case_count" and facts[count.belongs_to].value == 2345
    assert (day.expected, day.rule) == ("fact", "fact:date") and numbers["2020"].rule == "fact:date"


def test_a_number_no_rule_reads_is_unexplained(nlp):
    found = accounts("The 3,306 applicants waited. Another one, covering a field, had opened.", nlp=nlp)
    assert found["3,306"] == ("unexplained", "unexplained")


def test_a_number_in_words_is_a_numeral_and_a_digit_in_any_script_too(nlp):
    found = accounts("Three hundred applicants waited in hall ١٢ for the 2 buses.", nlp=nlp)
    assert found["Three hundred"][0] == "unexplained"
    assert "١٢" in found and found["2"] == ("supplies", "supplies:noun")


def test_extract_is_unchanged_and_a_build_routes_numbers_to_their_own_table(tmp_path):
    text = "Hubei reported 2,345 new confirmed cases on Monday. The donation was worth 2.4 million yuan. " \
           "The 3,306 applicants waited.\n"
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(text, encoding="utf-8")
    (corpus / "manifest.csv").write_text("file,published,source,url,title\na.txt,2020-02-11,,,\n", encoding="utf-8")
    article = Article("a", "a.txt", text, "2020-02-11")
    plain = extract_corpus([article]).facts
    assert all(f.kind != NUMBER_KIND for f in plain)   # aidfacts extract, evaluation: the facts alone
    _, with_numbers, _ = next(extract_items([article], numbers=True))
    assert with_numbers[:len(plain)] == plain and {f.kind for f in with_numbers[len(plain):]} == {NUMBER_KIND}
    build_dataset(corpus, tmp_path / "out", cache_dir=tmp_path / "cache")
    again = tmp_path / "again"
    build_dataset(corpus, again, cache_dir=tmp_path / "cache")   # from the cache: the same tables
    for name in ("numbers.csv", "documents.csv", "facts.csv"):
        assert (tmp_path / "out" / name).read_bytes() == (again / name).read_bytes()
    tables = load_dataset(tmp_path / "out")
    assert list(tables["facts"].columns) == FACT_COLUMNS and NUMBER_KIND not in set(tables["facts"]["kind"])
    assert list(tables["documents"].columns) == DOCUMENT_COLUMNS and DOCUMENT_COLUMNS[-2:] == ["numbers", "unexplained"]
    numbers = tables["numbers"]
    row = tables["documents"].iloc[0]
    assert (row["numbers"], row["unexplained"]) == (len(numbers), 1)
    by_text = numbers.set_index("text")
    assert by_text.loc["2,345", "reason"] == "fact" and by_text.loc["2,345", "value"] == 2345
    assert by_text.loc["2,345", "fact_id"] in set(tables["facts"]["fact_id"])
    assert (by_text.loc["2.4 million", "reason"], by_text.loc["3,306", "reason"]) == ("money", "unexplained")
    for n in numbers.itertuples():
        assert text[n.start:n.end] == n.text
        assert text[n.sent_start:n.sent_end].find(n.text) >= 0
    package = json.loads((tmp_path / "out" / "datapackage.json").read_text(encoding="utf-8"))
    assert "numbers" in {resource["name"] for resource in package["resources"]}


def test_the_reasons_are_one_list_and_the_word_lists_are_checked(tmp_path, monkeypatch):
    assert list(REASONS) == NUMBER_REASONS
    assert set(accounting_words()) == set(WORD_REASONS)
    from extract.nlp.components import accounting
    bad = tmp_path / "accounting.json"
    bad.write_text(json.dumps({"reasons": {"lottery": {"after": ["tickets"]}}}), encoding="utf-8")
    monkeypatch.setattr(accounting, "data_path", lambda name: str(bad))
    accounting.accounting_words.cache_clear()
    try:
        with pytest.raises(ValueError, match="unknown reason 'lottery'"):
            accounting.accounting_words()
        bad.write_text(json.dumps({"reasons": {"money": {"after": ["Yuan"]}}}), encoding="utf-8")
        accounting.accounting_words.cache_clear()
        with pytest.raises(ValueError, match="lower-case"):
            accounting.accounting_words()
    finally:
        accounting.accounting_words.cache_clear()


def test_the_review_app_lists_the_unexplained_numbers_in_their_sentences(tmp_path):
    from extract.audit.app.web import create_app

    corpus, outputs = tmp_path / "corpus", tmp_path / "outputs"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Hubei reported 2,345 new confirmed cases on Monday. The 3,306 <b>applicants</b> "
                                  "waited.\n", encoding="utf-8")
    build_dataset(corpus, outputs, use_cache=False)
    client = create_app(outputs, corpus).test_client()
    home = client.get("/numbers")
    html = home.get_data(as_text=True)
    assert home.status_code == 200 and "1 unexplained number in 1 document" in html
    assert '<mark class="current">3,306</mark> &lt;b&gt;applicants&lt;/b&gt; waited.' in html   # escaped
    assert '<td class="value">2,345' not in html   # held by a fact: not in the queue
    facts_page = client.get("/numbers?reason=fact").get_data(as_text=True)
    assert '<mark class="current">2,345</mark>' in facts_page and "fact:case_count" in facts_page
    assert client.get("/numbers?page=nonsense").status_code == 200
    assert "/numbers" in client.get("/rules").get_data(as_text=True)   # linked from the nav
