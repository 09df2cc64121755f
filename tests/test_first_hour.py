"""A newcomer's first hour (issue 21): what a new user does first, each step without a surprise."""
from __future__ import annotations

import os
from pathlib import Path

import pandas as pd
import pytest

from conftest import copy_seeds
from extract import load_dataset
from extract.dataset.build import build_dataset


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> tuple[Path, Path]:
    root = tmp_path_factory.mktemp("first-hour")
    corpus, outputs = copy_seeds(root / "corpus"), root / "outputs"
    build_dataset(corpus, outputs, use_cache=False)
    return corpus, outputs


# ---- load_dataset on a wrong folder: one clear error -------------------------------------------------------------

def test_load_dataset_from_another_folder_names_the_folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(ValueError, match=rf"^outputs: no such folder \(looked in {tmp_path}\)"):
        load_dataset("outputs")


def test_load_dataset_on_a_corpus_says_it_is_not_a_dataset(built):
    corpus, outputs = built
    with pytest.raises(ValueError, match=rf"^{corpus}: not a built dataset: it has no datapackage.json and no "
                                         r"facts.csv \(it looks like a corpus"):
        load_dataset(corpus)
    with pytest.raises(ValueError, match="not a folder"):
        load_dataset(outputs / "facts.csv")
    assert "facts" in load_dataset(outputs)


# ---- one reader of pages: extract reads a page's date as add does -----------------------------------------------

PAGES = Path(__file__).resolve().parent / "pages"


def run_cli(*args: str, **kwargs):
    from click.testing import CliRunner

    from extract.cli import cli

    return CliRunner().invoke(cli, list(args), catch_exceptions=False, **kwargs)


def test_extract_reads_a_pages_publication_date_as_add_does(tmp_path):
    import json

    result = run_cli("extract", str(PAGES / "article_jsonld.html"))
    assert result.exit_code == 0, result.output
    facts = [json.loads(line) for line in result.stdout.splitlines()]
    thursday = next(f for f in facts if f["kind"] == "date" and f["text"] == "Thursday")
    assert thursday["value"] == "2020-02-13"   # the page's datePublished is Friday 2020-02-14
    assert "no publication date" not in result.stderr
    corpus = tmp_path / "corpus"
    assert run_cli("add", str(PAGES / "article_jsonld.html"), "--corpus", str(corpus), "--no-build").exit_code == 0
    added = run_cli("extract", str(corpus / "article_jsonld.txt"))   # its manifest row has the date
    dates = {f["value"] for f in map(json.loads, added.stdout.splitlines()) if f["kind"] == "date"}
    assert {"2020-02-13", "2020-02-12"} <= dates


# ---- messages in the user's terms ---------------------------------------------------------------------------------

@pytest.mark.parametrize("source, expected", [
    ("ftp://host/a.html", "ftp://host/a.html: not fetched: a URL needs http:// or https:// (this one is ftp://)"),
    ("www.example.com/a.html", "www.example.com/a.html: no such file; a URL needs http:// or https:// "
                               "(https://www.example.com/a.html)"),
])
def test_add_says_a_url_needs_http(tmp_path, source, expected):
    result = run_cli("add", source, "--corpus", str(tmp_path / "corpus"), "--no-build")
    assert result.exit_code == 1 and result.stderr == f"error: {expected}\n"


def test_errors_name_the_path_as_given(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "saved" / "pages").mkdir(parents=True)
    result = run_cli("add", "saved/pages", "--corpus", "corpus", "--no-build")
    assert result.stderr == "error: saved/pages: is a directory, not an article file\n"
    result = run_cli("extract", "saved/none.txt")
    assert result.exit_code == 1 and result.stderr == "error: saved/none.txt: no such file\n"


def test_tests_that_need_the_developers_data_say_so(tmp_path):
    import subprocess
    import sys

    env = {**os.environ, "AIDFACTS_SHARED": str(tmp_path / "nowhere")}
    run = subprocess.run([sys.executable, "-m", "pytest", "-q", "-rs", "-p", "no:cacheprovider",
                          str(Path(__file__).parent / "test_evaluate.py"), "-k", "seed_gold"],
                         env=env, cwd=tmp_path, capture_output=True, text=True)
    assert "1 skipped" in run.stdout, run.stdout
    assert "needs the developers' annotated articles" in run.stdout and "beside the project" not in run.stdout
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    assert "developers' annotated articles" in " ".join(readme.split())


# ---- noise: an article whose date is known to be unknown is not warned of ---------------------------------------

def test_a_manifest_can_say_a_date_is_known_to_be_unknown(tmp_path):
    corpus = copy_seeds(tmp_path / "corpus")
    (corpus / "undated.txt").write_text("Hunan sent 120 nurses to Huanggang on Monday.\n", encoding="utf-8")
    (corpus / "manifest.csv").write_text("file,published,source,url,title\nundated.txt,unknown,,,\n",
                                         encoding="utf-8")
    result = run_cli("build", str(corpus), "-o", str(tmp_path / "out"), "-q")
    assert result.exit_code == 0 and "warning" not in result.stderr, result.stderr
    documents = load_dataset(tmp_path / "out")["documents"].set_index("doc_id")
    assert pd.isna(documents.loc["undated", "published"])
    assert documents["warnings"].isna().all()
    assert "no publication date" not in run_cli("extract", str(corpus / "undated.txt")).stderr
    assert run_cli("meta", "undated", "--published", "", "--corpus", str(corpus), "--no-build").exit_code == 0
    result = run_cli("extract", str(corpus / "undated.txt"))   # an empty date is one nobody looked for: warned
    assert "undated.txt: no publication date" in result.stderr
    assert run_cli("meta", "undated", "--published", "unknown", "--corpus", str(corpus), "--no-build").exit_code == 0
    assert "no publication date" not in run_cli("extract", str(corpus / "undated.txt")).stderr


def test_the_bundled_corpus_builds_without_warnings(tmp_path):
    project = Path(__file__).resolve().parent.parent
    result = run_cli("build", str(project / "corpus"), "-o", str(tmp_path / "out"), "-q", "--no-cache")
    assert result.exit_code == 0 and result.stderr == "", result.stderr


# ---- facts carry their source -----------------------------------------------------------------------------------

def test_facts_carry_their_articles_publication_date_and_url(tmp_path):
    import json

    corpus = copy_seeds(tmp_path / "corpus")
    (corpus / "team.txt").write_text("Hunan sent 120 nurses to Huanggang on Monday.\n", encoding="utf-8")
    (corpus / "manifest.csv").write_text("file,published,source,url,title\n"
                                         "team.txt,2020-02-12,Xinhua,https://news.example/team.html,Team\n",
                                         encoding="utf-8")
    build_dataset(corpus, tmp_path / "out", use_cache=False)
    header = (tmp_path / "out" / "facts.csv").read_text(encoding="utf-8").splitlines()[0].split(",")
    assert header[-2:] == ["published", "url"]   # appended, the rest unmoved
    assert header[header.index("suggestion_end") + 1:][:2] == ["reviewed", "extracted_value"]
    facts = load_dataset(tmp_path / "out")["facts"]
    team = facts[facts["doc_id"] == "team"]
    assert set(team["url"]) == {"https://news.example/team.html"}
    assert set(map(str, team["published"])) == {"2020-02-12"}
    monday = team[team["kind"] == "date"].iloc[0]
    assert str(monday["value"]) == "2020-02-10"
    line = json.loads((tmp_path / "out" / "facts.jsonl").read_text(encoding="utf-8").splitlines()[-1])
    assert {"published", "url"} <= set(line)
    package = json.loads((tmp_path / "out" / "datapackage.json").read_text(encoding="utf-8"))
    fields = {f["name"]: f for r in package["resources"] if r["name"] == "facts" for f in r["schema"]["fields"]}
    assert "published" in fields["url"]["description"] and fields["published"]["constraints"]["pattern"]


# ---- the terminal table fits the terminal ------------------------------------------------------------------------

def test_the_table_fits_80_columns_and_shows_markup_as_text(tmp_path):
    import json

    from extract.audit.fact_formats import table_lines

    article = tmp_path / "a.txt"
    article.write_text("Hunan sent 120 nurses [red] to Huanggang on Monday, and Xiantao had 379 confirmed cases "
                       "as of Feb 10, bringing the province's total to 2,000 patients :smile:.", encoding="utf-8")
    table = run_cli("extract", str(article), "--format", "table", "--published", "2020-02-12",
                    env={"COLUMNS": "80"})
    lines = table.stdout.splitlines()
    assert all(len(line) <= 80 for line in lines), max(map(len, lines))
    facts = [json.loads(line) for line in run_cli("extract", str(article), "--published", "2020-02-12").stdout
             .splitlines()]
    starts = [line.split()[0] for line in lines[1:] if not line.startswith(" ")]
    assert starts == [f["fact_id"] for f in facts]
    assert len(lines) - 1 <= 4 * len(facts)   # a fact in a few lines, not a screenful
    staff = next(f for f in facts if f["kind"] == "personnel_count")
    row = next(i for i, line in enumerate(lines) if line.startswith(staff["fact_id"]))
    assert "personnel_count 120" in lines[row]
    wide = table_lines([{**staff, "text": "120 nurses [red] :smile:"}], 80)
    assert "[red] :smile:" in "\n".join(wide)   # an article's brackets are text, not rich markup


def test_help_examples_stay_one_per_line():
    import inspect

    from extract.cli import cli

    for name, command in cli.commands.items():
        doc = inspect.getdoc(command.callback) or ""
        examples = [line.strip() for line in doc.split("Example", 1)[-1].splitlines()[1:]
                    if line.startswith("    ") and line.strip()] if "Example" in doc else []
        shown = run_cli(name, "--help", env={"COLUMNS": "80"}).stdout.splitlines()
        for example in examples:
            assert example in [line.strip() for line in shown], (name, example)


# ---- a corpus of one's own ---------------------------------------------------------------------------------------

def test_a_corpus_of_ones_own_as_the_readme_shows(tmp_path, monkeypatch):
    import hashlib

    project = Path(__file__).resolve().parent.parent
    readme = (project / "README.md").read_text(encoding="utf-8")
    assert "aidfacts build my-corpus -o my-outputs" in readme and "aidfacts review -o my-outputs" in readme
    bundled = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in (project / "corpus").iterdir()}
    monkeypatch.chdir(tmp_path)
    (tmp_path / "notes.txt").write_text("Hunan sent 120 nurses to Huanggang on Monday.\n", encoding="utf-8")
    added = run_cli("add", str(PAGES / "article_jsonld.html"), "notes.txt", "--corpus", "my-corpus",
                    "-o", "my-outputs")
    assert added.exit_code == 0, added.stderr
    assert run_cli("build", "my-corpus", "-o", "my-outputs", "-q").exit_code == 0
    facts = load_dataset("my-outputs")["facts"]
    target = facts[facts["kind"] == "personnel_count"].iloc[0]["fact_id"]
    reviewed = run_cli("review", target, "--accept", "-o", "my-outputs")
    assert reviewed.exit_code == 0, reviewed.stderr
    assert target in (tmp_path / "my-corpus" / "verdicts.csv").read_text(encoding="utf-8")
    assert run_cli("audit", "my-outputs").exit_code == 0 and (tmp_path / "my-outputs-report" / "index.html").exists()
    assert run_cli("build", "--check", "my-corpus", "-o", "my-outputs").exit_code == 1   # the verdict is not built
    assert {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in (project / "corpus").iterdir()} == bundled
