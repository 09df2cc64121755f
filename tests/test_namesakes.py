"""A city name shared by two cities (Fuzhou: Fujian's capital and a city of Jiangxi; Taizhou of Zhejiang and of
Jiangsu; Suzhou of Jiangsu and of Anhui; Yichun; Yulin) is read as the one the article's province context gives
(rules/places.py settle_namesakes): a province named beside it, its sentence's, the one last named before it (the
headline, the dateline, a bulletin's other cities), the only one the article names; with no context, the
gazetteer's default. The article's context is read only with places.NAMESAKES_BY_CONTEXT (off while the devset's
gold names two such cities by the default name); a province beside the name always. Our own sentences, both
readings of each name, and the false readings."""
import pytest

from extract.nlp.rules import places
from extract.nlp.gazetteer import GazetteerError, RegionGazetteer, default_gazetteer

HEADER = "code,canonical,zh,level,kind,parent,aliases,source\n"


def regions(facts_of, text):
    return [f["value"] for f in facts_of(text, published="2020-02-12", kind="region")]


def case_regions(facts_of, text):
    return sorted((f["value"], f["region"]) for f in facts_of(text, published="2020-02-12", kind="case_count"))


@pytest.fixture
def by_context(monkeypatch):
    monkeypatch.setattr(places, "NAMESAKES_BY_CONTEXT", True)


BESIDE = [
    # a province beside the name
    ("Fuzhou, Jiangxi reported 2 new cases on Monday.", "Fuzhou", "Fuzhou (Jiangxi)"),
    ("Fuzhou City in Jiangxi Province reported 2 new cases on Monday.", "Fuzhou City", "Fuzhou (Jiangxi)"),
    ("Jiangxi's Fuzhou reported 2 new cases on Monday.", "Fuzhou", "Fuzhou (Jiangxi)"),
    ("Fuzhou, Fujian's capital, reported 2 new cases, while Jiangxi reported none.", "Fuzhou", "Fuzhou"),
    ("Jiangsu's Taizhou reported 2 new cases.", "Taizhou", "Taizhou (Jiangsu)"),
    ("Suzhou, Anhui Province reported 2 new cases.", "Suzhou", "Suzhou (Anhui)"),
    # false readings: a province in a list, not beside the name
    ("Jiangxi, Fuzhou and Xiamen reported new cases.", "Fuzhou", "Fuzhou"),
    ("Fuzhou and Jiangxi reported new cases.", "Fuzhou", "Fuzhou"),
]

CONTEXT = [
    # the province of its sentence
    ("Jiangxi sent 100 doctors from Fuzhou to Hubei.", "Fuzhou", "Fuzhou (Jiangxi)"),
    ("Fujian sent 100 doctors from Fuzhou to Hubei.", "Fuzhou", "Fuzhou"),
    # the province last named before it (a headline, a bulletin, another city of the province)
    ("Jiangxi reports 5 new cases\n\nTwo of the new patients live in Fuzhou.", "Fuzhou", "Fuzhou (Jiangxi)"),
    ("Fujian reports 5 new cases\n\nTwo of the new patients live in Fuzhou.", "Fuzhou", "Fuzhou"),
    ("Nanchang reported 3 cases and Fuzhou reported 2.", "Fuzhou", "Fuzhou (Jiangxi)"),
    ("Jiangsu reported 10 new cases: 3 in Nanjing and 2 in Taizhou.", "Taizhou", "Taizhou (Jiangsu)"),
    ("Zhejiang reported 10 new cases: 3 in Hangzhou and 2 in Taizhou.", "Taizhou", "Taizhou"),
    ("Anhui reported 10 new cases: 3 in Hefei, 2 in Bengbu and 1 in Suzhou.", "Suzhou", "Suzhou (Anhui)"),
    ("Jiangsu reported 10 new cases: 3 in Nanjing, 2 in Wuxi and 1 in Suzhou.", "Suzhou", "Suzhou"),
    ("Heilongjiang reported 4 new cases, 1 of them in Yichun.", "Yichun", "Yichun (Heilongjiang)"),
    ("Jiangxi reported 4 new cases, 1 of them in Yichun.", "Yichun", "Yichun"),
    ("Guangxi reported 4 new cases, 1 of them in Yulin.", "Yulin", "Yulin (Guangxi)"),
    ("Shaanxi reported 4 new cases, 1 of them in Yulin.", "Yulin", "Yulin"),
    # the nearer of two provinces named before it
    ("Fujian sent doctors to Hubei. Jiangxi reported 5 new cases on Monday, 2 of them in Fuzhou.", "Fuzhou",
     "Fuzhou (Jiangxi)"),
    # the only one of the two provinces the article names, after the name
    ("Fuzhou reported 2 new cases on Monday. Schools across Jiangxi will stay closed.", "Fuzhou",
     "Fuzhou (Jiangxi)"),
    # no context: the gazetteer's default, as before
    ("Fuzhou reported 2 new cases on Monday.", "Fuzhou", "Fuzhou"),
    ("Doctors from Taizhou arrived in Wuhan.", "Taizhou", "Taizhou"),
    ("Suzhou and Wuhan reported new cases.", "Suzhou", "Suzhou"),
    # a Chinese name names one city, whatever the context
    ("江西 reported 2 new cases. 福州 reported 1.", "福州", "Fuzhou"),
]


def named(facts_of, text, form):
    return [f["value"] for f in facts_of(text, published="2020-02-12", kind="region") if f["text"] == form]


@pytest.mark.parametrize("text, form, canonical", BESIDE)
def test_a_province_beside_a_shared_name_says_which(facts_of, text, form, canonical):
    assert named(facts_of, text, form) == [canonical]


@pytest.mark.parametrize("text, form, canonical", CONTEXT)
def test_a_shared_name_is_the_one_its_context_gives(facts_of, by_context, text, form, canonical):
    assert named(facts_of, text, form) == [canonical]


@pytest.mark.parametrize("text, form, canonical", CONTEXT)
def test_without_context_reading_a_shared_name_keeps_its_default(facts_of, text, form, canonical):
    default = default_gazetteer().lookup(form).canonical
    assert named(facts_of, text, form) == [default]


def test_a_count_takes_the_namesake_of_its_context(facts_of, by_context):
    text = "Jiangxi reports 5 new cases\n\nOf the new cases, 2 were in Fuzhou and 3 in Nanchang."
    assert (2, "Fuzhou (Jiangxi)") in case_regions(facts_of, text)
    text = "Fujian reports 5 new cases\n\nOf the new cases, 2 were in Fuzhou and 3 in Xiamen."
    assert (2, "Fuzhou") in case_regions(facts_of, text)


def test_namesakes_of_the_gazetteer():
    namesakes = default_gazetteer().namesakes
    assert [r.canonical for r in namesakes["Fuzhou"]] == ["Fuzhou", "Fuzhou (Jiangxi)"]
    assert [r.province for r in namesakes["Taizhou"]] == ["Zhejiang", "Jiangsu"]
    assert default_gazetteer().shared_form("Fuzhou City") == namesakes["Fuzhou"]
    assert default_gazetteer().shared_form("抚州") == () and default_gazetteer().shared_form("Wuhan") == ()


def test_a_bracketed_name_must_be_a_namesake_in_its_province(tmp_path):
    path = tmp_path / "regions.csv"
    path.write_text(HEADER + "350000,Fujian,福建,province,province,,,x\n360000,Jiangxi,江西,province,province,,,x\n"
                             "350100,Fuzhou,福州市,prefecture,city,Fujian,,x\n"
                             "361000,Fuzhou (Fujian),抚州市,prefecture,city,Jiangxi,,x\n", encoding="utf-8")
    with pytest.raises(GazetteerError, match=r"Fuzhou \(Fujian\)"):
        RegionGazetteer.from_csv(path)
