"""Reviewers' verdicts on facts (corpus/verdicts.csv), kept by fact_id and applied at every build.

The file is the reviewers' work, so it is read strictly (a bad row is one line naming the file, the line and the
problem, never a guess) and written only under a lock, as a whole new file swapped in with os.replace: two tabs
of the review app, two reviewers and a CLI call at the same time never lose a verdict, and a crash never leaves
half a file. Corrections are checked against their fact's kind before they are recorded.
"""
from __future__ import annotations

import csv
from collections import Counter
import io
import os
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterable

from filelock import FileLock, Timeout

from extract.dataset.verdict_checks import (CHOICES, EDITABLE, FACT_ID, MAX_NOTE, MAX_VALUE, NUMERIC_KINDS,  # noqa: F401
                                            REGION_FIELDS, VERDICTS, Verdict, VerdictChanged, VerdictError, ascii_digits,
                                            bounded_text, check_fact_id, checked_attribute, checked_correction,
                                            checked_verdict, iso_date, pairing_attributes, region_name, typed_value,
                                            whole_count)
from extract.nlp.gazetteer import default_gazetteer

VERDICTS_FILE = "verdicts.csv"
LOCK_FILE = ".verdicts.lock"   # beside verdicts.csv; hidden, and no article suffix, so never read as an article
LOCK_TIMEOUT = 30   # seconds a writer waits for another before giving up with one line
COLUMNS = ["fact_id", "verdict", "value", "attributes", "note"]
OLD_COLUMNS = ["fact_id", "verdict", "value", "note"]   # files written before attributes could be corrected
MAX_FILE_FIELD = 64 * 1024 * 1024   # the csv module's field limit while verdicts.csv is read: a hand-edited
                                    # over-long cell is then one row's error, not a failure of the whole file


# ---- reading and writing verdicts.csv ----------------------------------------------------------------------

def verdicts_path(corpus: Path | str) -> Path:
    return Path(corpus) / VERDICTS_FILE


# path -> (file signature, verdicts) as last read or written by this process
_READ: dict[str, tuple[tuple, dict[str, Verdict]]] = {}


def file_signature(path: Path) -> tuple | None:
    """What changes whenever a file is replaced or written (verdicts.csv: every write swaps in a new inode)."""
    try:
        stat = path.stat()
    except FileNotFoundError:
        return None
    return stat.st_ino, stat.st_mtime_ns, stat.st_size


def read_verdicts(corpus: Path | str) -> dict[str, Verdict]:
    """fact_id -> its verdict ({} when the file does not exist). A UTF-8 BOM and CRLF line ends are read; invalid
    UTF-8, a wrong header, an unknown verdict or a malformed row raise VerdictError naming file and line. The
    file is parsed again only when it changed (the review app reads it at every verdict)."""
    verdicts, bad = read_verdict_rows(corpus)
    if bad:
        raise next(iter(bad.values()))[1]
    return verdicts


def read_verdict_rows(corpus: Path | str) -> tuple[dict[str, Verdict], dict[str, tuple[list[str], VerdictError]]]:
    """(the good verdicts, fact_id -> (cells, error) of the rows that are bad): what a writer keeps as it is
    while it changes other facts, and what `review ID --clear` can remove. A file that cannot be read at all
    (not UTF-8, a wrong header) raises VerdictError."""
    path = verdicts_path(corpus)
    try:
        seen = file_signature(path)
        if seen is None:
            return {}, {}
        if not path.is_file():   # a FIFO or a device would block the read or never end
            raise VerdictError(f"{path}: not a regular file")
        cached = _READ.get(str(path))
        if cached is not None and cached[0] == seen:
            return dict(cached[1][0]), dict(cached[1][1])
        data = path.read_bytes()
    except FileNotFoundError:
        return {}, {}
    except OSError as error:
        raise VerdictError(f"{path}: cannot be read ({error.strerror or error})") from None
    verdicts, bad = parse_verdicts(path, data)
    _READ[str(path)] = (seen, (verdicts, bad))
    return dict(verdicts), dict(bad)


def parse_verdicts(path: Path, data: bytes) -> tuple[dict[str, Verdict], dict[str, tuple[list[str], VerdictError]]]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[:error.start].count(b"\n") + 1
        raise VerdictError(f"{path} line {line}: not UTF-8 (byte 0x{data[error.start]:02x}); "
                           "save it as UTF-8") from None
    limit = csv.field_size_limit()
    csv.field_size_limit(max(limit, MAX_FILE_FIELD))
    rows = csv.reader(io.StringIO(text, newline=""))
    verdicts, bad, lines = {}, {}, {}
    try:
        header = next(rows, None)
        if header is None:
            return {}, {}
        header = [name.strip() for name in header]
        if header not in (COLUMNS, OLD_COLUMNS):
            raise VerdictError(f"{path} line 1: header {','.join(header)!r}; expected {','.join(COLUMNS)!r}")
        for cells in rows:
            line = rows.line_num
            if not any(cell.strip() for cell in cells):
                continue   # a blank line (an editor's last line)
            fact_id = cells[0].strip() if cells else ""
            if fact_id in lines:   # two rows for one fact: neither is picked silently, and no writer drops one
                raise VerdictError(f"{path} line {line}: a second row for {fact_id[:64]} (its first is line "
                                   f"{lines[fact_id]}); keep one of the two")
            if fact_id:
                lines[fact_id] = line
            try:
                if len(cells) != len(header):
                    raise VerdictError(f"{path} line {line}: {len(cells)} cells, expected {len(header)}")
                verdict = parse_row(dict(zip(header, cells)), f"{path} line {line}")
            except VerdictError as error:
                if not fact_id:
                    raise
                hint = f" (aidfacts review {fact_id[:64]} --clear removes it)" if FACT_ID.fullmatch(fact_id) else ""
                bad[fact_id] = (cells, VerdictError(f"{error}{hint}"))
                continue
            verdicts[verdict.fact_id] = verdict
    except csv.Error as error:
        raise VerdictError(f"{path} line {rows.line_num}: {error}") from None
    finally:
        csv.field_size_limit(limit)
    return verdicts, bad


def parse_row(row: dict[str, str], where: str) -> Verdict:
    fact_id, verdict = row["fact_id"].strip(), row["verdict"].strip()
    if not fact_id:
        raise VerdictError(f"{where}: no fact_id")
    if verdict not in VERDICTS:
        raise VerdictError(f"{where}: unknown verdict {verdict!r} (expected accept, reject or correct)")
    try:
        attributes = parse_attributes(row.get("attributes", ""))
        value = row["value"].strip() or None
        if verdict == "correct" and value is None and not attributes:
            raise VerdictError("a correction needs a value or attributes")
        return checked_verdict(Verdict(fact_id, verdict, value, row["note"] or None, attributes))
    except VerdictError as error:
        raise VerdictError(f"{where}: {error}") from None


def parse_attributes(cell: str) -> tuple[tuple[str, str], ...]:
    """`region=Wuhan;date=2020-02-10` -> (("date", "2020-02-10"), ("region", "Wuhan"))."""
    pairs = {}
    for item in filter(None, (part.strip() for part in (cell or "").split(";"))):
        name, sep, value = item.partition("=")
        name = name.strip()
        if not sep or name not in REGION_FIELDS + ("date",) + tuple(CHOICES):
            raise VerdictError(f"attribute {item!r} is not NAME=VALUE with a correctable NAME")
        pairs[name] = value.strip()
    return tuple(sorted(pairs.items()))


def format_attributes(attributes: Iterable[tuple[str, str]]) -> str:
    return ";".join(f"{name}={value}" for name, value in attributes)


def write_verdicts(path: Path, verdicts: dict[str, Verdict], kept: dict[str, list[str]] | None = None) -> None:
    """The whole file, sorted by fact_id, written beside it and swapped in (never half a file), with the
    permissions the umask gives a new file. `kept`: rows that could not be read, written back as they were
    (a writer never drops a reviewer's row it does not understand; `review ID --clear` removes one)."""
    kept = {f: cells for f, cells in (kept or {}).items() if f not in verdicts}
    handle, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
            writer = csv.writer(out, lineterminator="\n")
            writer.writerow(COLUMNS)
            for fact_id in sorted(set(verdicts) | set(kept)):
                if fact_id in kept:
                    cells = kept[fact_id]
                    writer.writerow(cells + [""] * (len(COLUMNS) - len(cells)) if len(cells) < len(COLUMNS)
                                    else cells)
                    continue
                v = verdicts[fact_id]
                writer.writerow([v.fact_id, v.verdict, v.value or "", format_attributes(v.attributes), v.note or ""])
            out.flush()
            os.fsync(out.fileno())
        mask = os.umask(0)
        os.umask(mask)
        os.chmod(tmp, 0o666 & ~mask)
        os.replace(tmp, path)
        if not kept:
            _READ[str(path)] = (file_signature(path), (dict(verdicts), {}))
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def update_verdicts(corpus: Path | str, changes: dict[str, Verdict | None]) -> dict[str, Verdict | None]:
    """Set (a Verdict) or clear (None) the verdicts of some facts under the corpus's verdict lock; returns what
    each of them had before, so that a change can be undone."""
    befores = apply_changes(corpus, list(changes.items()))
    return dict(zip(changes, befores))


def apply_changes(corpus: Path | str, changes: list[tuple[str, Verdict | None]],
                  expected: dict[str, Verdict | None] | None = None) -> list[Verdict | None]:
    """Changes applied in order under the lock and written once (the app writes the verdicts of concurrent
    requests together: one file swap, not one each); what each fact had just before its change. `expected`: the
    verdicts some facts must still have (an undo replaces only the verdict it was made after, not one another tab
    or reviewer has recorded since); checked under the same lock, and if one differs nothing is written."""
    corpus = Path(corpus)
    if not corpus.is_dir():
        raise VerdictError(f"{corpus}: no such corpus folder")
    changes = [(fact_id, None if verdict is None else checked_verdict(verdict)) for fact_id, verdict in changes]
    for fact_id, _ in changes:
        check_fact_id(fact_id)
    with verdicts_lock(corpus):
        verdicts, bad = read_verdict_rows(corpus)
        for fact_id, verdict in (expected or {}).items():
            if verdicts.get(fact_id) != verdict:
                now = verdicts.get(fact_id)
                raise VerdictChanged(f"{fact_id}: its verdict changed since (now {now.verdict if now else 'none'}); "
                                   "reload the page before undoing")
        kept = {f: cells for f, (cells, _) in bad.items()}
        before = []
        changed = False
        for fact_id, verdict in changes:
            before.append(verdicts.get(fact_id))
            changed |= kept.pop(fact_id, None) is not None   # a bad row is replaced or cleared
            if verdict is None:
                verdicts.pop(fact_id, None)
            else:
                verdicts[fact_id] = verdict
        if changed or any(was != now for was, (_, now) in zip(before, changes)):
            write_verdicts(verdicts_path(corpus), verdicts, kept)
    return before


@contextmanager
def verdicts_lock(corpus: Path):
    """The lock every read-modify-write of verdicts.csv holds; a timeout, a read-only folder or a full disk is a
    VerdictError of one line, the file as it was."""
    try:
        with FileLock(Path(corpus) / LOCK_FILE, timeout=LOCK_TIMEOUT):
            yield
    except Timeout:
        raise VerdictError(f"{Path(corpus) / VERDICTS_FILE}: still locked by another review after {LOCK_TIMEOUT} s") \
            from None
    except OSError as error:
        raise VerdictError(f"{Path(corpus) / VERDICTS_FILE}: cannot write verdicts ({error.strerror or error})") \
            from None


def take_verdicts(corpus: Path | str, fact_ids: set[str], keep) -> int:
    """Take the verdicts of these facts (and their rows that cannot be read) out of verdicts.csv, under its lock;
    `keep(verdicts, rows)` is called first, under the same lock, to store them elsewhere: a failure there leaves
    verdicts.csv as it was, so a verdict is in one place or both, never in none. Returns how many were taken."""
    corpus = Path(corpus)
    with verdicts_lock(corpus):
        verdicts, bad = read_verdict_rows(corpus)
        taken = {f: v for f, v in verdicts.items() if f in fact_ids}
        rows = {f: cells for f, (cells, _) in bad.items() if f in fact_ids}
        keep(taken, rows)
        if taken or rows:
            kept = {f: cells for f, (cells, _) in bad.items() if f not in fact_ids}
            write_verdicts(verdicts_path(corpus), {f: v for f, v in verdicts.items() if f not in fact_ids}, kept)
    return len(taken) + len(rows)


def put_verdicts(corpus: Path | str, verdicts: dict[str, Verdict], rows: dict[str, list[str]]) -> int:
    """Put verdicts (and rows kept as they were) back into verdicts.csv, under its lock, for the facts that have
    none there now (a verdict given since wins); returns how many were put back."""
    corpus = Path(corpus)
    with verdicts_lock(corpus):
        present, bad = read_verdict_rows(corpus)
        kept = {f: cells for f, (cells, _) in bad.items()}
        new = {f: v for f, v in verdicts.items() if f not in present and f not in kept}
        new_rows = {f: cells for f, cells in rows.items() if f not in present and f not in kept and f not in new}
        if new or new_rows:
            write_verdicts(verdicts_path(corpus), {**present, **new}, {**kept, **new_rows})
    return len(new) + len(new_rows)


def record_verdict(corpus: Path | str, verdict: Verdict) -> Verdict | None:
    """Add or replace the verdict on one fact; returns the one it replaces."""
    return update_verdicts(corpus, {verdict.fact_id: verdict})[verdict.fact_id]


def clear_verdict(corpus: Path | str, fact_id: str) -> Verdict | None:
    """Remove the verdict on one fact; returns it (None when there was none)."""
    return update_verdicts(corpus, {fact_id: None})[fact_id]


def resolve_fact_id(prefix: str, fact_ids: Iterable[str]) -> str:
    """The one fact id that starts with `prefix` (a full id or a unique prefix of at least 4 characters)."""
    prefix = prefix.strip().lower()
    matches = sorted({f for f in fact_ids if isinstance(f, str) and f.startswith(prefix)}) if prefix else []
    if prefix in matches:
        return prefix
    if not matches:
        raise VerdictError(f"{prefix or '(empty)'}: no such fact")
    if len(prefix) < 4 or len(matches) > 1:
        shown = ", ".join(matches[:5]) + (" ..." if len(matches) > 5 else "")
        raise VerdictError(f"{prefix}: {len(matches)} facts start with it ({shown}); give more of the id")
    return matches[0]


# ---- applying verdicts at a build ---------------------------------------------------------------------------

def corrected(row: dict, verdict: Verdict) -> dict:
    """A fact row with a verdict's value (a correction, or a suggestion accepted) and attributes in it."""
    row = dict(row)
    try:
        if verdict.value is not None:
            row["value"] = typed_value(row["kind"], verdict.value)
            if row["kind"] == "region":
                row["region"] = row["value"]
        for name, value in verdict.attributes:
            row[name] = checked_attribute(name, value)
    except VerdictError as error:
        raise VerdictError(f"{VERDICTS_FILE}: verdict on {verdict.fact_id} does not fit its "
                           f"{row['kind']}: {error}") from None
    if row.get("region") and (verdict.value is not None and row["kind"] == "region" or "region" in verdict.changes):
        row["region_code"] = default_gazetteer()[row["region"]].code
    return row


def apply_verdicts(rows: list[dict], verdicts: dict[str, Verdict]) -> tuple[list[dict], list[dict]]:
    """(fact rows with `reviewed` and `extracted_value`, audit rows of the verdicts applied to them).
    Rejected facts leave the fact rows; a blank whose suggestion was accepted fills the fact it belongs to
    too, unless that fact has a verdict of its own. Works on any part of the corpus (a build applies it
    document by document); stale_verdicts() lists the verdicts no fact answered."""
    filled = {row["belongs_to"]: verdicts[row["fact_id"]] for row in rows
              if row.get("belongs_to") and row["fact_id"] in verdicts
              and verdicts[row["fact_id"]].verdict == "accept" and verdicts[row["fact_id"]].value is not None}
    kept, audit = [], []
    for row in rows:
        verdict = verdicts.get(row["fact_id"])
        row = {**row, "reviewed": verdict is not None, "extracted_value": row["value"]}
        if verdict is not None:
            if verdict.verdict != "reject":
                row = corrected(row, verdict)
            audit.append(audit_row(row, verdict, "applied"))
            if verdict.verdict == "reject":
                continue
        elif row["fact_id"] in filled and row["value"] is None:
            row = corrected(row, Verdict(row["fact_id"], "accept", filled[row["fact_id"]].value))
        kept.append(row)
    return kept, audit


def stale_verdicts(verdicts: dict[str, Verdict], seen: set[str]) -> list[dict]:
    """Audit rows (status `stale`) for the verdicts whose fact no longer exists."""
    return [audit_row(None, verdicts[fact_id], "stale") for fact_id in sorted(set(verdicts) - seen)]


AUDIT_COLUMNS = ["fact_id", "doc_id", "kind", "rule", "verdict", "status", "extracted_value", "value", "attributes",
                 "note", "text", "start", "end"]


def audit_row(row: dict | None, verdict: Verdict, status: str) -> dict:
    row = row or {}
    value = verdict.value if verdict.value is not None else row.get("value")
    return dict(fact_id=verdict.fact_id, doc_id=row.get("doc_id"), kind=row.get("kind"), rule=row.get("rule"),
                verdict=verdict.verdict, status=status, extracted_value=row.get("extracted_value", row.get("value")),
                value=value, attributes=format_attributes(verdict.attributes) or None, note=verdict.note,
                text=row.get("text"), start=row.get("start"), end=row.get("end"))


# ---- rule precision ---------------------------------------------------------------------------------------

PRECISION_COLUMNS = ["rule", "facts", "reviewed", "accepted", "rejected", "corrected", "attributes_corrected",
                     "precision"]


def tally_verdict(verdict: Verdict) -> str:
    """How a verdict counts for its rule: a correction of attributes alone (a region or date the rule left empty
    or got wrong) is `attributes`, apart from a wrong value."""
    return "attributes" if verdict.verdict == "correct" and verdict.value is None else verdict.verdict


class RuleTally:
    """Per rule: facts made and the verdicts on them. Precision counts values: (accepted + attributes corrected) /
    reviewed, so a fact whose value was corrected (or that was rejected) counts against its rule, while a fact
    whose value was right and whose attributes were corrected is counted apart, in `attributes_corrected` (a
    blank filled with its suggestion is an accept)."""

    def __init__(self):
        self.facts: Counter[str] = Counter()   # counted in C: a tally of every fact of the corpus
        self.verdicts: dict[tuple[str, str], int] = {}

    def add(self, rules: Iterable[str], judged: Iterable[tuple[str, str]] = ()) -> None:
        """Rules of the facts made, and (rule, verdict) of those with a verdict."""
        self.facts.update(rules)
        for key in judged:
            self.verdicts[key] = self.verdicts.get(key, 0) + 1

    def merge(self, other: "RuleTally") -> None:
        for rule, n in other.facts.items():
            self.facts[rule] = self.facts.get(rule, 0) + n
        for key, n in other.verdicts.items():
            self.verdicts[key] = self.verdicts.get(key, 0) + n

    def records(self) -> list[dict]:
        """One row per rule, by rule name; precision empty where nothing was reviewed."""
        rows = []
        for rule in sorted(self.facts):
            accepted, rejected, corrected = (self.verdicts.get((rule, v), 0) for v in VERDICTS)
            attributes = self.verdicts.get((rule, "attributes"), 0)
            reviewed = accepted + rejected + corrected + attributes
            rows.append(dict(rule=rule, facts=self.facts[rule], reviewed=reviewed, accepted=accepted,
                             rejected=rejected, corrected=corrected, attributes_corrected=attributes,
                             precision=f"{(accepted + attributes) / reviewed:.3f}" if reviewed else None))
        return rows


# ---- one review from the command line or the app ------------------------------------------------------------

ACTIONS = ("accept", "reject", "correct", "accept-suggestion", "clear")


def reviewable_facts(outputs: Path | str) -> dict[str, dict]:
    """fact_id -> kind, value, suggestion of every fact of a built dataset, the rejected ones (which left
    facts.csv and stay in audit.csv) included, so that their verdict can be changed or cleared."""
    outputs = Path(outputs)
    facts_csv = outputs / "facts.csv"
    if not facts_csv.exists():
        raise VerdictError(f"{facts_csv}: no such file (run aidfacts build first)")
    from extract.dataset.tables import read_csv_checked   # a damaged table: one line naming it

    columns = ["fact_id", "kind", "value", "extracted_value", "suggestion"]
    facts = read_csv_checked(facts_csv, columns, usecols=columns, name="facts").fillna("")
    known = {row.fact_id: dict(kind=row.kind, value=row.extracted_value or None, suggestion=row.suggestion or None)
             for row in facts.itertuples()}
    if (outputs / "audit.csv").exists():
        audit = read_csv_checked(outputs / "audit.csv", ["fact_id", "kind", "status", "extracted_value"],
                                 name="audit").fillna("")
        for row in audit.itertuples():
            if row.status == "applied" and row.fact_id not in known:
                known[row.fact_id] = dict(kind=row.kind, value=row.extracted_value or None, suggestion=None)
    return known


def verdict_for(action: str, fact_id: str, fact: dict, value: str | None = None,
                attributes: dict[str, str] | None = None, note: str | None = None) -> Verdict | None:
    """The verdict an action makes on a fact, checked (None for `clear`)."""
    if action == "clear":
        return None
    kind = fact.get("kind")
    if action in ("accept", "reject"):
        return checked_verdict(Verdict(fact_id, action, None, note), kind)
    if action == "accept-suggestion":
        if fact.get("suggestion") in (None, ""):
            raise VerdictError(f"fact {fact_id} has no suggestion to accept")
        return checked_verdict(Verdict(fact_id, "accept", str(fact["suggestion"]), note or "accepted the suggestion"),
                               kind)
    if action == "correct":
        if value is not None and not isinstance(value, str):
            raise VerdictError("a value must be text")
        return checked_verdict(Verdict(fact_id, "correct", value, note,
                                       tuple(sorted((attributes or {}).items()))), kind)
    raise VerdictError(f"unknown action {str(action)[:40]!r}")


def review_fact(corpus: Path | str, outputs: Path | str, fact_id: str, action: str, value: str | None = None,
                attributes: dict[str, str] | None = None, note: str | None = None) -> tuple[str, Verdict | None]:
    """Record one reviewer's action on a fact given by its id or a unique prefix: (full id, the verdict). A
    verdict can always be cleared, even a bad row or one whose fact no longer exists (read the file leniently)."""
    if action == "clear":
        try:
            verdicts, bad = read_verdict_rows(corpus)
        except VerdictError:
            verdicts, bad = {}, {}
        try:
            fact_id = resolve_fact_id(fact_id, set(verdicts) | set(bad))
        except VerdictError:
            fact_id = resolve_fact_id(fact_id, reviewable_facts(outputs))
        update_verdicts(corpus, {fact_id: None})
        return fact_id, None
    known = reviewable_facts(outputs)
    fact_id = resolve_fact_id(fact_id, known)
    verdict = verdict_for(action, fact_id, known[fact_id], value, attributes, note)
    update_verdicts(corpus, {fact_id: verdict})
    return fact_id, verdict
