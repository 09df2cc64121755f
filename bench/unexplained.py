"""Every number accounted for, measured on articles with gold: how many numerals each article leaves unexplained,
what share of the gold case counts stand in an unexplained numeral, and the commonest shapes of the unexplained.

A gold case count (not optional, with a value) is looked for among its article's numerals of that value (gold
has no offsets): it is `held by a case count` when a case count fact holds one of them, else `unexplained` when
one of them is, else `held by another fact` (a date's day, a staff count), else `set aside` (by the reason of the
first), else `not a numeral` (no numeral reads its value: a blank, a number no reading takes). The aim is that under 2 % of gold case counts sit in an unexplained numeral. Usage:

    python bench/unexplained.py ../shared/devset/gold [../shared/devset/articles] [--list]
"""
from __future__ import annotations

import argparse
import collections
import json
import sys
from pathlib import Path

from extract.dataset.batch import extract_items
from extract.dataset.corpus import Article, article_paths, doc_id_for
from extract.nlp.records import NUMBER_KIND


def alternatives(value) -> list:
    return value if isinstance(value, list) else [value]


def shapes_of(numeral, text: str) -> tuple[str, str]:
    """A numeral's shape seen from each side: `word N` (the word before it) and `N word` (the word after), lower
    case, the numeral as N (digits) or W (words)."""
    before = text[max(0, numeral.start - 30):numeral.start].split()
    after = text[numeral.end:numeral.end + 30].split()
    word = "N" if any(c.isdigit() for c in numeral.text) else "W"
    return (" ".join([*(w.lower() for w in before[-1:]), word]) if before else f"^ {word}",
            " ".join([word, *(w.lower().strip(".,;:") for w in after[:1])]))


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("gold", type=Path)
    parser.add_argument("articles", type=Path, nargs="?")
    parser.add_argument("--list", action="store_true", help="list every unexplained numeral in its context")
    args = parser.parse_args(argv)
    articles_dir = args.articles or args.gold.parent / "articles"
    gold = {}
    for path in sorted(args.gold.glob("*.gold.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        gold[str(data.get("doc_id") or path.name.removesuffix(".gold.json"))] = data
    articles = [Article(doc_id_for(p), p.name, p.read_text(encoding="utf-8"), gold[doc_id_for(p)].get("published"))
                for p in sorted(article_paths(articles_dir)) if doc_id_for(p) in gold]
    per_article, outcomes, reasons, listed = {}, collections.Counter(), collections.Counter(), []
    shapes_before, shapes_after = collections.Counter(), collections.Counter()
    counted = collections.Counter()
    for article, facts, _ in extract_items(articles, numbers=True):
        numbers = [f for f in facts if f.kind == NUMBER_KIND]
        unexplained = [n for n in numbers if n.expected == "unexplained"]
        per_article[article.doc_id] = (len(numbers), len(unexplained))
        reasons.update(n.expected for n in numbers)
        for n in unexplained:
            before, after = shapes_of(n, article.text)
            shapes_before[before] += 1
            shapes_after[after] += 1
            listed.append(n)
        by_value = collections.defaultdict(list)
        for n in numbers:
            if n.value is not None:
                by_value[n.value].append(n)
        for count in gold[article.doc_id].get("case_counts", []):
            if count.get("optional") or count.get("value") is None:
                continue
            found = [n for v in alternatives(count["value"]) for n in by_value.get(v, [])]
            accounts = [n.expected for n in found]
            if any(n.rule == "fact:case_count" for n in found):
                outcome = "held by a case count"
            elif "unexplained" in accounts:
                outcome = "unexplained"
                counted[(article.doc_id, count["value"])] += 1
            elif "fact" in accounts:
                outcome = "held by another fact"
            elif accounts:
                outcome = f"set aside: {accounts[0]}"
            else:
                outcome = "not a numeral"
            outcomes[outcome] += 1
    total = sum(outcomes.values())
    numerals = sum(n for n, _ in per_article.values())
    left = sum(u for _, u in per_article.values())
    print(f"{len(per_article)} articles, {numerals} numerals, {left} unexplained "
          f"({left / max(1, len(per_article)):.2f} per article, {left / max(1, numerals):.1%} of numerals)")
    print("unexplained per article: " + " ".join(f"{doc}:{u}" for doc, (_, u) in sorted(per_article.items()) if u))
    print(f"articles with none unexplained: {sum(1 for _, u in per_article.values() if not u)}")
    print(f"\ngold case counts: {total}")
    for outcome, n in outcomes.most_common():
        print(f"  {outcome:<28} {n:4d}  {n / max(1, total):6.1%}")
    print("\nnumerals by reason: " + ", ".join(f"{r} {n}" for r, n in reasons.most_common()))
    print("\ntop shapes among the unexplained, by the word after and the word before (N digits, W words):")
    after, before = shapes_after.most_common(15), shapes_before.most_common(15)
    for k in range(max(len(after), len(before))):
        left = f"{after[k][0]:<24} {after[k][1]:3d}" if k < len(after) else " " * 28
        right = f"{before[k][0]:<24} {before[k][1]:3d}" if k < len(before) else ""
        print(f"  {left}    {right}")
    if counted:
        print("\ngold case counts in an unexplained numeral: " + ", ".join(f"{d}:{v}" for d, v in sorted(counted)))
    if args.list:
        print()
        for n in listed:
            print(f"{n.doc_id}\t{n.text!r}\t{n.context}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
