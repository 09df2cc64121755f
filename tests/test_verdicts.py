"""Verdicts: read strictly, written under a lock and atomically, corrections checked by kind, and outputs that
know their corpus."""
from __future__ import annotations

import multiprocessing
import os
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from conftest import copy_bundled
from extract.cli import cli
from extract.dataset.build import build_dataset, load_dataset
from extract.dataset.verdicts import (Verdict, VerdictError, checked_correction, read_verdicts, record_verdict,
                                      resolve_fact_id)

PROJECT = Path(__file__).resolve().parent.parent


@pytest.fixture
def built(tmp_path) -> tuple[Path, Path]:
    corpus, outputs = tmp_path / "corpus", tmp_path / "outputs"
    copy_bundled(corpus)
    build_dataset(corpus, outputs, use_cache=False)
    return corpus, outputs


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args])


def one_fact(outputs: Path, **fields) -> dict:
    facts = load_dataset(outputs)["facts"]
    for key, value in fields.items():
        facts = facts[facts[key] == value]
    return facts.iloc[0].to_dict()


def test_bom_and_crlf_are_read(tmp_path):
    (tmp_path / "verdicts.csv").write_bytes(
        b"\xef\xbb\xbffact_id,verdict,value,note\r\nabc,accept,,fine\r\ndef,correct,12,\r\n")
    verdicts = read_verdicts(tmp_path)
    assert verdicts["abc"] == Verdict("abc", "accept", None, "fine")
    assert verdicts["def"].value == "12"


@pytest.mark.parametrize("content, problem", [
    (b"id,verdict,value,note\nabc,accept,,\n", "line 1: header"),
    (b"fact_id,verdict,value,note\nabc,accept,,\nabd,maybe,,\n", "line 3: unknown verdict 'maybe'"),
    (b"fact_id,verdict,value,note\nabc,accept,,caf\xe9\n", "line 2: not UTF-8"),
    (b"fact_id,verdict,value,note\nabc,correct,,\n", "line 2: a correction needs a value"),
    (b"fact_id,verdict,value,note\nabc,accept\n", "line 2: 2 cells, expected 4"),
    (b"fact_id,verdict,value,attributes,note\nabc,correct,,colour=red,\n", "line 2: attribute 'colour=red'"),
    # two rows for one fact: neither is picked silently (and no writer drops one: test below)
    (b"fact_id,verdict,value,attributes,note\nabc,accept,,,first\nabc,reject,,,second\n",
     "line 3: a second row for abc"),
    (b"fact_id,verdict,value,attributes,note\nabc,maybe,,,\nabc,accept,,,\n", "line 3: a second row for abc"),
])
def test_a_bad_verdicts_file_is_one_line_naming_file_and_line(built, content, problem):
    corpus, outputs = built
    (corpus / "verdicts.csv").write_bytes(content)
    with pytest.raises(VerdictError, match=problem):
        read_verdicts(corpus)
    before = (outputs / "facts.csv").read_bytes()
    for args in (["build", corpus, "-o", outputs, "-q"], ["audit", outputs, "--check"]):
        result = run(*args)
        assert result.exit_code == 1, result.output
        lines = result.output.strip().splitlines()
        assert len(lines) == 1 and "verdicts.csv line" in lines[0] and problem in lines[0], result.output
        assert "Traceback" not in result.output
    assert (outputs / "facts.csv").read_bytes() == before   # the dataset was not replaced


def test_a_review_of_another_fact_keeps_both_rows_of_a_fact_that_has_two(built):
    corpus, outputs = built
    content = b"fact_id,verdict,value,attributes,note\nabc,accept,,,first\nabc,reject,,,second\n"
    (corpus / "verdicts.csv").write_bytes(content)
    other = pd.read_csv(outputs / "facts.csv", dtype=str).fact_id.iloc[0]
    result = run("review", other, "--accept", "--corpus", corpus, "-o", outputs)
    assert result.exit_code == 1 and "a second row for abc" in result.output
    assert (corpus / "verdicts.csv").read_bytes() == content


def test_a_fifo_in_place_of_verdicts_is_refused_without_blocking(tmp_path):
    os.mkfifo(tmp_path / "verdicts.csv")
    with pytest.raises(VerdictError, match="not a regular file"):
        read_verdicts(tmp_path)


def write_many(corpus: Path, start, index: int) -> None:
    start.wait()
    record_verdict(corpus, Verdict(f"{index:016x}", "accept", None, f"reviewer {index}"))


def test_forty_concurrent_reviews_keep_every_verdict(tmp_path):
    context = multiprocessing.get_context("fork")
    start = context.Event()
    workers = [context.Process(target=write_many, args=(tmp_path, start, i)) for i in range(40)]
    for worker in workers:
        worker.start()
    start.set()
    for worker in workers:
        worker.join(60)
    assert [w.exitcode for w in workers] == [0] * 40
    verdicts = read_verdicts(tmp_path)
    assert sorted(verdicts) == [f"{i:016x}" for i in range(40)]
    assert not list(tmp_path.glob("*.tmp"))   # no temporary file left behind


def test_conflicting_flags_are_an_error(built):
    corpus, outputs = built
    fact = one_fact(outputs, kind="case_count")
    for flags in (["--accept", "--reject"], ["--accept", "--correct", "5"], ["--clear", "--accept-suggestion"], []):
        result = run("review", fact["fact_id"], *flags, "-o", outputs)
        assert result.exit_code == 2 and "exactly one of" in result.output, flags
    assert not (corpus / "verdicts.csv").exists()


def test_unique_prefix_clear_and_ambiguous_prefix(built):
    corpus, outputs = built
    fact = one_fact(outputs, kind="case_count")
    result = run("review", fact["fact_id"][:8], "--accept", "-o", outputs)
    assert result.exit_code == 0, result.output
    assert read_verdicts(corpus)[fact["fact_id"]].verdict == "accept"   # the recorded corpus, not ./corpus
    assert run("review", fact["fact_id"][:8], "--clear", "-o", outputs).exit_code == 0
    assert read_verdicts(corpus) == {}
    with pytest.raises(VerdictError, match="2 facts start with it"):
        resolve_fact_id("ab", ["abc0", "abd1"])
    with pytest.raises(VerdictError, match="give more of the id"):
        resolve_fact_id("ab", ["abc0"])   # too short to be taken as an id
    assert resolve_fact_id("abc0", ["abc01", "abd12"]) == "abc01"


@pytest.mark.parametrize("kind, value, attributes, problem", [
    ("case_count", "12.5", {}, "whole number"),
    ("case_count", "1e3", {}, "whole number"),
    ("case_count", "123456789012345678901", {}, "out of bounds"),
    ("case_count", "-3", {}, "whole number"),
    ("date", "1899-12-31", {}, "not an ISO date"),
    ("date", "2020-02-30", {}, "not an ISO date"),
    ("date", "12 March", {}, "not an ISO date"),
    ("case_count", "10,000,000,000", {}, "out of bounds"),
    ("region", "Atlantis", {}, "not a region"),
    ("pairing", "Hunan -> Atlantis", {}, "recipient 'Atlantis'"),
    ("pairing", "anything at all", {}, "Helper -> Recipient"),
    ("case_count", None, {"status": "sad"}, "status 'sad'"),
    ("case_count", None, {"helper": "Hunan"}, "no correctable attribute 'helper'"),
    ("case_count", None, {}, "needs a value or attributes"),
])
def test_corrections_are_checked_by_kind(kind, value, attributes, problem):
    with pytest.raises(VerdictError, match=problem):
        checked_correction(kind, value, attributes)


def test_corrections_are_made_canonical():
    assert checked_correction("case_count", "1,200", {"region": "wuhan city"}).value == "1200"
    assert checked_correction("case_count", "7", {"region": "wuhan city"}).attributes == (("region", "Wuhan"),)
    pairing = checked_correction("pairing", "Hunan Province -> 孝感", {})
    assert (pairing.value, pairing.attributes) == (None, (("helper", "Hunan"), ("recipient", "Xiaogan")))
    assert checked_correction("date", "2020-02", {}).value == "2020-02"


def test_corrections_through_the_cli_are_applied_at_the_next_build(built):
    corpus, outputs = built
    pairing = one_fact(outputs, kind="pairing")
    count = one_fact(outputs, kind="case_count", value=379)
    assert run("review", pairing["fact_id"], "--correct", "Anything", "-o", outputs).exit_code == 1
    assert run("review", count["fact_id"], "--correct", str(10 ** 30), "-o", outputs).exit_code == 1
    result = run("review", pairing["fact_id"], "--correct", "Hunan -> Xiaogan", "-o", outputs)
    assert result.exit_code == 0, result.output
    result = run("review", count["fact_id"], "--set", "region=Wuhan", "--set", "period=new", "-o", outputs)
    assert result.exit_code == 0, result.output
    build_dataset(corpus, outputs, use_cache=False)
    fixed = one_fact(outputs, fact_id=pairing["fact_id"])
    assert (fixed["helper"], fixed["recipient"], fixed["reviewed"]) == ("Hunan", "Xiaogan", True)
    fixed = one_fact(outputs, fact_id=count["fact_id"])
    assert (fixed["region"], fixed["region_code"], fixed["period"], fixed["value"]) == ("Wuhan", "420100", "new", 379)
    pairs = load_dataset(outputs)["pairings"]
    assert ((pairs["helper"] == "Hunan") & (pairs["recipient"] == "Xiaogan")).any()


def test_accept_suggestion_fills_the_value_and_keeps_the_evidence(built):
    corpus, outputs = built
    gap = one_fact(outputs, kind="missing_number", suggestion=19)
    result = run("review", gap["fact_id"], "--accept-suggestion", "-o", outputs)
    assert result.exit_code == 0, result.output
    assert read_verdicts(corpus)[gap["fact_id"]].value == "19"
    no_suggestion = one_fact(outputs, kind="missing_number", expected="ordinal")
    result = run("review", no_suggestion["fact_id"], "--accept-suggestion", "-o", outputs)
    assert result.exit_code == 1 and "no suggestion" in result.output
    build_dataset(corpus, outputs, use_cache=False)
    filled = one_fact(outputs, fact_id=gap["fact_id"])
    assert (filled["value"], filled["suggestion"], filled["suggestion_doc"]) == (19, 19, gap["suggestion_doc"])
    owner = one_fact(outputs, fact_id=gap["belongs_to"])
    assert (owner["kind"], owner["value"], owner["missing"]) == ("region_count", 19, True)
    assert owner["suggestion_text"] == gap["suggestion_text"]


def test_rule_precision_is_a_table_of_the_dataset(built):
    corpus, outputs = built
    facts = load_dataset(outputs)["facts"]
    weekdays = facts[facts["rule"] == "date_weekday"]["fact_id"].tolist()
    record_verdict(corpus, Verdict(weekdays[0], "accept"))
    record_verdict(corpus, Verdict(weekdays[1], "reject"))
    record_verdict(corpus, Verdict(weekdays[2], "correct", "2020-02-03"))
    build_dataset(corpus, outputs, use_cache=False)
    table = load_dataset(outputs)["rule_precision"].set_index("rule")
    row = table.loc["date_weekday"]
    assert (row["facts"], row["reviewed"], row["accepted"], row["rejected"], row["corrected"]) == \
        (len(weekdays), 3, 1, 1, 1)
    assert row["precision"] == pytest.approx(1 / 3, abs=0.001)
    assert table["facts"].sum() == len(facts) == len(load_dataset(outputs)["facts"]) + 1   # rejected: made too
    assert table.loc["region_gazetteer", "reviewed"] == 0 and table["precision"].isna().sum() == len(table) - 1


def test_outputs_elsewhere_know_their_corpus(tmp_path, monkeypatch):
    corpus, outputs = tmp_path / "x" / "corpus", tmp_path / "x" / "out"
    copy_bundled(corpus)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)   # no ./corpus here to fall back on
    result = run("build", corpus, "-o", outputs, "-q")
    assert result.exit_code == 0, result.output
    assert '"path": "../corpus"' in (outputs / "datapackage.json").read_text(encoding="utf-8")
    result = run("audit", outputs, "--check")
    assert result.exit_code == 0 and "all checks passed" in result.output, result.output
    fact = one_fact(outputs, kind="case_count")
    assert run("review", fact["fact_id"], "--reject", "-o", outputs).exit_code == 0
    assert fact["fact_id"] in read_verdicts(corpus) and not (elsewhere / "corpus").exists()
    assert run("audit", outputs).exit_code == 0
