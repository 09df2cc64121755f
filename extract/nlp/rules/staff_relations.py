"""The relations of a staff count: where the staff come from, where they go, and when."""
from __future__ import annotations

from spacy.tokens import Doc, Span

from extract.nlp.docindex import UNKNOWN, doc_index
from extract.nlp.rules.counting import CountWords, Head
from extract.nlp.extensions import get, put
from extract.nlp.rules.relations import (LOOKBACK, POSSESSIVE_MARKS, clause_bounds, dominant_helper,
                                         first_region_after_word, governing_preposition, last_before, lower_words,
                                         possessive_owner, previous_sentence_start,
                                         region_index, region_runs, sentence_of, sentence_start, spans_in, spans_of,
                                         token_texts)
from extract.nlp.rules.staff_roles import (ORDINAL, counted_places, definite_count, describes_city,
                                           distributed_lead, forward_destination, frame_end, journey_date,
                                           journey_dates, institution_place, many_origins, names_company,
                                           origin_after_from,
                                           own_relative_time, previous_team_destination, relative_clause_date,
                                           relative_tail, share_cut, speech_cut, speech_resume, staff_words)
from extract.nlp.rules.staff_places import StaffPlaceReadings
from extract.nlp.rules.staff_returns import home_arrival, home_goal, served_before_home
from extract.nlp.triggers import word_set


OWNED_PHRASE = word_set("owned_phrase_words")
RETURN_CUES = word_set("return_cues")
TRAVEL_WORDS = frozenset({"brought", "brings", "flew", "flight", "plane", "train", "arrived", "came", "landed"})
LEAVE_VERBS = word_set("leave_verbs")


class StaffRelations(StaffPlaceReadings, CountWords):
    """Sets a personnel count's origin (the sender, `from X`, `X's team`), destination (`to Y`, `in Y`, the
    city that received them) and date; staff described as part of an earlier team take its origin and
    destination."""

    return_cues = RETURN_CUES
    leave_verbs = LEAVE_VERBS

    def personnel_attributes(self, doc: Doc, number: Span, head: Head, fact: Span, facts: list[Span]) -> None:
        start, end = clause_bounds(doc, number.start)
        sent = sentence_of(doc, number.start)
        end = frame_end(doc, sent.start, number.start, end)
        regions = region_index(doc).regions
        heading = None
        if head.rule == "staff_list_item":
            origin = head.region
            heading = last_before(facts, number.start, lambda f: f.label_ == "personnel_count", floor=sent.start)
            destination = get(heading, "destination") if heading is not None else None
        else:
            # `Xiamen Airlines, which has flown 1,000 medical staff`: the carrier's city is none of theirs
            senders = [r for r in regions if not names_company(doc, r)] \
                if any(names_company(doc, r) for r in spans_in(regions, sent.start, sent.end)) else regions
            origin = self.origin(doc, number, head, start, end, senders)
            # `6,097 medical staff, 70% used to support Wuhan`: the share's place is not the whole's
            destination = self.destination(doc, number, head, start,
                                           share_cut(doc, head.end, speech_cut(doc, number.end, end)), regions,
                                           origin)
        served = [s for s in spans_in(regions, start, end)   # the count's own clause: `leaving 38 members to
                  # support Suizhou, and the remaining 369 returned ... by flight from Wuhan`
                  if served_before_home(doc, s, sent.start, sent.end, self.is_team_word, self.hubei_or_in_it)]
        if origin is not None and any(get(s, "value") == origin for s in served):
            # `557 medics from Wuhan returned to Beijing`: the place they left is where they served
            origin = self.home_after_trip(doc, sent, regions, number, start, end)
        if origin is None:   # `Jiangsu sent 300 nurses to Wuhan. The province also sent 200 doctors`
            origin = self.place_subject_origin(doc, start, number.start, facts) or \
                self.shared_subject_origin(doc, start, number.start, sent.start, facts) or \
                self.home_welcomer(doc, start, number.start, regions)
        if head.rule == "count_total_to":   # `bringing its total in Hubei to 2,800`: the total's own place
            destination = self.total_scope(doc, start, number.start) or destination
        # `deployed to 9 other cities`, `sent to 31 designated hospitals`: the clause says where they went, as a
        # number of places; a city another sentence names is not it
        counted = counted_places(doc, head.end, end)
        if destination is None and not counted:
            destination = self.unnamed_place_destination(doc, head.end, end, facts)
        if self.landed_home(doc, sent, destination, origin):
            destination = None
        tail = relative_tail(doc, end)
        if destination is None and tail is not None:   # `135 medics, who worked in Wuhan, left the city`
            lo, hi = tail[0], speech_cut(doc, tail[2], tail[3])
            destination = self.destination_in(doc, spans_in(regions, lo, hi), lo, origin, self.parent_of(origin))
        lead = distributed_lead(doc, sent.start, self.is_team_noun, facts)
        if lead is not None:   # `Two groups ... left for Hubei on Tuesday. One group of 12 ...`: the lead's
            origin = origin or self.lead_origin(doc, lead, regions)
            if destination is None and not counted:
                lo, hi = lead[0], speech_cut(doc, lead[0], lead[1])
                destination = self.destination_in(doc, spans_in(regions, lo, hi), lo, origin, self.parent_of(origin))
        if (origin is None or destination is None) and (self.refers_back(doc, sent, number) or
                                                         definite_count(doc, number)):
            staff = [f for f in spans_in(facts, max(0, number.start - LOOKBACK), number.start)
                     if f.label_ == "personnel_count"]
            before = previous_sentence_start(doc, sent.start)
            origins = {get(f, "origin") for f in staff if sentence_start(doc, f.start) == before}
            if origin is None and before is not None:
                # `the third batch of medical team of Shandong province set off ... The medical team is composed
                # of 121 people`: the team the sentence before named
                origin = self.team_region_in(doc, before, sent.start, regions)
            if origin is None and len(origins - {None}) <= 1:   # a team of several provinces has no one origin
                origin = next((get(f, "origin") for f in reversed(staff) if get(f, "origin")), None)
            if not counted:
                destination = destination or next((get(f, "destination") for f in reversed(staff)
                                                   if get(f, "destination")), None)
        if self.landed_home(doc, sent, destination, origin):
            destination = None
        if destination is None and not counted:
            destination = previous_team_destination(
                doc, sent, self.is_team_word,
                lambda d, spans, lo: self.destination_in(d, spans, lo, origin, self.parent_of(origin)))
        helping = self.sent_to_help(doc, sent)
        if destination is None and not counted and (
                helping or not TRAVEL_WORDS.isdisjoint(lower_words(doc)[sent.start: sent.end])):
            destination = self.paragraph_destination(doc, number, facts)
        if destination is None and not counted:
            destination = forward_destination(
                doc, sent.end, lambda d, s: self.refers_back(d, s, number),
                lambda d, spans, lo: self.destination_in(d, spans, lo, origin, self.parent_of(origin)))
        if origin is None and not many_origins(doc, head.end, end) and not self.several_senders(doc, head, end):
            origin = dominant_helper(doc, self.gazetteer)
        if destination is not None and self.hubei_or_in_it(destination):
            served = []   # the clause named where they served (`returned ... by flight from Wuhan` after `to
                          # support Suizhou`): the airport they left from is not it
        served = self.return_trip(doc, number, sent, regions, origin, served)
        if served is not None:
            # a team going home from the city it served: that city stays its destination
            destination = served
            if origin == served:
                origin = self.home_after_trip(doc, sent, regions, number, sent.start, sent.end)
        if destination is None and (origin is None or not self.hubei_or_in_it(origin)) and helping:
            aided = self.aided_region(doc)   # staff sent to places counted (`to cities outside Wuhan`) were sent
            destination = aided if not counted or aided == "Hubei" else None   # to Hubei, not to its main city
        put(fact, "origin", origin)
        put(fact, "destination", destination if destination != get(fact, "origin") else None)
        # what someone said after or before the staff's words dates something else
        date = self.fact_date(doc, number, speech_resume(doc, start, number.start), speech_cut(doc, number.end, end))
        if own_relative_time(doc, number, head.end, end):
            date = None   # `after sending 136 medics three days ago`: their own day, counted from one unsaid
        if date is None:
            date = relative_clause_date(doc, end)   # the journey first, then what the main clause says after it
        if date is None and tail is not None:
            date = self.fact_date(doc, number, tail[2], speech_cut(doc, tail[2], tail[3]))
        if date is None and heading is not None:
            date = get(heading, "date")
        if date is None and lead is not None:
            found = journey_dates(doc, lead[0], lead[1])
            date = found[0] if len(found) == 1 else None
        if date is None:
            date = journey_date(doc, sent, self.is_team_word)
        put(fact, "date", date)

    def origin(self, doc: Doc, number: Span, head: Head, start: int, end: int, regions) -> str | None:
        # a region modifying the staff noun: `610 Shandong medical workers`, `Hainan doctors (278 medics)`
        lo, hi = head.modifiers
        inside = spans_in(regions, lo, hi) if hi > lo else []
        if inside:
            return get(inside[0], "value")
        paren_lo = number.start - 1 if number.start > 0 and token_texts(doc)[number.start - 1] == "(" else None
        if paren_lo is not None:
            close = [s for s in spans_in(regions, max(0, paren_lo - 12), paren_lo)
                     if paren_lo - 4 <= s.end <= paren_lo and self.is_team_modifier(doc, s)]
            if close:
                return get(close[-1], "value")
        # `from (hospitals in) REGION`, `team of REGION`, `left REGION`
        source = first_region_after_word(doc, {"from"}, head.end, end, regions)
        if source is not None:
            return self.one_sender(doc, source, end, regions)
        source = origin_after_from(doc, head.end, end, regions, self.is_team_modifier)
        if source is not None:
            return source
        placed = [span for span in spans_in(regions, head.end, end) if institution_place(doc, span, head.end)]
        if placed:
            return get(placed[0], "value")   # `from Tongji Hospital in Wuhan`
        for span in spans_in(regions, head.end, end):
            before = lower_words(doc)[span.start - 1] if span.start else ""
            k = span.start - 1
            while k > head.end and lower_words(doc)[k] in ("the", "a"):
                k -= 1
            team_of = lower_words(doc)[k] == "of" and k >= 1 and \
                self.classify_word(doc, k - 1) in ("team", "personnel")   # `medical team of (the) Shanxi`
            if before in self.origin_verbs or team_of or self.sent_by(doc, span, head.end):
                return get(span, "value")
        possessed = self.possessive_origin(doc, number)
        if possessed is not None:
            return possessed
        # the sender: `Jiangxi Province has sent 135`, `Shandong sent a total of 1,797`; not a region of a
        # relative clause closed before the number (`Henan, which borders Hubei, sent 137`): its antecedent is
        sender_start = start
        if lower_words(doc)[start] in ("which", "who") and "," in lower_words(doc)[start: number.start]:
            sender_start = number.start
        for span in reversed(spans_in(regions, sender_start, number.start)):
            prep = governing_preposition(doc, span, self.blocking)
            if prep is not None:
                if governing_preposition(doc, span, frozenset({"from"}), n=6) is not None:
                    return get(span, "value")
                if lower_words(doc)[prep] == "in" and prep > 0 and \
                        lower_words(doc)[prep - 1] in staff_words()["institution_nouns"] and \
                        not self.send_verbs.isdisjoint(lower_words(doc)[span.end: number.start]):
                    return get(span, "value")   # `Ten hospitals in Jiangsu sent 300 medics`: their place
                continue
            between = set(lower_words(doc)[span.end: number.start])
            if between & self.send_verbs or self.is_team_modifier(doc, span) or \
                    (span.end < len(doc) and token_texts(doc)[span.end] == "," and
                     span.end + 1 < len(doc) and lower_words(doc)[span.end + 1] in ("which", "who")):
                return get(span, "value")
        # a relative clause: `Shandong and Hunan provinces, which had already sent 550`
        sent_start = sentence_start(doc, number.start)
        if start > sent_start and lower_words(doc)[start] in ("which", "who"):
            antecedent = last_before(regions, start, floor=sent_start)
            if antecedent is not None and antecedent.start >= sent_start and \
                    not self.coordinated(doc, antecedent):
                return get(antecedent, "value")   # of `Shandong and Hunan provinces, which ...` neither alone
        return None

    def home_after_trip(self, doc: Doc, sent: Span, regions, number: Span, lo: int, hi: int) -> str | None:
        """Where a team is from when the place it left is where it served: the team's own region named in the
        sentence, its owner (`Hunan's 1,500 medics returned from Hubei`), or where it went home to."""
        owner = self.possessive_origin(doc, number)
        return self.home_of_team(doc, sent, regions) or \
            (owner if owner and not self.hubei_or_in_it(owner) else None) or \
            home_goal(doc, lo, hi, self.hubei_or_in_it, self.province_of)

    def possessive_origin(self, doc: Doc, number: Span) -> str | None:
        """A possessive: `Beijing's 100-member medical team`, `Gansu's second team of 80`, `Jiangsu's fifth
        batch, 200 medics`."""
        words = lower_words(doc)
        k = number.start - 1
        while k > number.start - 7 and k >= 1 and (words[k] in OWNED_PHRASE or ORDINAL.match(words[k]) or
                                                   self.noun_class.get(words[k]) in ("team", "personnel") or
                                                   (k == number.start - 1 and words[k] == "," and
                                                    self.noun_class.get(words[k - 1]) == "team")):
            k -= 1   # back over `second batch of`, `medical team with`, `fifth batch, ` (an apposition)
        owner = possessive_owner(doc, k)
        return get(owner, "value") if owner is not None else None

    @staticmethod
    def coordinated(doc: Doc, span: Span) -> bool:
        """A region listed after another (`Shandong and Hunan`, `Jilin, Hunan`)."""
        j = span.start - 1
        return j > 0 and lower_words(doc)[j] in ("and", ",", "or") and j in region_index(doc).by_end

    def destination(self, doc: Doc, number: Span, head: Head, start: int, end: int, regions,
                    origin) -> str | None:
        words = lower_words(doc)
        if any(w in self.receive_verbs and words[k + 1] not in staff_words()["home_words"] or
               w in staff_words()["seeing_verbs"] and words[k + 1] == "off"   # `Wuhan saw off 300 medics`
               for k, w in enumerate(words[start: number.start], start)):   # not `welcomed home`
            receivers = [s for s in spans_in(regions, sentence_start(doc, number.start), number.start)
                         if governing_preposition(doc, s, self.blocking) is None and not self.possessor(doc, s)]
            if receivers:
                return get(receivers[0], "value")   # `Wuhan ... has already received more than 11,000 medical personnel`
        origin_parent = self.parent_of(origin)
        after = self.destination_in(doc, spans_in(regions, head.end, end), start, origin, origin_parent)
        if after is not None:
            return after
        # `sent its 10th medical team with 133 members to support Hubei, of which 124 are ...`; not a place
        # before what someone said (`said an official at a press conference in Beijing, adding that 80 ...`)
        lead = speech_resume(doc, start, number.start)
        return self.destination_in(doc, spans_in(regions, lead, number.start), lead, origin, origin_parent)

    def destination_in(self, doc: Doc, candidates: list[Span], start: int, origin, origin_parent):
        """The first region the staff go to (`to Y`, `to help Y`), else the first they are in (`in Y`): in
        `500 medics in Hunan volunteered to go to Hubei` Hunan is where they are from. A place after another
        count is that count's (`work in Hubei, in addition to the 3,000 staff supporting Wuhan`)."""
        found_in = None
        for span in candidates:
            if found_in is not None and spans_in(spans_of(doc, "number"), found_in.end, span.start):
                break
            if get(span, "value") in (origin, origin_parent) or self.is_team_modifier(doc, span):
                continue   # the origin, or where it lies (`from Ordos city in Inner Mongolia`)
            if self.possessor(doc, span) or institution_place(doc, span, start) or self.excluded_place(doc, span):
                continue   # `cities outside Wuhan`: anywhere but there   # `to Hubei's Xiaogan`: the city is the destination; `from a hospital in X`: home
            if governing_preposition(doc, span, frozenset({"from"}), n=6) is not None:
                continue
            prep = governing_preposition(doc, span, self.dest_preps, n=6)
            if prep is None:   # `sent to the central hospital of Jingzhou`: the city of the hospital they went to
                prep = self.institution_of(doc, span)
            if prep is not None and prep > 0 and lower_words(doc)[prep - 1] in staff_words()["homeward_words"] and \
                    not self.hubei_or_in_it(get(span, "value")):
                continue   # `will return to Shanghai`, `flew back to Jinan`: home, not where they served (`went
                           # back to Wuhan` after a rest is where they serve)
            if prep is not None and lower_words(doc)[prep] != "in":
                return get(span, "value")
            before = lower_words(doc)[max(start, span.start - 5): span.start]
            if any(w in self.dest_verbs for w in before):
                return get(span, "value")
            if prep is None and self.arrived_at(doc, span, origin):
                prep = span.start   # `arrived at Wuhan Tianhe airport`: where they went, unless it is home
            if prep is not None and found_in is None:
                found_in = span
        return get(found_in, "value") if found_in is not None else None

    def return_trip(self, doc: Doc, number: Span, sent: Span, regions, origin, served: list[Span]) -> str | None:
        """The Hubei region a team leaves on its way home (`took off from Wuhan Tianhe Airport, carrying 142
        medical staff of the Shanghai team`, `669 members of a team from Chongqing left Xiaogan`, `557 medics
        from Wuhan returned to Beijing`: `served`): a sentence with a return cue, and a region in Hubei that the
        team leaves or departs from."""
        words = lower_words(doc)[sent.start: sent.end]
        if self.return_cues.isdisjoint(words):
            return None
        if served:
            return get(served[0], "value")
        for span in spans_in(regions, sent.start, sent.end):
            if not self.hubei_or_in_it(get(span, "value")) or span.start == 0:
                continue
            before = lower_words(doc)[max(sent.start, span.start - 3): span.start]
            if before and before[-1] == "from":
                if len(before) > 1 and (before[-2] in self.leave_verbs or before[-2] in ("home", "back") or
                                        span.start - 1 in region_index(doc).by_end):
                    # `departed from`, `returned home from`, `came back from`, `flew back to Nanning from`
                    return get(span, "value")
            elif before and before[-1] in self.leave_verbs:
                return get(span, "value")
        return None

    def paragraph_destination(self, doc: Doc, number: Span, facts: list[Span]) -> str | None:
        """`260 medical workers came to Wuhan ... a charter plane brought 264 medics from Xiamen`: staff with no
        destination of their own, in the paragraph of staff sent somewhere, went there too."""
        previous = last_before(facts, number.start, lambda f: f.label_ == "personnel_count",
                               floor=number.start - LOOKBACK)
        if previous is None or not get(previous, "destination"):
            return None
        if any("\n" in t for t in token_texts(doc)[previous.end: number.start]):
            return None
        before = sentence_of(doc, previous.start)
        if not self.receive_verbs.isdisjoint(lower_words(doc)[before.start: previous.start]):
            return None   # `Wuhan has received 11,000 medical personnel`: an intake from everywhere, not a journey
        return get(previous, "destination")

    def team_region_in(self, doc: Doc, start: int, end: int, regions) -> str | None:
        """The region naming a team in a sentence (`medical team of Shandong province`, `the Shandong medical
        team`), when the sentence names one such region only."""
        words = lower_words(doc)
        found, last_end = set(), None
        for span in spans_in(regions, start, end):
            k = span.start - 1
            while k > start and words[k] in ("the", "a"):
                k -= 1
            team_of = k > start and words[k] == "of" and self.classify_word(doc, k - 1) == "team"
            listed = last_end is not None and all(w in ("and", ",", "province", "provinces")
                                                  for w in words[last_end: span.start])
            if team_of or listed or self.is_team_modifier(doc, span):
                found.add(get(span, "value"))
                last_end = span.end
        return found.pop() if len(found) == 1 else None

    def lead_origin(self, doc: Doc, lead: tuple[int, int, Span], regions) -> str | None:
        """Where a lead sentence's groups come from: `from X` (`Two groups of medics from Shanxi`), a team of
        X (`two Shanxi medical teams`), or the sender (`Ningxia sent three medical teams`)."""
        lo, hi, teams = lead
        source = first_region_after_word(doc, {"from"}, lo, hi, regions)
        if source is not None:
            return self.one_sender(doc, source, hi, regions)
        found = self.team_region_in(doc, lo, hi, regions)
        if found is not None:
            return found
        words = lower_words(doc)
        for span in spans_in(regions, lo, teams.start):
            if governing_preposition(doc, span, self.blocking) is None and \
                    not self.send_verbs.isdisjoint(words[span.end: teams.start]):
                return get(span, "value")
        return None

    def landed_home(self, doc: Doc, sent: Span, destination: str | None, origin: str | None) -> bool:
        return home_arrival(doc, sent.start, destination, origin, self.province_of, self.hubei_or_in_it)

    def is_team_noun(self, word: str) -> bool:
        return self.noun_class.get(word) == "team"

    def is_team_word(self, word: str) -> bool:
        return self.noun_class.get(word) in ("team", "personnel")

    def one_sender(self, doc: Doc, source: Span, end: int, regions) -> str | None:
        """The region of `from X`, or of `from X and Y` the province both lie in (`from Jinan and Qingdao`:
        Shandong); staff `from Shanghai and Guangdong` have no one origin."""
        listed = region_runs(doc, spans_in(regions, source.start, end))[0]
        if len(listed) == 1:
            return get(source, "value")
        provinces = {self.province_of(get(span, "value")) for span in listed}
        return provinces.pop() if len(provinces) == 1 else None

    def several_senders(self, doc: Doc, head: Head, end: int) -> bool:
        """Staff `from Shanghai and Guangdong`: several origins, so no article helper either."""
        regions = region_index(doc).regions
        source = first_region_after_word(doc, {"from"}, head.end, end, regions)
        return source is not None and self.one_sender(doc, source, end, regions) is None

    def province_of(self, name: str) -> str | None:
        region = self.gazetteer[name]
        for _ in range(3):   # county -> prefecture -> province
            if region.is_provincial or region.parent is None:
                return region.canonical if region.is_provincial else None
            region = self.gazetteer[region.parent]
        return None

    def arrived_at(self, doc: Doc, span: Span, origin: str | None) -> bool:
        """`landed at Xiamen Gaoqi airport`, `will work at Wuhan's Leishenshan Hospital`, outside the province
        the staff come from (else they came home)."""
        at = governing_preposition(doc, span, frozenset({"at"}), n=3)
        if at is None or at == 0:
            return False
        verb = lower_words(doc)[at - 1]
        if verb not in staff_words()["arrival_verbs"] and verb not in staff_words()["work_verbs"]:
            return False
        return origin is None or (self.parent_of(get(span, "value")) != origin and get(span, "value") != origin)

    def sent_by(self, doc: Doc, span: Span, floor: int) -> bool:
        """The agent of a passive send: `nurses sent by Fujian province`, `dispatched by the Hebei government`."""
        by = governing_preposition(doc, span, frozenset({"by"}), n=3)
        return by is not None and by - 1 >= floor and lower_words(doc)[by - 1] in self.send_verbs

    def parent_of(self, region: str | None) -> str | None:
        return self.gazetteer[region].parent if region else None

    def hubei_or_in_it(self, name: str) -> bool:
        return name == "Hubei" or self.gazetteer[name].in_hubei

    def home_of_team(self, doc: Doc, sent: Span, regions) -> str | None:
        """The team's own region when the sentence names it outside Hubei (`the Shanghai medical team`)."""
        for span in spans_in(regions, sent.start, sent.end):
            if not self.hubei_or_in_it(get(span, "value")) and self.is_team_modifier(doc, span):
                return get(span, "value")
        return None

    def aided_region(self, doc: Doc) -> str | None:
        index = doc_index(doc)   # once per document: every staff count of it may ask
        if index.aided_region is UNKNOWN:
            index.aided_region = self.find_aided_region(doc)
        return index.aided_region

    def find_aided_region(self, doc: Doc) -> str | None:
        """Where staff went when their sentence does not say, in an article about aid to Hubei: Hubei when the
        article names the province, else its city named most (at least twice; the earlier if tied)."""
        counts: dict[str, int] = {}
        first: dict[str, int] = {}
        for span in region_index(doc).regions:
            name = get(span, "value")
            if name == "Hubei" and describes_city(doc, span, self.hubei_or_in_it):
                continue   # `Wuhan, capital of Hubei province`: the article is about the city
            if self.hubei_or_in_it(name):
                counts[name] = counts.get(name, 0) + 1
                first.setdefault(name, span.start)
        if not counts:
            return None
        if "Hubei" in counts:
            return "Hubei"   # true of every team the province received, whichever city it went to
        best = min(counts, key=lambda name: (-counts[name], first[name]))
        return best if counts[best] >= 2 else None   # named once, it may be where only some of them went

    def sent_to_help(self, doc: Doc, sent: Span) -> bool:
        """A sentence about staff sent or going to help (a send verb, an aid word, a return home)."""
        words = set(lower_words(doc)[sent.start: sent.end])
        if any(self.noun_class.get(w) == "team" for w in words) and "medical" in words:
            return True   # `The third national medical team consists of 60 persons from Tianjin, ...`
        return not (words.isdisjoint(self.send_verbs) and words.isdisjoint(self.dest_verbs) and
                    words.isdisjoint(self.return_cues) and words.isdisjoint(("assistance", "aid", "support")))

    @staticmethod
    def possessor(doc: Doc, span: Span) -> bool:
        """A region followed by 's and another region (`Hubei's Xiaogan`)."""
        j = span.end
        if j + 1 >= len(doc) or token_texts(doc)[j] not in POSSESSIVE_MARKS:
            return False
        by_start = region_index(doc).by_start
        if j + 1 in by_start:
            return True   # (`Hubei's capital` alone is a span of the capital: regions.with_possessed_capitals)
        if j + 2 < len(doc) and lower_words(doc)[j + 1] in ("capital", "city"):
            j += 1   # `Hubei province's capital Wuhan`
            if j + 2 < len(doc) and lower_words(doc)[j + 1] == ",":
                j += 1   # `Hubei's capital, Wuhan`
        return j + 1 in by_start

    def refers_back(self, doc: Doc, sent: Span, number: Span) -> bool:
        """A sentence about earlier staff: `They ...`, `Among them, ...`, or one whose subject is `the medical
        staff` or `the team` (not `The hospital has 1,000 beds and will be staffed by 1,400 ...`)."""
        words = lower_words(doc)[sent.start: min(sent.end, sent.start + 5)]
        if not words:
            return False
        if words[0] in ("they", "among", "these", "those") or (words[0] == "of" and "them" in words[:3]):
            return True
        return words[0] in ("the", "this", "that") and any(
            self.noun_class.get(w) in ("personnel", "team") for w in words[1:4])
