"""Figures laid out as lines (issue 23), invented texts: number-first statistics lines under a heading
(`20471 confirmed (3235 new)`), a place's figure broken down by status in a bracket (`Hong Kong 157 (recovered 88,
dead 4)`), and roll calls of places one line each (`>> Hong Kong: 94 cases, 2 deaths`). Whose each count is comes
from the heading or the line's place; where that is someone else (`Globally`, `Japan`) nothing is read."""
import pytest


def cases(facts_of, text):
    return [(f["region"], f["value"], f["status"], f["period"], f["date"])
            for f in facts_of(text, published="2020-03-20", kind="case_count")]


STATISTICS = [
    # under the country's heading: no region; the bracket's new ones, the number beside them the total
    ("SITUATION IN NUMBERS\nChina\n80,711 confirmed (120 new)\n2,981 deaths (31 new)\n5,952 severe (+172)\n",
     [(None, 80711, "confirmed", "total", None), (None, 120, "confirmed", "new", None),
      (None, 2981, "death", "total", None), (None, 31, "death", "new", None),
      (None, 5952, "severe", "total", None), (None, 172, "severe", "new", None)]),
    # under a region's heading, with its day; a line with no bracket has no period of its own
    ("Guangdong Province, 3 March 2020\n1,350 confirmed cases (2 new)\n7 deaths\n",
     [("Guangdong", 1350, "confirmed", "total", "2020-03-03"), ("Guangdong", 2, "confirmed", "new", "2020-03-03"),
      ("Guangdong", 7, "death", None, "2020-03-03")]),
    ("Mainland China\n3,042 deaths (new 30)\n",
     [(None, 3042, "death", "total", None), (None, 30, "death", "new", None)]),
    # label first, with a bracket of the new ones; a label line with no bracket is the label rule's
    ("China\nConfirmed: 80,711 (+120)\nDeaths: 2,981 (31 new)\nRecovered: 47,000\n",
     [(None, 80711, "confirmed", "total", None), (None, 120, "confirmed", "new", None),
      (None, 2981, "death", "total", None), (None, 31, "death", "new", None),
      (None, 47000, "recovered", None, None)]),
    ("Hubei Province\nConfirmed cases\t67,103 (+196)\n",
     [("Hubei", 67103, "confirmed", "total", None), ("Hubei", 196, "confirmed", "new", None)]),
    # headings of someone else, or of no one said: nothing from the block, whichever rule would read it
    ("Globally\nConfirmed: 90,870 (+1,806)\nDeaths: 3,112\n", []),
    ("Italy\nConfirmed: 1,694 (+566)\nDeaths: 34\n", []),
    ("Globally\n90,870 confirmed (1,806 new)\n", []),
    ("Outside of China\n8,774 confirmed (1,792 new)\n64 countries\n128 deaths (24 new)\n", []),
    ("Republic of Korea\n4,212 confirmed (476 new)\n", []),
    ("Jinyintan Hospital, Wuhan\n1,200 recovered (45 new)\n", []),
    # lines whose label is no case label: nothing
    ("China\n27 countries (3 new)\n5,000 beds (200 new)\n", []),
]

BREAKDOWNS = [
    ("Hong Kong 157 (recovered 88, dead 4), Macao 10 (10 recovered), and Taiwan 59 (20 recovered, 1 dead).",
     [("Hong Kong", 157, "confirmed", "total", None), ("Hong Kong", 88, "recovered", "total", None),
      ("Hong Kong", 4, "death", "total", None), ("Macao", 10, "confirmed", "total", None),
      ("Macao", 10, "recovered", "total", None), ("Taiwan", 59, "confirmed", "total", None),
      ("Taiwan", 20, "recovered", "total", None), ("Taiwan", 1, "death", "total", None)]),
    ("The cases outside the mainland are as follows:\n\nHong Kong: 148 (84 recovered, 4 dead)\n\n"
     "Macao: 10 (10 recovered)\n",
     [("Hong Kong", 148, "confirmed", "total", None), ("Hong Kong", 84, "recovered", "total", None),
      ("Hong Kong", 4, "death", "total", None), ("Macao", 10, "confirmed", "total", None),
      ("Macao", 10, "recovered", "total", None)]),
    # a bracket of places, not statuses: left to the other rules (no breakdown fact)
    ("Guangdong 12 (Shenzhen 5, Foshan 7)", None),
    # a bracket that is not only `status number` parts: nothing from it
    ("Hubei 67,000 (including 3,000 deaths)", None),
]


@pytest.mark.parametrize("text, expected", STATISTICS, ids=[t[:40] for t, _ in STATISTICS])
def test_statistics_lines(facts_of, text, expected):
    assert cases(facts_of, text) == expected
    for fact in facts_of(text, published="2020-03-20", kind="case_count"):
        assert fact["rule"] in ("case_count:statistics_line", "case_count:case_labelled")
        assert text[fact["start"]:fact["end"]] == fact["text"]


def test_a_heading_of_an_unknown_name_drops_no_other_rules_facts(facts_of):
    """`By Zhang Wei` is nobody's figures we know of: not someone else's, so the sentence rules' counts stay."""
    assert cases(facts_of, "By Zhang Wei\n3 deaths\n12 confirmed cases\n") == \
        [(None, 3, "death", None, None), (None, 12, "confirmed", None, None)]


@pytest.mark.parametrize("text, expected", BREAKDOWNS, ids=[t[:40] for t, _ in BREAKDOWNS])
def test_place_breakdowns(facts_of, text, expected):
    facts = facts_of(text, published="2020-03-20", kind="case_count")
    mine = [f for f in facts if f["rule"] == "case_count:place_breakdown"]
    if expected is None:
        assert mine == []
        return
    assert cases(facts_of, text) == expected
    assert mine == facts


def test_breakdown_after_a_lead_of_new_cases_is_not_read(facts_of):
    text = "New cases by place:\nHubei 5 (2 severe)\nHenan 3 (1 dead)\n"
    assert [f for f in facts_of(text, kind="case_count") if f["rule"] == "case_count:place_breakdown"] == []


ROLL_CALL = ("Hubei reported 115 new deaths on Tuesday.\n\nThe latest figures:\n"
             ">> Mainland China: 2,870 deaths among 79,824 cases\n>> Hong Kong: 94 cases, 2 deaths\n"
             ">> Japan: 12 cases\n>> South Korea: 3,150 cases, 17 deaths\nMacao: 10 cases\n")

ROLL_CALLS = [
    (ROLL_CALL, [("Hubei", 115, "death", "new"), (None, 2870, "death", None), (None, 79824, "confirmed", None),
                 ("Hong Kong", 94, "confirmed", None), ("Hong Kong", 2, "death", None),
                 ("Macao", 10, "confirmed", None)]),
    # dashes and bullets; a foreign place's counts are not China's
    ("* Mainland China - 80,000 cases, 3,000 deaths\n* Italy: 1,694 cases, 34 deaths\n",
     [(None, 80000, "confirmed", None), (None, 3000, "death", None)]),
    # bare numbers under a lead that names what they count (its status, period and day)
    ("Confirmed cases by province as of March 1:\nHubei 67,103\nGuangdong 1,350\nHenan 1,272\n",
     [("Hubei", 67103, "confirmed", "total"), ("Guangdong", 1350, "confirmed", "total"),
      ("Henan", 1272, "confirmed", "total")]),
    ("New confirmed cases:\n- Hubei: 196\n- Beijing: 2\n",
     [("Hubei", 196, "confirmed", "new"), ("Beijing", 2, "confirmed", "new")]),
    ("Cumulative deaths by province\nHubei - 2,803\nHenan - 22\n",
     [("Hubei", 2803, "death", "total"), ("Henan", 22, "death", "total")]),
    # numbers each with a case label; a line naming another place after the colon is the sentence rules'
    ("Hubei: 67,103 confirmed, 2,803 deaths\nGuangdong: 1,350 confirmed; 7 deaths in Shenzhen\n",
     [("Hubei", 67103, "confirmed", None), ("Hubei", 2803, "death", None), ("Shenzhen", 7, "death", None)]),
    # leads of other things, or none: bare numbers give nothing
    ("Medical workers sent by province:\nJiangsu 2,800\nZhejiang 1,900\n", []),
    ("Close contacts of confirmed cases by province:\nHubei 1,000\nHenan 300\n", []),
    ("Hubei 1,000\nHenan 300\n", []),
    ("Hubei: 500 beds, 20 hospitals\nHenan: 30 wards\n", []),
    # not a roll call of places: days, labels, a source; left to the other rules
    ("Hubei\nMonday: 5 new cases\nTuesday: 7 new cases\n", "unchanged"),
    ("Xinhua: 5 new cases in Hubei\nDeaths: 3\n", "unchanged"),
    # a name we do not know is not foreign: its line is the sentence rules'
    ("Huoshenshan: 30 cases\nWuhan: 40 cases\n", "unchanged"),
    # a lone line of a foreign place is no roll call
    ("Japan: 12 cases\n", "unchanged"),
]


@pytest.mark.parametrize("text, expected", ROLL_CALLS, ids=[t[:40] for t, _ in ROLL_CALLS])
def test_roll_calls(facts_of, nlp, monkeypatch, text, expected):
    def found():
        return [(f["region"], f["value"], f["status"], f["period"])
                for f in facts_of(text, published="2020-03-20", kind="case_count")]
    if expected != "unchanged":
        assert found() == expected
        return
    read = found()
    assert read   # the sentence rules read these lines; the roll-call reader changes nothing of it
    monkeypatch.setattr(nlp.get_pipe("aidfacts_tables").place_lines, "apply",
                        lambda doc, text, lines, counts: (counts, []))
    assert found() == read


def test_a_statistics_line_keeps_the_day_the_sentence_rules_carried_to_it(facts_of):
    text = "The health commission reported 20 new cases on March 3.\n\nChina\n2,981 deaths (31 new)\n"
    assert cases(facts_of, text) == [(None, 20, "confirmed", "new", "2020-03-03"),
                                     (None, 2981, "death", "total", "2020-03-03"),
                                     (None, 31, "death", "new", "2020-03-03")]


DAY_LINES = [
    # a short line above the block says what day its figures are of
    ("Weekly report\nFigures as of 3 March 2020*\nSummary\nThe situation is improving in most provinces.\n"
     "China\n80,270 confirmed (119 new)\n", "2020-03-03"),
    ("Numbers up to March 3\n\nChina\n2,981 deaths (31 new)\n", "2020-03-03"),
    # a line of prose, a line with other numbers, a day not said to be the figures': no day
    ("Experts met in Wuhan as of March 3 to discuss the response to the outbreak across the country.\nChina\n"
     "2,981 deaths (31 new)\n", None),
    ("As of March 3, 12 teams\nChina\n2,981 deaths (31 new)\n", None),
    ("Published on March 3\nChina\n2,981 deaths (31 new)\n", None),
]


@pytest.mark.parametrize("text, day", DAY_LINES, ids=[t[:40] for t, _ in DAY_LINES])
def test_a_statistics_block_takes_the_day_its_figures_are_said_to_be_of(facts_of, text, day):
    facts = [f for f in facts_of(text, published="2020-03-20", kind="case_count")
             if f["rule"] == "case_count:statistics_line"]
    assert len(facts) == 2
    assert {f["date"] for f in facts} == {day}
