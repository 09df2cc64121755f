"""aidfacts_numbers: numerals (digits, words, scales) with their qualifier -> doc.spans["number"]."""
from __future__ import annotations


from spacy.language import Language
from spacy.tokens import Doc, Span

from extract.nlp.extensions import put
from extract.nlp.normalize import NUMBER_WORDS, SCALES, parse_digits, parse_number_words, to_int
from extract.nlp.rules.relations import lower_words, set_spans, spans_of, token_texts
from extract.nlp.triggers import triggers, word_set

SPAN_KEY = "number"
NOT_A_COUNT_BEFORE = word_set("not_a_count_before")
NOT_A_COUNT_AFTER = word_set("not_a_count_after")
A_SCALE = {"dozen", "hundred", "thousand", "million", "billion"}


def number_starts(words: list[str]) -> list[int]:
    """The tokens a number may start at: a numeral (`2,345`) or a number word (`a dozen` starts at `dozen`,
    then looks back). Read off the lower-case tokens, which the rules list once per document anyway."""
    return [i for i, word in enumerate(words) if word in NUMBER_WORDS or word[:1].isdecimal()]


@Language.factory("aidfacts_numbers", assigns=["doc.spans"], default_config={})
def make_numbers(nlp: Language, name: str) -> "NumberFinder":
    return NumberFinder()


class NumberFinder:
    """Sets doc.spans["number"]: every cardinal numeral (`11,000`, `1.2 million`, `a dozen`, `thirty-two`)
    not inside a date, with span._.value (int) and span._.qualifier (`exact`, `over`, `under`, `about`).
    The span starts at the qualifier when there is one (`more than 310`)."""

    def __init__(self):
        self.qualifiers = QualifierTable()

    def __call__(self, doc: Doc) -> Doc:
        in_date = {i for span in spans_of(doc, "date") for i in range(span.start, span.end)}
        spans, done = [], -1
        low = lower_words(doc)
        for i in number_starts(low):
            if i > 0 and low[i - 1] in ("a", "an") and low[i] in A_SCALE:
                i -= 1   # `a dozen`, `a thousand`
            if i <= done or i in in_date:
                continue
            found = self.read_number(doc, i)
            if found is None:
                continue
            end, value = found
            done = end - 1
            if not self.excluded(doc, i, end):
                start, qualifier = self.qualifier_before(doc, i)
                span = Span(doc, start, end, label="number", span_id="number_" + (
                    "digits" if parse_digits(token_texts(doc)[i]) is not None else "words"))
                put(span, "value", to_int(value))
                put(span, "qualifier", qualifier)
                spans.append(span)
        set_spans(doc, SPAN_KEY, spans)
        return doc

    @staticmethod
    def read_number(doc: Doc, i: int) -> tuple[int, float] | None:
        lows = lower_words(doc)
        digits = parse_digits(lows[i])
        if digits is not None:
            end = i + 1
            if end < len(doc) and lows[end] in SCALES:
                digits *= SCALES[lows[end]]
                end += 1
            return end, digits
        words = []
        j = i
        while j < len(doc):
            low = lows[j]
            if low in NUMBER_WORDS or (low in ("a", "an") and j == i):
                words.append(low)
            elif low in ("-", "and") and words and words[-1] not in ("a", "an") and j + 1 < len(doc) \
                    and lows[j + 1] in NUMBER_WORDS and not (low == "and" and words[-1] not in SCALES):
                words.append(low)
            else:
                break
            j += 1
        while words and words[-1] in ("-", "and"):
            words.pop()
            j -= 1
        if not words or words in (["a"], ["an"]):
            return None
        value = parse_number_words(words)
        if value is None:
            return None
        return i + len(words), value

    @staticmethod
    def excluded(doc: Doc, start: int, end: int) -> bool:
        lows = lower_words(doc)
        before = lows[start - 1] if start > 0 else ""
        after = lows[end] if end < len(doc) else ""
        if before in NOT_A_COUNT_BEFORE or after in NOT_A_COUNT_AFTER:
            return True
        if lows[start] == "one" and after in ("of", "another", "by", "after"):
            return True   # `one of the cities`, `one by one`: a pronoun, not a count
        text = token_texts(doc)[start]
        if len(text) == 4 and text.isdigit() and text[:2] in ("19", "20") and end < len(doc) \
                and token_texts(doc)[end][:1].isupper():
            return True   # `2007 Volkswagen Group`: a year before a name (news writes 1,800 for counts)
        return lows[start] in ("a", "an") and end - start == 1

    def qualifier_before(self, doc: Doc, i: int) -> tuple[int, str]:
        return self.qualifiers.before(doc, i)


class QualifierTable:
    """Qualifier phrases (`more than`, `nearly`, `about`) from data/triggers.json, looked up by the words
    right before a number, longest phrase first."""

    def __init__(self):
        self.phrases = {tuple(phrase.lower().split()): name
                        for name, phrases in triggers()["qualifiers"].items() for phrase in phrases}
        self.longest = max(len(p) for p in self.phrases)

    def before(self, doc: Doc, i: int) -> tuple[int, str]:
        """(start of the qualifier, its name); (i, "exact") when there is none."""
        words = lower_words(doc)[max(0, i - self.longest):i]
        for n in range(len(words), 0, -1):
            name = self.phrases.get(tuple(words[-n:]))
            if name is not None:
                return i - n, name
        return i, "exact"
