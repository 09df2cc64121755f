"""A running tally a line a day (issue 23, tables flattened to text), invented texts: under a lead that names cases or
a running total and whose they are (one region, or the country), the number right after each day's colon is that
count as of that day; a number with a noun of its own is left to the sentence rules, whose counts on the line take
its day. False readings: a lead that says not whose, a lead of something else, fewer than three lines, a line that
does not open with its day."""
import pytest


def cases(facts_of, text):
    return [(f["value"], f["region"], f["status"], f["period"], f["date"]) for f in facts_of(text, kind="case_count")]


SHAPES = [
    ("Running totals for Henan:\n\nMar 1: 1,272\n\nMar 2: 1,272 (death toll 22)\n\nMar 3: 1,273 and 40 deaths",
     [(1272, "Henan", "unspecified", "total", "2020-03-01"), (1272, "Henan", "unspecified", "total", "2020-03-02"),
      (22, "Henan", "death", "total", "2020-03-02"), (1273, "Henan", "unspecified", "total", "2020-03-03"),
      (40, "Henan", "death", None, "2020-03-03")]),
    ("Confirmed cases so far (nationwide): Feb 1: 14,380\nFeb 2: 17,205\nFeb 3: 20,438 total cases.",
     [(14380, None, "confirmed", "total", "2020-02-01"), (17205, None, "confirmed", "total", "2020-02-02"),
      (20438, None, "confirmed", None, "2020-02-03")]),
    ("New deaths in Hubei by day:\nFeb 10: 103\nFeb 11: 94\nFeb 12: 242",
     [(103, "Hubei", "death", "new", "2020-02-10"), (94, "Hubei", "death", "new", "2020-02-11"),
      (242, "Hubei", "death", "new", "2020-02-12")]),
    # false readings
    ("Running totals:\nFeb 10: 103\nFeb 11: 94\nFeb 12: 242", []),
    ("Flights out of Wuhan:\nFeb 10: 103\nFeb 11: 94\nFeb 12: 242", []),
    ("Totals for Hubei:\nFeb 10: 103\nFeb 11: 94", []),
    ("Totals for Hubei:\nOn Feb 10: 103\nOn Feb 11: 94\nOn Feb 12: 242", []),
]


@pytest.mark.parametrize("text, expected", SHAPES, ids=[t[:40] for t, _ in SHAPES])
def test_day_lines(facts_of, text, expected):
    assert cases(facts_of, text) == expected
    for fact in facts_of(text, kind="case_count"):
        assert text[fact["start"]:fact["end"]] == fact["text"]


def test_a_line_of_its_own_words_keeps_the_run(facts_of):
    """A day's line that opens with its day and then words (`Mar 3: Total cases 1,273`) is a line of the run: its
    counts are the sentence rules', of its day, and the tally goes on after it."""
    text = ("Running totals for Henan:\nMar 1: 1,272\nMar 2: 1,272\nMar 3: the commission reported 3 new cases\n"
            "Mar 4: 1,276\nMar 5: 1,278")
    assert cases(facts_of, text) == [
        (1272, "Henan", "unspecified", "total", "2020-03-01"), (1272, "Henan", "unspecified", "total", "2020-03-02"),
        (3, "Henan", "confirmed", "new", "2020-03-03"), (1276, "Henan", "unspecified", "total", "2020-03-04"),
        (1278, "Henan", "unspecified", "total", "2020-03-05")]
