import pytest

# (sentence, publication date, expected ISO values of the date facts)
CASES = [
    ("The team flew out on Feb. 6, 2020.", "2020-02-12", ["2020-02-06"]),
    ("Doctors arrived on February 9 and left on 14 February.", "2020-02-20", ["2020-02-09", "2020-02-14"]),
    ("Figures dated 2020-02-10 were revised.", None, ["2020-02-10"]),
    # scraped text glues an ISO date to its neighbours: the tokenizer splits inside it
    ("Posted 2020-02-04,Xinhua reports.", None, ["2020-02-04"]),
    ("001.txt,2020-02-04,Xinhua", None, ["2020-02-04"]),
    ("Cases rose sharply in February 2020.", None, ["2020-02"]),
    ("The hospital was rebuilt in 2008.", None, ["2008"]),
    # a year in a disease's name is no calendar reference
    ("Cases of 2019-nCoV rose in 2020.", None, ["2020"]),
    ("The 2019 novel coronavirus spread in the 2019 flu season.", None, ["2019"]),
    ("A report on the 2019-nCoV outbreak was released.", None, []),
    ("The virus was first reported in late December 2019.", "2020-01-20", ["2019-12"]),
    ("The province recorded 87 cases on Sunday.", "2020-02-10", ["2020-02-09"]),
    ("The nurses will leave on Friday.", "2020-02-10", ["2020-02-14"]),
    ("Officials met on Tuesday afternoon.", "2020-02-12", ["2020-02-11"]),
    ("Numbers climbed by Monday midnight.", "2020-02-12", ["2020-02-10"]),
    ("A second team left yesterday.", "2020-02-12", ["2020-02-11"]),
    ("A letter of Dec. 30 was found.", "2020-01-03", ["2019-12-30"]),
    # a month named after a cue word is a month: in the publication year, the year before when it would be
    # far ahead, the latest before publication after `last`
    ("The outbreak began in December.", "2020-02-12", ["2019-12"]),
    ("Teams have gone since late January.", "2020-02-12", ["2020-01"]),
    ("Wuhan will reopen in early April.", "2020-03-24", ["2020-04"]),
    ("The virus emerged last December.", "2020-02-19", ["2019-12"]),
    ("Schools stay shut until mid-March.", "2020-02-19", ["2020-03"]),
    ("March and May are months; crowds march.", "2020-02-19", []),
    ("Wuhan will reopen in May.", "2020-02-19", ["2020-05"]),
    ("The first case was seen in May.", "2020-02-19", ["2019-05"]),
    ("Nothing happened in March 2150.", "2020-02-19", []),
    # future tense: the day itself when written on that weekday; a saying verb after `will` is past
    ("The port will be closed on Monday.", "2020-04-06", ["2020-04-06"]),
    ("Schools will remain closed, officials said Tuesday.", "2020-03-24", ["2020-03-24"]),
    ("Travel resumes starting from Wednesday.", "2020-03-24", ["2020-03-25"]),
    ("The hospital opens starting Monday.", "2020-02-02", ["2020-02-03"]),
    # without a publication date, a day without a year takes the year of the article's own dated days
    ("Teams left on Feb. 4, 2020. More left on Feb. 7 and on 20 December.", None,
     ["2020-02-04", "2020-02-07", "2019-12-20"]),
    ("Teams left on Feb. 7 and on 20 December.", None, []),
    # durations and vague references are not dates
    ("Partners have worked together for four decades.", "2020-02-12", []),
    ("They will be quarantined for 14 days this week.", "2020-02-12", []),
    ("Over the past weeks the city improved.", "2020-02-12", []),
    # without a publication date a weekday cannot be resolved
    ("The province recorded 87 cases on Sunday.", None, []),
]


@pytest.mark.parametrize("text, published, expected", CASES, ids=[c[0][:40] for c in CASES])
def test_dates(facts_of, text, published, expected):
    facts = facts_of(text, published, kind="date")
    assert [f["value"] for f in facts] == expected
    for fact in facts:
        assert text[fact["start"]:fact["end"]] == fact["text"]
        assert fact["rule"].startswith("date_")


def test_dateline_date_is_a_date_but_does_not_date_facts(facts_of):
    text = "WUHAN, Feb. 12 (Xinhua) -- Xiaogan has reported 2,500 confirmed cases."
    facts = facts_of(text, "2020-02-12")
    assert [f["value"] for f in facts if f["kind"] == "date"] == ["2020-02-12"]
    case = next(f for f in facts if f["kind"] == "case_count")
    assert case["date"] is None


def test_header_sets_publication_date(facts_of):
    facts = facts_of("2020-02-12 09:02\nHenan recorded 50 cases on Monday.", None)
    assert [f["value"] for f in facts if f["kind"] == "date"] == ["2020-02-12", "2020-02-10"]


def test_byline_month_is_publication_date(nlp):
    from extract.nlp.pipeline import extract_doc
    doc = extract_doc("A Working Paper\n\nMarch 2020\n\nText follows.", "t", None, nlp)
    assert doc._.published == "2020-03"


def test_ordinal_day(facts_of):
    facts = facts_of("The team left on January 23rd and came back on Feb. 2nd, 2020.", "2020-02-12", kind="date")
    assert [f["value"] for f in facts] == ["2020-01-23", "2020-02-02"]


def test_byline_stamp_is_the_publication_date(nlp):
    from extract.nlp.pipeline import extract_doc
    text = "Hubei gets help\nBy Wang Lin | chinadaily.com.cn | Updated: 2020-02-12 09:02\n\nXiaogan had 900 cases on Monday."
    doc = extract_doc(text, "t", None, nlp)
    assert doc._.published == "2020-02-12"
    assert [(s._.value, s._.dateline) for s in doc.spans["date"]] == [("2020-02-12", True), ("2020-02-10", False)]


def test_last_weekday_on_that_weekday_is_a_week_before(facts_of):
    facts = facts_of("The team left last Monday and reported on Monday.", "2020-02-10", kind="date")
    assert [f["value"] for f in facts] == ["2020-02-03", "2020-02-10"]


def test_iso_date_and_year_patterns_respect_their_left_edge():
    from extract.nlp.components.dates import ISO_DATE, YEAR

    assert [m.group() for m in ISO_DATE.finditer("2020-02-03 and 12020-02-04, -2020-02-05 (2020-02-06)")] == \
        ["2020-02-03", "2020-02-06"]
    assert [m.group() for m in YEAR.finditer("2019 was, 12019 not, 1,2020 not, .2020 not, in 2020.")] == \
        ["2019", "2020"]
