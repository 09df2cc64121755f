"""Counts of people named by what they are not (`people`, `residents`) or by who they are (`children`, `women`):
cases when an infection is said of them, staff when the sentence sends teams (`people` only), else nothing."""
from __future__ import annotations

from spacy.tokens import Doc, Span

from extract.nlp.docindex import doc_index
from extract.nlp.rules.counting import AUXILIARIES, STATE_ADVERBS, CountWords, Head
from extract.nlp.rules.relations import lower_words, region_index, sentence_of, token_texts
from extract.nlp.triggers import word_set

PREDICATE_REACH = 20   # tokens from a counted noun to the verb after a list of places
POPULATION_NOUNS = frozenset({"residents", "citizens", "inhabitants", "dwellers", "villagers", "locals"})
AFFLICTION_VERBS = word_set("affliction", "verbs")
DISEASE_WORDS = word_set("affliction", "diseases")
DISEASE_REACH = 4      # words from `afflicted` to the disease (`afflicted with the novel coronavirus`)
STAFF_NOUN_REACH = 3   # words from `women` to the staff noun it describes (`60 women medical workers`)
NOT_STAFF_VERBS = word_set("people_not_staff", "verbs")
NOT_STAFF_MODIFIERS = word_set("people_not_staff", "modifiers")
ABROAD = word_set("people_not_staff", "abroad")
GROUP_REACH = 25        # tokens back from `N of them` to the group it is part of
GROUP_MODIFIERS = 4     # words before the group's noun that describe it (`the latest deaths`)
GROUP_STOPS = frozenset({"the", "these", "those", "all", "of", "among", "and", "were", "was", "are", "is"})
MOVED_REACH = 4   # words from the verb to the number (`transporting a total of 4,004 people`)


TEST_VERBS = word_set("test_verbs")   # `tested positive`: the result is the status


class PeopleCounts(CountWords):
    """Resolves the counted nouns of classes `people` and `persons` (data/triggers.json nouns)."""

    def resolve_people(self, doc: Doc, number: Span, head: Head) -> str | None:
        """`people` are cases when a status word follows (`83,380 people have been infected`), staff when
        the sentence sends or forms teams (`nine medical teams, including 1,385 people`)."""
        words = lower_words(doc)
        after = [w for w in words[head.end: head.end + 5] if w not in AUXILIARIES and w not in STATE_ADVERBS
                 and w not in ("who", "that") and w not in TEST_VERBS][:1]   # `3,255 people who died of the
        # disease`, `six people tested positive`
        if after == ["with"]:
            after = words[head.end + 1: head.end + 3]   # `9,128 people with serious symptoms`
        nearby = words[max(0, number.start - 2): number.start] + after
        if not self.any_status.isdisjoint(nearby) or self.predicate_status(doc, head.end):
            return "case"   # `83,380 people have been infected`, not `136 people to treat severe patients`
        if words[head.end - 1] in POPULATION_NOUNS:
            return None     # `a megacity of 11 million residents ... and medics`: never staff
        sent = sentence_of(doc, number.start)
        others = [i for i in range(sent.start, sent.end) if i != head.end - 1]
        if any(self.noun_class.get(words[i]) in ("team", "personnel") and not self.not_staff_noun(doc, i)
               for i in others):
            return "personnel"   # `nine medical teams, including 1,385 people`
        if any(words[i] in self.send_verbs for i in others) and not self.moved_people(doc, number) and \
                not self.from_abroad(doc, sent.start, sent.end):
            return "personnel"   # but `sent trains home, transporting a total of 4,004 people`: people carried;
        return None              # `311 people flew from Iran to Lanzhou`: travellers

    @staticmethod
    def from_abroad(doc: Doc, start: int, end: int) -> bool:
        """`from abroad`, `from overseas`, or `from` a capitalised name that is no region and no institution's
        first word (`from Iran`, not `from Wuhan`, `from Peking Union Medical College Hospital`)."""
        index = doc_index(doc)
        words, texts = index.lower, index.texts
        regions = region_index(doc).by_start
        for i in range(start, end - 2):
            if words[i] != "from":
                continue
            j = i + 1
            if words[j] in ABROAD:
                return True
            if texts[j][:1].isupper() and j not in regions and not texts[j + 1][:1].isupper() and \
                    texts[j + 1] not in ("'s", "’s"):
                return True
        return False

    @staticmethod
    def moved_people(doc: Doc, number: Span) -> bool:
        """`transporting a total of 4,004 people`, `screened 3,000 residents`: the verb just before the number
        moves, serves or checks the people (data/triggers.json people_not_staff)."""
        words = lower_words(doc)
        return any(w in NOT_STAFF_VERBS for w in words[max(0, number.start - MOVED_REACH): number.start])

    @staticmethod
    def not_staff_noun(doc: Doc, j: int) -> bool:
        """`migrant workers`, `passenger workers`: a staff-like noun whose modifier says they are no medical or
        support staff sent to help."""
        return j > 0 and lower_words(doc)[j - 1] in NOT_STAFF_MODIFIERS

    def resolve_persons(self, doc: Doc, number: Span, head: Head) -> str | None:
        """`1,200 children have been infected`, `1200 children under the age of 5 are afflicted with COVID-19`:
        people named by who they are count cases when an infection is said of them, and nothing else (a team's
        women are counted as its staff, never apart from it)."""
        if self.resolve_people(doc, number, head) == "case" or self.afflicted(doc, head.end):
            return "case"
        return None

    def afflicted(self, doc: Doc, j: int) -> bool:
        """`are afflicted with COVID-19`, `have contracted the virus`: a verb of falling ill, then the disease
        (`afflicted with poverty`, `stricken with grief` are not), in the clause after the counted noun."""
        words, texts = lower_words(doc), token_texts(doc)
        end = min(len(doc), j + PREDICATE_REACH)
        while j < end and texts[j] not in (".", ";", ":") and words[j] not in AFFLICTION_VERBS:
            j += 1
        return j < end and words[j] in AFFLICTION_VERBS and \
            not DISEASE_WORDS.isdisjoint(words[j + 1: j + 1 + DISEASE_REACH])

    def describes_staff(self, doc: Doc, j: int) -> bool:
        """`60 women doctors`, `20 women medical workers`: who the staff are, not the counted noun."""
        return any(self.classify_word(doc, k) in ("personnel", "team")
                   for k in range(j + 1, min(len(doc), j + 1 + STAFF_NOUN_REACH)))

    def predicate_status(self, doc: Doc, j: int, statuses: frozenset | None = None) -> bool:
        """`Five individuals in Beijing, one in Shanghai and 14 in Guangdong have also been diagnosed`: the
        verb after a list of places says what the people are."""
        words, texts = lower_words(doc), token_texts(doc)
        end = min(len(doc), j + PREDICATE_REACH)
        while j < end and words[j] not in AUXILIARIES:
            if texts[j] in (".", ";", ":") or words[j] in self.send_verbs:
                return False
            j += 1
        verb = [w for w in words[j: j + 5] if w not in AUXILIARIES and w not in STATE_ADVERBS][:1]
        return j < end and not (statuses or self.any_status).isdisjoint(verb)

    def partitive_of_group(self, doc: Doc, number: Span) -> Head | None:
        """`All of the latest deaths were in Hubei and 10 of them were in Wuhan`: `N of them` counts the group its
        sentence named before it when no count stands there, as long as that group is cases of the disease or
        people in a status (`the discharged patients`), not staff or things."""
        words, index = lower_words(doc), doc_index(doc)
        start = sentence_of(doc, number.start).start
        for j in range(number.start - 1, max(start, number.start - GROUP_REACH) - 1, -1):
            if index.like_num[j]:
                return None   # a number stands nearer: the partitive is its (or nobody's) part
            cls = self.noun_class.get(words[j])
            if cls in ("personnel", "team", "people", "persons"):
                return None
            if cls != "case":
                continue
            lo = j
            while lo > start and lo > j - GROUP_MODIFIERS and words[lo - 1] not in GROUP_STOPS and \
                    not index.is_punct[lo - 1]:
                lo -= 1
            phrase = words[lo: j + 1]
            if words[j] in ("case", "cases", "infections") or self.any_status.intersection(phrase):
                return Head("case", "count_partitive", number.end + 2, (lo, j + 1), j + 1)
            return None
        return None

