"""Nothing lost, nothing injected (issue 20): concurrent writers with real processes, hostile servers on
127.0.0.1, links and FIFOs, edited outputs opened in the report, bad bodies posted to the review app."""
from __future__ import annotations

import csv
import gzip
import json
import os
import re
import shutil
import socketserver
import subprocess
import sys
import threading
import time
import tracemalloc
import zlib
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import PROJECT, aidfacts_process, run_until_killed
from extract.cli import cli
from extract.dataset.build import build_dataset, load_dataset
from extract.dataset.corpus import read_manifest
from extract.dataset.fetch import MAX_PAGE_BYTES, FetchError, fetch
from extract.dataset.verdicts import read_verdicts



def article(n: int) -> str:
    return f"Hunan Province sent {100 + n} medical workers to Huanggang on Monday, February 10, 2020."


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args])


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
    processes = [aidfacts_process("add", source, "--corpus", corpus, "--no-build") for source in sources]
    processes.append(aidfacts_process("meta", "seed", "--source", "Riverside Daily", "--corpus", corpus, "--no-build"))
    results = finish(processes)
    assert all(code == 0 for code, _ in results), results
    texts = sorted(p.read_text(encoding="utf-8") for p in corpus.glob("report*.txt"))
    assert texts == sorted(article(n) for n in range(3))
    rows = read_manifest(corpus)
    assert {p.name for p in corpus.glob("report*.txt")} <= set(rows)
    assert rows["seed.txt"]["source"] == "Riverside Daily"
    assert len(rows) == 20000 + 1 + 3


# -- a hostile server on 127.0.0.1 ------------------------------------------------------------------------------

PAGE = (article(7) + " The team will work at the city's hospitals.").encode("utf-8")   # a page: two sentences


def gzipped(data: bytes) -> bytes:
    return gzip.compress(data, mtime=0)


def bomb(megabytes: int) -> bytes:
    """A gzip stream of `megabytes` MB of zeros, made a megabyte at a time (about 1 KB a megabyte)."""
    packer = zlib.compressobj(9, zlib.DEFLATED, zlib.MAX_WBITS | 16)
    zeros = bytes(1 << 20)
    return b"".join([packer.compress(zeros) for _ in range(megabytes)] + [packer.flush()])


class Hostile(socketserver.BaseRequestHandler):
    """Raw HTTP/1.1 answers, so that every header, reason phrase and timing can be whatever an attacker likes.
    `served` lists the paths answered to the end; `ended` is set whenever an answer ends (sent or cut off)."""
    BOMB = None
    served: list[str] = []
    ended = threading.Event()

    def handle(self):
        request = b""
        while b"\r\n\r\n" not in request:
            piece = self.request.recv(4096)
            if not piece:
                return
            request += piece
        path = request.split(b" ")[1].decode("ascii")
        try:
            self.answer(path)
            Hostile.served.append(path)
        except OSError:   # the client gave up (as it should): nothing more to send
            pass
        finally:
            Hostile.ended.set()

    def send(self, status: str, headers: dict[str, str], body: bytes = b"") -> None:
        head = f"HTTP/1.1 {status}\r\n" + "".join(f"{k}: {v}\r\n" for k, v in headers.items())
        head += f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n"
        self.request.sendall(head.encode("latin-1") + body)

    def answer(self, path: str) -> None:
        text = {"Content-Type": "text/plain; charset=utf-8"}
        if path == "/page":
            self.send("200 OK", text, PAGE)
        elif path == "/stacked":
            self.send("200 OK", {**text, "Content-Encoding": "gzip, gzip"}, gzipped(gzipped(PAGE)))
        elif path == "/gzip":
            self.send("200 OK", {**text, "Content-Encoding": "gzip"}, gzipped(PAGE))
        elif path == "/bomb":
            self.send("200 OK", {**text, "Content-Encoding": "gzip"}, Hostile.BOMB)
        elif path == "/drip":   # a header byte every 0.2 s: each read is quick, the whole is not
            head = b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nX-Slow: " + b"a" * 10 + b"\r\n"
            for byte in head:
                self.request.sendall(bytes([byte]))
                time.sleep(0.2)
            self.request.sendall(f"Content-Length: {len(PAGE)}\r\n\r\n".encode() + PAGE)
        elif path.startswith("/hop/"):   # a chain of redirects, each one quick enough alone
            left = int(path.rsplit("/", 1)[1])
            time.sleep(0.3)
            if left == 0:
                self.send("200 OK", text, PAGE)
            else:
                self.send("302 Found", {"Location": f"/hop/{left - 1}"})
        elif path == "/no-location":
            self.send("302 Found", text)
        elif path == "/bad-gzip":
            self.send("200 OK", {**text, "Content-Encoding": "gzip"}, b"\x1f\x8b\x08\x00garbage")
        elif path == "/punycode":
            self.send("200 OK", {"Content-Type": "text/plain; charset=punycode"}, PAGE)
        elif path == "/escape":
            self.send("404 \x1b]0;pwned\x07\x1b[2J", text, b"gone")
        else:
            self.send("404 Not Found", text, b"no")


@pytest.fixture(scope="module")
def hostile():
    Hostile.BOMB = bomb(200)
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), Hostile)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()
    thread.join(5)


# -- 2. one response cannot blow up memory ---------------------------------------------------------------------

def test_stacked_encodings_are_refused_and_one_gzip_is_read(hostile):
    with pytest.raises(FetchError, match="more than one encoding"):
        fetch(f"{hostile}/stacked", timeout=10)
    assert fetch(f"{hostile}/gzip", timeout=10).data == PAGE


def test_a_gzip_bomb_stops_at_the_limit_without_inflating_it_in_memory(hostile):
    """200 MB of zeros in 200 KB: refused as too large, with at most the limit's bytes ever held."""
    tracemalloc.start()
    try:
        with pytest.raises(FetchError, match="too large"):
            fetch(f"{hostile}/bomb", timeout=30)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 3 * MAX_PAGE_BYTES, f"{peak:,} bytes held at once"


# -- 6. --timeout is the whole fetch -----------------------------------------------------------------------------

def test_a_server_dripping_header_bytes_cannot_outlast_the_timeout(hostile):
    """The headers take 12 s a byte at a time; each read is far within the timeout, the whole is not: the
    client hangs up before the server has sent them all."""
    Hostile.served.clear()
    Hostile.ended.clear()
    with pytest.raises(FetchError, match=r"timed out after 1 s"):
        fetch(f"{hostile}/drip", timeout=1)
    assert Hostile.ended.wait(30)
    assert "/drip" not in Hostile.served


def test_redirects_are_inside_the_timeout(hostile):
    """Eight redirects of 0.3 s each: every request is within 1.5 s, the fetch is not; the chain is given up
    before its end."""
    Hostile.served.clear()
    with pytest.raises(FetchError, match=r"timed out after 1.5 s"):
        fetch(f"{hostile}/hop/8", timeout=1.5)
    assert "/hop/0" not in Hostile.served and "/hop/8" in Hostile.served
    assert fetch(f"{hostile}/hop/1", timeout=10).data == PAGE


# -- 3. the report writes and deletes only its own pages --------------------------------------------------------

@pytest.fixture
def built(tmp_path) -> tuple[Path, Path]:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(article(1), encoding="utf-8")
    (corpus / "b.txt").write_text("Xiaogan had 2,000 confirmed cases on February 12, 2020.", encoding="utf-8")
    build_dataset(corpus, tmp_path / "outputs", use_cache=False)
    return corpus, tmp_path / "outputs"


def test_audit_never_writes_or_deletes_through_a_docs_link(tmp_path, built):
    corpus, outputs = built
    assert run("audit", outputs).exit_code == 0
    report = tmp_path / "outputs-report"
    mine = tmp_path / "my-pages"
    mine.mkdir()
    (mine / "cv.html").write_text("mine", encoding="utf-8")
    shutil.rmtree(report / "docs")
    (report / "docs").symlink_to(mine)
    result = run("audit", outputs)
    assert result.exit_code == 1 and "symbolic link" in result.output
    assert [p.name for p in mine.iterdir()] == ["cv.html"] and (mine / "cv.html").read_text() == "mine"


def test_audit_deletes_only_the_pages_a_report_wrote(tmp_path, built):
    corpus, outputs = built
    assert run("audit", outputs).exit_code == 0
    docs = tmp_path / "outputs-report" / "docs"
    assert {p.name for p in docs.iterdir()} == {"a.html", "b.html"}
    (docs / "notes.html").write_text("mine", encoding="utf-8")   # the user's own page in the report
    (corpus / "b.txt").unlink()
    build_dataset(corpus, outputs, use_cache=False)
    assert run("audit", outputs).exit_code == 0
    assert {p.name for p in docs.iterdir()} == {"a.html", "notes.html"}   # b's page went, the user's stayed


# -- 4 and 10. every way in checks a verdict the same way; one bad request costs no other --------------------------

@pytest.fixture(scope="module")
def reviewed(tmp_path_factory) -> tuple[Path, Path]:
    """A built corpus of synthetic briefs (about 120 facts), with the verdicts file the tests write to."""
    sys.path.insert(0, str(PROJECT / "bench"))
    from synthetic import ArticleGenerator

    folder = tmp_path_factory.mktemp("reviewed")
    corpus, outputs = folder / "corpus", folder / "outputs"
    corpus.mkdir()
    for doc_id, text, _ in ArticleGenerator(seed=11).articles(8):
        (corpus / f"{doc_id}.txt").write_text(text, encoding="utf-8")
    (corpus / "dated.txt").write_text("Hubei reported 12 new cases on February 10, 2020.", encoding="utf-8")
    build_dataset(corpus, outputs, use_cache=False)
    return corpus, outputs


@pytest.fixture
def fresh(reviewed):
    """The module's corpus with no verdicts (each test starts from none)."""
    corpus, outputs = reviewed
    (corpus / "verdicts.csv").unlink(missing_ok=True)
    yield corpus, outputs
    (corpus / "verdicts.csv").unlink(missing_ok=True)


def facts_of_kind(outputs: Path, kind: str) -> list[str]:
    facts = load_dataset(outputs)["facts"]
    return sorted(facts.loc[facts["kind"] == kind, "fact_id"])


@pytest.fixture
def client(fresh):
    from extract.audit.app.web import create_app

    app = create_app(fresh[1], fresh[0])
    test_client = app.test_client()
    test_client.environ_base["HTTP_X_CSRF_TOKEN"] = app.config["TOKEN"]
    return test_client


def test_a_huge_note_is_refused_by_the_app_and_builds_go_on(fresh, client):
    corpus, outputs = fresh
    target = facts_of_kind(outputs, "case_count")[0]
    assert client.post("/verdict", json={"fact_id": target, "action": "accept"}).status_code == 200
    response = client.post("/verdict", json={"fact_id": target, "action": "note", "note": "n" * 200_000})
    assert response.status_code == 400 and "at most" in response.get_json()["error"]
    response = client.post("/verdict", json={"fact_id": target, "action": "accept", "note": "n" * 200_000})
    assert response.status_code == 400
    assert run("build", corpus, "-o", outputs, "-q").exit_code == 0
    assert run("review", target, "--reject", "-o", outputs).exit_code == 0


def test_undo_takes_only_a_verdict_that_passes_the_checks(fresh, client):
    corpus, outputs = fresh
    target = facts_of_kind(outputs, "case_count")[0]
    for verdict in ({"verdict": "correct", "value": "banana"}, {"verdict": "maybe"},
                    {"verdict": "correct", "value": "12", "attributes": "colour=red"},
                    {"verdict": "accept", "note": 5}, {"verdict": "reject", "value": "12"}):
        response = client.post("/restore", json={"fact_id": target, "verdict": verdict, "replaces": None})
        assert response.status_code == 400, verdict
    assert not (corpus / "verdicts.csv").exists() or target not in (corpus / "verdicts.csv").read_text()
    response = client.post("/restore", json={"fact_id": target, "verdict": {"verdict": "correct", "value": "1,200"},
                                             "replaces": None})
    assert response.status_code == 200
    assert run("build", corpus, "-o", outputs, "-q").exit_code == 0


def test_an_undo_replaces_only_the_verdict_it_was_made_after(fresh, client):
    """Tab A accepts, tab B then rejects: A's undo must not wipe B's verdict; it is refused until A reloads."""
    corpus, outputs = fresh
    target = facts_of_kind(outputs, "case_count")[0]
    accepted = client.post("/verdict", json={"fact_id": target, "action": "accept"}).get_json()
    rejected = client.post("/verdict", json={"fact_id": target, "action": "reject"}).get_json()
    undo_a = {"fact_id": target, "verdict": accepted["before"], "replaces": accepted["verdict"]}
    response = client.post("/restore", json=undo_a)
    assert response.status_code == 409 and "changed since (now reject)" in response.get_json()["error"]
    assert read_verdicts(corpus)[target].verdict == "reject"
    assert client.post("/restore", json={"fact_id": target, "verdict": None}).status_code == 400   # says nothing
    assert read_verdicts(corpus)[target].verdict == "reject"
    undo_b = {"fact_id": target, "verdict": rejected["before"], "replaces": rejected["verdict"]}
    assert client.post("/restore", json=undo_b).status_code == 200
    assert read_verdicts(corpus)[target].verdict == "accept"


def test_a_bad_row_in_verdicts_csv_is_cleared_from_the_command_line(fresh):
    corpus, outputs = fresh
    good, bad = facts_of_kind(outputs, "case_count")[:2]
    (corpus / "verdicts.csv").write_text(
        "fact_id,verdict,value,attributes,note\n"
        f"{good},accept,,,fine\n{bad},correct,banana,,{'n' * 200_000}\n", encoding="utf-8")
    result = run("build", corpus, "-o", outputs, "-q")
    assert result.exit_code == 1 and f"review {bad} --clear" in result.output
    assert run("review", good, "--reject", "-o", outputs).exit_code == 0   # other verdicts still recorded
    result = run("review", bad, "--clear", "-o", outputs)
    assert result.exit_code == 0, result.output
    assert run("build", corpus, "-o", outputs, "-q").exit_code == 0
    assert "\n".join(sorted((corpus / "verdicts.csv").read_text().splitlines())) == \
        "\n".join(sorted(["fact_id,verdict,value,attributes,note", f"{good},reject,,,"]))


def test_digits_of_other_scripts_are_stored_as_ascii_or_refused(fresh, tmp_path):
    corpus, outputs = fresh
    count = facts_of_kind(outputs, "case_count")[0]
    date = facts_of_kind(outputs, "date")[0]
    assert run("review", count, "--correct", "１,２００", "-o", outputs).exit_code == 0
    assert run("review", date, "--correct", "２０２０-０２-１０", "-o", outputs).exit_code == 0
    text = (corpus / "verdicts.csv").read_text(encoding="utf-8")
    assert f"{count},correct,1200," in text and f"{date},correct,2020-02-10," in text and text.isascii()
    assert run("meta", "dated", "--published", "２０２０-０２-１１", "--corpus", corpus, "--no-build").exit_code == 0
    assert read_manifest(corpus)["dated.txt"]["published"] == "2020-02-11"
    (tmp_path / "new.txt").write_text(article(5), encoding="utf-8")
    assert run("add", tmp_path / "new.txt", "--published", "２０２０-０２-１２", "--corpus", corpus,
               "--no-build").exit_code == 0
    assert read_manifest(corpus)["new.txt"]["published"] == "2020-02-12"
    (corpus / "manifest.csv").unlink()
    (corpus / "new.txt").unlink()


@pytest.mark.parametrize("body", [b'["accept"]', b'"accept"', b"12", b"null", b"{not json", b"[" * 100_000 + b"]" * 100_000,
                                  b'{"fact_id": ["x"], "action": "accept"}',
                                  b'{"fact_id": "abc", "action": "correct", "attributes": {"region": 5}}',
                                  b"\xff\xfe{}"])
def test_every_bad_body_is_a_json_4xx(client, body):
    for path in ("/verdict", "/restore"):
        response = client.post(path, data=body, content_type="application/json")
        assert 400 <= response.status_code < 500, (path, response.status_code)
        assert "error" in response.get_json()


def test_a_lone_surrogate_costs_no_other_verdict(fresh):
    """Sixty good verdicts and one with a lone surrogate in its note, posted at the same moment to the real
    server: the bad one is a 400, the sixty are all kept."""
    import requests
    from extract.audit.app.server import make_server

    corpus, outputs = fresh
    ids = sorted(load_dataset(outputs)["facts"]["fact_id"])[:61]
    assert len(ids) == 61
    server = make_server(outputs, corpus, port=0)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{server.effective_port}"
    token = server.review_app.config["TOKEN"]
    statuses: dict[str, int] = {}
    start = threading.Barrier(61)

    def post(target: str, bad: bool) -> None:
        body = ('{"fact_id": "%s", "action": "accept", "note": "%s"}' % (target, "\\ud800" if bad else "ok"))
        start.wait(30)
        response = requests.post(f"{url}/verdict", data=body.encode("ascii"), timeout=60,
                                 headers={"X-CSRF-Token": token, "Content-Type": "application/json"})
        statuses[target] = response.status_code

    try:
        threads = [threading.Thread(target=post, args=(target, i == 30)) for i, target in enumerate(ids)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(90)
    finally:
        server.close()
        thread.join(10)
    assert statuses.pop(ids[30]) == 400
    assert set(statuses.values()) == {200}
    assert sorted(read_verdicts(corpus)) == sorted(set(ids) - {ids[30]})


# -- 5. evaluate reads gold and facts files as articles are read ---------------------------------------------------

def test_evaluate_refuses_links_to_devices_fifos_and_bad_lines(tmp_path):
    gold = tmp_path / "gold"
    gold.mkdir()
    (gold / "a.gold.json").write_text('{"doc_id": "a", "facts": {}}', encoding="utf-8")
    facts = tmp_path / "facts.jsonl"
    facts.write_text('{"doc_id": "a", "kind": "date"}\n{"doc_id": "a", "kind": \n', encoding="utf-8")
    result = run("evaluate", gold, facts)
    assert result.exit_code == 1 and "facts.jsonl: line 2: not JSON" in result.output
    fifo = tmp_path / "fifo.jsonl"
    os.mkfifo(fifo)
    result = run("evaluate", gold, fifo)   # would block for ever on the old code
    assert result.exit_code == 1 and "FIFO" in result.output
    (gold / "z.gold.json").symlink_to("/dev/zero")   # would be read until memory runs out
    result = run("evaluate", gold, facts)
    assert result.exit_code == 1 and "z.gold.json" in result.output and "device" in result.output
    (gold / "z.gold.json").unlink()
    (gold / "b.gold.json").write_text('{"doc_id": "b",\n "facts": [}', encoding="utf-8")
    result = run("evaluate", gold, facts)
    assert result.exit_code == 1 and "b.gold.json: line 2: not JSON" in result.output


# -- 7. edited outputs are text in the report, and only the report's own scripts run -------------------------------

INJECTED = '"><img src=x onerror="window.__x=1"><script>window.__x=2</script>'


class Elements(HTMLParser):
    """Every element of a page with its attributes, and the text of its scripts."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.scripts: list[str] = []
        self.in_script = False

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self.in_script = tag == "script"
        if self.in_script:
            self.scripts.append("")

    def handle_endtag(self, tag):
        self.in_script = False

    def handle_data(self, data):
        if self.in_script:
            self.scripts[-1] += data


def test_edited_outputs_reach_the_report_as_text(tmp_path, built):
    import base64
    import hashlib

    import pandas as pd

    corpus, outputs = built
    facts = pd.read_csv(outputs / "facts.csv", dtype=str, keep_default_na=False)
    facts.loc[0, "kind"] = INJECTED
    facts.to_csv(outputs / "facts.csv", index=False)
    audit = pd.read_csv(outputs / "audit.csv", dtype=str, keep_default_na=False)
    audit = pd.concat([audit, pd.DataFrame([{**{c: "" for c in audit.columns}, "fact_id": facts.loc[1, "fact_id"],
                                             "doc_id": facts.loc[1, "doc_id"], "verdict": INJECTED,
                                             "status": "applied"}])], ignore_index=True)
    audit.to_csv(outputs / "audit.csv", index=False)
    result = run("audit", outputs)
    assert result.exit_code == 0, result.output
    report = tmp_path / "outputs-report"
    pages = [report / "index.html", *sorted((report / "docs").glob("*.html"))]
    assert INJECTED in "".join(facts.loc[:1, "kind"]) and len(pages) == 3
    seen = ""
    for page in pages:
        html = page.read_text(encoding="utf-8")
        parsed = Elements()
        parsed.feed(html)
        assert not [tag for tag, _ in parsed.tags if tag == "img"], page.name
        assert not [(tag, name) for tag, attrs in parsed.tags for name in attrs if name.startswith("on")], page.name
        csp = next(attrs["content"] for tag, attrs in parsed.tags
                   if tag == "meta" and attrs.get("http-equiv") == "Content-Security-Policy")
        script_src = next(part for part in csp.split(";") if part.strip().startswith("script-src"))
        assert "unsafe-inline" not in script_src
        for script in parsed.scripts:   # each runs only by its hash: ours, not an injected one
            digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
            assert f"'sha256-{digest}'" in script_src and "window.__x" not in script
        seen += html
    assert "onerror=&#34;window.__x=1&#34;" in seen or "onerror=&quot;window.__x=1&quot;" in seen


# -- 8. the right text, or a warning --------------------------------------------------------------------------------

def test_one_bad_byte_keeps_the_utf8_text_and_warns(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    text = "湖北 Hubei Province reported 12 new cases on February 10, 2020."
    (corpus / "stray.txt").write_bytes(text.encode("utf-8").replace(b"Province", b"Prov\xffince"))
    result = run("extract", corpus / "stray.txt", "--format", "csv")
    assert result.exit_code == 0
    assert "stray.txt: not valid UTF-8: 1 bad byte replaced" in result.stderr
    build_dataset(corpus, tmp_path / "out", use_cache=False)
    documents = load_dataset(tmp_path / "out")["documents"]
    assert "not valid UTF-8" in documents.loc[0, "warnings"]
    facts = load_dataset(tmp_path / "out")["facts"]
    assert facts["text"].str.contains("湖北").any() or "湖北" in (corpus / "stray.txt").read_bytes().decode(
        "utf-8", errors="replace")
    from extract.dataset.corpus import read_article_text
    assert read_article_text(corpus / "stray.txt").startswith("湖北 Hubei Prov\ufffdince")


def test_windows_1252_quotes_are_not_read_as_chinese(tmp_path):
    from extract.dataset.corpus import read_article_text

    path = tmp_path / "quotes.txt"
    english = "Hubei\u2019s and Wuhan\u2019s doctors said they\u2019re ready."
    path.write_bytes(english.encode("cp1252"))
    assert read_article_text(path) == english
    path.write_bytes("湖北省武汉市 reported 12 cases.".encode("gbk"))
    assert read_article_text(path) == "湖北省武汉市 reported 12 cases."


# -- 11. smaller things ------------------------------------------------------------------------------------------------

def test_a_url_password_is_never_recorded_and_corpus_files_follow_the_umask(hostile, tmp_path):
    corpus = tmp_path / "corpus"
    address = hostile.replace("http://", "http://reader:s3cret@") + "/page"
    old = os.umask(0o022)
    try:
        result = run("add", address, "--corpus", corpus, "--no-build")
    finally:
        os.umask(old)
    assert result.exit_code == 0, result.output
    assert "s3cret" not in result.output
    manifest = (corpus / "manifest.csv").read_text(encoding="utf-8")
    assert "s3cret" not in manifest and "reader@" not in manifest and f"{hostile}/page" in manifest
    for path in corpus.iterdir():
        if not path.name.startswith("."):
            assert path.stat().st_mode & 0o777 == 0o644, path.name


LOGIN_PAGE = ("<html><head><title>Hunan sends nurses</title>"
              '<link rel="canonical" href="https://admin:hunter2@news.example/a.html"></head><body><article>'
              "<h1>Hunan sends nurses</h1><p>Hunan Province sent 120 medical workers to Huanggang on Monday, the "
              "provincial health commission said in a statement on its website.</p><p>The team of doctors and "
              "nurses will work in two designated hospitals of the city for the coming weeks.</p>"
              "</article></body></html>")


def test_a_password_in_a_page_s_canonical_address_is_never_recorded(tmp_path):
    """A saved page whose canonical link carries a login and no site name: neither `add` nor a build of the page
    left in the corpus records the login (trafilatura names the site by the link's host part)."""
    page = tmp_path / "saved.html"
    page.write_text(LOGIN_PAGE, encoding="utf-8")
    corpus = tmp_path / "corpus"
    result = run("add", page, "--corpus", corpus, "--published", "2020-02-12", "--no-build")
    assert result.exit_code == 0, result.output
    (corpus / "left.html").write_text(LOGIN_PAGE, encoding="utf-8")
    result = run("build", corpus, "-o", tmp_path / "outputs")
    assert result.exit_code == 0, result.output
    written = [corpus / "manifest.csv", *(tmp_path / "outputs").iterdir()]
    for path in written:
        text = path.read_text(encoding="utf-8")
        assert "hunter2" not in text and "admin" not in text, path.name
    assert "news.example" in (tmp_path / "outputs" / "documents.csv").read_text(encoding="utf-8")


def test_a_redirect_without_location_and_a_body_that_cannot_be_decoded_say_so(hostile, tmp_path):
    corpus = tmp_path / "corpus"
    result = run("add", f"{hostile}/no-location", f"{hostile}/bad-gzip", f"{hostile}/page", "--corpus", corpus,
                 "--no-build")
    assert result.exit_code == 1
    assert f"error: {hostile}/no-location: HTTP 302: a redirect without a Location to follow" in result.output
    assert f"error: {hostile}/bad-gzip: broken gzip content (it never ends, and gives no text)" in result.output
    assert f"added {hostile}/page as page" in result.output


def test_an_odd_charset_or_an_escape_in_a_reason_phrase_stops_only_its_own_url(hostile, tmp_path):
    corpus = tmp_path / "corpus"
    result = run("add", f"{hostile}/escape", f"{hostile}/punycode", "--corpus", corpus, "--no-build")
    assert result.exit_code == 1
    assert "\x1b" not in result.output and "\x07" not in result.output
    assert f"error: {hostile}/escape: HTTP 404 \\x1b]0;pwned\\x07" in result.output
    assert f"added {hostile}/punycode as punycode" in result.output
    assert (corpus / "punycode.txt").read_text(encoding="utf-8") == PAGE.decode("utf-8")


@pytest.mark.parametrize("when", ["before", "after"])
def test_a_process_killed_while_adding_leaves_no_text_without_its_row(tmp_path, when):
    """The process is killed just before or just after it writes the text: no text is ever left without its
    manifest row, and adding the file again ends with the text and its row."""
    corpus = tmp_path / "corpus"
    source = tmp_path / "report.txt"
    source.write_text(article(3), encoding="utf-8")
    script = (
        "import os, signal, sys\n"
        "from extract.dataset import intake\n"
        "real = intake.write_atomic\n"
        "def dying(path, text):\n"
        "    if path.suffix == '.txt' and sys.argv[3] == 'before':\n"
        "        os.kill(os.getpid(), signal.SIGKILL)\n"
        "    real(path, text)\n"
        "    if path.suffix == '.txt':\n"
        "        os.kill(os.getpid(), signal.SIGKILL)\n"
        "intake.write_atomic = dying\n"
        "intake.add_article(sys.argv[1], sys.argv[2])\n")
    run_until_killed(script, source, corpus, when)
    assert {p.name for p in corpus.glob("*.txt")} <= set(read_manifest(corpus))
    result = run("add", source, "--corpus", corpus, "--no-build")
    assert result.exit_code == 0 or "duplicate of report.txt" in result.output, result.output
    assert (corpus / "report.txt").read_text(encoding="utf-8") == article(3)
    assert list(read_manifest(corpus)) == ["report.txt"]


def test_a_full_disk_leaves_no_temporary_file_in_the_corpus(tmp_path, monkeypatch):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (tmp_path / "new.txt").write_text(article(4), encoding="utf-8")
    real = os.fsync

    def full(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    result = run("add", tmp_path / "new.txt", "--corpus", corpus, "--no-build")
    monkeypatch.setattr(os, "fsync", real)
    assert result.exit_code == 1
    assert [p.name for p in corpus.iterdir() if not p.name.startswith(".corpus.lock")] == []


def test_audit_check_names_a_damaged_datapackage(tmp_path, built):
    corpus, outputs = built
    (outputs / "datapackage.json").write_text("{not json", encoding="utf-8")
    result = run("audit", outputs, "--check")
    assert result.exit_code == 1 and "datapackage.json: not JSON" in result.output



def shift_a_jsonl_start(outputs: Path) -> None:
    lines = (outputs / "facts.jsonl").read_text(encoding="utf-8").splitlines()
    fact = json.loads(lines[-1])
    fact["start"] += 1
    lines[-1] = json.dumps(fact)
    (outputs / "facts.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")


def replace_first(name: str, pattern: str, new: str):
    def edit(outputs: Path) -> None:
        text = (outputs / name).read_text(encoding="utf-8")
        edited = re.sub(pattern, new, text, count=1)
        assert edited != text
        (outputs / name).write_text(edited, encoding="utf-8")
    return edit


def delete(name: str):
    return lambda outputs: (outputs / name).unlink()


@pytest.mark.parametrize("tamper, problem", [
    (shift_a_jsonl_start, "facts.jsonl line"),
    (delete("facts.jsonl"), "facts.jsonl: "),
    (delete("numbers.csv"), "numbers.csv: missing"),
    (replace_first("numbers.csv", '"2,000"', '"2,001"'), "numbers.csv line"),
    (replace_first("documents.csv", "[0-9a-f]{64}", "0" * 64), "sha256 is not its text's"),
])
def test_audit_check_finds_outputs_edited_by_hand(tmp_path, built, tamper, problem):
    corpus, outputs = built
    assert run("audit", outputs, "--check").exit_code == 0
    tamper(outputs)
    result = run("audit", outputs, "--check")
    assert result.exit_code == 1 and problem in result.output, result.output


def test_audit_check_finds_a_fact_id_its_words_do_not_make(tmp_path, built):
    corpus, outputs = built
    for name in ("facts.csv", "facts.jsonl"):
        replace_first(name, "(?<=\n)[0-9a-f]{16}" if name == "facts.csv" else '(?<="fact_id":")[0-9a-f]{16}',
                      "0" * 16)(outputs)
    result = run("audit", outputs, "--check")
    assert result.exit_code == 1 and "not the id its document and span make" in result.output, result.output
