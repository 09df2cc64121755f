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
