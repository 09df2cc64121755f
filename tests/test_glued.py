"""Scraped text: glued words and odd apostrophes read as the words they are, with exact offsets."""
import pytest

# (text, kind, expected (text, value) pairs of that kind)
CASES = [
    ("Anhui reported 3 new cases inJiangsu style.", "region", [("Anhui", "Anhui"), ("Jiangsu", "Jiangsu")]),
    ("There were 12 in Hefei and 1 inHuangshan.", "region", [("Hefei", "Hefei"), ("Huangshan", "Huangshan")]),
    ("Medics went toWuhan and ofXiaogan.", "region", [("Wuhan", "Wuhan"), ("Xiaogan", "Xiaogan")]),
    ("Teams left Hubeiprovince for Wuhancity.", "region", [("Hubeiprovince", "Hubei"), ("Wuhancity", "Wuhan")]),
    ("Chongqingmunicipality helped.", "region", [("Chongqingmunicipality", "Chongqing")]),
    ("It had 38 cases in Ma’anshan and 4 in Lu‘an.", "region", [("Ma’anshan", "Ma'anshan"), ("Lu‘an", "Lu'an")]),
    ("Lu'an, Xi´an and Huai’an reported cases.", "region",
     [("Lu'an", "Lu'an"), ("Xi´an", "Xi'an"), ("Huai’an", "Huai'an")]),
    ("Yan`an and Ma\u02bcanshan sent nurses.", "region", [("Yan`an", "Yan'an"), ("Ma\u02bcanshan", "Ma'anshan")]),
    # glued nouns and digits still make counts
    ("Hubei reported 12 confirmedcases.", "case_count", [("12 confirmedcases", 12)]),
    ("Hubei reported 12cases on Monday.", "case_count", [("12cases", 12)]),
    ("Hubei reported 40 newcases.", "case_count", [("40 newcases", 40)]),
    ("Hubei had 7 suspectedcases.", "case_count", [("7 suspectedcases", 7)]),
    ("Of the new cases, 2in Wuxi and 5in Xuzhou.", "region", [("Wuxi", "Wuxi"), ("Xuzhou", "Xuzhou")]),
    ("As of 24:00, February13, 593 cases were reported.", "date", [("February13", "2020-02-13")]),
    ("Jiangsu has 593 cases, 47of which are mild.", "case_count", [("593 cases", 593), ("47of which", 47)]),
    # a hyphenated compound before the noun is its modifier; a compound that ends in the noun is not counted
    ("A total of 157 novel coronavirus-infected cases were confirmed.", "case_count",
     [("A total of 157 novel coronavirus-infected cases", 157)]),
    ("The 3 test-cluster-worker group met.", "case_count", []),
    # not split: ordinary words and names with capitals inside
    ("WeChat and McDonald's sent electricity and capacity to the city.", "region", []),
    ("The 21st team, the 3rd batch and 4inch screens, within a month.", "case_count", []),
]


@pytest.mark.parametrize("text, kind, expected", CASES, ids=[c[0][:45] for c in CASES])
def test_glued_words_and_apostrophes(facts_of, text, kind, expected):
    facts = facts_of(text, kind=kind)
    assert [(f["text"], f["value"]) for f in facts] == expected
    for fact in facts:
        assert text[fact["start"]:fact["end"]] == fact["text"]


def test_gazetteer_lookup_straightens_apostrophes():
    from extract.nlp.gazetteer import default_gazetteer

    gazetteer = default_gazetteer()
    assert gazetteer.lookup("Ma’anshan").canonical == "Ma'anshan"
    assert gazetteer.lookup("LU‘AN").canonical == "Lu'an"
    assert gazetteer.lookup("Xi´an city").canonical == "Xi'an"


def test_glued_words_keep_every_offset(nlp):
    text = "Hubei reported 1 inHuangshan, 3 confirmedcases in Hubeiprovince and 12cases in Ma’anshan."
    doc = nlp(nlp.make_doc(text))
    assert "".join(t.text_with_ws for t in doc) == text
    assert [t.text for t in doc][3:9] == ["in", "Huangshan", ",", "3", "confirmed", "cases"]
    assert [(s.text, s._.value) for s in doc.spans["region"]] == [
        ("Hubei", "Hubei"), ("Huangshan", "Huangshan"), ("Hubeiprovince", "Hubei"), ("Ma’anshan", "Ma'anshan")]
