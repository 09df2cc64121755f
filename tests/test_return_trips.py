"""Return stories (blind set 8), invented sentences: the place a returning team leaves (`from Wuhan`) is where
it served, its destination, not its origin; the city it lands in at home (`arrived in Haikou`) is not its
destination; going back to the front line or to Hubei after a rest is no return home but a dispatch."""
import pytest


def staff(facts_of, text):
    return [(f["value"], f["origin"], f["destination"], f["event"])
            for f in facts_of(text, published="2020-03-20", kind="personnel_count")]


RETURNS = [
    # the place left on the way home: where the team served
    ("The 557 medics from Wuhan returned to Beijing by plane on Sunday.", [(557, "Beijing", "Wuhan", "returned")]),
    ("A team of 120 nurses from Xiaogan flew back to Chengdu on Friday.", [(120, "Sichuan", "Xiaogan", "returned")]),
    ("The 300 medics from Wuhan came back home on Friday.", [(300, None, "Wuhan", "returned")]),
    # staff of Hubei going home, and staff from Hubei that tell no return: their origin stays
    ("The 80 nurses from Wuhan returned to Wuhan after a month in Xiaogan.", [(80, "Wuhan", "Xiaogan", "returned")]),
    ("The 120 nurses from Wuhan arrived in Beijing for training on Friday.", [(120, "Wuhan", "Beijing", "sent")]),
    # the city they land in at home is not where they served
    ("On March 17, 258 medics of Hainan set off from Hubei to return to Hainan. Among them, 240 members arrived "
     "in Haikou by plane.", [(258, "Hainan", "Hubei", "returned"), (240, "Hainan", "Hubei", "returned")]),
    ("The Shanxi team left Wuhan to return home on Monday. Its 150 members landed in Taiyuan in the afternoon.",
     [(150, "Shanxi", None, "returned")]),
    # a team arriving in another city of its own province, in no return story, went there
    ("Heilongjiang sent 34 medics to Mudanjiang on Sunday. The 34 medics began work in Mudanjiang at noon.",
     [(34, "Heilongjiang", "Mudanjiang", "sent"), (34, "Heilongjiang", "Mudanjiang", "sent")]),
    # back to the front after a rest: sent again, not home
    ("After a five-day rest, the 104 members of the Guangxi team returned to Wuhan on March 14.",
     [(104, "Guangxi", "Wuhan", "sent")]),
    ("The Guangxi team of 104 members went back to the front line in Wuhan after a rest.",
     [(104, "Guangxi", "Wuhan", "sent")]),
    ("The 104 medics of the Guangxi team returned to Nanning from Wuhan.", [(104, "Guangxi", "Wuhan", "returned")]),
    # the clause names where they served: the airport they flew home from is not it
    ("Jiangxi sent its medics to support Suizhou, leaving 38 members to support Suizhou, and the remaining 369 "
     "medics returned to Jiangxi by flight from Wuhan on March 23.",
     [(38, "Jiangxi", "Suizhou", "sent"), (369, "Jiangxi", "Suizhou", "returned")]),
]


@pytest.mark.parametrize("text, expected", RETURNS, ids=[t[:60] for t, _ in RETURNS])
def test_return_trips(facts_of, text, expected):
    assert staff(facts_of, text) == expected
