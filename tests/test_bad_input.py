"""Bad input: each case is handled or refused with one line naming the file and the reason (exit 1),
and in a batch the other articles are still processed."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from extract.cli import cli
from extract.dataset.build import build_dataset, load_dataset

GOOD = "Hunan Province sent 120 medical workers to Huanggang on Monday."


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args])


def facts_of(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines() if line.startswith("{")]


REFUSED = [
    ("empty.txt", b"", "empty.txt: empty article (no text)"),
    ("blank.txt", b"  \n\t \r\n", "blank.txt: empty article (no text)"),
    ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00", "image.txt: binary file, not text"),
]


@pytest.mark.parametrize("name, data, message", REFUSED, ids=[r[0] for r in REFUSED])
def test_refused_with_one_line_and_batch_goes_on(tmp_path, name, data, message):
    bad = tmp_path / name
    bad.write_bytes(data)
    good = tmp_path / "good.txt"
    good.write_text(GOOD, encoding="utf-8")
    result = run("extract", bad, good, "--published", "2020-02-12")
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert errors == [f"error: {tmp_path}/{message}"]
    assert {f["doc_id"] for f in facts_of(result.stdout)} == {"good"}


HANDLED = [
    ("utf16.txt", GOOD.encode("utf-16")),
    ("utf16-le-without-bom.txt", GOOD.encode("utf-16-le")),   # told by its NULs, not called binary
    ("utf16-be-without-bom.txt", GOOD.encode("utf-16-be")),
    ("bom.txt", GOOD.encode("utf-8-sig")),
    ("invalid-utf8.txt", GOOD.encode("utf-8").replace(b"Monday", b"Monday \xe9t\xe9")),
    ("crlf.txt", (GOOD + "\r\nXiaogan had 2,000 confirmed cases.\r\n").encode("utf-8")),
    ("gbk.txt", ("湖南省支援黄冈。" + GOOD).encode("gb18030")),
    ("page.html", f"<!DOCTYPE html><html><head><style>p{{}}</style></head><body><p>{GOOD}</p></body></html>"
                  .encode("utf-8")),
    ("with spaces ünïcode 武汉.txt", GOOD.encode("utf-8")),
    # numerals longer than Python reads as an int (4,300 digits) are no number, not a crash of the batch
    ("long-numerals.txt", (GOOD + " Code " + ",".join(["123"] * 1500) + ". Cases: " + "9" * 5000 + ".").encode()),
]


@pytest.mark.parametrize("name, data", HANDLED, ids=[h[0] for h in HANDLED])
def test_handled(tmp_path, name, data):
    path = tmp_path / name
    path.write_bytes(data)
    result = run("extract", path, "--published", "2020-02-12")
    assert result.exit_code == 0, result.output
    facts = facts_of(result.stdout)
    staff = [f for f in facts if f["kind"] == "personnel_count"]
    assert [(f["value"], f["origin"], f["destination"], f["date"]) for f in staff] == [
        (120, "Hunan", "Huanggang", "2020-02-10")]
    assert all("\r" not in f["text"] for f in facts)


def test_a_numeral_of_thousands_of_digits_breaks_no_build(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "long.txt").write_text(GOOD + " Code " + ",".join(["123"] * 1500) + ".\n", encoding="utf-8")
    (corpus / "good.txt").write_text(GOOD + "\n", encoding="utf-8")
    report = build_dataset(corpus, tmp_path / "outputs", use_cache=False)
    assert report.documents == 2
    facts = load_dataset(tmp_path / "outputs")["facts"]
    staff = facts[facts.kind == "personnel_count"]
    assert sorted(staff.doc_id) == ["good", "long"] and set(staff.value) == {120}


def test_fifty_megabyte_article_is_refused(tmp_path):
    big = tmp_path / "huge.txt"
    with open(big, "wb") as out:
        chunk = (GOOD + " ").encode("utf-8") * 1000
        while out.tell() < 50 * 1024 * 1024:
            out.write(chunk)
    good = tmp_path / "good.txt"
    good.write_text(GOOD, encoding="utf-8")
    result = run("extract", big, good, "--published", "2020-02-12")
    assert result.exit_code == 1
    assert f"error: {big}: too large for an article" in result.stderr
    assert {f["doc_id"] for f in facts_of(result.stdout)} == {"good"}


def test_missing_file_and_directory(tmp_path):
    (tmp_path / "folder.txt").mkdir()
    good = tmp_path / "good.txt"
    good.write_text(GOOD, encoding="utf-8")
    result = run("extract", tmp_path / "nope.txt", tmp_path / "folder.txt", good, "--published", "2020-02-12")
    assert result.exit_code == 1
    assert f"error: {tmp_path}/nope.txt: no such file" in result.stderr
    assert f"error: {tmp_path}/folder.txt: is a directory, not an article file" in result.stderr
    assert {f["doc_id"] for f in facts_of(result.stdout)} == {"good"}


def test_unknown_format(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(GOOD, encoding="utf-8")
    result = run("extract", good, "--format", "xml")
    assert result.exit_code == 2
    assert "Invalid value for '--format'" in result.output and "'xml' is not one of" in result.output


@pytest.mark.parametrize("bad", ["2020-02-30", "last week", "12/02/2020"])
def test_invalid_published(tmp_path, bad):
    good = tmp_path / "good.txt"
    good.write_text(GOOD, encoding="utf-8")
    result = run("extract", good, "--published", bad)
    assert result.exit_code == 2
    assert "Invalid value for '--published'" in result.output and "invalid publication date" in result.output


def test_bad_manifest_date_names_the_file(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "good.txt").write_text(GOOD, encoding="utf-8")
    (corpus / "odd.txt").write_text(GOOD.replace("120", "130"), encoding="utf-8")
    (corpus / "manifest.csv").write_text("file,published,source,url,title\nodd.txt,Feb 2020,,,\n", encoding="utf-8")
    build_dataset(corpus, tmp_path / "out", use_cache=False)
    errors = load_dataset(tmp_path / "out")["errors"].to_dict(orient="records")
    assert errors == [{"file": "odd.txt", "error": "invalid publication date 'Feb 2020' (expected YYYY-MM-DD, YYYY-MM or YYYY, years 1900-2100)"}]
    assert list(load_dataset(tmp_path / "out")["documents"]["doc_id"]) == ["good"]


def test_every_verb_has_help_with_an_example():
    for name, command in cli.commands.items():
        result = run(name, "--help")
        assert result.exit_code == 0, name
        assert "Example:" in result.output or name == "evaluate" or "Example" in (command.help or ""), name


def test_article_error_survives_pickling():
    """Errors come back from worker processes pickled; one that cannot be rebuilt would hang the pool."""
    import pickle

    from extract.dataset.corpus import ArticleError

    error = pickle.loads(pickle.dumps(ArticleError("corpus/a b.txt", "binary file, not text")))
    assert (error.path, error.reason, str(error)) == ("corpus/a b.txt", "binary file, not text",
                                                      "corpus/a b.txt: binary file, not text")
