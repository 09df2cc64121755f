"""Damage an intact article the way the China Daily seed was damaged, and measure gap finding on it.

The damage keeps letters, whitespace, commas and periods and deletes every other character (digits,
apostrophes, hyphens, quotes, brackets ...). Each deleted number is recorded with the position it had in the
damaged text and the kind of number it was, so that recall and precision of the gap finder can be measured
on any article whose numbers are known.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from extract.nlp.normalize import month_number

NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
ORDINAL_SUFFIX = re.compile(r"(st|nd|rd|th)\b", re.IGNORECASE)
MONTH_BEFORE = re.compile(r"\b([A-Za-z]+)\.?(?:\s+|,)$")
MONTH_AFTER = re.compile(r"(?:st|nd|rd|th)?\s+(?:of\s+)?([A-Z][a-z]+)\b")


@dataclass(frozen=True)
class DeletedNumber:
    pos: int          # where the number stood, in the damaged text
    expected: str     # count, thousands, day, ordinal, year
    original: str
    standalone: bool  # not glued to a word (`COVID-19`, `109-member`, `P3` are not)


@dataclass(frozen=True)
class Damaged:
    text: str
    deleted: tuple[DeletedNumber, ...]


def kept(ch: str) -> bool:
    return ch.isalpha() or ch.isspace() or ch in ",."


def beside_month(text: str, match: re.Match) -> bool:
    """A number right after a month (`March 5`, `Feb,13th`) or right before one (`5 March`, `5th of March`)."""
    before = MONTH_BEFORE.search(text[max(0, match.start() - 12): match.start()])
    after = MONTH_AFTER.match(text, match.end())
    return bool(before and month_number(before.group(1))) or bool(after and month_number(after.group(1)))


def expected_kind(text: str, match: re.Match) -> str:
    """What a reader would say the number was: a day of a date (`March 5`, `5th March`), an ordinal (`2nd
    round`), a year, a number of thousands (a separator comma is left behind), else a count."""
    number = match.group()
    if len(number) <= 2 and beside_month(text, match):
        return "day"
    if ORDINAL_SUFFIX.match(text, match.end()):
        return "ordinal"
    if re.fullmatch(r"(19|20)\d\d", number):
        return "year"
    if re.fullmatch(r"\d{1,3}(,\d{3})+", number):
        return "thousands"
    return "count"


def is_standalone(text: str, match: re.Match) -> bool:
    before = text[match.start() - 1] if match.start() else " "
    after = text[match.end()] if match.end() < len(text) else " "
    if before.isalpha() or before == "-" or (after == "-" and match.end() + 1 < len(text)
                                             and text[match.end() + 1].isalpha()):
        return False
    if after.isalpha() and not ORDINAL_SUFFIX.match(text, match.end()):
        return False
    return True


def damage(text: str) -> Damaged:
    """The damaged text and every number deleted from it, positions in damaged coordinates."""
    new_position = []
    count = 0
    for ch in text:
        new_position.append(count)
        if kept(ch):
            count += 1
    new_position.append(count)
    deleted = []
    for match in NUMBER.finditer(text):
        deleted.append(DeletedNumber(new_position[match.start()], expected_kind(text, match), match.group(),
                                     is_standalone(text, match)))
    return Damaged("".join(ch for ch in text if kept(ch)), tuple(deleted))


@dataclass
class GapScore:
    found: int = 0
    expected_right: int = 0
    truth: int = 0
    reported: int = 0
    correct_reports: int = 0

    @property
    def recall(self) -> float:
        return self.found / self.truth if self.truth else 1.0

    @property
    def precision(self) -> float:
        return self.correct_reports / self.reported if self.reported else 1.0

    @property
    def expected_accuracy(self) -> float:
        return self.expected_right / self.found if self.found else 1.0


def score_gaps(damaged: Damaged, gaps: list[tuple[int, str]], score: GapScore, tolerance: int = 3) -> list:
    """Add one article's gap finding to `score`: recall over standalone deleted numbers, precision over
    reported gaps (a report is right when any deleted number stood within `tolerance` characters)."""
    misses = []
    truth = [d for d in damaged.deleted if d.standalone]
    score.truth += len(truth)
    for number in truth:
        near = [g for g in gaps if abs(g[0] - number.pos) <= tolerance]
        if near:
            score.found += 1
            score.expected_right += int(any(g[1] == number.expected for g in near))
            if not any(g[1] == number.expected for g in near):
                misses.append(("expected", number, near))
        else:
            misses.append(("missed", number, None))
    for gap in gaps:
        score.reported += 1
        if any(abs(gap[0] - d.pos) <= tolerance for d in damaged.deleted):
            score.correct_reports += 1
        else:
            misses.append(("spurious", gap, None))
    return misses


# ---- suggestions on a corpus with syndicated copies ----------------------------------------------------------

DAMAGED_SUFFIX = "_damaged"


def write_syndicated_corpus(articles, folder) -> dict[str, Damaged]:
    """Each article intact and, beside it, a copy damaged the China Daily way (doc_id + `_damaged`), with a
    manifest giving both the article's publication date (the damage takes the date from the text's header).
    Returns damaged doc_id -> Damaged."""
    import csv
    from pathlib import Path

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    damaged_docs, rows = {}, []
    for article in articles:
        damaged = damage(article.text)
        copy = f"{article.doc_id}{DAMAGED_SUFFIX}"
        (folder / f"{article.doc_id}.txt").write_text(article.text, encoding="utf-8")
        (folder / f"{copy}.txt").write_text(damaged.text, encoding="utf-8")
        rows += [(f"{article.doc_id}.txt", article.published or ""), (f"{copy}.txt", article.published or "")]
        damaged_docs[copy] = damaged
    with open(folder / "manifest.csv", "w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["file", "published"])
        writer.writerows(rows)
    return damaged_docs


@dataclass
class SuggestionScore:
    blanks: int = 0          # blanks found where a number was deleted
    suggested: int = 0       # of those, with a suggestion
    right: int = 0           # of those, with the deleted number as the suggestion
    by_basis: dict = None

    @property
    def precision(self) -> float:
        return self.right / self.suggested if self.suggested else 1.0

    @property
    def recall(self) -> float:
        return self.right / self.blanks if self.blanks else 1.0


def deleted_value(original: str):
    """`1,266` -> 1266, `2.4` -> 2.4, `07` -> 7 (as the passage index reads numbers)."""
    from extract.dataset.passages import number_value
    return number_value(original)


def score_suggestions(gaps, damaged_docs: dict[str, Damaged], score: SuggestionScore | None = None,
                      tolerance: int = 3) -> SuggestionScore:
    """How right the suggestions of the damaged copies' blanks are: `gaps` are rows of gaps.csv (dicts with
    doc_id, start, suggestion, suggestion_basis); a suggestion is right when it is the value of a number
    deleted within `tolerance` characters of the blank."""
    score = score or SuggestionScore(by_basis={})
    for gap in gaps:
        damaged = damaged_docs.get(gap["doc_id"])
        if damaged is None:
            continue
        truth = {deleted_value(d.original) for d in damaged.deleted if abs(d.pos - int(gap["start"])) <= tolerance}
        if not truth:
            continue   # a false blank: gap precision's business, not the suggestions'
        score.blanks += 1
        suggestion = gap.get("suggestion")
        if suggestion is None or suggestion != suggestion or suggestion == "":
            continue
        score.suggested += 1
        value = deleted_value(str(suggestion))
        right = value in truth
        score.right += right
        basis = score.by_basis.setdefault(gap.get("suggestion_basis") or "?", [0, 0])
        basis[0] += 1
        basis[1] += right
    return score
