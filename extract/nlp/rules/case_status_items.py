"""Case counts told by a status with no noun of their own: `308 cases in Jiangsu, 2 in critical condition and 8
cured`, `137 have been cured and discharged from hospital.`, `There are now 60 in critical condition.`"""
from __future__ import annotations

from spacy.tokens import Doc, Span

from extract.nlp.docindex import doc_index
from extract.nlp.rules.case_people import TEST_VERBS
from extract.nlp.rules.count_levels import LevelFinder, previous_count
from extract.nlp.rules.counting import AUXILIARIES, STATE_ADVERBS, Head
from extract.nlp.rules.relations import last_before, lower_words, sentence_start
from extract.nlp.triggers import word_set

STATUS_SENTENCE_REACH = 120   # tokens back to the case count that makes a bare `137 have been cured` a count
EXISTENTIAL_WORDS = word_set("existential_words")
EXISTENTIAL_REACH = 4   # words from `there` to the number (`There are currently still 60`)
STATUS_ITEM_FOLLOWERS = frozenset({"from", "after", "in", "on", "at", "by", "with", "and", "so", "since", "as",
                                   "while", "yesterday", "today", "upon"})
STATUS_LIST_MEMBERS = 5   # members of a list of statuses sharing one noun (`12 confirmed, 16 suspected and 3 severe cases`)


class StatusCounts(LevelFinder):
    """The heads of bare numbers whose status follows them."""

    def status_item(self, doc: Doc, number: Span, facts: list[Span]) -> Head | None:
        """`308 cases were reported in Jiangsu, 2 in critical condition and 8 cured and discharged`: a bare
        number joined to a case count of its sentence, its status right after it, counts cases too."""
        words = lower_words(doc)
        if number.start == 0 or words[number.start - 1] not in (",", "and", "with", "while", "whereas", ":"):
            return None
        previous = previous_count(facts, number.start, sentence_start(doc, number.start))
        if previous is None or previous.label_ != "case_count" or self.list_broken(doc, number, previous):
            return None
        j = number.end
        while j < len(doc) and j < number.end + 3 and (words[j] in AUXILIARIES or words[j] in ("more", *TEST_VERBS)):
            j += 1   # `8 have been cured`, `20 more were cured`, `six more testing positive`
        if j + 2 < len(doc) and words[j] == "in" and words[j + 2] in ("condition", "conditions"):
            return Head("case", "case_status_item", number.end)   # `2 in critical condition`
        if j >= len(doc) or words[j] not in self.any_status:
            return None
        while j < len(doc) and (words[j] in self.any_status or
                                (words[j] == "and" and j + 1 < len(doc) and words[j + 1] in self.any_status)):
            j += 1   # `8 cured and discharged`
        # the status ends the item (`8 cured and discharged from hospital`, `5 severe,`), it does not modify a
        # noun of something else (`14 critical care units`, `3 severe shortages`, `30 confirmed that ...`)
        index = doc_index(doc)
        if j < len(doc) and not (index.is_punct[j] or index.is_space[j] or words[j] in STATUS_ITEM_FOLLOWERS):
            return None
        return Head("case", "case_status_item", number.end)

    def status_sentence(self, doc: Doc, number: Span, facts: list[Span]) -> Head | None:
        """`137 have been cured and discharged from hospital.`, `There are now 60 in critical condition.`: a
        sentence that opens with a bare number (or `there are` and one) and a status, after case counts nearby,
        counts cases."""
        words, j = lower_words(doc), number.end
        start = sentence_start(doc, number.start)
        existential = words[start] == "there" and all(w in EXISTENTIAL_WORDS for w in words[start + 1: number.start])
        if start != number.start and not (existential and number.start - start <= EXISTENTIAL_REACH):
            return None
        if existential and j + 2 < len(doc) and words[j] == "in" and words[j + 2] in ("condition", "conditions"):
            j += 1   # `there are now 60 in critical condition`
        while j < len(doc) and j < number.end + 3 and (words[j] in AUXILIARIES or words[j] in STATE_ADVERBS or
                                                       words[j] == "more" or words[j] in TEST_VERBS):   # (`13 more`)
            j += 1
        if (j == number.end and not existential) or j >= len(doc) or words[j] not in self.any_status:
            return None
        before = last_before(facts, number.start, lambda f: f.label_ == "case_count",
                             floor=number.start - STATUS_SENTENCE_REACH)
        return Head("case", "case_status_sentence", number.end) if before is not None else None

    def status_list(self, doc: Doc, number: Span, numbers: list[Span], heads: dict) -> Head | None:
        """`12 confirmed and 16 suspected cases`, `12 confirmed, 16 suspected and 3 severe cases`: numbers each with
        their own status words, sharing the case noun of the last; each is a count of its own status."""
        words, texts, n = lower_words(doc), doc_index(doc).texts, len(doc)
        by_start = self.numbers_by_start(numbers)
        current, own_end = number, None
        for _ in range(STATUS_LIST_MEMBERS):
            j = current.end
            while j < n and j < current.end + 3 and (words[j] in self.any_status or words[j] in self.new_words):
                j += 1   # `confirmed`, `new suspected`
            if j == current.end or (words[j - 1] not in self.any_status):
                return None   # a member names its own status, last (`16 new suspected`, not `16 new`)
            own_end = own_end or j   # the fact is the number and its status words (`12 confirmed`)
            if j < n and texts[j] == ",":
                j += 1
            if j < n and words[j] in ("and", "or"):
                j += 1
            following = by_start.get(j)
            if following is None or j == current.end:
                return None
            head = heads.get(following.start)
            if head is not None:
                if head.noun_class != "case" or not any(w in self.any_status for w in words[following.end:head.end]):
                    return None   # the last member names its status too: `16 suspected cases`
                return Head("case", "count_status_list", own_end, head.modifiers, head.noun_end)
            current = following
        return None
