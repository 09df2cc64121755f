"""Pages that are no article are refused (unless --force); `aidfacts remove` takes an article out of the corpus
with its verdicts kept aside, and adding the same text again brings them back; a manifest row left without its
text is named by the build. Real files, real processes where concurrency matters, and pages served from
127.0.0.1 (a directory listing, a page of two words, a real article page)."""
from __future__ import annotations

import csv
import functools
import http.server
import shutil
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import aidfacts_process, run_until_killed
from extract.cli import cli
from extract.dataset.build import build_dataset
from extract.dataset.corpus import read_manifest
from extract.dataset.intake import add_article
from extract.dataset.verdicts import read_verdicts

PAGES = Path(__file__).parent / "pages"


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args])


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """A folder served by http.server on 127.0.0.1: `/` is its directory listing."""
    root = tmp_path_factory.mktemp("site")
    shutil.copy(PAGES / "article_jsonld.html", root / "hunan-team.html")
    (root / "two-words.html").write_text("<html><head><meta charset=utf-8></head><body><p>Hello world</p>"
                                         "</body></html>", encoding="utf-8")
    handler = functools.partial(QuietHandler, directory=str(root))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def files(corpus: Path) -> dict[str, bytes]:
    return {str(p.relative_to(corpus)): p.read_bytes() for p in sorted(corpus.rglob("*"))
            if p.is_file() and not p.name.startswith(".")} if corpus.is_dir() else {}


# -- pages that are no article --------------------------------------------------------------------------------------

@pytest.mark.parametrize("path, words", [("", None), ("two-words.html", 2)])
def test_a_page_with_no_article_is_refused_in_one_line(site, tmp_path, path, words):
    corpus = tmp_path / "corpus"
    add_article(PAGES / "undated.html", corpus)
    before = files(corpus)
    result = run("add", f"{site}/{path}", "--corpus", corpus, "--no-build")
    assert result.exit_code == 1
    assert result.output.count("\n") == 1, result.output
    assert result.output.startswith(f"error: {site}/{path}: not an article: 0 sentences in ")
    assert "--force" in result.output
    if words:
        assert f"in {words} words of text" in result.output
    assert files(corpus) == before


def test_force_takes_a_page_with_no_article_in(site, tmp_path):
    corpus = tmp_path / "corpus"
    result = run("add", f"{site}/two-words.html", "--corpus", corpus, "--no-build", "--force")
    assert result.exit_code == 0, result.output
    assert "Hello world" in (corpus / "two-words.txt").read_text(encoding="utf-8")


def test_a_real_article_page_is_taken_in(site, tmp_path):
    corpus = tmp_path / "corpus"
    result = run("add", f"{site}/hunan-team.html", "--corpus", corpus, "--no-build")
    assert result.exit_code == 0, result.output
    assert read_manifest(corpus)["hunan-team.txt"]["title"] == "Hunan medical team arrives in Huanggang"


def test_a_saved_page_with_no_article_is_refused_but_a_text_file_is_the_users_own(tmp_path):
    corpus = tmp_path / "corpus"
    (tmp_path / "listing.html").write_text("<html><body><h1>Directory listing for /</h1><ul><li><a href='a.html'>"
                                           "a.html</a></li></ul></body></html>", encoding="utf-8")
    (tmp_path / "note.txt").write_text("Hunan sent 120 nurses to Huanggang.", encoding="utf-8")
    result = run("add", tmp_path / "listing.html", tmp_path / "note.txt", "--corpus", corpus, "--no-build")
    assert result.exit_code == 1
    assert "error: " in result.output and "listing.html: not an article" in result.output
    assert [p.name for p in corpus.glob("*.txt")] == ["note.txt"]


# -- remove ---------------------------------------------------------------------------------------------------------

ARTICLES = {
    "hunan": "Hunan Province sent 137 medical workers to Huanggang on Monday, February 10, 2020. "
             "Hubei reported 2,097 new confirmed cases on Feb 9.",
    "jiangsu": "Jiangsu sent 210 nurses to Huangshi on Feb 12, 2020. They will work at the central hospital.",
}


@pytest.fixture
def built(tmp_path):
    corpus, outputs = tmp_path / "corpus", tmp_path / "outputs"
    corpus.mkdir()
    for name, text in ARTICLES.items():
        (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
        assert run("add", tmp_path / f"{name}.txt", "--corpus", corpus, "--no-build",
                   "--source", f"{name} daily").exit_code == 0
    build_dataset(corpus, outputs, use_cache=False)
    return corpus, outputs


def facts_of(outputs: Path, doc_id: str) -> list[dict]:
    with open(outputs / "facts.csv", encoding="utf-8", newline="") as handle:
        return [row for row in csv.DictReader(handle) if row["doc_id"] == doc_id]


def test_remove_keeps_text_row_and_verdicts_aside_and_a_re_add_restores_them(built, tmp_path):
    corpus, outputs = built
    hunan = facts_of(outputs, "hunan")
    rejected, corrected = hunan[0]["fact_id"], hunan[1]["fact_id"]
    other = facts_of(outputs, "jiangsu")[0]["fact_id"]
    assert run("review", rejected, "--reject", "-o", outputs).exit_code == 0
    assert run("review", corrected, "--accept", "--note", "checked", "-o", outputs).exit_code == 0
    assert run("review", other, "--accept", "-o", outputs).exit_code == 0

    result = run("remove", "hunan", "--corpus", corpus, "-o", outputs)
    assert result.exit_code == 0, result.output
    assert "removed hunan (hunan.txt); 2 verdicts kept with it in " in result.output
    assert not (corpus / "hunan.txt").exists() and "hunan.txt" not in read_manifest(corpus)
    assert set(read_verdicts(corpus)) == {other}   # no stale verdicts left behind
    (entry,) = (corpus / "removed").iterdir()
    assert (entry / "hunan.txt").read_text(encoding="utf-8") == ARTICLES["hunan"]
    assert read_manifest(entry)["hunan.txt"]["source"] == "hunan daily"
    assert set(read_verdicts(entry)) == {rejected, corrected}
    assert facts_of(outputs, "hunan") == []   # rebuilt without it
    assert "stale verdict" not in result.output

    result = run("add", tmp_path / "hunan.txt", "--corpus", corpus, "-o", outputs)   # the same text again
    assert result.exit_code == 0, result.output
    assert "added " in result.output and "2 verdict(s) restored" in result.output
    verdicts = read_verdicts(corpus)
    assert set(verdicts) == {rejected, corrected, other} and verdicts[corrected].note == "checked"
    assert read_manifest(corpus)["hunan.txt"]["source"] == "hunan daily"
    assert not any((corpus / "removed").iterdir())
    assert rejected not in {row["fact_id"] for row in facts_of(outputs, "hunan")}   # the verdict applies again


def test_a_re_add_under_another_doc_id_moves_the_verdicts_to_its_fact_ids(built, tmp_path):
    corpus, outputs = built
    fact = facts_of(outputs, "hunan")[0]
    assert run("review", fact["fact_id"], "--reject", "-o", outputs).exit_code == 0
    assert run("remove", "hunan", "--corpus", corpus, "--no-build").exit_code == 0
    (tmp_path / "taken").mkdir()
    (tmp_path / "taken" / "hunan.txt").write_text("Gansu sent 80 nurses to Ezhou on Feb 11, 2020. They left "
                                                  "Lanzhou by train.", encoding="utf-8")
    assert run("add", tmp_path / "taken" / "hunan.txt", "--corpus", corpus, "--no-build").exit_code == 0
    copy = tmp_path / "copy of hunan.txt"
    copy.write_text(ARTICLES["hunan"], encoding="utf-8")
    result = run("add", copy, "--corpus", corpus, "-o", outputs)
    assert result.exit_code == 0, result.output
    assert "added " in result.output and " as copy_of_hunan" in result.output
    moved = {row["fact_id"] for row in facts_of(outputs, "copy_of_hunan")}
    (verdict,) = [v for v in read_verdicts(corpus).values() if v.verdict == "reject"]
    assert verdict.fact_id not in moved   # rejected: left out of facts.csv under its new id
    with open(outputs / "audit.csv", encoding="utf-8", newline="") as handle:
        audit = {row["fact_id"]: row for row in csv.DictReader(handle)}
    assert audit[verdict.fact_id]["doc_id"] == "copy_of_hunan"
    assert (audit[verdict.fact_id]["start"], audit[verdict.fact_id]["end"]) == (fact["start"], fact["end"])


def test_remove_of_an_unknown_article_is_one_line_and_the_others_still_go(built):
    corpus, outputs = built
    result = run("remove", "nope", "jiangsu", "--corpus", corpus, "--no-build")
    assert result.exit_code == 1
    assert f"error: nope: no article nope in {corpus}\n" in result.output
    assert "removed jiangsu" in result.output and not (corpus / "jiangsu.txt").exists()


def test_a_text_deleted_by_hand_is_named_by_build_and_remove_drops_its_row(built):
    corpus, outputs = built
    (corpus / "jiangsu.txt").unlink()
    result = run("build", corpus, "-o", outputs)
    assert result.exit_code == 0, result.output
    assert (f"warning: {corpus}/manifest.csv has 1 row for files not in the corpus, left out of the build "
            "(aidfacts remove DOC_ID takes a row out): jiangsu.txt") in result.output
    result = run("remove", "jiangsu", "--corpus", corpus, "-o", outputs)
    assert result.exit_code == 0, result.output
    assert "its manifest row (its text was already gone)" in result.output
    assert "jiangsu.txt" not in read_manifest(corpus) and "manifest.csv has" not in result.output
    assert (corpus / "removed" / "jiangsu-no-text" / "manifest.csv").is_file()


def test_a_removal_that_cannot_keep_the_article_aside_removes_nothing(built, monkeypatch):
    corpus, outputs = built
    fact = facts_of(outputs, "hunan")[0]["fact_id"]
    assert run("review", fact, "--reject", "-o", outputs).exit_code == 0
    before = files(corpus)
    from extract.dataset import removal

    def full_disk(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(removal, "write_entry", full_disk)
    result = run("remove", "hunan", "--corpus", corpus, "--no-build")
    assert result.exit_code == 1
    assert "cannot keep the article aside (No space left on device); nothing removed" in result.output
    assert files(corpus) == before


@pytest.mark.parametrize("when", ["after the entry", "after the text"])
def test_a_process_killed_while_removing_loses_no_verdict(built, when):
    """Killed once the entry is written, or once the text has left the corpus: the verdict is in verdicts.csv
    or kept aside (or both), and `remove` again finishes the job."""
    corpus, outputs = built
    fact = facts_of(outputs, "hunan")[0]["fact_id"]
    assert run("review", fact, "--reject", "-o", outputs).exit_code == 0
    script = (
        "import os, signal, sys\n"
        "from pathlib import Path\n"
        "from extract.dataset import removal\n"
        "real_entry, real_unlink = removal.write_entry, Path.unlink\n"
        "def entry(*args):\n"
        "    real_entry(*args)\n"
        "    if sys.argv[3] == 'after the entry': os.kill(os.getpid(), signal.SIGKILL)\n"
        "def unlink(self, *args, **kwargs):\n"
        "    real_unlink(self, *args, **kwargs)\n"
        "    if self.name == 'hunan.txt': os.kill(os.getpid(), signal.SIGKILL)\n"
        "removal.write_entry = entry\n"
        "Path.unlink = unlink\n"
        "removal.remove_article(sys.argv[1], 'hunan', sys.argv[2])\n")
    run_until_killed(script, corpus, outputs, when)
    kept = [read_verdicts(entry) for entry in (corpus / "removed").iterdir() if entry.is_dir()]
    assert fact in read_verdicts(corpus) or any(fact in k for k in kept)
    assert run("remove", "hunan", "--corpus", corpus, "--no-build").exit_code == 0
    assert not (corpus / "hunan.txt").exists() and "hunan.txt" not in read_manifest(corpus)
    kept = [read_verdicts(entry) for entry in (corpus / "removed").iterdir() if entry.is_dir()]
    assert fact not in read_verdicts(corpus) and any(fact in k for k in kept)


def test_remove_add_meta_and_review_at_once_lose_nothing(built, tmp_path):
    """Real processes at once: a remove, an add, a meta and verdicts: every one of them is kept."""
    corpus, outputs = built
    jiangsu = facts_of(outputs, "jiangsu")
    hunan = facts_of(outputs, "hunan")[0]["fact_id"]
    assert run("review", hunan, "--reject", "-o", outputs).exit_code == 0
    (tmp_path / "new.txt").write_text("Shanxi sent 90 doctors to Xiaogan on Feb 13, 2020. They arrived at noon.",
                                      encoding="utf-8")
    processes = [aidfacts_process("remove", "hunan", "--corpus", corpus, "--no-build"),
                 aidfacts_process("add", tmp_path / "new.txt", "--corpus", corpus, "--no-build"),
                 aidfacts_process("meta", "jiangsu", "--published", "2020-02-12", "--corpus", corpus, "--no-build")]
    processes += [aidfacts_process("review", row["fact_id"], "--accept", "-o", outputs, "--corpus", corpus)
                  for row in jiangsu[:3]]
    results = [(p.wait(timeout=300), p.stderr.read()) for p in processes]
    assert all(code == 0 for code, _ in results), results
    assert {p.name for p in corpus.glob("*.txt")} == {"jiangsu.txt", "new.txt"}
    manifest = read_manifest(corpus)
    assert set(manifest) == {"jiangsu.txt", "new.txt"} and manifest["jiangsu.txt"]["published"] == "2020-02-12"
    assert set(read_verdicts(corpus)) == {row["fact_id"] for row in jiangsu[:3]}
    (entry,) = (corpus / "removed").iterdir()
    assert set(read_verdicts(entry)) == {hunan}


def test_a_removed_folder_that_is_a_symbolic_link_is_refused(built, tmp_path):
    corpus, outputs = built
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (corpus / "removed").symlink_to(elsewhere)
    result = run("remove", "hunan", "--corpus", corpus, "--no-build")
    assert result.exit_code == 1 and f"{corpus / 'removed'} is a symbolic link or a file, not a folder of the corpus" in result.output
    assert (corpus / "hunan.txt").exists() and list(elsewhere.iterdir()) == []
