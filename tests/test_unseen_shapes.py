"""Case-count shapes met on unseen provincial bulletins, one table per phenomenon, of our own sentences (false
positives included: a wrong value is worse than none). A case-count row lists every case count the text must give
as (value, status, period, region); any other count or attribute fails."""
import pytest

ALIASES = [
    # a region's other names (data/regions.csv), acronyms only in capitals
    ("The TAR reported its first case.", ["Tibet"]),
    ("Officials of the Tibet Autonomous Region said on Monday.", ["Tibet"]),
    ("The Tibetan Autonomous Region said on Monday.", ["Tibet"]),
    ("Xizang reported its first case.", ["Tibet"]),
    ("The XUAR said on Monday.", ["Xinjiang"]),
    ("IMAR said on Monday.", ["Inner Mongolia"]),
    ("The Guangxi Zhuang Autonomous Region said on Monday.", ["Guangxi"]),
    ("Tar roads were cleaned in Lhasa.", ["Lhasa"]),
    ("Workers spread tar on the roads.", []),
    ("The imar and xuar of the text.", []),
]


@pytest.mark.parametrize("text, expected", ALIASES, ids=[t[:50] for t, _ in ALIASES])
def test_region_aliases(facts_of, text, expected):
    assert [f["value"] for f in facts_of(text, kind="region")] == expected


def case_rows(facts_of, text):
    return [(f["value"], f["status"], f["period"], f["region"])
            for f in facts_of(text, published="2020-03-20", kind="case_count")]
