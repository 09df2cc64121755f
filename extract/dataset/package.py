"""The dataset's Frictionless Data Package descriptor: each table's columns with their types, keys and meaning."""
from __future__ import annotations

FIELD_TYPES = {"start": "integer", "end": "integer", "sent_start": "integer", "sent_end": "integer",
               "characters": "integer", "words": "integer", "facts": "integer", "gaps": "integer",
               "mentions": "integer", "missing": "boolean", "reviewed": "boolean", "numbers": "integer",
               "unexplained": "integer",
               "suggestion_start": "integer", "suggestion_end": "integer", "teams": "integer"}
COUNTED = {"value": "integer", "mentions": "integer", "documents": "integer"}
TABLE_FIELD_TYPES = {"rule_precision": {"facts": "integer", "reviewed": "integer", "accepted": "integer",
                                        "rejected": "integer", "corrected": "integer",
                                        "attributes_corrected": "integer", "precision": "number"},
                     "cases": COUNTED, "staff": {**COUNTED, "teams": "integer"}}
PRIMARY_KEYS = {"documents": ["doc_id"], "facts": ["fact_id"], "gaps": ["fact_id"], "numbers": ["number_id"],
                "cases": ["region", "status", "period", "date"],
                "pairings": ["helper", "recipient"], "errors": ["file"], "rule_precision": ["rule"]}
FOREIGN_KEYS = {
    "facts": [{"fields": ["doc_id"], "reference": {"resource": "documents", "fields": ["doc_id"]}}],
    "gaps": [{"fields": ["fact_id"], "reference": {"resource": "facts", "fields": ["fact_id"]}}],
    "numbers": [{"fields": ["doc_id"], "reference": {"resource": "documents", "fields": ["doc_id"]}}],
}
DESCRIPTIONS = {
    "documents": "One row per article of the corpus, with its metadata and counts.",
    "facts": "Every extracted fact (record contract columns first), with reviewers' verdicts applied: mentions, "
             "one per place a text states something.",
    "cases": "One row per stated case figure (region, status, period, as-of day), built from every mention of the "
             "corpus that states it, with the checks it fails.",
    "staff": "One row per dispatch of staff (origin, destination, day, sent or returned, one batch or a running "
             "total), built from every mention of the corpus that states it, with the checks it fails.",
    "pairings": "Helper province -> Hubei recipient pairs, with the documents that state them.",
    "gaps": "Every number deleted from a text, what kind it was, and the value other articles suggest.",
    "conflicts": "The same fact (kind, region, date) stated with different values by two documents.",
    "errors": "Articles that could not be read, and why.",
    "audit": "Reviewers' verdicts: rejected and corrected facts, and stale verdicts.",
    "rule_precision": "Per rule: facts made, verdicts on them, and precision (accepted / reviewed).",
    "numbers": "Every numeral of every article and what accounts for it: the fact that holds it, a reason to set "
               "it aside (money, percent, age, time, ...), or `unexplained`: a number the rules did not read, "
               "which may be a fact the dataset lacks.",
}
ISO_DATE = r"\d{4}(-\d{2}(-\d{2})?)?"   # a date of any granularity: load_dataset makes whole days dates
ISO_DATE_FIELD = {"constraints": {"pattern": ISO_DATE},
                  "description": "ISO date: a day, or a month (2020-03) or a year alone where only that is known."}
KIND_VALUE_FIELD = {"type": "any", "description": "In the fact's kind's type: an int for counts, an ISO date for "
                                                  "dates, a canonical name for regions; empty for a missing number "
                                                  "or a pairing."}
FIELD_SCHEMAS = {   # what a column means and holds, where its name does not say it all
    "published": ISO_DATE_FIELD, "date": ISO_DATE_FIELD, "first_date": ISO_DATE_FIELD,
    "first_published": ISO_DATE_FIELD,
    "value": KIND_VALUE_FIELD, "extracted_value": KIND_VALUE_FIELD,
    "url": {"description": "Where the article was published (its page's address, from the manifest or the page)."},
    "warnings": {"description": "What a reader of the article's facts should know, `; `-separated: `no publication "
                                "date` (its dates without a year and its weekdays are left unresolved)."},
    "suggestion": {"type": "any", "description": "The value other articles suggest for a missing number: an int, "
                                                 "or the number's text where it is not whole."},
    "suggestion_basis": {"description": "How the suggestion was found: `passage` (the blank's words stand around "
                                        "this number in another article) or `attributes` (the only value the corpus "
                                        "states for the fact's kind, region, status, origin and destination).",
                         "constraints": {"enum": ["passage", "attributes"]}},
    "suggestion_start": {"description": "Where the suggested value (passage) or the fact stating it (attributes) "
                                        "starts in suggestion_doc's text."},
    "suggestion_end": {"description": "Where it ends in suggestion_doc's text."},
    "event": {"description": "For a personnel count: `sent` (sent, dispatched, arrived, at work where sent) or "
                             "`returned` (came home, left Hubei); empty when the text says neither.",
              "constraints": {"enum": ["sent", "returned"]}},
    "scope": {"description": "For a personnel count: `batch` (one group), `total` (a running total stated as such: "
                             "`so far`, `a total of`, `in nine batches`, `from across the country`) or `part` (a part "
                             "of a team stated beside or inside its whole: `42 doctors and 92 nurses`, `including 30 "
                             "nurses`).",
              "constraints": {"enum": ["batch", "total", "part"]}},
    "teams": {"description": "For a personnel count: the number of teams or batches stated with it in its clause "
                             "(`in nine batches`: 9); empty when none is stated."},
    "numbers": {"description": "How many numerals the article holds (numbers.csv: digits in any script, and "
                               "numbers in words such as `three hundred`)."},
    "unexplained": {"description": "How many of its numerals no fact holds and no rule sets aside (numbers.csv, "
                                   "reason `unexplained`): a number the rules did not read."},
}


FIGURE_SCHEMAS = {   # the consolidated tables' own columns
    "value": {"description": "The figure: where mentions disagree, the value stated by the most documents (exact "
                             "values before qualified ones; a tie: the latest published)."},
    "level": {"constraints": {"enum": ["country", "province", "city"]},
              "description": "`country` (region empty), `province` (provincial-level), `city` (prefecture-level or "
                             "a county-level area)."},
    "province": {"description": "The provincial-level area the region belongs to (itself for a province)."},
    "mentions": {"description": "How many facts state the figure."},
    "documents": {"description": "How many documents state the figure."},
    "values": {"description": "Every distinct value stated, ascending, space-separated, when the mentions disagree; "
                              "empty when they agree."},
    "fact_ids": {"description": "The mentions' fact ids (facts.csv), space-separated, in document order."},
    "doc_ids": {"description": "The documents that state it, space-separated."},
    "date_basis": {"constraints": {"enum": ["stated", "published"]},
                   "description": "`stated`: a mention says the day; `published`: none does, and the day is the "
                                  "article's day of publication."},
    "event": {"constraints": {"enum": ["sent", "returned"]}},
    "scope": {"constraints": {"enum": ["batch", "total"]},
              "description": "`batch`: one group; `total`: a running total stated as such (never add it to batches)."},
    "teams": {"description": "The number of teams or batches stated with it."},
    "first_published": {**ISO_DATE_FIELD, "description": "The first publication day among its documents."},
}
CHECKS_FIELDS = {
    "cases": {"description": "The checks the figure fails, `;`-separated: conflict (mentions disagree: one document, "
                             "or two of the same day), revised (a later document restates it with another value), "
                             "decreasing (a total below an earlier day's), new_vs_total (total(d) - total(d-1) "
                             "differs from new(d)), parts_exceed_whole (its cities add up to more than the province, "
                             "or provinces to more than the country), exceeds_confirmed (deaths or recoveries above "
                             "the confirmed total), date_after_publication (as of a day after its article)."},
    "staff": {"description": "The checks the dispatch fails, `;`-separated: conflict, revised (as in cases), "
                             "batches_exceed_total (a running total below the batches sent before it)."},
}
TABLE_FIELD_SCHEMAS = {table: {**FIGURE_SCHEMAS, "checks": CHECKS_FIELDS[table]} for table in ("cases", "staff")}
NUMBER_REASONS = ["fact", "date", "money", "percent", "age", "time", "phone", "id", "ordinal", "year", "code", "beds",
                  "tests", "close_contacts", "other_disease", "supplies", "measure", "hospitals", "places", "population",
                  "change", "unexplained"]
TABLE_FIELD_SCHEMAS["numbers"] = {
    "number_id": {"description": "Stable id of the numeral: the sha1 of `doc_id|number|start|end|` (16 hex digits)."},
    "text": {"description": "The numeral as the text has it (`document[start:end]`), with a qualifier its number "
                            "span holds (`more than 310`)."},
    "value": {"type": "any", "description": "Its value where it reads as a whole number; empty otherwise (`3.5`, "
                                            "`24:00`, `COVID-19`)."},
    "reason": {"constraints": {"enum": NUMBER_REASONS},
               "description": "What accounts for it: `fact` (a fact's span holds it: see fact_id), `date` (a calendar "
                              "reference left unresolved, or a dateline's digits), a reason to set it aside (money, "
                              "percent, age, time: a clock time or a duration, phone, id: a name's number or a "
                              "label, ordinal, year, code: a name with letters such as COVID-19 or N95, beds, "
                              "tests, close_contacts, other_disease, supplies, measure, hospitals, places: countries, "
                              "districts, communities, population: a place's people, change: the amount a figure was "
                              "revised by or fell by), or `unexplained`."},
    "rule": {"description": "The rule that gave the reason: `fact:KIND`, `REASON:shape` (the numeral's own "
                            "characters), `REASON:before` / `after` / `label` / `noun` / `clause` / `sentence` "
                            "(the words of extract/nlp/data/accounting.json found there; `label`: a statistics "
                            "line's label before its colon), `unexplained`."},
    "fact_id": {"description": "The fact (facts.csv) whose span holds the numeral, for reason `fact`."},
    "context": {"description": "The words around the numeral, on one line."},
}


def field_type(table: str, column: str) -> str | None:
    return TABLE_FIELD_TYPES.get(table, {}).get(column) or FIELD_TYPES.get(column)


def schema_field(table: str, column: str) -> dict:
    schema = {**FIELD_SCHEMAS.get(column, {}), **TABLE_FIELD_SCHEMAS.get(table, {}).get(column, {})}
    stated = schema.pop("type", None)   # a table's own type wins over the column's usual one
    kind = TABLE_FIELD_TYPES.get(table, {}).get(column) or stated or field_type(table, column)
    return {"name": column, "type": kind or "string", **schema}


def datapackage(columns: dict[str, list[str]], corpus_link: str | None = None) -> dict:
    """A Frictionless Data Package descriptor for the tables (name -> columns); its `sources` say where the
    corpus is, relative to the outputs folder (outputs know their corpus: audit and review find it there)."""
    resources = []
    for name, names in columns.items():
        schema = {"fields": [schema_field(name, c) for c in names],
                  "missingValues": [""]}
        if name in PRIMARY_KEYS:
            schema["primaryKey"] = PRIMARY_KEYS[name]
        if name in FOREIGN_KEYS:
            schema["foreignKeys"] = FOREIGN_KEYS[name]
        resources.append({"name": name, "path": f"{name}.csv", "profile": "tabular-data-resource",
                          "format": "csv", "mediatype": "text/csv", "encoding": "utf-8",
                          "description": DESCRIPTIONS[name], "schema": schema})
    return {"profile": "tabular-data-package", "name": "aidfacts",
            "title": "aidfacts: facts of China's 2020 pairing assistance from news articles",
            "licenses": [{"name": "CC-BY-4.0", "path": "https://creativecommons.org/licenses/by/4.0/",
                          "title": "Creative Commons Attribution 4.0"}],
            **({"sources": [{"title": "corpus", "path": corpus_link}]} if corpus_link else {}),
            "resources": resources}
