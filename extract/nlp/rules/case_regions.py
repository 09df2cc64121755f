"""The region of a case count: whose cases its clause says they are (its subject, a place it is counted in,
a list's place, `the province`), and the places of counts joined to it."""
from __future__ import annotations

from spacy.tokens import Doc, Span

from extract.nlp.extensions import get
from extract.nlp.rules.count_levels import level_owner, tally_of, unknown_level_owner
from extract.nlp.rules.counting import CountWords, Head
from extract.nlp.rules.each_place import city_before_its_province, last_of_place_list, summed_over_places
from extract.nlp.docindex import doc_index
from extract.nlp.rules.bracket_parts import bracketed_part, closed_bracket, next_list_member
from extract.nlp.rules.diseases import is_covid
from extract.nlp.rules.place_focus import PlaceFocus, in_brackets
from extract.nlp.rules.place_names import region_of_unknown_place
from extract.nlp.rules.places import CALENDAR_WORDS
from extract.nlp.rules.relations import (rule_of, LOOKBACK, SAYING, clause_bounds, governing_preposition, last_before, lower_words,
                                         possessive_owner, region_index, region_runs, sentence_index, sentence_of,
                                         sentence_start, spans_in, spans_of, token_texts)
from extract.nlp.triggers import word_set

TRAVEL_VERBS = frozenset({"travelled", "traveled", "lived", "visited", "stayed", "travelling", "traveling",
                          "living", "toured", "worked", "working"})
AIDING_WORDS = frozenset({"supporting", "aiding", "helping", "assisting", "serving", "supported", "aided",
                          "helped", "assisted", "served"})
OWN_PLACE_REACH = 3   # tokens from a bracketed count's noun to the place it names (`(4 cases in Zhengzhou`)
PASSIVE_AUXILIARIES = frozenset({"was", "were", "been", "be", "being", "is", "are"})
CLAUSE_OPENERS = frozenset({"who", "whom", "whose", "which", "while", "whereas", "according"})
# words that put a clause's count somewhere of its own (or with someone): it shares no earlier count's place
PLACE_PREPS = frozenset({"in", "on", "at", "across", "to", "by", "from", "among"})
PLACE_ADVERBS = frozenset({"outside", "elsewhere", "abroad", "overseas"})
PLACE_NOUNS = frozenset({"other", "another", "cities", "provinces", "countries", "ship", "team", "teams",
                         "passengers", "travellers", "travelers", "students", "rest", "remaining", "country"})
PLACE_REACH = 12
# participles that put counted cases somewhere: `no new cases were reported in Tianjin`
REPORTED_IN = frozenset({"reported", "confirmed", "recorded", "registered", "found", "detected", "diagnosed"})
ROUTE_PREPS = frozenset({"via", "through"})
PART_WORDS = frozenset({"accounted", "accounting", "accounts", "account", "portion", "share", "proportion", "majority",
                        "most", "half", "third", "quarter", "fraction", "bulk", "part", "percent", "%"})
REPORTING_FORMS = frozenset({"reporting", "confirming", "recording", "registering", "adding", "logging", "seeing"})
POSSESSIVES = frozenset({"its", "their"})
PARAGRAPH_REACH = 200   # tokens back to a paragraph's earlier head count
# a relative clause or a journey between a toll and a place: `the toll from the virus that emerged in Wuhan`
RELATIVE_WORDS = frozenset({"that", "which", "who", "whose", "emerged", "originated", "detected", "broke",
                            "travelled", "traveled", "returning", "returned", "lived", "visited"})
# rules that make a sub-count of a list or a parenthesis: their places are not the sentence's place
SUBCOUNT_RULES = frozenset({"case_list_item", "case_origin_item", "count_including", "case_respectively", "case_parenthetical",
                            "case_region_apposition", "case_roll_call",
                            "count_of_which", "count_partitive", "count_partitive_noun", "count_partitive_lead"})


def names_a_place(doc: Doc, start: int, end: int) -> bool:
    """Words that put a count somewhere of its own: `in other provinces`, `on a cruise ship in Yokohama`, `by
    its teams`, `elsewhere`; not `from hospital` or `on Feb. 25`."""
    words, texts, regions = lower_words(doc), token_texts(doc), region_index(doc)
    dates = spans_of(doc, "date")
    for j in range(start, end):
        if words[j] in PLACE_ADVERBS:
            return True
        if words[j] not in PLACE_PREPS:
            continue
        for k in range(j + 1, min(end, j + 6)):   # `in the remaining 30 provinces`
            dated = any(d.start <= k < d.end for d in spans_in(dates, k - 6, k + 6))
            if k in regions.by_start or words[k] in PLACE_NOUNS or \
                    (texts[k][:1].isupper() and words[k] not in CALENDAR_WORDS and not dated):
                return True
    return False


def is_subcount(fact: Span) -> bool:
    """A count made by a sub-count rule (a list item, `including`, a part), or one in brackets after a number of its
    sentence (`1,471 cured (1,212 cases in Wuhan)`: a part of the count before): its place is not its
    sentence's."""
    return rule_of(fact) in SUBCOUNT_RULES or bracketed_part(fact)


DISEASE_NAME_REACH = 10   # words of a disease's name with its bracketed gloss
DISEASE_NAME_GLUE = word_set("disease_name_glue")   # words within a disease's name and its gloss
IN_WORDS = frozenset({"in"})   # the preposition of a place a count is in
OPENING_SUBORDINATORS = word_set("opening_subordinators")   # `While ..., 251 remain`


class CaseRegions(CountWords):
    """Finds the region a case count is about; CaseRelations builds the rest of its attributes on it."""

    @staticmethod
    def travelled_to(doc: Doc, region: Span) -> bool:
        """`patients had lived or travelled in Hubei`: a place the patients had been, not where they are counted."""
        return not TRAVEL_VERBS.isdisjoint(lower_words(doc)[max(0, region.start - 5): region.start])

    def past_a_new_clause(self, doc: Doc, start: int, end: int) -> bool:
        """`40 patients were discharged, mostly people who had worked in Wuhan`, `60 were cured, the commission
        said at a press conference in Guangzhou`: a relative clause or a saying verb comes before the place;
        not a relative clause that tells the count's own status (`one patient who died in Shaoyang`)."""
        words = lower_words(doc)[start:end]
        if any(w in SAYING and not (k > 0 and words[k - 1] in PASSIVE_AUXILIARIES) for k, w in enumerate(words)):
            return True   # (but `5 cases were added in Henan`: a passive, no saying)
        for k, word in enumerate(words):
            if word in CLAUSE_OPENERS and self.any_status.isdisjoint(words[k + 1: k + 4]):
                return True
        return False

    @staticmethod
    def sibling_region(doc: Doc, number: Span, facts: list[Span], chained: bool = False) -> str | None:
        """`1,423 cases had been reported in Hubei, with 76 deaths and 221 cases in severe condition`: a count
        joined to an earlier one of its sentence, with no region named between them, is that count's region's.
        A `chained` count (`..., 2 in critical condition`) is joined to the sentence's last count wherever it is."""
        words = lower_words(doc)
        if number.start < 2 or words[number.start - 1] not in ("with", "and", ",", "(", "including", "while"):
            return None
        sent_start = sentence_start(doc, number.start)
        previous = last_before(facts, number.start, lambda f: f.label_ == "case_count" and
                               not is_subcount(f), floor=sent_start)
        if previous is None or not get(previous, "region"):
            return None
        # `with`, a chained status item, the next list member, or `and` opening a clause of the same place
        adjacent = previous.end >= number.start - 2
        reach = min(len(doc), number.end + PLACE_REACH)
        reach = next((j for j in range(number.end, reach) if words[j] == "("), reach)   # (its own part aside)
        clause_of_its_own = not chained and words[number.start - 1] in ("and", "while") and not adjacent and \
            names_a_place(doc, number.end, reach)
        if clause_of_its_own:
            return None   # `and 39 cases were confirmed in other provinces`, `... treated by its teams sent to X`
        joined = chained or words[number.start - 1] in ("with", "and", "while") or adjacent or \
            (words[number.start - 1] == "including" and words[number.start - 2] == "(" and previous.end >= number.start - 3) \
            or next_list_member(doc, previous, number)
        if not joined:
            return None
        between = [s for s in spans_in(region_index(doc).regions, previous.start, number.end + 4)
                   if not closed_bracket(doc, s, number.start) and not (s.start > number.end and in_brackets(doc, s))]
        if any(get(s, "value") != get(previous, "region") for s in between):
            return None
        return get(previous, "region")

    def paragraph_region(self, doc: Doc, number: Span, facts: list[Span]) -> str | None:
        """`the city of Huanggang has registered 2,907 infected. 2,782 patients were discharged`: a count with no
        region of its own, in the sentence after a case count of the same paragraph, is that count's region's,
        when no other region is named in between."""
        sent_start = sentence_start(doc, number.start)
        # the last sentence before this one, in its paragraph, that counts cases (sentences between may count
        # nothing: `Feb 18 saw no new confirmed case.`)
        previous = last_before(facts, sent_start, lambda f: f.label_ == "case_count" and
                               not is_subcount(f), floor=max(0, sent_start - PARAGRAPH_REACH))
        if previous is None:
            return self.paragraph_counted_in(doc, number, sent_start)
        if any("\n" in t for t in token_texts(doc)[previous.end: number.start]):
            return self.paragraph_counted_in(doc, number, sent_start)   # another paragraph: its own place
        before = sentence_start(doc, previous.start)
        if any(f.label_ == "case_count" and not is_subcount(f)
               for f in spans_in(facts, previous.end, sent_start)):
            return None
        regions = {get(f, "region") for f in spans_in(facts, before, sent_start)
                   if f.label_ == "case_count" and not is_subcount(f)}
        if len(regions) != 1 or None in regions:
            return None   # the sentence before spoke of several places, or of none
        previous_region = regions.pop()
        after_its_sentence = sentence_index(doc).bounds(previous.start)[1]
        if any(get(s, "value") != previous_region
               for s in spans_in(region_index(doc).regions, after_its_sentence, number.end)):
            return None   # another place is named before the count (sub-counts of its own sentence aside)
        return previous_region

    def paragraph_counted_in(self, doc: Doc, number: Span, sent_start: int) -> str | None:
        """`The easing follows a reduction in new infections in Hubei. Since March 19, new confirmed cases have
        dropped to zero`: a paragraph that says where cases are counted (`infections in Hubei`, `the toll in
        Wuhan`) before a count with no place of its own gives it that place, when it names no other place
        between them."""
        floor = max(0, sent_start - PARAGRAPH_REACH)
        texts = token_texts(doc)
        paragraph = next((j + 1 for j in range(sent_start - 1, floor - 1, -1) if "\n" in texts[j]), floor)
        named = [s for s in spans_in(region_index(doc).regions, paragraph, number.start)
                 if not self.scopes.excluded(doc, s)]   # (not `cases of the Wuhan coronavirus`)
        if not named or len({get(s, "value") for s in named}) != 1:
            return None   # no place, or several
        # a reporter may stand in the count's own sentence (`According to the Tianjin Health Commission, 1 new case
        # was reported`): its clause rules gave it no place
        # (or an earlier clause of its sentence, that counts no number, counts cases there: `There are no new cases
        # in Hubei, 5 were cured`; but not `631 cases in Jiangsu, and 93 patients died`: a clause of its own)
        words = lower_words(doc)
        uncounted = not spans_in(spans_of(doc, "number"), sent_start, number.start)
        counted = [s for s in named if (s.start < sent_start and self.counted_in(doc, s)) or self.reports(doc, s) or
                   (uncounted and s.start >= sent_start and self.counted_in(doc, s) and
                    "," in words[s.end: number.start])]
        return get(counted[-1], "value") if counted else None

    def block_heading_region(self, doc: Doc, number: Span) -> str | None:
        """A statistics block under a heading line that names one place and counts nothing (`Henan` / `New
        confirmed: 20` / `New deaths: 1`): its lines are that place's, up to a blank line."""
        texts = token_texts(doc)
        j = number.start - 1
        while j >= 0 and number.start - j < PARAGRAPH_REACH:
            if "\n" in texts[j]:
                if texts[j].count("\n") > 1:
                    return None   # a blank line before any heading: the block has none
                heading = self.heading_line(doc, j)
                if heading is not None:
                    return heading
            j -= 1
        return None

    def heading_line(self, doc: Doc, newline: int) -> str | None:
        """The one place named by the line that ends at `newline`, when it is a heading: a short line (from the
        text's start or a blank line) naming one region and no number."""
        texts = token_texts(doc)
        start = newline - 1
        while start >= 0 and "\n" not in texts[start]:
            start -= 1
        if start >= 0 and texts[start].count("\n") < 2:
            return None   # not the block's first line
        named = spans_in(region_index(doc).regions, start + 1, newline)
        if newline - start > 8 or len({get(s, "value") for s in named}) != 1 or texts[newline - 1] in (".", "!", "?") \
                or spans_in(spans_of(doc, "number"), start + 1, newline):
            return None   # a sentence, several places, or a line that counts something itself
        return get(named[0], "value")

    def case_region(self, doc: Doc, number: Span, head: Head, start: int, end: int,
                    facts: list[Span]) -> str | None:
        regions = region_index(doc).regions
        if self.scopes.unknown_place_after(doc, number) or unknown_level_owner(doc, number):
            return None   # (`bringing the GBA's total to five`: a name the gazetteer does not know)
        respective = self.respective_region(doc, number)
        if respective is not None:
            return respective
        if head.rule in ("case_parenthetical", "case_with_region", "case_region_apposition") or \
                (number.start > 0 and token_texts(doc)[number.start - 1] == "("):
            before = region_index(doc).by_end.get(number.start - 1)
            own = [s for s in spans_in(regions, head.end, min(end, head.end + OWN_PLACE_REACH))
                   if governing_preposition(doc, s, frozenset({"in"})) is not None]
            if before is not None and not own:   # (`Henan Province (4 cases in Zhengzhou, ...)`: its own)
                return get(before, "value")
        if head.rule in ("count_total_to", "place_tally"):
            level = tally_of(doc, number)
            owner = level_owner(doc, level) if level is not None else None
            owned = None if owner is None else get(owner[0], "value") if owner[0] is not None else \
                self.anaphoric_region(doc, owner[1], level)
            if owned is not None:   # `Wuhan reported 50 cases. The province's tally rose to 2,000.`: the owner's
                return owned   # (an owner `the city` that names no known city leaves the count before to say)
        if head.rule in ("count_total_to", "count_earlier_level"):
            previous = last_before(facts, number.start, lambda f: f.label_ == "case_count",
                                   floor=number.start - LOOKBACK)
            if previous is not None and get(previous, "region"):
                return get(previous, "region")
        owner = possessive_owner(doc, head.modifiers[0] - 1) if head.rule == "count_partitive_noun" else None
        if owner is not None:
            return get(owner, "value")   # `2,662 of Huanggang's residents`: the whole's owner
        if head.rule == "count_figure":   # `while the figure for the capital city of Wuhan was 1,102`: its own place
            named = spans_in(region_index(doc).regions, max(start, number.start - 10), number.start)
            if named:
                return get(named[-1], "value")
        if head.rule == "count_including":   # `1,693 new cases, including 1,600 in Wuhan`
            like_num = doc_index(doc).like_num   # (not past another member: `six in a border region and one in X`)
            inside = [s for s in spans_in(region_index(doc).regions, number.end, end)
                      if governing_preposition(doc, s, frozenset({"in"})) is not None and
                      not any(like_num[number.end: s.start])]
            if inside:
                return get(inside[0], "value")
        words = lower_words(doc)
        owner = possessive_owner(doc, number.start - 1)
        if owner is not None:   # `Wuhan's 2,000 patients`
            return get(owner, "value")
        team_subject = self.team_subject(doc, start, number.start)
        main = self.main_clause_start(doc, number)   # (an opening clause's place: opening_clause_place)
        candidates = [s for s in self.named_places(doc, max(start, main or start), number.start)
                      if not closed_bracket(doc, s, number.start)]
        subjects = [s for s in candidates if governing_preposition(doc, s, self.blocking) is None]
        after = [s for s in spans_in(regions, head.end, end)
                 if not self.is_team_modifier(doc, s) and not self.scopes.in_subcount(doc, number, s)
                 and not self.scopes.excluded(doc, s)]
        located = [s for s in after if (governing_preposition(doc, s, frozenset({"in", "across"})) is not None or
                                        self.reported_from(doc, s) or region_of_unknown_place(doc, s, IN_WORDS))
                   and not self.travelled_to(doc, s) and not self.past_a_new_clause(doc, head.end, s.start)
                   and not self.scopes.speaks_nationally(doc, head.end, s.start)]   # `... on the mainland, with all
        # of the deaths reported in Hubei`: the count is the country's
        if located and self.scopes.opens_subcount(doc, number):
            return get(located[0], "value")   # `61,682 cases, including 44,412 cases in Wuhan`: the sub-count's own place
        if subjects and not team_subject and self.part_of_whole(doc, subjects[-1].end, number.start):
            subjects = []   # `Shanghai accounted for a sizable portion of the 47 new cases`: the whole is not its
        elif not subjects and not team_subject:
            subjects = self.absolute_subjects(doc, candidates, number.start)   # `with Hubei confirming 74 new cases`
        if subjects and not team_subject:
            owned = last_before(facts, number.start, lambda f: f.label_ == "case_count", floor=subjects[-1].end)
            if located and owned is not None:
                return get(located[0], "value")   # `Hubei reported 100 cases and 20 were cured in Wuhan`
            if owned is not None and owned.end == number.start - 2 and words[owned.end] == "of" and \
                    words[number.start - 1] not in POSSESSIVES:
                # `Wuhan accounted for 49,000 of the 67,000 cases in the province`: the whole is not the part's
                # (but `Jiangxi has seen 930 of its 935 patients cured`: `its` says whose the whole is)
                return self.anaphoric_region(doc, number.start, end)
            if summed_over_places(doc, subjects[-1], number):
                return None   # `Jiangsu and Zhejiang reported 24 cases`: their sum, neither's own (nor `each`'s)
            return city_before_its_province(doc, subjects[-1]) or get(subjects[-1], "value")
        if located:
            return get(located[0], "value")
        # `the death toll from the virus in Hubei rose to 1,921`, `revised the death toll in Wuhan from 2,579 to
        # 3,869 deaths`: the toll's place
        toll = max((j for j in range(start, number.start) if words[j] == "toll"), default=None)
        if toll is not None:
            placed = [s for s in candidates if s.start > toll and governing_preposition(doc, s, frozenset({"in"}))
                      is not None and RELATIVE_WORDS.isdisjoint(words[toll: s.start])]
            if placed:
                return get(placed[-1], "value")
        counted_in = [s for s in candidates if self.counted_in(doc, s)]
        if counted_in and head.rule in ("count_reached", "case_toll", "count_increase"):
            return get(counted_in[-1], "value")   # `the number of confirmed cases in Wuhan rose to 32,994`
        if team_subject:
            went = [s for s in candidates if governing_preposition(doc, s, self.dest_preps) is not None or
                    (s.start > 0 and lower_words(doc)[s.start - 1] in AIDING_WORDS)]
            if went:
                return get(went[-1], "value")   # `the team sent to Xiaogan`, `the team supporting Shiyan`
            # the Hubei city the team works in: the one the article names before, when it names only one
            sent_start = sentence_start(doc, number.start)
            cities = {get(s, "value") for s in spans_in(regions, max(0, number.start - LOOKBACK), sent_start)
                      if self.gazetteer[get(s, "value")].in_hubei}
            return cities.pop() if len(cities) == 1 else None
        if self.scopes.opens_subcount(doc, number):
            return None   # a sub-count with no place of its own is its whole's (CaseRelations), not `the province`'s
        # (up to its parts: `seven cases, including six in the border province of Heilongjiang` is no `province`'s)
        own_end = next((j for j in range(head.end, end) if lower_words(doc)[j] in self.scopes.including), end)
        return self.framing_region(doc, number, start) or self.anaphoric_region(doc, start, own_end)

    @staticmethod
    def part_of_whole(doc: Doc, subject_end: int, position: int) -> bool:
        """`Shanghai accounted for a sizable portion of the 47 cases`, `Wuhan made up most of the 400 new cases`:
        the subject holds a part of the number, which counts a whole that is not the subject's."""
        words = lower_words(doc)
        if position < 2 or "of" not in words[position - 2: position]:
            return False
        return not PART_WORDS.isdisjoint(words[subject_end: position])

    def absolute_subjects(self, doc: Doc, candidates: list[Span], position: int) -> list[Span]:
        """`..., with Hubei, the epicenter, confirming 74 new cases`: the region that `with` opens is the subject
        of the report verb in -ing that follows it (past an apposition), when nothing else stands between."""
        words = lower_words(doc)
        for span in reversed(candidates):
            if span.start == 0 or words[span.start - 1] != "with":
                continue
            between = words[span.end: position]
            verbs = [k for k, w in enumerate(between) if w in REPORTING_FORMS]
            if verbs and all(w not in ("in", "of", "from", "to") for w in between[verbs[0]:]):
                return [span]
        return []

    def framing_region(self, doc: Doc, number: Span, start: int) -> str | None:
        """A region that frames the clause from outside it: the antecedent of a relative clause
        (`Xiaogan, which has 2,874 confirmed cases`) or a sentence opening `In Xiaogan, ...`."""
        words = lower_words(doc)
        sent_start = sentence_start(doc, number.start)
        if start > sent_start and words[start] in ("which", "who", "where") and start >= 2:
            by_end = region_index(doc).by_end
            before = start - 2 if words[start - 1] == "," else start - 1
            antecedent = by_end.get(before + 1)
            if antecedent is not None and last_of_place_list(doc, antecedent):
                return None   # `Wuhan and Xiaogan, which reported 100 new cases`: their sum, neither's own
            if antecedent is not None:
                return get(antecedent, "value")
            if words[before] in ("city", "province"):   # `confirmed in the city, which now has 198 patients`
                return self.anaphoric_region(doc, max(sent_start, before - 3), before + 1)
        first = self.focus.after_marker(doc, sent_start, number.start, adverbs=True)   # `- In Hefei, 12 new cases`
        if words[first] == "in":
            k = first + 1
            while k < number.start and words[k] in ("the", "city", "province", "of"):
                k += 1   # `In the city of Hefei,`
            opening = region_index(doc).by_start.get(k)
            after = opening.end if opening is not None else 0
            while opening is not None and after < number.start and words[after] in ("city", "province"):
                after += 1   # `In Hefei City,`
            if opening is not None and after + 1 < len(doc) and words[after] in ("alone", "itself"):
                after += 1   # `In Wuhan alone,`
            if opening is not None and after < len(doc) and words[after] in (",", "there"):
                return get(opening, "value")   # (`In Ordos City there were 9 cases`: no comma before `there`)
        return None

    def reports(self, doc: Doc, region: Span) -> bool:
        """A region that names who reports the figures: `the Tianjin Health Commission`, `the Hubei Provincial
        Health and Medical Commission`."""
        words = lower_words(doc)
        return "health" in words[region.end: region.end + 3] and token_texts(doc)[region.end][:1].isupper()

    def counted_in(self, doc: Doc, region: Span) -> bool:
        """A region that says where counted things are: `cases in Wuhan`, `the death toll in Hubei`, `no new cases
        were reported in Tianjin`, or who reports them (`the Tianjin Health Commission`)."""
        words = lower_words(doc)
        if self.reports(doc, region) or self.reported_in(doc, region):
            return True
        j = region.start - 1
        while j > 0 and words[j] in ("the", "city", "province", "central", "china", "'s", "’s"):
            j -= 1
        if j < 1 or words[j] != "in":
            return False
        k = self.past_disease_name(words, j - 1)   # `cases of new coronavirus pneumonia (2019-nCoV) in Hainan`
        return self.noun_class.get(words[k]) == "case" or words[k] in ("toll", "tally", "number", "total")

    def past_disease_name(self, words: list[str], j: int) -> int:
        """The word before a disease's name that ends at word j (`of new coronavirus pneumonia disease
        (2019-nCoV)`, `of the virus`), or j when none ends there."""
        names = self.scopes.words["disease_name_words"]
        k, floor = j, max(0, j - DISEASE_NAME_REACH)
        while k > floor and (words[k] in names or words[k] in DISEASE_NAME_GLUE or is_covid(words, k)):
            k -= 1
        return k if k < j and words[k + 1] == "of" else j

    def reported_in(self, doc: Doc, region: Span) -> bool:
        """`no new cases of local infection were reported in Tianjin`: a reporting verb of a clause about cases
        right before `in` the region."""
        words = lower_words(doc)
        j = region.start - 1
        if j < 1 or words[j] != "in" or words[j - 1] not in REPORTED_IN:
            return False
        start = clause_bounds(doc, j)[0]
        return any(self.noun_class.get(w) == "case" for w in words[start: j])

    def respective_region(self, doc: Doc, number: Span) -> str | None:
        """`the cities of Xiaogan, Suizhou ... reported 202, 183, 176 and 114 new cases, respectively`."""
        sent = sentence_of(doc, number.start)
        if "respectively" not in lower_words(doc)[sent.start: sent.end]:
            return None
        numbers = spans_in(spans_of(doc, "number"), sent.start, sent.end)
        chain_start = number
        by_end = {n.end: n for n in numbers}
        while True:
            j = chain_start.start - 1
            if j >= 0 and lower_words(doc)[j] == "and":
                j -= 1
            if j >= 0 and token_texts(doc)[j] == ",":
                j -= 1
            if j + 1 not in by_end:
                break
            chain_start = by_end[j + 1]
        chain = self.list_chain(doc, chain_start, numbers)
        if number not in chain:
            return None
        runs = region_runs(doc, spans_in(region_index(doc).regions, sent.start, chain_start.start))
        region_list = max(reversed(runs), key=len) if runs else []   # the longest list, the later if tied
        if len(region_list) != len(chain):
            # `20, 30 and 40 new cases were reported in Wuhan, Xiaogan and Huanggang respectively`: the list after
            after = region_runs(doc, spans_in(region_index(doc).regions, chain[-1].end, sent.end))
            region_list = next((run for run in after if len(run) == len(chain)), [])
            if not region_list:
                return None
        return get(region_list[chain.index(number)], "value")

    @staticmethod
    def main_clause_start(doc: Doc, number: Span) -> int | None:
        """Where the main clause of the count's sentence starts, past an opening clause of contrast (`While 100
        patients in Hong Kong have been discharged, 251 remain`): the token after its comma; None when the
        sentence opens otherwise or the count stands in the opening clause."""
        sent_start, words = sentence_start(doc, number.start), lower_words(doc)
        if words[sent_start] not in OPENING_SUBORDINATORS:
            return None
        comma = next((j for j in range(sent_start + 1, number.start) if words[j] == ","), None)
        return comma + 1 if comma is not None else None

    def named_places(self, doc: Doc, start: int, end: int) -> list[Span]:
        """The regions in [start, end) that may be a count's place: not a team's home, a dateline or a place
        named only to be left out."""
        return [s for s in spans_in(region_index(doc).regions, start, end)
                if not self.is_team_modifier(doc, s) and not self.scopes.is_dateline_place(doc, s)
                and not self.scopes.excluded(doc, s)]

    def opening_clause_place(self, doc: Doc, number: Span, end: int) -> str | None:
        """`While more than 100 patients in Hong Kong have been discharged, 251 people remain in hospital`: the
        one place an opening clause of contrast names is its main clause's too, when the main clause (up to the
        count's clause end) names none and does not speak of elsewhere (`..., 5 were reported elsewhere`)."""
        main = self.main_clause_start(doc, number)
        if main is None or spans_in(region_index(doc).regions, main, end) or \
                self.scopes.speaks_of_elsewhere(doc, main, end) or self.scopes.speaks_nationally(doc, main, end):
            return None
        named = {get(s, "value") for s in self.named_places(doc, sentence_start(doc, number.start), main)}
        return named.pop() if len(named) == 1 else None

    def reported_from(self, doc: Doc, region: Span) -> bool:
        """`The three new cases were all reported from Huizhou`: where a report came from is where its cases are
        (not `imported from Hubei`, `arrived from Wuhan`)."""
        j = governing_preposition(doc, region, frozenset({"from"}))
        return j is not None and j > 0 and lower_words(doc)[j - 1] in self.report_verbs

    def team_subject(self, doc: Doc, start: int, position: int) -> bool:
        """A medical team is the subject (`The Shandong medical team treated 411 patients`)."""
        return any(self.classify_word(doc, j) in ("team", "personnel") for j in range(start, position))

    @property
    def focus(self) -> PlaceFocus:
        """The place in focus (rules/place_focus.py), made on first use."""
        found = self.__dict__.get("_focus")
        if found is None:
            found = self.__dict__["_focus"] = PlaceFocus(self.scopes, self.is_team_modifier)
        return found

    def anaphoric_region(self, doc: Doc, start: int, position: int) -> str | None:
        """`the province`, `our city`, `the provincial capital` with no region named in the clause: the place in
        focus of that kind (rules/place_focus.py)."""
        return self.focus.anaphoric_region(doc, start, position)
