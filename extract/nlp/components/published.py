"""aidfacts_published: the publication date from the text's header or byline into doc._.published."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from extract.nlp.normalize import published_from_text
from extract.nlp.rules.relations import text_of


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
