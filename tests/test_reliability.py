"""Nothing lost, nothing injected (issue 20): concurrent writers with real processes, hostile servers on
127.0.0.1, links and FIFOs, edited outputs opened in the report, bad bodies posted to the review app."""
from __future__ import annotations

import csv
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from extract.cli import cli
from extract.dataset.corpus import read_manifest

PROJECT = Path(__file__).resolve().parent.parent


def article(n: int) -> str:
    return f"Hunan Province sent {100 + n} medical workers to Huanggang on Monday, February 10, 2020."


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args])


def aidfacts(*args, **kwargs) -> subprocess.Popen:
    """The CLI in a process of its own (what two terminals do), from the project's code."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(PROJECT), os.environ.get("PYTHONPATH")]))}
    return subprocess.Popen([sys.executable, "-m", "extract", *map(str, args)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=env, **kwargs)


def finish(processes: list[subprocess.Popen]) -> list[tuple[int, str]]:
    results = []
    for process in processes:
        try:
            _, err = process.communicate(timeout=120)
        finally:
            if process.poll() is None:
                process.kill()
                process.wait()
        results.append((process.returncode, err))
    return results


# -- 1. add and meta at once lose nothing -----------------------------------------------------------------------

def test_adds_of_files_with_the_same_name_and_a_meta_at_once_lose_nothing(tmp_path):
    """Real processes at once: each `add` takes its own doc_id and row, the `meta` keeps its change, and the
    manifest's earlier rows all stay (it is large, so that its write takes a while)."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "seed.txt").write_text(article(99), encoding="utf-8")
    with open(corpus / "manifest.csv", "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["file", "published", "source", "url", "title"])
        writer.writerow(["seed.txt", "2020-02-10", "", "", ""])
        for n in range(20000):
            writer.writerow([f"old{n:05d}.txt", "2020-02-10", "Xinhua", f"https://news.example/{n}", "x" * 60])
    sources = []
    for n in range(3):
        folder = tmp_path / f"from{n}"
        folder.mkdir()
        (folder / "report.txt").write_text(article(n), encoding="utf-8")
        sources.append(folder / "report.txt")
    processes = [aidfacts("add", source, "--corpus", corpus, "--no-build") for source in sources]
    processes.append(aidfacts("meta", "seed", "--source", "Riverside Daily", "--corpus", corpus, "--no-build"))
    results = finish(processes)
    assert all(code == 0 for code, _ in results), results
    texts = sorted(p.read_text(encoding="utf-8") for p in corpus.glob("report*.txt"))
    assert texts == sorted(article(n) for n in range(3))
    rows = read_manifest(corpus)
    assert {p.name for p in corpus.glob("report*.txt")} <= set(rows)
    assert rows["seed.txt"]["source"] == "Riverside Daily"
    assert len(rows) == 20000 + 1 + 3
