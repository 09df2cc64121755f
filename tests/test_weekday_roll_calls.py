"""A status line with a weekday and a list of places (issue 23), invented sentences: each place gets its number
with the line's status, and the day resolves from the weekday and the publication date; a line of other things
counts no cases."""
import pytest


def cases(facts_of, text, published):
    return [(f["region"], f["value"], f["status"], f["date"])
            for f in facts_of(text, published=published, kind="case_count")]


SHAPES = [
    ("New cases on Monday: Hefei 12, Bengbu 3, Fuyang 15.", "2020-02-12",
     [("Hefei", 12, "confirmed", "2020-02-10"), ("Bengbu", 3, "confirmed", "2020-02-10"),
      ("Fuyang", 15, "confirmed", "2020-02-10")]),
    ("New cases by city on Monday: Hefei 12; Bengbu 3.", "2020-03-02",
     [("Hefei", 12, "confirmed", "2020-03-02"), ("Bengbu", 3, "confirmed", "2020-03-02")]),
    ("Anhui\nNew confirmed cases on Sunday: Hefei 12, Bengbu 3", "2020-03-02",
     [("Hefei", 12, "confirmed", "2020-03-01"), ("Bengbu", 3, "confirmed", "2020-03-01")]),
    ("Deaths on Sunday: Wuhan 80, Xiaogan 3.", "2020-02-12",
     [("Wuhan", 80, "death", "2020-02-09"), ("Xiaogan", 3, "death", "2020-02-09")]),
    ("Discharged on Tuesday: Hefei 20, Bengbu 7.", "2020-02-12",
     [("Hefei", 20, "recovered", "2020-02-11"), ("Bengbu", 7, "recovered", "2020-02-11")]),
    ("Of the new cases, 12 were in Hefei and 3 in Bengbu.", "2020-02-12",
     [("Hefei", 12, "confirmed", None), ("Bengbu", 3, "confirmed", None)]),
    # a lead-in closed by a dash, members set off by a colon or a dash
    ("New cases on Monday - Hefei: 12, Bengbu: 3.", "2020-02-12",
     [("Hefei", 12, "confirmed", "2020-02-10"), ("Bengbu", 3, "confirmed", "2020-02-10")]),
    ("New confirmed cases on Monday: Hefei: 12; Bengbu: 3; Fuyang: 5", "2020-02-12",
     [("Hefei", 12, "confirmed", "2020-02-10"), ("Bengbu", 3, "confirmed", "2020-02-10"),
      ("Fuyang", 5, "confirmed", "2020-02-10")]),
    ("New deaths on Sunday — Wuhan 80, Xiaogan 3.", "2020-02-12",
     [("Wuhan", 80, "death", "2020-02-09"), ("Xiaogan", 3, "death", "2020-02-09")]),
    ("Discharged on Tuesday: Hefei - 20, Bengbu - 7.", "2020-02-12",
     [("Hefei", 20, "recovered", "2020-02-11"), ("Bengbu", 7, "recovered", "2020-02-11")]),
    ("Confirmed cases by city - Wuhan 1,000, Xiaogan 200.", "2020-02-12",
     [("Wuhan", 1000, "confirmed", None), ("Xiaogan", 200, "confirmed", None)]),
    ("Confirmed cases by city: Wuhan 1,000, Xiaogan 200.", "2020-02-12",
     [("Wuhan", 1000, "confirmed", None), ("Xiaogan", 200, "confirmed", None)]),
    # a count heading its members, set off by colons
    ("Anhui reported 20 new cases on Monday: Hefei: 12; Bengbu: 3; Fuyang: 5", "2020-02-12",
     [("Anhui", 20, "confirmed", "2020-02-10"), ("Hefei", 12, "confirmed", "2020-02-10"),
      ("Bengbu", 3, "confirmed", "2020-02-10"), ("Fuyang", 5, "confirmed", "2020-02-10")]),
    # lines of other things: no cases
    ("Flights on Monday - Hefei: 12, Bengbu: 3.", "2020-02-12", []),
    ("Tested on Monday - Hefei: 1,200; Bengbu: 300.", "2020-02-12", []),
    ("BEIJING - 12 new cases were reported in Hefei on Monday.", "2020-02-12", [("Hefei", 12, "confirmed", "2020-02-10")]),
    ("Hotlines: Hefei: 12345, Bengbu: 12320.", "2020-02-12", []),
    ("Flights on Monday: Hefei 12, Bengbu 3.", "2020-02-12", []),
    ("Masks delivered on Monday: Hefei 12,000, Bengbu 3,000.", "2020-02-12", []),
    ("Tested on Monday: Hefei 1,200, Bengbu 300.", "2020-02-12", []),
    ("Arrived on Monday: Hefei 12, Bengbu 3.", "2020-02-12", []),
]


@pytest.mark.parametrize("text, published, expected", SHAPES, ids=[t[:45] for t, _, _ in SHAPES])
def test_weekday_roll_calls(facts_of, text, published, expected):
    assert cases(facts_of, text, published) == expected
