"""aidfacts command line: a thin layer over the library; errors become one line and a non-zero exit."""
from __future__ import annotations

import json
import os
import sys
import traceback
from pathlib import Path

import click

from extract import __version__
from extract.dataset.corpus import ArticleError
from extract.audit.fact_formats import FORMATS, write_facts
from extract.nlp.normalize import normalize_published


def validate_published(ctx, param, value):
    from extract.dataset.verdicts import ascii_digits

    try:
        return normalize_published(ascii_digits(value) if value else value)   # `２０２０-０２-１４` stored as ASCII
    except ValueError as error:
        raise click.BadParameter(str(error)) from None


def validate_published_or_empty(ctx, param, value):
    from extract.dataset.corpus import UNKNOWN_DATE

    return value if value in ("", UNKNOWN_DATE) else validate_published(ctx, param, value)


def one_line(error: BaseException) -> str:
    """An exception as one line: the file and the reason for an OSError, else its message."""
    if isinstance(error, OSError) and error.strerror:
        where = error.filename if error.filename is not None else ""
        return f"{where}: {error.strerror}" if where else error.strerror
    if isinstance(error, MemoryError):
        return "out of memory"
    message = " ".join(str(error).split()) or type(error).__name__
    return message if isinstance(error, ValueError) or type(error).__module__.startswith("extract") \
        else f"{type(error).__name__}: {message}"


class OneLineErrors(click.Group):
    """Every failure of a verb is one line on stderr and a non-zero exit, never a traceback (a verb's -v, or
    AIDFACTS_TRACEBACK=1, prints the traceback first)."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except (click.ClickException, click.exceptions.Exit, click.Abort, KeyboardInterrupt):
            raise
        except BrokenPipeError:   # `aidfacts extract ... | head`: the reader left, nothing to report
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            sys.exit(1)
        except Exception as error:
            if ctx.meta.get("aidfacts.traceback") or os.environ.get("AIDFACTS_TRACEBACK"):
                traceback.print_exc()
            raise click.ClickException(one_line(error)) from None


@click.group(cls=OneLineErrors, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="aidfacts")
def cli():
    """aidfacts: turn news articles on China's 2020 pairing assistance into an auditable dataset."""


@cli.command()
@click.argument("files", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="jsonl", show_default=True)
@click.option("--published", callback=validate_published,
              help="Publication date (YYYY-MM-DD, YYYY-MM or YYYY) when neither text nor manifest gives one.")
def extract(files, fmt, published):
    """Print the facts of each article, one JSON object per line (or CSV, or a table). `-` reads an article
    from standard input.

    Missing numbers get suggestions from the other articles given. A file that cannot be read is reported
    on stderr (one line: file and reason) and the others are still extracted; the exit code is then 1. An
    article with no publication date (in its text, a manifest or --published) is named once on stderr: its
    dates without a year and its weekdays stay unresolved.

    Example:

    \b
        aidfacts extract corpus/000_62205064b0c14322.txt --format table
        curl -s https://... | aidfacts extract - --published 2020-02-14
    """
    from extract.dataset.batch import extract_corpus
    from extract.dataset.corpus import article_warnings
    from extract.dataset.intake import iter_sources

    def warned(articles):
        for article in articles:
            for warning in [] if isinstance(article, ArticleError) else article_warnings(article):
                click.echo(f"warning: {article.file}: {warning}", err=True)
            yield article

    result = extract_corpus(warned(iter_sources(list(files), published, sys.stdin.buffer)))
    for error in result.errors:
        click.echo(f"error: {error}", err=True)
    facts = [f.to_dict() for f in result.facts]
    write_facts(facts, fmt, sys.stdout)
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

    \b
        aidfacts evaluate ../shared/devset/gold
    """
    from extract.evaluation.scoring import evaluate as run_evaluation
    from extract.evaluation.folder import extract_folder_facts, read_facts_file, read_gold
    from extract.evaluation.scoring import report

    gold = read_gold(gold_dir)   # a SideFileError is one line naming the file and line
    if facts_file is not None:
        facts = read_facts_file(facts_file)
    else:
        facts = extract_folder_facts(articles or default_articles(gold_dir), set(gold))
    scores = run_evaluation(gold, facts)
    click.echo(report(scores))
    if show_errors:
        for kind, score in scores.items():
            for doc_id, what, item in score.misses:
                click.echo(f"{kind:<16} {doc_id:<24} {what:<22} {json.dumps(item, ensure_ascii=False)[:160]}")


@cli.command()
@click.argument("corpus", default="corpus", type=click.Path(path_type=Path))
@click.option("-o", "--outputs", default="outputs", show_default=True, type=click.Path(path_type=Path))
@click.option("--workers", default=1, show_default=True, type=click.IntRange(1, 64),
              help="Processes for the spaCy pipeline (n_process); the output is identical.")
@click.option("--no-cache", is_flag=True, help="Extract every article again instead of reusing cached facts.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar and no summary.")
@click.option("-v", "--verbose", is_flag=True, help="One line per document (extracted or from the cache).")
@click.option("--check", is_flag=True, help="Write nothing: exit 1 if OUTPUTS is not what a build of CORPUS "
                                            "would write now.")
@click.option("--budget", "seconds", default=120.0, show_default=True, type=click.FloatRange(min=0, min_open=True),
              help="Seconds allowed per article; one that takes longer is listed in errors.csv.")
def build(corpus, outputs, workers, no_cache, quiet, verbose, check=False, seconds=120.0):
    """Rebuild the dataset in OUTPUTS from the articles in CORPUS (atomic, deterministic, incremental).

    Writes documents.csv, facts.csv, facts.jsonl, pairings.csv, gaps.csv, conflicts.csv, errors.csv,
    audit.csv and datapackage.json. Unreadable articles are listed in errors.csv and on stderr; the build goes
    on with the others and writes their dataset, then exits 1.

    Example:

    \b
        aidfacts build corpus -o outputs --workers 2
    """
    from extract.dataset.corpus import count_articles
    from extract.dataset.build import build_dataset

    click.get_current_context().meta["aidfacts.traceback"] = verbose
    if not corpus.is_dir():
        raise click.ClickException(f"{corpus}: no such corpus folder")
    if check:
        check_current(corpus, outputs, use_cache=not no_cache)
        return
    total = count_articles(corpus)
    from extract.audit.messages import progress_bar

    bar = progress_bar(total, quiet)

    def done(article, facts, from_cache):
        if bar is not None:
            bar.words += len(article.text.split())
            bar.update(1)
            bar.set_postfix_str(f"{bar.words / max(bar.format_dict['elapsed'], 1e-9):,.0f} words/s")
        if verbose:
            click.echo(f"{'cached   ' if from_cache else 'extracted'} {article.doc_id}: {len(facts)} facts", err=True)

    from extract.dataset.verdicts import VerdictError

    def waiting(message):
        click.echo(f"waiting: {message}", err=True)

    try:
        report = build_dataset(corpus, outputs, workers=workers, use_cache=not no_cache, on_done=done,
                               on_wait=waiting, seconds=seconds)
    except OSError as error:   # a full disk, a read-only folder: the swap never happened
        raise click.ClickException(f"{outputs}: not rebuilt ({one_line(error)}); the previous outputs are "
                                   f"unchanged") from None
    except VerdictError as error:
        raise click.ClickException(str(error)) from None
    finally:
        if bar is not None:
            bar.close()
    from extract.audit.messages import build_messages

    for line in build_messages(report, corpus, outputs, quiet):
        click.echo(line, err=True)
    if report.errors:   # the others' dataset is written; an article left out is bad input all the same
        sys.exit(1)


def check_current(corpus: Path, outputs: Path, use_cache: bool) -> None:
    """`build --check`: one line saying whether OUTPUTS is current with CORPUS; exit 1 when it is not."""
    from extract.dataset.build import stale_outputs

    stale = stale_outputs(corpus, outputs, use_cache=use_cache)
    if stale:
        raise click.ClickException(f"{outputs} is not current with {corpus}: {', '.join(stale)} differ "
                                   f"(run aidfacts build {corpus} -o {outputs})")
    click.echo(f"{outputs} is current with {corpus}", err=True)


@cli.command()
@click.argument("sources", metavar="FILE_OR_URL...", nargs=-1, required=True)
@click.option("--corpus", default="corpus", show_default=True, type=click.Path(file_okay=False, path_type=Path))
@click.option("-o", "--outputs", default="outputs", show_default=True, type=click.Path(path_type=Path))
@click.option("--published", callback=validate_published, help="Publication date (YYYY-MM-DD, YYYY-MM or YYYY).")
@click.option("--source", help="Who published it.")
@click.option("--url", help="Where it was published.")
@click.option("--title", help="Its title.")
@click.option("--timeout", default=30.0, show_default=True, type=click.FloatRange(min=0.1),
              help="Seconds a URL's download may take.")
@click.option("--no-build", is_flag=True, help="Only add the articles; do not rebuild the dataset.")
@click.option("--force", is_flag=True, help="Take in a page with fewer than two sentences (no article).")
def add(sources, corpus, outputs, published, source, url, title, timeout, no_build, force=False):
    """Take articles (files or http(s) URLs) into the corpus as UTF-8 text, record their metadata, rebuild.

    A web page is reduced to its article: navigation, related links, comments and footer are left out, and the
    page's title, publication date, site name and canonical URL go into corpus/manifest.csv unless given here.
    A URL is fetched (redirects followed, the final address recorded) within --timeout seconds and 8 MB.
    Any common encoding is read (UTF-8 with or without BOM, UTF-16, GB18030/GBK, Latin-1). An article that
    cannot be read, fetched or extracted, or an exact duplicate of one in the corpus, is refused with one line
    and leaves the corpus as it was, as is a page with fewer than two sentences (unless --force).

    Example:

    \b
        aidfacts add https://example.com/news/hunan-team.html
        aidfacts add new_article.html --published 2020-02-14 --source Xinhua --url https://...
    """
    from extract.dataset.intake import add_article, corpus_hashes

    from extract.dataset.corpus import printable
    from extract.dataset.fetch import shown_url

    failed = 0
    known = corpus_hashes(corpus) if corpus.is_dir() else {}
    for item in sources:
        shown = printable(shown_url(item))   # a name with a terminal escape, a URL with a password: never raw

        def warn(message, shown=shown):
            click.echo(f"warning: {shown}: {message}", err=True)

        try:
            doc_id = add_article(item, corpus, published=published, source=source, url=url, title=title,
                                 known=known, timeout=timeout, warn=warn, force=force)
            click.echo(f"added {shown} as {doc_id}", err=True)
        except ArticleError as error:
            click.echo(f"error: {error}", err=True)
            failed += 1
        except Exception as error:   # one article's unexpected failure never stops the others
            if os.environ.get("AIDFACTS_TRACEBACK"):
                traceback.print_exc()
            click.echo(f"error: {shown}: {printable(one_line(error))}", err=True)
            failed += 1
    if not no_build and len(sources) > failed:
        build.callback(corpus, outputs, 1, False, True, False)
    if failed:
        sys.exit(1)


@cli.command()
@click.argument("doc_ids", metavar="DOC_ID...", nargs=-1, required=True)
@click.option("--corpus", default="corpus", show_default=True, type=click.Path(file_okay=False, path_type=Path))
@click.option("-o", "--outputs", default="outputs", show_default=True, type=click.Path(path_type=Path))
@click.option("--no-build", is_flag=True, help="Only take the articles out; do not rebuild the dataset.")
def remove(doc_ids, corpus, outputs, no_build):
    """Take articles out of the corpus and rebuild: their text, manifest row and verdicts are kept aside in
    CORPUS/removed/ (never deleted); adding the same text again restores them. Example: aidfacts remove hunan-team"""
    from extract.dataset.removal import remove_articles

    failed = remove_articles(corpus, doc_ids, outputs, lambda line: click.echo(line, err=True))
    if not no_build and len(doc_ids) > failed:
        build.callback(corpus, outputs, 1, False, True, False)
    if failed:
        sys.exit(1)


@cli.command()
@click.argument("doc_id")
@click.option("--published", callback=validate_published_or_empty,
              help="Publication date (YYYY-MM-DD, YYYY-MM or YYYY); \"\" clears it; \"unknown\": known to be "
                   "unknown (no warning).")
@click.option("--source", help="Who published it.")
@click.option("--url", help="Where it was published.")
@click.option("--title", help="Its title.")
@click.option("--corpus", default="corpus", show_default=True, type=click.Path(file_okay=False, path_type=Path))
@click.option("-o", "--outputs", default="outputs", show_default=True, type=click.Path(path_type=Path))
@click.option("--no-build", is_flag=True, help="Only change the manifest; do not rebuild the dataset.")
def meta(doc_id, published, source, url, title, corpus, outputs, no_build):
    """Set an article's publication date, source, URL or title in corpus/manifest.csv, then rebuild.

    Fact ids do not change (they hash the text and the span); a new date re-extracts only this article. A date
    the text states itself (a `date 2020-02-10` header line) still wins, as in every build: you are told so.

    Example:

    \b
        aidfacts meta hunan-team-huanggang --published 2020-02-14 --source "Riverside Daily"
    """
    from extract.dataset.intake import set_metadata

    fields = dict(published=published, source=source, url=url, title=title)
    if all(value is None for value in fields.values()):
        raise click.UsageError("give at least one of --published, --source, --url, --title")
    try:
        row, stated = set_metadata(corpus, doc_id, **fields)
    except ArticleError as error:
        raise click.ClickException(error.reason) from None
    changed = ", ".join(f"{name}={row[name]!r}" for name, value in fields.items() if value is not None)
    click.echo(f"{doc_id}: {changed}", err=True)
    if stated:
        click.echo(f"warning: {doc_id}: its text states the date {stated}, which builds use instead", err=True)
    if not no_build:
        build.callback(corpus, outputs, 1, False, True, False)


@cli.command()
@click.argument("fact_id", required=False)
@click.option("--accept", is_flag=True, help="The fact is right.")
@click.option("--reject", is_flag=True, help="The fact is wrong: drop it from facts.csv.")
@click.option("--correct", "correction", metavar="VALUE",
              help="The fact's right value (a whole number, an ISO date, a region; 'Helper -> Recipient').")
@click.option("--set", "attributes", multiple=True, metavar="NAME=VALUE",
              help="Correct an attribute (region, status, period, qualifier, unit, origin, destination, date ...).")
@click.option("--accept-suggestion", is_flag=True, help="Fill a blank with its suggested value.")
@click.option("--clear", is_flag=True, help="Remove the fact's verdict.")
@click.option("--note", help="Why.")
@click.option("--corpus", type=click.Path(file_okay=False, path_type=Path),
              help="Where verdicts.csv is kept (default: the corpus OUTPUTS was built from).")
@click.option("-o", "--outputs", default="outputs", show_default=True, type=click.Path(path_type=Path))
@click.option("--port", default=8765, show_default=True, type=click.IntRange(0, 65535),
              help="The review app's port on 127.0.0.1 (0: any free port).")
@click.option("--no-browser", is_flag=True, help="Start the review app without opening a browser.")
def review(fact_id, accept, reject, correction, attributes, accept_suggestion, clear, note, corpus, outputs,
           port, no_browser):
    """Judge facts: with no FACT_ID, start the review app in the browser; with one, record a verdict.

    Verdicts go to the corpus's verdicts.csv (under a lock, atomically) and `aidfacts build` applies them.
    FACT_ID may be a unique prefix of the id.

    Examples:

    \b
        aidfacts review
        aidfacts review 3f2a9c0d --correct 1200 --note "the caption says 1,200"
        aidfacts review 0501c9df --accept-suggestion
    """
    from extract.dataset.location import recorded_corpus
    from extract.dataset.verdicts import VerdictError, review_fact

    corpus = corpus or recorded_corpus(outputs) or Path("corpus")
    actions = [name for name, given in (("accept", accept), ("reject", reject),
                                        ("correct", correction is not None or bool(attributes)),
                                        ("accept-suggestion", accept_suggestion), ("clear", clear)) if given]
    if fact_id is None:
        if actions or note:
            raise click.UsageError("a verdict needs a FACT_ID; without one, review starts the review app")
        from extract.audit.app.server import serve

        try:
            serve(outputs, corpus, port=port, open_browser=not no_browser)
        except (OSError, ValueError) as error:
            raise click.ClickException(str(error)) from None
        return
    if len(actions) != 1:
        raise click.UsageError("give exactly one of --accept, --reject, --correct VALUE/--set NAME=VALUE, "
                               f"--accept-suggestion, --clear (got {', '.join('--' + a for a in actions) or 'none'})")
    try:
        changes = dict(parse_assignment(item) for item in attributes)
        fact_id, verdict = review_fact(corpus, outputs, fact_id, actions[0], correction, changes, note)
    except VerdictError as error:
        raise click.ClickException(str(error)) from None
    if verdict is None:
        click.echo(f"cleared: {fact_id} (applied at the next aidfacts build)", err=True)
    else:
        shown = "; ".join(filter(None, [verdict.value, ";".join(f"{k}={v}" for k, v in verdict.attributes)]))
        click.echo(f"{verdict.verdict}{' ' + shown if shown else ''}: {fact_id} -> {corpus}/verdicts.csv "
                   "(applied at the next aidfacts build)", err=True)


def parse_assignment(item: str) -> tuple[str, str]:
    name, sep, value = item.partition("=")
    if not sep or not name.strip():
        raise click.UsageError(f"--set {item!r}: expected NAME=VALUE")
    return name.strip(), value.strip()


@cli.command()
@click.argument("outputs", default="outputs", type=click.Path(path_type=Path))
@click.option("--corpus", type=click.Path(path_type=Path),
              help="The articles (default: the corpus OUTPUTS was built from).")
@click.option("--check", is_flag=True, help="Check the dataset's integrity instead of writing the report.")
@click.option("--report", "report_dir", type=click.Path(file_okay=False, path_type=Path),
              help="Where the report goes (default: OUTPUTS-report beside OUTPUTS, which a rebuild leaves alone).")
def audit(outputs, corpus, check, report_dir):
    """Write the report (OUTPUTS-report/index.html and a page per document): every fact highlighted in its
    article with its id and review command, figures, rule precision, missing numbers, conflicts.

    With --check, verify a built dataset instead (spans match their documents, every fact has a rule,
    values have their kind's type, codes are in the gazetteer, verdicts refer to live facts) and exit 1
    with the list of what failed.

    Example:

    \b
        aidfacts build && aidfacts audit && xdg-open outputs-report/index.html
    """
    from extract.dataset.location import recorded_corpus
    from extract.dataset.verdicts import VerdictError

    corpus = corpus or recorded_corpus(outputs) or Path("corpus")
    if check:
        from extract.audit.checks import check_dataset

        try:
            problems = check_dataset(outputs, corpus)
        except VerdictError as error:
            raise click.ClickException(str(error)) from None
        for problem in problems:
            click.echo(problem)
        if problems:
            raise click.ClickException(f"{len(problems)} problems in {outputs}")
        click.echo(f"{outputs}: all checks passed")
        return
    from extract.audit.report import write_report

    try:
        target = write_report(outputs, corpus, report_dir)
    except (FileNotFoundError, FileExistsError) as error:
        raise click.ClickException(str(error)) from None
    click.echo(f"wrote {target}", err=True)


@cli.command()
@click.argument("table", type=click.Choice(["cases", "staff", "sent"]))
@click.option("-o", "--outputs", default="outputs", show_default=True, type=click.Path(path_type=Path))
@click.option("--region", help="cases: a region (a province with its cities), or `country`.")
@click.option("--status", type=click.Choice(["confirmed", "suspected", "severe", "critical", "death", "recovered",
                                             "unspecified"]), help="cases: a status.")
@click.option("--period", type=click.Choice(["new", "total"]), help="cases: new or cumulative figures.")
@click.option("--origin", help="staff: who sent them (a province with its cities).")
@click.option("--destination", help="staff: where they went (a province with its cities).")
@click.option("--scope", type=click.Choice(["batch", "total"]), help="staff: one group, or a running total.")
@click.option("--event", type=click.Choice(["sent", "returned"]), help="staff: sent, or returned home.")
@click.option("--failing", is_flag=True, help="Only the rows that fail a check.")
@click.option("--csv", "as_csv", is_flag=True, help="CSV (all columns) instead of a table for people.")
def figures(table, outputs, region, status, period, origin, destination, scope, event, failing, as_csv):
    """Print a consolidated table: `cases` (one row per figure), `staff` (one row per dispatch) or `sent` (how
    many staff each province sent to each destination province: batches added up, the latest running total,
    and the larger of the two).

    Examples:

        aidfacts figures cases --region Hubei --status confirmed --period total

        aidfacts figures staff --origin Jiangsu

        aidfacts figures sent

        aidfacts figures cases --failing
    """
    import shutil

    from extract.audit.figure_formats import figures_text
    from extract.dataset.build import load_dataset

    click.echo(figures_text(load_dataset(outputs), table, dict(region=region, status=status, period=period,
                                                               origin=origin, destination=destination, scope=scope,
                                                               event=event, failing=failing),
                            as_csv, shutil.get_terminal_size((80, 24)).columns, outputs), nl=not as_csv)


def default_articles(gold_dir: Path) -> Path:
    sibling = gold_dir.parent / "articles"
    return sibling if sibling.is_dir() else Path("corpus")


def main() -> None:
    cli(prog_name="aidfacts")


