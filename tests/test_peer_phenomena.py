"""The phenomena EpiTator's suites showed us missing (tests/test_epitator_suite.py), each in our own sentences of
several shapes, false positives included. A row lists every count the text must give, as (kind, value, status,
period, date, region); any other count fails it."""
import pytest

C, P = "case_count", "personnel_count"

PHENOMENA = {
    # `since <date>` opens the period counted: it is not the date the count is as of (nor the day staff left)
    "since a date": [
        ("Hubei has reported 1,200 cases since Jan 20.", [(C, 1200, "confirmed", "total", None, "Hubei")]),
        ("Since Feb 1, Wuhan has discharged 500 patients.", [(C, 500, "recovered", None, None, "Wuhan")]),
        ("As of Feb 10, Anhui had 830 confirmed cases since the start of the outbreak on Jan 22.",
         [(C, 830, "confirmed", "total", "2020-02-10", "Anhui")]),
        ("Henan has recorded 22 deaths since the beginning of February.",
         [(C, 22, "death", "total", None, "Henan")]),
        ("Jiangsu has sent 2,000 medical workers to Hubei since Jan 25.", [(P, 2000, None, None, None, None)]),
        ("Wuhan has built 16 hospitals since Jan 23.", []),
        # the date after `on` still dates its count
        ("Hubei reported 40 new cases on Feb 3.", [(C, 40, "confirmed", "new", "2020-02-03", "Hubei")]),
        ("A team of 138 medics left Nanjing for Wuhan on Feb 9.", [(P, 138, None, None, "2020-02-09", None)]),
    ],
    # a level reached is a running total; the `new` of another count in its clause is not its own
    "a level's own words": [
        ("Henan's 12 new cases brought to 1,105 the number infected in the province.",
         [(C, 12, "confirmed", "new", None, "Henan"), (C, 1105, "confirmed", "total", None, "Henan")]),
        ("The number of new cases in Wuhan rose to 2,000 on Feb 4.",
         [(C, 2000, "confirmed", "new", "2020-02-04", "Wuhan")]),
        ("The number of deaths in Hubei reached 1,000.", [(C, 1000, "death", "total", None, "Hubei")]),
        ("The number of cases in Hubei is 600.", [(C, 600, "confirmed", "total", None, "Hubei")]),   # plain cases
        ("The number of patients in Hubei is 600.", [(C, 600, "unspecified", "total", None, "Hubei")]),
    ],
    # an average or a yearly rate is neither new nor a running total: no period
    "an average": [
        ("The average number of new cases reported each day is 60.", [(C, 60, "unspecified", None, None, None)]),
        ("An average of 300 cases was reported in Wuhan.", [(C, 300, "unspecified", None, None, "Wuhan")]),
        ("Wuhan reports about 600 cases annually.", [(C, 600, "unspecified", None, None, "Wuhan")]),
        ("Hubei reported 300 new cases on Monday.", [(C, 300, "confirmed", "new", "2020-02-10", "Hubei")]),
        ("The average number of beds is 30.", []),
        ("Hubei reports 600 tests annually.", []),
    ],
    # a statistics line of active or ongoing cases: patients held now (no period), plain cases of the disease
    # (confirmed: rules/case_lists.py)
    "active cases labelled": [
        ("Hubei statistics\nActive cases: 40\nOngoing cases: 12\nDeaths: 3\n",
         [(C, 40, "confirmed", None, None, "Hubei"), (C, 12, "confirmed", None, None, "Hubei"),
          (C, 3, "death", None, None, "Hubei")]),
        ("Active beds: 40\n", []),
        ("Ongoing projects: 12\n", []),
    ],
    # a line that ends on `of`, `including` (or `of:`) goes on past its line break; a blank line or a line that
    # ends on a full word does not
    "a line going on": [
        ("As of Feb 7, Hubei had reported a total of:\n1,715 confirmed cases, including\n690 deaths.",
         [(C, 1715, "confirmed", "total", "2020-02-07", "Hubei"), (C, 690, "death", "total", "2020-02-07", "Hubei")]),
        ("The hospital treated patients with\n12 beds.", []),
        ("The figures are as follows:\nDeaths: 2\n", [(C, 2, "death", None, None, None)]),
        ("The cases are listed below, including\n\nDeaths: 2\n", [(C, 2, "death", None, None, None)]),
        ("Hubei had 300 cases\n40 were new.", [(C, 300, "confirmed", None, None, "Hubei")]),
    ],
    # people named by who they are (children, women) are cases when an infection is said of them, else nothing
    "people by who they are": [
        ("1,200 children in Wuhan have been infected.", [(C, 1200, "confirmed", "total", None, "Wuhan")]),
        ("1200 children under the age of 5 are afflicted with COVID-19.",
         [(C, 1200, "unspecified", None, None, None)]),
        ("In Hubei, 30 women contracted the virus.", [(C, 30, "unspecified", None, None, "Hubei")]),
        ("Fifty men were stricken with the novel coronavirus in Wuhan.",
         [(C, 50, "unspecified", None, None, "Wuhan")]),
        ("1,200 children are afflicted with poverty.", []),
        ("20 women were stricken with grief.", []),
        ("The team of 138 includes 100 women.", [(P, 138, None, None, None, None)]),   # the team, not its women
        ("The team includes 100 women.", []),
        ("300 children were evacuated from Wuhan.", []),
        ("The 40 girls caught the bus to Wuhan.", []),
        ("There were 30 boys and 20 girls in the class.", []),
        # who the staff are, before the staff noun: the staff are counted
        ("Shandong sent 60 women doctors to Wuhan.", [(P, 60, None, None, None, None)]),
        ("Jiangsu sent 20 women medical workers to Huangshi.", [(P, 20, None, None, None, None)]),
    ],
}
ROWS = [(name, text, expected) for name, rows in PHENOMENA.items() for text, expected in rows]


@pytest.mark.parametrize("name, text, expected", ROWS, ids=[f"{n}:{t[:40]}" for n, t, _ in ROWS])
def test_phenomenon(facts_of, name, text, expected):
    counts = [f for f in facts_of(text) if f["kind"].endswith("_count")]
    assert [(f["kind"], f["value"], f["status"], f["period"], f["date"], f["region"]) for f in counts] == expected


def test_tables_have_false_positives():
    assert all(len(rows) >= 3 for rows in PHENOMENA.values())
    assert sum(1 for _, _, expected in ROWS if not expected) >= 12
