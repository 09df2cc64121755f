"""The dataset: facts -> pandas tables -> outputs/, deterministic and written all-or-nothing."""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Callable

import pandas as pd

from .batch import CorpusResult, extract_corpus
from .cache import FactCache
from .corpus import ArticleError, article_paths, iter_articles
from .evidence import Conflict
from .gazetteer import default_gazetteer
from .records import FIELDS, KINDS
from .verdicts import AUDIT_COLUMNS, apply_verdicts, read_verdicts

FACT_COLUMNS = list(FIELDS) + ["reviewed", "extracted_value"]
DOCUMENT_COLUMNS = ["doc_id", "file", "title", "source", "url", "published", "characters", "words", "sha256",
                    "facts", "gaps"]
PAIRING_COLUMNS = ["helper", "helper_code", "recipient", "recipient_code", "first_date", "documents", "mentions",
                   "fact_ids"]
GAP_COLUMNS = ["fact_id", "doc_id", "start", "end", "expected", "context", "belongs_to", "belongs_kind",
               "suggestion", "suggestion_doc", "suggestion_fact", "suggestion_text", "candidates"]
CONFLICT_COLUMNS = list(Conflict.__dataclass_fields__)
ERROR_COLUMNS = ["file", "error"]
TABLES = ("documents", "facts", "pairings", "gaps", "conflicts", "errors", "audit")


@dataclass
class BuildReport:
    documents: int = 0
    facts: int = 0
    gaps: int = 0
    errors: list[str] = field(default_factory=list)
    stale_verdicts: list[str] = field(default_factory=list)
    cache_hits: int = 0
    cache_misses: int = 0
    extracted: list[str] = field(default_factory=list)


def table(records: list[dict], columns: list[str]) -> pd.DataFrame:
    """A table that keeps Python values as they are: 19 stays 19 (not 19.0) beside empty cells."""
    return pd.DataFrame(records, columns=columns, dtype=object)


def csv_cell(value):
    if isinstance(value, (list, tuple)):
        return json.dumps([dict(v) if isinstance(v, tuple) else v for v in value], ensure_ascii=False)
    return value


def build_tables(result: CorpusResult, verdicts: dict) -> tuple[dict[str, pd.DataFrame], list[dict]]:
    """Every table of the dataset (rows in a stable order, columns in a fixed order), and the fact rows
    themselves, typed, for facts.jsonl."""
    rows = [f.to_dict() for f in result.facts]
    rows, audit = apply_verdicts(rows, verdicts)
    order = {kind: i for i, kind in enumerate(KINDS)}
    rows.sort(key=lambda r: (r["doc_id"], r["start"], r["end"], order[r["kind"]], r["rule"], r["fact_id"]))
    facts = table(rows, FACT_COLUMNS)
    facts["candidates"] = [json.dumps(r["candidates"], ensure_ascii=False) for r in rows]
    tables = {
        "documents": documents_table(result, rows),
        "facts": facts,
        "pairings": pairings_table(rows, {a.doc_id: a.published for a in result.articles}),
        "gaps": gaps_table(rows),
        "conflicts": table([asdict(c) for c in result.conflicts], CONFLICT_COLUMNS),
        "errors": table(sorted(({"file": Path(e.path).name, "error": e.reason} for e in result.errors),
                               key=lambda r: r["file"]), ERROR_COLUMNS),
        "audit": table(sorted(audit, key=lambda r: r["fact_id"]), AUDIT_COLUMNS),
    }
    return tables, rows


def documents_table(result: CorpusResult, rows: list[dict]) -> pd.DataFrame:
    counts: dict[str, list[int]] = {}
    for row in rows:
        entry = counts.setdefault(row["doc_id"], [0, 0])
        entry[1 if row["kind"] == "missing_number" else 0] += 1
    records = []
    for article in sorted(result.articles, key=lambda a: a.doc_id):
        first_line = next((line.strip() for line in article.text.splitlines() if line.strip()), "")
        records.append(dict(
            doc_id=article.doc_id, file=article.file, title=article.title or first_line[:200],
            source=article.source, url=article.url, published=article.published,
            characters=len(article.text), words=len(article.text.split()),
            sha256=hashlib.sha256(article.text.encode("utf-8")).hexdigest(),
            facts=counts.get(article.doc_id, [0, 0])[0], gaps=counts.get(article.doc_id, [0, 0])[1]))
    return table(records, DOCUMENT_COLUMNS)


def pairings_table(rows: list[dict], published: dict[str, str | None]) -> pd.DataFrame:
    gazetteer = default_gazetteer()
    grouped: dict[tuple[str, str], list[dict]] = {}
    for row in rows:
        if row["kind"] == "pairing":
            grouped.setdefault((row["helper"], row["recipient"]), []).append(row)
    records = []
    for (helper, recipient), mentions in sorted(grouped.items()):
        documents = sorted({m["doc_id"] for m in mentions})
        dates = sorted(d for d in (published.get(doc) for doc in documents) if d)
        records.append(dict(helper=helper, helper_code=gazetteer[helper].code, recipient=recipient,
                            recipient_code=gazetteer[recipient].code, first_date=dates[0] if dates else None,
                            documents=";".join(documents), mentions=len(mentions),
                            fact_ids=";".join(m["fact_id"] for m in mentions)))
    return table(records, PAIRING_COLUMNS)


def gaps_table(rows: list[dict]) -> pd.DataFrame:
    kinds = {row["fact_id"]: row["kind"] for row in rows}
    records = [dict(fact_id=r["fact_id"], doc_id=r["doc_id"], start=r["start"], end=r["end"],
                    expected=r["expected"], context=r["context"], belongs_to=r["belongs_to"],
                    belongs_kind=kinds.get(r["belongs_to"]), suggestion=r["suggestion"],
                    suggestion_doc=r["suggestion_doc"], suggestion_fact=r["suggestion_fact"],
                    suggestion_text=r["suggestion_text"], candidates=csv_cell(r["candidates"]))
               for r in rows if r["kind"] == "missing_number"]
    return table(records, GAP_COLUMNS)


def write_tables(tables: dict[str, pd.DataFrame], outputs: Path, fact_rows: list[dict] | None = None) -> None:
    """Write every file into a fresh folder beside `outputs`, then swap it in: a build that dies halfway
    leaves the previous outputs/ whole. facts.jsonl is written from the fact rows themselves (typed
    values), the CSV files from the tables."""
    rows = fact_rows
    outputs = Path(outputs)
    parent = outputs.parent
    parent.mkdir(parents=True, exist_ok=True)
    recover(outputs)
    staging = Path(tempfile.mkdtemp(prefix=f".{outputs.name}.new-", dir=parent))
    try:
        for name, frame in tables.items():
            frame.to_csv(staging / f"{name}.csv", index=False, lineterminator="\n")
        if rows is None:
            rows = [jsonable(record) for record in tables["facts"].to_dict(orient="records")]
        with open(staging / "facts.jsonl", "w", encoding="utf-8", newline="\n") as out:
            out.writelines(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)
        with open(staging / "datapackage.json", "w", encoding="utf-8", newline="\n") as out:
            json.dump(datapackage(tables), out, ensure_ascii=False, indent=2)
            out.write("\n")
        swap_in(staging, outputs)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def jsonable(record: dict) -> dict:
    out = {}
    for key, value in record.items():
        if isinstance(value, float) and value != value:
            value = None
        elif key == "candidates" and isinstance(value, str):
            value = json.loads(value)
        elif hasattr(value, "item"):
            value = value.item()
        out[key] = value
    return out


def swap_in(staging: Path, outputs: Path) -> None:
    old = outputs.with_name(f".{outputs.name}.old")
    if old.exists():
        shutil.rmtree(old)
    if outputs.exists():
        os.replace(outputs, old)
    os.replace(staging, outputs)
    shutil.rmtree(old, ignore_errors=True)


def recover(outputs: Path) -> None:
    """Finish or undo a swap that was interrupted between its two renames."""
    old = outputs.with_name(f".{outputs.name}.old")
    if old.exists() and not outputs.exists():
        os.replace(old, outputs)
    for stale in outputs.parent.glob(f".{outputs.name}.new-*"):
        shutil.rmtree(stale, ignore_errors=True)


FIELD_TYPES = {"start": "integer", "end": "integer", "sent_start": "integer", "sent_end": "integer",
               "characters": "integer", "words": "integer", "facts": "integer", "gaps": "integer",
               "mentions": "integer", "missing": "boolean", "reviewed": "boolean"}
PRIMARY_KEYS = {"documents": ["doc_id"], "facts": ["fact_id"], "gaps": ["fact_id"],
                "pairings": ["helper", "recipient"], "errors": ["file"]}
FOREIGN_KEYS = {
    "facts": [{"fields": ["doc_id"], "reference": {"resource": "documents", "fields": ["doc_id"]}}],
    "gaps": [{"fields": ["fact_id"], "reference": {"resource": "facts", "fields": ["fact_id"]}}],
}
DESCRIPTIONS = {
    "documents": "One row per article of the corpus, with its metadata and counts.",
    "facts": "Every extracted fact (record contract columns first), with reviewers' verdicts applied.",
    "pairings": "Helper province -> Hubei recipient pairs, with the documents that state them.",
    "gaps": "Every number deleted from a text, what kind it was, and the value other articles suggest.",
    "conflicts": "The same fact (kind, region, date) stated with different values by two documents.",
    "errors": "Articles that could not be read, and why.",
    "audit": "Reviewers' verdicts: rejected and corrected facts, and stale verdicts.",
}


def datapackage(tables: dict[str, pd.DataFrame]) -> dict:
    """A Frictionless Data Package descriptor for the tables."""
    resources = []
    for name, frame in tables.items():
        schema = {"fields": [{"name": c, "type": FIELD_TYPES.get(c, "string")} for c in frame.columns],
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
            "resources": resources}


def build_dataset(corpus: Path | str = "corpus", outputs: Path | str = "outputs", workers: int = 1,
                  use_cache: bool = True, cache_dir: Path | str | None = None,
                  on_done: Callable | None = None) -> BuildReport:
    """Extract every article of `corpus` (with the evidence pass and the verdicts) and write `outputs`."""
    corpus, outputs = Path(corpus), Path(outputs)
    if not corpus.is_dir():
        raise FileNotFoundError(f"{corpus}: no such corpus folder")
    cache = FactCache(cache_dir or corpus.parent / ".aidfacts-cache") if use_cache else None
    report = BuildReport()

    def done(article, facts, from_cache):
        if not from_cache:
            report.extracted.append(article.doc_id)
            if cache is not None:
                cache.put(article, facts)
        if on_done:
            on_done(article, facts, from_cache)

    result = extract_corpus(iter_articles(article_paths(corpus)), n_process=workers,
                            cached=cache.get if cache else None, on_done=done)
    tables, fact_rows = build_tables(result, read_verdicts(corpus))
    write_tables(tables, outputs, fact_rows)
    report.documents = len(result.articles)
    report.facts = len(tables["facts"])
    report.gaps = len(tables["gaps"])
    report.errors = [str(e) for e in result.errors]
    report.stale_verdicts = list(tables["audit"].loc[tables["audit"]["status"] == "stale", "fact_id"])
    if cache is not None:
        report.cache_hits, report.cache_misses = cache.hits, cache.misses
    return report


def load_dataset(outputs: Path | str = "outputs") -> dict[str, pd.DataFrame]:
    """The built tables as DataFrames, by name (documents, facts, pairings, gaps, conflicts, errors, audit)."""
    outputs = Path(outputs)
    return {name: read_table(outputs / f"{name}.csv") for name in TABLES if (outputs / f"{name}.csv").exists()}


def read_table(path: Path) -> pd.DataFrame:
    """A table as written: text stays text (codes keep their digits), integer and boolean columns typed."""
    frame = pd.read_csv(path, dtype=str, keep_default_na=False, na_values=[""])
    for column in frame.columns:
        kind = FIELD_TYPES.get(column)
        if kind == "integer":
            frame[column] = pd.to_numeric(frame[column]).astype("Int64")
        elif kind == "boolean":
            frame[column] = frame[column].map({"True": True, "False": False})
    return frame


__all__ = ["ArticleError", "BuildReport", "build_dataset", "load_dataset", "write_tables"]
