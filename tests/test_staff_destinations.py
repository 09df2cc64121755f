"""Staff counts and destinations (issue 23), invented sentences: a number of hospitals is no staff count; staff
sent to places the clause counts or leaves unnamed keep no city another sentence names; a team going home keeps
the place it served as its destination, never its home."""
import pytest


def staff(facts_of, text):
    return [(f["value"], f["origin"], f["destination"]) for f in facts_of(text, kind="personnel_count")]


SHAPES = [
    # a number of hospitals or places is never a number of staff
    ("The nurses were sent to 31 designated hospitals.", []),
    ("Jiangsu sent its medics to 31 designated hospitals in Wuhan.", []),
    ("The staff were assigned to 15 makeshift hospitals and 3 quarantine sites.", []),
    ("The province has sent medical workers to 9 cities in Hubei.", []),
    ("Zhejiang dispatched 1,200 medical workers to 31 designated hospitals in Huangshi.",
     [(1200, "Zhejiang", "Huangshi")]),
    # places counted or left unnamed: not the city the sentence before named
    ("Jiangsu sent 300 nurses to Wuhan on Monday. Another 200 medics were deployed to 9 other cities.",
     [(300, "Jiangsu", "Wuhan"), (200, None, None)]),
    ("Jiangsu sent 300 nurses to Wuhan on Monday. Another 200 medics were deployed in the rest of the province.",
     [(300, "Jiangsu", "Wuhan"), (200, None, None)]),
    ("Jiangsu sent 300 nurses to Wuhan on Monday. The 200 medics of the second batch went to several cities.",
     [(300, "Jiangsu", "Wuhan"), (200, "Jiangsu", None)]),
    ("Anhui sent 90 doctors to Xiaogan. The 60 nurses of the team went to different counties.",
     [(90, "Anhui", "Xiaogan"), (60, "Anhui", None)]),
    # named in the clause, or the same city by its hospitals: still that city
    ("Jiangsu sent 300 nurses to Wuhan on Monday. Another 200 medics went to Wuhan and other cities.",
     [(300, "Jiangsu", "Wuhan"), (200, None, "Wuhan")]),
    ("Jiangsu sent 300 nurses to Wuhan on Monday. The 200 medics of the second batch also went to the city.",
     [(300, "Jiangsu", "Wuhan"), (200, "Jiangsu", "Wuhan")]),
    # a team going home: the place it served, never home
    ("The 120 medical workers from Hechi returned to Nanning on Saturday.", [(120, "Hechi", None)]),
    ("After 50 days in Xiaogan, the 120 medical workers from Hechi returned to Nanning.",
     [(120, "Hechi", "Xiaogan")]),
    ("The 120 medical workers from Hechi, who had worked in Xiaogan, returned home to Nanning.",
     [(120, "Hechi", "Xiaogan")]),
    ("A team of 137 medics from Guangxi came back to Nanning from Wuhan on Friday.", [(137, "Guangxi", "Wuhan")]),
    # home, where the return goes, is the origin's province (the city may be only where they landed)
    ("The 137 medics flew back to Nanning from Xiaogan on Friday.", [(137, "Guangxi", "Xiaogan")]),
    ("A total of 300 medical workers who aided Hubei returned to Chengdu on Sunday.", [(300, None, "Hubei")]),
    ("Jiangxi sent 186 medics to Suizhou. The 186 medics returned to Nanchang on April 1.",
     [(186, "Jiangxi", "Suizhou"), (186, "Jiangxi", "Suizhou")]),
]


@pytest.mark.parametrize("text, expected", SHAPES, ids=[t[:50] for t, _ in SHAPES])
def test_staff_destinations(facts_of, text, expected):
    assert staff(facts_of, text) == expected
