import pytest

CASES = [
    ("Medics from east China's Jiangxi Province reached Suizhou.", ["Jiangxi", "Suizhou"]),
    ("Aid came from Chongqing municipality and Inner Mongolia autonomous region.", ["Chongqing", "Inner Mongolia"]),
    ("BEIJING, Feb. 4 (Xinhua) -- teams left.", ["Beijing"]),
    ("Enshi Tujia and Miao Autonomous Prefecture asked for help.", ["Enshi"]),
    ("湖北省武汉市的医生", ["Hubei", "Wuhan"]),
    ("Ningxia Hui Autonomous Region sent nurses to Hubei's Xiaogan.", ["Ningxia", "Xiaogan", "Hubei"]),
    ("Hong Kong SAR and Macao donated masks.", ["Hong Kong", "Macao"]),
    # not regions: the country, its parts by compass, lower-case words
    ("Central China and east China were both affected across China.", []),
    ("the jilin river", []),
]


@pytest.mark.parametrize("text, expected", CASES, ids=[c[0][:40] for c in CASES])
def test_regions(facts_of, text, expected):
    facts = facts_of(text, kind="region")
    assert sorted(f["value"] for f in facts) == sorted(expected)
    for fact in facts:
        assert text[fact["start"]:fact["end"]] == fact["text"]
        assert len(fact["region_code"]) == 6


def test_suffixed_form_is_one_span(facts_of):
    facts = facts_of("Xiaogan, Hubei Province", kind="region")
    assert [f["text"] for f in facts] == ["Xiaogan", "Hubei Province"]
    assert facts[1]["region_code"] == "420000"


@pytest.mark.parametrize("text, expected", [
    ("Nurses from Beijing Tongren Hospital left for Wuhan.", ["Beijing", "Wuhan"]),
    ("Zhongshan Hospital of Fudan University sent a team.", []),
    ("Weifang Medical University donated masks.", []),
    ("Wuhan hospitals are full.", ["Wuhan"]),
])
def test_name_inside_an_institution_is_not_a_mention(facts_of, text, expected):
    assert [f["value"] for f in facts_of(text, kind="region")] == expected


def test_given_name_is_not_a_region(facts_of):
    facts = facts_of("Wang Yichun, a nurse from Jiangxi, said Yichun city sent 20 doctors.", kind="region")
    assert [(f["value"], f["text"]) for f in facts] == [("Jiangxi", "Jiangxi"), ("Yichun", "Yichun city")]


def test_longest_first_agrees_with_spacy_filter_spans():
    import random

    import spacy
    from spacy.util import filter_spans

    from extract.nlp.components.regions import longest_first

    doc = spacy.blank("en")(" ".join(["word"] * 30))
    rng = random.Random(7)
    for _ in range(200):
        ranges = []
        for _ in range(rng.randrange(1, 12)):
            start = rng.randrange(29)
            ranges.append((start, rng.randrange(start + 1, min(30, start + 5) + 1)))
        ranges = list(dict.fromkeys(ranges))
        expected = [(s.start, s.end) for s in filter_spans([doc[a:b] for a, b in ranges])]
        assert longest_first(ranges) == expected
