"""The review app as a reviewer uses it: `aidfacts review` started for real, driven by keyboard and mouse in
headless Chromium, and two clients posting a thousand verdicts at once."""
from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pandas as pd
import pytest
import requests

from conftest import copy_bundled, headless_browser
from extract.dataset.build import build_dataset, load_dataset
from extract.dataset.verdicts import read_verdicts

PROJECT = Path(__file__).resolve().parent.parent
EVIL = ("Hunan sent 120 nurses to Huanggang on Monday. <script>window.__xss = 1</script> and "
        "<img src=x onerror=\"window.__xss = 2\"> and a closing tag </blockquote></main> too.\n")


class App:
    """`aidfacts review -o OUTPUTS --port 0 --no-browser` in its own process, stopped with Ctrl-C (SIGINT)."""

    def __init__(self, outputs: Path):
        self.process = subprocess.Popen(
            [sys.executable, "-m", "extract", "review", "-o", str(outputs), "--port", "0", "--no-browser"],
            stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True, cwd=outputs.parent)
        line = self.process.stderr.readline()
        match = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
        if not match:
            self.process.kill()
            raise AssertionError(f"the app did not start: {line}{self.process.stderr.read()}")
        self.url = match.group(0).rstrip("/")

    def token(self, session: requests.Session, fact_id: str) -> str:
        page = session.get(f"{self.url}/fact/{fact_id}").text
        return re.search(r'name="csrf-token" content="([^"]+)"', page).group(1)

    def stop(self) -> str:
        if self.process.poll() is not None:   # stopped already (a test that stops it, then the fixture)
            return ""
        self.process.send_signal(signal.SIGINT)
        try:
            _, err = self.process.communicate(timeout=20)
        except subprocess.TimeoutExpired:   # deaf to Ctrl-C: killed, so the failure leaves no server behind
            self.process.kill()
            self.process.communicate()
            raise
        assert self.process.returncode == 0, err
        return err


def child_processes() -> set[int]:
    """The live child processes of this test process (Linux /proc), zombies left out."""
    children = set()
    for task in Path(f"/proc/{os.getpid()}/task").iterdir():
        try:
            children |= {int(pid) for pid in (task / "children").read_text().split()}
        except OSError:   # the thread ended meanwhile
            continue
    alive = set()
    for pid in children:
        try:
            if Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z":
                alive.add(pid)
        except OSError:
            continue
    return alive


@pytest.fixture(scope="module", autouse=True)
def no_process_outlives_the_module():
    """A test that starts the app must stop it, whether it passes, fails or skips (no browser, say)."""
    if not Path(f"/proc/{os.getpid()}/task").is_dir():
        yield
        return
    before = child_processes()
    yield
    left = child_processes() - before
    assert not left, f"processes left running by this module: {sorted(left)}"


@pytest.fixture
def start_app():
    """`start_app(outputs)` starts the app; the fixture stops every app it started once the test is over,
    however it ended."""
    apps: list[App] = []

    def start(outputs: Path) -> App:
        apps.append(App(outputs))
        return apps[-1]

    yield start
    for app in apps:
        app.stop()


@pytest.fixture
def project(tmp_path) -> tuple[Path, Path]:
    corpus, outputs = tmp_path / "corpus", tmp_path / "outputs"
    copy_bundled(corpus)
    (corpus / "evil.txt").write_text(EVIL, encoding="utf-8")
    build_dataset(corpus, outputs, use_cache=False)
    return corpus, outputs


def fact_id(outputs: Path, **fields) -> str:
    facts = load_dataset(outputs)["facts"]
    for key, value in fields.items():
        facts = facts[facts[key] == value]
    return facts.iloc[0]["fact_id"]


def test_a_post_without_the_page_token_is_refused(project, start_app):
    corpus, outputs = project
    app = start_app(outputs)
    try:
        target = fact_id(outputs, kind="case_count")
        session = requests.Session()
        body = {"fact_id": target, "action": "accept"}
        assert session.post(f"{app.url}/verdict", json=body).status_code == 403
        assert session.post(f"{app.url}/verdict", json=body, headers={"X-CSRF-Token": "guess"}).status_code == 403
        token = app.token(session, target)
        other_host = session.post(f"{app.url}/verdict", json=body,
                                  headers={"X-CSRF-Token": token, "Host": "attacker.example:80"})
        assert other_host.status_code == 403
        assert not (corpus / "verdicts.csv").exists()
        bad = session.post(f"{app.url}/verdict", json={**body, "action": "correct", "value": "many"},
                           headers={"X-CSRF-Token": token})
        assert bad.status_code == 400 and "whole number" in bad.json()["error"]
        ok = session.post(f"{app.url}/verdict", json=body, headers={"X-CSRF-Token": token})
        assert ok.status_code == 200 and read_verdicts(corpus)[target].verdict == "accept"
        rejected = fact_id(outputs, kind="pairing")
        ok = session.post(f"{app.url}/verdict", json={"fact_id": rejected, "action": "reject"},
                          headers={"X-CSRF-Token": token})
        assert ok.status_code == 200
        build_dataset(corpus, outputs, use_cache=False)    # rebuilt while the app runs: it reloads the dataset
        page = session.get(f"{app.url}/fact/{rejected}")   # the rejected fact, now only in audit.csv
        assert page.status_code == 200 and 'id="verdict" class="badge v-reject">reject<' in page.text
        (corpus / "verdicts.csv").write_text("fact_id,verdict,value,note\nabc,maybe,,\n", encoding="utf-8")
        page = session.get(f"{app.url}/fact/{target}")    # a verdicts.csv broken by hand: one line, no crash
        assert page.status_code == 409 and "line 2: unknown verdict" in page.text
    finally:
        assert "stopped" in app.stop()


def test_two_clients_post_five_hundred_verdicts_each(tmp_path, start_app):
    sys.path.insert(0, str(PROJECT / "bench"))
    from synthetic import ArticleGenerator

    corpus, outputs = tmp_path / "corpus", tmp_path / "outputs"
    corpus.mkdir()
    for doc_id, text, _ in ArticleGenerator(seed=7).articles(90):
        (corpus / f"{doc_id}.txt").write_text(text, encoding="utf-8")
    build_dataset(corpus, outputs, use_cache=False)
    ids = sorted(load_dataset(outputs)["facts"]["fact_id"])[:1000]
    assert len(ids) == 1000
    app = start_app(outputs)
    failures, statuses = [], []

    def client(share: list[str]) -> None:
        session = requests.Session()
        token = app.token(session, share[0])
        for i, target in enumerate(share):
            action = "accept" if i % 2 else "reject"
            try:
                response = session.post(f"{app.url}/verdict", json={"fact_id": target, "action": action},
                                        headers={"X-CSRF-Token": token}, timeout=30)
                statuses.append(response.status_code)
            except requests.RequestException as error:
                failures.append(repr(error))

    try:
        clients = [threading.Thread(target=client, args=(ids[k::2],)) for k in range(2)]
        for thread in clients:
            thread.start()
        for thread in clients:
            thread.join(120)
    finally:
        app.stop()
    assert failures == [] and statuses == [200] * 1000
    verdicts = read_verdicts(corpus)   # parses: the file was never seen half-written
    facts = load_dataset(outputs)["facts"].set_index("fact_id")
    extra = set(verdicts) - set(ids)   # a blank's verdict follows the fact it belongs to: one item, one verdict
    assert set(ids) <= set(verdicts) and all(facts.loc[f, "kind"] == "missing_number"
                                             and facts.loc[f, "belongs_to"] in ids for f in extra)


@pytest.fixture
def driver():
    """Headless Chromium, quit after the test however it ended (skipped where it is not installed)."""
    browser = headless_browser("1400,1000")
    yield browser
    browser.quit()


# a real browser on a shared CI machine can lose a race with the page it drives: one rerun, the assertions unchanged
@pytest.mark.flaky(reruns=2)
def test_review_by_keyboard_and_mouse_in_a_real_browser(project, tmp_path, driver, start_app):
    from selenium.common.exceptions import StaleElementReferenceException
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.ui import WebDriverWait

    corpus, outputs = project
    count = fact_id(outputs, kind="case_count", value=379)
    pairing = fact_id(outputs, kind="pairing", helper="Sichuan")
    region = fact_id(outputs, kind="region", value="Xiaogan")
    blank = fact_id(outputs, kind="region_count", missing=True, suggestion=19)
    evil = fact_id(outputs, doc_id="evil", kind="personnel_count")
    evidence, evidence_fact = load_dataset(outputs)["facts"].set_index("fact_id").loc[
        blank, ["suggestion_doc", "suggestion_fact"]]
    app = start_app(outputs)
    wait = WebDriverWait(driver, 15, ignored_exceptions=(StaleElementReferenceException,))   # pages change

    def open_fact(target: str) -> None:
        driver.get(f"{app.url}/fact/{target}")
        wait.until(lambda d: d.find_element(By.ID, "review").get_attribute("data-fact") == target)

    def press(keys: str) -> None:
        driver.find_element(By.TAG_NAME, "body").send_keys(keys)

    def verdict_becomes(target: str, expected: str | None) -> None:
        wait.until(lambda d: (read_verdicts(corpus).get(target).verdict if target in read_verdicts(corpus)
                              else None) == expected)

    def left(target: str) -> None:   # the app moved on from the fact after its verdict
        wait.until(lambda d: d.find_element(By.ID, "review").get_attribute("data-fact") != target)

    try:
        open_fact(count)
        press("a")                                           # accept, by keyboard
        verdict_becomes(count, "accept")
        left(count)
        open_fact(pairing)
        driver.find_element(By.CSS_SELECTOR, "button[data-action=reject]").click()   # reject, by mouse
        verdict_becomes(pairing, "reject")
        left(pairing)
        open_fact(region)
        press("c")                                           # correct a region, by keyboard
        field = driver.switch_to.active_element
        assert field.get_attribute("id") == "correct-value"
        field.clear()
        field.send_keys("Atlantis", Keys.ENTER)              # refused: not a region
        wait.until(lambda d: "not a region" in d.find_element(By.ID, "flash").text)
        assert region not in read_verdicts(corpus)
        field.clear()
        field.send_keys("wuhan city", Keys.ENTER)
        verdict_becomes(region, "correct")
        assert read_verdicts(corpus)[region].value == "Wuhan"
        left(region)
        open_fact(blank)
        assert driver.find_element(By.ID, "suggested").text == "19"
        assert driver.find_element(By.ID, "evidence").get_attribute("href").endswith(f"/fact/{evidence_fact}")
        driver.find_element(By.CSS_SELECTOR, "button[data-action=accept-suggestion]").click()   # by mouse
        verdict_becomes(blank, "accept")
        left(blank)
        press("u")                                           # undo, by keyboard: the blank is unreviewed again
        verdict_becomes(blank, None)
        wait.until(lambda d: d.find_element(By.ID, "review").get_attribute("data-fact") == blank)
        wait.until(lambda d: d.find_element(By.ID, "verdict").text == "unreviewed")
        press("s")                                           # and its suggestion taken by keyboard
        verdict_becomes(blank, "accept")
        assert read_verdicts(corpus)[blank].value == "19"
        left(blank)
        open_fact(count)                                     # a note on a reviewed fact
        press("n")
        driver.switch_to.active_element.send_keys("checked against the table", Keys.ENTER)
        wait.until(lambda d: (read_verdicts(corpus)[count].note or "") == "checked against the table")
        for target, shown in ((count, "accept"), (region, "correct"), (blank, "accept"), (pairing, "reject")):
            open_fact(target)                                # reloaded: the verdicts are kept
            assert driver.find_element(By.ID, "verdict").text == shown, target
        assert driver.find_element(By.ID, "attributes").text  # the fact's attributes are shown
        open_fact(region)
        assert driver.find_element(By.ID, "value").text == "Wuhan"
        open_fact(evil)                                      # an article's markup is text, and runs nothing
        paragraph = driver.find_element(By.ID, "paragraph").text
        assert "<script>window.__xss = 1</script>" in paragraph and "onerror" in paragraph
        assert driver.execute_script("return window.__xss") is None
        assert driver.find_elements(By.CSS_SELECTOR, "#paragraph img, #paragraph script") == []
        refused = driver.execute_async_script(
            "var done = arguments[arguments.length - 1]; fetch('/verdict', {method: 'POST', headers: "
            "{'Content-Type': 'application/json'}, body: JSON.stringify({fact_id: arguments[0], action: 'reject'})})"
            ".then(function (r) { done(r.status); });", evil)
        assert refused == 403 and evil not in read_verdicts(corpus)
        driver.get(f"{app.url}/?kind=pairing&q=sichuan")     # filters and search
        assert driver.find_element(By.ID, "review").get_attribute("data-fact") == pairing
        driver.save_screenshot(str(tmp_path / "app.png"))
    finally:
        app.stop()
    build_dataset(corpus, outputs, use_cache=False)          # rebuilt: the verdicts are applied
    facts = load_dataset(outputs)["facts"].set_index("fact_id")
    assert pairing not in facts.index
    assert facts.loc[count, "reviewed"] and facts.loc[count, "value"] == 379
    assert (facts.loc[region, "value"], facts.loc[region, "region_code"]) == ("Wuhan", "420100")
    assert facts.loc[blank, "value"] == 19 and facts.loc[blank, "suggestion_doc"] == evidence


# ---- the queue spends a reviewer's time where it counts (issue 21) -------------------------------------------------

TOTAL_10 = ("Hubei had reported a total of {} confirmed cases by the end of Feb 10, the provincial health commission "
            "said. Hunan sent 120 nurses to Huanggang on Monday.\n")


@pytest.fixture
def triage(tmp_path):
    """The bundled articles (a blank with a suggestion) and two documents of one day that disagree on a figure."""
    from extract.audit.app.web import create_app

    corpus, outputs = copy_bundled(tmp_path / "corpus"), tmp_path / "outputs"
    (corpus / "a.txt").write_text(TOTAL_10.format("500"), encoding="utf-8")
    (corpus / "b.txt").write_text(TOTAL_10.format("520"), encoding="utf-8")
    (corpus / "manifest.csv").write_text("file,published,source,url,title\na.txt,2020-02-11,,,\nb.txt,2020-02-11,,,\n",
                                         encoding="utf-8")
    build_dataset(corpus, outputs, use_cache=False)
    app = create_app(outputs, corpus)
    return corpus, outputs, app, app.test_client()


def post(app, client, body):
    return client.post("/verdict", json=body, headers={"X-CSRF-Token": app.config["TOKEN"]})


def test_the_queue_starts_with_the_mentions_of_failing_figures_and_ends_with_bare_regions(triage):
    corpus, outputs, app, client = triage
    tables = load_dataset(outputs)
    failing = {f for ids in pd.concat([tables["cases"], tables["staff"]]).dropna(subset=["checks"])["fact_ids"]
               for f in ids.split()}
    assert len(failing) >= 2
    queue = app.config["STORE"].queue({})
    assert set(queue["fact_id"].tolist()[:len(failing)]) == failing   # first, whatever their rule or kind
    kinds = queue["kind"].tolist()
    assert "region" in kinds and all(k == "region" for k in kinds[kinds.index("region"):])   # regions last
    assert client.get("/").headers["Location"].startswith(f"/fact/{queue['fact_id'].iloc[0]}")


def test_a_figure_page_shows_every_mention_side_by_side_with_the_check_it_fails(triage):
    corpus, outputs, app, client = triage
    cases = load_dataset(outputs)["cases"]
    row = int(cases.index[cases["values"].fillna("") == "500 520"][0])
    a, b = cases.loc[row, "fact_ids"].split()
    page = client.get(f"/figure/cases/{row}").get_data(as_text=True)
    assert "conflict" in page and "its mentions state different values" in page
    for fact_id, doc, value in ((a, "a", "500"), (b, "b", "520")):
        assert f'<tr data-fact="{fact_id}">' in page and f">{doc}</a>" in page
        assert f'<mark class="current">a total of {value} confirmed cases</mark> by the end of Feb 10' in page
    fact_page = client.get(f"/fact/{a}").get_data(as_text=True)   # the mention and its queue item link to it
    assert fact_page.count(f'href="/figure/cases/{row}"') >= 2
    assert client.get("/figure/cases/99999").status_code == 404
    whole = int(cases.index[(cases["checks"].fillna("").str.contains("parts_exceed_whole"))
                            & (cases["level"] == "province")][0])
    page = client.get(f"/figure/cases/{whole}").get_data(as_text=True)   # the parts it is checked against
    parts = cases[(cases["level"] == "city") & (cases["province"] == cases.loc[whole, "region"])
                  & (cases["date"] == cases.loc[whole, "date"]) & (cases["status"] == cases.loc[whole, "status"])
                  & (cases["period"] == cases.loc[whole, "period"])]
    assert len(parts) >= 2 and page.count(">a part of it</td>") == len(parts)
    assert all(f'href="/figure/cases/{i}"' in page for i in parts.index)


def test_a_blank_and_its_fact_are_one_item_one_verdict_one_accepted_suggestion(triage):
    corpus, outputs, app, client = triage
    facts = load_dataset(outputs)["facts"]
    owner = facts[(facts["kind"] == "region_count") & (facts["suggestion"] == 19)].iloc[0]["fact_id"]
    blank = facts[(facts["kind"] == "missing_number") & (facts["belongs_to"] == owner)].iloc[0]["fact_id"]
    queue = app.config["STORE"].queue({})["fact_id"].tolist()
    assert owner in queue and blank not in queue
    before = app.config["STORE"].counts()
    assert post(app, client, {"fact_id": owner, "action": "accept-suggestion"}).status_code == 200
    verdicts = read_verdicts(corpus)
    assert (verdicts[owner].value, verdicts[blank].value) == ("19", "19")
    assert app.config["STORE"].counts()["reviewed"] == before["reviewed"] + 1
    assert post(app, client, {"fact_id": owner, "action": "clear"}).status_code == 200
    assert owner not in read_verdicts(corpus) and blank not in read_verdicts(corpus)
    done = post(app, client, {"fact_id": owner, "action": "accept-suggestion"})
    assert done.status_code == 200 and done.get_json()["verdict"]["value"] == "19"
    done = done.get_json()
    client.post("/restore", json={"fact_id": owner, "verdict": None, "replaces": done["verdict"]},
                headers={"X-CSRF-Token": app.config["TOKEN"]})
    assert read_verdicts(corpus) == {}   # undo takes back both
    build_dataset(corpus, outputs, use_cache=False)
    post(app, client, {"fact_id": owner, "action": "accept-suggestion"})
    build_dataset(corpus, outputs, use_cache=False)
    gaps = load_dataset(outputs)["gaps"].set_index("fact_id")
    filled = load_dataset(outputs)["facts"].set_index("fact_id")
    assert filled.loc[owner, "value"] == 19 and filled.loc[blank, "value"] == 19 and blank in gaps.index


def test_a_search_that_finds_nothing_says_which_filter_hides_the_matches(triage):
    corpus, outputs, app, client = triage
    page = client.get("/?kind=pairing&q=520").get_data(as_text=True)
    assert "No fact passes these filters" not in page
    assert "The kind filter (<b>pairing</b>) hides" in page and 'href="/?q=520"' in page
    assert 'id="search-everything"' in page
    page = client.get("/?q=nothing-says-this").get_data(as_text=True)
    assert "No fact matches “nothing-says-this”, even without filters." in page


def test_correcting_an_attribute_a_rule_left_empty_is_not_a_wrong_value(triage):
    corpus, outputs, app, client = triage
    facts = load_dataset(outputs)["facts"]
    staff = facts[(facts["kind"] == "personnel_count") & (facts["doc_id"] == "a")].iloc[0]
    assert post(app, client, {"fact_id": staff["fact_id"], "action": "correct",
                              "attributes": {"date": "2020-02-10"}}).status_code == 200
    app.config["STORE"].refresh()
    rule = next(r for r in app.config["STORE"].tally_rows if r["rule"] == staff["rule"])
    assert (rule["reviewed"], rule["corrected"], rule["attributes_corrected"], rule["precision"]) == (1, 0, 1, "1.000")
    assert "attributes corrected" in client.get("/rules").get_data(as_text=True)
    build_dataset(corpus, outputs, use_cache=False)
    precision = load_dataset(outputs)["rule_precision"].set_index("rule").loc[staff["rule"]]
    assert (precision["attributes_corrected"], precision["corrected"], precision["precision"]) == (1, 0, 1.0)


def test_gaps_html_cuts_context_at_words_and_marks_where_the_number_was(triage, tmp_path):
    from extract.audit.report import write_report

    corpus, outputs, app, client = triage
    page = (write_report(outputs, corpus).parent / "gaps.html").read_text(encoding="utf-8")
    assert 'with <mark class="blank">[count?]</mark> provinces mobilized' in page
    cells = re.findall(r'<span class="context">(.*?)</span>', page)
    assert cells
    texts = "\n".join(p.read_text(encoding="utf-8") for p in corpus.glob("*.txt"))
    import html
    for cell in cells:   # each context is whole words of the text: it starts where a word starts
        words = html.unescape(re.sub(r"<mark[^>]*>.*?</mark>", "", cell))
        at = texts.replace("\n", " ").find(words)
        assert at >= 0 and (at == 0 or texts.replace("\n", " ")[at - 1].isspace()), cell
