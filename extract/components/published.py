"""aidfacts_published: the publication date from the text's header or byline into doc._.published."""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from ..normalize import infer_year, month_number
from ..relations import text_of

HEADER_LINES = 6
ISO_HEADER = re.compile(r"^\s*(?:date:?\s+)?(\d{4}-\d{2}-\d{2})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?(?:\s|$)",
                        re.IGNORECASE)
MONTH_BYLINE = re.compile(r"^\s*([A-Z][a-z]+\.?)\s+(\d{4})\s*$")


def published_from_text(text: str) -> str | None:
    """`date 2020-02-10 ...`, a line `2020-02-12 09:02`, or a byline line `March 2020`, in the first lines."""
    lines = [line for line in text.splitlines() if line.strip()][:HEADER_LINES]
    for line in lines:
        match = ISO_HEADER.match(line)
        if match:
            return match.group(1)
        match = MONTH_BYLINE.match(line)
        if match and month_number(match.group(1)):
            return f"{match.group(2)}-{month_number(match.group(1)):02d}"
    return None


@Language.factory("aidfacts_published", assigns=["doc._.published"], default_config={})
def make_published(nlp: Language, name: str) -> "PublishedDate":
    return PublishedDate()


class PublishedDate:
    """Sets doc._.published from the text when it carries a date; otherwise keeps what the caller set
    (manifest or --published). Never the current date, so output does not change from day to day."""

    def __call__(self, doc: Doc) -> Doc:
        found = published_from_text(text_of(doc))
        if found:
            doc._.published = found
            doc._.published_source = "text"
        return doc


__all__ = ["published_from_text", "infer_year"]
