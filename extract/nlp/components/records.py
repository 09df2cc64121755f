"""aidfacts_records: the facts of a Doc, made as the pipeline's last step."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from extract.nlp.records import FACTS_KEY, make_rows


@Language.factory("aidfacts_records", assigns=["doc.user_data"], requires=["doc.spans"], default_config={})
def make_records(nlp: Language, name: str) -> "RecordMaker":
    return RecordMaker()


class RecordMaker:
    """Sets doc.user_data["aidfacts_facts"] to the document's facts (Fact is a NamedTuple: cheap to keep,
    to pickle from a worker process and to serialise with the Doc). The per-document indexes the rules used are
    freed by the last component (aidfacts_accounting), which reads them too."""

    def __call__(self, doc: Doc) -> Doc:
        doc.user_data[FACTS_KEY] = make_rows(doc, doc._.doc_id or "document")
        return doc
