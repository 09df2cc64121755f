"""The single table of `._` attributes aidfacts sets on Doc and Span objects."""
from __future__ import annotations

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
}


def register() -> None:
    """Register every extension; safe to call more than once."""
    for name, default in DOC_EXTENSIONS.items():
        Doc.set_extension(name, default=default, force=True)
    for name, default in SPAN_EXTENSIONS.items():
        Span.set_extension(name, default=default, force=True)
