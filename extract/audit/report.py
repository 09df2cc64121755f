"""The audit report: a folder of self-contained HTML pages (no network) showing every fact against its words.

`index.html` holds the summary, the figures, rule precision and the list of documents; each document has its own
page (`docs/DOC.html`), so the index opens at once at any corpus size and a document page holds one article.
Each article's text is shown with its facts highlighted by kind; overlapping facts are nested marks whose
underlines stack, so each stays visible. Hovering a mark shows its fact id, value, attributes and rule; clicking
it shows the details, the command that reviews it and a link into the review app. A blank (a deleted number)
shows its suggested value and links to the evidence in the other article. All article text is HTML-escaped.

The report is written beside the outputs (`outputs-report/` for `outputs/`), not inside them: a build swaps the
outputs folder whole, and an open report must survive that. Each page is written to a temporary file and renamed
over the old one, so a browser never reads half a page; `aidfacts audit` regenerates it in place.
"""
from __future__ import annotations

import hashlib
import heapq
import html
import os
import re
import tempfile
from pathlib import Path
from urllib.parse import quote

import pandas as pd
from jinja2 import Environment
from markupsafe import Markup

from extract.dataset.corpus import read_article_text
from extract.audit.figure_pages import figure_pages, staff_matrix
from extract.audit.figures import pairing_diagram
from extract.audit.report_assets import CSP, DOCUMENT, INDEX, INDEX_SCRIPT, LISTING, SCRIPT, STYLE
from extract.nlp.records import present

KIND_COLORS = {
    "date": "#8ecae6", "region": "#b7e4c7", "case_count": "#f4a261", "personnel_count": "#e9c46a",
    "team_count": "#cdb4db", "region_count": "#a8dadc", "pairing": "#90be6d", "missing_number": "#e76f51",
}
ATTRIBUTES = ("qualifier", "status", "period", "unit", "region", "origin", "destination", "helper", "recipient",
              "date", "expected")


ENVIRONMENT = Environment(autoescape=True)   # every value a template is given is escaped unless it is Markup
_COMPILED: dict[str, object] = {}


def render(template: str, **values) -> str:
    """A page from one of report_assets' templates. Fragments built here (marks, rows, tables) are passed as
    Markup made of escaped parts; everything else, the text of the outputs included, is escaped by Jinja2."""
    if template not in _COMPILED:
        _COMPILED[template] = ENVIRONMENT.from_string(template)
    return _COMPILED[template].render(**values)


def esc(value) -> str:
    if value is None or (isinstance(value, float) and value != value):
        return ""
    return html.escape(str(value), quote=True)


def describe(fact: dict) -> str:
    """One line for a hover: kind, value, attributes, rule."""
    value = fact.get("value") if present(fact.get("value")) else "(missing)" if fact.get("missing") else ""
    parts = [f"{fact['kind']}: {value}"]
    parts += [f"{a}={fact[a]}" for a in ATTRIBUTES if present(fact.get(a))]
    if present(fact.get("suggestion")):
        parts.append(f"suggested {fact['suggestion']} from {fact.get('suggestion_doc')}")
    parts.append(f"rule {fact['rule']}")
    parts.append(f"fact {fact['fact_id']}")
    return " · ".join(str(p) for p in parts)


def lanes(facts: list[dict]) -> dict[str, int]:
    """A lane per fact so that overlapping facts never share one (interval colouring, longest first: each fact
    takes the lowest lane no earlier fact overlapping it holds). A sweep over the facts by start, with the facts
    still open in a heap by end and the freed lanes in a heap: n log n, not n x facts placed."""
    assigned: dict[str, int] = {}
    open_facts: list[tuple[int, int]] = []   # (end, lane) of the placed facts of non-zero length not yet closed
    free: list[int] = []   # lanes below `used` that no open fact holds
    starts: dict[int, int] = {}   # lane -> where the open fact holding it starts
    used = 0
    for fact in sorted(facts, key=lambda f: (f["start"], -(f["end"] - f["start"]), f["fact_id"])):
        start, end = fact["start"], fact["end"]
        while open_facts and open_facts[0][0] <= start:   # closed before this one starts: its lane is free
            heapq.heappush(free, heapq.heappop(open_facts)[1])
        if end <= start:
            # an empty span overlaps only the open facts that start before it, and no later fact
            held = {lane for close, lane in open_facts if starts[lane] < start}
            assigned[fact["fact_id"]] = next(i for i in range(len(held) + 1) if i not in held)
            continue
        lane = heapq.heappop(free) if free else used
        used = max(used, lane + 1)
        starts[lane] = start
        assigned[fact["fact_id"]] = lane
        heapq.heappush(open_facts, (end, lane))
    return assigned


def render_text(text: str, facts: list[dict]) -> str:
    """The text as HTML, each fact a mark (nested where facts overlap), blanks with their suggestion. One sweep
    over the facts' bounds: a fact opens at its start and closes at its end, so the work is the facts and their
    overlaps, never every fact at every bound."""
    lane_of = lanes(facts)
    bounds = sorted({0, len(text)} | {f["start"] for f in facts} | {f["end"] for f in facts})
    anchored: set[str] = set()
    blanks = {f["start"]: f for f in facts if f["kind"] == "missing_number"}
    opening: dict[int, list[dict]] = {}
    for fact in facts:
        if fact["start"] < fact["end"]:
            opening.setdefault(fact["start"], []).append(fact)
    active: dict[int, dict] = {}   # the facts covering the current piece, by identity (an edited facts.csv
    closing: dict[int, list[int]] = {}   # may repeat a fact_id)
    out = []
    for a, b in zip(bounds, bounds[1:]):
        for key in closing.pop(a, ()):
            active.pop(key, None)
        for fact in opening.pop(a, ()):
            active[id(fact)] = fact
            closing.setdefault(fact["end"], []).append(id(fact))
        if a in blanks and blanks[a]["fact_id"] not in anchored:
            out.append(blank_marker(blanks[a]))
        opened = 0
        for fact in sorted(active.values(), key=lambda f: -lane_of[f["fact_id"]]):
            anchor = ""
            if fact["fact_id"] not in anchored:
                anchor = f' id="fact-{esc(fact["fact_id"])}"'
                anchored.add(fact["fact_id"])
            lane = lane_of[fact["fact_id"]]
            out.append(f'<span{anchor} class="mark k-{esc(fact["kind"])}" data-fact="{esc(fact["fact_id"])}" '
                       f'style="padding-bottom:{1 + 3 * lane}px" title="{esc(describe(fact))}">')
            opened += 1
        out.append(esc(text[a:b]))
        out.append("</span>" * opened)
    return "".join(out)


GAP_CONTEXT = 60   # characters of text on each side of a blank in gaps.html, widened to whole words


def gap_context(text: str | None, fact: dict) -> str:
    """A blank's words around it as HTML, cut at word boundaries (never mid-word), with where the number was
    marked as the document pages mark it; the stored context where the text cannot be read."""
    start, end = fact["start"], fact["end"]
    if text is None or not 0 <= start <= end <= len(text) or text[start:end] != (fact.get("text") or ""):
        return esc(fact.get("context"))
    lo, hi = max(0, start - GAP_CONTEXT), min(len(text), end + GAP_CONTEXT)
    while 0 < lo < start and not text[lo - 1].isspace():   # into a word: start after it
        lo += 1
    while hi < len(text) and not text[hi].isspace():   # a word cut at the end: take it whole
        hi += 1

    def words(part: str) -> str:
        return esc(" ".join(part.split("\n")))

    marker = f'<mark class="blank">[{esc(fact.get("expected") or "number")}?]</mark>'
    return (("… " if lo > 0 else "") + f'<span class="context">{words(text[lo:start])}{marker}'
            f'{words(text[start:hi])}</span>' + (" …" if hi < len(text) else ""))


def blank_marker(fact: dict) -> str:
    label = f"[{esc(fact.get('expected'))}?"
    if present(fact.get("suggestion")):
        target = esc(fact.get("suggestion_fact"))
        label += f" → {esc(fact['suggestion'])}]"
        where = "" if fact.get("suggestion_doc") == fact.get("doc_id") else page_name(fact.get("suggestion_doc"))
        return (f'<a class="blank" href="{where}#fact-{target}" title="{esc(describe(fact))}: '
                f'{esc(fact.get("suggestion_text"))}">{label}</a>')
    return f'<span class="blank" title="{esc(describe(fact))}">{label}]</span>'




SAFE_NAME = re.compile(r"[A-Za-z0-9_.-]{1,120}")
MARKER = ".aidfacts-report"   # what says a folder is a report aidfacts wrote (and may write again)
APP_URL = "http://127.0.0.1:8765"   # `aidfacts review`'s default address


def page_name(doc_id) -> str:
    """A document's page file name: its doc_id when that is a plain file name, else a hash of it."""
    doc_id = str(doc_id)
    if SAFE_NAME.fullmatch(doc_id) and not doc_id.startswith("."):
        return quote(f"{doc_id}.html")
    return "doc-" + hashlib.sha256(doc_id.encode("utf-8")).hexdigest()[:16] + ".html"


def report_folder(outputs: Path | str) -> Path:
    outputs = Path(outputs)
    return outputs.parent / f"{outputs.name}-report"


def records(frame: pd.DataFrame | None) -> list[dict]:
    if frame is None or frame.empty:
        return []
    return frame.astype(object).where(frame.notna(), None).to_dict(orient="records")


def verdict_label(fact_id: str, verdicts: dict[str, str]) -> str:
    return verdicts.get(fact_id, "unreviewed")


def attributes_text(fact: dict) -> str:
    return ", ".join(f"{a}={fact[a]}" for a in ATTRIBUTES if present(fact.get(a)))


def fact_rows(facts: list[dict], rejected: list[dict], verdicts: dict[str, str]) -> str:
    rows = []
    for fact in facts:
        regions = " ".join(str(fact[a]) for a in ("region", "origin", "destination", "helper", "recipient")
                           if present(fact.get(a)))
        verdict = esc(verdict_label(fact["fact_id"], verdicts))   # audit.csv's cell: edited outputs are text too
        rows.append(
            f'<tr id="row-{esc(fact["fact_id"])}" data-kind="{esc(fact["kind"])}" data-region="{esc(regions)}" '
            f'data-verdict="{verdict}"><td><a href="#fact-{esc(fact["fact_id"])}">{esc(fact["fact_id"])}</a></td>'
            f'<td>{esc(fact["kind"])}</td><td>{esc(fact["value"])}</td><td>{esc(attributes_text(fact))}</td>'
            f'<td>{esc(fact.get("suggestion"))}</td><td>{esc(fact["rule"])}</td><td>{verdict}</td>'
            f'<td class="src">{esc(fact["text"])}</td></tr>')
    for row in rejected:
        verdict = "stale" if row.get("status") == "stale" else "reject"
        rows.append(
            f'<tr data-kind="{esc(row.get("kind"))}" data-region="" data-verdict="{verdict}">'
            f'<td>{esc(row["fact_id"])}</td><td>{esc(row.get("kind"))}</td><td>{esc(row.get("extracted_value"))}</td>'
            f'<td>{esc(row.get("note"))}</td><td></td><td>{esc(row.get("rule"))}</td><td>{verdict}</td>'
            f'<td class="src">{esc(row.get("text"))}</td></tr>')
    return "\n".join(rows)


def options(values) -> str:
    return "".join(f'<option value="{esc(v)}">{esc(v)}</option>' for v in sorted({str(v) for v in values if present(v)}))


def simple_table(rows: list[dict], columns: list[str], links: dict[str, str] | None = None,
                 html: tuple[str, ...] = ()) -> str:
    """A table of rows; `links` maps a column to the column holding the document its cell links to; the columns
    in `html` hold markup made (and escaped) by the caller."""
    if not rows:
        return "<p>None.</p>"
    links = links or {}
    head = "".join(f"<th>{esc(c)}</th>" for c in columns)

    def cell(row, column):
        if column in links and present(row.get(links[column])):
            anchor = f"#fact-{esc(row[column])}" if column.startswith("fact") or column.startswith("suggestion_f") \
                else ""
            return f'<a href="docs/{page_name(row[links[column]])}{anchor}">{esc(row.get(column))}</a>'
        return row.get(column) or "" if column in html else esc(row.get(column))

    body = "".join("<tr>" + "".join(f"<td>{cell(row, c)}</td>" for c in columns) + "</tr>" for row in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def meta_line(document: dict, n_facts: int) -> str:
    parts = [f"published {document['published']}" if present(document.get("published")) else "no publication date"]
    parts += [str(document[k]) for k in ("source", "url") if present(document.get(k))]
    return " · ".join(parts + [f"{n_facts} facts"])


def style() -> str:
    return STYLE + "".join(f".k-{k}{{background:{c}33;border-bottom:3px solid {c}}}" for k, c in KIND_COLORS.items())


def document_page(document: dict, text: str | None, facts: list[dict], rejected: list[dict],
                  verdicts: dict[str, str], neighbours: tuple[str | None, str | None]) -> str:
    prev_doc, next_doc = neighbours
    nav = ['<a href="../index.html">report index</a>']
    nav += [f'<a href="{page_name(prev_doc)}">← {esc(prev_doc)}</a>'] if prev_doc else []
    nav += [f'<a href="{page_name(next_doc)}">{esc(next_doc)} →</a>'] if next_doc else []
    body = render_text(text, facts) if text is not None else "<p>(the article's file is not in the corpus)</p>"
    return render(
        DOCUMENT, csp=CSP, style=Markup(style()), script=Markup(SCRIPT),
        title=f"{document['doc_id']}: {document.get('title') or ''}", nav=Markup(" · ".join(nav)),
        doc_id=str(document["doc_id"]), meta=meta_line(document, len(facts)), text=Markup(body),
        legend=Markup("".join(f'<span class="mark k-{k}">{k}</span> ' for k in KIND_COLORS)),
        kind_options=Markup(options(f["kind"] for f in facts)), fact_rows=Markup(fact_rows(facts, rejected, verdicts)),
        app=APP_URL)


def documents_table(documents: list[dict], unreviewed: dict[str, int], conflicts: dict[str, int]) -> str:
    rows = []
    for d in documents:
        rows.append(f'<tr><td><a href="docs/{page_name(d["doc_id"])}">{esc(d["doc_id"])}</a></td>'
                    f'<td>{esc(d.get("title"))}</td><td>{esc(d.get("published"))}</td><td>{esc(d.get("source"))}</td>'
                    f'<td>{esc(d.get("facts"))}</td><td>{esc(d.get("gaps"))}</td>'
                    f'<td>{unreviewed.get(d["doc_id"], 0)}</td><td>{conflicts.get(d["doc_id"], 0)}</td></tr>')
    return "\n".join(rows)


def write_page(path: Path, content: str) -> None:
    """Written beside and renamed over the old page: a browser reading it sees the old page or the new one."""
    handle, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as out:
            out.write(content)
        os.chmod(tmp, 0o644 & ~current_umask())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def current_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def claim(folder: Path) -> set[str]:
    """Write only into a folder that does not exist, is empty, or is a report aidfacts wrote, and never through
    a symbolic link (a `docs` that leads elsewhere would have the report write and delete there). Returns the
    pages the last report listed in its marker as its own: the only ones a new report may delete."""
    for path in (folder, folder / "docs", folder / MARKER):
        if path.is_symlink():
            raise FileExistsError(f"{path}: a symbolic link; the report is written only into its own folder")
    if folder.exists() and not folder.is_dir():
        raise FileExistsError(f"{folder}: not a folder; give another --report folder")
    if folder.exists() and not (folder / MARKER).exists() and any(folder.iterdir()):
        raise FileExistsError(f"{folder}: not empty and not an aidfacts report; give another --report folder")
    if (folder / "docs").exists() and not (folder / "docs").is_dir():
        raise FileExistsError(f"{folder / 'docs'}: not a folder; the report's pages cannot go there")
    owned = set()
    if (folder / MARKER).is_file():
        lines = (folder / MARKER).read_text(encoding="utf-8", errors="replace").splitlines()
        owned = {line[len("docs/"):] for line in lines if line.startswith("docs/")}
    (folder / "docs").mkdir(parents=True, exist_ok=True)
    if not (folder / MARKER).exists():
        write_marker(folder, set())
    return owned


def write_marker(folder: Path, pages: set[str]) -> None:
    """The marker that makes the folder a report, with the pages of `docs/` this report wrote (one a line)."""
    lines = ["written by aidfacts audit; regenerated in place. Its pages:"] + [f"docs/{n}" for n in sorted(pages)]
    write_page(folder / MARKER, "\n".join(lines) + "\n")


def write_report(outputs: Path | str, corpus: Path | str, folder: Path | str | None = None) -> Path:
    """Write the report of a built dataset; returns its index.html."""
    from extract.dataset.build import load_dataset

    outputs, corpus = Path(outputs), Path(corpus)
    folder = Path(folder) if folder else report_folder(outputs)
    tables = load_dataset(outputs)
    if "facts" not in tables or "documents" not in tables:
        raise FileNotFoundError(f"{outputs}: no facts.csv (run aidfacts build first)")
    owned = claim(folder)
    facts_frame = tables["facts"]
    facts = records(facts_frame.drop(columns=["candidates"], errors="ignore"))
    for fact in facts:
        fact["start"], fact["end"] = int(fact["start"]), int(fact["end"])
    audit = records(tables.get("audit"))
    verdicts = {row["fact_id"]: row["verdict"] for row in audit if row.get("status") == "applied"}
    by_doc: dict[str, list[dict]] = {}
    for fact in facts:
        by_doc.setdefault(fact["doc_id"], []).append(fact)
    rejected: dict[str, list[dict]] = {}
    for row in audit:
        if row.get("verdict") == "reject" or row.get("status") == "stale":
            rejected.setdefault(row.get("doc_id") or "", []).append(row)
    documents = records(tables["documents"])
    conflicts = records(tables.get("conflicts"))
    per_doc_conflicts: dict[str, int] = {}
    for c in conflicts:
        for doc in {c["doc_a"], c["doc_b"]}:
            per_doc_conflicts[doc] = per_doc_conflicts.get(doc, 0) + 1
    unreviewed = {doc: sum(1 for f in own if f["fact_id"] not in verdicts) for doc, own in by_doc.items()}
    written = set()
    for i, document in enumerate(documents):
        doc_id = document["doc_id"]
        path = corpus / os.path.basename(str(document["file"]))   # an edited documents.csv names no other file
        text = read_article_text(path) if path.exists() else None
        for fact in by_doc.get(doc_id, []):   # the blanks' context for gaps.html, while the text is at hand
            if fact["kind"] == "missing_number":
                fact["context_html"] = gap_context(text, fact)
        neighbours = (documents[i - 1]["doc_id"] if i else None,
                      documents[i + 1]["doc_id"] if i + 1 < len(documents) else None)
        name = page_name(doc_id)
        write_page(folder / "docs" / name, document_page(document, text, by_doc.get(doc_id, []),
                                                         rejected.get(doc_id, []), verdicts, neighbours))
        written.add(name)
    write_marker(folder, written | owned)   # before deleting: a report stopped here still knows its pages
    for name in owned - written:   # a page of a document no longer in the dataset, written by a report
        old = folder / "docs" / name
        if old.is_file() and not old.is_symlink():
            old.unlink()
    write_marker(folder, written)
    gaps = [f for f in facts if f["kind"] == "missing_number"]
    figures = [("fig-staff", staff_matrix(tables), "Staff sent, from staff.csv: per origin and destination province "
                "the larger of the batches added up and the latest running total; each number links to its "
                "dispatches. Case series of every region: series.html."),
               ("fig-pairings", pairing_diagram(tables["pairings"]), "Each cell: documents stating the pairing.")]
    for name, page in figure_pages(tables, page_name, CSP, style()).items():
        write_page(folder / name, page)
    precision = records(tables.get("rule_precision"))
    write_page(folder / "conflicts.html", render(
        LISTING, csp=CSP, style=Markup(style()), title="Conflicts",
        intro="The same fact (kind, region, date) stated with different values.", table=Markup(simple_table(conflicts, ["kind", "region", "date", "value_a", "doc_a", "fact_a", "text_a", "value_b",
                                       "doc_b", "fact_b", "text_b"],
                           {"doc_a": "doc_a", "fact_a": "doc_a", "doc_b": "doc_b", "fact_b": "doc_b"}))))
    write_page(folder / "gaps.html", render(
        LISTING, csp=CSP, style=Markup(style()), title="Missing numbers",
        intro="Every number deleted from a text, what it was, and the value other articles suggest.",
        table=Markup(simple_table([{**g, "context": g.get("context_html") or esc(g.get("context"))} for g in gaps],
                                  ["fact_id", "doc_id", "expected", "context", "suggestion", "suggestion_doc",
                                   "suggestion_fact", "suggestion_text"],
                                  {"fact_id": "doc_id", "doc_id": "doc_id", "suggestion_doc": "suggestion_doc",
                                   "suggestion_fact": "suggestion_doc"}, html=("context",)))))
    index = render(
        INDEX, csp=CSP, style=Markup(style()), script=Markup(INDEX_SCRIPT), n_docs=len(documents),
        n_facts=len(facts), n_unreviewed=sum(unreviewed.values()), n_gaps=len(gaps),
        n_suggested=sum(1 for g in gaps if present(g.get("suggestion"))), n_conflicts=len(conflicts),
        n_errors=len(records(tables.get("errors"))), outputs=outputs.name,
        figures=Markup("".join(f'<figure id="{fid}" class="figure">{svg}<figcaption>{esc(caption)}</figcaption>'
                               f'</figure>' for fid, svg, caption in figures)),
        precision=Markup(simple_table(sorted(precision, key=lambda r: (r.get("precision") is None,
                                                                       r.get("precision") or 0, r["rule"])),
                                      ["rule", "facts", "reviewed", "accepted", "rejected", "corrected",
                                       "attributes_corrected", "precision"])),
        documents=Markup(documents_table(documents, unreviewed, per_doc_conflicts)),
        errors=Markup(simple_table(records(tables.get("errors")), ["file", "error"])))
    write_page(folder / "index.html", index)
    return folder / "index.html"
