"""The report is linear in one article's facts (counted reads of the facts, at two sizes; never timed); an article
with more facts than a build can hold, or one that runs out of memory, is one line naming it; and damaged tables
of the outputs (truncated, other columns, binary, not UTF-8) are one line naming the file, from `audit`,
`audit --check`, `review` and `load_dataset`."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from extract.audit.report import document_page
from extract.cli import cli
from extract.dataset import batch
from extract.dataset.build import build_dataset, load_dataset
from extract.dataset.corpus import ArticleError
from extract.dataset.intake import add_article
from extract.dataset.tables import TableError

CORPUS = Path(__file__).parent / "test_golden"


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args])


# -- the report is linear in an article's facts ---------------------------------------------------------------------

READS = [0]


class Counted(dict):
    """A fact whose every read is counted: the report's work is the reads of its facts."""

    def __getitem__(self, key):
        READS[0] += 1
        return super().__getitem__(key)

    def get(self, key, default=None):
        READS[0] += 1
        return super().get(key, default)


UNIT = "Hunan sent 120 nurses to Huanggang, where 1,000 cases were confirmed. "


def article(units: int) -> tuple[str, list[dict]]:
    """A text of `units` sentences and its facts: regions, counts and a pairing over them (overlapping), a blank."""
    facts = []
    for i in range(units):
        at = i * len(UNIT)
        for kind, start, end in (("region", 0, 5), ("personnel_count", 11, 21), ("region", 25, 34),
                                 ("pairing", 0, 34), ("case_count", 42, 53), ("missing_number", 41, 41)):
            facts.append(dict(fact_id=f"{i:06d}{kind[:4]}{start:02d}", doc_id="t", kind=kind, value=1,
                              start=at + start, end=at + end, text=UNIT[start:end], rule=f"{kind}:rule",
                              expected="count", missing=kind == "missing_number"))
    return UNIT * units, facts


def reads(units: int) -> int:
    text, facts = article(units)
    facts = [Counted(f) for f in facts]
    READS[0] = 0
    document_page(dict(doc_id="t", published="2020-02-12"), text, facts, [], {}, (None, None))
    return READS[0]


def test_the_report_is_linear_in_an_articles_facts():
    small, large = reads(1_000), reads(2_000)
    assert large / small < 2.25, (small, large)


# -- too many facts, out of memory ----------------------------------------------------------------------------------

def test_an_article_with_too_many_facts_is_one_line_naming_it(tmp_path, monkeypatch):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "dense.txt").write_text("Hubei reported 12 new cases on Feb 3. " * 40, encoding="utf-8")
    (corpus / "small.txt").write_text("Hunan sent 120 nurses to Huanggang on Feb 3, 2020.", encoding="utf-8")
    monkeypatch.setattr(batch, "MAX_FACTS", 30)
    result = run("build", corpus, "-o", tmp_path / "out")
    assert result.exit_code == 1, result.output   # the others' dataset is written; the article is listed
    assert "error: dense.txt: too many facts for one article: " in result.output
    assert "(limit 30); left out" in result.output
    assert set(load_dataset(tmp_path / "out")["documents"]["doc_id"]) == {"small"}
    source = tmp_path / "dense again.txt"
    source.write_text("Hubei reported 13 new cases on Feb 4. " * 40, encoding="utf-8")
    with pytest.raises(ArticleError, match="too many facts for one article: .* \\(limit 30\\)"):
        add_article(source, corpus)


def test_an_article_that_runs_out_of_memory_is_one_line_naming_it(tmp_path, monkeypatch):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "huge.txt").write_text("Hubei reported 12 new cases on Feb 3. " * 5, encoding="utf-8")
    (corpus / "small.txt").write_text("Hunan sent 120 nurses to Huanggang on Feb 3, 2020.", encoding="utf-8")
    real = batch.extract_doc

    def greedy(text, doc_id, *args, **kwargs):
        if doc_id == "huge":
            raise MemoryError()
        return real(text, doc_id, *args, **kwargs)

    monkeypatch.setattr(batch, "extract_doc", greedy)
    report = build_dataset(corpus, tmp_path / "out", use_cache=False)
    assert [str(e) for e in report.errors] == ["huge.txt: out of memory while extracting its 190 characters; left out"]


# -- damaged tables -------------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def good(tmp_path_factory):
    root = tmp_path_factory.mktemp("damage")
    corpus = root / "corpus"
    shutil.copytree(CORPUS, corpus, ignore=shutil.ignore_patterns("*.jsonl"))
    build_dataset(corpus, root / "outputs", use_cache=False)
    return corpus, root / "outputs"


def truncated(data: bytes) -> bytes:
    cut = data.rstrip(b"\n").rfind(b"\n") + 12   # a few cells into the last row
    return data[:cut]


DAMAGES = {
    "truncated": (truncated, "truncated: its "),
    "other columns": (lambda data: b"a,b,c\n" + data.split(b"\n", 1)[1], "missing (its header: a,b,c)"),
    "binary": (lambda data: bytes(range(256)) * 8, "binary data, not a CSV table"),
    "not UTF-8": (lambda data: data[:40] + b"\xff\xfe" + data[40:], "line 1: not UTF-8 (byte 0xff)"),
}


@pytest.mark.parametrize("table", ["facts.csv", "documents.csv", "audit.csv", "cases.csv"])
@pytest.mark.parametrize("damage", list(DAMAGES))
def test_a_damaged_table_is_one_line_naming_it(good, tmp_path, table, damage):
    corpus, outputs = good
    bad = tmp_path / "outputs"
    shutil.copytree(outputs, bad)
    spoil, reason = DAMAGES[damage]
    (bad / table).write_bytes(spoil((bad / table).read_bytes()))
    with pytest.raises(TableError) as raised:
        load_dataset(bad)
    assert str(raised.value).startswith(f"{bad / table}: ") and reason in str(raised.value)
    expected = f"{bad / table}: "
    report = run("audit", bad, "--corpus", corpus)
    assert report.exit_code == 1 and report.output.count("\n") == 1
    assert report.output.startswith(f"Error: {expected}") and reason in report.output
    check = run("audit", bad, "--check", "--corpus", corpus)
    assert check.exit_code == 1 and expected in check.output and reason in check.output
    if table in ("facts.csv", "audit.csv") and damage != "truncated" or table == "facts.csv":
        review = run("review", "0123abcd", "--accept", "-o", bad, "--corpus", corpus)
        assert review.exit_code == 1 and review.output.count("\n") == 1, review.output
        assert review.output.startswith(f"Error: {expected}") and reason in review.output


@pytest.mark.parametrize("table", ["facts.csv", "documents.csv"])
def test_the_review_app_names_a_damaged_table(good, tmp_path, table):
    from extract.audit.app.store import ReviewStore

    corpus, outputs = good
    bad = tmp_path / "outputs"
    shutil.copytree(outputs, bad)
    (bad / table).write_bytes(truncated((bad / table).read_bytes()))
    with pytest.raises(ValueError, match=f"^{bad / table}: truncated"):
        ReviewStore(bad, corpus)


@pytest.mark.parametrize("table, column, cell, reason", [
    ("cases.csv", "value", "abc", "column value: row 2: 'abc' is not an integer"),
    ("staff.csv", "value", "9" * 25, f"column value: row 2: {'9' * 25} is too large for an integer column"),
])
def test_a_hand_edited_cell_of_the_wrong_type_is_one_line_naming_file_row_and_cell(good, tmp_path, table, column,
                                                                                   cell, reason):
    import csv

    corpus, outputs = good
    bad = tmp_path / "outputs"
    shutil.copytree(outputs, bad)
    with open(bad / table, encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    if len(rows) < 2:
        pytest.skip(f"no row in {table}")
    rows[1][rows[0].index(column)] = cell
    with open(bad / table, "w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerows(rows)
    for args in (["figures", "cases" if table == "cases.csv" else "staff", "-o", bad], ["audit", bad, "--corpus", corpus]):
        result = run(*args)
        assert result.exit_code == 1 and result.output == f"Error: {bad / table}: {reason}\n", result.output
