"""Whose count, when the clause says `it` (rules/place_focus.py): `it` stands for the subject of its own sentence
or of the sentences before, when that subject is a place (`Wuhan revised its toll. By April 26, it had recorded
50,333 cases.`), the place an authority named after it speaks for, or `the city` / `the province` that resolves;
never the place of a prepositional phrase of another subject, and nothing when the subject is something else
that reports (`The commission said ... It reported 14 deaths.`). Our own sentences; a row lists every case count
the text must give, as (value, region): a wrong region is worse than none."""
import pytest

H = "Epidemic update\n\n"   # a headline that names no place: nothing comes from the article's place


def counts(facts_of, text):
    return sorted(((f["value"], f["region"]) for f in facts_of(text, published="2020-04-27", kind="case_count")),
                  key=lambda pair: (pair[0], pair[1] or ""))


PRONOUNS = [
    # the subject of the sentence before, a place
    (H + "Wuhan revised its toll on Friday. By April 26, it had recorded 50,333 cases.", [(50333, "Wuhan")]),
    (H + "Hubei province held a press conference on Monday. It reported 14 new deaths.", [(14, "Hubei")]),
    (H + "Central China's Hubei province lifted its lockdown on Wednesday. It has so far recorded 67,803 cases.",
     [(67803, "Hubei")]),
    (H + "Wuhan, the capital of Hubei, is a city of eleven million people. On Sunday it reported 3 new cases.",
     [(3, "Wuhan")]),
    # across a paragraph, back over sentences whose subject `it` cannot be (a number, a plural)
    (H + "Wuhan revised its toll on Friday.\n\nBy mid-February, the number of patients peaked. Shops have "
         "reopened since then. By April 26, it had recorded 50,333 cases.", [(50333, "Wuhan")]),
    (H + "Wuhan is the capital of Hubei. The city was locked down on January 23.\n\nBy mid-February, the number "
         "of patients peaked. By April 26, it had recorded 50,333 cases.", [(50333, "Wuhan")]),
    (H + "Hospitals in Wuhan are quiet now. Sensing the danger early, the city closed its markets in January. By "
         "April 26, it had recorded 50,333 cases.", [(50333, "Wuhan")]),
    (H + "Hubei is in central China.\n\nThe province has been locked down since January. It reported 14 new deaths.",
     [(14, "Hubei")]),
    (H + "The city of Wuhan lifted its lockdown on Wednesday. It has so far recorded 50,333 cases.",
     [(50333, "Wuhan")]),
    # a chain of `it`
    (H + "Zhejiang lifted its travel curbs on Monday. It also reopened schools. It reported 2 new cases.",
     [(2, "Zhejiang")]),
    # an authority named after its place speaks for it
    (H + "The Hubei health commission held a press conference on Monday. It reported 14 new deaths.",
     [(14, "Hubei")]),
    (H + "Guangdong's health commission held a briefing on Monday. It confirmed 5 new cases.", [(5, "Guangdong")]),
    # the sentence's own subject
    (H + "Shanghai reopened its parks on Monday. The city said it had confirmed 3 new cases.",
     [(3, "Shanghai")]),
    # false readings: the subject before is no place
    (H + "The commission said the outbreak was easing. It reported 14 new deaths.", [(14, None)]),
    (H + "Hubei reported 300 new cases on Monday. The commission said the outbreak was easing. It reported 14 new "
         "deaths.", [(300, "Hubei"), (14, None)]),
    (H + "Hubei reported 300 new cases on Monday. The team said it had treated 40 patients.", [(300, "Hubei"), (40, None)]),
    (H + "Hubei reported 300 new cases on Monday.\n\nThe World Health Organization warned of a pandemic. It "
         "reported 14 new deaths.", [(300, "Hubei"), (14, None)]),
    # false readings: the place sits in a prepositional phrase of another subject
    (H + "The commission in Hubei said the outbreak was easing. It reported 14 new deaths.", [(14, None)]),
    (H + "Doctors from Jiangsu arrived in Wuhan on Monday. It reported 14 new deaths.", [(14, None)]),
    (H + "Wuhan's mayor resigned on Monday. It reported 14 new deaths.", [(14, None)]),
    # false readings: a place named on the way is another place
    (H + "Wuhan revised its toll on Friday. Schools in Beijing stayed closed. It reported 3 new cases.",
     [(3, None)]),
    # false readings: the subject's sentence names another place too
    (H + "Guangdong sent 100 doctors to Hubei. It reported 14 new deaths.", [(14, None)]),
    (H + "Hubei held a briefing in Wuhan on Monday. It reported 14 new deaths.", [(14, "Hubei")]),
    # `it` that is no reporter of a count
    (H + "Wuhan reported 100 new cases. It is expected that 50 patients will be discharged.", [(100, "Wuhan")]),
]


@pytest.mark.parametrize("text, expected", PRONOUNS)
def test_it_stands_for_the_subject_place(facts_of, text, expected):
    assert counts(facts_of, text) == sorted(expected, key=lambda pair: (pair[0], pair[1] or ""))


ARRIVALS = [
    # a place reached (`arriving in`, `arrived at`) is a place of the story, which `the city` names after it
    (H + "Travellers keep arriving in Shanghai, with the city reporting 19 new cases on Tuesday.",
     [(19, "Shanghai")]),
    (H + "Travellers keep arriving in Shanghai. The city reported 19 new cases on Tuesday.", [(19, "Shanghai")]),
    (H + "Guangdong reported 10 new cases. The patients arrived at Guangzhou on Monday. The city reported 19 new "
         "cases on Tuesday.", [(10, "Guangdong"), (19, "Guangzhou")]),
    # false readings: a place travelled to or come from is not; a sentence naming both is unsure
    (H + "Guangdong reported 10 new cases. The patients arrived in Guangzhou from Wuhan. The city reported 19 new "
         "cases on Tuesday.", [(10, "Guangdong"), (19, None)]),
    (H + "Guangdong reported 10 new cases. Seven of the patients had travelled to Wuhan. The city reported 19 new "
         "cases on Tuesday.", [(10, "Guangdong"), (7, "Guangdong"), (19, None)]),
    (H + "Guangdong reported 10 new cases. Seven of the patients arrived from Wuhan. 20 patients were discharged.",
     [(10, "Guangdong"), (7, "Guangdong"), (20, "Guangdong")]),
]


@pytest.mark.parametrize("text, expected", ARRIVALS)
def test_a_place_reached_is_in_focus(facts_of, text, expected):
    assert counts(facts_of, text) == sorted(expected, key=lambda pair: (pair[0], pair[1] or ""))


def test_it_for_the_country_is_the_whole_country(facts_of):
    text = H + "China reported 2,000 new cases on Monday. It also reported 100 deaths."
    facts = facts_of(text, published="2020-02-12", kind="case_count")
    assert [(f["value"], f["region"], f["whole_country"]) for f in facts] == [(2000, None, True), (100, None, True)]
    text = H + "The commission said the outbreak was easing. It reported 14 new deaths."
    assert [f["whole_country"] for f in facts_of(text, published="2020-02-12", kind="case_count")] == [None]
