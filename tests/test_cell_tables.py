"""Tables flattened to a stream of cells (issue 23), invented tables: one cell a line ending in ` |`, or a whole
table on one line set apart by `|` or tabs. The header's column names each row's numbers (status; period total
unless it or the caption says new; the day from the caption); a `Total` row is the whole the rows make up; a row of
a place that is no region gives nothing; a table of other things, or whose cells do not line up, gives nothing."""
import pytest


def cases(facts_of, text):
    return [(f["region"], f["value"], f["status"], f["period"], f["date"])
            for f in facts_of(text, published="2020-03-20", kind="case_count")]


VERTICAL = ("Table 2. Confirmed cases reported by provinces and regions,\n"
            "10 March 2020\n"
            "Province/Region/City |\nConfirmed Cases |\n"
            "Henan |\n1,273 |\nHunan |\n1,018 |\nHong Kong SAR |\n120 |\nXizang |\n1 |\nTotal |\n2,412 |\n")

TABLES = [
    (VERTICAL, [("Henan", 1273, "confirmed", "total", "2020-03-10"), ("Hunan", 1018, "confirmed", "total", "2020-03-10"),
                ("Hong Kong", 120, "confirmed", "total", "2020-03-10"), ("Tibet", 1, "confirmed", "total", "2020-03-10"),
                (None, 2412, "confirmed", "total", "2020-03-10")]),
    # many columns: of other things (left alone, a digit in their label too), new ones and totals by status
    ("Table 1. Cases by province, 9 March 2020\nProvince/ Region/ City |\nPopulation (10,000s) |\n"
     "Daily Confirmed Cases |\nDaily Deaths |\nCumulative Confirmed Cases |\nCumulative Deaths |\n"
     "Hubei |\n5917 |\n36 |\n17 |\n67,743 |\n3,024 |\nGuangdong |\n11346 |\n0 |\n0 |\n1,352 |\n8 |\n",
     [("Hubei", 36, "confirmed", "new", "2020-03-09"), ("Hubei", 17, "death", "new", "2020-03-09"),
      ("Hubei", 67743, "confirmed", "total", "2020-03-09"), ("Hubei", 3024, "death", "total", "2020-03-09"),
      ("Guangdong", 0, "confirmed", "new", "2020-03-09"), ("Guangdong", 0, "death", "new", "2020-03-09"),
      ("Guangdong", 1352, "confirmed", "total", "2020-03-09"), ("Guangdong", 8, "death", "total", "2020-03-09")]),
    # two columns a row, one cell a line; a header that says new; no caption, no day
    ("Province |\nNew cases |\nNew deaths |\nAnhui |\n12 |\n1 |\nJiangxi |\n9 |\n0 |\n",
     [("Anhui", 12, "confirmed", "new", None), ("Anhui", 1, "death", "new", None),
      ("Jiangxi", 9, "confirmed", "new", None), ("Jiangxi", 0, "death", "new", None)]),
    # the whole table on one line, by pipes and by tabs
    ("City | Confirmed | Cured | Xiaogan | 3,518 | 3,000 | Huanggang | 2,907 | 2,500 |",
     [("Xiaogan", 3518, "confirmed", "total", None), ("Xiaogan", 3000, "recovered", "total", None),
      ("Huanggang", 2907, "confirmed", "total", None), ("Huanggang", 2500, "recovered", "total", None)]),
    ("Region\tDeaths\tShandong\t6\tHebei\t6",
     [("Shandong", 6, "death", "total", None), ("Hebei", 6, "death", "total", None)]),
    # a row of a foreign country or of a place the gazetteer does not know gives nothing; the table goes on
    ("Province/Region |\nConfirmed |\nJapan |\n455 |\nZhejiang |\n1,215 |\nDiamond Princess |\n705 |\n"
     "Fujian |\n296 |\n",
     [("Zhejiang", 1215, "confirmed", "total", None), ("Fujian", 296, "confirmed", "total", None)]),
    # a region's name with the country's beside it is the region's; with other words, no region's
    ("Province |\nConfirmed |\nTaiwan, China |\n50 |\nHubei (excluding Wuhan) |\n18,000 |\nMacao SAR |\n10 |\n",
     [("Taiwan", 50, "confirmed", "total", None), ("Macao", 10, "confirmed", "total", None)]),
    # a total of one province's cities is that province's
    ("City |\nConfirmed |\nWuhan |\n49,948 |\nXiaogan |\n3,518 |\nTotal |\n53,466 |\n",
     [("Wuhan", 49948, "confirmed", "total", None), ("Xiaogan", 3518, "confirmed", "total", None),
      ("Hubei", 53466, "confirmed", "total", None)]),
    # a total of provinces and cities together is nobody's; a total after one row is unsure
    ("Place |\nConfirmed |\nHubei |\n67,000 |\nWenzhou |\n504 |\nTotal |\n67,504 |\n",
     [("Hubei", 67000, "confirmed", "total", None), ("Wenzhou", 504, "confirmed", "total", None)]),
    ("Province |\nConfirmed |\nHenan |\n1,273 |\nTotal |\n1,273 |\n", [("Henan", 1273, "confirmed", "total", None)]),
    # columns of other things give nothing; a case column beside them is read
    ("Province |\nTests |\nBeds |\nHubei |\n30,000 |\n5,000 |\nHenan |\n9,000 |\n800 |\n", []),
    ("Province |\nBeds |\nDeaths |\nHubei |\n5,000 |\n3,000 |\n", [("Hubei", 3000, "death", "total", None)]),
    # ruled tables: a ruled line is layout, no cell
    ("| Province | Confirmed | Deaths |\n|---|---|---|\n| Shaanxi | 245 | 1 |\n| Gansu | 91 | 2 |\n",
     [("Shaanxi", 245, "confirmed", "total", None), ("Shaanxi", 1, "death", "total", None),
      ("Gansu", 91, "confirmed", "total", None), ("Gansu", 2, "death", "total", None)]),
    ("+----------+-----------+\n| City     | Cured     |\n+==========+===========+\n| Jingzhou | 1,400     |\n"
     "| Yichang  | 900       |\n+----------+-----------+\n",
     [("Jingzhou", 1400, "recovered", "total", None), ("Yichang", 900, "recovered", "total", None)]),
    # cells each on a line of their own with no mark, blank lines between rows
    ("Table 4. Cases by province, 18 February 2020\nProvince\nConfirmed\nDeaths\nShandong\n543\n3\n\n"
     "Sichuan\n514\n3\n\nTotal\n1,057\n6\nSource: provincial health commissions.\n",
     [("Shandong", 543, "confirmed", "total", "2020-02-18"), ("Shandong", 3, "death", "total", "2020-02-18"),
      ("Sichuan", 514, "confirmed", "total", "2020-02-18"), ("Sichuan", 3, "death", "total", "2020-02-18"),
      (None, 1057, "confirmed", "total", "2020-02-18"), (None, 6, "death", "total", "2020-02-18")]),
    ("Province\nHubei is the province hit hardest, with 500 deaths.\n", "sentence rules"),
    ("Region\nConfirmed\nHubei\nHenan\nHunan\n", []),
    # no header naming places (a table of countries): nothing
    ("Country |\nConfirmed |\nJapan |\n455 |\nItaly |\n9,172 |\nTotal |\n9,627 |\n", []),
    ("Hubei |\n67,000 |\nHenan |\n1,273 |\n", []),
    ("China |\nVery High |\nGlobal Level |\nHigh |\n", []),
    # cells that do not line up: a row with a cell left out ends the table there
    ("Province |\nConfirmed |\nDeaths |\nAnhui |\n990 |\n6 |\nJiangxi |\n935 |\nHenan |\n1,273 |\n22 |\n",
     [("Anhui", 990, "confirmed", "total", None), ("Anhui", 6, "death", "total", None)]),
    # a row laid out otherwise than the header (one cell a line, then a row on one line) is no row of it
    ("Province |\nConfirmed |\nAnhui |\n990 |\nJiangxi | 935 |\n", [("Anhui", 990, "confirmed", "total", None)]),
]


@pytest.mark.parametrize("text, expected", TABLES, ids=[t[:40] for t, _ in TABLES])
def test_cell_tables(facts_of, text, expected):
    if expected == "sentence rules":
        assert all(f["rule"] != "case_count:table_cell" for f in facts_of(text, kind="case_count"))
        return
    assert cases(facts_of, text) == expected
    for fact in facts_of(text, published="2020-03-20", kind="case_count"):
        assert text[fact["start"]:fact["end"]] == fact["text"]
        assert int(fact["text"].replace(",", "")) == fact["value"]
        assert fact["rule"] == "case_count:table_cell"


def test_a_total_row_is_filed_as_the_country_figure(facts_of):
    total = [f for f in facts_of(VERTICAL, kind="case_count") if f["value"] == 2412]
    assert [(f["region"], f["whole_country"]) for f in total] == [(None, True)]
