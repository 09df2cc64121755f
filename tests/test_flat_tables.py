"""Tables flattened to text (issue 23), invented tables: the header's columns give each row's numbers their status
(and period); where the columns cannot be read (a row with a number too many, a header of two-word labels split
at single spaces, no header at all, columns of other things) the table gives nothing."""
import pytest


def cases(facts_of, text):
    return [(f["region"], f["value"], f["status"], f["period"]) for f in facts_of(text, kind="case_count")]


WUHAN_XIAOGAN = [("Wuhan", 49122, "confirmed", "total"), ("Wuhan", 30000, "recovered", "total"),
                 ("Wuhan", 2000, "death", "total"), ("Xiaogan", 3518, "confirmed", "total"),
                 ("Xiaogan", 3000, "recovered", "total"), ("Xiaogan", 128, "death", "total")]

TABLES = [
    ("City Confirmed Cured Deaths\nWuhan 49122 30000 2000\nXiaogan 3518 3000 128", WUHAN_XIAOGAN),
    ("City | Confirmed | Cured | Deaths\nWuhan | 49,122 | 30,000 | 2,000\nXiaogan | 3,518 | 3,000 | 128",
     WUHAN_XIAOGAN),
    ("Region\tConfirmed\tDischarged\tDeaths\nWuhan\t49122\t30000\t2000\nXiaogan\t3518\t3000\t128", WUHAN_XIAOGAN),
    ("City  New cases  Total cases  Deaths\nWuhan  120  49122  2000\nXiaogan  12  3518  128",
     [("Wuhan", 120, "confirmed", "new"), ("Wuhan", 49122, "unspecified", "total"), ("Wuhan", 2000, "death", "total"),
      ("Xiaogan", 12, "confirmed", "new"), ("Xiaogan", 3518, "unspecified", "total"),
      ("Xiaogan", 128, "death", "total")]),
    # a caption names what columns of a period alone count
    ("Confirmed cases by province\nProvince | New | Total\nGuangdong | 12 | 1,350\nHenan | 3 | 1,270",
     [("Guangdong", 12, "confirmed", "new"), ("Guangdong", 1350, "confirmed", "total"),
      ("Henan", 3, "confirmed", "new"), ("Henan", 1270, "confirmed", "total")]),
    # a column of something else is left alone; a total row is skipped and the table goes on
    ("City Confirmed Population\nWuhan 49122 11000000", [("Wuhan", 49122, "confirmed", "total")]),
    ("City Confirmed Cured\nWuhan 49122 30000\nTotal 60000 40000\nXiaogan 3518 3000",
     [("Wuhan", 49122, "confirmed", "total"), ("Wuhan", 30000, "recovered", "total"),
      ("Xiaogan", 3518, "confirmed", "total"), ("Xiaogan", 3000, "recovered", "total")]),
    # columns that cannot be read: nothing
    ("Wuhan 49122 30000 2000\nXiaogan 3518 3000 128", []),
    ("City Confirmed Deaths\nWuhan 49122 30000 2000", []),
    ("City New cases Deaths\nWuhan 49122 2000", []),
    ("City Confirmed Cured\nWuhan 49 122 30 000", []),
    ("City Confirmed Cured\nWuhan 49122 3.5", []),
    ("City Population Area\nWuhan 11000000 8494\nXiaogan 4900000 8910", []),
    ("City Confirmed Cured\nthe city of Wuhan 49122 30000", []),
]


@pytest.mark.parametrize("text, expected", TABLES, ids=[t[:40] for t, _ in TABLES])
def test_flat_tables(facts_of, text, expected):
    assert cases(facts_of, text) == expected
    for fact in facts_of(text, kind="case_count"):
        assert text[fact["start"]:fact["end"]] == fact["text"]
        assert int(fact["text"].replace(",", "")) == fact["value"]
        assert fact["rule"] == "case_count:table_cell"
    assert facts_of(text, kind="missing_number") == []   # a table's wide spaces are layout


# A table bordered by `|` (issue 23): the borders say which cell each number is in, so a cell that holds no one
# number gives nothing while the row's other cells are read; a country may head the place column; a place cell
# may carry place words and a bracketed aside; a free column (`Notes`) may state its own statuses (`N serious`).
BORDERED = [
    ("| COUNTRY | Cases | Deaths | Notes | Links |\n| Henan province (incl. Zhengzhou) | 764 | 2 | 38 serious, 19 "
     "critical | Source |\n| Guangxi Region | 150 | 0 | 4 critical | Source |",
     [("Henan", 764, "unspecified", "total"), ("Henan", 2, "death", "total"), ("Henan", 38, "severe", None),
      ("Henan", 19, "critical", None), ("Guangxi", 150, "unspecified", "total"), ("Guangxi", 0, "death", "total"),
      ("Guangxi", 4, "critical", None)]),
    ("| China | Confirmed | Deaths |\n| Sichuan | 302* | 1 |\n| Beijing | 253 | n/a |",
     [("Sichuan", 302, "confirmed", "total"), ("Sichuan", 1, "death", "total"), ("Beijing", 253, "confirmed", "total")]),
    # false readings: a cell of several numbers or of words, a note that is not `N status`, a place cell with
    # other words or two places, a row of the wrong width: nothing from them
    ("| Province | Confirmed | Deaths |\n| Hubei | about 2,000 | 12 |", [("Hubei", 12, "death", "total")]),
    ("| Province | Confirmed | Notes |\n| Hunan | 661 | 3 hospitals, 2 teams |\n| Hebei | 135 | 1+ serious |",
     [("Hunan", 661, "confirmed", "total"), ("Hebei", 135, "confirmed", "total")]),
    ("| Province | Confirmed |\n| Hubei and Wuhan | 49,122 |", []),
    ("| Province | Confirmed |\n| the city of Wuhan | 49,122 |", []),
    ("| Province | Confirmed | Deaths |\n| Hubei | 49,122 |", []),
    ("| Population | Confirmed |\n| Hubei | 49,122 |", []),
]


@pytest.mark.parametrize("text, expected", BORDERED, ids=[t[:40] for t, _ in BORDERED])
def test_bordered_tables(facts_of, text, expected):
    assert cases(facts_of, text) == expected
    for fact in facts_of(text, kind="case_count"):
        assert text[fact["start"]:fact["end"]] == fact["text"]
        assert fact["rule"] == "case_count:table_cell"
