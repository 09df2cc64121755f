"""Statistics lines: a label of status words and case nouns, then the number (`Deaths: 3`, `New confirmed cases:
0`, `Cured and discharged 300`), one figure a line, under a heading that may give the place and the day."""
from __future__ import annotations

from spacy.tokens import Doc, Span

from extract.nlp.extensions import get
from extract.nlp.rules.counting import CountWords, Head
from extract.nlp.rules.relations import attachable_dates, lower_words, sentence_start, token_texts
from extract.nlp.triggers import word_set

LABEL_GLUE = frozenset({"new", "newly", "total", "cumulative", "existing", "active", "ongoing", "and", "&", "/", "-",
                        "current", "imported", "local", "domestic"})
SUBJECT_OPENERS = frozenset({"the", "these", "those", "all", "today's", "yesterday's"})
PATIENT_STATES = word_set("patient_states", "phrases")   # `In hospital: 22,000`: patients, by where they are
MAX_LABEL = 5          # words of a label: `New confirmed cases`, `Cured and discharged`
COLONS = (":", "：")
NUMBER_ENDS = (",", ";", ".", ")")   # what may follow the number of a labelled line with a colon
BLOCK_REACH = 200      # tokens back from a statistics line to its block's heading


class LabelledCounts(CountWords):
    """Reads a statistics line's number as a case count when its label names a status or a case noun."""

    def labelled(self, doc: Doc, number: Span) -> Head | None:
        """`Deaths: 3`, `New confirmed cases: 0`, `Discharged: 40`: the label before a colon; `Cured and
        discharged 300`, `New deaths 2`, `Cured\t1,000`: a line that is a label and its number, nothing else;
        `In hospital: 22,000`: a label that says where patients are."""
        words, texts = lower_words(doc), token_texts(doc)
        if number.start < 1:
            return None
        line_start = sentence_start(doc, number.start)
        colon = words[number.start - 1] in COLONS
        label_end = number.start - 1 if colon else number.start
        label = [w for w in words[line_start: label_end] if not w.isspace()]   # `Confirmed\t1,215`: a tab stop
        if not label or len(label) > MAX_LABEL or not (self.is_case_label(label) or " ".join(label) in PATIENT_STATES):
            return None   # the label is the whole line before the colon: `Deaths: 3`, not `the hotline for ...:`
        after = texts[number.end] if number.end < len(doc) else "\n"
        if colon:
            if not (after.isspace() or after in NUMBER_ENDS):
                return None   # `Deaths: 3 in Wuhan ...` is a sentence, left to the other rules
        elif "\n" not in after or not own_line(texts, line_start) or number.start - line_start < 1:
            return None   # with no colon, the line holds the label and the number only
        return Head("case", "case_labelled", number.end, (line_start, label_end), label_end)

    def included_by_subject(self, doc: Doc, number: Span) -> Head | None:
        """`The new imported cases included 5 in Beijing, 3 in Shanghai`: a sentence whose subject is a phrase of
        case words only, then `include`, lists parts of those cases (the first here; the next are list items)."""
        words = lower_words(doc)
        first = sentence_start(doc, number.start)
        subject = words[first: number.start - 1]
        while subject and subject[0] in SUBJECT_OPENERS:
            subject = subject[1:]
        if not subject or len(subject) > MAX_LABEL or not self.is_case_label(subject) or \
                all(self.noun_class.get(w) != "case" for w in subject):
            return None
        return Head("case", "count_including", number.end, (first, number.start - 1), number.start - 1)

    def is_case_label(self, label: list[str]) -> bool:
        """A label of status words and case nouns only (`New confirmed cases`, `Cured and discharged`)."""
        if not all(w in self.any_status or self.noun_class.get(w) == "case" or w in LABEL_GLUE for w in label):
            return False
        return not self.any_status.isdisjoint(label) or any(self.noun_class.get(w) == "case" for w in label)


def own_line(texts: list[str], line_start: int) -> bool:
    """The sentence starts a line: the text's start, or right after a line break."""
    return line_start == 0 or "\n" in texts[line_start - 1]


def block_day(doc: Doc, number: Span) -> str | None:
    """The day a statistics block's heading names (`Hubei, March 3` / `Confirmed: 1,234` / `Deaths: 30`): the
    block is the lines up to a blank line, its heading the first of them; one day named there dates its lines."""
    texts = token_texts(doc)
    j = sentence_start(doc, number.start) - 1
    floor = max(0, number.start - BLOCK_REACH)
    while j >= floor and texts[j].count("\n") < 2:
        j -= 1
    if j < floor and j >= 0:
        return None   # no blank line, nor the text's start, within reach
    first = j + 1
    end = first
    while end < number.start and "\n" not in texts[end]:
        end += 1
    if end >= number.start:
        return None   # the number's own line opens the block: no heading
    days = {get(d, "value") for d in attachable_dates(doc, first, end)}
    days = {d for d in days if isinstance(d, str) and len(d) == 10}
    return days.pop() if len(days) == 1 else None
