"""Statistics blocks: one `label: number` line a figure (`Confirmed: 1,234`, `Hospitalizations: 5`, `Cured and
discharged 300`), under a heading that gives the place and the day. Our own texts; blocks of beds, tests, close
contacts, money and staff give no case count, and their numbers are set aside with the label's reason."""
import pytest

from extract.dataset.batch import extract_items
from extract.dataset.corpus import Article
from extract.nlp.records import NUMBER_KIND

BLOCK = "Hubei, March 3\nConfirmed: 1,234\nDeaths: 30\nHospitalizations: 5\nCured and discharged 300\n" \
        "New suspected cases: 12\nNew deaths 2\n"

CASES = [
    # (text, [(value, status, region, date)])
    (BLOCK, [(1234, "confirmed", "Hubei", "2020-03-03"), (30, "death", "Hubei", "2020-03-03"),
             (5, "unspecified", "Hubei", "2020-03-03"), (300, "recovered", "Hubei", "2020-03-03"),
             (12, "suspected", "Hubei", "2020-03-03"), (2, "death", "Hubei", "2020-03-03")]),
    # the heading's place and day, after a story about another place
    ("Wuhan reported 12 new cases on March 1.\n\nHenan statistics on March 3\nConfirmed: 1,272\nDeaths:22\n",
     [(12, "confirmed", "Wuhan", "2020-03-01"), (1272, "confirmed", "Henan", "2020-03-03"),
      (22, "death", "Henan", "2020-03-03")]),
    # a heading with no day: the lines have none of their own
    ("Anhui\nCumulative confirmed cases: 990\nDischarged: 900\n",
     [(990, "confirmed", "Anhui", None), (900, "recovered", "Anhui", None)]),
    # a tab stop for a colon; a label that says where patients are
    ("Zhejiang update, March 4\nConfirmed\t1,215\nCured\t1,000\nBeds\t3,000\n",
     [(1215, "confirmed", "Zhejiang", "2020-03-04"), (1000, "recovered", "Zhejiang", "2020-03-04")]),
    ("Hubei, March 5\nIn hospital: 22,000\nIn hotels: 2,000\n", [(22000, "unspecified", "Hubei", "2020-03-05")]),
    # a label line with no colon holds the label and the number only
    ("Zhejiang\nNew confirmed cases 4\nCured 1,100\n",
     [(4, "confirmed", "Zhejiang", None), (1100, "recovered", "Zhejiang", None)]),
    # not a label line: prose, a label with other words, a number that goes on
    ("Deaths 30 were reported in the report.\n", []),
    ("Hubei\nPatients treated in makeshift hospitals 300\n", []),
    ("Hubei\nNew cases 300 yuan\n", []),
    # blocks of what is not a case count
    ("Hubei, March 3\nBeds: 500\nClose contacts: 3,000\nTests: 12,000\nDonations: 5,000 yuan\n"
     "Medical workers: 300\nHotline: 12320\n", []),
]


def counts(facts_of, text):
    return [(f["value"], f["status"], f["region"], f["date"])
            for f in facts_of(text, published="2020-03-10", kind="case_count")]


@pytest.mark.parametrize("text, expected", CASES, ids=[t[:40] for t, _ in CASES])
def test_statistics_block(facts_of, text, expected):
    assert counts(facts_of, text) == expected
    for fact in facts_of(text, published="2020-03-10", kind="case_count"):
        if fact["text"].replace(",", "").isdigit():   # a line's bare number
            assert fact["rule"] == "case_count:case_labelled"


def numbers_of(text: str) -> dict[str, str]:
    [(_, facts, _)] = extract_items([Article("doc", "doc.txt", text, "2020-03-10")], numbers=True)
    return {f.text: f.expected for f in facts if f.kind == NUMBER_KIND}


def test_labels_of_other_things_are_set_aside_with_their_reason():
    numbers = numbers_of("Hubei, March 3\nBeds: 500\nClose contacts: 3,000\nTests: 12,000\n"
                         "Donations: 5,000 yuan\nConfirmed: 40\nWards\t12\n")
    assert numbers == {"3": "fact", "500": "beds", "3,000": "close_contacts", "12,000": "tests", "5,000": "money",
                       "40": "fact", "12": "beds"}


def test_digit_in_brackets_is_a_number_not_an_emoticon(facts_of):
    found = counts(facts_of, "Hubei reported 20 new cases, in Wuhan (12), Xiaogan (8).")
    assert (8, "confirmed", "Xiaogan", None) in [(v, s, r, None) for v, s, r, _ in found]
