"""Counts listed place by place, one line a place, in shapes met on unseen roundups and blogs: a lead that is a
sentence ending with a colon, a place's name with a bracketed aside, `N, including M deaths` after the place, and
labels each with its colon (`Confirmed: 504, Dead: 0`). Our own sentences, false readings included: a row lists
every case count the text must give as (value, status, period, region); any other count fails."""
import pytest


def case_rows(facts_of, text):
    return sorted((f["value"], f["status"], f["period"], f["region"])
                  for f in facts_of(text, published="2020-02-28", kind="case_count"))


PLACE_BY_PLACE = [
    # a lead in a sentence's words, ending with a colon, that counts cases place by place
    ("Here is a rundown of how many cases are in each province:\nGuangdong: 146\nZhejiang: 128\n",
     [(128, "unspecified", "total", "Zhejiang"), (146, "unspecified", "total", "Guangdong")]),
    ("The number of confirmed cases in each city stood as follows:\nWenzhou: 504\nHangzhou: 169\n",
     [(169, "confirmed", "total", "Hangzhou"), (504, "confirmed", "total", "Wenzhou")]),
    # ... but not one that counts something else, nor a sentence without a colon
    ("Close contacts of confirmed cases in each city:\nWuhan: 1,423\nXiaogan: 146\n", []),
    ("Here is how many medical workers each province has sent so far:\nJiangsu: 2,800\nZhejiang: 1,900\n", []),
    ("Tests done in each city of the province as of Monday:\nWenzhou: 5,040\nHangzhou: 1,690\n", []),
    ("Here is a rundown of how many cases are in each province.\nGuangdong: 146\nZhejiang: 128\n", []),
    # a place with a bracketed aside, and a number with its parts after it
    ("Confirmed cases by province:\nHubei (includes Wuhan): 1,423, including 76 deaths\nHenan: 128, including 1 "
     "death\nGuangdong: 146\n",
     [(1, "death", None, "Henan"), (76, "death", None, "Hubei"), (128, "confirmed", "total", "Henan"),
      (146, "confirmed", "total", "Guangdong"), (1423, "confirmed", "total", "Hubei")]),
    # labels each with a colon; a line of the province's total
    ("Status of cases in Zhejiang\n\n  • Wenzhou: Confirmed: 504, Dead: 2\n  • Hangzhou: Confirmed: 169, Dead: 0\n"
     "  • Total in Zhejiang: Confirmed: 1205, Dead: 3\n",
     [(0, "death", "total", "Hangzhou"), (2, "death", "total", "Wenzhou"), (3, "death", "total", "Zhejiang"),
      (169, "confirmed", "total", "Hangzhou"), (504, "confirmed", "total", "Wenzhou"),
      (1205, "confirmed", "total", "Zhejiang")]),
    ("Wenzhou: Discharged: 300, Severe: 12\nHangzhou: Discharged: 120, Severe: 4\n",
     [(4, "severe", "total", "Hangzhou"), (12, "severe", "total", "Wenzhou"), (120, "recovered", "total", "Hangzhou"),
      (300, "recovered", "total", "Wenzhou")]),
    # a label that is no status gives nothing of its line
    ("Wenzhou: Confirmed: 504, Beds: 2,000\nHangzhou: Confirmed: 169, Beds: 1,500\n", []),
    ("Wenzhou: Population: 9,000,000\nHangzhou: Population: 10,000,000\n", []),
]


@pytest.mark.parametrize("text, expected", PLACE_BY_PLACE, ids=[t[:50] for t, _ in PLACE_BY_PLACE])
def test_counts_listed_place_by_place(facts_of, text, expected):
    assert case_rows(facts_of, text) == sorted(expected)
