"""Number expressions, each read in one frame (`There were X cases.`): the value given is right or there is none.

Our own table of the shapes number-reading libraries test (digits, words, scales, abbreviations, fractions,
ranges, qualifiers, separators, non-ASCII digits, numbers past the largest count). A row lists every number
the sentence must give, with its qualifier; `[]` means no number at all: where the value is not certain (`10m`
may be metres, `3 dozens` is loose, a scale the reader does not know) the pipeline gives none, because a wrong
value is worse than none. Most important: a number that cannot be read whole never gives its tail or its head
(`twenty-one trillion three hundred` is not 300, `million and one` is not 1)."""
import pytest

from extract.nlp.pipeline import extract_doc

O, U, A, E = "over", "under", "about", "exact"

EXPRESSIONS = [
    # digits
    ("7", [(7, E)]), ("12", [(12, E)]), ("999", [(999, E)]), ("1,033", [(1033, E)]), ("11,000", [(11000, E)]),
    ("1,204,377", [(1204377, E)]), ("0", [(0, E)]), ("2020", [(2020, E)]), ("1.0", [(1, E)]),
    ("100000", [(100000, E)]),
    # digits that are not whole counts, or not one number
    ("0.5", []), ("1.5", []), ("3.50", []), ("2,5", []), ("2.500", []), ("2.500.000", []), ("1,00,000", []),
    ("12,34", []), ("1,2345", []), ("007", []), ("1 2 3", []), ("100s of", []), ("1000s of", []),
    # digit groups split by a space
    ("1 000", [(1000, E)]), ("10 000", [(10000, E)]), ("100 000", [(100000, E)]),
    ("1 000 000", [(1000000, E)]), ("1\u00a0000", [(1000, E)]),
    # number words
    ("one", [(1, E)]), ("seven", [(7, E)]), ("twelve", [(12, E)]), ("nineteen", [(19, E)]),
    ("twenty", [(20, E)]), ("zero", [(0, E)]), ("twenty-one", [(21, E)]), ("twenty one", [(21, E)]),
    ("Twenty-One", [(21, E)]), ("TWENTY-ONE", [(21, E)]), ("ninety nine", [(99, E)]),
    ("a hundred", [(100, E)]), ("one hundred", [(100, E)]), ("one hundred and one", [(101, E)]),
    ("a hundred and fifty", [(150, E)]), ("one hundred twenty-three", [(123, E)]),
    ("one hundred and twenty-three", [(123, E)]), ("nine hundred ninety-nine", [(999, E)]),
    ("a thousand", [(1000, E)]), ("one thousand two hundred", [(1200, E)]),
    ("two thousand and twenty", [(2020, E)]), ("a thousand and one", [(1001, E)]),
    ("four thousand five hundred and sixty-seven", [(4567, E)]), ("ten thousand", [(10000, E)]),
    ("a hundred thousand", [(100000, E)]), ("one hundred thousand", [(100000, E)]),
    ("eleven hundred", [(1100, E)]), ("fifteen hundred", [(1500, E)]), ("twenty-five hundred", [(2500, E)]),
    ("seven million", [(7000000, E)]), ("seven million five hundred thousand", [(7500000, E)]),
    ("a million", [(1000000, E)]), ("one billion", [(1000000000, E)]),
    ("a million and one", [(1000001, E)]), ("one million and one", [(1000001, E)]),
    ("nine billion nine hundred ninety-nine million", [(9999000000, E)]),
    ("two hundred & forty", [(240, E)]), ("three million, two hundred & forty", [(3000240, E)]),
    ("three thousand, two hundred and five", [(3205, E)]),
    # word sequences that are no cardinal, or only the tail of one
    ("hundred and one", []), ("thousand", []), ("hundred thousand", []), ("million and one", []),
    ("twenty-one trillion three hundred", []), ("a trillion", []), ("two trillion", []),
    ("three trillion and five", []), ("one quadrillion", []), ("a zillion", []),
    ("nineteen eighty-four", []), ("twenty twenty", []), ("one two three", []), ("eleven billion", []),
    ("three two", []), ("thousand and one", []), ("a hundred a thousand", []),
    # dozens, scores, couples: loose or unknown
    ("a dozen", [(12, E)]), ("one dozen", [(12, E)]), ("two dozen", [(24, E)]), ("half a dozen", [(6, E)]),
    ("3 dozens", []), ("three dozens", []), ("dozens of", []), ("a dozen and a half", []),
    ("dozen", []), ("a score of", []), ("four score and seven", []), ("a couple of", []),
    ("a handful of", []), ("hundreds of", []), ("thousands of", []), ("tens of thousands of", []),
    ("several", []), ("a few", []), ("many", []), ("no", []), ("nil", []), ("a gross of", []),
    # digits with scale words
    ("5 hundred", [(500, E)]), ("12 hundred", [(1200, E)]), ("5 hundred thousand", [(500000, E)]),
    ("3 thousand", [(3000, E)]), ("1.2 thousand", [(1200, E)]), ("1.5 million", [(1500000, E)]),
    ("1.25 million", [(1250000, E)]), ("1.2345 million", [(1234500, E)]), ("0.5 million", [(500000, E)]),
    ("2.4 billion", [(2400000000, E)]), ("2 million 300 thousand", [(2300000, E)]),
    ("1,200 thousand", [(1200000, E)]), ("1.5 hundred", []), ("2 and a half thousand", [(2500, E)]),
    ("half a million", [(500000, E)]), ("one and a half million", [(1500000, E)]),
    # abbreviated or unknown scales: 10m may be ten metres or ten million
    ("10m", []), ("10 m", []), ("2.5m", []), ("10k", []), ("10K", []), ("10 k", []), ("3bn", []),
    ("3 bn", []), ("4mn", []), ("7 mln", []), ("7mln", []), ("1 lakh", []), ("2 crore", []),
    ("5 trillion", []), ("5 quadrillion", []), ("2 millions", []), ("3 thousands", []), ("4 hundreds", []),
    ("5km", []), ("3x", []), ("12mg", []), ("5 mil", []),
    # fractions and multiples
    ("one third", []), ("two-thirds", []), ("a half", []), ("half", []), ("three quarters", []),
    ("1/2", []), ("3/4 million", []), ("a quarter million", []), ("3 and a half", []), ("2 1/2", []),
    ("twofold", []), ("ten-fold", []), ("two point five", []), ("1.5 hundred thousand", []),
    # ordinals, ids, codes, times
    ("first", []), ("3rd", []), ("the 2nd", []), ("twice", []), ("No. 5", []), ("#5", []),
    ("COVID-19", []), ("H1N1", []), ("24/7", []), ("3:1", []), ("10:30", []), ("20s", []),
    # percentages
    ("5 percent", []), ("5%", []), ("80 per cent", []), ("5 pct", []),
    # qualifiers
    ("about 300", [(300, A)]), ("approximately 300", [(300, A)]), ("roughly 300", [(300, A)]),
    ("around 300", [(300, A)]), ("some 300", [(300, A)]), ("over 300", [(300, O)]),
    ("more than 300", [(300, O)]), ("at least 300", [(300, O)]), ("upwards of 300", [(300, O)]),
    ("in excess of 300", [(300, O)]), ("300 or more", [(300, O)]), ("300-plus", [(300, O)]),
    ("300-odd", [(300, O)]), ("300 or so", [(300, A)]), ("nearly 300", [(300, U)]), ("almost 300", [(300, U)]),
    ("less than 300", [(300, U)]), ("fewer than 300", [(300, U)]), ("under 300", [(300, U)]),
    ("up to 300", [(300, U)]), ("no more than 300", [(300, U)]),
    # ranges: the low end `over`, the high end `under`, never one exact value
    ("10 to 13", [(10, O), (13, U)]), ("10-13", [(10, O), (13, U)]), ("10\u201313", [(10, O), (13, U)]),
    ("between 10 and 13", [(10, O), (13, U)]), ("ten to fifteen", [(10, O), (15, U)]),
    ("10~13", [(10, O), (13, U)]), ("10 or 11", [(10, O), (11, U)]), ("13-10", []),
    ("3 to 4 million", [(4000000, U)]), ("dozens to hundreds", []),
    # non-ASCII digits and separators: normalised where a number is read, never read in part
    ("\uff11\uff12", [(12, E)]), ("1\uff0c200", [(1200, E)]), ("12\uff0c345", [(12345, E)]),
    ("1\uff0e5 thousand", [(1500, E)]), ("1\uff120", [(120, E)]), ("\uff11\uff0c\uff12\uff10\uff10", [(1200, E)]),
    ("5\uff0c6", []), ("1\uff0e5", []), ("\uff13 dozens", []), ("\u0661\u0662", [(12, E)]),
]

SENTENCES = [
    ("sent 1\uff0c200 nurses.", [(1200, E)]),
    ("Hubei reported 12\uff0c345 cases on Monday.", [(12345, E)]),
    ("A team of \uff11\uff13\uff14 medics left.", [(134, E)]),
    ("Cities with more than 3,000 cases: Xiaogan, 3,279, and Huanggang, 3,014.",
     [(3000, O), (3279, E), (3014, E)]),
]


def numbers_of(nlp, text: str) -> list[tuple[int, str]]:
    doc = extract_doc(text, "t", "2020-02-12", nlp)
    spans = list(doc.spans["number"])
    for span in spans:
        assert type(span._.value) is int and span.text == text[span.start_char:span.end_char]
    return [(span._.value, span._.qualifier) for span in spans]


@pytest.mark.parametrize("expression, expected", EXPRESSIONS, ids=[e for e, _ in EXPRESSIONS])
def test_expression(nlp, expression, expected):
    assert numbers_of(nlp, f"There were {expression} cases.") == expected


@pytest.mark.parametrize("text, expected", SENTENCES, ids=[t[:40] for t, _ in SENTENCES])
def test_sentence(nlp, text, expected):
    assert numbers_of(nlp, text) == expected


def test_table_size():
    assert len(EXPRESSIONS) >= 150
    assert sum(1 for _, expected in EXPRESSIONS if not expected) >= 60


PUBLISHED = [
    ("date \uff12\uff10\uff12\uff10-\uff10\uff12-\uff11\uff10\n\nHubei reported 12 new cases.", "2020-02-10"),
    ("\uff12\uff10\uff12\uff10-\uff10\uff12-\uff11\uff10 09:02\n\nHubei reported 12 new cases.", "2020-02-10"),
    ("Updated: \uff12\uff10\uff12\uff10\uff0d\uff10\uff12\uff0d\uff11\uff10\n\nHubei reported 12 new cases.",
     "2020-02-10"),
    ("March \uff12\uff10\uff12\uff10\n\nHubei reported 12 new cases.", "2020-03"),
    ("date 2020-02-10\n\nHubei reported 12 new cases.", "2020-02-10"),
]


@pytest.mark.parametrize("text, published", PUBLISHED, ids=[t[:30] for t, _ in PUBLISHED])
def test_published_in_wide_digits_is_ascii_iso(nlp, text, published):
    doc = extract_doc(text, "t", None, nlp)
    assert doc._.published == published and doc._.published.isascii()


def test_wide_digits_give_the_whole_count(facts_of):
    counts = facts_of("Hubei sent 1\uff0c200 nurses and reported \uff11\uff12 new cases.")
    assert [(f["kind"], f["value"]) for f in counts if f["kind"] in ("case_count", "personnel_count")] == \
        [("personnel_count", 1200), ("case_count", 12)]
