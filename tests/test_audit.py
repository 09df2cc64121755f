"""Auditing: verdicts that survive a rebuild, integrity checks, and the HTML report in a real browser."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import BUNDLED_EXTRA, SEEDS, headless_browser
from extract.audit.checks import check_dataset
from extract.cli import cli
from extract.dataset.build import build_dataset, load_dataset
from extract.audit.report import render_text, write_report
from extract.dataset.verdicts import Verdict, record_verdict



@pytest.fixture
def built(seed_corpus, tmp_path) -> tuple[Path, Path]:
    corpus, outputs = seed_corpus, tmp_path / "outputs"
    build_dataset(corpus, outputs, use_cache=False)
    return corpus, outputs


def fact_where(facts, **fields):
    rows = facts
    for key, value in fields.items():
        rows = rows[rows[key] == value]
    return rows.iloc[0]


def test_reject_and_correct_survive_a_rebuild(built):
    corpus, outputs = built
    facts = load_dataset(outputs)["facts"]
    wrong = fact_where(facts, kind="pairing", helper="Sichuan")
    fixed = fact_where(facts, kind="case_count", value=984)
    runner = CliRunner()
    for args in (["review", wrong["fact_id"], "--reject", "--note", "a joke, not a pairing"],
                 ["review", fixed["fact_id"], "--correct", "985", "--note", "typo in source"]):
        result = runner.invoke(cli, [*args, "--corpus", str(corpus), "-o", str(outputs)], catch_exceptions=False)
        assert result.exit_code == 0, result.output
    build_dataset(corpus, outputs, use_cache=False)
    tables = load_dataset(outputs)
    facts = tables["facts"]
    assert wrong["fact_id"] not in set(facts["fact_id"])
    corrected = fact_where(facts, fact_id=fixed["fact_id"])
    assert (corrected["value"], corrected["extracted_value"], corrected["reviewed"]) == (985, 984, True)
    assert not fact_where(facts, kind="case_count", value=379)["reviewed"]
    audit = tables["audit"].set_index("fact_id")
    assert audit.loc[wrong["fact_id"], "verdict"] == "reject"
    assert audit.loc[wrong["fact_id"], "note"] == "a joke, not a pairing"
    assert (audit.loc[fixed["fact_id"], "verdict"], audit.loc[fixed["fact_id"], "value"]) == ("correct", 985)
    assert set(audit["status"]) == {"applied"}


def test_stale_verdict_is_reported(built):
    corpus, outputs = built
    record_verdict(corpus, Verdict("0000000000000000", "accept", None, "its fact was removed by a rule change"))
    report = build_dataset(corpus, outputs, use_cache=False)
    assert report.stale_verdicts == ["0000000000000000"]
    audit = load_dataset(outputs)["audit"]
    assert audit.to_dict(orient="records")[0]["status"] == "stale"
    assert any("stale" in p for p in check_dataset(outputs, corpus))


def test_review_refuses_unknown_fact_and_bad_value(built):
    corpus, outputs = built
    runner = CliRunner()
    result = runner.invoke(cli, ["review", "ffffffffffffffff", "--accept", "--corpus", str(corpus), "-o", str(outputs)])
    assert result.exit_code == 1 and "no such fact" in result.output
    count = load_dataset(outputs)["facts"].query("kind == 'case_count'").iloc[0]["fact_id"]
    result = runner.invoke(cli, ["review", count, "--correct", "many", "--corpus", str(corpus), "-o", str(outputs)])
    assert result.exit_code == 1 and "whole number" in result.output


def test_check_passes_on_a_good_build_and_finds_tampering(built):
    corpus, outputs = built
    assert check_dataset(outputs, corpus) == []
    facts_csv = outputs / "facts.csv"
    facts_csv.write_text(facts_csv.read_text(encoding="utf-8").replace(",420000,", ",429999,", 1), encoding="utf-8")
    text = corpus / "000_62205064b0c14322.txt"
    text.write_text(text.read_text(encoding="utf-8").replace("Xiantao", "Xiantau"), encoding="utf-8")
    problems = check_dataset(outputs, corpus)
    assert any("region code 429999 is not in the gazetteer" in p for p in problems)
    assert any("is not document[" in p for p in problems)
    result = CliRunner().invoke(cli, ["audit", str(outputs), "--corpus", str(corpus), "--check"])
    assert result.exit_code == 1


def test_overlapping_facts_stay_separate_marks():
    text = "Xiaogan, with 3,000 cases, is backed by Hunan."
    facts = [dict(fact_id="p", kind="pairing", start=0, end=45, value=None, rule="pairing_backed_by", helper="Hunan",
                  recipient="Xiaogan"),
             dict(fact_id="r", kind="region", start=0, end=7, value="Xiaogan", rule="region_gazetteer"),
             dict(fact_id="c", kind="case_count", start=14, end=25, value=3000, rule="case_count:count_noun")]
    out = render_text(text, facts)
    assert out.count('data-fact="p"') >= 3 and out.count('id="fact-p"') == 1
    assert 'id="fact-r"' in out and 'id="fact-c"' in out
    assert "case_count: 3000" in out


def hostile_corpus(tmp_path) -> tuple[Path, Path]:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "evil.txt").write_text(
        "Hunan sent 120 nurses to Huanggang on Monday.\n"
        "Plain text: <script>window.__xss = 1</script> and <img src=x onerror=\"window.__xss = 2\"> "
        "and a closing tag </div></span> too.", encoding="utf-8")
    shutil.copy(SEEDS / "001_8a3477e09bf95d7c.txt", corpus)
    shutil.copy(SEEDS / "000_62205064b0c14322.txt", corpus)
    # the China Daily opening quoted intact: evidence for its blanks (the passage basis), so the report shows
    # suggestions linked to another document's page
    shutil.copy(BUNDLED_EXTRA / "003_pairing_assistance_opening.txt", corpus)
    outputs = tmp_path / "outputs"
    build_dataset(corpus, outputs, use_cache=False, )
    return corpus, outputs


def test_report_escapes_article_text(tmp_path):
    corpus, outputs = hostile_corpus(tmp_path)
    index = write_report(outputs, corpus)
    page = (index.parent / "docs" / "evil.html").read_text(encoding="utf-8")
    assert "<script>window.__xss" not in page and "<img src=x" not in page
    assert "&lt;script&gt;window.__xss = 1&lt;/script&gt;" in page
    for path in index.parent.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        for external in ('src="http', "src='http", "<link", "@import", "url(http"):
            assert external not in text, path   # self-contained: nothing is fetched


def test_report_is_written_beside_the_outputs_and_never_over_a_strangers_folder(tmp_path):
    corpus, outputs = hostile_corpus(tmp_path)
    index = write_report(outputs, corpus)
    assert index == tmp_path / "outputs-report" / "index.html"
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "notes.txt").write_text("my notes", encoding="utf-8")
    result = CliRunner().invoke(cli, ["audit", str(outputs), "--report", str(tmp_path / "mine")])
    assert result.exit_code == 1 and "not an aidfacts report" in result.output
    assert [p.name for p in (tmp_path / "mine").iterdir()] == ["notes.txt"]
    (corpus / "evil.txt").unlink()
    build_dataset(corpus, outputs, use_cache=False)   # the rebuild leaves the report alone ...
    assert index.exists() and (index.parent / "docs" / "evil.html").exists()
    write_report(outputs, corpus)                     # ... and the next audit regenerates it in place
    assert not (index.parent / "docs" / "evil.html").exists()


def browser():
    return headless_browser("1300,1600")


@pytest.mark.flaky(reruns=2)   # a real browser on a shared machine; the assertions are unchanged
def test_report_in_a_real_browser(tmp_path):
    corpus, outputs = hostile_corpus(tmp_path)
    index = write_report(outputs, corpus)
    docs = index.parent / "docs"
    driver = browser()
    try:
        driver.get((docs / "evil.html").as_uri())
        run = driver.execute_script
        assert run("return window.__xss") is None
        assert "<script>window.__xss = 1</script>" in run("return document.getElementById('doc-evil').textContent")
        driver.get((docs / "001_8a3477e09bf95d7c.html").as_uri())
        # highlights: every fact of the China Daily text is a visible mark, its blanks show suggestions
        marks = run("return document.querySelectorAll('#doc-001_8a3477e09bf95d7c .mark').length")
        assert marks >= 40
        blanks = run("return Array.from(document.querySelectorAll('#doc-001_8a3477e09bf95d7c .blank'))"
                     ".map(b => b.textContent)")
        assert len(blanks) >= 13 and any(b.startswith("[count? → ") for b in blanks)
        # a blank's suggestion links to its evidence on the other document's page
        target = run("return document.querySelector('#doc-001_8a3477e09bf95d7c a.blank').getAttribute('href')")
        page, anchor = target.split("#")
        assert page.endswith(".html") and (docs / page).exists()
        assert f'id="{anchor}"' in (docs / page).read_text(encoding="utf-8")
        # the table filter
        total = run("return document.querySelectorAll('#facts-table tbody tr').length")
        run("var s = document.getElementById('filter-kind'); s.value = 'region';"
            "s.dispatchEvent(new Event('change'));")
        visible = run("return Array.from(document.querySelectorAll('#facts-table tbody tr'))"
                      ".filter(r => r.style.display !== 'none').map(r => r.dataset.kind)")
        assert visible and set(visible) == {"region"} and len(visible) < total
        # a click on a mark shows its details: fact id, the command that reviews it, a link into the app
        mark = run("var m = document.querySelector('#doc-001_8a3477e09bf95d7c .k-case_count'); m.click();"
                   "return m.dataset.fact;")
        details = run("return document.getElementById('details').textContent")
        assert "case_count" in details and f"fact {mark}" in details and f"aidfacts review {mark} --accept" in details
        assert run("return document.querySelector('#details a.app-link').href").endswith(f"/fact/{mark}")
        assert f"fact {mark}" in run("return document.querySelector('.mark[data-fact=\"%s\"]').title" % mark)
        # the index: figures render with a size, documents link to their pages
        driver.get(index.as_uri())
        for figure in ("fig-staff", "fig-pairings"):
            size = run(f"var r = document.querySelector('#{figure} svg').getBoundingClientRect();"
                       "return [r.width, r.height];")
            assert size[0] > 100 and size[1] > 100, figure
        assert run("return document.querySelectorAll('#documents-table tbody tr').length") == 4   # the three articles and the quoted opening
        driver.save_screenshot(str(tmp_path / "report.png"))
        assert (tmp_path / "report.png").stat().st_size > 10_000
        build_dataset(corpus, outputs, use_cache=False)   # an open report survives a rebuild
        driver.refresh()
        assert run("return document.querySelectorAll('#documents-table tbody tr').length") == 4
    finally:
        driver.quit()
