"""Trigger words (statuses, qualifiers, count nouns, verbs) loaded once from data/triggers.json."""
from __future__ import annotations

import functools
import json
from types import MappingProxyType

from extract.nlp.gazetteer import data_path


def _freeze(value):
    if isinstance(value, dict):
        return MappingProxyType({k: _freeze(v) for k, v in value.items()})
    if isinstance(value, list):
        return tuple(value)
    return value


@functools.lru_cache(maxsize=1)
def triggers() -> MappingProxyType:
    """The trigger table, read-only so that no component can change another's words."""
    with open(data_path("triggers.json"), encoding="utf-8") as handle:
        return _freeze(json.load(handle))


def word_set(*path: str) -> frozenset[str]:
    node = triggers()
    for key in path:
        node = node[key]
    return frozenset(w.lower() for w in node)


class StatusTable:
    """Which status words name: the first status of data/triggers.json's `status_priority` that a list of
    words holds, except that two statuses joined into one group (`severe or critical`) are the group's
    (`status_unions`): the count is of both, so it is no count of the narrower one."""

    def __init__(self):
        t = triggers()
        self.words = {status: word_set("statuses", status) for status in t["statuses"]}
        self.priority = tuple(t["status_priority"])
        self.links = word_set("status_unions", "links")
        self.unions = [(frozenset(group["statuses"]), group["as"]) for group in t["status_unions"]["groups"]]
        self.by_word: dict[str, str] = {}
        for status in reversed(self.priority):
            self.by_word.update({w: status for w in self.words[status]})
        phrases = t["status_phrases"]
        self.phrases = tuple((tuple(p.lower().split()), status) for status in self.priority
                             for p in phrases.get(status, ()))
        self.phrase_starts = frozenset(p[0] for p, _ in self.phrases)
        self.any_word = frozenset().union(*self.words.values())   # a word of any status

    def first(self, words) -> str | None:
        said = self.phrase_statuses(words) if not self.phrase_starts.isdisjoint(words) else ()
        if not said and self.any_word.isdisjoint(words):
            return None   # (one set test: most word lists name no status)
        status = next((st for st in self.priority if st in said or not self.words[st].isdisjoint(words)), None)
        if status is None or not self.unions:
            return status
        for members, union in self.unions:
            if status in members and self.joined(list(words), members):
                return union
        return status

    def phrase_statuses(self, words) -> set[str]:
        """The statuses that a phrase of status_phrases names in a sequence of words (`have left hospital`)."""
        seq = list(words)
        said = set()
        for k, word in enumerate(seq):
            if word in self.phrase_starts:
                said.update(status for phrase, status in self.phrases if tuple(seq[k: k + len(phrase)]) == phrase)
        return said

    def joined(self, words: list[str], members: frozenset[str]) -> bool:
        """Two words of two of the group's statuses joined by a link (`severe or critical`)."""
        by_word = self.by_word
        for k in range(len(words) - 2):
            first, second = by_word.get(words[k]), by_word.get(words[k + 2])
            if first in members and second in members and first != second and words[k + 1] in self.links:
                return True
        return False


@functools.lru_cache(maxsize=1)
def status_table() -> StatusTable:
    return StatusTable()
