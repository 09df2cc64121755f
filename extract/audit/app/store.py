"""What the review app shows: the facts of a built dataset with the live verdicts laid over them, in triage order.

The facts are read once from the outputs (facts.csv, and the rejected ones back from audit.csv); the verdicts are
read again from the corpus's verdicts.csv whenever that file changes, so a verdict written by another tab, another
reviewer or a CLI call shows at the next page without a rebuild.
"""
from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from extract.dataset.build import read_table
from extract.dataset.tables import read_csv_checked
from extract.dataset.corpus import ArticleError, read_article_text
from extract.dataset.verdicts import (EDITABLE, REGION_FIELDS, RuleTally, Verdict, VerdictError, apply_changes,
                                      checked_verdict, read_verdicts, verdict_for,
                                      verdicts_path)
from extract.dataset.verdicts import file_signature

ATTRIBUTES = ("qualifier", "status", "period", "unit", "region", "origin", "destination", "helper", "recipient",
              "date", "expected")
FILTERS = ("kind", "doc", "region", "rule", "verdict", "q")
VERDICT_FILTERS = ("unreviewed", "reviewed", "accept", "reject", "correct")
PARAGRAPH_LIMIT = 1200   # characters of context shown around a fact in a very long paragraph


class GroupWriter:
    """Verdicts of concurrent requests written together: each request queues its change, and whichever request
    gets the commit lock first writes every change queued so far in one locked file swap (a swap and its fsync
    cost milliseconds on a virtual disk; two reviewers or tabs would otherwise queue behind each other's)."""

    def __init__(self, corpus: Path):
        self.corpus = corpus
        self.queued: list[tuple[str, Verdict | None, dict]] = []
        self.queue_lock, self.commit_lock = threading.Lock(), threading.Lock()

    def write(self, fact_id: str, verdict: Verdict | None) -> Verdict | None:
        """Record one change; returns the fact's verdict just before it."""
        slot: dict = {}
        with self.queue_lock:
            self.queued.append((fact_id, verdict, slot))
        with self.commit_lock:
            if not slot:   # not yet written by another request's batch: write the batch
                with self.queue_lock:
                    batch, self.queued = self.queued, []
                try:
                    befores = apply_changes(self.corpus, [(f, v) for f, v, _ in batch])
                    for (_, _, waiting), before in zip(batch, befores):
                        waiting["before"] = before
                except Exception as error:
                    if len(batch) == 1 or isinstance(error, VerdictError) and "cannot write" in str(error):
                        for _, _, waiting in batch:
                            waiting["error"] = error
                    else:   # one change the batch failed on must not cost the others their verdicts
                        for fact_id, verdict, waiting in batch:
                            try:
                                waiting["before"] = apply_changes(self.corpus, [(fact_id, verdict)])[0]
                            except Exception as own:
                                waiting["error"] = own
        if "error" in slot:
            error = slot["error"]
            raise error if isinstance(error, VerdictError) else VerdictError(f"not recorded ({error})")
        return slot["before"]


@dataclass
class Segment:
    text: str
    classes: str = ""
    fact_id: str | None = None


def rule_scores(tally_rows: list[dict]) -> dict[str, float]:
    """A rule's expected precision, (accepted + 1) / (reviewed + 2): a rule nobody has checked scores 0.5, a rule
    whose facts were mostly rejected scores lower and comes first in the queue, a rule shown right scores higher."""
    return {row["rule"]: (row["accepted"] + 1) / (row["reviewed"] + 2) for row in tally_rows}


class ReviewStore:
    def __init__(self, outputs: Path | str, corpus: Path | str):
        self.outputs, self.corpus = Path(outputs), Path(corpus)
        if not (self.outputs / "facts.csv").exists():
            raise FileNotFoundError(f"{self.outputs}: no facts.csv (run aidfacts build first)")
        if not self.corpus.is_dir():
            raise FileNotFoundError(f"{self.corpus}: no such corpus folder")
        self.lock = threading.Lock()
        self.writer = GroupWriter(self.corpus)
        self.verdicts: dict[str, Verdict] = {}
        self.load()

    def load(self) -> None:
        """The built dataset (again after a rebuild: the app notices a new facts.csv and reloads)."""
        dataset = file_signature(self.outputs / "facts.csv")
        facts = self.load_facts()
        documents = read_table(self.outputs / "documents.csv", "documents").set_index("doc_id", drop=False)
        conflicts = self.table("conflicts")
        conflicted = set(conflicts.get("fact_a", [])) | set(conflicts.get("fact_b", []))
        blank = facts["suggestion"].notna() & (facts["missing"] | (facts["kind"] == "missing_number"))
        facts["tier"] = 2
        facts.loc[blank, "tier"] = 1
        facts.loc[facts["fact_id"].isin(conflicted), "tier"] = 0
        facts["place"] = range(len(facts))   # facts are in (doc_id, start, end, fact_id) order: a numeric key
        self.facts, self.documents, self.conflicts = facts, documents, conflicts.to_dict(orient="records")
        self.by_id = {fact_id: i for i, fact_id in enumerate(facts["fact_id"])}
        self.rule_counts = facts["rule"].value_counts().to_dict()
        self.choice_lists = {"kind": sorted(set(facts["kind"])), "rule": sorted(set(facts["rule"]))}
        self.order: pd.DataFrame = facts
        self.texts: dict[str, str] = {}
        self.signature, self.dataset = "unread", dataset

    def table(self, name: str) -> pd.DataFrame:
        path = self.outputs / f"{name}.csv"
        return read_table(path, name) if path.exists() else pd.DataFrame()

    def load_facts(self) -> pd.DataFrame:
        """Every fact the last build made, as extracted: facts.csv's rows with their extracted value, and the
        rejected facts from audit.csv (their attributes are not kept there, their span and rule are)."""
        columns = ["fact_id", "doc_id", "kind", "extracted_value", "missing", *ATTRIBUTES, "text", "start", "end",
                   "rule", "sent_start", "sent_end", "belongs_to", "suggestion", "suggestion_doc", "suggestion_fact",
                   "suggestion_text"]
        facts = read_csv_checked(self.outputs / "facts.csv", ["fact_id", "doc_id", "kind", "start", "end", "rule"],
                                 usecols=lambda c: c in columns, name="facts")   # a damaged table: one line
        facts = facts.rename(columns={"extracted_value": "value"})
        audit = self.table("audit")
        if not audit.empty and {"start", "end", "rule"} <= set(audit.columns):
            gone = audit[(audit["verdict"] == "reject") & (audit["status"] == "applied")
                         & ~audit["fact_id"].isin(facts["fact_id"]) & audit["start"].notna()]
            gone = gone.drop(columns=["value"]).rename(columns={"extracted_value": "value"})[
                ["fact_id", "doc_id", "kind", "value", "text", "start", "end", "rule"]].astype(object)
            facts = pd.concat([facts, gone], ignore_index=True)
        facts = facts.astype(object).where(facts.notna(), None)
        facts["missing"] = facts["missing"].map(lambda v: v == "True")
        for column in ("start", "end", "sent_start", "sent_end"):
            facts[column] = pd.to_numeric(facts[column]).fillna(-1).astype(int)
        regions = facts[list(REGION_FIELDS)].fillna("").agg(" ".join, axis=1).str.strip()
        facts["regions"] = regions
        facts["haystack"] = (facts["text"].fillna("") + " " + facts["value"].fillna("").astype(str) + " " + regions
                             + " " + facts["doc_id"] + " " + facts["rule"] + " " + facts["kind"]).str.lower()
        return facts.sort_values(["doc_id", "start", "end", "fact_id"], ignore_index=True)

    # ---- live verdicts and the queue --------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read verdicts.csv again if it changed since last time, and put the queue in triage order."""
        signature = file_signature(verdicts_path(self.corpus))
        with self.lock:
            rebuilt = file_signature(self.outputs / "facts.csv")
            if rebuilt is not None and rebuilt != self.dataset:
                try:
                    self.load()
                except (OSError, ValueError):   # caught between a build's two renames: the old data stays
                    pass
            if signature == self.signature:
                return
            verdicts = read_verdicts(self.corpus)
            tally_rows = self.tally(verdicts)
            facts = self.facts.assign(
                verdict=self.facts["fact_id"].map({f: v.verdict for f, v in verdicts.items()}).fillna("unreviewed"),
                score=self.facts["rule"].map(rule_scores(tally_rows)).fillna(0.5))
            facts["reviewed"] = facts["verdict"] != "unreviewed"
            # numeric keys only (place stands for document and offset): a sort of 75,000 facts in milliseconds
            ranked = np.lexsort((facts["place"].to_numpy(), facts["score"].to_numpy(), facts["tier"].to_numpy(),
                                 facts["reviewed"].to_numpy()))
            order = facts.iloc[ranked].reset_index(drop=True)
            # swapped in whole: a request on another thread sees the old state or the new, never half of one
            self.verdicts, self.tally_rows, self.order, self.signature = verdicts, tally_rows, order, signature

    def tally(self, verdicts: dict[str, Verdict]) -> list[dict]:
        tally = RuleTally()
        tally.facts = dict(self.rule_counts)
        judged = self.facts[self.facts["fact_id"].isin(verdicts)]
        tally.add((), [(rule, verdicts[f].verdict)
                                       for f, rule in zip(judged["fact_id"], judged["rule"])])
        return tally.records()

    def queue(self, filters: dict[str, str]) -> pd.DataFrame:
        """The facts that pass the filters, in triage order."""
        self.refresh()
        rows = self.order
        mask = pd.Series(True, index=rows.index)
        if filters.get("kind"):
            mask &= rows["kind"] == filters["kind"]
        if filters.get("doc"):
            mask &= rows["doc_id"].str.contains(filters["doc"].strip(), regex=False)
        if filters.get("rule"):
            mask &= rows["rule"] == filters["rule"]
        if filters.get("region"):
            mask &= rows["regions"].str.lower().str.contains(filters["region"].strip().lower(), regex=False)
        verdict = filters.get("verdict")
        if verdict == "reviewed":
            mask &= rows["reviewed"]
        elif verdict in VERDICT_FILTERS:
            mask &= rows["verdict"] == verdict
        if filters.get("q"):
            mask &= rows["haystack"].str.contains(filters["q"].strip().lower(), regex=False)
        return rows[mask]

    def choices(self) -> dict[str, list[str]]:
        return self.choice_lists

    # ---- one fact -----------------------------------------------------------------------------------------------

    def fact(self, fact_id: str) -> dict | None:
        """A fact as shown: extracted value and attributes, with its verdict's value and attributes over them."""
        self.refresh()
        at = self.by_id.get(fact_id)
        if at is None:
            return None
        fact = self.facts.iloc[at].to_dict()
        verdict = self.verdicts.get(fact_id)
        fact["verdict_record"] = verdict
        fact["shown_value"] = fact["value"]
        fact["shown"] = {name: fact.get(name) for name in ATTRIBUTES if fact.get(name) is not None}
        if verdict is not None and verdict.value is not None:
            fact["shown_value"] = verdict.value
        if verdict is not None:
            fact["shown"].update(verdict.changes)
        fact["editable"] = EDITABLE.get(fact["kind"], ())
        fact["has_suggestion"] = fact.get("suggestion") is not None
        return fact

    def text(self, doc_id: str) -> str | None:
        if doc_id not in self.texts:
            try:
                self.texts[doc_id] = read_article_text(self.corpus / str(self.documents.loc[doc_id, "file"]))
            except (KeyError, ArticleError, OSError):
                return None
            if len(self.texts) > 256:   # a few hundred articles kept, not the corpus
                self.texts.pop(next(iter(self.texts)))
        return self.texts[doc_id]

    def paragraph(self, fact: dict) -> list[Segment]:
        """The paragraph around a fact as segments: the fact itself highlighted, the other facts of the
        paragraph marked (and linked), the rest plain. The template escapes every segment's text."""
        text = self.text(fact["doc_id"])
        start, end = fact["start"], fact["end"]
        if text is None or start < 0 or text[start:end] != (fact["text"] or ""):
            return [Segment(fact["text"] or "", "current")]
        lo = text.rfind("\n", 0, start) + 1
        hi = text.find("\n", end)
        hi = len(text) if hi < 0 else hi
        lo, hi = max(lo, start - PARAGRAPH_LIMIT // 2), min(hi, end + PARAGRAPH_LIMIT // 2)
        doc = self.facts[(self.facts["doc_id"] == fact["doc_id"]) & (self.facts["start"] < hi)
                         & (self.facts["end"] > lo) & (self.facts["fact_id"] != fact["fact_id"])]
        others = list(zip(doc["start"], doc["end"], doc["fact_id"]))
        cuts = sorted({lo, hi, start, end} | {max(lo, s) for s, _, _ in others} | {min(hi, e) for _, e, _ in others})
        segments = []
        for a, b in zip(cuts, cuts[1:]):
            if a >= b:
                continue
            inside = [f for s, e, f in others if s <= a and e >= b]
            current = start <= a and b <= end
            classes = " ".join(filter(None, ["current" if current else "", "other" if inside else ""]))
            segments.append(Segment(text[a:b], classes, None if current or not inside else inside[-1]))
        if lo > 0:
            segments.insert(0, Segment("… "))
        if hi < len(text):
            segments.append(Segment(" …"))
        return segments

    def conflicts_of(self, fact_id: str) -> list[dict]:
        return [c for c in self.conflicts if fact_id in (c.get("fact_a"), c.get("fact_b"))]

    # ---- recording ----------------------------------------------------------------------------------------------

    def record(self, fact_id: str, action: str, value: str | None = None, attributes: dict | None = None,
               note: str | None = None) -> tuple[Verdict | None, Verdict | None]:
        """Check and record one action; (verdict before, verdict now)."""
        at = self.by_id.get(fact_id)
        if at is None:
            raise VerdictError(f"{str(fact_id)[:80]}: no such fact")
        fact = self.facts.iloc[at].to_dict()   # as extracted: the checks need its kind and suggestion only
        verdict = verdict_for(action, fact_id, fact, value or None, attributes or {}, note or None)
        return self.writer.write(fact_id, verdict), verdict

    def restore(self, fact_id: str, verdict: Verdict | None) -> Verdict | None:
        """Put a fact's verdict back as it was (undo), or a note changed; returns the one it replaces. The verdict
        comes from the page, so it is checked as a new one is, against the fact's kind."""
        at = self.by_id.get(fact_id)
        if at is None:
            raise VerdictError(f"{str(fact_id)[:80]}: no such fact")
        if verdict is not None:
            verdict = checked_verdict(verdict, self.facts.iloc[at]["kind"])
        return self.writer.write(fact_id, verdict)

    def counts(self) -> dict[str, int]:
        self.refresh()
        reviewed = int(self.order["reviewed"].sum())
        return {"facts": len(self.order), "unreviewed": len(self.order) - reviewed, "reviewed": reviewed}
