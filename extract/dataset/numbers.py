"""numbers.csv: the account of every numeral of an article (extract/nlp/components/accounting.py), which a build
gets after the article's facts (records of kind `number`) and routes to its own table, never to the facts."""
from __future__ import annotations

from operator import itemgetter

from extract.nlp.records import FIELDS, NUMBER_KIND, Fact

NUMBER_COLUMNS = ["number_id", "doc_id", "start", "end", "text", "value", "reason", "rule", "fact_id", "sent_start",
                  "sent_end", "context"]
UNEXPLAINED = "unexplained"


def split_numbers(facts: list[Fact]) -> tuple[list[Fact], list[Fact]]:
    """An article's facts and the accounts of its numerals, which follow them."""
    at = len(facts)
    while at and facts[at - 1].kind == NUMBER_KIND:
        at -= 1
    return facts[:at], facts[at:]


def number_table_rows(numbers: list[Fact]) -> list[tuple]:
    """One article's numeral accounts as rows of numbers.csv (NUMBER_COLUMNS' order)."""
    return list(map(NUMBER_CELLS, numbers))


# a numeral's account (a Fact of kind `number`) as its row: the fields NUMBER_COLUMNS take, in their order
NUMBER_CELLS = itemgetter(*(FIELDS.index(name) for name in ("fact_id", "doc_id", "start", "end", "text", "value",
                                                             "expected", "rule", "belongs_to", "sent_start",
                                                             "sent_end", "context")))


def unexplained(numbers: list[Fact]) -> int:
    """How many of an article's numerals no fact holds and no rule sets aside."""
    return sum(1 for n in numbers if n.expected == UNEXPLAINED)
