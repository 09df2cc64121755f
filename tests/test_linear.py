"""Extraction work and memory grow linearly with an article's length: counted (Python calls) and measured
(peak traced memory) at two sizes, never timed. Each text is a worst case for one kind of rule: counts with no
sentence end, per-place lists, frames, bulletins, `respectively` lists."""
from __future__ import annotations

import cProfile
import pstats
import tracemalloc

import pytest

from extract.nlp.pipeline import extract_doc

UNITS = {
    "counts in one endless sentence": "1 case ",
    "per-place lists": "Of the confirmed cases, 4 in Nanjing, 2 in Wuxi, 3 in Xuzhou. ",
    "frames": "As of 24:00 on Feb 3, Hubei had reported 1,000 confirmed cases.\n\n",
    "bulletins": ("Between 00:00 and 24:00 on March 1, the following were newly reported in Anhui Province:\n\n"
                  "a) 3 confirmed cases;\n\nOf the discharged patients, 2 in Hefei, 1 in Bengbu and 4 others in Wuhu.\n\n"),
    "respectively": "Wuhan, Ezhou and Xiaogan reported 3, 4 and 5 new cases respectively, and 2 deaths. ",
    "roll calls and lists set apart": ("Hubei has 9 new cases. Of them, Wuhan had 4, Xiaogan 3 and the rest 2; "
                                       "Ezhou has 416, Xiantao 339, Tianmen 98 and Jingmen 7, the other seven — "
                                       "four in the capital, Wuhan, one in Xiaogan — "),
    "staff and pairings": ("Hunan sent 120 nurses to Huanggang on Monday, and Jiangxi is paired with Suizhou. "
                           "Among them, 30 went to Macheng.\n"),
}


def text_of(unit: str, size: int) -> str:
    return unit * (size // len(unit))


def calls(text: str) -> int:
    profile = cProfile.Profile()
    profile.enable()
    extract_doc(text, "t", "2020-02-12")
    profile.disable()
    return pstats.Stats(profile).total_calls


def peak_memory(text: str) -> int:
    tracemalloc.start()
    try:
        extract_doc(text, "t", "2020-02-12")
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


@pytest.fixture(scope="module", autouse=True)
def warm():
    extract_doc("Hubei reported 1 case.", "w", "2020-02-12")   # load data files before counting


@pytest.mark.parametrize("unit", list(UNITS.values()), ids=list(UNITS))
def test_work_is_linear_in_the_text(unit):
    small, large = calls(text_of(unit, 8_000)), calls(text_of(unit, 16_000))
    assert large / small < 2.25, (small, large)


@pytest.mark.parametrize("unit", list(UNITS.values()), ids=list(UNITS))
def test_memory_is_linear_in_the_text(unit):
    small, large = peak_memory(text_of(unit, 8_000)), peak_memory(text_of(unit, 16_000))
    assert large / small < 2.5, (small, large)
