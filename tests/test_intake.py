"""Taking in real pages: the article without the page around it, the page's metadata, URLs fetched within
bounds, all or nothing; metadata fixed afterwards; stdin, the table format and undated articles."""
from __future__ import annotations

import http.server
import json
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner

from extract.audit.fact_formats import table_lines
from extract.cli import cli
from extract.dataset.build import build_dataset, load_dataset
from extract.dataset.corpus import ArticleError, read_manifest
from extract.dataset.fetch import MAX_PAGE_BYTES
from extract.dataset.intake import add_article
from extract.nlp.pipeline import extract_doc
from extract.nlp.records import doc_to_facts

PAGES = Path(__file__).parent / "pages"


# Each saved page: what its markup says, a fact of its article, and what only its boilerplate (navigation,
# tickers, related and most-read lists, comments, footers) holds: regions and numbers that must not be facts.
PAGE_CASES = {
    "article_jsonld.html": dict(
        title="Hunan medical team arrives in Huanggang", published="2020-02-14", source="Riverside Daily",
        url="https://www.riverside-daily.example/world/2020-02/14/hunan-team-huanggang.html",
        fact=("personnel_count", 137), boilerplate=["Related stories", "Copyright", "Jiangsu", "reader_cq", "Share"],
        regions={"Jiangsu", "Tianjin", "Guizhou", "Shandong", "Huangshi", "Guangxi", "Fujian", "Yichang",
                 "Chongqing", "Xiaogan", "Wuhan", "Beijing"}, values={3, 300, 9, 150, 500, 12}),
    "nested_divs_meta.html": dict(
        title="Jiangsu dispatches second team to Huangshi", published="2020-02-12", source=None,
        url="http://en.provnews.example/2020-02/12/c_1234567.htm",
        fact=("personnel_count", 210), boilerplate=["Most popular", "Latest comments", "Copyright", "Editor"],
        regions={"Hubei", "Henan", "Zhejiang", "Jingmen", "Anhui", "Xiangyang", "Yunnan", "Liaoning", "Jingzhou",
                 "Hainan"}, values={400, 250, 12, 1}),
    "meta_published_time.html": dict(
        title="Chongqing doctors reach Xiaogan", published="2020-02-16", source="Upriver Times",
        url="https://upriver-times.example/news/chongqing-doctors-xiaogan",
        fact=("personnel_count", 128), boilerplate=["cookies", "Read next", "newsletter", "Tags", "rights"],
        regions={"Shaanxi", "Sichuan", "Ganzi", "Qinghai", "Chengdu"}, values={600, 18, 88, 5, 4}),
    "undated.html": dict(
        title="Henan team sets off for Wuhan", published=None, source=None, url=None,
        fact=("personnel_count", 152), boilerplate=["Powered by", "Local", "volunteers"],
        regions={"Guangdong", "Gansu", "Ningxia"}, values=set()),
}


def corpus_state(corpus: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(corpus.iterdir())} if corpus.is_dir() else {}


def facts_of(text: str, doc_id: str, published: str | None) -> list[dict]:
    return [f.to_dict() for f in doc_to_facts(extract_doc(text, doc_id, published), doc_id)]


@pytest.mark.parametrize("name", sorted(PAGE_CASES))
def test_a_saved_page_enters_as_its_article_with_its_metadata(name, tmp_path):
    case = PAGE_CASES[name]
    corpus = tmp_path / "corpus"
    doc_id = add_article(PAGES / name, corpus)
    text = (corpus / f"{doc_id}.txt").read_text(encoding="utf-8")
    row = read_manifest(corpus)[f"{doc_id}.txt"]
    assert (row["title"], row["published"] or None, row["url"] or None) == (case["title"], case["published"],
                                                                            case["url"])
    assert case["source"] is None or row["source"] == case["source"]
    assert text.startswith(case["title"] + "\n\n")
    for phrase in case["boilerplate"]:
        assert phrase not in text, f"boilerplate {phrase!r} kept as article text"
    facts = facts_of(text, doc_id, row["published"] or None)
    assert case["fact"] in {(f["kind"], f["value"]) for f in facts}
    named = {f[field] for f in facts for field in ("region", "origin", "destination", "helper", "recipient")}
    assert not named & case["regions"], "a region of the boilerplate became a fact"
    counts = {f["value"] for f in facts if f["kind"].endswith("_count")}
    assert not counts & case["values"], "a number of the boilerplate became a fact"


def test_the_command_line_wins_over_the_page(tmp_path):
    corpus = tmp_path / "corpus"
    doc_id = add_article(PAGES / "article_jsonld.html", corpus, published="2020-02-15", source="Xinhua",
                         title="Own title")
    row = read_manifest(corpus)[f"{doc_id}.txt"]
    assert (row["published"], row["source"], row["title"]) == ("2020-02-15", "Xinhua", "Own title")
    assert row["url"].startswith("https://www.riverside-daily.example/")


def test_a_page_in_the_corpus_is_read_as_its_article(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "page.html").write_bytes((PAGES / "nested_divs_meta.html").read_bytes())
    build_dataset(corpus, tmp_path / "out", use_cache=False)
    facts = load_dataset(tmp_path / "out")["facts"]
    assert "Jiangsu" in set(facts["region"]) and not {"Anhui", "Zhejiang"} & set(facts["region"])


# --- URLs, against a server on this machine -----------------------------------------------------------------

class PageServer(http.server.BaseHTTPRequestHandler):
    """The saved pages, a redirect, a 404, a PDF, pages over the size limit and one that never answers."""
    release = threading.Event()

    def do_GET(self):
        try:
            self.respond()
        except (BrokenPipeError, ConnectionResetError):
            pass   # the client stopped reading, as it should past the size limit

    def respond(self):
        name = self.path.lstrip("/")
        if name == "moved":
            self.send_response(301)
            self.send_header("Location", "/pages/article_jsonld.html")
            self.end_headers()
        elif name.startswith("pages/") and (PAGES / name[6:]).is_file():
            self.send(200, "text/html; charset=utf-8", (PAGES / name[6:]).read_bytes())
        elif name == "report.pdf":
            self.send(200, "application/pdf", b"%PDF-1.4\n" + b"0" * 2000)
        elif name in ("huge-declared.html", "huge-streamed.html"):
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            if name == "huge-declared.html":
                self.send_header("Content-Length", str(MAX_PAGE_BYTES + 1))
            self.end_headers()
            chunk = b"<p>" + b"Hunan sent 120 nurses to Huanggang. " * 1800 + b"</p>\n"
            for _ in range(MAX_PAGE_BYTES // len(chunk) + 2):
                self.wfile.write(chunk)
        elif name == "slow.html":
            self.release.wait(10)   # longer than the client's timeout; the test's end releases it
            self.send(200, "text/html", b"<p>late</p>")
        else:
            self.send(404, "text/html", b"<h1>Not Found</h1>")

    def send(self, status: int, content_type: str, body: bytes):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def server():
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), PageServer)
    httpd.daemon_threads, httpd.block_on_close = True, False
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    PageServer.release.set()
    httpd.shutdown()
    httpd.server_close()


def add_cli(*args):
    return CliRunner().invoke(cli, ["add", *args, "--no-build"])


def test_add_a_url(server, tmp_path):
    corpus = tmp_path / "corpus"
    result = add_cli(f"{server}/pages/article_jsonld.html", "--corpus", str(corpus))
    assert result.exit_code == 0, result.output
    row = read_manifest(corpus)["article_jsonld.txt"]
    assert (row["title"], row["published"], row["source"]) == ("Hunan medical team arrives in Huanggang",
                                                               "2020-02-14", "Riverside Daily")
    assert row["url"] == f"{server}/pages/article_jsonld.html"
    text = (corpus / "article_jsonld.txt").read_text(encoding="utf-8")
    assert "137 medical workers" in text and "Related stories" not in text


def test_add_a_url_follows_redirects_and_records_the_final_address(server, tmp_path):
    corpus = tmp_path / "corpus"
    result = add_cli(f"{server}/moved", "--corpus", str(corpus))
    assert result.exit_code == 0, result.output
    (row,) = read_manifest(corpus).values()
    assert row["url"] == f"{server}/pages/article_jsonld.html" and row["file"] == "article_jsonld.txt"


@pytest.mark.parametrize("path, options, reason", [
    ("missing.html", [], "HTTP 404 Not Found"),
    ("report.pdf", [], "not a web page or a text (Content-Type application/pdf)"),
    ("huge-declared.html", [], f"too large: {MAX_PAGE_BYTES + 1:,} bytes"),
    ("huge-streamed.html", [], f"too large: more than {MAX_PAGE_BYTES:,} bytes"),
    ("slow.html", ["--timeout", "0.5"], "timed out after 0.5 s"),
])
def test_a_url_that_gives_no_article_is_one_line_and_changes_nothing(server, tmp_path, path, options, reason):
    corpus = tmp_path / "corpus"
    add_article(PAGES / "undated.html", corpus)
    before = corpus_state(corpus)
    result = add_cli(f"{server}/{path}", "--corpus", str(corpus), *options)
    assert result.exit_code == 1
    assert result.output.count("\n") == 1, result.output
    assert result.output.startswith(f"error: {server}/{path}: ") and reason in result.output
    assert corpus_state(corpus) == before


def test_an_unreachable_host_is_one_line(tmp_path):
    import socket

    with socket.socket() as probe:   # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    result = add_cli(f"http://127.0.0.1:{port}/a.html", "--corpus", str(tmp_path / "corpus"))
    assert result.exit_code == 1 and result.output.count("\n") == 1 and "cannot be fetched" in result.output
    assert not (tmp_path / "corpus").exists() or corpus_state(tmp_path / "corpus") == {}


# --- all or nothing -----------------------------------------------------------------------------------------

def test_an_article_the_pipeline_fails_on_is_refused_before_it_is_copied(tmp_path, monkeypatch):
    corpus = tmp_path / "corpus"
    add_article(PAGES / "undated.html", corpus)
    before = corpus_state(corpus)

    def failing(*args, **kwargs):
        raise OverflowError("date value out of range")

    monkeypatch.setattr("extract.nlp.pipeline.extract_doc", failing)
    with pytest.raises(ArticleError, match="cannot be extracted \\(date value out of range\\)"):
        add_article(PAGES / "article_jsonld.html", corpus)
    assert corpus_state(corpus) == before


def test_an_article_over_the_time_budget_is_refused_before_it_is_copied(tmp_path, monkeypatch):
    corpus = tmp_path / "corpus"
    add_article(PAGES / "undated.html", corpus)
    before = corpus_state(corpus)

    def endless(*args, **kwargs):
        threading.Event().wait(30)   # a pathological text, stopped by the budget's alarm

    monkeypatch.setattr("extract.nlp.pipeline.extract_doc", endless)
    monkeypatch.setattr("extract.dataset.intake.CHECK_SECONDS", 0.2)
    with pytest.raises(ArticleError, match="not extracted within 0.2 s"):
        add_article(PAGES / "article_jsonld.html", corpus)
    assert corpus_state(corpus) == before


def test_a_failed_manifest_write_leaves_no_article(tmp_path, monkeypatch):
    corpus = tmp_path / "corpus"
    add_article(PAGES / "undated.html", corpus)
    before = corpus_state(corpus)

    def full_disk(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("extract.dataset.intake.write_manifest", full_disk)
    with pytest.raises(OSError):
        add_article(PAGES / "article_jsonld.html", corpus)
    assert corpus_state(corpus) == before


# --- metadata fixes -----------------------------------------------------------------------------------------

def test_meta_sets_the_manifest_and_keeps_fact_ids(tmp_path):
    corpus, out = tmp_path / "corpus", tmp_path / "out"
    add_article(PAGES / "undated.html", corpus)
    build_dataset(corpus, out, use_cache=False)
    before = load_dataset(out)
    assert before["documents"]["warnings"].tolist() == ["no publication date"]
    result = CliRunner().invoke(cli, ["meta", "undated", "--published", "2020-02-18", "--source", "Local Notes",
                                      "--corpus", str(corpus), "-o", str(out)])
    assert result.exit_code == 0, result.output
    row = read_manifest(corpus)["undated.txt"]
    assert (row["published"], row["source"], row["title"]) == ("2020-02-18", "Local Notes",
                                                               "Henan team sets off for Wuhan")
    after = load_dataset(out)
    document = after["documents"].iloc[0]
    assert str(document["published"]) == "2020-02-18" and document["source"] == "Local Notes"
    assert document["warnings"] is None or document["warnings"] != document["warnings"] or not document["warnings"]
    assert set(before["facts"]["fact_id"]) <= set(after["facts"]["fact_id"])
    staff = after["facts"].query("kind == 'personnel_count'").iloc[0]
    assert str(staff["date"]) == "2020-02-18"   # "on Tuesday" resolves now that the article has a date


def test_meta_add_and_remove_keep_the_columns_the_user_added_to_the_manifest(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Hunan sent 120 medical workers to Huanggang on Monday.\n", encoding="utf-8")
    (corpus / "manifest.csv").write_text('file,published,source,url,title,my_notes\n'
                                         'a.txt,2020-02-04,X,,,"important, keep"\n', encoding="utf-8")
    other = tmp_path / "b.txt"
    other.write_text("Hubei reported 5 new cases on Monday.\n", encoding="utf-8")
    for args in (["meta", "a", "--source", "Z"], ["add", str(other), "--published", "2020-02-05"], ["remove", "b"]):
        result = CliRunner().invoke(cli, [*args, "--corpus", str(corpus), "--no-build"])
        assert result.exit_code == 0, result.output
        assert read_manifest(corpus)["a.txt"]["my_notes"] == "important, keep", args
    assert read_manifest(corpus)["a.txt"]["source"] == "Z"


def test_meta_refuses_an_unknown_article_and_a_bad_date(seed_corpus):
    runner = CliRunner()
    unknown = runner.invoke(cli, ["meta", "nope", "--title", "x", "--corpus", str(seed_corpus), "--no-build"])
    assert unknown.exit_code == 1 and unknown.output.count("\n") == 1 and "no article nope" in unknown.output
    bad = runner.invoke(cli, ["meta", "000_62205064b0c14322", "--published", "Feb 31", "--corpus",
                              str(seed_corpus), "--no-build"])
    assert bad.exit_code == 2 and not (seed_corpus / "manifest.csv").exists()
    nothing = runner.invoke(cli, ["meta", "000_62205064b0c14322", "--corpus", str(seed_corpus)])
    assert nothing.exit_code == 2


def test_meta_says_when_the_text_states_its_own_date(seed_corpus):
    result = CliRunner().invoke(cli, ["meta", "000_62205064b0c14322", "--published", "2020-02-01", "--corpus",
                                      str(seed_corpus), "--no-build"])
    assert result.exit_code == 0
    assert "its text states the date 2020-02-10, which builds use instead" in result.output


# --- extract: stdin, undated articles, the table --------------------------------------------------------------

def test_extract_reads_stdin_and_warns_once_of_an_undated_article():
    text = "Hunan sent 120 nurses to Huanggang on Monday.\n\nThe team arrived on Feb. 7."
    result = CliRunner().invoke(cli, ["extract", "-"], input=text.encode("utf-8"))
    assert result.exit_code == 0, result.output
    assert result.output.count("warning: stdin: no publication date") == 1
    dated = CliRunner().invoke(cli, ["extract", "-", "--published", "2020-02-12"], input=text.encode("utf-8"))
    assert "warning" not in dated.output and '"doc_id": "stdin"' in dated.output and '"value": 120' in dated.output


def test_extract_reads_an_html_page_on_stdin():
    page = (PAGES / "meta_published_time.html").read_bytes()
    result = CliRunner().invoke(cli, ["extract", "-", "--published", "2020-02-16"], input=page)
    assert result.exit_code == 0 and '"value": 128' in result.output and "Sichuan" not in result.output


def test_table_shows_fact_ids(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Hunan sent 120 nurses to Huanggang on Monday.", encoding="utf-8")
    table = CliRunner().invoke(cli, ["extract", str(article), "--format", "table", "--published", "2020-02-12"])
    assert table.exit_code == 0, table.output
    lines = table.output.splitlines()
    assert lines[0].startswith("fact_id") and lines[0].rstrip().endswith("text")
    jsonl = CliRunner().invoke(cli, ["extract", str(article), "--published", "2020-02-12"]).output
    ids = [json.loads(line)["fact_id"] for line in jsonl.splitlines()]
    assert [line.split()[0] for line in lines[1:] if not line.startswith(" ")] == ids


def test_table_wraps_long_text_instead_of_cutting_it():
    text = ("Hunan, Hubei's neighbour, sent the largest team of all, drawn from the hospitals of fourteen "
            "cities, to Huanggang, the city it is paired with")
    fact = dict(fact_id="0123456789abcdef", doc_id="d", kind="pairing", value=None, helper="Hunan",
                recipient="Huanggang", rule="pairing_test", text=text)
    lines = table_lines([fact], 100)
    assert len(lines) > 2 and all(len(line) <= 100 for line in lines)
    indent = lines[0].index("text")   # the text column: wrapped within it
    assert " ".join(line[indent:].strip() for line in lines[1:]) == text
    assert lines[1].startswith("0123456789abcdef") and all(not line[:16].strip() for line in lines[2:])


def test_add_refuses_a_fifo_without_waiting_for_a_writer(tmp_path):
    import os
    import subprocess
    import sys

    fifo = tmp_path / "article.html"
    os.mkfifo(fifo)
    corpus = tmp_path / "corpus"
    result = subprocess.run([sys.executable, "-m", "extract", "add", str(fifo), "--corpus", str(corpus),
                             "--no-build"], capture_output=True, text=True, timeout=120)   # a hang fails here
    assert result.returncode == 1 and result.stderr == f"error: {fifo}: is a FIFO, not a regular file\n"
    assert not corpus.exists() or corpus_state(corpus) == {}
