"""Lists of case counts: a list's members take the period and status of the count that heads it, down the list,
across a stray full stop or a lost comma; and plain `cases` of the disease that no list gives a status are
confirmed cases (run once all counts of a document are made)."""
from __future__ import annotations

from spacy.tokens import Doc, Span

from extract.nlp.docindex import doc_index
from extract.nlp.extensions import get, put
from extract.nlp.rules.case_now import is_current, mark_current
from extract.nlp.rules.counting import AUXILIARIES, Head
from extract.nlp.rules.relations import (rule_of, clause_bounds, last_before, lower_words, region_index, sentence_index,
                                         sentence_start, spans_in, spans_of, token_texts)
from extract.nlp.triggers import status_table, word_set

LIST_GAP = 10            # tokens between a list's members (`cases in Xinyang City (including 31 cases in Gushi County),`)
INFECTION_STATUSES = frozenset({"confirmed", "suspected", "severe", "critical", "unspecified"})
CASE_NOUNS = frozenset({"case", "cases", "infection", "infections"})   # plain cases of the disease
HELD_NOW = word_set("current_counts", "modifiers")   # `active`, `existing`, `remaining` cases
LEVEL_REACH = 7   # words from `the number of` to its noun (`the number of locally-transmitted cases`)
LEVEL_WORDS = frozenset({"number", "total", "tally", "count"})   # what names a level's noun: `the number of cases`
SUBJECT_DETERMINERS = frozenset({"the", "its", "their", "total"})   # before a level's noun that is its subject
EXISTENTIAL = frozenset({"there"})   # `There were 11 cases, ...`: a list going on after a stray full stop
PLACE_UNITS = frozenset({"city", "prefecture", "county", "district", "province", "area", "region"})
REPORTED_KEY = "aidfacts_reported_case"   # doc.user_data marks of the counts of plain `cases` of the disease
WHOLE_KEY = "aidfacts_roll_call_whole"   # marks of the whole count a roll call parts (its characters)
TALLY_KEY = "aidfacts_roll_call_tally"   # marks of a bare roll call's standing tallies (`Shenzhen has 416, ...`)
STATUSES = status_table()
LIST_PART_RULES = frozenset({"case_list_item", "count_partitive_lead", "case_roll_call"})   # members of a partition
UNCONFIRMED_WORDS = word_set("unconfirmed_case_words")   # cases that are no confirmed cases (`asymptomatic`)
# the words of a lead-in that name nothing of its cases (`Among the imported cases,`: `imported` is named)
LEAD_FILLERS = frozenset({"of", "among", "the", "these", "those", "all", ",", "cases", "case", "patients", "in",
                          "them", "total"})
LEAD_REACH = 80   # tokens back from a lead-in to the count it repeats


RATE_MARKS = word_set("rate_marks")   # what makes a number a rate (`5.08%`, `2 percent`)


def is_rate(texts: list[str], j: int) -> bool:
    """Token j is a number read as a rate: a percent sign or word follows it."""
    return j + 1 < len(texts) and texts[j + 1].lower() in RATE_MARKS


class CaseLists:
    """The list passes of CaseRelations (which gives them `scopes`, `words_after`, `counts_cases`)."""

    def lead_antecedent(self, doc: Doc, lead, facts: list[Span]) -> Span | None:
        """`China reported 30 new imported cases. Among the imported cases, Beijing 5, ...`: a lead-in that names
        no status but repeats the words of the case count just before (`imported`), or names nothing (`Of all the
        cases,`), is about that count's cases, which give its members their status and period."""
        words = lower_words(doc)
        first = sentence_start(doc, lead.start)
        named = [w for w in words[first:lead.start] if w not in LEAD_FILLERS and not w.isspace()]
        antecedent = last_before(facts, first, lambda f: f.label_ == "case_count", floor=first - LEAD_REACH)
        if antecedent is None or get(antecedent, "status") in (None, "unspecified"):
            return None
        said = set(words[antecedent.start: antecedent.end + 2])
        return antecedent if set(named) <= said else None

    def share_list_period(self, doc: Doc, facts: list[Span]) -> None:
        """`1638 new cases, including 1104 cases in Wuhan, 109 cases in Xiaogan`, `1272 cases as of Feb 28.
        Among them, 274 cases in Xinyang`: members of a list that state no period (or no status) have their
        head's (run once all counts are made, in text order, so that it runs down the list). A count of plain
        `cases` of the disease that no list gives a status is a confirmed one."""
        previous, previous_in_list, before, roll = None, False, None, None
        by_chars = {(f.start_char, f.end_char): f for f in facts}
        for fact in facts:
            if fact.label_ != "case_count":
                continue
            if get(fact, "period") is None and is_tally(fact):
                put(fact, "period", "total")   # `Shenzhen has 416, Guangzhou 339, ...`: each place's tally
            joined = previous is not None and self.joined_in_list(doc, previous, fact, previous_in_list)
            if joined and get(fact, "period") is None and not is_current(fact):
                put(fact, "period", get(previous, "period"))
                if is_current(previous):
                    mark_current(fact)
            elif get(fact, "period") is None and previous is not None and self.partition_goes_on(doc, previous, fact):
                put(fact, "period", get(previous, "period"))   # `... eight in Shanghai. Tianjin and Gansu each
                # reported one case.`: the places that had one each go on with the list of parts before
            roll = self.roll_call_period(fact, roll, joined, by_chars)
            same_list = joined and "among" not in lower_words(doc)[previous.end: fact.start]   # `Among them,`: any
            if get(fact, "status") == "unspecified":
                if same_list and self.takes_head_status(doc, fact, previous, previous_in_list, before):
                    put(fact, "status", get(previous, "status"))   # `94 new deaths, including 72 in Wuhan, 2 in ...`
                elif is_reported(fact):
                    put(fact, "status", "confirmed")   # `33,366 cases of the disease`, `5 imported cases`
            previous, previous_in_list, before = fact, joined, previous

    @staticmethod
    def partition_goes_on(doc: Doc, previous: Span, fact: Span) -> bool:
        """A count stated for each of several places (`Tianjin, Liaoning and Gansu each reported one case`) in the
        sentence right after a list of parts of a count (`Of them, 14 were in Guangdong, eight in Shanghai.`), in
        the same paragraph, with its status: the same partition goes on."""
        return bool(get(fact, "places")) and rule_of(previous) in LIST_PART_RULES and \
            get(fact, "status") in (get(previous, "status"), "unspecified") and \
            sentence_start(doc, fact.start) == sentence_index(doc).bounds(previous.start)[1] and \
            "\n" not in doc[previous.end: fact.start].text

    @staticmethod
    def roll_call_period(fact: Span, roll: Span | None, joined: bool, by_chars: dict) -> Span | None:
        """`2,000 new cases. Of the total, Wuhan reported 1,200, Xiaogan 300`: a roll call's first member has
        the period of the whole it parts, and its members the first member's, whatever their clause's words
        say (`the total` names the whole, not the members' period). Returns the roll call the fact goes on."""
        rule = rule_of(fact)
        if rule == "case_roll_call":
            whole = by_chars.get(fact.doc.user_data.get((WHOLE_KEY, fact.start_char, fact.end_char)))
            if whole is not None and get(whole, "period") is not None:
                put(fact, "period", get(whole, "period"))
            return fact
        if roll is None or not joined or rule != "case_list_item":
            return None
        if get(roll, "period") is not None:
            put(fact, "period", get(roll, "period"))
        return roll

    def takes_head_status(self, doc: Doc, fact: Span, head: Span, head_in_list: bool, before: Span | None) -> bool:
        """A list member takes the status of the count before it: a number alone or plain `cases` under
        infections (says_no_status); and plain `cases` under deaths or recoveries where the list has been
        handing that status down (`72 in Wuhan, 2 in Qianjiang. 1 case in Huangshi`) or where it is a part no
        bigger than its whole (`90 new deaths, including 70 cases in Wuhan`; not `2,000 new cases and 90 new
        deaths, including 1,500 cases in Wuhan`)."""
        if self.says_no_status(doc, fact, head):
            return True
        words = lower_words(doc)[fact.start + 1: fact.end]
        if not words or not all(w in ("case", "cases") for w in words):
            return False
        if head_in_list and before is not None and get(before, "status") == get(head, "status"):
            return True
        value, whole = get(fact, "value"), get(head, "value")
        return self.scopes.opens_subcount(doc, fact) and value is not None and whole is not None and value <= whole

    def reports_cases(self, doc: Doc, number: Span, head: Head) -> bool:
        """`33,366 cases of the disease`, `5 imported cases`, `11 imported infections`: cases of the disease, which
        a health authority counts once confirmed; not asymptomatic infections nor fever cases."""
        if not self.counts_cases(doc, number, head):
            return False
        lo, hi = self.noun_phrase(head, number)
        return UNCONFIRMED_WORDS.isdisjoint(lower_words(doc)[lo: hi] + self.words_after(doc, hi))

    def reaches_cases(self, doc: Doc, number: Span, head: Head) -> bool:
        """`That brings the total number of cases in the province to 13,522`, `the number of imported cases
        reached 364`: a level of plain cases of the disease is of confirmed ones, as a count's own `cases` are;
        not a level of patients, deaths or asymptomatic infections."""
        if head.rule == "place_tally":
            return True   # `Beijing's tally rose to 436`: a place's own tally is of its cases
        if head.rule != "count_reached" or head.noun_end is not None:
            return False
        start, lows = clause_bounds(doc, number.start)[0], lower_words(doc)
        j = next((j for j in range(number.start - 1, start - 1, -1) if self.noun_class.get(lows[j]) == "case"), None)
        if j is None or lows[j] not in CASE_NOUNS:
            return False
        named = lows[max(start, j - LEVEL_REACH): j]
        if set(lows[start: j]) <= SUBJECT_DETERMINERS:
            return True   # `Cases in Hubei rose to 2,000`: plain cases, the clause's subject, reached the level
        # the level's own noun (`the number of cases`), not another count's (`These 2 new cases bring to 4 the ...`)
        return not LEVEL_WORDS.isdisjoint(named) and UNCONFIRMED_WORDS.isdisjoint(named) and \
            HELD_NOW.isdisjoint(named)   # `the number of active cases fell to 3,000`: held now, no status said

    def says_no_status(self, doc: Doc, fact: Span, head: Span) -> bool:
        """A member that may take its head's status: a number alone (`72 in Wuhan`), or plain `cases` under a
        head of infections (`13 confirmed cases in A, 29 cases in B`); not `cases` under deaths or recoveries
        (`105 new deaths, including 1,921 cases in Wuhan`)."""
        words = lower_words(doc)[fact.start + 1: fact.end]
        if not words or not doc_index(doc).is_alpha[fact.start + 1]:
            return True
        return all(w in ("case", "cases") for w in words) and get(head, "status") in INFECTION_STATUSES

    def joined_in_list(self, doc: Doc, previous: Span, fact: Span, previous_in_list: bool = False) -> bool:
        """The next member of a list after a count: a few words on, past a comma, `and`, `including` or a
        pronoun lead-in (`Among them,`), with no number and no verb of its own between."""
        between = lower_words(doc)[previous.end: fact.start]
        if len(between) > LIST_GAP:
            return False
        opening = fact.start
        if len(between) >= 3 and between[-2] in EXISTENTIAL and between[-3] == ".":
            between, opening = between[:-2], fact.start - 2   # `... and Shiyan. There were 11 cases, 11 cases in`
        if previous_in_list and between[-1:] == ["."] and sentence_start(doc, fact.start) == opening and \
                self.words_verbless(between) and self.words_verbless(self.words_after(doc, fact.end)):
            return True   # a list broken by a full stop: `and 71 cases in Ezhou City. 66 cases in Huanggang City, ...`
        if self.lost_comma(doc, previous, fact) and self.words_verbless(self.words_after(doc, fact.end)):
            return True   # `12 cases in Yichang City 10 cases in Xianning City`: a translation lost the comma
        dates = spans_in(spans_of(doc, "date"), previous.end - 1, fact.start)
        like_num = doc_index(doc).like_num
        texts = token_texts(doc)
        if any(like_num[j] and not any(d.start <= j < d.end for d in dates) and not is_rate(texts, j)
               for j in range(previous.end, fact.start)):
            return False   # (a member's rate between members is no number of the list: `10 in Tianmen, 5.08%, 608`)
        if not ({",", "and", "including", "("} & set(between)) and "among" not in between:
            return False
        return self.words_verbless(between) and self.words_verbless(self.words_after(doc, fact.end))

    @staticmethod
    def lost_comma(doc: Doc, previous: Span, fact: Span) -> bool:
        """Only the previous member's own place stands between two members (`12 cases in Yichang City 10 cases
        in Xianning City`): `in`, a region the gazetteer knows and maybe its unit."""
        words, in_region = lower_words(doc), region_index(doc).tokens
        if fact.start - previous.end < 2 or words[previous.end] != "in" or previous.end + 1 not in in_region:
            return False
        return all(j in in_region or words[j] in PLACE_UNITS for j in range(previous.end + 1, fact.start))

    @staticmethod
    def words_verbless(words: list[str]) -> bool:
        return AUXILIARIES.isdisjoint(words) and {"reported", "recorded"}.isdisjoint(words)

    def share_list_status(self, doc: Doc, facts: list[Span]) -> None:
        """`Five patients in Hong Kong, six in Macao and two in Taiwan have been discharged`: the status the
        list's last item states after it is every member's that states none (run once all counts are made)."""
        run: list[Span] = []
        for fact in facts + [None]:
            if fact is not None and fact.label_ == "case_count" and run and self.continues_run(doc, run[-1], fact):
                run.append(fact)
                continue
            if len(run) > 1:
                own = self.words_after(doc, run[-1].end)
                status = STATUSES.first(own)
                if status is not None:
                    for member in run[:-1]:
                        if get(member, "status") == "unspecified":
                            put(member, "status", status)
            run = [fact] if fact is not None and fact.label_ == "case_count" else []

    @staticmethod
    def continues_run(doc: Doc, previous: Span, fact: Span) -> bool:
        """The next member of a list: a list item of the same sentence, a few words after the one before, past
        a comma or `and` and no other number."""
        if rule_of(fact) != "case_list_item" or fact.start - previous.end > 8:
            return False
        if sentence_start(doc, fact.start) != sentence_start(doc, previous.start):
            return False
        between = lower_words(doc)[previous.end: fact.start]
        return ("," in between or "and" in between) and not any(doc_index(doc).like_num[previous.end: fact.start])


def mark_reported(fact: Span) -> None:
    fact.doc.user_data[(REPORTED_KEY, fact.start_char, fact.end_char)] = True


def is_reported(fact: Span) -> bool:
    return bool(fact.doc.user_data.get((REPORTED_KEY, fact.start_char, fact.end_char)))


def mark_tally(number: Span) -> None:
    number.doc.user_data[(TALLY_KEY, number.start_char, number.end_char)] = True


def is_tally(fact: Span) -> bool:
    return bool(fact.doc.user_data.get((TALLY_KEY, fact.start_char, fact.end_char)))


def mark_whole(number: Span, whole: Span) -> None:
    number.doc.user_data[(WHOLE_KEY, number.start_char, number.end_char)] = (whole.start_char, whole.end_char)
