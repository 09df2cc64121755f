"""Hard-wrapped text (a report reposted with lines broken at about 70 characters) reads like the same text unwrapped;
real short lines (headings, list items, table rows, statistics lines) stay lines. Our own texts."""
import textwrap

import pytest

from extract.nlp.wrapping import unwrapped

PROSE = """Hubei reports new cases

The provincial health commission said 45 new confirmed cases were reported in the city of Wuhan on Monday, \
bringing the total number of confirmed cases in the province to 67,000. A further 30 patients died in Xiaogan on \
the same day, while 1,200 patients were discharged from hospitals across the province after recovery.

Meanwhile, Guangdong province reported 3 new imported cases, bringing its total to 1,400. The province has sent \
2,000 medical workers to Hubei since January.
"""


def wrap(text: str, width: int) -> str:
    """The text with each paragraph broken into lines of at most `width` characters."""
    return "\n\n".join(textwrap.fill(p, width) for p in text.rstrip("\n").split("\n\n")) + "\n"


WRAPPED = wrap(PROSE, 70)


def summary(facts):
    return sorted((f["kind"], f["value"], f.get("status"), f.get("period"), f.get("region"), f.get("date"))
                  for f in facts if f["kind"] in ("case_count", "personnel_count"))


@pytest.mark.parametrize("width", [50, 62, 70, 80])
def test_wrapped_report_reads_like_the_unwrapped_one(facts_of, width):
    wrapped = facts_of(wrap(PROSE, width), published="2020-03-10")
    assert summary(wrapped) == summary(facts_of(PROSE, published="2020-03-10"))
    by_value = {f["value"]: f for f in wrapped if f["kind"] == "case_count"}
    assert by_value[67000]["region"] == "Hubei" and by_value[67000]["period"] == "total"
    assert by_value[30]["region"] == "Xiaogan" and by_value[30]["status"] == "death"
    assert by_value[1400]["region"] == "Guangdong"


def test_wrapped_facts_quote_the_text_as_given(facts_of):
    broken = []
    for width in (50, 62, 70, 80):
        text = wrap(PROSE, width)
        for fact in facts_of(text, published="2020-03-10"):
            assert text[fact["start"]:fact["end"]] == fact["text"]
            broken += [fact["text"]] if "\n" in fact["text"] else []
    assert broken   # a fact whose words stand on two lines quotes the line break


KEPT = [
    # headings, list items and statistics lines under wrapped prose stay lines of their own
    WRAPPED + "\nCases by city\n- Wuhan: 12\n- Xiaogan: 3\n",
    WRAPPED + "\n1. Wuhan reported 12 new cases on Monday\n2. Xiaogan reported 3\n",
    WRAPPED + "\nWuhan        12      3\nXiaogan      5       0\n",
    # short lines: nothing is wrapped
    "Henan\nNew confirmed cases: 20\nDeaths: 1\nDischarged: 30\n",
    # long paragraphs, one per line: nothing is wrapped
    "Hubei reported 2,345 new confirmed cases of novel coronavirus infection and 64 new deaths on Monday, "
    "local health authorities said.\nThe provincial capital Wuhan reported 1,242 new confirmed cases and 48 "
    "new deaths, according to the Hubei Provincial Health Commission\nAuthorities discharged 101 patients.\n",
    # lines of one width that each end a sentence: a line per sentence, not wrapped prose
    "Guangdong sent 442 medical workers to Hubei on Sunday, officials said.\n"
    "Guangdong has so far sent 1,180 medical workers to the province.\n"
    "Members of the latest team come from all 21 cities in Guangdong.\n"
    "Their hospitals received the call for more staff on Saturday night.\n",
    # Windows line ends are left alone
    WRAPPED.replace("\n", "\r\n"),
]


@pytest.mark.parametrize("text", KEPT, ids=range(len(KEPT)))
def test_real_lines_are_kept(text):
    result = unwrapped(text)
    assert len(result) == len(text)
    tail = text[len(WRAPPED):] if text.startswith(WRAPPED) else text
    assert result.endswith(tail)


def test_wrapped_paragraph_breaks_only_in_mid_sentence():
    result = unwrapped(WRAPPED)
    assert "in the city of Wuhan" in result and "number of confirmed cases" in result
    assert result.startswith("Hubei reports new cases\n\n")   # the title and the blank line stay
    assert "after recovery.\n\nMeanwhile" in result
    assert "sent 2,000 medical workers to Hubei since January.\n" in result
    assert unwrapped(result) == result


def test_list_under_wrapped_prose_gives_each_item(facts_of):
    text = WRAPPED + "\nNew cases by city on Monday:\n- 12 new cases in Wuhan\n- 5 new cases in Xiaogan\n"
    counts = [f for f in facts_of(text, published="2020-03-10", kind="case_count") if f["value"] in (12, 5)]
    assert [(f["value"], f["region"]) for f in counts] == [(12, "Wuhan"), (5, "Xiaogan")]


def test_cells_of_a_flattened_table_are_no_wrapped_prose():
    # a 40-character caption over cell lines of 20 to 40 characters looks like text wrapped at 40; a line holding
    # a cell mark is a table's, and stays a line
    table = ("Table 1. Cases by province, 9 March 2020\nProvince/ Region/ City |\nDaily Confirmed Cases |\n"
             "Cumulative Confirmed Cases |\nCumulative Deaths |\nHubei |\n36 |\n67,743 |\n3,024 |\n")
    assert unwrapped(table) == table
