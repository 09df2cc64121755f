"""A figure's review page lists the figures its failed check compares it with (extract/audit/app/related.py)."""
import pandas as pd

from extract.audit.app.related import related_figures

CASE_COLUMNS = ["region", "level", "province", "date", "status", "period", "value", "checks"]


def cases(*rows):
    return pd.DataFrame(rows, columns=CASE_COLUMNS)


HUBEI_DAY = cases(
    (None, "country", None, "2020-02-10", "confirmed", "total", 42000, None),
    ("Hubei", "province", "Hubei", "2020-02-10", "confirmed", "total", 1000, "parts_exceed_whole"),
    ("Wuhan", "city", "Hubei", "2020-02-10", "confirmed", "total", 900, "parts_exceed_whole"),
    ("Xiaogan", "city", "Hubei", "2020-02-10", "confirmed", "total", 300, "parts_exceed_whole"),
    ("Xiaogan", "city", "Hubei", "2020-02-10", "death", "total", 30, None),            # another status
    ("Hunan", "province", "Hunan", "2020-02-10", "confirmed", "total", 800, None),    # another province
    ("Changsha", "city", "Hunan", "2020-02-10", "confirmed", "total", 200, None),      # another province's part
    ("Wuhan", "city", "Hubei", "2020-02-11", "confirmed", "total", 950, None),         # another day
)


def roles(table, frame, row):
    return {r["row"]: r["role"] for r in related_figures(table, frame, row)}


def test_a_whole_lists_its_parts_and_a_part_its_whole_and_siblings():
    assert roles("cases", HUBEI_DAY, 1) == {0: "its whole", 2: "a part of it", 3: "a part of it",
                                            5: "a part of its whole"}
    assert roles("cases", HUBEI_DAY, 2) == {1: "its whole", 3: "a part of its whole"}


def test_a_figure_that_passes_every_check_lists_nothing():
    assert roles("cases", HUBEI_DAY, 6) == {} and roles("cases", HUBEI_DAY, 0) == {}
    assert related_figures("cases", HUBEI_DAY, 99) == []


def test_a_falling_series_lists_the_series_and_a_new_figure_the_days_totals():
    frame = cases(
        ("Wuhan", "city", "Hubei", "2020-02-09", "confirmed", "total", 800, None),
        ("Wuhan", "city", "Hubei", "2020-02-10", "confirmed", "total", 700, "decreasing"),
        ("Wuhan", "city", "Hubei", "2020-02-10", "confirmed", "new", 50, "new_vs_total"),
        ("Wuhan", "city", "Hubei", "2020-02-10", "death", "total", 10, None),
        ("Hankou", "city", "Hubei", "2020-02-10", "confirmed", "total", 5, None),
    )
    assert roles("cases", frame, 1) == {0: "the same series", 2: "the day's new figure"}
    assert roles("cases", frame, 2) == {0: "the day before's total", 1: "the day's total"}


def test_deaths_above_the_confirmed_list_the_confirmed_total():
    frame = cases(
        ("Ezhou", "city", "Hubei", "2020-02-10", "confirmed", "total", 100, None),
        ("Ezhou", "city", "Hubei", "2020-02-10", "death", "total", 150, "exceeds_confirmed"),
        ("Ezhou", "city", "Hubei", "2020-02-11", "confirmed", "total", 200, None),
    )
    assert roles("cases", frame, 1) == {0: "the confirmed total"}


def test_a_running_total_below_its_batches_lists_the_batches():
    columns = ["origin", "origin_province", "destination", "destination_province", "date", "event", "scope",
               "value", "checks"]
    frame = pd.DataFrame([
        ("Hunan", "Hunan", "Huanggang", "Hubei", "2020-02-01", "sent", "batch", 120, None),
        ("Changsha", "Hunan", "Huanggang", "Hubei", "2020-02-05", "sent", "batch", 150, None),
        ("Hunan", "Hunan", "Hubei", "Hubei", "2020-02-06", "sent", "total", 200, "batches_exceed_total"),
        ("Hunan", "Hunan", "Hubei", "Hubei", "2020-03-20", "returned", "batch", 100, None),
        ("Jiangxi", "Jiangxi", "Suizhou", "Hubei", "2020-02-05", "sent", "batch", 150, None),
    ], columns=columns)
    assert roles("staff", frame, 2) == {0: "a batch", 1: "a batch"}
