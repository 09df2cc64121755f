"""The audit report: one self-contained HTML file (no network) showing every fact against its words.

Each article's text is shown with its facts highlighted by kind; overlapping facts are nested marks whose
underlines stack, so each stays visible. Hovering a mark shows its value, attributes and rule; clicking it
shows the details and selects its row in the facts table. A blank (a deleted number) shows its suggested value
and links to the evidence in the other article. All article text is HTML-escaped.
"""
from __future__ import annotations

import html
from pathlib import Path

import pandas as pd

from extract.dataset.corpus import read_article_text
from extract.audit.figures import pairing_diagram, timeline
from extract.nlp.records import present

KIND_COLORS = {
    "date": "#8ecae6", "region": "#b7e4c7", "case_count": "#f4a261", "personnel_count": "#e9c46a",
    "team_count": "#cdb4db", "region_count": "#a8dadc", "pairing": "#90be6d", "missing_number": "#e76f51",
}
ATTRIBUTES = ("qualifier", "status", "period", "unit", "region", "origin", "destination", "helper", "recipient",
              "date", "expected")


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
    return " · ".join(str(p) for p in parts)


def lanes(facts: list[dict]) -> dict[str, int]:
    """A lane per fact so that overlapping facts never share one (interval colouring, longest first)."""
    assigned: dict[str, int] = {}
    placed: list[tuple[int, int, int]] = []
    for fact in sorted(facts, key=lambda f: (f["start"], -(f["end"] - f["start"]), f["fact_id"])):
        used = {lane for start, end, lane in placed if start < fact["end"] and fact["start"] < end}
        lane = next(i for i in range(len(used) + 1) if i not in used)
        assigned[fact["fact_id"]] = lane
        placed.append((fact["start"], fact["end"], lane))
    return assigned


def render_text(text: str, facts: list[dict]) -> str:
    """The text as HTML, each fact a mark (nested where facts overlap), blanks with their suggestion."""
    lane_of = lanes(facts)
    bounds = sorted({0, len(text)} | {f["start"] for f in facts} | {f["end"] for f in facts})
    anchored: set[str] = set()
    blanks = {f["start"]: f for f in facts if f["kind"] == "missing_number"}
    out = []
    for a, b in zip(bounds, bounds[1:]):
        active = sorted((f for f in facts if f["start"] <= a and f["end"] >= b and f["start"] < f["end"]),
                        key=lambda f: -lane_of[f["fact_id"]])
        if a in blanks and blanks[a]["fact_id"] not in anchored:
            out.append(blank_marker(blanks[a]))
        opened = 0
        for fact in active:
            anchor = ""
            if fact["fact_id"] not in anchored:
                anchor = f' id="fact-{esc(fact["fact_id"])}"'
                anchored.add(fact["fact_id"])
            lane = lane_of[fact["fact_id"]]
            out.append(f'<span{anchor} class="mark k-{fact["kind"]}" data-fact="{esc(fact["fact_id"])}" '
                       f'style="padding-bottom:{1 + 3 * lane}px" title="{esc(describe(fact))}">')
            opened += 1
        out.append(esc(text[a:b]))
        out.append("</span>" * opened)
    return "".join(out)


def blank_marker(fact: dict) -> str:
    label = f"[{esc(fact.get('expected'))}?"
    if present(fact.get("suggestion")):
        target = esc(fact.get("suggestion_fact"))
        label += f" → {esc(fact['suggestion'])}]"
        return (f'<a class="blank" href="#fact-{target}" title="{esc(describe(fact))}: '
                f'{esc(fact.get("suggestion_text"))}">{label}</a>')
    return f'<span class="blank" title="{esc(describe(fact))}">{label}]</span>'


def verdict_of(fact: dict) -> str:
    if not fact.get("reviewed"):
        return "unreviewed"
    if present(fact.get("extracted_value")) and str(fact.get("extracted_value")) != str(fact.get("value")):
        return "correct"
    return "accept"


def facts_table(facts: list[dict], audit: list[dict]) -> str:
    rows = []
    for fact in facts:
        regions = " ".join(str(fact[a]) for a in ("region", "origin", "destination", "helper", "recipient")
                           if present(fact.get(a)))
        rows.append(
            f'<tr id="row-{esc(fact["fact_id"])}" data-kind="{esc(fact["kind"])}" data-doc="{esc(fact["doc_id"])}" '
            f'data-region="{esc(regions)}" data-verdict="{verdict_of(fact)}">'
            f'<td><a href="#fact-{esc(fact["fact_id"])}">{esc(fact["fact_id"])}</a></td><td>{esc(fact["doc_id"])}</td>'
            f'<td>{esc(fact["kind"])}</td><td>{esc(fact["value"])}</td>'
            f'<td>{esc(", ".join(f"{a}={fact[a]}" for a in ATTRIBUTES if present(fact.get(a))))}</td>'
            f'<td>{esc(fact.get("suggestion"))}</td><td>{esc(fact["rule"])}</td><td>{verdict_of(fact)}</td>'
            f'<td class="src">{esc(fact["text"])}</td></tr>')
    for row in audit:
        if row.get("verdict") == "reject" or row.get("status") == "stale":
            verdict = "stale" if row.get("status") == "stale" else "reject"
            rows.append(
                f'<tr data-kind="{esc(row.get("kind"))}" data-doc="{esc(row.get("doc_id"))}" data-region="" '
                f'data-verdict="{verdict}"><td>{esc(row["fact_id"])}</td><td>{esc(row.get("doc_id"))}</td>'
                f'<td>{esc(row.get("kind"))}</td><td>{esc(row.get("extracted_value"))}</td>'
                f'<td>{esc(row.get("note"))}</td><td></td><td></td><td>{verdict}</td>'
                f'<td class="src">{esc(row.get("text"))}</td></tr>')
    return "\n".join(rows)


def options(values) -> str:
    return "".join(f'<option value="{esc(v)}">{esc(v)}</option>' for v in sorted({str(v) for v in values if present(v)}))


def simple_table(frame: pd.DataFrame, columns: list[str]) -> str:
    if frame.empty:
        return "<p>None.</p>"
    head = "".join(f"<th>{esc(c)}</th>" for c in columns)
    body = "".join("<tr>" + "".join(f"<td>{esc(row.get(c))}</td>" for c in columns) + "</tr>"
                   for row in frame.to_dict(orient="records"))
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def conflict_rows(conflicts: pd.DataFrame) -> str:
    if conflicts.empty:
        return "<p>No conflicting values.</p>"
    rows = []
    for c in conflicts.to_dict(orient="records"):
        rows.append(f'<tr><td>{esc(c["kind"])}</td><td>{esc(c["region"])}</td><td>{esc(c["date"])}</td>'
                    f'<td><a href="#fact-{esc(c["fact_a"])}">{esc(c["value_a"])}</a> ({esc(c["doc_a"])}): '
                    f'{esc(c["text_a"])}</td><td><a href="#fact-{esc(c["fact_b"])}">{esc(c["value_b"])}</a> '
                    f'({esc(c["doc_b"])}): {esc(c["text_b"])}</td></tr>')
    return ("<table><thead><tr><th>kind</th><th>region</th><th>date</th><th>one source</th><th>other source</th>"
            "</tr></thead><tbody>" + "".join(rows) + "</tbody></table>")


def meta_line(document: dict, n_facts: int) -> str:
    parts = [f"published {document['published']}" if present(document.get("published")) else "no publication date"]
    parts += [str(document[k]) for k in ("source", "url") if present(document.get(k))]
    return " · ".join(parts + [f"{n_facts} facts"])


def render_report(tables: dict[str, pd.DataFrame], texts: dict[str, str]) -> str:
    facts_frame = tables["facts"]
    facts = facts_frame.astype(object).where(facts_frame.notna(), None).to_dict(orient="records")
    for fact in facts:
        fact["start"], fact["end"] = int(fact["start"]), int(fact["end"])
        fact["reviewed"] = bool(fact.get("reviewed"))
    audit = tables.get("audit", pd.DataFrame()).to_dict(orient="records")
    documents = tables["documents"].to_dict(orient="records")
    unreviewed = sum(1 for f in facts if verdict_of(f) == "unreviewed")
    gaps = [f for f in facts if f["kind"] == "missing_number"]
    articles = []
    for document in documents:
        doc_id = document["doc_id"]
        text = texts.get(doc_id)
        if text is None:
            continue
        own = [f for f in facts if f["doc_id"] == doc_id]
        articles.append(
            f'<article id="doc-{esc(doc_id)}"><h3>{esc(doc_id)}: {esc(document.get("title"))}</h3>'
            f'<p class="meta">{esc(meta_line(document, len(own)))}</p>'
            f'<div class="text">{render_text(text, own)}</div></article>')
    figures = [
        ("fig-cases", timeline(facts_frame, "case_count", "region", "Case counts per region over time", "cases")),
        ("fig-staff", timeline(facts_frame, "personnel_count", "destination", "Medical staff sent, by destination",
                               "staff")),
        ("fig-pairings", pairing_diagram(tables["pairings"])),
    ]
    legend = "".join(f'<span class="mark k-{k}">{k}</span> ' for k in KIND_COLORS)
    return TEMPLATE.format(
        style=STYLE + "".join(f".k-{k}{{background:{c}33;border-bottom:3px solid {c}}}" for k, c in KIND_COLORS.items()),
        n_docs=len(documents), n_facts=len(facts), n_unreviewed=unreviewed, n_gaps=len(gaps),
        n_suggested=sum(1 for g in gaps if present(g.get("suggestion"))), n_conflicts=len(tables["conflicts"]),
        n_errors=len(tables.get("errors", [])), legend=legend,
        figures="".join(f'<figure id="{fid}" class="figure">{svg}</figure>' for fid, svg in figures),
        kind_options=options(f["kind"] for f in facts), doc_options=options(d["doc_id"] for d in documents),
        fact_rows=facts_table(facts, audit),
        gap_rows=simple_table(pd.DataFrame(gaps), ["doc_id", "start", "expected", "context", "suggestion",
                                                   "suggestion_doc", "suggestion_text"]),
        conflicts=conflict_rows(tables["conflicts"]),
        errors=simple_table(tables.get("errors", pd.DataFrame()), ["file", "error"]),
        articles="\n".join(articles), script=SCRIPT)


def write_report(outputs: Path | str, corpus: Path | str) -> Path:
    from extract.dataset.build import load_dataset

    outputs, corpus = Path(outputs), Path(corpus)
    tables = load_dataset(outputs)
    if "facts" not in tables:
        raise FileNotFoundError(f"{outputs}: no facts.csv (run aidfacts build first)")
    texts = {}
    for document in tables["documents"].to_dict(orient="records"):
        path = corpus / document["file"]
        if path.exists():
            texts[document["doc_id"]] = read_article_text(path)
    target = outputs / "report.html"
    tmp = target.with_suffix(".html.tmp")
    tmp.write_text(render_report(tables, texts), encoding="utf-8")
    tmp.replace(target)
    return target


STYLE = """
body{font:14px/1.5 system-ui,sans-serif;margin:0 2rem 4rem;color:#222}
h1{margin-top:1rem} .summary span{margin-right:1.2rem} .meta{color:#666;font-size:12px}
.text{white-space:pre-wrap;border:1px solid #ddd;padding:1rem;line-height:2.2;max-width:60rem}
.mark{cursor:pointer} .mark.selected{outline:2px solid #d00}
.blank{background:#e76f51;color:#fff;border-radius:3px;padding:0 3px;font-size:11px;text-decoration:none}
table{border-collapse:collapse;font-size:12px;margin:0.5rem 0} td,th{border:1px solid #ddd;padding:2px 6px;vertical-align:top}
tr.selected{background:#ffe8a3} td.src{color:#555;max-width:22rem}
.figure{display:inline-block;margin:0 1rem 1rem 0} .figure svg{max-width:100%;height:auto}
#details{position:fixed;right:1rem;bottom:1rem;max-width:28rem;background:#fff;border:1px solid #999;padding:.5rem;
font-size:12px;box-shadow:0 2px 8px #0003} #details:empty{display:none}
.filters label{margin-right:1rem}
"""

TEMPLATE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>aidfacts audit report</title>
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<style>{style}</style></head>
<body>
<h1>aidfacts audit report</h1>
<p class="summary"><span>{n_docs} documents</span><span>{n_facts} facts</span>
<span id="unreviewed">{n_unreviewed} unreviewed</span><span>{n_gaps} missing numbers ({n_suggested} with a suggestion)</span>
<span>{n_conflicts} conflicts</span><span>{n_errors} unreadable articles</span></p>
<p>{legend}</p>
<nav><a href="#figures">figures</a> · <a href="#facts">facts</a> · <a href="#gaps">missing numbers</a> ·
<a href="#conflicts">conflicts</a> · <a href="#articles">articles</a></nav>
<section id="figures"><h2>Figures</h2>{figures}</section>
<section id="facts"><h2>Facts</h2>
<div class="filters">
<label>kind <select id="filter-kind"><option value="">all</option>{kind_options}</select></label>
<label>document <select id="filter-doc"><option value="">all</option>{doc_options}</select></label>
<label>region <input id="filter-region" placeholder="e.g. Wuhan"></label>
<label>verdict <select id="filter-verdict"><option value="">all</option><option>unreviewed</option>
<option>accept</option><option>correct</option><option>reject</option><option>stale</option></select></label>
<span id="shown"></span></div>
<table id="facts-table"><thead><tr><th>fact</th><th>document</th><th>kind</th><th>value</th><th>attributes</th>
<th>suggestion</th><th>rule</th><th>verdict</th><th>text</th></tr></thead><tbody>
{fact_rows}
</tbody></table></section>
<section id="gaps"><h2>Missing numbers</h2>{gap_rows}</section>
<section id="conflicts"><h2>Conflicts</h2>{conflicts}</section>
<section id="errors"><h2>Unreadable articles</h2>{errors}</section>
<section id="articles"><h2>Articles</h2>{articles}</section>
<div id="details"></div>
<script>{script}</script>
</body></html>
"""

SCRIPT = """
(function () {
  var rows = Array.prototype.slice.call(document.querySelectorAll('#facts-table tbody tr'));
  var controls = ['filter-kind', 'filter-doc', 'filter-region', 'filter-verdict'].map(function (id) {
    return document.getElementById(id);
  });
  function applyFilters() {
    var kind = controls[0].value, doc = controls[1].value, region = controls[2].value.trim().toLowerCase(),
        verdict = controls[3].value, shown = 0;
    rows.forEach(function (row) {
      var ok = (!kind || row.dataset.kind === kind) && (!doc || row.dataset.doc === doc) &&
               (!region || row.dataset.region.toLowerCase().indexOf(region) >= 0) &&
               (!verdict || row.dataset.verdict === verdict);
      row.style.display = ok ? '' : 'none';
      if (ok) { shown += 1; }
    });
    document.getElementById('shown').textContent = shown + ' of ' + rows.length + ' shown';
  }
  controls.forEach(function (control) {
    control.addEventListener('input', applyFilters);
    control.addEventListener('change', applyFilters);
  });
  applyFilters();
  var details = document.getElementById('details');
  document.addEventListener('click', function (event) {
    var mark = event.target.closest ? event.target.closest('.mark[data-fact]') : null;
    if (!mark) { return; }
    document.querySelectorAll('.selected').forEach(function (el) { el.classList.remove('selected'); });
    mark.classList.add('selected');
    var lines = [], el = mark;
    while (el && el.classList && el.classList.contains('mark')) {
      lines.push(el.getAttribute('title'));
      var row = document.getElementById('row-' + el.dataset.fact);
      if (row) { row.classList.add('selected'); }
      el = el.parentElement;
    }
    details.textContent = '';
    lines.forEach(function (line) {
      var p = document.createElement('p');
      p.textContent = line;
      details.appendChild(p);
    });
  });
})();
"""
