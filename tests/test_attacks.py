"""Attacks of a hostile but realistic user (issue 12): each one is refused in one line, or survived, and never
deletes what the user made, hangs, or leaves a half-written dataset."""
from __future__ import annotations

import errno
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
        build_dataset(corpus, tmp_path / "out", use_cache=False)
    finally:
        os.umask(old)
    assert (tmp_path / "out").stat().st_mode & 0o777 == 0o755
    assert (tmp_path / "out" / "facts.csv").stat().st_mode & 0o777 == 0o644


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


def test_cli_process_exits_one_line_on_a_broken_pipe(tmp_path, corpus):
    process = subprocess.run(f"{sys.executable} -m extract extract {corpus}/a.txt {corpus}/b.txt | head -c 1",
                             shell=True, capture_output=True, text=True, timeout=120)
    assert "Traceback" not in process.stderr
