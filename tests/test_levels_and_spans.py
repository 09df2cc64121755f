"""A level reached is a running total, whatever the sentence before it counted (rules/count_levels.py): `The number
of patients in the province has risen to 2,000` after a sentence of new cases, `..., bringing the total in Zhejiang
to 1,213` after `The new cases were ...`; only the level's own words make it a level of new cases (`The number of
new cases rose to 300`). A span of time after a level (`in 3 weeks`, `within three weeks`, `in two days`) is a
duration: never a count, never a ratio that takes the level's number with it, never the noun the level counts.
A bare level (`The total rose to 2,000`) after a sentence that counted cases is the
running total of what that count counted. Our own sentences; a row lists every case count the text must give, as (value, region, status, period)."""
import pytest

H = "Epidemic update\n\n"   # a headline that names no place


def counts(facts_of, text):
    return sorted((f["value"], f["region"], f["status"], f["period"])
                  for f in facts_of(text, published="2020-02-12", kind="case_count"))


LEVELS = [
    (H + "The number of cases in Hubei reached 60,000 in 3 weeks.", [(60000, "Hubei", "confirmed", "total")]),
    (H + "The number of cases in Hubei reached 60,000 within three weeks.",
     [(60000, "Hubei", "confirmed", "total")]),
    (H + "Confirmed cases in Hubei rose to 2,000 in two days.", [(2000, "Hubei", "confirmed", "total")]),
    (H + "The total number of cases in Hubei climbed to 2,000 over 10 days.",
     [(2000, "Hubei", "confirmed", "total")]),
    # a level after a sentence or a clause of new cases is no count of new cases
    (H + "Hubei reported 300 new cases on Monday. The number of patients in the province has risen to 2,000.",
     [(300, "Hubei", "confirmed", "new"), (2000, "Hubei", "unspecified", "total")]),
    (H + "Hubei reported 300 new cases on Monday. The number of cases in the province reached 2,000 in 3 weeks.",
     [(300, "Hubei", "confirmed", "new"), (2000, "Hubei", "confirmed", "total")]),
    (H + "Zhejiang reported 7 new cases on Monday. The new cases were all in Lishui, bringing the total confirmed "
         "cases in Zhejiang to 1,213.", [(7, "Zhejiang", "confirmed", "new"), (1213, "Zhejiang", "confirmed", "total")]),
    (H + "No new cases were confirmed in Wuhan on Friday, but officials revised the data, increasing the number of "
         "confirmed cases in Wuhan by 325 to 50,333.", [(50333, "Wuhan", "confirmed", "total")]),
    # a bare level (`The total`, `The tally`) after a sentence of new cases is the running total of what it counted
    (H + "Hubei reported 300 new cases on Monday. The total rose to 2,000.",
     [(300, "Hubei", "confirmed", "new"), (2000, "Hubei", "confirmed", "total")]),
    (H + "Hubei reported 300 new cases on Monday. The tally in the province has reached 2,000.",
     [(300, "Hubei", "confirmed", "new"), (2000, "Hubei", "confirmed", "total")]),
    (H + "Hubei reported 30 new deaths on Monday. The tally rose to 2,000.",
     [(30, "Hubei", "death", "new"), (2000, "Hubei", "death", "total")]),
    # false readings: another place, another number, another paragraph, no count before
    (H + "Hubei reported 300 new cases on Monday. The total in Wuhan rose to 2,000.",
     [(300, "Hubei", "confirmed", "new")]),
    (H + "Hubei reported 300 new cases on Monday and opened 16 hospitals. The total rose to 40.",
     [(300, "Hubei", "confirmed", "new")]),
    (H + "Hubei reported 300 new cases on Monday.\n\nThe total rose to 2,000.", [(300, "Hubei", "confirmed", "new")]),
    (H + "Hubei donated 300 masks on Monday. The total rose to 2,000.", []),
    # the level's own words say it is of new cases
    (H + "The number of new cases in Hubei rose to 300.", [(300, "Hubei", "confirmed", "new")]),
    (H + "Hubei reported 300 new cases, bringing the number of new cases this week to 1,200.",
     [(300, "Hubei", "confirmed", "new"), (1200, "Hubei", "confirmed", "new")]),
    # a span of time is no count and no ratio
    (H + "Hubei recorded 60,000 cases in 3 weeks.", [(60000, "Hubei", "confirmed", None)]),
    (H + "Hubei reported 500 new cases in 2 days.", [(500, "Hubei", "confirmed", "new")]),
    (H + "In 3 weeks, 60,000 people were infected in Hubei.", [(60000, "Hubei", "confirmed", None)]),
    # false readings: a ratio stays a ratio
    (H + "One in five patients was in severe condition.", []),
    (H + "3 in 10 cases were imported.", []),
    (H + "20 patients passed 2 nucleic acid tests.", [(20, None, "unspecified", None)]),
]


@pytest.mark.parametrize("text, expected", LEVELS)
def test_a_level_reached_is_a_total_and_a_span_of_time_no_count(facts_of, text, expected):
    assert counts(facts_of, text) == sorted(expected, key=lambda row: (row[0], row[1] or "", row[2], row[3] or ""))
