"""A newcomer's first hour (issue 21): what a new user does first, each step without a surprise."""
from __future__ import annotations

import os
from pathlib import Path

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
