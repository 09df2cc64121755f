"""Numbered lists of counts under a heading count (issue 23): a bulletin heads a list with a line that counts
cases of one status, and numbers the places that make it up, one a line:

    46 cases were discharged from hospital
    1. 9 cases in Ordos City
    2. 8 cases in Chifeng City

An item's count whose own words name no status is a part of the heading count: the case rules take its status
from it. The heading is the nearest line above the list's items that is not an item; it heads the list only when
it is a heading's line (it ends with a colon, or it is short and has no full stop) with one case count."""
from __future__ import annotations

import bisect
import re

from spacy.tokens import Doc, Span

from extract.nlp.rules.relations import last_before, text_of, token_offsets

ITEM_MARK = re.compile(r"[ \t]*\(?\d{1,2}[.)、][ \t]*")   # `1. `, `(2) `, `3、`: before an item's first word
ITEM_LINE = re.compile(r"[ \t]*\(?\d{1,2}[.)、][ \t]*\S")
HEADING_WORDS = 15        # a heading without a colon is a short line
LINES_BACK = 40           # items of one list looked back over, at most
SENTENCE_ENDS = (".", "!", "?", "。")


def numbered_heading(doc: Doc, number: Span, facts: list[Span]) -> Span | None:
    """The heading count of the numbered list whose item this count opens, or None."""
    text = text_of(doc)
    start = number.start_char
    line = text.rfind("\n", 0, start) + 1
    if not ITEM_MARK.fullmatch(text, line, start):
        return None
    end = line - 1   # the end of the line above
    for _ in range(LINES_BACK):
        if end < 0:
            return None
        above = text.rfind("\n", 0, end) + 1
        if text[above:end].strip() and not ITEM_LINE.match(text, above, end):
            return heading_count(doc, text, above, end, number, facts)
        end = above - 1
    return None


def heading_count(doc: Doc, text: str, start: int, end: int, number: Span, facts: list[Span]) -> Span | None:
    """The one case count of a heading's line between characters start and end, or None."""
    line = text[start:end].strip()
    if not (line.endswith((":", "：")) or (not line.endswith(SENTENCE_ENDS) and len(line.split()) <= HEADING_WORDS)):
        return None
    starts = token_offsets(doc)[0]
    first = bisect.bisect_left(starts, start)
    last = bisect.bisect_left(starts, end)
    count = last_before(facts, last, lambda f: f.label_ == "case_count", floor=first)
    if count is None or last_before(facts, count.start, lambda f: f.label_ == "case_count", floor=first):
        return None   # two counts on the line: no one heading
    return count if count.end <= number.start else None
