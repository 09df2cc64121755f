"""Per-province roll calls in national reports: the new cases by province (`Of the new cases, 20 were in Guangdong,
10 in Henan`), imported cases listed by province (`Among the imported cases, Beijing 5, Shanghai 3`), and by
country of origin (`7 from Russia`: parts with no Chinese place, never a region). Our own sentences, false
positives included. A row lists every case count the text must give, as (value, status, period, region)."""
import pytest

NATIONAL = "China's mainland reported 30 new imported cases on Tuesday. "
CASES = [
    ("Of the new cases, 20 were in Guangdong, 10 in Henan and 5 in Zhejiang.",
     [(20, "confirmed", "new", "Guangdong"), (10, "confirmed", "new", "Henan"), (5, "confirmed", "new", "Zhejiang")]),
    # a lead-in repeating the words of the count before it takes that count's status and period
    (NATIONAL + "Among the imported cases, Beijing 5, Shanghai 3, Guangdong 8.",
     [(30, "confirmed", "new", None), (5, "confirmed", "new", "Beijing"), (3, "confirmed", "new", "Shanghai"),
      (8, "confirmed", "new", "Guangdong")]),
    (NATIONAL + "Of the imported cases, 5 were in Beijing, 3 in Shanghai and 8 in Guangdong.",
     [(30, "confirmed", "new", None), (5, "confirmed", "new", "Beijing"), (3, "confirmed", "new", "Shanghai"),
      (8, "confirmed", "new", "Guangdong")]),
    # a lead-in naming other cases than the count before: no status borrowed
    (NATIONAL + "Of the local cases, 5 were in Beijing.",
     [(30, "confirmed", "new", None), (5, "unspecified", None, "Beijing")]),
    # `X cases included N in P, M in Q`
    ("The new imported cases included 5 in Beijing, 3 in Shanghai and 8 in Guangdong.",
     [(5, "confirmed", "new", "Beijing"), (3, "confirmed", "new", "Shanghai"), (8, "confirmed", "new", "Guangdong")]),
    ("The donations included 5 in Beijing and 3 in Shanghai.", []),
    ("The medical teams included 30 from Hunan.", []),
    # places in brackets (a one-digit number in brackets is a number, not an emoticon)
    ("Hubei reported 20 new cases, in Wuhan (12), Xiaogan (8).",
     [(20, "confirmed", "new", "Hubei"), (12, "confirmed", "new", "Wuhan"), (8, "confirmed", "new", "Xiaogan")]),
    # by country of origin: parts of the count, no region
    ("China reported 20 new imported cases on Monday, including 7 from Russia, 3 from Britain and 2 from Iran.",
     [(20, "confirmed", "new", None), (7, "confirmed", "new", None), (3, "confirmed", "new", None),
      (2, "confirmed", "new", None)]),
    ("Of the 20 new imported cases, 7 came from Russia and 3 from Britain.",
     [(20, "confirmed", "new", None), (7, "confirmed", "new", None), (3, "confirmed", "new", None)]),
    ("The flights from Russia carried 7 passengers and 3 crew.", []),
    # a bulletin's pairs of new and existing cases: the existing ones are held now, no period
    ("There were 3 new suspected cases (1 in Wuhan) and 12 existing suspected cases (5 in Wuhan).",
     [(3, "suspected", "new", None), (1, "suspected", "new", "Wuhan"), (12, "suspected", None, None),
      (5, "suspected", None, "Wuhan")]),
]


@pytest.mark.parametrize("text, expected", CASES, ids=[t[-50:] for t, _ in CASES])
def test_roll_call(facts_of, text, expected):
    counts = facts_of(text, published="2020-03-10", kind="case_count")
    assert [(f["value"], f["status"], f["period"], f["region"]) for f in counts] == expected
