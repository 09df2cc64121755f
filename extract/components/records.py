"""aidfacts_records: the facts of a Doc, made inside the pipeline so that worker processes return them."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..records import FACTS_KEY, doc_to_facts
from ..relations import release

SPAN_EXTENSION_KEY = "._."


@Language.factory("aidfacts_records", assigns=["doc.user_data"], requires=["doc.spans"],
                  default_config={"slim": False})
def make_records(nlp: Language, name: str, slim: bool) -> "RecordMaker":
    return RecordMaker(slim)


class RecordMaker:
    """Sets doc.user_data["aidfacts_facts"] to the document's facts (dicts of the record contract) and frees
    the per-document indexes. With slim=True it also drops the span groups and span attributes, so that a
    Doc sent back from a worker process (nlp.pipe with n_process > 1) carries little more than its facts."""

    def __init__(self, slim: bool):
        self.slim = slim

    def __call__(self, doc: Doc) -> Doc:
        facts = doc_to_facts(doc, doc._.doc_id or "document", keep=False)
        doc.user_data[FACTS_KEY] = [fact.to_dict() for fact in facts]
        release(doc)
        if self.slim:
            doc.spans.clear()
            for key in [k for k in doc.user_data if isinstance(k, tuple) and k[0] == SPAN_EXTENSION_KEY
                        and k[2] is not None]:
                del doc.user_data[key]
        return doc
