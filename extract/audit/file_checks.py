"""What `aidfacts audit --check` verifies beyond facts.csv: that the other files say the same of the corpus.

facts.jsonl holds the facts of facts.csv, line for line; every fact id is the one its document and span make
(an id edited by hand would no longer trace to its words); numbers.csv accounts for numerals that stand where
it says; documents.csv's sha256 is the hash of the text the facts were read from."""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pandas as pd

from extract.dataset.corpus import ArticleError, read_regular
from extract.nlp.records import fact_id, place_key, present

JSONL_FIELDS = ("fact_id", "doc_id", "kind", "start", "end", "text")   # what a line must share with its row
MAX_JSONL_BYTES = 1 << 40   # a corpus's facts.jsonl: no size is too big to check
MAX_PROBLEMS = 50   # a file edited throughout is named, not listed line by line


def file_problems(outputs: Path, tables: dict[str, pd.DataFrame], facts: pd.DataFrame,
                  texts: dict[str, str]) -> list[str]:
    problems = jsonl_problems(outputs, facts) + id_problems(facts) + number_problems(outputs, tables, texts) + \
        hash_problems(tables, texts)
    return problems[:MAX_PROBLEMS] + ([f"... and {len(problems) - MAX_PROBLEMS} more"]
                                       if len(problems) > MAX_PROBLEMS else [])


def jsonl_problems(outputs: Path, facts: pd.DataFrame) -> list[str]:
    path = outputs / "facts.jsonl"
    try:
        data = read_regular(path, MAX_JSONL_BYTES, ArticleError)
    except ArticleError as error:
        return [f"{path}: {error.reason}"]
    rows = facts.to_dict(orient="records")
    lines = data.decode("utf-8", errors="replace").splitlines()
    if len(lines) != len(rows):
        return [f"{path}: {len(lines)} facts, facts.csv has {len(rows)}"]
    problems = []
    for number, (line, row) in enumerate(zip(lines, rows), start=1):
        try:
            fact = json.loads(line)
        except ValueError:
            problems.append(f"{path} line {number}: not JSON")
            continue
        differs = [f for f in JSONL_FIELDS + ("value",) if not same(fact.get(f), row.get(f))]
        if differs:
            problems.append(f"{path} line {number}: {', '.join(differs)} differ from facts.csv")
    return problems


def same(jsonl_value, csv_value) -> bool:
    """A value of a facts.jsonl line and its facts.csv cell (read by pandas) state the same thing."""
    if not present(csv_value):
        return jsonl_value in (None, "")
    if isinstance(jsonl_value, (int, float)) and not isinstance(jsonl_value, bool):
        try:   # (a column of numbers with gaps comes back as floats: 5.0)
            return float(csv_value) == jsonl_value
        except (TypeError, ValueError):
            return False
    return str(jsonl_value) == str(csv_value)


def id_problems(facts: pd.DataFrame) -> list[str]:
    problems = []
    for fact in facts.to_dict(orient="records"):
        made = fact_id(fact["doc_id"], fact["kind"], int(fact["start"]), int(fact["end"]), fact.get("helper"),
                       fact.get("recipient"), place_key(fact.get("rule"), fact.get("region")))
        if made != fact["fact_id"]:
            problems.append(f"fact {fact['fact_id']} ({fact['doc_id']}): not the id its document and span make "
                            f"({made})")
    return problems


def number_problems(outputs: Path, tables: dict[str, pd.DataFrame], texts: dict[str, str]) -> list[str]:
    numbers = tables.get("numbers")
    if numbers is None:
        return [f"{outputs / 'numbers.csv'}: missing (run aidfacts build)"]
    problems = []
    for number, row in enumerate(numbers.to_dict(orient="records"), start=2):
        text = texts.get(row["doc_id"])
        if text is not None and text[int(row["start"]):int(row["end"])] != str(row["text"]):
            problems.append(f"numbers.csv line {number}: text {row['text']!r} is not "
                            f"{row['doc_id']}[{row['start']}:{row['end']}]")
    return problems


def hash_problems(tables: dict[str, pd.DataFrame], texts: dict[str, str]) -> list[str]:
    problems = []
    for document in tables["documents"].to_dict(orient="records"):
        text = texts.get(document["doc_id"])
        if text is not None and hashlib.sha256(text.encode("utf-8")).hexdigest() != document["sha256"]:
            problems.append(f"document {document['doc_id']}: sha256 is not its text's (edited since the build?)")
    return problems

