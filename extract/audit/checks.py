"""Integrity of a built dataset: what `aidfacts audit --check` verifies."""
from __future__ import annotations

import json
import datetime as dt
import re
from pathlib import Path

import pandas as pd

from extract.dataset.corpus import MAX_SIDE_FILE_BYTES, ArticleError, read_article_text, read_regular
from extract.nlp.gazetteer import default_gazetteer
from extract.nlp.records import KINDS, present
from extract.dataset.verdicts import read_verdicts
from extract.audit.file_checks import file_problems
from extract.figures.values import Stated, agree

ISO = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
COUNT_KINDS = ("case_count", "personnel_count", "team_count", "region_count")


def value_problem(fact: dict, gazetteer) -> str | None:
    kind, value = fact["kind"], fact["value"]
    if not present(value):
        return None if str(fact["missing"]) == "True" or kind in ("pairing", "missing_number") else "no value"
    if kind in COUNT_KINDS and not re.fullmatch(r"\d+(\.\d+)?", str(value)):
        return f"value {value!r} is not a number"
    if kind == "date" and not ISO.match(str(value)):
        return f"value {value!r} is not an ISO date"
    if kind == "region" and gazetteer.by_name.get(str(value)) is None:
        return f"region {value!r} is not in the gazetteer"
    return None


def check_dataset(outputs: Path | str, corpus: Path | str) -> list[str]:
    """Every problem found, one line each; an empty list means the dataset is sound."""
    from extract.dataset.build import load_dataset

    outputs, corpus = Path(outputs), Path(corpus)
    package = outputs / "datapackage.json"
    try:
        described = json.loads(read_regular(package, MAX_SIDE_FILE_BYTES, ArticleError).decode("utf-8"))
        if not isinstance(described, dict) or not isinstance(described.get("resources"), list):
            return [f"{package}: not a data package (no list of resources)"]
    except ArticleError as error:
        return [f"{package}: {error.reason}"]
    except (UnicodeDecodeError, ValueError) as error:
        return [f"{package}: not JSON ({' '.join(str(error).split())})"]
    try:
        tables = load_dataset(outputs)
    except Exception as error:   # a damaged table: which file, and why, in one line
        where = getattr(error, "filename", None) or outputs
        return [f"{where}: cannot be read ({' '.join(str(error).split())[:300] or type(error).__name__})"]
    if "facts" not in tables or "documents" not in tables:
        return [f"{outputs}: no facts.csv or documents.csv (run aidfacts build first)"]
    facts = tables["facts"].astype(object).where(tables["facts"].notna(), None)
    gazetteer = default_gazetteer()
    problems = []
    texts = {}
    for document in tables["documents"].to_dict(orient="records"):
        try:
            texts[document["doc_id"]] = read_article_text(corpus / document["file"])
        except ArticleError as error:
            problems.append(f"document {document['doc_id']}: {error}")
    if facts["fact_id"].duplicated().any():
        problems += [f"fact {f}: duplicate fact_id" for f in sorted(set(facts.loc[facts["fact_id"].duplicated(), "fact_id"]))]
    for fact in facts.to_dict(orient="records"):
        where = f"fact {fact['fact_id']} ({fact['doc_id']}, {fact['kind']})"
        text = texts.get(fact["doc_id"])
        if text is None:
            problems.append(f"{where}: its document is not in the corpus")
        elif text[int(fact["start"]):int(fact["end"])] != (fact["text"] or ""):
            problems.append(f"{where}: text {fact['text']!r} is not document[{fact['start']}:{fact['end']}]")
        if not present(fact["rule"]):
            problems.append(f"{where}: no rule")
        if fact["kind"] not in KINDS:
            problems.append(f"{where}: unknown kind")
        problem = value_problem(fact, gazetteer)
        if problem:
            problems.append(f"{where}: {problem}")
        code = fact.get("region_code")
        if present(code) and str(code) not in gazetteer.by_code:
            problems.append(f"{where}: region code {code} is not in the gazetteer")
        for field in ("region", "origin", "destination", "helper", "recipient"):
            if present(fact.get(field)) and fact[field] not in gazetteer.by_name:
                problems.append(f"{where}: {field} {fact[field]!r} is not in the gazetteer")
    problems += figure_problems(tables, facts)
    problems += file_problems(outputs, tables, facts, texts)
    live = set(facts["fact_id"]) | set(tables.get("audit", pd.DataFrame(columns=["fact_id"]))["fact_id"])
    for fact_id, verdict in sorted(read_verdicts(corpus).items()):
        if fact_id not in live or fact_id in set(tables["audit"].loc[tables["audit"]["status"] == "stale", "fact_id"]):
            problems.append(f"verdict on {fact_id} ({verdict.verdict}): no such fact (stale)")
    return problems


FIGURE_KINDS = {"cases": "case_count", "staff": "personnel_count"}


def figure_problems(tables: dict[str, pd.DataFrame], facts: pd.DataFrame) -> list[str]:
    """Each row of cases.csv and staff.csv is traced to facts that state it: every fact id resolves to a fact of
    the row's kind whose value is one the row says was stated."""
    by_id = facts.set_index("fact_id")
    problems = []
    for table, kind in FIGURE_KINDS.items():
        frame = tables.get(table)
        if frame is None:
            problems.append(f"{table}.csv: missing (run aidfacts build)")
            continue
        for number, row in enumerate(frame.to_dict(orient="records"), start=2):   # line 1 is the header
            where = f"{table}.csv line {number}"
            day = row.get("date")
            if (present(day) or table == "cases") and not isinstance(day, dt.date):
                problems.append(f"{where}: date {day!r} is not an ISO day")   # load_dataset makes days dates
            ids = str(row["fact_ids"] or "").split()
            if not ids:
                problems.append(f"{where}: no fact ids")
            stated = {int(v) for v in str(row["values"]).split()} if present(row["values"]) else {int(row["value"])}
            for fact_id in ids:
                if fact_id not in by_id.index:
                    problems.append(f"{where}: fact {fact_id} is not in facts.csv")
                elif by_id.at[fact_id, "kind"] != kind:
                    problems.append(f"{where}: fact {fact_id} is a {by_id.at[fact_id, 'kind']}, not a {kind}")
                elif int(by_id.at[fact_id, "value"]) not in stated and not agree(
                        [Stated(int(row["value"]), "exact", "", ""),
                         Stated(int(by_id.at[fact_id, "value"]), by_id.at[fact_id, "qualifier"] or "exact", "", "")]):
                    # a value the row lists, or one its mentions agree with (`over 300` beside `totaling 318`)
                    problems.append(f"{where}: fact {fact_id} states {by_id.at[fact_id, 'value']}, not {row['value']}")
            if present(row["mentions"]) and int(row["mentions"]) != len(ids):
                problems.append(f"{where}: {row['mentions']} mentions but {len(ids)} fact ids")
    return problems
