"""A page header's date glued to its label behind a source label (blind set 8), invented headers: the ISO date
after `Published:` is read; a colon glued to other digits stays as it was."""
import pytest

HEADERS = [
    ("|ChinaNews|Published:2020-02-03 18:25:24\n\nJilin sent 118 medics to Hubei.", ["2020-02-03"]),
    ("Source: Xinhua | Updated:2020-03-19 15:13\n\nThe team left.", ["2020-03-19"]),
    ("Published: 2020-02-03\n\nThe team left.", ["2020-02-03"]),
    # not an ISO date after the colon: nothing
    ("Ratio:2020 beds were ready.", []),
    ("The meeting began at 18:25 on the day.", []),
]


@pytest.mark.parametrize("text, expected", HEADERS, ids=[t[:40] for t, _ in HEADERS])
def test_header_dates(facts_of, text, expected):
    assert [f["value"] for f in facts_of(text, published=None, kind="date")] == expected
