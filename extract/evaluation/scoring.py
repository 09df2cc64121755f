"""Score extracted facts against gold files (the contract's gold format and matching rules).

Matching is by normalised values, not offsets: a date by its ISO value, a region by name, a count by
(kind, value, region or unit), a pairing by (helper, recipient), a gap by position (within 3 characters).
A gold field holding a list accepts any of its values. Items marked optional are neither rewarded nor
penalised. Predictions that state the same item twice (a figure in a caption and the body) count once.
Attributes (status, period, date, origin, destination, qualifier, expected) are scored on matched items.
Facts whose number is missing (value null) are scored through their gap, not as counts.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

GOLD_LISTS = {"case_count": "case_counts", "personnel_count": "personnel_counts", "team_count": "team_counts",
              "region_count": "region_counts", "pairing": "pairings", "missing_number": "gaps"}
ATTRIBUTES = {
    "case_count": ("status", "period", "date", "qualifier"),
    "personnel_count": ("origin", "destination", "date", "qualifier"),
    "team_count": ("qualifier",),
    "region_count": ("qualifier",),
    "pairing": (),
    "missing_number": ("expected",),
}
KIND_ORDER = ("date", "region", "case_count", "personnel_count", "team_count", "region_count", "pairing",
              "missing_number")
GAP_TOLERANCE = 3


def accepts(gold_value, predicted) -> bool:
    if isinstance(gold_value, list):
        return predicted in gold_value
    return gold_value == predicted


@dataclass
class KindScore:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    attributes: dict = field(default_factory=lambda: defaultdict(lambda: [0, 0]))
    misses: list = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def match_key(kind: str, item: dict):
    """The identity a gold item and a prediction are matched on."""
    if kind == "case_count":
        return item.get("value"), item.get("region")
    if kind == "region_count":
        return item.get("value"), item.get("unit")
    if kind == "pairing":
        return item.get("helper"), item.get("recipient")
    return (item.get("value"),)


def key_matches(kind: str, gold: dict, pred: dict) -> bool:
    if kind == "missing_number":
        return abs(gold["pos"] - pred["start"]) <= GAP_TOLERANCE
    g, p = match_key(kind, gold), match_key(kind, pred)
    return all(accepts(gv, pv) for gv, pv in zip(g, p))


def score_items(kind: str, gold_items: list[dict], predicted: list[dict], score: KindScore, doc_id: str) -> None:
    if kind != "missing_number":
        unique = {}
        for pred in predicted:
            unique.setdefault(match_key(kind, pred), []).append(pred)
        groups = list(unique.values())
    else:
        groups = [[p] for p in predicted]
    used = set()
    for gold in sorted(gold_items, key=lambda g: g.get("optional", False)):
        candidates = [i for i, group in enumerate(groups) if i not in used and key_matches(kind, gold, group[0])]
        if not candidates:
            if not gold.get("optional"):
                score.fn += 1
                score.misses.append((doc_id, "missed", gold))
            continue
        index = candidates[0]
        used.add(index)
        if gold.get("optional"):
            continue
        score.tp += 1
        best = max(groups[index], key=lambda p: sum(accepts(gold[a], p.get(a)) for a in ATTRIBUTES[kind]
                                                    if a in gold))
        for attribute in ATTRIBUTES[kind]:
            if attribute in gold:
                right = accepts(gold[attribute], best.get(attribute))
                score.attributes[attribute][0] += int(right)
                score.attributes[attribute][1] += 1
                if not right:
                    score.misses.append((doc_id, f"{attribute}={best.get(attribute)!r}", gold))
    for i, group in enumerate(groups):
        if i not in used:
            score.fp += 1
            score.misses.append((doc_id, "spurious", group[0]))


def score_set(gold: set, optional: set, predicted: set, score: KindScore, doc_id: str) -> None:
    predicted = predicted - optional
    score.tp += len(gold & predicted)
    score.fp += len(predicted - gold)
    score.fn += len(gold - predicted)
    score.misses += [(doc_id, "missed", g) for g in sorted(gold - predicted)]
    score.misses += [(doc_id, "spurious", p) for p in sorted(predicted - gold)]


def evaluate(gold_docs: dict[str, dict], facts: list[dict]) -> dict[str, KindScore]:
    """Per-kind scores over the documents that have gold. Only the contract's kinds are scored: records of
    another kind (a numeral's account, kind `number`, which only a build makes) are never looked at."""
    by_doc = defaultdict(lambda: defaultdict(list))
    for fact in facts:
        by_doc[fact["doc_id"]][fact["kind"]].append(fact)
    scores = {kind: KindScore() for kind in KIND_ORDER}
    for doc_id, gold in sorted(gold_docs.items()):
        predicted = by_doc.get(doc_id, {})
        score_set(set(gold.get("dates", [])), set(gold.get("dates_optional", [])),
                  {f["value"] for f in predicted.get("date", []) if f["value"] is not None},
                  scores["date"], doc_id)
        score_set(set(gold.get("regions", [])), set(gold.get("regions_optional", [])),
                  {f["value"] for f in predicted.get("region", [])}, scores["region"], doc_id)
        for kind, key in GOLD_LISTS.items():
            items = [f for f in predicted.get(kind, []) if kind == "missing_number" or f["value"] is not None
                     or kind == "pairing"]
            score_items(kind, gold.get(key, []), items, scores[kind], doc_id)
    return scores


def micro_f1(scores: dict[str, KindScore]) -> float:
    tp = sum(s.tp for s in scores.values())
    fp = sum(s.fp for s in scores.values())
    fn = sum(s.fn for s in scores.values())
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return 2 * p * r / (p + r) if p + r else 0.0


def load_gold(gold_dir: Path) -> dict[str, dict]:
    """doc_id -> gold of every *.gold.json in the folder, read with a file's checks (folder.read_gold)."""
    from extract.evaluation.folder import read_gold

    return read_gold(gold_dir)


def report(scores: dict[str, KindScore]) -> str:
    lines = [f"{'kind':<16} {'P':>6} {'R':>6} {'F1':>6} {'tp':>4} {'fp':>4} {'fn':>4}  attributes"]
    for kind in KIND_ORDER:
        s = scores[kind]
        if s.tp + s.fp + s.fn == 0:
            continue
        attrs = " ".join(f"{a}={ok}/{n}" for a, (ok, n) in sorted(s.attributes.items()))
        lines.append(f"{kind:<16} {s.precision:6.2f} {s.recall:6.2f} {s.f1:6.2f} {s.tp:4d} {s.fp:4d} {s.fn:4d}  {attrs}")
    lines.append(f"micro F1 {micro_f1(scores):.3f}")
    return "\n".join(lines)
