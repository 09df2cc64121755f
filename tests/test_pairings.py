import pytest

CASES = [
    ("Jiangxi and Guangxi have been assigned to support Suizhou.",
     [("Guangxi", "Suizhou"), ("Jiangxi", "Suizhou")]),
    ("Ezhou, with 1,000 cases, will be backed by both Guangdong and Inner Mongolia.",
     [("Guangdong", "Ezhou"), ("Inner Mongolia", "Ezhou")]),
    ("Shanghai and Tianjin are paired with Jingmen and Yichang, respectively.",
     [("Shanghai", "Jingmen"), ("Tianjin", "Yichang")]),
    ("Fujian Province, which is paired with Ningde's neighbour Yichang, sent doctors.", [("Fujian", "Yichang")]),
    ("Liaoning sent 200 medical workers to Xiangyang under the national plan.", [("Liaoning", "Xiangyang")]),
    # not pairings: Wuhan received staff from everywhere, a city's own province helps, donors are not helpers
    ("Guangdong sent 300 medical workers to Wuhan.", []),
    ("Hubei Province sent doctors to Xiaogan.", []),
    ("A county in Shandong donated vegetables to Huanggang.", []),
    ("Medical staff from Fujian helped Ningde.", []),
    # the shapes of pairing language
    ("Hunan is responsible for supporting Jingzhou.", [("Hunan", "Jingzhou")]),
    ("Under the scheme, Guangdong's counterpart is Jingzhou.", [("Guangdong", "Jingzhou")]),
    ("Jilin has been paired with Xiangyang.", [("Jilin", "Xiangyang")]),
    # not pairings: a team to aid Wuhan, a team named after it, cities other than Wuhan
    ("Fujian sent its 135-member medical team to aid Wuhan.", []),
    ("Staff of the Shanghai Support Wuhan Medical Team flew home.", []),
    ("Zhejiang will help cities other than Wuhan.", []),
    ("Zhejiang helps every city of Hubei except Wuhan.", []),
]


@pytest.mark.parametrize("text, expected", CASES, ids=[c[0][:45] for c in CASES])
def test_pairings(facts_of, text, expected):
    facts = facts_of(text, kind="pairing")
    assert sorted((f["helper"], f["recipient"]) for f in facts) == expected
    for fact in facts:
        assert text[fact["start"]:fact["end"]] == fact["text"]
        assert fact["rule"].startswith("pairing_")


def test_lists_pair_with_their_neighbours(facts_of):
    text = ("Gansu will be paired with Ezhou, Guizhou with Xianning, and Ningxia with Xiangyang. "
            "Under the arrangement, Shanxi is in charge of Qianjiang and Tianmen. Xiaogan is paired with Chongqing.")
    assert sorted((f["helper"], f["recipient"]) for f in facts_of(text, kind="pairing")) == [
        ("Chongqing", "Xiaogan"), ("Gansu", "Ezhou"), ("Guizhou", "Xianning"), ("Ningxia", "Xiangyang"),
        ("Shanxi", "Qianjiang"), ("Shanxi", "Tianmen")]


def test_a_scheme_sentence_pairs_the_article_s_helper(facts_of):
    text = ("Chongqing has sent 300 medical workers to Hubei. Chongqing doctors are at work. Chongqing also sent "
            "oranges. More medical staff will be dispatched to Hubei's Yichang City under the pairing support plan.")
    assert [(f["helper"], f["recipient"]) for f in facts_of(text, kind="pairing")] == [("Chongqing", "Yichang")]
