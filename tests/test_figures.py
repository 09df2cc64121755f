"""The consolidated tables (cases.csv, staff.csv): mentions grouped into figures and dispatches, and the checks.

Each check has a small corpus of our own that passes it and one that fails it; the corpora are built for real
(`build_dataset`), so the tests hold the whole way from text to table."""
from __future__ import annotations


import pandas as pd
import pytest

from conftest import write_corpus
from extract.dataset.build import build_dataset, load_dataset


def build(tmp_path, articles: dict[str, tuple[str, str]]) -> dict[str, pd.DataFrame]:
    """Build a corpus of {doc_id: (published, text)} and load its tables."""
    corpus = write_corpus(tmp_path / "corpus", articles)
    build_dataset(corpus, tmp_path / "outputs", use_cache=False)
    return load_dataset(tmp_path / "outputs")


def figure(cases: pd.DataFrame, region, status, period, date) -> pd.Series:
    rows = cases[(cases.region == region) & (cases.status == status) & (cases.period == period)
                 & (cases.date.astype(str) == date)]
    assert len(rows) == 1, cases.to_string()
    return rows.iloc[0]


def checks(row) -> set[str]:
    return set(row["checks"].split(";")) if isinstance(row["checks"], str) else set()


TOTAL_10 = "Hubei had reported a total of {} confirmed cases by the end of Feb 10, the provincial health commission said."
TOTAL_11 = "As of the end of Feb 11, Hubei had reported {} confirmed cases in total, including {} new confirmed cases " \
           "on Feb 11."


# ---- cases: one row per figure ------------------------------------------------------------------------------

def test_one_figure_stated_by_three_documents_is_one_row_with_every_mention(tmp_path):
    tables = build(tmp_path, {"a": ("2020-02-11", TOTAL_10.format("500")),
                              "b": ("2020-02-11", "Hubei: 500 cases\n\n" + TOTAL_10.format("500")),
                              "c": ("2020-02-12", TOTAL_10.format("500"))})
    row = figure(tables["cases"], "Hubei", "confirmed", "total", "2020-02-10")
    assert (row.value, row.documents, row.level, row.province, row.region_code) == (500, 3, "province", "Hubei",
                                                                                      "420000")
    assert pd.isna(row["values"]) and pd.isna(row["checks"])
    facts = tables["facts"].set_index("fact_id")
    ids = row.fact_ids.split()
    assert len(ids) == row.mentions >= 3
    for fact_id in ids:   # every id resolves to a fact whose text states the figure
        fact = facts.loc[fact_id]
        assert fact.kind == "case_count" and fact.value == 500 and "500" in fact.text


def test_values_come_back_as_nullable_integers_that_a_pivot_keeps(tmp_path):
    tables = build(tmp_path, {"a": ("2020-02-11", TOTAL_10.format("500")),
                              "b": ("2020-02-12", TOTAL_11.format("600", "100"))})
    cases = tables["cases"]
    assert str(cases["value"].dtype) == "Int64" and str(cases["mentions"].dtype) == "Int64"
    pivot = cases[cases.period == "total"].pivot(index="date", columns="region", values="value")
    assert list(pivot["Hubei"]) == [500, 600] and str(pivot["Hubei"].dtype) == "Int64"


@pytest.mark.parametrize("published_a, published_b, expected", [
    ("2020-02-11", "2020-02-11", "conflict"),   # two documents of one day disagree
    ("2020-02-11", "2020-02-13", "revised"),    # a later document restates the figure
])
def test_disagreeing_documents_are_a_conflict_or_a_revision(tmp_path, published_a, published_b, expected):
    tables = build(tmp_path, {"a": (published_a, TOTAL_10.format("500")),
                              "b": (published_b, TOTAL_10.format("520"))})
    row = figure(tables["cases"], "Hubei", "confirmed", "total", "2020-02-10")
    assert checks(row) == {expected}
    assert row["values"] == "500 520" and row.documents == 2


def test_a_cumulative_figure_that_falls_is_flagged_and_one_that_rises_is_not(tmp_path):
    falls = build(tmp_path / "1", {"a": ("2020-02-11", TOTAL_10.format("500")),
                                   "b": ("2020-02-12", TOTAL_11.format("400", "30"))})
    assert "decreasing" in checks(figure(falls["cases"], "Hubei", "confirmed", "total", "2020-02-11"))
    assert "decreasing" not in checks(figure(falls["cases"], "Hubei", "confirmed", "total", "2020-02-10"))
    rises = build(tmp_path / "2", {"a": ("2020-02-11", TOTAL_10.format("500")),
                                   "b": ("2020-02-12", TOTAL_11.format("530", "30"))})
    assert all(checks(r) == set() for _, r in rises["cases"].iterrows())


@pytest.mark.parametrize("new, flagged", [("100", True), ("50", False)])
def test_new_must_be_the_difference_of_two_totals(tmp_path, new, flagged):
    # 550 - 500 = 50 new
    tables = build(tmp_path, {"a": ("2020-02-11", TOTAL_10.format("500")),
                              "b": ("2020-02-12", TOTAL_11.format("550", new))})
    cases = tables["cases"]
    assert ("new_vs_total" in checks(figure(cases, "Hubei", "confirmed", "new", "2020-02-11"))) is flagged
    assert ("new_vs_total" in checks(figure(cases, "Hubei", "confirmed", "total", "2020-02-11"))) is flagged
    assert ("new_vs_total" in checks(figure(cases, "Hubei", "confirmed", "total", "2020-02-10"))) is flagged


@pytest.mark.parametrize("wuhan, flagged", [("700", True), ("400", False)])
def test_cities_above_their_province_are_flagged(tmp_path, wuhan, flagged):
    tables = build(tmp_path, {"a": ("2020-02-11", TOTAL_10.format("500")),
                              "b": ("2020-02-11", f"Wuhan reported {wuhan} confirmed cases in total by the end "
                                                  f"of Feb 10.")})
    cases = tables["cases"]
    assert ("parts_exceed_whole" in checks(figure(cases, "Hubei", "confirmed", "total", "2020-02-10"))) is flagged
    assert ("parts_exceed_whole" in checks(figure(cases, "Wuhan", "confirmed", "total", "2020-02-10"))) is flagged
    assert figure(cases, "Wuhan", "confirmed", "total", "2020-02-10").level == "city"


@pytest.mark.parametrize("deaths, flagged", [("600", True), ("30", False)])
def test_deaths_above_the_confirmed_total_are_flagged(tmp_path, deaths, flagged):
    tables = build(tmp_path, {"a": ("2020-02-11", TOTAL_10.format("500") + f" Hubei had {deaths} deaths in "
                                                                          f"total by the end of Feb 10.")})
    row = figure(tables["cases"], "Hubei", "death", "total", "2020-02-10")
    assert ("exceeds_confirmed" in checks(row)) is flagged


@pytest.mark.parametrize("published, flagged", [("2020-02-09", True), ("2020-02-11", False)])
def test_a_figure_as_of_a_day_after_its_article_is_flagged(tmp_path, published, flagged):
    tables = build(tmp_path, {"a": (published, TOTAL_10.format("500"))})
    row = figure(tables["cases"], "Hubei", "confirmed", "total", "2020-02-10")
    assert ("date_after_publication" in checks(row)) is flagged


def test_an_undated_count_is_as_of_its_article_and_says_so(tmp_path):
    tables = build(tmp_path, {"a": ("2020-02-11", "Wuhan now has 700 confirmed cases in total."),
                              "b": ("", "Wuhan now has 800 confirmed cases in total.")})
    cases = tables["cases"]
    assert len(cases) == 1   # an undated count in an undated article is no figure
    row = cases.iloc[0]
    assert (row.value, str(row.date), row.date_basis) == (700, "2020-02-11", "published")


def test_a_count_nobody_placed_is_no_figure_and_the_whole_country_is_one(tmp_path):
    tables = build(tmp_path, {"a": ("2020-02-11", "The country had reported 40,000 confirmed cases in total by "
                                                  "the end of Feb 10.\n\nThe hospital has treated 70 patients.")})
    cases = tables["cases"]
    assert list(cases.level) == ["country"] and cases.iloc[0].value == 40000 and pd.isna(cases.iloc[0].region)



PART_OF_A_FIGURE = [
    # (text, the figure's region, its value, its values when mentions disagree, the mentions it keeps)
    ("As of 24:00 on March 19, Zhejiang Province had reported a total of 1,234 confirmed cases (including 17 "
     "cases imported from abroad).", "Zhejiang", 1234, None, 1),
    ("By the end of March 19, Zhejiang had reported 1,234 confirmed cases. Among them, 183 were in Hangzhou "
     "(including 2 imported cases) and 505 in Wenzhou (including 1 imported case).", "Hangzhou", 183, None, 1),
    # a smaller value in another sentence is no part: the documents' disagreement shows
    ("By the end of March 19, Zhejiang had reported 1,234 confirmed cases.\n\nBy the end of March 19, Zhejiang "
     "had reported 1,230 confirmed cases.", "Zhejiang", None, "1230 1234", 2),
]


@pytest.mark.parametrize("text, region, value, values, mentions", PART_OF_A_FIGURE)
def test_a_part_stated_inside_its_figure_is_no_mention_of_it(tmp_path, text, region, value, values, mentions):
    row = figure(build(tmp_path, {"a": ("2020-03-20", text)})["cases"], region, "confirmed", "total", "2020-03-19")
    assert (row.value if value else None, row.mentions) == (value, mentions)   # (None: a tie, either value)
    assert (row["values"] if isinstance(row["values"], str) else None) == values
    assert ("conflict" in checks(row)) == (values is not None)

# ---- staff: one row per dispatch ------------------------------------------------------------------------------

TEAM_STORY = ("Jiangsu sends 300 medics to Huangshi\n\nA team of 300 medical workers from Jiangsu province left for "
              "Huangshi on Monday. The 300 medics will work in two hospitals.\n\nPhoto: the 300 medics from Jiangsu "
              "at the airport.")


def test_a_dispatch_in_a_headline_a_body_a_caption_and_a_copy_is_one_row(tmp_path):
    tables = build(tmp_path, {"a": ("2020-02-11", TEAM_STORY), "b": ("2020-02-12", TEAM_STORY)})
    staff = tables["staff"]
    assert len(staff) == 1, staff.to_string()
    row = staff.iloc[0]
    assert (row.origin, row.origin_province, row.destination, row.destination_province) == \
        ("Jiangsu", "Jiangsu", "Huangshi", "Hubei")
    assert (row.value, row.event, row.scope, str(row.date), row.documents) == (300, "sent", "batch", "2020-02-10", 2)
    assert row.mentions == 8 and pd.isna(row["checks"])


def test_the_same_number_weeks_apart_is_two_dispatches(tmp_path):
    tables = build(tmp_path, {"a": ("2020-02-11", TEAM_STORY), "b": ("2020-03-11", TEAM_STORY)})
    assert len(tables["staff"]) == 2


def test_a_city_origin_rolls_up_to_its_province(tmp_path):
    tables = build(tmp_path, {"a": ("2020-02-05", "A team of 101 medical workers from Nanchang left for Hubei on "
                                                  "Tuesday.")})
    row = tables["staff"].iloc[0]
    assert (row.origin, row.origin_code, row.origin_province, row.destination_province) == \
        ("Nanchang", "360100", "Jiangxi", "Hubei")


def test_a_dispatch_restated_a_week_later_with_its_day_is_one_row(tmp_path):
    first = "A team of 101 medical workers from Nanchang left for Hubei on Feb 4."
    tables = build(tmp_path, {"a": ("2020-02-04", first), "b": ("2020-02-10", "Last week, " + first)})
    assert len(tables["staff"]) == 1 and tables["staff"].iloc[0].documents == 2


def test_articles_of_a_month_or_of_no_known_day_are_consolidated_too(tmp_path):
    tables = build(tmp_path, {"a": ("2020-02", TEAM_STORY), "b": ("", TEAM_STORY), "c": ("2020-02-11", TEAM_STORY),
                              "d": ("2020-03", TOTAL_10.format("500")), "e": ("", TOTAL_10.format("500"))})
    assert 1 <= len(tables["staff"]) <= 3 and tables["staff"]["documents"].sum() == 3
    # `Feb 10` in an article of no known year is no day: only the March article's figure stands
    assert list(tables["cases"].doc_ids) == ["d"]


# ---- reading the tables: the views and `aidfacts figures` -----------------------------------------------------

def staff_table(rows: list[tuple]) -> pd.DataFrame:
    columns = ["origin", "origin_province", "destination_province", "date", "first_published", "event", "scope",
               "value"]
    frame = pd.DataFrame(rows, columns=columns)
    frame["value"] = frame.value.astype("Int64")
    return frame


def test_a_running_total_is_never_added_to_the_batches_before_it():
    from extract.figures.views import sent_matrix, staff_sent

    staff = staff_table([
        ("Guangdong", "Guangdong", "Hubei", "2020-01-26", "2020-01-27", "sent", "batch", 57),
        ("Guangdong", "Guangdong", "Hubei", "2020-01-28", "2020-01-29", "sent", "batch", 7),
        ("Guangdong", "Guangdong", "Hubei", None, "2020-02-03", "sent", "total", 400),
        ("Shenzhen", "Guangdong", "Hubei", "2020-02-09", "2020-02-09", "sent", "batch", 500),   # after the total
        ("Yunnan", "Yunnan", "Hubei", "2020-02-16", "2020-02-16", "sent", "total", 809),
        ("Yunnan", "Yunnan", "Hubei", "2020-02-20", "2020-02-20", "returned", "batch", 100),   # not sent
    ])
    sent = staff_sent(staff).set_index("origin_province")
    assert sent.loc["Guangdong", "batch_staff"] == 564 and sent.loc["Guangdong", "latest_total"] == 400
    assert sent.loc["Guangdong", "sent"] == 564   # the larger, never 964
    assert sent.loc["Yunnan", "sent"] == 809 and sent.loc["Yunnan", "batches"] == 0
    matrix = sent_matrix(staff_sent(staff))
    assert matrix.loc["all", "Hubei"] == 564 + 809 and str(matrix["Hubei"].dtype) == "Int64"


def test_the_figures_verb_filters_by_region_and_fits_80_columns(tmp_path):
    from click.testing import CliRunner

    from extract.cli import cli

    build(tmp_path, {"a": ("2020-02-11", TOTAL_10.format("500")),
                     "b": ("2020-02-11", "Wuhan reported 700 confirmed cases in total by the end of Feb 10."),
                     "c": ("2020-02-11", "Zhejiang reported 40 confirmed cases in total by the end of Feb 10.")})
    runner = CliRunner()
    result = runner.invoke(cli, ["figures", "cases", "-o", str(tmp_path / "outputs"), "--region", "hubei province"],
                           env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert [line.split()[0] for line in lines[1:]] == ["Hubei", "Wuhan"]   # a province, then its cities
    assert all(len(line) <= 80 for line in lines)
    assert "parts_exceed_whole" in lines[1]
    failing = runner.invoke(cli, ["figures", "cases", "-o", str(tmp_path / "outputs"), "--failing", "--csv"])
    assert sorted(pd.read_csv(__import__("io").StringIO(failing.output)).region) == ["Hubei", "Wuhan"]
    unknown = runner.invoke(cli, ["figures", "cases", "-o", str(tmp_path / "outputs"), "--region", "Atlantis"])
    assert unknown.exit_code == 1 and "Atlantis" in unknown.output


def test_the_report_draws_the_tables_and_links_each_point_to_its_row_and_sources(tmp_path):
    from extract.audit.report import write_report

    build(tmp_path, {"a": ("2020-02-11", TOTAL_10.format("500")), "b": ("2020-02-12", TOTAL_11.format("550", "50")),
                     "t": ("2020-02-11", TEAM_STORY)})
    outputs = tmp_path / "outputs"
    cases = pd.read_csv(outputs / "cases.csv", dtype=str)
    cases.loc[0, "checks"] = "<script>alert(1)</script>"   # an edited output is text, never markup
    cases.to_csv(outputs / "cases.csv", index=False)
    index = write_report(outputs, tmp_path / "corpus", tmp_path / "report")
    figures = (tmp_path / "report" / "figures.html").read_text(encoding="utf-8")
    series = (tmp_path / "report" / "series.html").read_text(encoding="utf-8")
    assert "<script>alert" not in figures and "&lt;script&gt;alert(1)&lt;/script&gt;" in figures
    row_ids = [f'id="case-{n}"' for n in range(1, len(cases) + 1)]
    assert all(anchor in figures for anchor in row_ids)
    first_fact, first_doc = cases.loc[0, "fact_ids"].split()[0], cases.loc[0, "doc_ids"].split()[0]
    assert f'href="docs/{first_doc}.html#fact-{first_fact}"' in figures   # a mention links to its words
    assert 'href="figures.html#case-1"' in series and "Hubei: cumulative" in series   # a point links to its row
    assert 'href="figures.html#sent-Jiangsu-Hubei"' in index.read_text(encoding="utf-8")   # the staff matrix's cell
    assert 'id="sent-Jiangsu-Hubei"' in figures


def test_audit_check_traces_every_row_to_facts_that_state_it(tmp_path):
    from extract.audit.checks import check_dataset

    build(tmp_path, {"a": ("2020-02-11", TOTAL_10.format("500")), "t": ("2020-02-11", TEAM_STORY)})
    outputs = tmp_path / "outputs"
    assert check_dataset(outputs, tmp_path / "corpus") == []
    cases = pd.read_csv(outputs / "cases.csv", dtype=str)
    cases.loc[0, "value"] = "501"   # a value no mention states
    cases.to_csv(outputs / "cases.csv", index=False)
    cases.loc[0, "date"] = "2020-13-45"   # no day
    cases.to_csv(outputs / "cases.csv", index=False)
    staff = pd.read_csv(outputs / "staff.csv", dtype=str)
    staff.loc[0, "fact_ids"] += " 0000000000000000"
    staff.to_csv(outputs / "staff.csv", index=False)
    problems = check_dataset(outputs, tmp_path / "corpus")
    assert any(p.startswith("cases.csv line 2: fact") and "not 501" in p for p in problems), problems
    assert any(p == "staff.csv line 2: fact 0000000000000000 is not in facts.csv" for p in problems), problems
    assert "cases.csv line 2: date '2020-13-45' is not an ISO day" in problems


@pytest.mark.parametrize("values, flagged", [
    ([100, 200, 5000, 400, 500], [5000]),   # one figure too high: flagged alone, not the right ones after it
    ([100, 200, 20, 400, 500], [20]),       # one too low
    ([500, 400], [400]),                    # the later, below an earlier day's
    ([100, 100, 200], []),                  # a total that holds is no fall
])
def test_decreasing_flags_the_fewest_figures_that_break_a_series(tmp_path, values, flagged):
    articles = {f"d{k}": (f"2020-02-{11 + k:02d}", f"Hubei had reported a total of {v} confirmed cases by the end "
                                                    f"of Feb {10 + k}.") for k, v in enumerate(values)}
    cases = build(tmp_path, articles)["cases"]
    assert sorted(cases[cases.checks.fillna("").str.contains("decreasing")].value) == flagged
