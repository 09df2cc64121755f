"""Suggestions from the passage: the number that stands in a blank's place in another article of the corpus.

A story is syndicated: one site's copy loses its digits (the damage keeps letters, spaces, commas and periods
and deletes every other character), another site's copy keeps them. Around a blank, the words are then exactly
the words around a number in the intact copy. Both texts are read the way the damage reads them (every
character that is not a letter, a space, a comma or a period deleted, every space character one space), and a
number or a blank is keyed by its *slot*: the few words before it, the spacing and punctuation between its two
neighbouring words, and the few words after it. The number whose place in the slot is nearest the blank's is
the suggestion, with its article, its offsets and its sentence as evidence.

Linear in the corpus, no comparison of pairs of articles, and memory that does not grow with it: pass 1
writes, for every number of every article, the hash of its slot, the article's index and day, its place in the
slot, its value and offset, and, for every blank, its slot, as rows of an on-disk SQLite scratch database
(scratch.py); finish() picks the numbers whose hash a blank wants in one query sorted by hash, decides once for
all the blanks that share a slot (one slot's numbers in memory at a time), re-reads only the articles chosen as
evidence (a bounded number of them kept) and checks their slot word for word, and writes each blank's result
back to the database, which matches() reads per article. Articles that disagree give no suggestion (both values stay as candidates); a
number inside a rejected fact is never evidence.
"""
from __future__ import annotations

import bisect
import itertools
import math
import os
import pickle
import re
from collections import OrderedDict, defaultdict
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Iterator

from extract.dataset.scratch import OffsetFile, Rows, ScratchDB
from extract.nlp.normalize import parse_iso
from extract.nlp.records import Fact

SAME_STORY_DAYS = 3     # copies of one story are published within days; a formula repeated a week later is
#                         another story with other numbers
CONTEXT_WORDS = 6       # words kept on each side of a slot
MIN_CONTEXT_WORDS = 6   # fewer words around a slot (a text's first or last words) say too little to align on
DELETED = re.compile(r"(?:[^\w\s,.]|[\d_])+")   # what the damage deletes: not a letter, space, comma or period
SPACE = re.compile(r"[^\S ]")   # a space character other than the space
WORD_SPLIT = re.compile(r"([^\W\d_]+)")
NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
MAX_NUMERAL_DIGITS = 20   # digits of the longest numeral read as a number
DIGIT = re.compile(r"\d")
EXACT_FLOAT = 2 ** 53   # values are kept as floats: a longer run of digits is not a count anyway
MAX_STEPS = 64          # runs of values read in one slot's window once two values are known
EVIDENCE_KEPT = 256     # evidence articles (text, normalised text, facts) kept while finish() decides
# The same for a text of ASCII alone (almost every article), as one plain character class each: sre tests a class
# of categories (\w, \s, \d) character by character several times slower. Checked against the patterns above on
# every ASCII character when loaded (ASCII_SAME); where they differ the patterns above are used.
ASCII_SPACES = "".join(chr(c) for c in range(128) if chr(c).isspace() and c != 32)
ASCII_DELETED = re.compile(f"([^A-Za-z ,.{re.escape(ASCII_SPACES)}]+)")   # (its characters: DELETED_BYTES)
ASCII_WORD_SPLIT = re.compile(r"([A-Za-z]+)")
ASCII_SAME = all((DELETED.fullmatch(c) is None) == (ASCII_DELETED.fullmatch(c) is None)
                 and (WORD_SPLIT.fullmatch(c) is None) == (ASCII_WORD_SPLIT.fullmatch(c) is None)
                 and (SPACE.fullmatch(c) is None) == (c not in ASCII_SPACES) for c in map(chr, range(128)))
# read_ascii's tables: the bytes the damage deletes, each byte as a mark (`d` where deleted), the spaces as " "
DELETED_BYTES = bytes(c for c in range(128) if ASCII_DELETED.fullmatch(chr(c)))
DELETED_MARKS = bytes(ord("d") if c in DELETED_BYTES else ord("k") for c in range(256))
MARKED_RUN = re.compile(rb"d+")
SPACE_BYTES = bytes.maketrans(ASCII_SPACES.encode("ascii"), b" " * len(ASCII_SPACES))
SENTENCE_END = re.compile(r"[.!?](?=\s+[A-Z\"\u201c])|\n")   # not `Feb. 14`


@dataclass(frozen=True, slots=True)
class Slot:
    key: tuple    # (words before, spacing and punctuation between the two neighbouring words, words after)
    offset: int   # where in that spacing the number or the blank stands


class Normalized:
    """A text as the damage leaves it, with the map from its offsets to the normalised ones and its words."""

    def __init__(self, text: str):
        if ASCII_SAME and text.isascii():
            self.read_ascii(text)
            return
        runs = [m.span() for m in DELETED.finditer(text)]   # the deleted runs, and how many were deleted by
        self.run_starts = [start for start, _ in runs]      # the end of each
        self.run_ends = [end for _, end in runs]
        self.deleted_by = list(itertools.accumulate(end - start for start, end in runs))
        self.text = SPACE.sub(" ", DELETED.sub("", text))
        lowered = self.text.lower()
        # separators and words alternate (a separator first, maybe empty): one split, offsets by adding lengths
        parts = WORD_SPLIT.split(lowered if len(lowered) == len(self.text) else self.text)
        bounds = list(itertools.accumulate(map(len, parts)))
        self.words = [w.lower() for w in parts[1::2]] if len(lowered) != len(self.text) else parts[1::2]
        self.starts = bounds[0:-1:2]
        self.ends = bounds[1::2]

    def read_ascii(self, text: str) -> None:
        """__init__ for an ASCII text, a byte a character: bytes.translate (a table lookup per byte, in C) marks
        the deleted characters, whose runs are then found, and makes the normalised text (a split by
        ASCII_DELETED tests a class of characters at every position in sre, a tenth of the work of a build's
        passage index)."""
        data = text.encode("ascii")
        runs = [m.span() for m in MARKED_RUN.finditer(data.translate(DELETED_MARKS))]
        self.run_starts = [start for start, _ in runs]
        self.run_ends = [end for _, end in runs]
        self.deleted_by = list(itertools.accumulate(end - start for start, end in runs))
        self.text = data.translate(SPACE_BYTES, DELETED_BYTES).decode("ascii")
        parts = ASCII_WORD_SPLIT.split(self.text.lower())   # separators and words alternate, as in __init__
        bounds = list(itertools.accumulate(map(len, parts)))
        self.words = parts[1::2]
        self.starts = bounds[0:-1:2]
        self.ends = bounds[1::2]

    def position(self, offset: int) -> int:
        """Where the character at `offset` of the original text stands in the normalised one."""
        k = bisect.bisect_right(self.run_starts, offset) - 1
        if k < 0:
            return offset
        return offset - self.deleted_by[k] + max(0, self.run_ends[k] - offset)

    def slot(self, offset: int) -> Slot | None:
        """The slot of a number or blank at `offset` of the original text; None inside a word or where too few
        words surround it."""
        p = self.position(offset)
        w = bisect.bisect_left(self.starts, p)   # the first word at or after p
        left = self.words[max(0, w - CONTEXT_WORDS):w]
        right = self.words[w:w + CONTEXT_WORDS]
        if len(left) + len(right) < MIN_CONTEXT_WORDS:
            return None
        gap_start = self.ends[w - 1] if w > 0 else 0
        gap_end = self.starts[w] if w < len(self.starts) else len(self.text)
        if not gap_start <= p <= gap_end:
            return None
        spacing = self.text[gap_start:gap_end]
        if w == len(self.starts):
            spacing = spacing.rstrip()   # a text's last line break may be kept or not
        return Slot((tuple(left), spacing, tuple(right)), p - gap_start)


def numbers_of(text: str) -> Iterable[re.Match]:
    """The numerals of a text that a damage could have deleted standing alone (not `COVID19`'s or `P3`'s)."""
    for match in NUMBER.finditer(text):
        if match.start() and text[match.start() - 1].isalpha():
            continue
        yield match


def number_value(numeral: str):
    """`1,266` -> 1266, `2.4` -> 2.4, `07` -> 7; None past MAX_NUMERAL_DIGITS digits (no count a blank could
    want is that long, and Python refuses to read an int of more than 4,300 digits)."""
    if len(numeral) - numeral.count(",") - numeral.count(".") > MAX_NUMERAL_DIGITS:
        return None
    if "." in numeral and numeral.count(".") == 1 and "," not in numeral:
        value = float(numeral)
        return int(value) if value.is_integer() else value
    return int(numeral.replace(",", "").replace(".", ""))


def sentence_around(text: str, start: int, end: int) -> str:
    """The sentence holding text[start:end], on one line."""
    begin = 0
    for match in SENTENCE_END.finditer(text, 0, start):
        begin = match.end()
    after = SENTENCE_END.search(text, end)
    stop = after.end() if after else len(text)
    return " ".join(text[begin:stop].split())


@dataclass(frozen=True, slots=True)
class Blank:
    doc: int          # the article's index in the order documents were added
    fact_id: str      # the missing_number fact
    slot: Slot


@dataclass(frozen=True, slots=True)
class Found:
    """One number of an article that stands in a slot some blank wants."""
    doc: int
    value: object
    start: int        # where it starts in its article's text
    offset: int       # its place in the slot's spacing
    holder: tuple = (None, None, None)   # the fact that states it (fact_id, sent_start, sent_end), if any


@dataclass(frozen=True)
class PassageMatch:
    """What the passage says of one blank: the agreed value (None when articles disagree) and one candidate
    per distinct value (dicts: value, doc_id, fact_id, sentence, start, end, basis)."""
    value: object
    candidates: tuple


class PassageIndex:
    """add_document() every article in doc_id order, finish() once, then matches(doc_id) per article. The rows
    live in `scratch` (a private temporary database when none is given)."""

    def __init__(self, scratch: ScratchDB | None = None):
        self.scratch = scratch if scratch is not None else ScratchDB()
        db = self.scratch.db
        db.execute("CREATE TABLE passage_doc (doc INTEGER PRIMARY KEY, doc_id TEXT)")
        # one row per number of the corpus: its slot's hash, article, day, place in the slot, value, start, and
        # the fact that states it (its id and sentence bounds), so that finish() need not read the facts again
        db.execute("CREATE TABLE passage_number (hash INTEGER, doc INTEGER, day INTEGER, offset INTEGER, value, "
                   "start INTEGER, holder TEXT, sent_start INTEGER, sent_end INTEGER)")
        db.execute("CREATE TABLE passage_blank (hash INTEGER, doc INTEGER, day INTEGER, doc_id TEXT, fact_id TEXT, "
                   "slot BLOB)")
        db.execute("CREATE TABLE passage_match (doc_id TEXT, fact_id TEXT, match BLOB)")
        self.doc_rows = Rows(self.scratch, "INSERT INTO passage_doc VALUES (?, ?)")
        self.number_rows = Rows(self.scratch, "INSERT INTO passage_number VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
        self.blank_rows = Rows(self.scratch, "INSERT INTO passage_blank VALUES (?, ?, ?, ?, ?, ?)")
        self.documents = 0
        self.refused: dict[int, list[tuple[int, int]]] = {}   # an article's rejected facts' spans
        self.finished = False

    def add_document(self, doc_id: str, text: str, facts: list[Fact], rejected: Iterable[Fact] = (),
                     published: str | None = None) -> bool:
        """Index one article's numbers and blanks; True when it holds a number that may be evidence (its text
        may then be needed again by finish())."""
        index = self.documents
        self.documents += 1
        self.doc_rows.add((index, doc_id))
        day = parse_iso(published)
        day = day.toordinal() if day else -1
        blanks = [f for f in facts if f.kind == "missing_number"]
        has_digits = DIGIT.search(text) is not None
        if not blanks and not has_digits:
            return False
        normalized = Normalized(text)
        for fact in blanks:
            slot = normalized.slot(fact.start)
            if slot is not None:
                self.blank_rows.add((hash(slot.key), index, day, doc_id, fact.fact_id,
                                     pickle.dumps((slot.key, slot.offset), protocol=pickle.HIGHEST_PROTOCOL)))
        if not has_digits:
            return False
        refused = [(f.start, f.end) for f in rejected]
        if refused:
            self.refused[index] = refused
        added = False
        stating = [f for f in facts if not f.missing]
        for match in self.evidence_numbers(index, text):
            slot = normalized.slot(match.start())
            value = number_value(match.group())
            if slot is not None and value is not None and value < EXACT_FLOAT:
                self.number_rows.add((hash(slot.key), index, day, slot.offset, value, match.start(),
                                      *holder_of(stating, match.start())))
                added = True
        return added

    def finish(self, read_text: Callable[[int], str]) -> None:
        """Decide each blank's suggestion from the numbers that stand in its slot in other articles. The numbers
        whose slot hash a blank wants come back from one query, sorted by hash; blanks that share a slot and a
        place in it are decided together (a formula repeated in thousands of articles is one decision, not
        thousands); only the articles chosen as evidence are read again, and their slot is checked word for
        word."""
        for rows in (self.doc_rows, self.number_rows, self.blank_rows):
            rows.flush()
        db = self.scratch.db
        evidence: OrderedDict[int, tuple[str, str, Normalized]] = OrderedDict()

        def evidence_of(doc: int):
            found = evidence.get(doc)
            if found is None:
                text = read_text(doc)
                (doc_id,), = db.execute("SELECT doc_id FROM passage_doc WHERE doc = ?", (doc,))
                found = evidence[doc] = (doc_id, text, Normalized(text))
                if len(evidence) > EVIDENCE_KEPT:
                    evidence.popitem(last=False)
            else:
                evidence.move_to_end(doc)
            return found

        results = Rows(self.scratch, "INSERT INTO passage_match VALUES (?, ?, ?)")
        db.execute("CREATE INDEX passage_blank_hash ON passage_blank (hash)")
        numbers = itertools.groupby(
            db.execute("SELECT hash, doc, day, offset, value, start, holder, sent_start, sent_end FROM passage_number "
                       "WHERE hash IN (SELECT hash FROM passage_blank) ORDER BY hash, rowid"),
            key=lambda row: row[0])
        blanks = itertools.groupby(
            db.execute("SELECT hash, doc, day, doc_id, fact_id, slot FROM passage_blank ORDER BY hash, rowid"),
            key=lambda row: row[0])
        numbers_hash, number_rows = next(numbers, (None, ()))
        for key_hash, blank_rows in blanks:
            while numbers_hash is not None and numbers_hash < key_hash:
                numbers_hash, number_rows = next(numbers, (None, ()))
            if numbers_hash != key_hash:
                continue
            days: dict[int, int] = {}
            found = []
            for _, doc, day, offset, value, start, *holder in number_rows:
                days[doc] = day
                found.append(Found(doc, int(value) if float(value).is_integer() else value, start, offset,
                                   tuple(holder)))
            by_offset: dict[int, list[tuple[int, str, str, tuple]]] = defaultdict(list)
            for _, doc, day, doc_id, fact_id, slot in blank_rows:
                days[doc] = day
                key, offset = pickle.loads(slot)
                by_offset[offset].append((doc, doc_id, fact_id, key))
            for offset, blanks_here in sorted(by_offset.items()):
                near_in_time = StoryWindow(nearest_per_document(found, offset), days)
                for doc, doc_id, fact_id, key in blanks_here:
                    candidates = []
                    for number in first_per_value(near_in_time.around(doc)):
                        number_doc_id, text, normalized = evidence_of(number.doc)
                        slot = normalized.slot(number.start)
                        if slot is not None and slot.key == key:   # not a hash collision
                            candidates.append(self.candidate(number, number_doc_id, text))
                    if candidates:
                        value = candidates[0]["value"] if len(candidates) == 1 else None
                        results.add((doc_id, fact_id, pickle.dumps(
                            (value, tuple(tuple(c.items()) for c in candidates)), protocol=pickle.HIGHEST_PROTOCOL)))
        results.flush()
        db.execute("CREATE INDEX passage_match_doc ON passage_match (doc_id)")
        self.scratch.commit()
        self.finished = True

    def evidence_numbers(self, doc: int, text: str) -> Iterable[re.Match]:
        """The numbers of an article that may be evidence: not those inside a rejected fact."""
        refused = self.refused.get(doc, ())
        if not refused:   # most articles: no fact of theirs was rejected
            yield from numbers_of(text)
            return
        for match in numbers_of(text):
            if not any(start <= match.start() < end for start, end in refused):
                yield match

    def candidate(self, number: Found, doc_id: str, text: str) -> dict:
        """The evidence of one value: its article, the fact that states it (if any), its sentence, offsets."""
        end = NUMBER.match(text, number.start).end()
        fact_id, sent_start, sent_end = number.holder
        if fact_id is not None and sent_start is not None:
            sentence = " ".join(text[sent_start:sent_end].split())
        else:
            sentence = sentence_around(text, number.start, end)
        return dict(value=number.value, doc_id=doc_id, fact_id=fact_id, sentence=sentence,
                    start=number.start, end=end, basis="passage")

    def matches(self, doc_id: str) -> dict[str, PassageMatch]:
        """missing_number fact_id -> what the passage says, for one article (after finish)."""
        if not self.finished:
            return {}
        return {fact_id: PassageMatch(*pickle.loads(match)) for fact_id, match in self.scratch.db.execute(
            "SELECT fact_id, match FROM passage_match WHERE doc_id = ? ORDER BY rowid", (doc_id,))}


def holder_of(facts: list[Fact], start: int) -> tuple:
    """(fact_id, sent_start, sent_end) of the narrowest stating fact whose span holds the number at `start`
    (a count before a date, then by kind), or Nones."""
    holding = [f for f in facts if f.start <= start < f.end]
    if not holding:
        return (None, None, None)
    holder = holding[0] if len(holding) == 1 else min(holding, key=holder_rank)
    return holder.fact_id, holder.sent_start, holder.sent_end


def holder_rank(fact: Fact) -> tuple:
    return fact.end - fact.start, fact.kind == "date", fact.kind


def nearest_per_document(numbers: list[Found], offset: int) -> list[Found]:
    """Each article's number nearest `offset` in the slot, in article order; an article whose nearest numbers
    differ (`24:00` gives 24 and 00 at one place) says nothing."""
    by_doc: dict[int, list[Found]] = defaultdict(list)
    for number in numbers:
        by_doc[number.doc].append(number)
    chosen = []
    for doc in sorted(by_doc):
        closest = min(abs(n.offset - offset) for n in by_doc[doc])
        nearest = [n for n in by_doc[doc] if abs(n.offset - offset) == closest]
        if len({n.value for n in nearest}) == 1:
            chosen.append(min(nearest, key=lambda n: n.start))
    return chosen


class StoryWindow:
    """The numbers of one slot by publication day. For a blank, the distinct values stated by the articles
    published within SAME_STORY_DAYS of its own (all articles when its day is unknown; undated articles always
    count), each with its first article, without scanning the others: the numbers are sorted by day, and a run
    of equal values is stepped over in one jump, so a formula stated with one number by thousands of articles
    costs a look-up, not a scan."""

    def __init__(self, numbers: list[Found], days):
        self.days = days
        dated = sorted((days[n.doc], n.doc, n) for n in numbers if days[n.doc] >= 0)
        self.keys = [(day, doc) for day, doc, _ in dated]
        self.dated = [n for _, _, n in dated]
        self.undated = [n for n in numbers if days[n.doc] < 0]
        self.run_end = list(range(1, len(self.dated) + 1))   # the first later number with another value
        for i in range(len(self.dated) - 2, -1, -1):
            if self.dated[i + 1].value == self.dated[i].value:
                self.run_end[i] = self.run_end[i + 1]

    def around(self, doc: int, limit: int = 5) -> list[Found]:
        """For each distinct value near `doc`'s day (at most `limit` + 1 values), the first other article that
        states it, in article order."""
        day = self.days[doc]
        lo, hi = 0, len(self.dated)
        if day >= 0:
            lo = bisect.bisect_left(self.keys, (day - SAME_STORY_DAYS, -1))
            hi = bisect.bisect_right(self.keys, (day + SAME_STORY_DAYS, math.inf))
        first: dict[object, Found] = {}
        i, steps = lo, 0
        while i < hi and len(first) <= limit and (steps < MAX_STEPS or len(first) < 2):
            steps += 1   # values that keep alternating disagree: no need to read them all
            run = min(self.run_end[i], hi)
            for number in self.dated[i:run] if self.dated[i].doc == doc else (self.dated[i],):
                if number.doc != doc:   # a run is read whole only where it starts with the blank's own article
                    if number.value not in first or number.doc < first[number.value].doc:
                        first[number.value] = number
                    break
            i = run
        for number in self.undated:
            if number.doc != doc and (number.value not in first or number.doc < first[number.value].doc):
                first[number.value] = number
        return sorted(first.values(), key=lambda n: n.doc)


def first_per_value(numbers: list[Found], limit: int = 5) -> list[Found]:
    """The first article's number for each distinct value, in article order, at most `limit` values."""
    seen, out = set(), []
    for number in numbers:
        if number.value not in seen and len(out) < limit:
            seen.add(number.value)
            out.append(number)
    return out


class TextSpill:
    """The texts a build may need again (those holding numbers), written once to a scratch file in pass 1 and
    read back by document index; the file is removed once read."""

    def __init__(self, path: Path):
        self.path = path
        self.handle = open(path, "wb", buffering=1 << 20)
        # where each document's text starts (-1 where it was not kept) and its length, on disk
        self.offsets = OffsetFile(path.with_name(path.name + ".offsets"))
        self.lengths = OffsetFile(path.with_name(path.name + ".lengths"))
        self.size = 0

    def add(self, text: str | None) -> None:
        if text is None:
            self.offsets.append(-1)
            self.lengths.append(0)
            return
        data = text.encode("utf-8")
        self.offsets.append(self.size)
        self.lengths.append(len(data))
        self.handle.write(data)
        self.size += len(data)

    @contextmanager
    def reading(self) -> Iterator[Callable[[int], str]]:
        """A reader of document k's text (empty where it was not kept), valid inside the block."""
        self.handle.close()
        self.offsets.flush()
        self.lengths.flush()
        with open(self.path, "rb") as handle:
            def read(k: int) -> str:
                if self.offsets[k] < 0:
                    return ""
                handle.seek(self.offsets[k])
                return handle.read(self.lengths[k]).decode("utf-8")
            yield read
        os.remove(self.path)

    def close(self) -> None:
        self.handle.close()
        self.offsets.close()
        self.lengths.close()
