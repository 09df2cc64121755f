"""Staff and pairing misses (issue 23), written for the phenomenon with invented sentences: a number of places
is no staff count and no reason to borrow a city from elsewhere; a pairing's verb may be left out, its helper
may be a city (its province helps), and `respectively` pairs lists in order."""
import pytest


def staff(facts_of, text):
    return [(f["value"], f["destination"]) for f in facts_of(text, kind="personnel_count")]


def pairs(facts_of, text):
    return sorted((f["helper"], f["recipient"]) for f in facts_of(text, kind="pairing"))


PLACES = [
    # a number of places after a verb of sending counts places, not staff
    ("The nurses were sent to 31 designated hospitals.", []),
    ("Medics from Fujian went to 12 makeshift hospitals in Xiaogan.", []),
    ("The team of 90 was sent to 14 hospitals in Xianning.", [(90, "Xianning")]),
    # staff sent to a number of places keep no city named in another sentence
    ("Jiangsu sent 300 nurses to Ezhou on Monday. Another 200 medics were deployed to 9 other cities.",
     [(300, "Ezhou"), (200, None)]),
    ("The first team arrived in Jingmen. The 450 medics of the second team went to 6 counties.", [(450, None)]),
    # still borrowed where nothing in the clause says where they went
    ("The first team arrived in Jingmen. The 450 medics of the team are from Hebei.", [(450, "Jingmen")]),
    ("Zhejiang sent 160 nurses to 3 hospitals in Suizhou.", [(160, "Suizhou")]),
]


@pytest.mark.parametrize("text, expected", PLACES, ids=[t[:40] for t, _ in PLACES])
def test_places_are_counted_places(facts_of, text, expected):
    assert staff(facts_of, text) == expected


PAIRINGS = [
    # `respectively` pairs a helping verb's lists in order
    ("Shandong and Hunan will help Huanggang and Ezhou respectively.",
     [("Hunan", "Ezhou"), ("Shandong", "Huanggang")]),
    ("Shandong and Hunan will help Huanggang and Ezhou.",
     [("Hunan", "Ezhou"), ("Hunan", "Huanggang"), ("Shandong", "Ezhou"), ("Shandong", "Huanggang")]),
    # a verb left out: the helpers after the recipients start their own pairing
    ("Tianjin and Liaoning will support Enshi, Guangxi and Hainan Jingzhou.",
     [("Guangxi", "Jingzhou"), ("Hainan", "Jingzhou"), ("Liaoning", "Enshi"), ("Tianjin", "Enshi")]),
    ("Gansu will aid Xiantao, Ningxia Tianmen and Xinjiang Qianjiang.",
     [("Gansu", "Xiantao"), ("Ningxia", "Tianmen"), ("Xinjiang", "Qianjiang")]),
    # a city outside Hubei helps as its province
    ("Jiangsu's Suzhou will support Huangshi.", [("Jiangsu", "Huangshi")]),
    ("Ningbo and Wenzhou will help Jingmen.", [("Zhejiang", "Jingmen")]),
    # not a pairing: a city of Hubei helping another, a team sent to Wuhan
    ("Wuhan will help Xiaogan.", []),
    ("Guangdong will support Wuhan with 300 nurses.", []),
]


@pytest.mark.parametrize("text, expected", PAIRINGS, ids=[t[:40] for t, _ in PAIRINGS])
def test_pairings(facts_of, text, expected):
    assert pairs(facts_of, text) == expected
