"""aidfacts_pairings: a helper province assigned to a Hubei city -> doc.spans["pairing"].

A pairing joins a provincial-level area outside Hubei (the helper) to an area inside Hubei (the
recipient). Rules, each named on the span it makes:
- pairing_assigned: `Shandong and Hunan provinces have been assigned to support Huanggang`
- pairing_backed_by: `Xiaogan ... will be backed by both Chongqing municipality and Heilongjiang province`
- pairing_helps: `Henan helps Suizhou`, `to help Xiantao`
- pairing_linked: `Zhejiang, which is paired with Jingmen`, `A and B are paired with C and D, respectively`
- pairing_staff_sent: a staff count from a helper to a Hubei city other than Wuhan (Wuhan was supported by
  the whole country, outside the pairing scheme)
- pairing_team_in: a sentence about a helper's medical team and a Hubei city it goes to or works in
- pairing_team_of_article: `The medical team ... in Qianjiang` in an article about one helper province
- pairing_scheme_of_article: staff sent to a Hubei city under the pairing scheme, in such an article
A region after `other than`, `except` is never a recipient; Wuhan is one only where an assignment says so.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from extract.nlp.extensions import get, put
from extract.nlp.gazetteer import default_gazetteer
from extract.nlp.rules.pairing_aid import HELPER_GLUE, aid_noun_pairs
from extract.nlp.rules.relations import (clause_bounds, dominant_helper, governing_preposition, lower_words, region_index,
                         region_list_from, region_runs, sentence_index, set_spans, spans_in, spans_of, token_texts)
from extract.nlp.triggers import triggers, word_set

SPAN_KEY = "pairing"
HELPER_UNIT = "helper_unit"
# the auxiliaries a clause's verb opens with: a region right before one is that clause's subject
CLAUSE_VERBS = frozenset({"has", "have", "had", "is", "are", "was", "were", "will", "would"})
POSSESSIVE_JOINS = frozenset({"'s", "’s"})
LOCATIVE_JOINS = frozenset({"in", "of", ","})
UNIT_WORDS = POSSESSIVE_JOINS | LOCATIVE_JOINS | {"province", "city", "municipality"}
NATIONAL_HUB = "Wuhan"
LIST_GLUE = word_set("role_list_glue")
POSSESSIVES = frozenset({"their", "its", "his", "her", "our"})
BACKED_PLACE_PREPS = frozenset({"in", "of", "to", "from", "near"})
FROM = frozenset({"from"})
EXCLUSION_REACH = 6   # `apart from the capital city of Wuhan`: the words between the phrase and the place
EXCLUDING = frozenset({("other", "than"), ("apart", "from"), ("aside", "from"), ("except", "for")})
EXCLUDING_WORDS = ("except", "excluding", "besides")
# the words an exclusion ends with: where none stands before a region, the region is not excluded
EXCLUSION_LAST_WORDS = frozenset(EXCLUDING_WORDS) | {second for _, second in EXCLUDING}


@Language.factory("aidfacts_pairings", assigns=["doc.spans"], requires=["doc.spans"], default_config={})
def make_pairings(nlp: Language, name: str) -> "PairingExtractor":
    return PairingExtractor()


class PairingExtractor:
    """Sets doc.spans["pairing"]: span from the first to the last of the two region mentions,
    span._.helper and span._.recipient canonical names, span.id_ the rule. One span per pair and document."""

    def __init__(self):
        self.gazetteer = default_gazetteer()
        self.assign = word_set("pairing_assign_verbs")
        self.help = word_set("pairing_help_verbs")
        self.passive = word_set("pairing_passive_verbs")
        self.link = word_set("pairing_link_words")
        self.receive = word_set("receive_verbs")
        self.blocking = word_set("subject_blocking_preps")
        self.send = word_set("send_verbs")
        self.dest_preps = word_set("destination_preps")
        self.staff_nouns = set(triggers()["nouns"]["personnel"]) | set(triggers()["nouns"]["team"])
        self.help_or_passive = self.help | self.passive
        self.contrast = word_set("pairing_contrast_words")
        self.dest_preps_or_of = self.dest_preps | {"of"}   # made once, not per sentence

    def region_of(self, span: Span):
        if span.label_ == HELPER_UNIT:   # `Jiangsu's Yancheng`: the province the unit helps as
            return self.gazetteer[span.kb_id_]
        return self.gazetteer[region_index(span.doc).value_at[span.start]]

    def helper_units(self, doc: Doc, regions: list[Span]) -> list[Span]:
        """The sentence's regions with each city outside Hubei and its own province named beside it made one
        helper (`Jiangsu's Yancheng`, `Yancheng in Jiangsu`, `Yancheng, Jiangsu province`): the pair helps as the
        province, and the pair is one item of a list (`Jiangsu's Yancheng and Zhejiang's Ningbo`)."""
        words, units, k = lower_words(doc), [], 0
        while k < len(regions):
            first, second = regions[k], regions[k + 1] if k + 1 < len(regions) else None
            province = self.province_beside(first, second, words[first.end: second.start]) if second else None
            if province is None:
                units.append(first)
                k += 1
                continue
            units.append(Span(doc, first.start, second.end, label=HELPER_UNIT, kb_id=province))
            k += 2
        return units

    def province_beside(self, first: Span, second: Span, between: list[str]) -> str | None:
        """The province of a (province, its city) or (city, its province) pair named together, else None."""
        a, b = self.region_of(first), self.region_of(second)
        if a.is_provincial and not b.is_provincial and b.parent == a.canonical and a.canonical != "Hubei":
            province, joins = a.canonical, POSSESSIVE_JOINS   # `Jiangsu's Yancheng`, `Zhejiang province's Ningbo`
        elif b.is_provincial and not a.is_provincial and a.parent == b.canonical and b.canonical != "Hubei":
            province, joins = b.canonical, LOCATIVE_JOINS     # `Yancheng in Jiangsu`, `Yancheng, Jiangsu province`
        else:
            return None
        return province if between and not joins.isdisjoint(between) and UNIT_WORDS.issuperset(between) else None

    def is_helper(self, span: Span) -> bool:
        region = self.region_of(span)
        return region.is_provincial and region.canonical != "Hubei"

    @staticmethod
    def excluded(span: Span) -> bool:
        """A region after `other than`, `except`, `apart from` ... in its own phrase (up to a comma)."""
        words, texts = lower_words(span.doc), token_texts(span.doc)
        if EXCLUSION_LAST_WORDS.isdisjoint(words[max(0, span.start - EXCLUSION_REACH):span.start]):
            return False   # the usual case, settled in C
        for j in range(span.start - 1, max(-1, span.start - 1 - EXCLUSION_REACH), -1):
            if words[j] in (",", ";", ":", ".") or texts[j].isspace():   # what Token.is_space says
                return False
            if words[j] in EXCLUDING_WORDS or (j >= 1 and (words[j - 1], words[j]) in EXCLUDING):
                return True
        return False

    def is_recipient(self, span: Span, allow_hub: bool = True) -> bool:
        if self.excluded(span):
            return False   # `cities other than Wuhan`, `except Xiaogan`, `Apart from the capital city of Wuhan`
        region = self.region_of(span)
        return region.in_hubei and (allow_hub or region.canonical != NATIONAL_HUB)

    def __call__(self, doc: Doc) -> Doc:
        found: dict[tuple[str, str], Span] = {}
        index = region_index(doc)
        regions = index.regions
        value_at = index.value_at   # the canonical names of this document's regions, by first token
        sentences = sentence_index(doc)
        for start, end in zip(sentences.starts, sentences.ends):
            in_sent = spans_in(regions, start, end)
            if not any(self.is_recipient(r) for r in in_sent):
                continue   # every rule needs a recipient in the sentence
            in_sent = self.helper_units(doc, in_sent)
            for helper, recipient, rule, *named in self.sentence_pairs(doc, Span(doc, start, end), in_sent):
                self.add(doc, found, helper, recipient, rule, *named)
        for fact in spans_of(doc, "count"):
            if fact.label_ != "personnel_count":
                continue
            origin, destination = get(fact, "origin"), get(fact, "destination")
            if origin and destination:
                helper = self.helper_of(origin)
                recipient = self.gazetteer[destination]
                if helper and recipient.in_hubei and recipient.canonical != NATIONAL_HUB:
                    mentions = [s for s in spans_in(regions, *sentences.bounds(fact.start))
                                if value_at[s.start] in (origin, destination)]
                    if len({value_at[m.start] for m in mentions}) == 2:
                        h = next(m for m in mentions if value_at[m.start] == origin)
                        r = next(m for m in mentions if value_at[m.start] == destination)
                        self.add(doc, found, h, r, "pairing_staff_sent", helper=helper)
        set_spans(doc, SPAN_KEY, sorted(found.values(), key=lambda s: (s.start, s.end)))
        return doc

    def helper_of(self, name: str) -> str | None:
        region = self.gazetteer[name]
        if region.is_provincial:
            return None if region.canonical == "Hubei" else region.canonical
        return region.parent if region.parent not in (None, "Hubei") else None

    def add(self, doc: Doc, found: dict, helper_span: Span, recipient_span: Span, rule: str,
            helper: str | None = None) -> None:
        """Keep the first mention of each (helper, recipient) pair in the document."""
        key = (helper or self.region_of(helper_span).canonical, self.region_of(recipient_span).canonical)
        if key in found or key[0] == key[1]:
            return
        start = min(helper_span.start, recipient_span.start)
        end = max(helper_span.end, recipient_span.end)
        span = Span(doc, start, end, label="pairing", span_id=rule)
        put(span, "helper", key[0])
        put(span, "recipient", key[1])
        found[key] = span

    def sentence_pairs(self, doc: Doc, sent: Span, regions: list[Span]):
        """The sentence's pairs; where a helping verb states who helps whom, lists are not also linked by
        nearness (`X support Y, A and B support the Z`)."""
        stated = list(self.verb_pairs(doc, sent, regions))
        yield from stated
        if not stated:
            yield from self.linked_pairs(doc, sent, regions, lower_words(doc)[sent.start:sent.end])
        words = lower_words(doc)[sent.start:sent.end]
        yield from aid_noun_pairs(self, doc, sent, regions, words)
        yield from self.team_pairs(doc, sent, regions, words)
        yield from self.scheme_pairs(doc, sent, regions, words)

    def verb_pairs(self, doc: Doc, sent: Span, regions: list[Span]):
        words = lower_words(doc)[sent.start:sent.end]
        # set operations in C first: most sentences have none of the words a rule needs
        for k in ([] if self.help_or_passive.isdisjoint(words) else
                  [k for k, low in enumerate(words) if low in self.help_or_passive]):
            low = words[k]
            token = sent[k]
            # pairing_assigned / pairing_helps: HELPERS ... (assigned) to help RECIPIENTS
            if low in self.help and k > 0:
                assigned = any(w in self.assign for w in words[max(0, k - 5): k])
                listed = self.list_after(doc, token.i + 1, sent.end, regions)
                # `X and Y will support Xiaogan, Shandong and Hunan Huanggang`: a helper in the list after the verb
                # starts another pairing whose verb is left out; the verb's own recipients end there
                helper_at = next((k for k, r in enumerate(listed) if self.is_helper(r)), len(listed))
                lo = sent.start if assigned else self.clause_start(doc, token.i, sent.start)
                # Wuhan was helped by the whole country: `a team to aid Wuhan` pairs nobody with it, even where
                # the team was assigned to; only a region assigned to it is paired with it
                hub = assigned and self.staff_nouns.isdisjoint(words[lo - sent.start: k])
                recipients = [r for r in listed[:helper_at] if self.is_recipient(r, allow_hub=hub)]
                if not recipients:
                    continue
                runs = region_runs(doc, spans_in(regions, lo, token.i), HELPER_GLUE)
                # `Shandong and Hunan provinces have been assigned`; the last list with a helper in it (`Guangdong,
                # which sent nurses to Wuhan, helps Jingzhou`)
                helpers = next((run for run in reversed(runs) if any(self.helper_name(h) for h in run)), [])
                rule = "pairing_assigned" if assigned else "pairing_helps"
                respectively = self.respectively(doc, token.i)
                groups = [(helpers, recipients)] + self.elided_groups(listed[helper_at:], hub)
                for group_helpers, group_recipients in groups:
                    yield from self.group_pairs(group_helpers, group_recipients, rule, respectively)
            # pairing_backed_by: RECIPIENT ... backed by (both) HELPERS
            if low in self.passive and k + 1 < len(words) and words[k + 1] == "by":
                helpers = [h for h in self.list_after(doc, token.i + 2, sent.end, regions) if self.is_helper(h)]
                before = [r for r in regions if r.end <= token.i and self.is_recipient(r)
                          and governing_preposition(doc, r, BACKED_PLACE_PREPS) is None]
                if helpers and before:   # the list the last of them ends: `Xiangyang and Jingzhou are backed by`
                    subjects = region_runs(doc, before, LIST_GLUE)[-1]
                    for h, r in self.matched(helpers, subjects, self.respectively(doc, token.i)):
                        yield h, r, "pairing_backed_by"

    @staticmethod
    def clause_start(doc: Doc, i: int, floor: int) -> int:
        """Where the clause of a helping verb starts, its subject included: a list of regions whose last member
        follows `, and` (`A and B, C and D, and E and F will support`) and the antecedent of a relative clause
        (`Guangdong, which helps Jingzhou, ...`) are the clause's own."""
        words, ends = lower_words(doc), region_index(doc).by_end
        lo = clause_bounds(doc, i)[0]
        while lo - 2 >= floor and words[lo - 1] == "," and (
                words[lo] in ("and", "or", "which", "that") and lo - 1 in ends):
            lo = clause_bounds(doc, lo - 2)[0]
        return lo

    def elided_groups(self, listed: list[Span], assigned: bool) -> list[tuple[list[Span], list[Span]]]:
        """The pairings whose verb is left out after the first (`..., Jiangxi and Henan Suizhou and Xinyang`):
        each run of helpers with the run of recipients after it."""
        groups, k = [], 0
        while k < len(listed):
            helpers = []
            while k < len(listed) and self.is_helper(listed[k]):
                helpers.append(listed[k])
                k += 1
            recipients = []
            while k < len(listed) and not self.is_helper(listed[k]):
                if self.is_recipient(listed[k], allow_hub=assigned):
                    recipients.append(listed[k])
                k += 1
            if helpers and recipients:
                groups.append((helpers, recipients))
        return groups

    def group_pairs(self, helpers: list[Span], recipients: list[Span], rule: str, respectively: bool):
        """A list of helpers with the list of recipients it helps: in order with `respectively` when the lists
        are as long (`Shandong and Hunan will help Huanggang and Ezhou respectively`), else every way. A city
        outside Hubei helps as its province (`Jiangsu's Yancheng will support Huangshi`: Jiangsu, as the contract
        names helpers by province)."""
        named = {h.start: self.helper_name(h) for h in helpers}
        for h, r in self.matched([h for h in helpers if named[h.start] is not None], recipients, respectively):
            yield h, r, rule, named[h.start]

    @staticmethod
    def matched(helpers: list[Span], recipients: list[Span], respectively: bool) -> list[tuple[Span, Span]]:
        """The pairs two lists make: by position with `respectively` when they are as long, or when the helpers
        come in as many groups as there are recipients (`A and B, C and D will support X and Y respectively`);
        none with it otherwise (which helper has which city is then unknown); without it, every helper with
        every recipient."""
        if respectively:
            if len(helpers) == len(recipients):
                return list(zip(helpers, recipients))
            groups = PairingExtractor.helper_groups(helpers)
            if groups is None or len(groups) != len(recipients):
                return []
            return [(h, r) for group, r in zip(groups, recipients) for h in group]
        return [(h, r) for h in helpers for r in recipients]

    @staticmethod
    def helper_groups(helpers: list[Span]) -> list[list[Span]] | None:
        """A list of helpers in groups (`Chongqing and Heilongjiang, Shandong and Hunan, and Jiangxi and
        Henan`): split at its commas, each group's members joined by `and`. None unless every group has two
        or more members, so that `A, B and C` is one list, not groups."""
        if len(helpers) < 4:
            return None
        words = lower_words(helpers[0].doc)
        groups = [[helpers[0]]]
        for before, helper in zip(helpers, helpers[1:]):
            between = words[before.end: helper.start]
            if "," in between:
                groups.append([helper])
            elif "and" in between:
                groups[-1].append(helper)
            else:
                return None
        return groups if len(groups) > 1 and all(len(group) > 1 for group in groups) else None

    @staticmethod
    def respectively(doc: Doc, i: int) -> bool:
        """`respectively` in the clause of token i (`will respectively support`, `... and Ezhou, respectively`)."""
        lo, hi = clause_bounds(doc, i)
        return "respectively" in lower_words(doc)[lo:hi]

    def helper_name(self, span: Span) -> str | None:
        """The helper province a region before a helping verb stands for: itself, or a city's province
        outside Hubei (None for Hubei and its cities)."""
        region = self.region_of(span)
        if self.is_helper(span):
            return region.canonical
        if region.in_hubei or region.canonical == "Hubei" or region.is_provincial:
            return None
        return self.helper_of(region.canonical)

    def scheme_pairs(self, doc: Doc, sent: Span, regions: list[Span], words: list[str]):
        """pairing_scheme_of_article: `More medical staff will be dispatched to Hubei's Yichang under the pairing
        support policy` in an article about one helper province: that province and the city."""
        if self.link.isdisjoint(words) or any(self.is_helper(r) for r in regions):
            return
        if self.send.isdisjoint(words) and self.help.isdisjoint(words):
            return
        helper = dominant_helper(doc, self.gazetteer)
        if helper is None:
            return
        for r in regions:
            if self.is_recipient(r, allow_hub=False) and \
                    governing_preposition(doc, r, self.dest_preps, n=6) is not None:
                yield r, r, "pairing_scheme_of_article", helper

    def linked_pairs(self, doc: Doc, sent: Span, regions: list[Span], words: list[str]):
        """pairing_linked: in a sentence with a pairing word (`paired`, `responsible for`, `in charge of`),
        each list of recipients goes with the list of helpers next to it: `Zhejiang, which is paired with
        Jingmen`, `Jiangsu will be paired with Huangshi, Fujian with Yichang`, `Jingmen is paired with
        Zhejiang`; with `respectively`, the two lists are zipped."""
        if not self.links(words):
            return
        runs = self.role_runs(doc, regions)
        helpers = [r for role, run in runs if role == "helper" for r in run]
        recipients = [r for role, run in runs if role == "recipient" for r in run]
        if "respectively" in words:
            yield from ((h, r, "pairing_linked") for h, r in self.matched(helpers, recipients, True))
            return
        pending: tuple[str, list[Span]] | None = None   # a list waiting for its partner list
        for role, run in runs:
            if role == "other":
                continue
            if pending is not None and pending[0] != role:
                helpers, recipients = (pending[1], run) if role == "recipient" else (run, pending[1])
                yield from ((h, r, "pairing_linked") for h in helpers for r in recipients)
                pending = None
            else:
                pending = (role, run)

    def links(self, words: list[str]) -> bool:
        """A pairing word in the sentence; not `their counterparts in Wuhan`, fellow workers somewhere (`its
        counterpart in Xiaogan` is the paired city)."""
        if self.link.isdisjoint(words):
            return False   # most sentences: decided in C
        return any(w in self.link and not (w == "counterparts" and k > 0 and words[k - 1] in POSSESSIVES and
                                           words[k + 1: k + 2] in (["in"], ["at"]))
                   for k, w in enumerate(words))

    def role_runs(self, doc: Doc, regions: list[Span]) -> list[tuple[str, list[Span]]]:
        """Regions grouped into lists of one role (`Chongqing and Heilongjiang`, `Qianjiang, Xiantao and
        Tianmen`); a region of neither role (Hubei itself, a city elsewhere) only separates lists."""
        return [(self.role(run[0]), run) for run in region_runs(doc, regions, LIST_GLUE, key=self.role)]

    def role(self, span: Span) -> str:
        """A list's role in a sentence with a pairing word; Wuhan is no recipient there (`doctors from Jiangsu
        were responsible for two wards in Wuhan`: a team's work in the city the whole country helped)."""
        return "helper" if self.is_helper(span) else \
            "recipient" if self.is_recipient(span, allow_hub=False) else "other"

    def team_pairs(self, doc: Doc, sent: Span, regions: list[Span], words: list[str]):
        """A helper's staff and a Hubei city they go to or work in, in one sentence."""
        if self.staff_nouns.isdisjoint(words):
            return
        governed = [r for r in regions if governing_preposition(doc, r, self.dest_preps_or_of, n=6) is not None]
        for k in [k for k, w in enumerate(words) if w in self.receive][:1]:
            # `Huanggang has received 1,200 medical workers from Shandong and Hunan`: the staff received in the
            # verb's own clause (`while Huanggang received masks` receives no staff)
            lo, hi = clause_bounds(doc, sent.start + k)
            if not self.staff_nouns.isdisjoint(words[k:hi - sent.start]):
                governed += [r for r in regions if lo <= r.start and r.end <= sent.start + k and
                             governing_preposition(doc, r, self.blocking, n=6) is None]
        listed = {s.start: s for r in governed for s in self.listed_objects(doc, r, regions)}
        places = [r for _, r in sorted(listed.items()) if self.is_recipient(r)]
        recipients = [r for r in places if self.is_recipient(r, allow_hub=False)]
        if not recipients:
            return
        helpers = [h for h in regions if self.is_helper(h) and self.is_staff_source(doc, h, sent)]
        if "respectively" in words:   # zipped with every place they went to, Wuhan's pair then dropped
            yield from ((h, r, "pairing_team_in") for h, r in self.matched(helpers, places, True)
                        if self.is_recipient(r, allow_hub=False))
        for r in [] if "respectively" in words else recipients:
            # `Teams from Beijing went to Wuhan, and a team from Jiangsu went to Huangshi`: the helpers of the
            # recipient's own clause, where it names any; else the sentence's (`Shandong and Hunan, which had
            # sent 550 medics to Huanggang`)
            lo, hi = clause_bounds(doc, r.start)
            own = [h for h in helpers if lo <= h.start and h.end <= hi]
            yield from ((h, r, "pairing_team_in") for h in own or helpers if not self.contrasted(doc, h, r))
        if not any(self.is_helper(h) for h in regions) and words[0] == "the" and \
                any(w in self.staff_nouns for w in words[1:5]):
            helper = dominant_helper(doc, self.gazetteer)
            for r in recipients if helper else []:
                yield r, r, "pairing_team_of_article", helper

    def contrasted(self, doc: Doc, a: Span, b: Span) -> bool:
        """Two regions on either side of `while`, `whereas`, `but` (`Chongqing sent medics to Xiaogan while
        Heilongjiang sent 500 to Wuhan`): of different clauses, however the commas stand."""
        lo, hi = (a.end, b.start) if a.start < b.start else (b.end, a.start)
        return not self.contrast.isdisjoint(lower_words(doc)[lo:hi])

    def listed_objects(self, doc: Doc, first: Span, regions: list[Span]) -> list[Span]:
        """The regions listed from `first` up to one that starts a clause of its own as its subject (`flew to
        Wuhan, and Huanggang got ventilators`: Huanggang is no place they flew to)."""
        listed = region_list_from(doc, first, regions)
        words = lower_words(doc)
        for k, r in enumerate(listed[1:], 1):
            after = words[r.end: r.end + 2]
            if after and (after[0] in CLAUSE_VERBS or after[0] in self.receive or
                          (after[0] in ("also", "then") and len(after) > 1 and after[1] in self.receive)):
                return listed[:k]
        return listed

    def is_staff_source(self, doc: Doc, span: Span, sent: Span) -> bool:
        """`Shandong medical workers`, `staff from Shandong and Hunan`, `Guangdong sends ... team`."""
        after = lower_words(doc)[span.end: min(sent.end, span.end + 4)]
        if any(w in self.staff_nouns for w in after[:3]):
            return True
        if governing_preposition(doc, span, FROM, n=6) is not None:
            return True
        j = span.start - 1
        while j >= sent.start and (token_texts(doc)[j] == "," or lower_words(doc)[j] in ("and", "provinces") or
                                   j + 1 in region_index(doc).by_end):
            j -= 1
        if j >= sent.start and lower_words(doc)[j] == "from":
            return True
        return any(w in self.send for w in after[:3])

    @staticmethod
    def list_after(doc: Doc, start: int, end: int, regions: list[Span]) -> list[Span]:
        """Regions listed right after a position: `both Chongqing municipality and Heilongjiang province`."""
        items, j = [], start
        skip = {"both", "and", ",", "the", "city", "of", "provinces", "cities", "municipalities", "central",
                "china", "'s", "’s", "province", ";"}   # `; Shandong and Hunan, Huanggang`: a verb left out
        by_start = {r.start: r for r in regions}
        while j < end:
            if j in by_start:
                items.append(by_start[j])
                j = by_start[j].end
                continue
            if lower_words(doc)[j] not in skip:
                break
            j += 1
        return items
