"""The single table of `._` attributes aidfacts sets on Doc and Span objects, and fast access to them.

`span._.value` builds an Underscore object and goes through its generic __getattr__ on every access; the
rules read span attributes hundreds of times per article, so they use `get(span, name)` and
`put(span, name, value)`, which read and write the very same doc.user_data entries spaCy uses for `span._`
(tests/test_extensions.py checks that both ways agree)."""
from __future__ import annotations

from itertools import repeat

from spacy.tokens import Doc, Span

DOC_EXTENSIONS = {
    "published": None,         # ISO publication date, granularity kept (2020-03 stays a month)
    "published_source": None,  # "text", "manifest", "argument" or None
    "doc_id": None,
}
SPAN_EXTENSIONS = {
    "value": None, "missing": False, "qualifier": None, "status": None, "period": None, "unit": None,
    "region": None, "origin": None, "destination": None, "date": None, "helper": None, "recipient": None,
    "expected": None, "code": None, "dateline": False, "noun_class": None, "head_end": None,
    "event": None, "scope": None, "teams": None,   # a staff count's: sent or returned, batch/total/part, teams
    "whole_country": None,     # a case count the rules read as the whole country's (no region of its own)
    "places": None,            # a count stated for each of several places (region names): one fact per place
}
SPAN_KEY = "._."   # the first element of spaCy's user_data key for a span extension value


def register() -> None:
    """Register every extension; safe to call more than once."""
    for name, default in DOC_EXTENSIONS.items():
        Doc.set_extension(name, default=default, force=True)
    for name, default in SPAN_EXTENSIONS.items():
        Span.set_extension(name, default=default, force=True)


def get(span: Span, name: str):
    """span._.<name>, without building an Underscore object."""
    return span.doc.user_data.get((SPAN_KEY, name, span.start_char, span.end_char), SPAN_EXTENSIONS[name])


def get_all(span: Span, names: tuple[str, ...]) -> list:
    """[span._.<name> for name in names], reading the span's offsets and the doc's user_data once."""
    data, start, end = span.doc.user_data, span.start_char, span.end_char
    # (the keys zipped and looked up in C: no bytecode per name)
    return list(map(data.get, zip(repeat(SPAN_KEY), names, repeat(start), repeat(end)),
                    map(SPAN_EXTENSIONS.__getitem__, names)))


def set_doc_attributes(doc: Doc, **values) -> None:
    """doc._.<name> = value for each, without building an Underscore object per attribute."""
    for name, value in values.items():
        if name not in DOC_EXTENSIONS:
            raise AttributeError(f"unknown doc attribute {name!r}")
        doc.user_data[(SPAN_KEY, name, None, None)] = value


def put(span: Span, name: str, value) -> None:
    """span._.<name> = value, without building an Underscore object."""
    if name not in SPAN_EXTENSIONS:
        raise AttributeError(f"unknown span attribute {name!r}")
    span.doc.user_data[(SPAN_KEY, name, span.start_char, span.end_char)] = value
