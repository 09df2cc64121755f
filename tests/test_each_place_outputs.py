"""Per-place facts of one span (`Jiangsu and Zhejiang each reported 12 new cases`) through the whole flow: the
build writes one fact per place with its own id, the fact cache takes them back, the consolidated table files each
place's figure, a verdict on one place's fact leaves the other's alone, and a removed article re-added under
another doc_id gets its verdicts back on the per-place ids."""
from __future__ import annotations

import csv
from pathlib import Path

from click.testing import CliRunner

from extract.cli import cli
from extract.dataset.build import build_dataset
from extract.dataset.removal import moved_id
from extract.dataset.verdicts import read_verdicts
from extract.nlp.records import fact_id

TEXT = ("Jiangsu and Zhejiang each reported 12 new confirmed cases on Monday, Feb 10, 2020. "
        "Anhui reported 7 new confirmed cases on Feb 10.")


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args])


def rows(path: Path, **match) -> list[dict]:
    with open(path, encoding="utf-8", newline="") as handle:
        return [r for r in csv.DictReader(handle) if all(r.get(k) == v for k, v in match.items())]


def test_per_place_facts_through_build_cache_figures_verdicts_and_removal(tmp_path):
    corpus, outputs, cache = tmp_path / "corpus", tmp_path / "outputs", tmp_path / "cache"
    corpus.mkdir()
    (tmp_path / "each.txt").write_text(TEXT, encoding="utf-8")
    assert run("add", tmp_path / "each.txt", "--corpus", corpus, "--no-build").exit_code == 0
    build_dataset(corpus, outputs, cache_dir=cache)
    each = rows(outputs / "facts.csv", rule="case_count:each_place")
    assert sorted((r["region"], r["value"], r["text"]) for r in each) == \
        [("Jiangsu", "12", "12 new confirmed cases"), ("Zhejiang", "12", "12 new confirmed cases")]
    for r in each:
        assert r["fact_id"] == fact_id("each", "case_count", int(r["start"]), int(r["end"]), place=r["region"])
    (anhui,) = rows(outputs / "facts.csv", region="Anhui", kind="case_count")
    assert anhui["fact_id"] == fact_id("each", "case_count", int(anhui["start"]), int(anhui["end"]))

    # the consolidated table: one figure per place, each traced to its own fact
    figures = {r["region"]: r for r in rows(outputs / "cases.csv", date="2020-02-10", status="confirmed")}
    by_region = {r["region"]: r["fact_id"] for r in each}
    for region in ("Jiangsu", "Zhejiang"):
        assert figures[region]["value"] == "12" and figures[region]["fact_ids"] == by_region[region]

    # the cache gives the same facts back
    before = (outputs / "facts.csv").read_bytes()
    report = build_dataset(corpus, outputs, cache_dir=cache)
    assert report.cache_hits == 1 and (outputs / "facts.csv").read_bytes() == before

    # a verdict on one place's fact leaves the other place's alone
    assert run("review", by_region["Jiangsu"], "--reject", "-o", outputs, "--corpus", corpus).exit_code == 0
    build_dataset(corpus, outputs, cache_dir=cache)
    assert {r["region"] for r in rows(outputs / "facts.csv", rule="case_count:each_place")} == {"Zhejiang"}
    assert "Jiangsu" not in {r["region"] for r in rows(outputs / "cases.csv")}

    # removed, then re-added under another doc_id: the verdict follows the per-place fact
    assert run("remove", "each", "--corpus", corpus, "--no-build").exit_code == 0
    (tmp_path / "taken").mkdir()
    (tmp_path / "taken" / "each.txt").write_text("Gansu sent 80 nurses to Ezhou on Feb 11, 2020.", encoding="utf-8")
    assert run("add", tmp_path / "taken" / "each.txt", "--corpus", corpus, "--no-build").exit_code == 0
    copy = tmp_path / "copy of each.txt"
    copy.write_text(TEXT, encoding="utf-8")
    result = run("add", copy, "--corpus", corpus, "-o", outputs)
    assert result.exit_code == 0, result.output
    (verdict,) = read_verdicts(corpus).values()
    jiangsu = [r for r in each if r["region"] == "Jiangsu"][0]
    assert verdict.fact_id == fact_id("copy_of_each", "case_count", int(jiangsu["start"]), int(jiangsu["end"]),
                                      place="Jiangsu")
    assert {r["region"] for r in rows(outputs / "facts.csv", doc_id="copy_of_each", rule="case_count:each_place")} \
        == {"Zhejiang"}


def test_moved_id_keys_only_per_place_facts_by_place():
    keys = {"a": ("case_count", "3", "9", "", "", "case_count:each_place", "Hefei"),
            "b": ("case_count", "3", "9", "", "", "case_count:count_noun", "Hefei"),
            "c": ("case_count", "3", "9", "", "")}   # a key file kept before the rule and region columns
    assert moved_id("a", keys, "old", "new", fact_id) == fact_id("new", "case_count", 3, 9, place="Hefei")
    assert moved_id("b", keys, "old", "new", fact_id) == fact_id("new", "case_count", 3, 9)
    assert moved_id("c", keys, "old", "new", fact_id) == fact_id("new", "case_count", 3, 9)


def test_the_review_app_shows_and_takes_a_verdict_on_each_place_fact(tmp_path):
    from extract.audit.app.web import create_app

    corpus, outputs = tmp_path / "corpus", tmp_path / "outputs"
    corpus.mkdir()
    (corpus / "each.txt").write_text(TEXT, encoding="utf-8")
    build_dataset(corpus, outputs, use_cache=False)
    each = {r["region"]: r["fact_id"] for r in rows(outputs / "facts.csv", rule="case_count:each_place")}
    app = create_app(outputs, corpus)
    client = app.test_client()
    for region, fact in each.items():
        page = client.get(f"/fact/{fact}")
        assert page.status_code == 200 and region in page.get_data(as_text=True)
    answer = client.post("/verdict", json={"fact_id": each["Zhejiang"], "action": "accept"},
                         headers={"X-CSRF-Token": app.config["TOKEN"]})
    assert answer.status_code == 200
    assert set(read_verdicts(corpus)) == {each["Zhejiang"]}
