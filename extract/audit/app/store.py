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

from extract.audit.app.related import plain_values, related_figures
from extract.dataset.build import read_table
from extract.dataset.tables import read_csv_checked
from extract.dataset.corpus import ArticleError, read_article_text
from extract.dataset.verdicts import (EDITABLE, REGION_FIELDS, RuleTally, Verdict, VerdictError, apply_changes,
                                      checked_verdict, read_verdicts, tally_verdict, verdict_for,
                                      verdicts_path)
from extract.dataset.verdicts import checked_correction, file_signature

ATTRIBUTES = ("qualifier", "status", "period", "unit", "region", "origin", "destination", "helper", "recipient",
              "date", "expected")
FILTERS = ("kind", "doc", "region", "rule", "verdict", "q")
FIGURE_TABLES = ("cases", "staff")   # the consolidated tables whose failing checks lead the queue
VERDICT_FILTERS = ("unreviewed", "reviewed", "accept", "reject", "correct")
PARAGRAPH_LIMIT = 1200   # characters of context shown around a fact in a very long paragraph
NUMBERS_PAGE = 50   # numbers shown per page of the numbers queue
UNEXPLAINED = "unexplained"


class GroupWriter:
    """Verdicts of concurrent requests written together: each request queues its change, and whichever request
    gets the commit lock first writes every change queued so far in one locked file swap (a swap and its fsync
    cost milliseconds on a virtual disk; two reviewers or tabs would otherwise queue behind each other's)."""

    def __init__(self, corpus: Path):
        self.corpus = corpus
        self.queued: list[tuple[str, Verdict | None, dict]] = []
        self.queue_lock, self.commit_lock = threading.Lock(), threading.Lock()

    def write(self, fact_id: str, verdict: Verdict | None, also: list[tuple[str, Verdict | None]] = (),
              replaces: tuple[Verdict | None] = ()) -> Verdict | None:
        """Record one change (and `also` others with it, in the same swap: a fact and its blank); returns the
        fact's verdict just before it. `replaces`: (the verdict the fact must still have), or () for any."""
        slot: dict = {"expected": {fact_id: replaces[0]}} if replaces else {}
        with self.queue_lock:
            self.queued.append((fact_id, verdict, slot))
            self.queued += [(other, change, {}) for other, change in also]
        with self.commit_lock:
            if "before" not in slot and "error" not in slot:   # not yet written by another request's batch
                with self.queue_lock:
                    batch, self.queued = self.queued, []
                try:
                    expected = {f: v for _, _, waiting in batch for f, v in waiting.get("expected", {}).items()}
                    befores = apply_changes(self.corpus, [(f, v) for f, v, _ in batch], expected)
                    for (_, _, waiting), before in zip(batch, befores):
                        waiting.setdefault("before", before)
                except Exception as error:
                    if len(batch) == 1 or isinstance(error, VerdictError) and "cannot write" in str(error):
                        for _, _, waiting in batch:
                            waiting["error"] = error
                    else:   # one change the batch failed on must not cost the others their verdicts
                        for fact_id, verdict, waiting in batch:
                            try:
                                waiting.setdefault("before", apply_changes(self.corpus, [(fact_id, verdict)],
                                                                           waiting.get("expected"))[0])
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
    return {row["rule"]: (row["accepted"] + row["attributes_corrected"] + 1) / (row["reviewed"] + 2)
            for row in tally_rows}


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
        self.figures, failing = self.load_figures()
        # a blank and the fact it belongs to are one item: the fact (its kind has the attributes to check), with
        # the blank's verdict following the fact's; a blank of no fact stays an item of its own
        ids = set(facts["fact_id"])
        owned = (facts["kind"] == "missing_number") & facts["belongs_to"].isin(ids)
        self.blanks_of: dict[str, list[str]] = {}
        for blank_id, owner in zip(facts.loc[owned, "fact_id"], facts.loc[owned, "belongs_to"]):
            self.blanks_of.setdefault(owner, []).append(blank_id)
        facts["hidden"] = owned
        # the queue: mentions of figures that fail a check first (a reviewer settles the figure), then facts in
        # conflicts, blanks with a suggested value, the other facts that carry a number, and bare region mentions
        # last (half of all facts, and rarely wrong: reviewed on demand, with the kind filter)
        blank = facts["suggestion"].notna() & (facts["missing"] | (facts["kind"] == "missing_number"))
        facts["tier"] = 3
        facts.loc[facts["kind"] == "region", "tier"] = 4
        facts.loc[blank, "tier"] = 2
        facts.loc[facts["fact_id"].isin(conflicted), "tier"] = 1
        facts.loc[facts["fact_id"].isin(failing), "tier"] = 0
        # (table, row) of the failing figure it mentions, or None
        facts["figure"] = pd.Series([failing.get(f) for f in facts["fact_id"]], index=facts.index, dtype=object)
        facts["place"] = range(len(facts))   # facts are in (doc_id, start, end, fact_id) order: a numeric key
        self.facts, self.documents, self.conflicts = facts, documents, conflicts.to_dict(orient="records")
        self.by_id = {fact_id: i for i, fact_id in enumerate(facts["fact_id"])}
        self.rule_counts = facts["rule"].value_counts().to_dict()
        self.choice_lists = {"kind": sorted(set(facts["kind"])), "rule": sorted(set(facts["rule"]))}
        self.order: pd.DataFrame = facts
        self.numbers = self.load_numbers()
        self.texts: dict[str, str] = {}
        self.signature, self.dataset = "unread", dataset

    def load_numbers(self) -> pd.DataFrame:
        """numbers.csv (every numeral and what accounts for it), in the queue's order: the articles that leave
        the most numbers unexplained first, each article's numbers in text order. A dataset built before
        numbers.csv existed has none."""
        path = self.outputs / "numbers.csv"
        columns = ["number_id", "doc_id", "start", "end", "text", "value", "reason", "rule", "fact_id",
                   "sent_start", "sent_end"]
        if not path.exists():
            return pd.DataFrame(columns=columns + ["left"])
        numbers = pd.read_csv(path, dtype=str, keep_default_na=False, na_values=[""], usecols=lambda c: c in columns)
        numbers = numbers.astype(object).where(numbers.notna(), None)
        for column in ("start", "end", "sent_start", "sent_end"):
            numbers[column] = pd.to_numeric(numbers[column]).fillna(-1).astype(int)
        left = numbers[numbers["reason"] == UNEXPLAINED].groupby("doc_id").size()
        numbers["left"] = numbers["doc_id"].map(left).fillna(0).astype(int)
        numbers["place"] = range(len(numbers))
        return numbers.sort_values(["left", "place"], ascending=[False, True], ignore_index=True)

    def number_queue(self, reason: str | None = UNEXPLAINED, doc: str | None = None, page: int = 0) -> dict:
        """One page of the numbers of a reason (all reasons: None) and document, each with its sentence, the
        number highlighted, and its article's title; with the count of every reason for the filter."""
        self.refresh()
        numbers = self.numbers
        if doc:
            numbers = numbers[numbers["doc_id"] == doc]
        reasons = numbers["reason"].value_counts().to_dict()
        if reason:
            numbers = numbers[numbers["reason"] == reason]
        pages = max(1, -(-len(numbers) // NUMBERS_PAGE))
        page = min(max(0, page), pages - 1)
        items = []
        for number in numbers.iloc[page * NUMBERS_PAGE:(page + 1) * NUMBERS_PAGE].to_dict(orient="records"):
            number["sentence"] = self.sentence(number)
            number["title"] = self.documents["title"].get(number["doc_id"]) if "title" in self.documents else None
            items.append(number)
        return {"items": items, "total": len(numbers), "page": page, "pages": pages, "reasons": reasons,
                "documents": int(numbers["doc_id"].nunique())}

    def load_figures(self) -> tuple[dict[str, pd.DataFrame], dict[str, tuple[str, int]]]:
        """cases.csv and staff.csv (where the build wrote them), and fact_id -> (table, row) of the first figure
        failing a check that the fact mentions."""
        figures, failing = {}, {}
        for name in FIGURE_TABLES:
            table = self.table(name)
            if table.empty or "fact_ids" not in table.columns:
                continue
            figures[name] = table
            checked = table[table["checks"].notna()] if "checks" in table.columns else table.iloc[:0]
            for row, fact_ids in zip(checked.index, checked["fact_ids"]):
                for fact_id in str(fact_ids).split():
                    failing.setdefault(fact_id, (name, int(row)))
        return figures, failing

    def figure(self, table: str, row: int) -> dict | None:
        """One row of cases.csv or staff.csv with its mentions as shown (value, verdict, document, sentence)."""
        self.refresh()
        frame = self.figures.get(table)
        if frame is None or not 0 <= row < len(frame):
            return None
        record = plain_values(frame.iloc[row].to_dict())
        mentions = []
        for fact_id in str(record.get("fact_ids") or "").split():
            fact = self.fact(fact_id)
            if fact is not None:
                fact["sentence"] = self.sentence(fact)
                mentions.append(fact)
        record["mentions"] = mentions
        record["failed"] = [c for c in str(record.get("checks") or "").split(";") if c]
        record["related"] = related_figures(table, frame, row)
        return record

    def sentence(self, fact: dict) -> list[Segment]:
        """The fact's sentence, the fact highlighted (the template escapes the text)."""
        text = self.text(fact["doc_id"])
        start, end = fact["start"], fact["end"]
        if text is None or start < 0 or text[start:end] != (fact["text"] or ""):
            return [Segment(fact["text"] or "", "current")]
        lo = fact["sent_start"] if 0 <= fact["sent_start"] <= start else max(0, start - 200)
        hi = fact["sent_end"] if fact["sent_end"] >= end else min(len(text), end + 200)
        return [Segment(text[lo:start]), Segment(text[start:end], "current"), Segment(text[end:hi])]

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
                verdict=self.facts["fact_id"].map({f: v.verdict for f, v in verdicts.items()}).astype(object)
                .fillna("unreviewed"),
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
        tally.add((), [(rule, tally_verdict(verdicts[f])) for f, rule in zip(judged["fact_id"], judged["rule"])])
        return tally.records()

    def queue(self, filters: dict[str, str]) -> pd.DataFrame:
        """The facts that pass the filters, in triage order."""
        self.refresh()
        rows = self.order
        # a blank that belongs to a fact is reviewed with it; shown alone only when blanks are asked for
        mask = ~rows["hidden"] if filters.get("kind") != "missing_number" else pd.Series(True, index=rows.index)
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

    def hidden_by(self, filters: dict[str, str]) -> list[dict]:
        """For a search that finds nothing: each active filter that hides its matches (dropping it alone finds
        some), with how many it would find, and the count of the search over everything."""
        out = []
        for name in [n for n in FILTERS if n != "q" and filters.get(n)]:
            rest = {k: v for k, v in filters.items() if k != name}
            found = len(self.queue(rest))
            if found:
                out.append(dict(name=name, value=filters[name], found=found, filters=rest))
        return out

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
        return self.writer.write(fact_id, verdict, self.blank_changes(fact_id, verdict)), verdict

    def blank_changes(self, fact_id: str, verdict: Verdict | None) -> list[tuple[str, Verdict | None]]:
        """The verdicts of a fact's blanks that follow its own: one item, one verdict. A blank takes the fact's
        verdict, and its value where that is the blank's number (an accepted suggestion fills both); otherwise
        (a date's day, a correction of attributes alone) a correction says only that the blank is one."""
        changes = []
        for blank_id in self.blanks_of.get(fact_id, ()):
            if verdict is None or verdict.verdict == "reject":
                changes.append((blank_id, verdict and Verdict(blank_id, "reject", None, verdict.note)))
                continue
            value = verdict.value
            if value is not None:
                try:
                    value = checked_correction("missing_number", value, {}).value
                except VerdictError:
                    value = None
            changes.append((blank_id, Verdict(blank_id, "accept" if value is None else verdict.verdict, value,
                                              verdict.note)))
        return changes

    def restore(self, fact_id: str, verdict: Verdict | None, replaces: tuple[Verdict | None] = ()) -> Verdict | None:
        """Put a fact's verdict back as it was (undo), or a note changed; returns the one it replaces. The verdict
        comes from the page, so it is checked as a new one is, against the fact's kind; a blank's verdict follows
        its fact's. `replaces`: (the verdict it must replace), checked under the verdicts' lock."""
        at = self.by_id.get(fact_id)
        if at is None:
            raise VerdictError(f"{str(fact_id)[:80]}: no such fact")
        if verdict is not None:
            verdict = checked_verdict(verdict, self.facts.iloc[at]["kind"])
        return self.writer.write(fact_id, verdict, self.blank_changes(fact_id, verdict), replaces)

    def counts(self) -> dict[str, int]:
        self.refresh()
        items = self.order[~self.order["hidden"]]   # a fact and its blank count once
        reviewed = int(items["reviewed"].sum())
        return {"facts": len(items), "unreviewed": len(items) - reviewed, "reviewed": reviewed}
