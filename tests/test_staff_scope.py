"""What a staff count is (scope: one group, a running total, a part of a team), whether the staff went out or
came home (event), and how many teams it is stated with (teams). Invented sentences in several shapes each,
with the readings that must not be taken (a count that says nothing stays a batch, and no event)."""
import json

import pytest

from extract.nlp.records import FIELDS
from extract.nlp.rules import staff_roles


def described(facts_of, text, published="2020-02-12"):
    """{value: (event, scope, teams)} of the text's staff counts (each value once in these sentences)."""
    facts = facts_of(text, published, kind="personnel_count")
    return {f["value"]: (f["event"], f["scope"], f["teams"]) for f in facts}


def check(facts_of, text, expected):
    found = described(facts_of, text)
    for value, want in expected.items():
        assert value in found, (value, found)
        assert found[value] == want, (value, found[value], want)


SENT, RETURNED = "sent", "returned"
BATCH, TOTAL, PART = "batch", "total", "part"

EVENTS = [
    # going out: verbs of sending and going, a flight carrying them, at work where they were sent
    ("Hunan dispatched 120 nurses to Xiaogan on Friday.", {120: (SENT, BATCH, None)}),
    ("A team of 86 doctors from Fujian landed in Wuhan on Thursday night.", {86: (SENT, BATCH, None)}),
    ("The 64 medics from Tianjin set out for Enshi this morning.", {64: (SENT, BATCH, None)}),
    ("About 95 nurses from Jilin are now working in Huangshi.", {95: (SENT, BATCH, None)}),
    ("Another 70 medical workers from Guizhou joined the team in Ezhou.", {70: (SENT, BATCH, None)}),
    ("Zhejiang formed a team of 55 nurses to aid Jingmen.", {55: (SENT, BATCH, None)}),
    # coming home: a verb of return, back/home after a move, leaving Hubei, landing in their own province
    ("The 90 nurses from Zhejiang came back to Hangzhou on Sunday.", {90: (RETURNED, BATCH, None)}),
    ("Some 150 medics from Hebei left Shennongjia on Tuesday after their mission.", {150: (RETURNED, BATCH, None)}),
    ("A plane carrying 121 Liaoning medical workers landed in Shenyang on Wednesday.",
     {121: (RETURNED, BATCH, None)}),
    ("The 75 medical workers were welcomed home by crowds in Nanning.", {75: (RETURNED, BATCH, None)}),
    ("Shaanxi's 200 medics will return to Xi'an next week.", {200: (RETURNED, BATCH, None)}),
    ("The 48 nurses from Gansu, who flew back to Lanzhou on March 20, ended their quarantine on Friday.",
     {48: (RETURNED, BATCH, None)}),
    # neither: staff at home, staff who only signed up, where a team comes from, help that is no journey
    ("Over 900 nurses in Shenzhen signed up to go to Wuhan.", {900: (None, BATCH, None)}),
    ("The team's 45 members come from 11 hospitals.", {45: (None, BATCH, None)}),
    ("Villagers thanked the 40 doctors for risking their lives to help others.", {40: (None, BATCH, None)}),
    ("Buses left Guangdong for Hubei while 130 medical workers set up a ward.", {130: (SENT, BATCH, None)}),
    # staff per day are a rate, officials no medical team; a stay, a batch and `supporting` a place are journeys
    ("About 400 nurses from Hebei have arrived in Wuhan every day this week.", {400: (None, BATCH, None)}),
    ("Over 3,000 government officials were assigned to villages in Xiaogan.", {3000: (None, BATCH, None)}),
    ("During their stay in Jingzhou, the 25 nurses from Hainan treated 40 patients.", {25: (SENT, BATCH, None)}),
    ("The 12-member team is the third batch of medics from the city.", {12: (SENT, BATCH, None)}),
    ("The city sent buses to Guilin to pick up the 21 medics on Monday.", {21: (None, BATCH, None)}),
    ("The 2,000 medical workers from other provinces supporting Xiaogan were thanked.",
     {2000: (SENT, TOTAL, None)}),
    ("The 66 medics left for Wuhan on Monday.", {66: (SENT, BATCH, None)}),
    ("A team of 150 nurses left Guangzhou for Xiaogan on Friday.", {150: (SENT, BATCH, None)}),
]


@pytest.mark.parametrize("text, expected", EVENTS, ids=[t[:40] for t, _ in EVENTS])
def test_event(facts_of, text, expected):
    check(facts_of, text, expected)


TOTALS = [
    # a running total in so many words
    ("Jiangsu has sent 2,800 medical workers to Hubei in twelve batches.", {2800: (SENT, TOTAL, 12)}),
    ("So far, Henan has dispatched 1,200 nurses to Hubei.", {1200: (SENT, TOTAL, None)}),
    ("Shanxi has sent 1,500 medics to Hubei altogether.", {1500: (SENT, TOTAL, None)}),
    ("A total of 960 medical staff have gone to Xiaogan as of Thursday.", {960: (SENT, TOTAL, None)}),
    ("To date, the city has dispatched four teams totaling 31 doctors to Hubei.", {31: (SENT, TOTAL, 4)}),
    # the whole country's staff
    ("More than 30,000 medical workers from across the nation have arrived in Wuhan.", {30000: (SENT, TOTAL, None)}),
    ("China has sent 3,500 nurses to Hubei.", {3500: (SENT, TOTAL, None)}),
    ("Some 2,000 doctors from other provinces are working in Wuhan.", {2000: (SENT, TOTAL, None)}),
    # several teams not marked as one group
    ("Hebei has sent eight medical teams with 960 members to Hubei.", {960: (SENT, TOTAL, 8)}),
    ("Guangxi has sent 11 teams, including 1,400 medical workers, to Hubei.", {1400: (SENT, TOTAL, 11)}),
    # `a total of` alone: a total, unless the clause dates the group to one day
    ("Sichuan sent a total of 1,300 medical workers to Hubei.", {1300: (SENT, TOTAL, None)}),
    ("A total of 150 nurses left Chengdu for Xiaogan on Friday.", {150: (SENT, BATCH, None)}),
    ("Hunan had sent a total of 1,300 medical workers to Hubei by Feb 10.", {1300: (SENT, TOTAL, None)}),
    ("The 80 doctors had treated a total of 300 patients.", {80: (None, BATCH, None)}),
    # one group: a single team, a group of teams leaving together, one team's size
    ("The latest three teams of 450 doctors will leave for Wuhan on Monday.", {450: (SENT, BATCH, 3)}),
    ("Five teams, each with 100 nurses, are on standby.", {100: (None, BATCH, None)}),
    ("East China's Anhui Province has sent 180 doctors to Hubei.", {180: (SENT, BATCH, None)}),
    ("Teams drawing 70 nurses from nearby cities arrived in Suizhou.", {70: (SENT, BATCH, None)}),
    ("A team of 100 medics from cities across Jiangsu left for Huangshi on Monday.", {100: (SENT, BATCH, None)}),
    # several hundred a sender has sent up to now, no day named: a running total; a team or a day keeps a group
    ("Hebei has sent 1,100 medical workers to Hubei.", {1100: (SENT, TOTAL, None)}),
    ("Gansu had already dispatched 520 medics to Hubei.", {520: (SENT, TOTAL, None)}),
    ("Health officials said over 9,000 medical workers have been sent to Wuhan.", {9000: (SENT, TOTAL, None)}),
    ("Hebei has sent 1,100 medical workers to Hubei on Monday.", {1100: (SENT, BATCH, None)}),
    ("Hebei has sent a team of 600 medical workers to Hubei.", {600: (SENT, BATCH, None)}),
    ("Hebei has sent another 500 medical workers to Hubei.", {500: (SENT, BATCH, None)}),
    ("The 600 medics have been sent to Wuhan.", {600: (SENT, BATCH, None)}),
]


@pytest.mark.parametrize("text, expected", TOTALS, ids=[t[:40] for t, _ in TOTALS])
def test_total(facts_of, text, expected):
    check(facts_of, text, expected)


PARTS = [
    # a whole and its parts
    ("The team of 150 medics includes 60 doctors and 90 nurses.", {150: (None, BATCH, None), 60: (None, PART, None),
                                                            90: (None, PART, None)}),
    ("Heilongjiang sent 120 medics to Wuhan, including 35 nurses.", {120: (SENT, BATCH, None),
                                                                     35: (SENT, PART, None)}),
    ("Guangxi sent 130 medics to Hubei on Tuesday. Among them, 28 are intensive care specialists.",
     {130: (SENT, BATCH, None), 28: (None, PART, None)}),
    ("Of the 400 nurses, 120 went to Xianning.", {400: (None, BATCH, None), 120: (SENT, PART, None)}),
    ("The team is made up of 125 people, with 110 medical workers and 15 officials.",
     {125: (None, BATCH, None), 110: (None, PART, None), 15: (None, PART, None)}),
    ("Qinghai sent 90 medics to Hubei, among them 12 doctors.", {90: (SENT, BATCH, None), 12: (SENT, PART, None)}),
    ("Of the 300 medical workers sent by Hunan, 77 of them went to Jingzhou.", {77: (SENT, PART, None)}),
    # roles listed side by side are parts, stated whole or not
    ("Yunnan sent 80 doctors and 40 nurses to Xianning.", {80: (SENT, PART, None), 40: (SENT, PART, None)}),
    ("The team has 20 doctors, 60 nurses and two leaders.", {20: (None, PART, None), 60: (None, PART, None),
                                                            2: (None, PART, None)}),
    ("The national team consists of 30 persons from Tianjin, 25 from Jiangsu and 15 from Henan.",
     {30: (None, PART, None), 25: (None, PART, None), 15: (None, PART, None)}),
    # not parts: one noun shared by a range (a rate per day: no group's journey), staff after beds, two groups
    # each with its verb
    ("Between 200 and 300 medical workers have returned home every day.", {200: (None, BATCH, None),
                                                                            300: (None, BATCH, None)}),
    ("The ward had 500 beds with 200 medical staff.", {200: (None, BATCH, None)}),
    ("Jilin sent 32 nurses to Wuhan and Hunan sent 50 doctors to Xiaogan.", {32: (SENT, BATCH, None),
                                                                            50: (SENT, BATCH, None)}),
    ("Of course, 140 medics from Anhui arrived in Wuhan.", {140: (SENT, BATCH, None)}),
    # staff joining a team sized by its members are a part of it; joining a group adds to it
    ("Ten nurses from Zhuhai joined Guangdong's 120-member team to aid Jingzhou.", {10: (SENT, PART, None),
                                                                                  120: (SENT, BATCH, None)}),
    ("Eight nurses from Zhuhai joined a team of 120 medics in Jingzhou.", {8: (SENT, PART, None)}),
    ("Seven more medics set off for Wuhan on Tuesday, joining the 57 who left on Sunday.",
     {7: (SENT, BATCH, None)}),
]


@pytest.mark.parametrize("text, expected", PARTS, ids=[t[:40] for t, _ in PARTS])
def test_part(facts_of, text, expected):
    check(facts_of, text, expected)


def test_a_figure_has_one_scope_in_its_document(facts_of):
    """A headline and a later `the 1,800 medics` take the scope the body states for the same figure."""
    text = ("Zhejiang sends 1,800 medics to Hubei\n\nAs of Monday, Zhejiang has sent 1,800 medical workers to Hubei. "
            "The 1,800 medics work in Wuhan.")
    scopes = [f["scope"] for f in facts_of(text, kind="personnel_count")]
    assert scopes == [TOTAL, TOTAL, TOTAL]


def test_a_total_of_yields_to_the_dated_group_it_tells(facts_of):
    """A headline's `a total of 669` is the group the body dates to a day, not a running total beside it."""
    text = ("A total of 669 Hebei medics return home\n\nA total of 669 members of a medical team from Hebei left "
            "Xiaogan on Monday.")
    assert [f["scope"] for f in facts_of(text, kind="personnel_count")] == [BATCH, BATCH]
    alone = "A total of 669 Hebei medics return home\n\nThe medics worked in Xiaogan for five weeks."
    assert [f["scope"] for f in facts_of(alone, kind="personnel_count")] == [TOTAL]


def test_teams_belong_to_the_count_beside_them(facts_of):
    text = ("A total of 4,130 medical workers, in 30 teams, have arrived in Hubei, an official said, adding that an "
            "additional 1,800 medical staff will arrive by Tuesday.")
    assert {f["value"]: f["teams"] for f in facts_of(text, kind="personnel_count")} == {4130: 30, 1800: None}


def test_small_equal_counts_are_not_one_figure(facts_of):
    text = "Among them, 5 went to Wuhan. Hunan sent 5 nurses to Xiaogan on Friday."
    assert [f["scope"] for f in facts_of(text, kind="personnel_count") if f["value"] == 5][-1] == BATCH


def test_other_kinds_carry_none(facts_of):
    facts = facts_of("Hubei reported 300 new confirmed cases. Jiangsu sent five teams to Huangshi.")
    assert facts and all((f["event"], f["scope"], f["teams"]) == (None, None, None)
                         for f in facts if f["kind"] != "personnel_count")


def test_fields_come_last():
    # after the contract's fields and aidfacts' earlier ones, so that every existing column keeps its place
    assert FIELDS[FIELDS.index("suggestion_end") + 1:][:3] == ("event", "scope", "teams")


def test_phrase_lists_are_checked(tmp_path, monkeypatch):
    bad = json.loads((staff_roles.data_path("staff.json")).read_text(encoding="utf-8"))
    bad["phrases"]["total_phrases"].append("So  Far")
    path = tmp_path / "staff.json"
    path.write_text(json.dumps(bad), encoding="utf-8")
    monkeypatch.setattr(staff_roles, "data_path", lambda name: path)
    staff_roles.staff_phrases.cache_clear()
    try:
        with pytest.raises(ValueError, match="phrases.total_phrases"):
            staff_roles.staff_phrases()
    finally:
        monkeypatch.undo()
        staff_roles.staff_phrases.cache_clear()


def test_new_word_lists_are_required(tmp_path, monkeypatch):
    data = json.loads((staff_roles.data_path("staff.json")).read_text(encoding="utf-8"))
    del data["send_cues"]
    path = tmp_path / "staff.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    monkeypatch.setattr(staff_roles, "data_path", lambda name: path)
    staff_roles.staff_words.cache_clear()
    try:
        with pytest.raises(ValueError, match="send_cues"):
            staff_roles.staff_words()
    finally:
        monkeypatch.undo()
        staff_roles.staff_words.cache_clear()
