from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from extract.nlp.pipeline import build_nlp, extract_doc
from extract.nlp.records import doc_to_facts

PROJECT = Path(__file__).resolve().parent.parent
# The developers' data: the hand-annotated gold files and the 52-article devset, kept beside the project (not
# shipped with it); AIDFACTS_SHARED points elsewhere
SHARED = Path(os.environ.get("AIDFACTS_SHARED") or PROJECT.parent / "shared")
DEVELOPERS_DATA = ("needs the developers' annotated articles (gold files and the devset, not shipped with aidfacts: "
                   "see Tests in README.md)")
# The three seed articles, kept under tests/ (the golden files' inputs): tests read these, never the project's
# corpus/ or outputs/, which are the user's to change (aidfacts add, aidfacts review).
SEEDS = Path(__file__).resolve().parent / "test_golden"
# The rest of the bundled corpus as shipped (the seed's intact opening, evidence for its blanks), kept here too
BUNDLED_EXTRA = Path(__file__).resolve().parent / "corpus"


def pytest_addoption(parser):
    parser.addoption("--regen-golden", action="store_true", default=False,
                     help="Rewrite the golden files from the current output instead of comparing.")


@pytest.fixture(scope="session")
def nlp():
    return build_nlp()


@pytest.fixture(scope="session")
def facts_of(nlp):
    """Facts of a text as dicts, for table-driven tests."""
    def run(text: str, published: str | None = "2020-02-12", kind: str | None = None) -> list[dict]:
        doc = extract_doc(text, "t", published, nlp)
        facts = [f.to_dict() for f in doc_to_facts(doc, "t")]
        return [f for f in facts if kind is None or f["kind"] == kind]
    return run


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip(DEVELOPERS_DATA)
    return SHARED


def copy_seeds(folder: Path) -> Path:
    """`folder` made a corpus of the three seed articles (no manifest, no verdicts)."""
    folder.mkdir(parents=True, exist_ok=True)
    for path in sorted(SEEDS.glob("*.txt")):
        shutil.copy(path, folder / path.name)
    return folder


def copy_bundled(folder: Path) -> Path:
    """`folder` made a copy of the bundled corpus as shipped: the seeds and the articles beside them."""
    copy_seeds(folder)
    for path in sorted(BUNDLED_EXTRA.glob("*.txt")):
        shutil.copy(path, folder / path.name)
    return folder


@pytest.fixture
def seed_corpus(tmp_path) -> Path:
    """A corpus folder of the three seed articles, a fresh copy per test."""
    return copy_seeds(tmp_path / "corpus")


# AIDFACTS_CHROMIUM / AIDFACTS_CHROMEDRIVER point elsewhere (a missing path: run as on a machine without them)
CHROMIUM = os.environ.get("AIDFACTS_CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("AIDFACTS_CHROMEDRIVER", "/usr/bin/chromedriver")


def headless_browser(window: str = "1400,1000"):
    """Debian's headless Chromium under selenium, with the flags this machine's closed network needs; skipped
    where it is not installed, and a failure in CI, which must install it (.ci/run)."""
    if not (os.path.exists(CHROMIUM) and os.path.exists(CHROMEDRIVER)):
        if os.environ.get("CI"):
            pytest.fail("CI must install Debian's chromium and chromium-driver (see .ci/run)")
        pytest.skip("Debian chromium and chromium-driver are not installed")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 f"--window-size={window}"):
        options.add_argument(flag)
    return webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)


def write_corpus(folder: Path, articles: dict[str, tuple[str, str]]) -> Path:
    """A corpus folder of {doc_id: (published, text)} with its manifest.csv."""
    import csv

    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / "manifest.csv", "w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["file", "published", "source", "url", "title"])
        for doc_id, (published, text) in articles.items():
            (folder / f"{doc_id}.txt").write_text(text, encoding="utf-8")
            writer.writerow([f"{doc_id}.txt", published, "", "", ""])
    return folder


def project_env() -> dict[str, str]:
    """The environment of a child process that imports this checkout's code."""
    return {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(PROJECT), os.environ.get("PYTHONPATH")]))}


def aidfacts_process(*args, **kwargs) -> subprocess.Popen:
    """The CLI in a process of its own (what two terminals do), from the project's code."""
    return subprocess.Popen([sys.executable, "-m", "extract", *map(str, args)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=project_env(), **kwargs)


def run_until_killed(script: str, *args) -> None:
    """Run a Python script (which kills itself at a chosen point) in a process of its own; it must die by SIGKILL."""
    killed = subprocess.run([sys.executable, "-c", script, *map(str, args)], env=project_env(), timeout=120)
    assert killed.returncode == -9
