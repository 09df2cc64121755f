"""aidfacts command line: a thin layer over the library; errors become one line and a non-zero exit."""
from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

import click

from . import __version__
from .corpus import ArticleError, iter_articles
from .normalize import normalize_published
from .records import FIELDS

FORMATS = ("jsonl", "csv", "table")
TABLE_COLUMNS = ("doc_id", "kind", "value", "qualifier", "status", "period", "unit", "region", "origin",
                 "destination", "helper", "recipient", "date", "text", "rule")


def validate_published(ctx, param, value):
    try:
        return normalize_published(value)
    except ValueError as error:
        raise click.BadParameter(str(error)) from None


def write_facts(facts: list[dict], fmt: str, out) -> None:
    if fmt == "jsonl":
        for fact in facts:
            out.write(json.dumps(fact, ensure_ascii=False) + "\n")
    elif fmt == "csv":
        writer = csv.DictWriter(out, fieldnames=list(FIELDS), lineterminator="\n")
        writer.writeheader()
        for fact in facts:
            writer.writerow({**fact, "candidates": json.dumps(fact["candidates"], ensure_ascii=False)})
    else:
        import pandas as pd

        frame = pd.DataFrame(facts, columns=list(FIELDS))[list(TABLE_COLUMNS)]
        frame["text"] = frame["text"].str.slice(0, 40)
        with pd.option_context("display.max_rows", None, "display.max_columns", None, "display.width", 250):
            out.write(frame.fillna("").to_string(index=False) + "\n")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="aidfacts")
def cli():
    """aidfacts: turn news articles on China's 2020 pairing assistance into an auditable dataset."""


@cli.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="jsonl", show_default=True)
@click.option("--published", callback=validate_published,
              help="Publication date (YYYY-MM-DD, YYYY-MM or YYYY) when neither text nor manifest gives one.")
def extract(files, fmt, published):
    """Print the facts of each article, one JSON object per line (or CSV, or a table).

    Missing numbers get suggestions from the other articles given. A file that cannot be read is reported
    on stderr (one line: file and reason) and the others are still extracted; the exit code is then 1.

    Example:

        aidfacts extract corpus/000_62205064b0c14322.txt --format table
    """
    from .batch import extract_corpus

    result = extract_corpus(iter_articles(list(files), published))
    for error in result.errors:
        click.echo(f"error: {error}", err=True)
    facts = [f.to_dict() for f in result.facts]
    write_facts(facts, fmt, click.get_text_stream("stdout"))
    if result.errors:
        sys.exit(1)


@cli.command()
@click.argument("gold_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.argument("facts_file", required=False, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--articles", type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="Articles to extract when no FACTS file is given "
                   "(default: GOLD_DIR/../articles if it exists, else corpus/).")
@click.option("--show-errors", is_flag=True, help="List every miss, spurious fact and wrong attribute.")
def evaluate(gold_dir, facts_file, articles, show_errors):
    """Score facts against gold files: precision, recall, F1 per kind, attribute accuracy, micro F1.

    Example:

        aidfacts evaluate ../shared/devset/gold
    """
    from .evaluate import evaluate as run_evaluation
    from .evaluate import load_gold, report

    try:
        gold = load_gold(gold_dir)
    except (FileNotFoundError, json.JSONDecodeError) as error:
        raise click.ClickException(str(error)) from None
    if facts_file is not None:
        with open(facts_file, encoding="utf-8") as handle:
            facts = [json.loads(line) for line in handle if line.strip()]
    else:
        facts = extract_folder_facts(articles or default_articles(gold_dir), set(gold))
    scores = run_evaluation(gold, facts)
    click.echo(report(scores))
    if show_errors:
        for kind, score in scores.items():
            for doc_id, what, item in score.misses:
                click.echo(f"{kind:<16} {doc_id:<24} {what:<22} {json.dumps(item, ensure_ascii=False)[:160]}")


def default_articles(gold_dir: Path) -> Path:
    sibling = gold_dir.parent / "articles"
    return sibling if sibling.is_dir() else Path("corpus")


def extract_folder_facts(folder: Path, doc_ids: set[str]) -> list[dict]:
    from .batch import extract_corpus
    from .corpus import article_paths, doc_id_for

    paths = [p for p in article_paths(folder) if doc_id_for(p) in doc_ids]
    result = extract_corpus(iter_articles(paths))
    for error in result.errors:
        click.echo(f"error: {error}", err=True)
    return [f.to_dict() for f in result.facts]


def main() -> None:
    cli(prog_name="aidfacts")


