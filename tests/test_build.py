"""aidfacts build and add: deterministic, atomic, incremental, and the data package is valid."""
from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from extract.dataset.build import build_dataset, load_dataset
from extract.dataset.intake import add_article, safe_doc_id
from extract.dataset.corpus import ArticleError

PROJECT = Path(__file__).resolve().parent.parent
OUTPUT_FILES = [".aidfacts-outputs", "audit.csv", "cases.csv", "conflicts.csv", "datapackage.json", "documents.csv",
                "errors.csv", "facts.csv", "facts.jsonl", "gaps.csv", "numbers.csv", "pairings.csv", "rule_precision.csv", "staff.csv"]


def snapshot(folder: Path) -> dict[str, bytes]:
    """The files a build writes (report.html is written by `aidfacts audit`, not by the build)."""
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.name != "report.html"}


@pytest.fixture
def corpus(seed_corpus) -> Path:
    return seed_corpus


def run_cli(*args, cwd: Path, seed: str = "0", **kwargs):
    env = {**os.environ, "PYTHONHASHSEED": seed}
    return subprocess.run([sys.executable, "-m", "extract", *args], cwd=cwd, env=env, capture_output=True,
                          text=True, **kwargs)


def test_build_writes_every_table(corpus, tmp_path):
    report = build_dataset(corpus, tmp_path / "out", cache_dir=tmp_path / "cache")
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == OUTPUT_FILES
    tables = load_dataset(tmp_path / "out")
    assert report.documents == 3 and len(tables["documents"]) == 3
    assert list(tables["facts"].columns[:3]) == ["fact_id", "doc_id", "kind"]
    assert len(tables["gaps"]) == 13
    assert set(tables["pairings"]["helper"]) >= {"Henan", "Chongqing", "Heilongjiang", "Shandong", "Hunan"}
    # typed through the data package: whole days are dates, a month alone keeps its granularity
    assert tables["documents"]["published"].tolist() == [date(2020, 2, 10), date(2020, 2, 12), "2020-03"]


def test_byte_identical_across_hash_seeds_and_workers(corpus, tmp_path):
    first = run_cli("build", str(corpus), "-o", str(tmp_path / "a"), "--no-cache", "-q", cwd=tmp_path, seed="1")
    second = run_cli("build", str(corpus), "-o", str(tmp_path / "b"), "--no-cache", "-q", "--workers", "2",
                     cwd=tmp_path, seed="4242")
    assert first.returncode == 0, first.stderr
    assert second.returncode == 0, second.stderr
    assert snapshot(tmp_path / "a") == snapshot(tmp_path / "b")


def test_build_check_says_whether_outputs_are_current(corpus, tmp_path):
    """`aidfacts build --check` (run by CI on the bundled corpus) compares, writes nothing."""
    out = tmp_path / "out"
    build_dataset(corpus, out, use_cache=False)
    before = snapshot(out)
    current = run_cli("build", str(corpus), "-o", str(out), "--check", "--no-cache", cwd=tmp_path)
    assert current.returncode == 0, current.stderr
    (corpus / "extra.txt").write_text("Hunan sent 100 nurses to Huanggang on Monday.", encoding="utf-8")
    stale = run_cli("build", str(corpus), "-o", str(out), "--check", "--no-cache", cwd=tmp_path)
    assert stale.returncode == 1
    assert stale.stderr.count("\n") == 1 and "not current" in stale.stderr and "facts.csv" in stale.stderr
    assert snapshot(out) == before
    missing = run_cli("build", str(corpus), "-o", str(tmp_path / "none"), "--check", "--no-cache", cwd=tmp_path)
    assert missing.returncode == 1 and "documents.csv" in missing.stderr


def test_no_absolute_paths_or_timestamps(corpus, tmp_path):
    build_dataset(corpus, tmp_path / "out", use_cache=False)
    for name, data in snapshot(tmp_path / "out").items():
        text = data.decode("utf-8")
        assert str(tmp_path) not in text and "/tmp" not in text, name
        assert "\r\n" not in text, name


def test_datapackage_validates(corpus, tmp_path):
    frictionless = pytest.importorskip("frictionless")
    build_dataset(corpus, tmp_path / "out", use_cache=False)
    report = frictionless.validate(str(tmp_path / "out" / "datapackage.json"))
    assert report.valid, report.flatten(["resourceName", "rowNumber", "fieldName", "type", "note"])


def test_failure_while_writing_leaves_previous_outputs(corpus, tmp_path, monkeypatch):
    out = tmp_path / "out"
    build_dataset(corpus, out, use_cache=False)
    before = snapshot(out)
    (corpus / "extra.txt").write_text("Hunan sent 100 nurses to Huanggang on Monday.", encoding="utf-8")
    calls = []

    def exploding_to_csv(self, path, *args, **kwargs):
        calls.append(path)
        if len(calls) == 3:
            raise OSError("disk full")
        return original(self, path, *args, **kwargs)

    original = pd.DataFrame.to_csv
    monkeypatch.setattr(pd.DataFrame, "to_csv", exploding_to_csv)
    with pytest.raises(OSError, match="disk full"):
        build_dataset(corpus, out, use_cache=False)
    assert snapshot(out) == before
    assert not list(tmp_path.glob(".out.new-*"))


def test_killed_build_leaves_previous_outputs(corpus, tmp_path):
    out = tmp_path / "out"
    build_dataset(corpus, out, use_cache=False)
    before = snapshot(out)
    text = (corpus / "000_62205064b0c14322.txt").read_text(encoding="utf-8")
    for i in range(1500):   # enough work (seconds) that the build is still running when it is killed
        (corpus / f"copy_{i:04d}.txt").write_text(text + f"\nCopy {i}.", encoding="utf-8")
    process = subprocess.Popen([sys.executable, "-m", "extract", "build", str(corpus), "-o", str(out),
                                "--no-cache", "-q"], cwd=tmp_path, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    time.sleep(2.5)
    assert process.poll() is None, "the build ended before it could be killed"
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert snapshot(out) == before


def test_one_bad_article_does_not_stop_the_batch(corpus, tmp_path):
    (corpus / "broken.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (corpus / "empty.txt").write_text("   \n", encoding="utf-8")
    result = run_cli("build", str(corpus), "-o", str(tmp_path / "out"), "-q", "--no-cache", cwd=tmp_path)
    assert result.returncode == 1, result.stderr   # the others' dataset is written; bad input exits 1 all the same
    assert f"error: {corpus}/broken.txt: binary file, not text" in result.stderr
    errors = load_dataset(tmp_path / "out")["errors"]
    assert errors.to_dict(orient="records") == [
        {"file": "broken.txt", "error": "binary file, not text"},
        {"file": "empty.txt", "error": "empty article (no text)"}]
    assert len(load_dataset(tmp_path / "out")["documents"]) == 3


def test_add_then_build_extracts_only_the_new_article(corpus, tmp_path, shared_dir):
    cache = tmp_path / "cache"
    first = build_dataset(corpus, tmp_path / "out", cache_dir=cache)
    assert (first.cache_hits, len(first.extracted)) == (0, 3)
    doc_id = add_article(shared_dir / "devset" / "articles" / "008.txt", corpus, published="2020-02-10",
                         source="Xinhua", url="https://example.org/008", title="East Chinese province sends medics")
    second = build_dataset(corpus, tmp_path / "out", cache_dir=cache)
    assert (second.cache_hits, second.extracted) == (3, [doc_id])
    tables = load_dataset(tmp_path / "out")
    added = tables["documents"].set_index("doc_id").loc[doc_id]
    assert (added["published"], added["source"]) == (date(2020, 2, 10), "Xinhua")
    assert {"Jiangxi"} <= set(tables["pairings"]["helper"])


def test_add_refuses_a_duplicate(corpus, tmp_path):
    source = tmp_path / "again.txt"
    source.write_bytes((corpus / "000_62205064b0c14322.txt").read_bytes())
    with pytest.raises(ArticleError, match="duplicate of 000_62205064b0c14322.txt"):
        add_article(source, corpus)


@pytest.mark.parametrize("name, expected", [
    ("../../etc/passwd", "passwd"), ("my article (final).html", "my_article_final"),
    ("Wǔhàn report.txt", "Wuhan_report"), ("武汉.txt", None), (".hidden", "hidden"),
])
def test_safe_doc_id(name, expected):
    doc_id = safe_doc_id(name, set())
    if expected is None:
        assert doc_id.startswith("article_") and doc_id.isascii()
    else:
        assert doc_id == expected
    assert "/" not in doc_id and ".." not in doc_id


def test_safe_doc_id_is_unique():
    assert safe_doc_id("a.txt", {"a", "a-2"}) == "a-3"


@pytest.mark.parametrize("encoding, data", [
    ("utf-8-sig", "Hunan sent 120 nurses to Huanggang. 湖北".encode("utf-8-sig")),
    ("utf-16", "Hunan sent 120 nurses to Huanggang. 湖北".encode("utf-16")),
    ("gb18030", "湖南派出120名护士支援黄冈。Hunan sent 120 nurses to Huanggang.".encode("gb18030")),
    ("latin-1", "Hunan sent 120 nurses to Huanggang \u2013 caf\xe9.".encode("cp1252", errors="replace")),
    ("html", b"<html><head><script>var x=1;</script></head><body><p>Hunan sent 120 nurses to Huanggang.</p>"
             b"</body></html>"),
])
def test_add_reads_any_encoding_as_utf8(corpus, tmp_path, encoding, data):
    source = tmp_path / f"new {encoding}.txt"
    source.write_bytes(data)
    doc_id = add_article(source, corpus)
    text = (corpus / f"{doc_id}.txt").read_text(encoding="utf-8")
    assert "Hunan sent 120 nurses to Huanggang" in text
    assert "<" not in text and "var x" not in text
    manifest = (corpus / "manifest.csv").read_text(encoding="utf-8")
    assert f"{doc_id}.txt" in manifest


def test_cli_add_and_build(corpus, tmp_path):
    source = tmp_path / "new.txt"
    source.write_text("Jiangxi sent 135 medical workers to Suizhou on Friday.", encoding="utf-8")
    result = run_cli("add", str(source), "--corpus", str(corpus), "-o", str(tmp_path / "out"),
                     "--published", "2020-02-10", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    facts = load_dataset(tmp_path / "out")["facts"]
    row = facts[(facts["doc_id"] == "new") & (facts["kind"] == "personnel_count")].iloc[0]
    assert (row["value"], row["origin"], row["destination"], row["date"]) == (135, "Jiangxi", "Suizhou", date(2020, 2, 7))


def test_cli_add_refuses_a_duplicate_within_one_call(corpus, tmp_path):
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text("Gansu sent 80 nurses to Ezhou.", encoding="utf-8")
    second.write_text("Gansu sent 80 nurses to Ezhou.", encoding="utf-8")
    result = run_cli("add", str(first), str(second), "--corpus", str(corpus), "--no-build", cwd=tmp_path)
    assert result.returncode == 1
    assert f"error: {second}: duplicate of a.txt already in the corpus (same sha256)" in result.stderr
    assert (corpus / "a.txt").exists() and not (corpus / "b.txt").exists()


def synthetic_corpus(folder: Path, n: int) -> Path:
    """Articles of the benchmark's generator (some with numbers deleted), plus the project corpus."""
    sys.path.insert(0, str(PROJECT / "bench"))
    from synthetic import ArticleGenerator

    for doc_id, text, _ in ArticleGenerator(seed=11).articles(n):
        (folder / f"{doc_id}.txt").write_text(text, encoding="utf-8")
    return folder


def test_parallel_build_with_a_partial_cache_matches_a_fresh_one(corpus, tmp_path, monkeypatch):
    from extract.dataset.build import DatasetWriter

    monkeypatch.setattr(DatasetWriter, "parallel_from", 10)   # pass 2 in parts, too
    synthetic_corpus(corpus, 150)
    build_dataset(corpus, tmp_path / "fresh", use_cache=False)
    cache = tmp_path / "cache"
    moved = tmp_path / "later"
    moved.mkdir()
    for path in sorted(corpus.glob("synthetic_*.txt"))[::3]:   # every third article is not cached yet
        shutil.move(path, moved / path.name)
    build_dataset(corpus, tmp_path / "first", workers=2, cache_dir=cache)
    for path in moved.iterdir():
        shutil.move(path, corpus / path.name)
    (corpus / "synthetic_000050.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))   # unreadable
    report = build_dataset(corpus, tmp_path / "out", workers=2, cache_dir=cache)
    assert report.cache_hits == 102 and report.cache_misses == 50
    assert report.errors == [f"{corpus}/synthetic_000050.txt: binary file, not text"]
    fresh = build_dataset(corpus, tmp_path / "fresh2", use_cache=False)
    assert fresh.documents == report.documents == 152
    assert snapshot(tmp_path / "out") == snapshot(tmp_path / "fresh2")


def test_two_files_with_one_doc_id_keep_the_first(corpus, tmp_path):
    (corpus / "note.txt").write_text("Hunan sent 100 nurses to Huanggang on Monday.", encoding="utf-8")
    (corpus / "note.html").write_text("<p>Hunan sent 200 nurses to Huanggang.</p>", encoding="utf-8")
    report = build_dataset(corpus, tmp_path / "out", use_cache=False)
    tables = load_dataset(tmp_path / "out")
    assert tables["documents"]["doc_id"].is_unique
    assert tables["errors"].to_dict(orient="records") == [
        {"file": "note.txt", "error": "same doc_id as note.html; not included"}]
    assert report.documents == 4


def test_streamed_tables_equal_pandas_to_csv(tmp_path):
    from extract.dataset.tablefiles import TableWriter, table

    columns = ["a", "b", "c", "d"]
    rows = [{"a": i, "b": None if i % 3 else f'x,{i} "quoted"\nline', "c": i % 2 == 0, "d": [2.5, "", "湖北", None][i % 4]}
            for i in range(25)]
    writer = TableWriter(tmp_path / "streamed.csv", columns)
    for row in rows[:10]:
        writer.add(row)
    writer.add_rows([[row[c] for c in columns] for row in rows[10:]])   # the same rows, given as cells
    writer.close()
    assert writer.count == len(rows)
    table(rows, columns).to_csv(tmp_path / "pandas.csv", index=False, lineterminator="\n")
    assert (tmp_path / "streamed.csv").read_bytes() == (tmp_path / "pandas.csv").read_bytes()
    empty = TableWriter(tmp_path / "empty.csv", ["a", "b"])
    empty.close()
    table([], ["a", "b"]).to_csv(tmp_path / "empty_pandas.csv", index=False, lineterminator="\n")
    assert (tmp_path / "empty.csv").read_bytes() == (tmp_path / "empty_pandas.csv").read_bytes()


def test_two_workers_give_the_articles_sent_and_the_same_facts():
    from extract.dataset.batch import extract_stream
    from extract.dataset.corpus import Article

    texts = ["Hunan sent 120 nurses to Huanggang on Monday.", "Wuhan reported 2,345 new confirmed cases.",
             "Jiangsu will help Huangshi.", "Nothing here."] * 5
    articles = [Article(f"d{i:02d}", f"d{i:02d}.txt", text, "2020-02-12") for i, text in enumerate(texts)]
    one = list(extract_stream(iter(articles), n_process=1))
    two = list(extract_stream(iter(articles), n_process=2, batch_size=3))
    assert [facts for _, facts in two] == [facts for _, facts in one] and sum(len(f) for _, f in one) > 10
    assert all(article is sent for (article, _), sent in zip(two, articles))


def test_load_dataset_types_columns_through_the_data_package(corpus, tmp_path):
    build_dataset(corpus, tmp_path / "out", use_cache=False)
    tables = load_dataset(tmp_path / "out")
    facts, documents = tables["facts"], tables["documents"]
    counts = facts[facts["kind"] == "case_count"]["value"]
    assert counts.isna().any()   # the China Daily seed's deleted numbers
    assert all(type(v) is int for v in counts.dropna())
    assert counts.sum() == sum(counts.dropna()) > 1000   # numbers add up, not strings concatenated
    assert str(facts["start"].dtype) == "Int64" and str(documents["facts"].dtype) == "Int64"
    assert {type(v) for v in facts["suggestion"].dropna()} == {int}
    dates = facts[facts["kind"] == "date"]
    assert {type(v) for v in dates["value"].dropna()} == {date, str}   # whole days; a month or a year alone
    assert all(len(v) in (4, 7) for v in dates["value"] if isinstance(v, str))
    assert facts[facts["kind"] == "region"]["value"].map(type).eq(str).all()
    assert facts["missing"].map(type).eq(bool).all()
    package = json.loads((tmp_path / "out" / "datapackage.json").read_text(encoding="utf-8"))
    fields = {f["name"]: f for r in package["resources"] if r["name"] == "facts" for f in r["schema"]["fields"]}
    assert fields["value"]["type"] == "any" and "pattern" in fields["date"]["constraints"]


# the pieces random cells are made of: every kind the csv module quotes or passes; single-line rows hold no line break
MULTILINE_PIECES = ["a", "湖北", ",", '"', "\n", "\r", "\r\n", " ", "\t", "'", "=", "\x85", "\u2028", "é", "1,234"]
SINGLE_LINE_PIECES = ["a", "湖北", ",", '"', " ", "\t", "'", "=", "\x85", "\u2028", "é", "1,234", "http://x.cn/a?b=1"]


@pytest.mark.parametrize("method,seed,pieces,trials", [
    ("add_plain_rows", 7, MULTILINE_PIECES, 600),      # any row
    ("add_single_lines", 11, SINGLE_LINE_PIECES, 400),   # rows whose cells hold no line break (facts.csv, gaps.csv)
])
def test_table_writer_writes_what_the_csv_module_writes(tmp_path, method, seed, pieces, trials):
    import csv
    import io
    import random

    from extract.dataset.tablefiles import TableWriter

    rnd = random.Random(seed)

    def cell():
        return rnd.choice([None, "", rnd.randint(-10**6, 10**6), 2.5, float("nan"), -0.0, 1e20, True, False,
                           [1, "a"], (1, 2), {"a": 1}, "plain", "a b", 7, None,
                           "".join(rnd.choice(pieces) for _ in range(rnd.randint(1, 6)))])

    for trial in range(trials):
        width = rnd.randint(1, 7)
        batches = [[[cell() for _ in range(width)] for _ in range(rnd.randint(0, 4))] for _ in range(3)]
        path = tmp_path / f"t{trial}.csv"
        writer = TableWriter(path, [f"c{k}" for k in range(width)])
        for batch in batches:
            getattr(writer, method)(batch)
        writer.close()
        out = io.StringIO()
        module = csv.writer(out, lineterminator="\n")
        module.writerow([f"c{k}" for k in range(width)])
        for batch in batches:
            module.writerows(batch)
        assert path.read_bytes().decode("utf-8") == out.getvalue(), batches
        assert writer.count == sum(map(len, batches))


def test_fact_rows_give_csv_cells_and_json_records_with_or_without_candidates():
    from extract.dataset.factrows import FACT_COLUMNS, csv_cells, fact_table_rows, json_records
    from extract.dataset.verdicts import Verdict
    from extract.nlp.records import Fact

    plain = Fact("f1", "d", "case_count", 5, False, "exact", "confirmed", "new", None, "Wuhan", "420100", None, None,
                 None, None, None, "5", 0, 1, "r")
    blank = plain._replace(fact_id="f2", value=None, missing=True,
                           candidates=((("value", 7), ("doc_id", "e"), ("sentence", 'a "b", c')),))
    at = FACT_COLUMNS.index("candidates")
    for verdicts in ({}, {"f1": Verdict("f1", "accept", None)}):   # no verdict, then the verdict path
        rows, _ = fact_table_rows([plain, blank], verdicts, "2020-02-01", "http://x")
        cells = csv_cells(rows)
        assert [c[at] for c in cells] == ["[]", '[{"value": 7, "doc_id": "e", "sentence": "a \\"b\\", c"}]']
        records = json_records(rows)
        assert [r["candidates"] for r in records] == [[], [{"value": 7, "doc_id": "e", "sentence": 'a "b", c'}]]
        assert records[0]["published"] == "2020-02-01" and cells[1][FACT_COLUMNS.index("url")] == "http://x"
