"""Outputs know their corpus: the build records where the corpus is, relative to the outputs folder, in
datapackage.json's `sources`, and audit, review and the review app read it back."""
from __future__ import annotations

import json
import os
from pathlib import Path


def corpus_link(corpus: Path, outputs: Path) -> str:
    """Where the corpus is as seen from the outputs folder (`../corpus`): relative, so the outputs stay the same
    bytes on any machine and the pair can be moved together."""
    return Path(os.path.relpath(corpus.resolve(), outputs.resolve())).as_posix()


def recorded_corpus(outputs: Path | str) -> Path | None:
    """The corpus a built outputs folder was made from, as recorded in its datapackage.json (None if unknown)."""
    try:
        with open(Path(outputs) / "datapackage.json", encoding="utf-8") as handle:
            sources = json.load(handle).get("sources") or []
    except (OSError, ValueError, AttributeError):
        return None
    for source in sources:
        if isinstance(source, dict) and source.get("title") == "corpus" and isinstance(source.get("path"), str):
            return Path(os.path.normpath(Path(outputs) / source["path"]))
    return None
