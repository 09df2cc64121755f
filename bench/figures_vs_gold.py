"""How many rows of cases.csv agree with what careful readers found, and how many of the rest the checks flag.

A stand-in, on articles with gold, for the owners' measure (provincial cumulative figures against an official
series): a row of `cases.csv` agrees when a gold case count of one of its documents states the same region,
status, period, day and value (gold's lists are alternatives; a gold count with no day is as of its article's
publication, as the consolidation dates it), with `--days 1` within a day, as the owners hold figures against a
series. Usage:

    python bench/figures_vs_gold.py ../shared/devset/gold outputs [--all-levels] [--all-statuses]
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path

import pandas as pd


def alternatives(value) -> list:
    return value if isinstance(value, list) else [value]


def gold_keys(gold_dir: Path) -> dict[str, set[tuple]]:
    """doc_id -> the (region, status, period, day, value) keys its gold case counts state."""
    keys: dict[str, set[tuple]] = {}
    for path in sorted(gold_dir.glob("*.gold.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        published = gold.get("published")
        found = keys.setdefault(gold["doc_id"], set())
        for count in gold.get("case_counts", []):
            if count.get("optional"):
                continue
            for region in alternatives(count.get("region")):
                for status in alternatives(count.get("status")):
                    for period in alternatives(count.get("period")):
                        for day in alternatives(count.get("date")):
                            for value in alternatives(count.get("value")):
                                found.add((region or "", status, period, day or published, value))
    return keys


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold_dir", type=Path)
    parser.add_argument("outputs", type=Path)
    parser.add_argument("--all-levels", action="store_true", help="cities and the country too, not provinces only")
    parser.add_argument("--days", type=int, default=0, help="a gold day this many days off still agrees")
    parser.add_argument("--all-statuses", action="store_true", help="every status and period, not confirmed totals")
    args = parser.parse_args()
    keys = gold_keys(args.gold_dir)
    cases = pd.read_csv(args.outputs / "cases.csv", dtype=str, keep_default_na=False)
    cases = cases[cases.doc_ids.str.split().map(lambda docs: any(d in keys for d in docs))]
    if not args.all_levels:
        cases = cases[cases.level == "province"]
    if not args.all_statuses:
        cases = cases[(cases.status == "confirmed") & (cases.period == "total")]
    def agrees(r) -> bool:
        days = [str(pd.Timestamp(r.date) + pd.Timedelta(days=k))[:10] for k in range(-args.days, args.days + 1)]
        return any((r.region, r.status, r.period, day, int(r.value)) in keys.get(d, set())
                   for d in r.doc_ids.split() for day in days)

    agree = cases.apply(agrees, axis=1) if len(cases) else pd.Series(dtype=bool)
    rest = cases[~agree] if len(cases) else cases
    flagged = (rest.checks != "").sum() if len(rest) else 0
    print(f"{len(cases)} figures; {int(agree.sum())} agree with gold ({100 * agree.mean() if len(cases) else 0:.1f} %); "
          f"of the {len(rest)} others, {flagged} fail a check ({100 * flagged / len(rest) if len(rest) else 0:.1f} %)")
    for _, row in rest.iterrows():
        print(f"  {row.region or '(country)'} {row.date} {row.status} {row.period} {row.value} "
              f"[{row.checks or 'no check'}] {row.doc_ids}")


if __name__ == "__main__":
    main()
