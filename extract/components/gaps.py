"""aidfacts_gaps: places where a numeral was deleted from the text -> doc.spans["gap"].

Scraped text sometimes loses every digit (and apostrophes, hyphens, quotes) but keeps letters, spaces,
commas and periods. A deleted number leaves evidence: two spaces where one word stood (`of  provinces`),
a comma orphaned between spaces (`with , patients`: a number of thousands), a month with no day
(`on Feb  by`), an ordinal suffix with no number (`nd round`). Each gap also becomes a number span with
no value, so the count it belongs to is still extracted, with `missing` set.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..normalize import month_number
from ..triggers import triggers, word_set

SPAN_KEY = "gap"
ORDINAL_SUFFIXES = {"st", "nd", "rd", "th"}
SLOT_WORDS = {"of", "with", "than", "to", "over", "about", "nearly", "almost", "and", "by", "total", "sent",
              "some", "around", "least", "another", "all", "the", "has", "have", "had", "reported", "recorded",
              "including", "were", "are", "at", "from", "assist", "support", "help", "aid", "assigned",
              "totaling", "totalling", "dispatched", "mobilized", "rallied", "among", "for", "in", "on",
              "only", "further", "additional", "roughly", "approximately", "estimated", "up"}
LAYOUT_NEXT = ("http", "www", ".com", ".cn", ".org", ".net")


@Language.factory("aidfacts_gaps", assigns=["doc.spans"], requires=["doc.spans"], default_config={})
def make_gaps(nlp: Language, name: str) -> "GapFinder":
    return GapFinder()


class GapFinder:
    """Sets doc.spans["gap"] (label missing_number, span._.expected: count, thousands, day, ordinal, year),
    adds a value-less number span per count gap to doc.spans["number"], and a value-less date span per
    missing day to doc.spans["date"]. The gap span starts where the number stood."""

    def __init__(self):
        t = triggers()
        self.count_nouns = {w for words in t["nouns"].values() for w in words}
        self.qualifiers = sorted(((tuple(p.lower().split()), name) for name, phrases in t["qualifiers"].items()
                                  for p in phrases), key=lambda item: -len(item[0]))
        self.modifier_stop = word_set("noun_modifier_stop")

    def __call__(self, doc: Doc) -> Doc:
        gaps, numbers, dates = [], list(doc.spans.get("number", [])), list(doc.spans.get("date", []))
        for i, token in enumerate(doc):
            found = self.classify(doc, i)
            if found is None:
                continue
            expected, rule = found
            end = min(len(doc), i + 2)
            gap = Span(doc, i, end, label="missing_number", span_id=rule)
            gap._.expected = expected
            gap._.missing = True
            gaps.append(gap)
            if expected in ("count", "thousands"):
                start, qualifier = self.qualifier_before(doc, i)
                number = Span(doc, start, i + 1, label="number", span_id=rule)
                number._.missing = True
                number._.qualifier = qualifier
                numbers.append(number)
            elif expected == "day":
                date = Span(doc, i - 1, i + 1, label="date", span_id="date_month_missing_day")
                date._.missing = True
                dates.append(date)
        doc.spans[SPAN_KEY] = gaps
        doc.spans["number"] = sorted(numbers, key=lambda s: (s.start, s.end))
        doc.spans["date"] = sorted(dates, key=lambda s: (s.start, s.end))
        return doc

    def classify(self, doc: Doc, i: int) -> tuple[str, str] | None:
        token = doc[i]
        prev = doc[i - 1] if i > 0 else None
        nxt = doc[i + 1] if i + 1 < len(doc) else None
        if token.lower_ in ORDINAL_SUFFIXES and (prev is None or prev.whitespace_ or prev.is_space) \
                and nxt is not None and nxt.is_alpha:
            return "ordinal", "gap_ordinal_suffix"
        if token.text in (",", ".") and prev is not None and prev.whitespace_ and not prev.is_space \
                and token.whitespace_ and nxt is not None and (nxt.is_alpha or nxt.text == ","):
            if token.text == "," and not prev.is_punct and prev.is_alpha and month_number(prev.text) is None:
                return "thousands", "gap_orphan_comma"
            if token.text == "." and nxt.lower_ in ("million", "billion"):
                return "count", "gap_orphan_point"
        if token.text != " " or prev is None or nxt is None or prev.is_space or nxt.is_space:
            return None
        # exactly one extra space between two words: the place of one deleted word
        if any(nxt.lower_.startswith(p) or p in nxt.lower_ for p in LAYOUT_NEXT):
            return None
        if month_number(prev.text) is not None and not nxt.like_num:
            return "day", "gap_month_day"
        if nxt.is_punct or not nxt.is_alpha:
            return None
        if nxt.is_title and not self.counted_after(doc, i + 1):
            return None   # a new sentence or a name after layout spacing
        if self.counted_after(doc, i + 1):
            return "count", "gap_before_noun"
        if prev.lower_ in SLOT_WORDS and nxt.is_lower:
            return "count", "gap_after_quantifier"
        return None

    def counted_after(self, doc: Doc, j: int) -> bool:
        """A count noun within a few modifiers (`  medical personnel`, `  new confirmed cases`)."""
        for k in range(j, min(len(doc), j + 4)):
            low = doc[k].lower_
            if low in self.count_nouns:
                return True
            if low in self.modifier_stop or doc[k].is_punct or doc[k].is_space:
                return False
        return False

    def qualifier_before(self, doc: Doc, i: int) -> tuple[int, str]:
        for phrase, name in self.qualifiers:
            n = len(phrase)
            if i - n >= 0 and tuple(t.lower_ for t in doc[i - n: i]) == phrase:
                return i - n, name
        return i, "exact"
