"""A report's heading closed by a colon (issue 23, statistics blocks), invented texts: `Report from Henan province
for March 3:` names one place and says it reports; the bullets under it, or the counts after its colon on its own
line, are that place's, as of its date. False readings: a heading of two places, a `Report:` line that counts
itself, a heading of no place, counts after the list is over."""
import pytest


def cases(facts_of, text):
    return [(f["value"], f["region"], f["date"]) for f in facts_of(text, kind="case_count")]


SHAPES = [
    ("  • Report from Henan province for March 3:\n\n    • 48 new cases\n    • 2 new deaths\n\n"
     "Elsewhere, 30 new cases were reported.",
     [(48, "Henan", "2020-03-03"), (2, "Henan", "2020-03-03"), (30, None, "2020-03-03")]),
    ("Latest figures from Jiangxi:\n- 12 new cases\n- 540 patients still in hospital",
     [(12, "Jiangxi", None), (540, "Jiangxi", None)]),
    ("• Update from Hunan for Feb. 4: 20 new cases and 2 new deaths.",
     [(20, "Hunan", "2020-02-04"), (2, "Hunan", "2020-02-04")]),
    # false readings
    ("Update on Wuhan and Hubei:\n\n• 20 new cases", [(20, None, None)]),
    ("Report: 5 new cases in Hefei and 3 in Wuhu.", [(5, "Hefei", None), (3, "Wuhu", None)]),
    ("Daily report:\n\n• 20 new cases", [(20, None, None)]),
    ("Doctors from Shandong arrived on Feb. 4:\n\n• 20 new cases", [(20, None, None)]),
]


@pytest.mark.parametrize("text, expected", SHAPES, ids=[t[:40] for t, _ in SHAPES])
def test_report_headings(facts_of, text, expected):
    assert cases(facts_of, text) == expected
