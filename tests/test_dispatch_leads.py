"""A dispatch told in a lead sentence and broken down in the next ones (blind set 8), invented sentences: the
lead's date, origin and destination reach the counts of the groups it counts (`Two teams ... left for Hubei on
Monday. One team of 40 ... The other team of 80 ...`) unless a part states its own; a definite team (`is among
the 138-member team`) is the one told before. A lone team before `another group` is not broken down."""
import pytest


def staff(facts_of, text):
    return [(f["value"], f["origin"], f["destination"], f["date"]) for f in facts_of(text, kind="personnel_count")]


# published 2020-02-12, a Wednesday: Monday is 02-10, Sunday 02-09
LEADS = [
    # the groups the lead counts, one by one: its date, origin and destination reach each
    ("Two teams of medical workers from Anhui province left for Hubei province on Monday. One team of 40 nurses "
     "will work in Xiaogan. The other team of 80 doctors will work in Suizhou.",
     [(40, "Anhui", "Xiaogan", "2020-02-10"), (80, "Anhui", "Suizhou", "2020-02-10")]),
    ("Two groups of nurses from Gansu set off for Wuhan on Sunday. One group of 30 nurses is from Lanzhou. "
     "Another group of 25 nurses comes from Tianshui.",
     [(30, "Lanzhou", "Wuhan", "2020-02-09"), (25, "Tianshui", "Wuhan", "2020-02-09")]),
    ("Ningxia sent three medical teams to Hubei on Sunday. Each team has 45 members.",
     [(45, "Ningxia", "Hubei", "2020-02-09")]),
    ("Three batches of medics from Henan arrived in Wuhan on Feb 8. The first batch of 100 doctors works at "
     "Jinyintan Hospital.", [(100, "Henan", "Wuhan", "2020-02-08")]),
    # a part that states its own keeps it
    ("Two teams of medical workers from Anhui province left for Hubei province on Monday. One group of 40 nurses "
     "from Jiangxi arrived in Xiaogan on Friday.", [(40, "Jiangxi", "Xiaogan", "2020-02-07")]),
    # one team, then another group: a second group, not a part of the first
    ("A team of medical workers from Anhui left for Hubei on Monday. Another group of 40 nurses will work in "
     "Xiaogan.", [(40, None, "Xiaogan", None)]),
    ("Jiangsu sent 300 nurses to Wuhan on Monday. Another group of 200 medics will work in Xiaogan.",
     [(300, "Jiangsu", "Wuhan", "2020-02-10"), (200, None, "Xiaogan", None)]),
    # `another` continues a breakdown; alone after the lead it is one more group
    ("Jiangsu sent two medical teams to Wuhan on Monday. Another team of 50 nurses will leave next week.",
     [(50, None, None, None)]),
    # a definite team: the one told before
    ("Sichuan sent 138 medics to Wuhan on Saturday. Professor Luo, an expert in lung diseases, is among the "
     "138-member team.", [(138, "Sichuan", "Wuhan", "2020-02-08"), (138, "Sichuan", "Wuhan", None)]),
    ("Shanxi dispatched 120 doctors to Jingzhou on Monday. Zhang Wei, a surgeon, leads the 120-member team.",
     [(120, "Shanxi", "Jingzhou", "2020-02-10"), (120, "Shanxi", "Jingzhou", None)]),
    ("Shanxi dispatched 120 doctors to Jingzhou on Monday. Zhang Wei will lead a new 90-member team.",
     [(120, "Shanxi", "Jingzhou", "2020-02-10"), (90, None, None, None)]),
    ("Shanxi dispatched 120 doctors to Jingzhou on Monday. Zhang Wei will lead another 90-member team.",
     [(120, "Shanxi", "Jingzhou", "2020-02-10"), (90, None, None, None)]),
]


@pytest.mark.parametrize("text, expected", LEADS, ids=[t[:60] for t, _ in LEADS])
def test_lead_reaches_its_parts(facts_of, text, expected):
    assert staff(facts_of, text) == expected
