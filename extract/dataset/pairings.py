"""pairings.csv: helper -> recipient pairs gathered over the corpus, with the documents and facts that state them."""
from __future__ import annotations

from extract.nlp.gazetteer import default_gazetteer


class Pairings:
    """Helper -> recipient pairs gathered over the corpus, with the documents and facts that state them."""

    def __init__(self):
        self.mentions: dict[tuple[str, str], list[tuple[str, str, str | None]]] = {}

    def add(self, mentions: list[tuple[str, str, str, str, str | None]]) -> None:
        """(helper, recipient, doc_id, fact_id, published) of pairing facts, in table order."""
        for helper, recipient, doc_id, fact_id, published in mentions:
            self.mentions.setdefault((helper, recipient), []).append((doc_id, fact_id, published))

    def records(self) -> list[dict]:
        gazetteer = default_gazetteer()
        records = []
        for (helper, recipient), mentions in sorted(self.mentions.items()):
            documents = sorted({doc for doc, _, _ in mentions})
            dates = sorted({day for _, _, day in mentions if day})
            records.append(dict(helper=helper, helper_code=gazetteer[helper].code, recipient=recipient,
                                recipient_code=gazetteer[recipient].code, first_date=dates[0] if dates else None,
                                documents=";".join(documents), mentions=len(mentions),
                                fact_ids=";".join(fact_id for _, fact_id, _ in mentions)))
        return records
