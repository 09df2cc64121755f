"""Pairings (issue 23), invented sentences: lists paired by `respectively` only when they are as long (else
nothing), a city of another province helping as its province in every shape of naming it, and a team sent to
Wuhan a dispatch rather than a pairing unless the text states the pairing."""
import pytest


def pairs(facts_of, text):
    return sorted((f["helper"], f["recipient"]) for f in facts_of(text, kind="pairing"))


RESPECTIVELY = [
    # lists as long: paired by position, wherever `respectively` stands in the clause
    ("Jiangsu and Zhejiang will support Huangshi and Xiaogan respectively.",
     [("Jiangsu", "Huangshi"), ("Zhejiang", "Xiaogan")]),
    ("Anhui, Fujian and Hainan will respectively aid Ezhou, Suizhou and Enshi.",
     [("Anhui", "Ezhou"), ("Fujian", "Suizhou"), ("Hainan", "Enshi")]),
    ("The provinces of Jilin and Gansu will help the cities of Xianning and Jingmen, respectively.",
     [("Gansu", "Jingmen"), ("Jilin", "Xianning")]),
    ("Xiangyang and Jingzhou are backed by Tianjin and Hebei, respectively.",
     [("Hebei", "Jingzhou"), ("Tianjin", "Xiangyang")]),
    ("Medical teams from Sichuan and Yunnan went to Shiyan and Enshi respectively.",
     [("Sichuan", "Shiyan"), ("Yunnan", "Enshi")]),
    # lists of different lengths: position pairs nothing, and every way would be wrong
    ("Jiangsu and Zhejiang will support Huangshi, Xiaogan and Ezhou respectively.", []),
    ("Anhui, Fujian and Hainan will respectively aid Ezhou and Suizhou.", []),
    ("Xiangyang, Jingzhou and Jingmen are backed by Tianjin and Hebei, respectively.", []),
    ("Shanghai and Beijing are paired with Jingmen, Yichang and Enshi respectively.", []),
    # `respectively` in another clause does not bind this one's lists
    ("Jiangsu will support Huangshi, while Zhejiang and Fujian will aid Xiaogan and Ezhou respectively.",
     [("Fujian", "Ezhou"), ("Jiangsu", "Huangshi"), ("Zhejiang", "Xiaogan")]),
    # a verb left out after the first pairing
    ("Jiangsu will support Huangshi, Zhejiang Xiaogan, and Fujian Ezhou.",
     [("Fujian", "Ezhou"), ("Jiangsu", "Huangshi"), ("Zhejiang", "Xiaogan")]),
    # a passive with one recipient before it, an apposition between
    ("Suizhou, with 1,300 cases, is supported by Jiangxi and Henan.", [("Henan", "Suizhou"), ("Jiangxi", "Suizhou")]),
]

CITY_HELPERS = [
    # a city outside Hubei helps as its province, however the province is named beside it
    ("Jiangsu's Yancheng will support Huangshi.", [("Jiangsu", "Huangshi")]),
    ("Yancheng in Jiangsu will help Huangshi.", [("Jiangsu", "Huangshi")]),
    ("Yancheng, Jiangsu province, is paired with Huangshi.", [("Jiangsu", "Huangshi")]),
    ("Zhejiang province's Ningbo has been assigned to aid Xiaogan.", [("Zhejiang", "Xiaogan")]),
    ("Jiangsu's Yancheng and Zhejiang's Ningbo will help Huangshi and Xiaogan respectively.",
     [("Jiangsu", "Huangshi"), ("Zhejiang", "Xiaogan")]),
    ("Yancheng in Jiangsu and Ningbo in Zhejiang will help Huangshi and Xiaogan, respectively.",
     [("Jiangsu", "Huangshi"), ("Zhejiang", "Xiaogan")]),
    ("Ningbo and Wenzhou will support Jingmen.", [("Zhejiang", "Jingmen")]),
    # not helpers: Hubei's own cities, a city named as a neighbour
    ("Hubei's Wuhan will support Xiaogan.", []),
    ("Fujian, which is paired with Ningde's neighbour Yichang, sent 300 nurses.", [("Fujian", "Yichang")]),
]

WUHAN_TEAMS = [
    # a team sent to Wuhan is a dispatch, however it is said
    ("Jiangsu's medical team has been assigned to support Wuhan.", []),
    ("A medical team from Anhui was assigned to help Wuhan's hospitals.", []),
    ("The 300 doctors from Guangdong were ordered to aid Wuhan.", []),
    ("Fujian's third medical team left for Wuhan, Hubei province, on Monday.", []),
    ("A medical team from Fujian arrived in Wuhan on Monday to support the city's hospitals.", []),
    ("Jiangsu sent a 100-member team to Wuhan, the capital of Hubei, while Huangshi received masks.", []),
    ("Shandong's nurses flew to Wuhan, and Huanggang got 50 ventilators.", []),
    # a list of places staff went to ends where a place starts its own clause
    ("Guangdong sent 300 nurses to Jingzhou, and Xiaogan has received vegetables.", [("Guangdong", "Jingzhou")]),
    ("Guangdong sent 300 nurses to Jingzhou, Ezhou and Xiaogan.",
     [("Guangdong", "Ezhou"), ("Guangdong", "Jingzhou"), ("Guangdong", "Xiaogan")]),
    # the pairing stated, or staff sent to a city of the scheme
    ("Guangdong has been assigned to support Jingzhou.", [("Guangdong", "Jingzhou")]),
    ("Huanggang has received 600 medical workers from Shandong.", [("Shandong", "Huanggang")]),
    ("Hunan's team of 130 arrived in Wuhan, and a second team of 100 from Hunan went to Huanggang.",
     [("Hunan", "Huanggang")]),
]


@pytest.mark.parametrize("text, expected", RESPECTIVELY + CITY_HELPERS + WUHAN_TEAMS,
                         ids=[t[:50] for t, _ in RESPECTIVELY + CITY_HELPERS + WUHAN_TEAMS])
def test_pairing_shapes(facts_of, text, expected):
    assert pairs(facts_of, text) == expected
