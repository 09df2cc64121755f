"""What a number counts: the noun after it, or a named pattern where the noun stands elsewhere."""
from __future__ import annotations

from spacy.tokens import Doc, Span

from extract.nlp.docindex import doc_index
from extract.nlp.rules.case_labels import LabelledCounts
from extract.nlp.rules.case_people import PeopleCounts
from extract.nlp.rules.case_status_items import StatusCounts
from extract.nlp.rules.count_clauses import WHOLE_DETERMINERS
from extract.nlp.rules.diseases import past_covid_gloss
from extract.nlp.rules.disease_effects import DiseaseEffects, taken_lives
from extract.nlp.rules.counting import AUXILIARIES, INCLUDING, MODIFIER_WINDOW, STATE_ADVERBS, Head
from extract.nlp.extensions import get
from extract.nlp.rules.relations import (clause_bounds, last_before, lower_words, possessive_owner, region_index,
                                         sentence_of, sentence_start, spans_in, token_texts)
from extract.nlp.rules.case_now import unless_forecast
from extract.nlp.rules.case_origins import OriginItems
from extract.nlp.rules.count_levels import borrow, previous_count
from extract.nlp.rules.each_place import after_count_each, places_after
from extract.nlp.rules.roll_calls import RollCalls, next_member
from extract.nlp.rules.place_lists import (YEAR, case_noun_before, counted_noun_after, counted_noun_before, in_bracketed_roll,
                                           person_from_place)
from extract.nlp.triggers import status_table, word_set

PATIENT_STATES = tuple(word_set("patient_states", "phrases"))
RANGE_LINKS = word_set("number_ranges", "links")
REGION_LIST_OPENERS = frozenset({":", ",", ";", "and", "("})   # what stands before each place of a list of places
NOUN_MODIFIERS = frozenset({"hospital", "home", "household", "cluster", "community"})   # `hospital discharges`
STATUS_REACH = 8   # words after a partitive's people to the status that makes them cases
OBSERVATION_REACH = 7   # `were released from close medical observation`
OBSERVATION_WORDS = frozenset({"contact", "contacts", "observation"})   # what under_observation looks for


WRAPPERS = word_set("count_wrappers")
# a lead that names no noun, only the whole of the count before: `Of all, 326 ...`, `Of the total, 12 ...`
WHOLE_LEADS = [lead.split() for lead in word_set("whole_leads")]


class HeadFinder(OriginItems, StatusCounts, PeopleCounts, LabelledCounts, RollCalls, DiseaseEffects):
    """Finds the Head of a number: `2,345 new confirmed cases` (count_noun), a list sharing its last member's
    noun (count_list), `324 of those` (count_partitive), `124 are medical workers` (count_copula), `Of the
    medical workers, 20,374` (count_partitive_lead), `Xiaogan (2,751)` (case_parenthetical), `Huanggang with
    2,141` (case_with_region), `cases, 2,436,` (case_apposition), `the death toll reached 2,850` (case_toll,
    count_reached), `bringing the total to 54,406` (count_total_to), `while Ezhou reported 51` (case_ellipsis),
    `including 1,200 to Huangshi` (count_including)."""

    wrappers = WRAPPERS
    remain_verbs = word_set("remain_verbs")
    remaining_states = tuple(word_set("remaining_states"))

    def find_head(self, doc: Doc, number: Span, in_region: set[int]) -> Head | None:
        """The counted noun after the number (noun_head); None for cases yet to be counted (`29 cases are about
        to be cured and discharged`, `will be discharged`): a forecast is no count of what happened."""
        return unless_forecast(doc, number, taken_lives(doc, number, self.noun_head(doc, number, in_region)),
                               self.classify_word)

    def borrowed_head(self, doc: Doc, number: Span, numbers: list[Span], heads: dict[int, Head],
                      facts: list[Span]) -> Head | None:
        """A noun stated elsewhere (borrowed_noun_head), but none for cases yet to be counted: `29 cases are
        about to be cured and discharged by March 2, 6 in Hefei` (each list member is a forecast too)."""
        return unless_forecast(doc, number, self.borrowed_noun_head(doc, number, numbers, heads, facts),
                               self.classify_word)

    def noun_head(self, doc: Doc, number: Span, in_region: set[int]) -> Head | None:
        """The counted noun after the number, over at most a few modifiers (`new confirmed`, `medical`,
        `Shandong`); None when a non-counted noun (tons, yuan, hospitals) or a break comes first."""
        # (the index's lists and the noun table read once: this runs for every number of every article)
        index = doc_index(doc)
        words, texts, n, noun_class = index.lower, index.texts, len(doc), self.noun_class
        j = number.end
        if j < n and texts[j] == "-":
            j += 1
        first = j
        for _ in range(MODIFIER_WINDOW):
            j = past_covid_gloss(words, j, first)   # `26 novel coronavirus (2019-nCoV) infection cases`
            if j >= n:
                return None
            low = words[j]
            if j in in_region:
                while j in in_region:
                    j += 1
                continue
            cls = noun_class.get(low)
            if cls is not None and j - 1 > number.end and texts[j - 1] == "-":
                if j + 1 < n and noun_class.get(words[j + 1]) == cls:
                    j += 1   # `157 coronavirus-infected cases`: the compound modifies the noun after it
                    continue
                return None   # `3 test-cluster-worker`: part of a compound, not the counted noun
            if cls is not None and j + 1 < n and texts[j + 1] == "-" and \
                    doc[j].whitespace_ == "":
                return None   # `one hospital infection-control group`: the noun modifies another
            if cls == "persons" and self.describes_staff(doc, j):
                j += 1   # `60 women doctors`: the staff noun after it is the counted one
                continue
            if cls is not None:
                while j + 1 < n and noun_class.get(words[j + 1]) == "personnel":
                    j, cls = j + 1, "personnel"
                return Head(cls, "count_noun", j + 1, (first, j), j + 1)
            if low in ("and", "or", "&", "/") and j > first and j + 1 < n and \
                    self.same_status(words[j - 1], words[j + 1]):
                j += 1   # `20 cured and discharged cases`: two words of one status (not `confirmed and suspected`)
                continue
            if low in self.wrappers and j + 2 < n and words[j + 1] == "of" and \
                    noun_class.get(words[j + 2]) != "team":
                j += 2   # `79,824 reports of confirmed cases`: the count is of what is reported
                continue
            compound = j + 1 < n and texts[j + 1] == "-"   # `prefecture-level cities`
            modifies_case = low in NOUN_MODIFIERS and j + 1 < n and noun_class.get(words[j + 1]) == "case"
            if ((low in self.singular_region and not compound) or low in self.not_counted) and not modifies_case:
                return None   # `12 hospitals`, but `417 new hospital discharges`
            if low in self.stop or (index.is_punct[j] and low != "-") or index.is_space[j] or index.like_num[j]:
                return None
            j += 1
        return None

    def borrowed_noun_head(self, doc: Doc, number: Span, numbers: list[Span], heads: dict[int, Head],
                           facts: list[Span]) -> Head | None:
        """A noun stated elsewhere: a list sharing its last member's noun, a partitive (`324 of those`), a copula
        (`124 are medical workers`), a leading partitive (`Of the medical workers, 20,374`), a parenthesis after a
        region (`Xiaogan (2,751)`), or a reached total (`the death toll reached 2,850`)."""
        end = number.end
        nxt = doc[end] if end < len(doc) else None
        # a range's low end: `10 to 13 suspected cases`, `between 20 and 30 new cases` count what the high end does
        high = self.range_high(doc, number, numbers)
        if high is not None and high.start in heads:
            head = heads[high.start]
            return Head(head.noun_class, "count_range", number.end, head.modifiers, head.noun_end)
        # a list: 202, 183, 176 and 114 new confirmed cases
        chain = self.list_chain(doc, number, numbers)
        if chain and self.level_before_a_clause(doc, number, chain):
            chain = []   # `The number of discharged patients reached 292, and 3 deaths were reported`: two clauses
        if chain and chain[-1].start in heads and chain[-1] is not number:
            head = heads[chain[-1].start]
            return Head(head.noun_class, "count_list", number.end, head.modifiers, head.noun_end)
        if not chain:   # `12 confirmed and 16 suspected cases`
            shared = self.status_list(doc, number, numbers, heads)
            if shared is not None:
                return shared
        item = self.list_item(doc, number, facts) or self.origin_item(doc, number, facts) or \
            self.roll_call(doc, number, facts) or self.roll_to_noun(doc, number, numbers, heads) or \
            self.other_group(doc, number, facts) or self.each_member(doc, number, facts) or \
            self.lead_whole(doc, number, facts) or self.others(doc, number, facts) or \
            self.change_start(doc, number, numbers, heads) or \
            self.status_item(doc, number, facts) or self.status_sentence(doc, number, facts) or \
            self.respective(doc, number, numbers, facts) or self.labelled(doc, number) or \
            self.remaining(doc, number) or self.lives(doc, number) or self.disease_verb(doc, number)
        if item is not None:
            return item
        if nxt is not None and nxt.lower_ == "of" and end + 1 < len(doc) and \
                lower_words(doc)[end + 1] in self.partitive:
            antecedent = previous_count(facts, number.start)
            if antecedent is not None and antecedent.start >= sentence_start(doc, number.start) and \
                    self.list_broken(doc, number, antecedent):
                antecedent = None   # `39,170 close contacts, 345 of whom`: the nearer number is what it counts
            # `All of the latest deaths were in Hubei and 10 of them`: a group of its own sentence, nearer than
            # the count of a sentence before
            group = None if last_before(facts, number.start, lambda f: True, floor=sentence_start(doc, number.start)) \
                else self.partitive_of_group(doc, number)
            if group is not None:
                return group
            if antecedent is not None:   # `10 deaths, seven of which`: deaths too, unless its own words say
                return Head(get(antecedent, "noun_class"), "count_partitive", end + 2,
                            (antecedent.start, antecedent.end), antecedent.end)
        head = self.partitive_of_noun(doc, number) or self.of_which(doc, number, facts)
        if head is not None:
            return head
        if nxt is not None and nxt.lower_ in self.copulas:
            j = end + 1
            is_punct = doc_index(doc).is_punct
            while j < len(doc) and j < end + 6 and not is_punct[j]:
                cls = self.classify_word(doc, j)
                if cls in ("case", "personnel"):
                    return Head(cls, "count_copula", end)
                j += 1
        lead = self.leading_partitive(doc, number, facts)
        if lead is not None:
            return Head(lead, "count_partitive_lead", end)
        rule = self.bare_after_region(doc, number) or self.apposition_to_cases(doc, number)
        if rule == "case_parenthetical" and person_from_place(doc, number):
            return None   # `a doctor from Wuhan (45)`: an age
        if rule == "case_parenthetical":
            noun = counted_noun_after(doc, number, self.classify_word, self.blocking)
            if noun is not None:   # `Huanggang (2,907) and Xiaogan (2,874) have the most cases`
                return Head("case", rule, end, noun, noun[1])
        if rule is not None:
            sent = sentence_of(doc, number.start)
            if last_before(facts, number.start, lambda f: f.label_ == "case_count", floor=sent.start):
                return Head("case", rule, end)
            if any(self.classify_word(doc, j) == "case" for j in range(sent.start, number.start)):
                noun = counted_noun_before(doc, number, self.classify_word) if rule == "case_parenthetical" else \
                    case_noun_before(doc, number, self.classify_word)   # `the most cases with 416`
                # `The cities with the most cases are Wuhan (1,500), Xiaogan (300)`: that noun's words
                return Head("case", rule, end, noun, noun[1]) if noun is not None else Head("case", rule, end)
        return self.reached_total(doc, number, facts) or self.increase(doc, number) or \
            self.earlier_level(doc, number, facts) or self.ellipsis(doc, number, facts)

    def list_item(self, doc: Doc, number: Span, facts: list[Span]) -> Head | None:
        """`Of the confirmed cases, 174 are in Hefei, 160 in Bengbu`, `37 new cases in Jiangsu, 4 in Nanjing`,
        `Hefei 12, Bengbu 3`: a bare number with its own region, in a list of cases (under a status lead-in, or
        after a case count of the same sentence)."""
        previous = previous_count(facts, number.start, sentence_start(doc, number.start))
        if previous is not None and previous.label_ == "personnel_count":
            # `60 persons from Tianjin, 44 from Jiangsu`: staff listed by where they come from
            region = self.scopes.list_item_region(doc, number, origins=True)
            if region is not None and number.end < len(doc) and lower_words(doc)[number.end] == "from":
                return Head("personnel", "staff_list_item", number.end, region=get(region, "value"))
            return None
        region = self.scopes.list_item_region(doc, number)
        if region is None and not self.scopes.unknown_list_place(doc, number) and \
                not places_after(doc, number, number.end, sentence_of(doc, number.start).end):
            return None   # (`five in each of Yichun and Fuzhou`: a member for each place, one fact per place)
        if (previous is None and self.scopes.leadin_at(doc, number.start) is None) or YEAR.fullmatch(number.text):
            return None   # (`Zhejiang 3 and Henan 2020`: a year, no member's count)
        if previous is not None and (previous.label_ != "case_count" or self.list_broken(doc, number, previous)):
            return None
        # an item in a place the gazetteer does not know (`3 in Dongfang`) is counted with no region
        return Head("case", "case_list_item", number.end, region=get(region, "value") if region else None)

    def range_high(self, doc: Doc, number: Span, numbers: list[Span]) -> Span | None:
        """The high end of the range this number is the low end of: the numbers component marks the two ends
        `over` and `under`, one link apart (`10 to 13`, `40-50`, `two or three`)."""
        if get(number, "qualifier") != "over" or number.end + 1 >= len(doc) or \
                lower_words(doc)[number.end] not in RANGE_LINKS:
            return None
        high = self.numbers_by_start(numbers).get(number.end + 1)
        return high if high is not None and get(high, "qualifier") == "under" else None

    def respective(self, doc: Doc, number: Span, numbers: list[Span], facts: list[Span]) -> Head | None:
        """`Wuhan reported 131 new cases, and the cities of Ezhou and Huangshi added two and one respectively`:
        bare numbers listed against places, after a case count of the same sentence."""
        sent = sentence_of(doc, number.start)
        if "respectively" not in lower_words(doc)[number.end: sent.end]:
            return None
        in_list = self.list_chain(doc, number, numbers) or any(
            number in self.list_chain(doc, other, numbers) for other in spans_in(numbers, sent.start, number.start))
        if not in_list:
            return None
        previous = previous_count(facts, number.start, sent.start)
        if previous is None or previous.label_ != "case_count":
            return None
        return Head("case", "case_respectively", number.end)

    def remaining(self, doc: Doc, number: Span) -> Head | None:
        """`27 remain in hospital`, `15 remained hospitalized`: people still ill, counted without a noun; and
        `33 were hospitalized`, `222 were admitted to hospitals`: people in hospital are patients."""
        words = lower_words(doc)
        j = number.end
        if j < len(doc) and words[j] in AUXILIARIES:
            while j < len(doc) and j < number.end + 3 and (words[j] in AUXILIARIES or words[j] in STATE_ADVERBS):
                j += 1
            following = " ".join(words[j: j + 5]) + " "
            if any(following.startswith(phrase + " ") for phrase in PATIENT_STATES):
                return Head("case", "case_patient_state", number.end)
            return None
        if j >= len(doc) or words[j] not in self.remain_verbs:
            return None
        following = " ".join(words[j + 1: j + 5])
        if not any(following.startswith(phrase) for phrase in self.remaining_states):
            return None
        return Head("case", "case_remaining", number.end)

    def others(self, doc: Doc, number: Span, facts: list[Span]) -> Head | None:
        """`171 were in severe condition and 96 others in critical condition`: `others` counts what the count
        before it in the sentence counted; `There are 5 new ones`, what the count before it (in that sentence
        or the one before) counted, with that count's noun for its status."""
        words = lower_words(doc)
        if number.end >= len(doc):
            return None
        if words[number.end] == "others":
            previous = previous_count(facts, number.start, sentence_start(doc, number.start))
            if previous is None:
                return None
            return Head(get(previous, "noun_class"), "count_others", number.end + 1)
        if "ones" not in words[number.end:number.end + 4]:
            return None
        j = number.end
        while j < len(doc) and j < number.end + 3 and (words[j] in self.any_status or words[j] in self.new_words):
            j += 1
        if j >= len(doc) or words[j] != "ones":
            return None
        sent = sentence_start(doc, number.start)
        previous = previous_count(facts, number.start, sent) or (
            previous_count(facts, number.start, sentence_start(doc, sent - 1)) if sent > 0 else None)
        if previous is None:
            return None
        return Head(get(previous, "noun_class"), "count_ones", j + 1, (previous.start, previous.end), previous.end)

    def under_observation(self, doc: Doc, head: Head) -> bool:
        """People put under or released from medical observation are close contacts, not cases: `383 cases
        under close medical observation`, `6,584 people were discharged from medical observation`; unless
        the count says what cases they are (`548 asymptomatic cases still under medical observation`)."""
        lows = lower_words(doc)
        words = lows[head.end: head.end + OBSERVATION_REACH]
        if OBSERVATION_WORDS.isdisjoint(words):
            return False   # (most counts: no contact or observation after them)
        lo, hi = head.modifiers if head.rule == "count_noun" else (head.end, head.end)
        if not self.any_status.isdisjoint(lows[lo:hi]) or "asymptomatic" in lows[lo:hi]:
            return False
        if any(w in ("contact", "contacts") and words[k - 1] == "close" for k, w in enumerate(words[:5]) if k):
            return True   # `8,620 people who had had close contact with infected patients`: contacts
        return any(w == "observation" and words[k - 1] == "medical" for k, w in enumerate(words) if k)

    def same_status(self, first: str, second: str) -> bool:
        """Two words of one status: `cured and discharged` (recovered), not `confirmed and suspected`; or of one
        group of statuses (`severe and critical`, data/triggers.json `status_unions`)."""
        if any(first in words and second in words for words in self.status_words.values()):
            return True
        table = status_table()
        pair = {table.by_word.get(first), table.by_word.get(second)}
        return None not in pair and any(pair <= members for members, _ in table.unions)

    def level_before_a_clause(self, doc: Doc, number: Span, chain: list[Span]) -> bool:
        """A level reached (`reached 292`) and the count after `, and` begin two clauses, not one list."""
        words = lower_words(doc)
        if chain[0] is not number or number.start == 0 or words[number.start - 1] not in self.reach:
            return False
        between = words[number.end: chain[1].start]
        if between == [",", "and"]:
            return True
        # `Cases rose to 500 and 3 patients died`, `the toll at 3,305 and 76,052 recoveries`: a level's own noun
        level = self.reached_total(doc, number, []) if between[:1] == ["and"] and len(chain) == 2 else None
        return level is not None and level.rule in ("count_reached", "case_toll")

    def partitive_of_noun(self, doc: Doc, number: Span) -> Head | None:
        """`Two of the new patients are in serious condition`, `7 of the 9 confirmed cases`, `930 of its 935
        patients`, `Fourteen of the 17 cities`, `16 out of 17 cases`: part of a group counts what the group is."""
        words = lower_words(doc)
        j = number.end
        if j + 3 < len(doc) and words[j: j + 2] == ["out", "of"] and doc_index(doc).like_num[j + 2]:
            first = j + 3   # `16 out of 17 confirmed cases`
        elif j + 2 < len(doc) and words[j] == "of" and (owner := region_index(doc).by_start.get(j + 1)) is not None \
                and possessive_owner(doc, owner.end) is owner:
            first = owner.end + 1   # `2,662 of Huanggang's residents have been infected`
        elif j + 2 >= len(doc) or words[j] != "of" or words[j + 1] not in WHOLE_DETERMINERS:
            return None
        else:
            first = j + 2
        for k in range(first, min(len(doc), first + MODIFIER_WINDOW)):
            cls = self.classify_word(doc, k)
            # `three of the doctors` is no team's size; `2,662 of the residents` counts people (cases if a status)
            if cls in ("case", "region_city", "region_province") or (cls == "people" and self.status_follows(doc, k + 1)):
                return Head(cls, "count_partitive_noun", k + 1, (first, k), k + 1)
            if cls is not None:
                return None
            if doc_index(doc).is_punct[k] or words[k] in self.stop or words[k] in self.not_counted:
                return None
        return None

    def status_follows(self, doc: Doc, j: int) -> bool:
        """A case status in the few words from j (`... residents have been infected`): people counted as cases."""
        return not self.any_status.isdisjoint(lower_words(doc)[j: j + STATUS_REACH])

    def of_which(self, doc: Doc, number: Span, facts: list[Span]) -> Head | None:
        """`a total of 34 patients, of which 32 were critically ill`: a part of the count just before."""
        words = lower_words(doc)
        if number.start < 2 or words[number.start - 2] not in ("of", "among") or \
                words[number.start - 1] not in ("which", "whom", "them"):
            return None
        return borrow(previous_count(facts, number.start, sentence_start(doc, number.start)), "count_of_which",
                      number)

    def ellipsis(self, doc: Doc, number: Span, facts: list[Span]) -> Head | None:
        """`Jingmen reported 23 new confirmed cases, while Ezhou reported 51`, `sent 2,800 medical workers to
        Hubei, including 1,200 to Huangshi`: the noun of the count before, in the same sentence."""
        before = lower_words(doc)[number.start - 1] if number.start else ""
        if before in INCLUDING:
            return self.including_origin(doc, number, facts) or \
                borrow(previous_count(facts, number.start, sentence_start(doc, number.start)), "count_including",
                       number) or self.included_by_subject(doc, number)
        if before not in self.report_verbs:
            return None
        after = doc[number.end] if number.end < len(doc) else None
        if after is not None and not (after.is_punct or after.is_space) and not after_count_each(doc, number.end) \
                and not next_member(doc, number.end):
            return None   # (`while Hunan and Henan reported 5 each`: the places' own count, each)
        previous = previous_count(facts, number.start, sentence_start(doc, number.start))
        if previous is None or previous.label_ != "case_count":
            return None
        return borrow(previous, "case_ellipsis", number)

    def leading_partitive(self, doc: Doc, number: Span, facts: list[Span]) -> str | None:
        """`Of the medical workers, 20,374 ...`; `Of them, 1,638 ...` takes what the count before counted."""
        sent_start = sentence_start(doc, number.start)
        words = lower_words(doc)
        if number.start - sent_start < 3 or words[sent_start] not in ("of", "among") or \
                token_texts(doc)[number.start - 1] != ",":
            return None
        for i in range(sent_start, number.start):
            cls = self.classify_word(doc, i)
            if cls in ("personnel", "case"):
                return cls
        whole = words[sent_start + 1: number.start - 1]
        if words[sent_start + 1] in self.partitive or whole in WHOLE_LEADS:
            # `Of them, 1,638 ...`, `Of all, 326 have been discharged`: the whole is the count before
            antecedent = previous_count(facts, number.start)
            return get(antecedent, "noun_class") if antecedent is not None else None
        return None

    @staticmethod
    def bare_after_region(doc: Doc, number: Span) -> str | None:
        """`Xiaogan (2,751)`, `followed by Huanggang with 2,141.`: a number with no noun right after a region,
        in a sentence about cases."""
        if number.start < 2:
            return None
        before = lower_words(doc)[number.start - 1]
        after = token_texts(doc)[number.end] if number.end < len(doc) else "."
        region = region_index(doc).by_end.get(number.start - 1)
        if region is None and before == "with" and token_texts(doc)[number.start - 2] == ",":
            region = region_index(doc).by_end.get(number.start - 2)   # `Wuhan, with 1,200, and Xiaogan, with 300`
        if region is None and in_bracketed_roll(doc, number):
            return "case_parenthetical"   # `2,000 new cases (Wuhan 1,500, Xiaogan 300)`
        if region is None:
            # a head's part in brackets, place first: `3,216 deaths (Wuhan 2,575)`
            region = region_index(doc).by_end.get(number.start)
            if region is not None and after == ")" and region.start > 0 and \
                    lower_words(doc)[region.start - 1] == "(":
                return "case_parenthetical"
            return None
        if before == "(" and after == ")":
            return "case_parenthetical"
        if before == "with" and (after in (",", ".", ";", ")") or after == "and"):
            return "case_with_region"
        if before == "," and after in (",", ".", ";") and region.start > 0 and \
                lower_words(doc)[region.start - 1] in REGION_LIST_OPENERS:
            # a list of places, each set off with its number: `cities with more than 3,000 cases: Xiaogan, 3,279,
            # and Huanggang, 3,014`
            return "case_region_apposition"
        return None

    def apposition_to_cases(self, doc: Doc, number: Span) -> str | None:
        """`Xiaogan had the most cases, 2,436, followed by ...`: a number set off after a case noun."""
        if number.start < 2 or token_texts(doc)[number.start - 1] not in (",", "with") or number.end >= len(doc):
            return None   # (`Shenzhen has the most cases with 416, followed by ...`)
        if token_texts(doc)[number.end] in (",", ".", ";") and self.classify_word(doc, number.start - 2) == "case":
            return "case_apposition"
        return None

    def staff_infected(self, doc: Doc, number: Span, head: Head) -> bool:
        """Staff counted as cases: `1,716 medical workers had been infected`, `the number of infected medics
        reached 1,502`, `20 doctors died`: an infection or death word on the staff noun."""
        words = lower_words(doc)
        infected = self.status_words["confirmed"] | self.status_words["death"] | self.status_words["suspected"]
        lo, hi = head.modifiers if head.rule != "count_noun" else (number.end, head.end)
        if head.rule == "count_reached":
            start, _ = clause_bounds(doc, number.start)
            lo, hi = start, number.start
        if not infected.isdisjoint(words[lo:hi]):
            return True
        after = words[head.end: head.end + 4]
        if head.rule == "count_noun" and not infected.isdisjoint(
                [w for w in after if w not in AUXILIARIES][:1]):
            return True
        # `Over 3,000 medical workers in Hubei have been infected`: the verb after the staff's place
        return head.rule == "count_noun" and self.predicate_status(doc, head.end, infected)

    def counts_supplies(self, doc: Doc, head: Head) -> bool:
        """`12 batches of medical equipment and supplies` counts goods, not medical teams."""
        j = head.end
        if j < len(doc) and lower_words(doc)[j] == "of":
            window = lower_words(doc)[j + 1: j + 5]
            return any(w in self.supply for w in window)
        return False
