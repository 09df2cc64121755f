"""Repeated dispatch stories: each dispatch of medical staff comes out of staff.csv once, running totals apart
from batches, origins rolled up to their provinces, and staff_sent answers "how many medical staff did each
province send, and where?" without counting a headline, a caption, a syndicated copy or a running total twice.

One corpus of our own invented stories (not devset text), built once for real (`build_dataset`); each test reads
the rows of one story. Every story has its own origin, so the stories do not meet in a row."""
from __future__ import annotations


import pandas as pd
import pytest

from conftest import write_corpus
from extract.dataset.build import build_dataset, load_dataset
from extract.figures.views import staff_sent

STORIES: dict[str, tuple[str, str]] = {
    # -- Jiangxi: one team from a city, told in a headline, a body, its parts, anaphora and a caption; a copy a
    #    day later with edits; a follow-up a week later that restates it by its day; its return weeks later
    "jx_team": ("2020-02-12",
                "Nanchang sends 134 medics to Suizhou\n\n"
                "NANCHANG, Feb. 12 -- A medical team of 134 members from Nanchang, capital of east China's Jiangxi "
                "Province, left for Suizhou in Hubei Province on Tuesday. The team is made up of 42 doctors and 92 "
                "nurses from 11 hospitals in the city. The 134 medics will take over two wards of a designated "
                "hospital, where 80 patients are being treated. They will stay for at least a month.\n\n"
                "Photo: The 134 medics from Nanchang wave goodbye at the railway station on Tuesday."),
    "jx_copy": ("2020-02-13",
                "Jiangxi medical team heads for Suizhou\n\n"
                "A team of 134 medical workers from Nanchang, Jiangxi Province, set off for Suizhou on Tuesday to "
                "help the city fight the novel coronavirus. The team, made up of 42 doctors and 92 nurses, will "
                "work at two designated hospitals."),
    "jx_week": ("2020-02-19",
                "The 134 medical workers who left Nanchang for Suizhou on Feb 11 have discharged their first 12 "
                "patients, the team leader said on Wednesday."),
    "jx_home": ("2020-03-20",
                "Nanchang welcomes its medics home\n\n"
                "The 134 medical workers from Nanchang returned home from Suizhou on Thursday after five weeks of "
                "work in Hubei. They had left Nanchang for Suizhou on Feb 11 as a team of 134 medical workers. "
                "They will rest for 14 days."),
    # -- Yunnan: a batch, then a running total told in a headline, a body (`a total of`) and `the 809`
    "yn_batch": ("2020-02-04",
                 "KUNMING, Feb. 4 -- The second batch of 102 medical workers from Yunnan Province left Kunming for "
                 "Hubei on Tuesday."),
    "yn_total": ("2020-02-17",
                 "Yunnan sends 809 medical workers to Hubei\n\n"
                 "As of Feb 16, Yunnan had sent a total of 809 medical workers to Hubei Province in five batches. "
                 "The 809 medical workers come from cities across the province and work in 14 hospitals."),
    # -- Guangdong: batches of 57 and 7, then `so far, over 400`: a running total beside them, never added
    "gd_first": ("2020-01-27",
                 "A team of 57 medical workers from Guangdong Province left Guangzhou for Wuhan on Sunday."),
    "gd_second": ("2020-01-29",
                  "Seven more medical workers from Guangdong Province set off for Wuhan on Tuesday."),
    "gd_total": ("2020-02-04",
                 "So far, Guangdong has sent over 400 doctors and nurses to Wuhan, the provincial health "
                 "commission said."),
    # -- Jiangsu: two teams of one province on one day, of different sizes: two rows
    "js_two": ("2020-02-10",
               "Jiangsu sends two medical teams to Hubei\n\n"
               "A team of 120 medical workers from Nanjing left for Huangshi on Sunday. A team of 96 medical "
               "workers from Suzhou left for Wuhan on Sunday."),
    # -- Hunan: the same size sent twice, three weeks apart: two rows
    "hn_first": ("2020-02-03", "A team of 100 medical workers from Hunan left for Wuhan on Sunday."),
    "hn_again": ("2020-02-24", "Another team of 100 medical workers from Hunan left for Wuhan on Sunday."),
    # -- Fujian: a province's batch and a city's (Xiamen) roll up to one origin province; three weeks later a story
    #    recalls the province's team by the next day (it left at night) and the nurses who joined it (its part)
    "fj_prov": ("2020-01-27", "Fujian sent a team of 135 medical workers to Wuhan on Sunday."),
    "fj_join": ("2020-02-18",
                "On Jan 27, 20 nurses from Quanzhou hospitals joined Fujian's 135-member medical team to aid "
                "Wuhan, carrying 5,000 masks with them."),
    "fj_city": ("2020-02-10",
                "A team of 120 medical workers from Xiamen left for Wuhan on Monday. The 120 medics will work at "
                "Wuhan's Jinyintan Hospital."),
    # -- Shaanxi: a running total `in nine batches`, and the ninth batch beside it
    "sx_total": ("2020-02-20",
                 "Shaanxi Province has sent 1,463 medical workers to Hubei in nine batches. The ninth batch of 150 "
                 "medical workers left Xi'an for Wuhan on Wednesday."),
    # -- Chongqing: a batch, then a running total told by `has sent` several hundred, with no day, and again,
    #    exactly, in batches: one total
    "cq_batch": ("2020-01-28", "A team of 140 medical workers from Chongqing left for Wuhan on Monday."),
    "cq_total": ("2020-02-10", "Chongqing has sent over 600 medical workers to Hubei, the municipal health "
                               "commission said on Monday. Four batches of medical staff totaling 618 doctors and "
                               "nurses from Chongqing's hospitals have been sent to Hubei since late January."),
    # -- the whole country: a national total, and numbers of hospitals and patients that are not staff
    "national": ("2020-02-15",
                 "More than 42,000 medical workers from across the country have been sent to Hubei. The medics "
                 "work in 45 designated hospitals that have treated 3,000 patients."),
    # -- Shanxi: a team that leaves Hubei for home is a return, not another dispatch; its parts are none
    "shx_home": ("2020-03-20",
                 "A team of 130 medical workers from Shanxi left Wuhan for Taiyuan on Thursday. The team includes "
                 "40 doctors and 90 nurses."),
    # -- Anhui: staff who only signed up, and staff at work at home, are no dispatch
    "ah_team": ("2020-01-28",
                "More than 600 nurses in Hefei signed up to go to Wuhan within a day. A team of 150 medical workers "
                "from Anhui left for Wuhan on Monday. The new ward at Hefei's hospital has 300 beds and over 200 "
                "medical staff."),
    # -- Zhejiang: one team, said to leave on Sunday night by one paper and to arrive on Monday by another
    "zj_left": ("2020-01-27", "Zhejiang sent a team of 135 medical workers to Wuhan on Sunday night."),
    "zj_arrived": ("2020-01-28", "A team of 135 medical workers from Zhejiang arrived in Wuhan on Monday."),
    # -- Heilongjiang: a headline's `a total of` and the dated return it tells are one return
    "hlj_home": ("2020-03-24",
                 "A total of 669 Heilongjiang medics return home\n\n"
                 "A total of 669 members of a medical team from Heilongjiang left Xiaogan on Monday after "
                 "finishing their task. Between 1,000 and 3,000 medical workers have returned home each day over "
                 "the past week, an official said."),
    # -- the country in January: a total in teams, and an additional group that is told without them
    "nat_jan": ("2020-01-28",
                "A total of 4,130 medical workers, in 30 teams, have arrived in Hubei, an official said, adding that "
                "an additional 1,800 medical staff will arrive by the end of Tuesday."),
}


@pytest.fixture(scope="module")
def tables(tmp_path_factory) -> dict[str, pd.DataFrame]:
    root = tmp_path_factory.mktemp("dispatches")
    corpus = write_corpus(root / "corpus", STORIES)
    build_dataset(corpus, root / "outputs", use_cache=False)
    return load_dataset(root / "outputs")


COLUMNS = ["origin", "origin_province", "destination", "destination_province", "date", "event", "scope",
           "value", "qualifier", "teams", "documents"]


def rows_of(staff: pd.DataFrame, province: str | None) -> list[tuple]:
    """The rows of one origin province (None: no origin stated), as tuples of COLUMNS, sorted."""
    keep = staff.origin_province.isna() if province is None else staff.origin_province == province
    out = []
    for _, r in staff[keep].iterrows():
        out.append(tuple(None if pd.isna(r[c]) else (str(r[c]) if c == "date" else r[c]) for c in COLUMNS))
    return sorted(out, key=lambda t: tuple("~" if v is None else str(v) for v in t))


def row(origin, destination, date, event, scope, value, documents, qualifier="exact", teams=None, provinces=None):
    origin_province, destination_province = provinces or (origin, "Hubei")
    return (origin, origin_province, destination, destination_province, date, event, scope, value, qualifier,
            teams, documents)


def sent_of(tables, province: str) -> dict:
    sent = staff_sent(tables["staff"])
    found = sent[sent.origin_province == province]
    return {r.destination_province: (int(r.batches), int(r.batch_staff),
                                      None if pd.isna(r.latest_total) else int(r.latest_total), int(r.sent))
            for r in found.itertuples()}


def test_one_team_told_in_a_headline_a_body_a_caption_a_copy_and_a_week_later_is_one_row(tables):
    # the parts (42 doctors and 92 nurses), the hospitals, the patients and `they` are no dispatch;
    # its return five weeks later is a row of its own, and the day it left, recalled then, is the same dispatch
    assert rows_of(tables["staff"], "Jiangxi") == [
        row("Nanchang", "Suizhou", "2020-02-11", "sent", "batch", 134, 4, provinces=("Jiangxi", "Hubei")),
        row("Nanchang", "Suizhou", "2020-03-19", "returned", "batch", 134, 1, provinces=("Jiangxi", "Hubei")),
    ]
    assert sent_of(tables, "Jiangxi") == {"Hubei": (1, 134, None, 134)}


def test_a_running_total_in_a_headline_a_body_and_the_809_is_one_total_beside_the_batch(tables):
    assert rows_of(tables["staff"], "Yunnan") == [
        row("Yunnan", "Hubei", "2020-02-04", "sent", "batch", 102, 1),
        row("Yunnan", "Hubei", "2020-02-16", "sent", "total", 809, 1, teams=5),
    ]
    assert sent_of(tables, "Yunnan") == {"Hubei": (1, 102, 809, 809)}   # never 809 x 3, nor 809 + 102


def test_batches_and_a_later_running_total_are_never_added(tables):
    assert rows_of(tables["staff"], "Guangdong") == [
        row("Guangdong", "Wuhan", "2020-01-26", "sent", "batch", 57, 1),
        row("Guangdong", "Wuhan", "2020-01-28", "sent", "batch", 7, 1),
        row("Guangdong", "Wuhan", None, "sent", "total", 400, 1, qualifier="over"),
    ]
    assert sent_of(tables, "Guangdong") == {"Hubei": (2, 64, 400, 400)}   # not 464


def test_two_teams_of_one_province_on_one_day_are_two_rows_and_cities_roll_up(tables):
    assert rows_of(tables["staff"], "Jiangsu") == [
        row("Nanjing", "Huangshi", "2020-02-09", "sent", "batch", 120, 1, provinces=("Jiangsu", "Hubei")),
        row("Suzhou", "Wuhan", "2020-02-09", "sent", "batch", 96, 1, provinces=("Jiangsu", "Hubei")),
    ]
    assert sent_of(tables, "Jiangsu") == {"Hubei": (2, 216, None, 216)}


def test_the_same_size_sent_weeks_apart_is_two_rows(tables):
    assert rows_of(tables["staff"], "Hunan") == [
        row("Hunan", "Wuhan", "2020-02-02", "sent", "batch", 100, 1),
        row("Hunan", "Wuhan", "2020-02-23", "sent", "batch", 100, 1),
    ]
    assert sent_of(tables, "Hunan") == {"Hubei": (2, 200, None, 200)}


def test_a_city_and_its_province_are_one_origin_province(tables):
    assert rows_of(tables["staff"], "Fujian") == [
        row("Fujian", "Wuhan", "2020-01-26", "sent", "batch", 135, 2),
        row("Xiamen", "Wuhan", "2020-02-10", "sent", "batch", 120, 1, provinces=("Fujian", "Hubei")),
    ]
    assert sent_of(tables, "Fujian") == {"Hubei": (2, 255, None, 255)}


def test_a_total_in_batches_stands_beside_the_batch_it_holds(tables):
    assert rows_of(tables["staff"], "Shaanxi") == [
        row("Shaanxi", "Hubei", None, "sent", "total", 1463, 1, teams=9),
        row("Xi'an", "Wuhan", "2020-02-19", "sent", "batch", 150, 1, provinces=("Shaanxi", "Hubei")),
    ]
    assert sent_of(tables, "Shaanxi") == {"Hubei": (1, 150, 1463, 1463)}


def test_several_hundred_sent_up_to_now_with_no_day_is_a_running_total(tables):
    assert rows_of(tables["staff"], "Chongqing") == [
        row("Chongqing", "Hubei", None, "sent", "total", 618, 1, teams=4, provinces=("Chongqing", "Hubei")),
        row("Chongqing", "Wuhan", "2020-01-27", "sent", "batch", 140, 1, provinces=("Chongqing", "Hubei")),
    ]
    assert sent_of(tables, "Chongqing") == {"Hubei": (1, 140, 618, 618)}


def test_the_whole_countrys_staff_are_a_total_of_no_province_and_hospitals_are_no_staff(tables):
    staff = tables["staff"]
    assert rows_of(staff[staff.doc_ids == "national"], None) == [
        (None, None, "Hubei", "Hubei", None, "sent", "total", 42000, "over", None, 1),
    ]
    assert "(not stated)" not in set(staff_sent(tables["staff"]).destination_province)


def test_a_team_leaving_hubei_for_home_is_a_return_and_its_parts_are_none(tables):
    assert rows_of(tables["staff"], "Shanxi") == [
        row("Shanxi", "Wuhan", "2020-03-19", "returned", "batch", 130, 1),
    ]
    assert sent_of(tables, "Shanxi") == {}   # a return is not staff sent


def test_no_row_is_a_part_and_every_row_is_traced(tables):
    staff, facts = tables["staff"], tables["facts"].set_index("fact_id")
    assert set(staff.scope) <= {"batch", "total"} and staff["value"].notna().all()
    for _, r in staff.iterrows():
        for fact_id in r.fact_ids.split():
            assert facts.loc[fact_id].kind == "personnel_count"


def test_staff_who_signed_up_or_work_at_home_are_no_dispatch(tables):
    assert rows_of(tables["staff"], "Anhui") == [row("Anhui", "Wuhan", "2020-01-27", "sent", "batch", 150, 1)]


def test_one_team_left_on_one_day_and_arrived_the_next_is_one_row(tables):
    assert rows_of(tables["staff"], "Zhejiang") == [row("Zhejiang", "Wuhan", "2020-01-26", "sent", "batch", 135, 2)]


def test_a_headlines_a_total_of_is_the_dated_return_it_tells_and_a_daily_rate_is_none(tables):
    assert rows_of(tables["staff"], "Heilongjiang") == [
        row("Heilongjiang", "Xiaogan", "2020-03-23", "returned", "batch", 669, 1)]


def test_teams_belong_to_the_count_they_are_stated_with(tables):
    staff = tables["staff"]
    national = staff[staff.origin_province.isna() & (staff.first_published.astype(str) == "2020-01-28")]
    assert sorted((int(r.value), r.scope, None if pd.isna(r.teams) else int(r.teams))
                  for r in national.itertuples()) == [(1800, "batch", None), (4130, "total", 30)]


def test_no_check_fails_in_these_stories(tables):
    assert tables["staff"].checks.isna().all(), tables["staff"][tables["staff"].checks.notna()].to_string()
