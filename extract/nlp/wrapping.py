"""Hard-wrapped text read as unwrapped: a report reposted with its lines broken at about 70 characters has a line
break in mid-sentence (`reported in the city of` / `Wuhan on Monday`), which splits a count from its noun or its
place. unwrapped() gives the text with each such break made a space (the same length, so every offset holds), and
leaves every real line break alone: a heading, a list item, a table row, a short line, a line that ends a sentence.

A text is taken as wrapped when its lines have a width: a length of MIN_WIDTH to MAX_WIDTH characters that
hardly any line exceeds (a title, an address), which at least MIN_FULL_LINES lines reach nearly without ending a
sentence. A break is a wrap when its line is full (the first word of the next
line would not have fitted on it) and neither side looks like a line of its own. Pure function, no spaCy."""
from __future__ import annotations

import re

MIN_WIDTH = 40        # narrower lines are lists or tables, not wrapped prose
MAX_WIDTH = 100       # a line longer than this is a paragraph of its own
FULL_SLACK = 20       # a line within this many characters of the width is full
MIN_FULL_LINES = 3    # full lines without an end mark that show the text is wrapped
OVER_SHARE = 0.1      # share of lines (beyond two) allowed over the width: a title, a byline, an address
SENTENCE_END = (".", "!", "?", ":", ";", "。", "！", "？", "：", "；")
CLOSERS = "\"'”’)]"
# a line of its own: a bullet or a numbered item (`- Hubei`, `• 12`, `3. Wuhan`, `(2) Xiaogan`)
ITEM = re.compile(r"^(?:[-*•·–—]\s|\d{1,2}[.)]\s|\(\d{1,2}\)\s|[a-z][.)]\s)")
TABLE = re.compile(r"\S(?: {2,}|\t)\S|[|｜]")   # columns set apart by runs of spaces, tabs or pipes
CELL = re.compile(r"[|｜]")   # a table's cell mark: a line holding one is a row or a cell, never wrapped prose


def unwrapped(text: str) -> str:
    """The text with each line break that only wraps a sentence made a space; the text itself when it is not
    wrapped. Only a single `\\n` between two non-space characters is changed."""
    if "\n" not in text or "\r" in text:
        return text
    lines = text.split("\n")
    width = wrap_width(lines)
    if width is None:
        return text
    chars = list(text)
    offset = 0
    for k in range(len(lines) - 1):
        offset += len(lines[k])
        if is_wrap(lines[k], lines[k + 1], width):
            chars[offset] = " "
        offset += 1
    return "".join(chars)


def wrap_width(lines: list[str]) -> int | None:
    """The width the text is wrapped at, or None when it is not wrapped: the longest line that fits, or, when
    a few lines are longer than the rest (a title, an address, a line written over the width), the longest
    of the others."""
    lengths = [len(line) for line in lines if line.strip()]
    allowed_over = max(2, int(OVER_SHARE * len(lengths)))
    candidates = sorted({n for n in lengths if MIN_WIDTH <= n <= MAX_WIDTH}, reverse=True)
    for width in candidates:
        if sum(n > width for n in lengths) > allowed_over:
            return None
        full = sum(1 for line in lines if width - FULL_SLACK <= len(line) <= width and not ends_sentence(line)
                   and not CELL.search(line))
        if full >= MIN_FULL_LINES:
            return width
    return None


def ends_sentence(line: str) -> bool:
    stripped = line.rstrip().rstrip(CLOSERS)
    return not stripped or stripped.endswith(SENTENCE_END)


def is_wrap(line: str, following: str, width: int) -> bool:
    """A break in mid-sentence: the line is full, ends inside a sentence, and the next line goes on with it."""
    if not line or not following or line[-1].isspace() or following[0].isspace():
        return False
    if len(line) < width - FULL_SLACK or ends_sentence(line):
        return False
    first_word = following.split(None, 1)[0]
    if len(line) + 1 + len(first_word) <= width - 2:
        return False   # the next word would have fitted: the line was ended on purpose
    return not (ITEM.match(following) or TABLE.search(line) or TABLE.search(following))


__all__ = ["unwrapped"]
