"""The build's on-disk listing of a corpus folder: the same files in the same order as corpus.article_paths sorted
by doc_id, the same manifest rows as corpus.read_manifest, and the same errors for a bad manifest."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

from extract.dataset.corpus import SideFileError, article_paths, doc_id_for, read_manifest
from extract.dataset.listing import CorpusListing

NAMES = ["b.txt", "a.txt", "a.b.txt", "a-b.txt", "A.txt", "a.TXT", "é.txt", "z.html", "ab.htm", "a.text",
         "日报.txt", "x.md", ".txt", "noext", "a b.txt"]


def listed(folder: Path) -> tuple[list[Path], CorpusListing]:
    listing = CorpusListing(folder)
    return list(listing.article_paths()), listing


def test_files_in_doc_id_order_as_the_sorted_listing(tmp_path):
    for name in NAMES:
        (tmp_path / name).write_text("x", encoding="utf-8")
    (tmp_path / "folder.txt").mkdir()   # a folder with an article's suffix is no article
    try:   # a name that is not UTF-8 (Linux allows any bytes): kept as its surrogate escapes, in Python's order
        (tmp_path / os.fsdecode(b"caf\xe9.txt")).write_text("x", encoding="utf-8")
    except (OSError, UnicodeEncodeError):
        pass
    paths, listing = listed(tmp_path)
    try:
        expected = sorted(article_paths(tmp_path), key=lambda p: (doc_id_for(p), p.name))
        assert paths == expected and len(paths) >= 12
        assert listing.count() == len(expected)
    finally:
        listing.close()


def test_manifest_rows_and_unlisted_files(tmp_path):
    (tmp_path / "one.txt").write_text("x", encoding="utf-8")
    (tmp_path / "manifest.csv").write_text(
        "\ufefffile,published,source,title\r\none.txt,2020-02-10,Xinhua,\"A, title\"\r\n"
        "gone.txt,2020-02-11,,\r\n\r\nalso gone.txt,,,\r\n", encoding="utf-8")
    listing = CorpusListing(tmp_path)
    try:
        rows = read_manifest(tmp_path)
        for name in ("one.txt", "gone.txt", "also gone.txt"):
            assert listing.get(name, {}) == rows[name]
        assert listing.get("other.txt", {}) == {} and listing.get(os.fsdecode(b"\xff.txt")) is None
        assert listing.unlisted() == ["also gone.txt", "gone.txt"]
    finally:
        listing.close()


def test_no_manifest(tmp_path):
    (tmp_path / "one.txt").write_text("x", encoding="utf-8")
    listing = CorpusListing(tmp_path)
    scratch = listing.scratch
    assert listing.get("one.txt", {}) == {} and listing.unlisted() == []
    listing.close()
    assert not os.path.exists(scratch)   # the listing's file goes with it


@pytest.mark.parametrize("manifest", [
    b"file,published\na.txt,2020-02-10\na.txt,2020-02-11\n",            # listed twice
    b"file,published\na.txt,2020-02-10,extra\n",                        # a row longer than the header
    b"file,published\nsub/a.txt,2020-02-10\n",                          # not a file name
    b"file,source\na.txt,x\n",                                          # no published column
    b"file,file,published\n",                                           # a column twice
    b"",                                                                # no header
    b"file,published\na.txt,2020-02-10\nb.txt,\xff\xfe\n",              # not UTF-8
    b"file,published\na.txt,\"2020-02-10\n",                            # a quote never closed
])
def test_a_bad_manifest_is_reported_as_read_manifest_reports_it(tmp_path, manifest, monkeypatch):
    (tmp_path / "manifest.csv").write_bytes(manifest)
    try:
        rows = read_manifest(tmp_path)
    except SideFileError as expected:
        scratch = tmp_path / "scratch"
        scratch.mkdir()
        monkeypatch.setattr(tempfile, "tempdir", str(scratch))
        with pytest.raises(SideFileError) as found:
            CorpusListing(tmp_path)
        assert str(found.value) == str(expected)
        assert not any(scratch.iterdir())   # no scratch left behind
    else:   # the csv module reads a quote left open to the end of the file: so must the listing
        listing = CorpusListing(tmp_path)
        try:
            assert rows and all(listing.get(name) == row for name, row in rows.items())
        finally:
            listing.close()
