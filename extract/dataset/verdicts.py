"""Reviewers' verdicts on facts (corpus/verdicts.csv), kept by fact_id and applied at every build."""
from __future__ import annotations

import csv
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

VERDICTS_FILE = "verdicts.csv"
COLUMNS = ["fact_id", "verdict", "value", "note"]
VERDICTS = ("accept", "reject", "correct")
NUMERIC_KINDS = ("case_count", "personnel_count", "team_count", "region_count")


class VerdictError(ValueError):
    pass


@dataclass(frozen=True)
class Verdict:
    fact_id: str
    verdict: str
    value: str | None
    note: str | None


def read_verdicts(corpus: Path | str) -> dict[str, Verdict]:
    """fact_id -> its latest verdict ({} when the file does not exist)."""
    path = Path(corpus) / VERDICTS_FILE
    if not path.exists():
        return {}
    with open(path, encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        if reader.fieldnames != COLUMNS:
            raise VerdictError(f"{path.name}: columns {reader.fieldnames} (expected {COLUMNS})")
        verdicts = {}
        for line, row in enumerate(reader, start=2):
            if row["verdict"] not in VERDICTS:
                raise VerdictError(f"{path.name} line {line}: unknown verdict {row['verdict']!r}")
            verdicts[row["fact_id"]] = Verdict(row["fact_id"], row["verdict"], row["value"] or None,
                                               row["note"] or None)
    return verdicts


def record_verdict(corpus: Path | str, verdict: Verdict) -> None:
    """Add or replace the verdict on one fact; the file stays sorted by fact_id and is written atomically."""
    if verdict.verdict not in VERDICTS:
        raise VerdictError(f"unknown verdict {verdict.verdict!r}")
    if verdict.verdict == "correct" and not verdict.value:
        raise VerdictError("a correction needs a value")
    verdicts = read_verdicts(corpus)
    verdicts[verdict.fact_id] = verdict
    path = Path(corpus) / VERDICTS_FILE
    handle, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(COLUMNS)
        for fact_id in sorted(verdicts):
            v = verdicts[fact_id]
            writer.writerow([v.fact_id, v.verdict, v.value or "", v.note or ""])
    os.replace(tmp, path)


def typed_value(kind: str, value: str):
    """A corrected value in its kind's type: an int for counts, the string otherwise."""
    if kind in NUMERIC_KINDS:
        try:
            return int(value.replace(",", ""))
        except ValueError:
            raise VerdictError(f"a {kind} needs a whole number, not {value!r}") from None
    return value


def apply_verdicts(rows: list[dict], verdicts: dict[str, Verdict]) -> tuple[list[dict], list[dict]]:
    """(fact rows with `reviewed` and `extracted_value`, audit rows of the verdicts applied to them).
    Rejected facts leave the fact rows. Works on any part of the corpus (a build applies it document by
    document); stale_verdicts() lists the verdicts no fact answered."""
    kept, audit = [], []
    for row in rows:
        verdict = verdicts.get(row["fact_id"])
        row = {**row, "reviewed": verdict is not None, "extracted_value": row["value"]}
        if verdict is not None:
            audit.append(audit_row(row, verdict, "applied"))
            if verdict.verdict == "reject":
                continue
            if verdict.verdict == "correct":
                row["value"] = typed_value(row["kind"], verdict.value)
        kept.append(row)
    return kept, audit


def stale_verdicts(verdicts: dict[str, Verdict], seen: set[str]) -> list[dict]:
    """Audit rows (status `stale`) for the verdicts whose fact no longer exists."""
    return [audit_row(None, verdicts[fact_id], "stale") for fact_id in sorted(set(verdicts) - seen)]


AUDIT_COLUMNS = ["fact_id", "doc_id", "kind", "verdict", "status", "extracted_value", "value", "note", "text"]


def audit_row(row: dict | None, verdict: Verdict, status: str) -> dict:
    row = row or {}
    value = verdict.value if verdict.verdict == "correct" else row.get("value")
    return dict(fact_id=verdict.fact_id, doc_id=row.get("doc_id"), kind=row.get("kind"), verdict=verdict.verdict,
                status=status, extracted_value=row.get("extracted_value", row.get("value")), value=value,
                note=verdict.note, text=row.get("text"))
