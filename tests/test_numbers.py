"""Numbers are never wrong: each expression gives exactly the values listed (with their qualifiers) or none.

A table of our own sentences, at least five shapes per phenomenon, false positives included. Each row lists
every number the sentence must give; any other value, or a listed value with another qualifier, fails."""
import pytest

from extract.nlp.pipeline import extract_doc

O, U, A, E = "over", "under", "about", "exact"

NUMBERS = [
    # thousands grouped by spaces
    ("Wuhan reported 48 500 cases.", [(48500, E)]),
    ("A total of 1 204 377 people were screened.", [(1204377, E)]),
    ("The city tested 48\u00a0500 residents.", [(48500, E)]),
    ("Some 2\u202f300 nurses arrived.", [(2300, A)]),
    ("It has 12 300 5 beds.", []),                          # which digits belong together is unsure
    ("Call 138 1234 5678 for help.", []),
    ("Anhui sent 2 100-member teams.", []),                  # two teams of a hundred, or 2,100?
    ("On March 1 500 people were discharged.", [(500, E)]),  # the 1 is the date's
    # `up to` after a movement is the level reached, elsewhere `at most`
    ("Deaths rose by 108, bringing the number up to 2,029.", [(108, E), (2029, E)]),
    ("Each team has up to 30 doctors.", [(30, U)]),
    # a weekday is no end of a range of days
    ("Teams went on Wednesday to 16 cities.", [(16, E)]),
    # words, scales and fractions
    ("Nearly one and a half million people live there.", [(1500000, U)]),
    ("Half a million masks were shipped.", [(500000, E)]),
    ("Half a dozen experts came.", [(6, E)]),
    ("About two and a half thousand volunteers joined.", [(2500, A)]),
    ("The fund holds 2,345.5 million yuan.", [(2345500000, E)]),
    ("Some 1.2 million residents stayed home.", [(1200000, A)]),
    ("A team of 4 hundred and 12 doctors left.", [(412, E)]),
    ("Two  hundred nurses left.", [(200, E)]),                # repeated spaces between number words
    ("Three hundred and twelve patients recovered.", [(312, E)]),
    ("Twenty-five hundred beds were added.", [(2500, E)]),
    ("A dozen provinces sent aid.", [(12, E)]),
    ("Three dozen medics arrived.", [(36, E)]),
    ("Two million three hundred thousand tests were run.", [(2300000, E)]),
    ("One thousand and two hundred people were treated.", [(1200, E)]),
    ("Thirty - two patients left.", [(32, E)]),
    ("Hubei had 11,000 cases.", [(11000, E)]),
    ("There were 0 new cases.", [(0, E)]),
    # words that are no well-formed number, or no certain one
    ("Three two cases were found.", []),
    ("Twenty thirty volunteers came.", []),
    ("A few hundred people gathered.", []),
    ("Several thousand workers helped.", []),
    ("Hundreds of doctors and thousands of nurses came.", []),
    ("Two point five million people were tested.", []),
    ("The trip took two and a half days.", []),
    ("They worked there one and half months.", []),
    ("A quarter of a million masks arrived.", []),
    ("A million and a half people left.", []),
    ("Tens of thousands of volunteers helped.", []),
    ("It counted " + "two hundred and " * 30 + "cases.", []),   # no cardinal is that long
    # ranges: never one exact end
    ("Between 40 and 50 cases were reported.", [(40, O), (50, U)]),
    ("Each team has 8 to 11 members.", [(8, O), (11, U)]),
    ("It treated 40-50 patients a day.", [(40, O), (50, U)]),
    ("It treated 40\u201350 patients a day.", [(40, O), (50, U)]),
    ("Two or three teams will go.", [(2, O), (3, U)]),
    ("Between forty and fifty doctors went.", [(40, O), (50, U)]),
    ("Teams ranging from 20 to 30 people left.", [(20, O), (30, U)]),
    ("Between a thousand and two thousand people were tested.", [(1000, O), (2000, U)]),
    ("Between 3 and 4 million people were tested.", [(4000000, U)]),   # 3 what? no value
    ("The score was 3-2.", []),
    ("Between 10 and 20 percent of 300 patients were tested.", [(300, E)]),   # one end no count: neither
    ("Volunteers aged between 20 and 60 joined.", []),
    ("Some 5-10% of them were severe.", []),
    ("Cases rose from 8 to 11.", [(8, E), (11, E)]),                     # a change, not a range
    ("Cases rose by 12 to 345.", [(12, E), (345, E)]),
    # qualifiers
    ("Greater than 30 cases were found.", [(30, O)]),
    ("A toll exceeding 20 deaths was feared.", [(20, O)]),
    ("At most 12 nurses can go.", [(12, U)]),
    ("The team has 300 or more doctors.", [(300, O)]),
    ("No fewer than 5 teams went.", [(5, O)]),
    ("More than 2,000 people were infected.", [(2000, O)]),
    ("Nearly 300 patients were critical.", [(300, U)]),
    ("About 40 experts came.", [(40, A)]),
    ("Up to 60 beds were ready.", [(60, U)]),
    ("At least 7 cities were hit.", [(7, O)]),
    ("Some 50 or so volunteers helped.", [(50, A)]),
    ("The team of 30-plus doctors left.", [(30, O)]),
    ("A 40-odd strong team left.", [(40, O)]),
    ("The death toll exceeded 1,000.", [(1000, O)]),
    ("It sent no more than 20 nurses.", [(20, U)]),
    # not counts: decimals, percentages, ids, phones, times, ratios, years
    ("The rate rose 3.5 percent.", []),
    ("Only 35 percent recovered.", []),
    ("About 35% were tested.", []),
    ("Exactly 2,345.6 cases were logged.", []),
    ("Call 0551-62998888 for details.", []),
    ("The hotline 12320 is open.", []),
    ("Dial +86 for China.", []),
    ("He lay in bed No. 3 of ward 5.", []),
    ("The patient in bed 12 left.", []),
    ("The count closes at 24:00 daily.", []),
    ("The team left at 10 a.m. sharp.", []),
    ("Three quarters, or 3/4, recovered.", []),
    ("One in five patients was severe.", []),
    ("Only 3 out of 10 patients coughed.", []),
    ("The virus spread in 2020 across Hubei.", []),
    ("COVID-19 patients were moved.", []),
    ("Hubei reported \uff11\uff12 new cases.", [(12, E)]),   # full-width digits: read as the ASCII ones
    ("The 1st team and the 2nd team left.", []),
    ("A doctor aged 65 volunteered.", []),
    ("One of the cities built a hospital.", []),
    # dates are not counts
    ("It was announced on Feb. 7, 16 provinces joined.", [(16, E)]),
    ("On 7 February, 12 cases were added.", [(12, E)]),
    ("From 8 to 11 March, 30 nurses worked.", [(30, E)]),
    # bounds: exact ints below 10**10, never rounded, never inf
    ("Nine billion tests were run.", [(9000000000, E)]),
    ("It had 9,999,999,999 entries.", [(9999999999, E)]),
    ("It had 10,000,000,000 entries.", []),
    ("Ten billion cases is absurd.", []),
    ("It logged 12345678901234567890 cases.", []),
    ("It logged 123456789012345678901 cases.", []),
    ("It logged " + "9" * 400 + " cases.", []),
    ("It logged " + "9" * 5000 + " cases.", []),
]


def numbers_of(nlp, text: str, published: str | None = "2020-02-12") -> list[tuple[int, str]]:
    doc = extract_doc(text, "t", published, nlp)
    spans = list(doc.spans["number"])
    for span in spans:
        assert type(span._.value) is int and span.text == text[span.start_char:span.end_char]
    return [(span._.value, span._.qualifier) for span in spans]


@pytest.mark.parametrize("text, expected", NUMBERS, ids=[t[:50] for t, _ in NUMBERS])
def test_number_expressions(nlp, text, expected):
    assert numbers_of(nlp, text) == expected


def test_table_is_large_and_has_false_positives():
    assert len(NUMBERS) >= 60
    assert sum(1 for _, expected in NUMBERS if not expected) >= 25


RANGES = ["Between 40 and 50 cases were reported in Wuhan.", "Wuhan reported 8 to 11 new confirmed cases.",
          "Wuhan reported 40-50 new confirmed cases.", "Wuhan reported two or three new deaths.",
          "Between 3 and 4 thousand cases were reported in Wuhan."]


@pytest.mark.parametrize("text", RANGES)
def test_a_range_never_gives_an_exact_count(facts_of, text):
    counts = facts_of(text, kind="case_count")
    assert all(f["qualifier"] != "exact" for f in counts), counts


def test_month_day_without_publication_date_is_no_count(facts_of):
    text = "The commission announced on Feb. 7, 16 provinces would help Hubei."
    facts = facts_of(text, published=None)
    assert [f["value"] for f in facts if f["kind"] == "region_count"] == [16]
    assert not [f for f in facts if f["kind"] == "case_count"]
