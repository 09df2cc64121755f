"""The report's page templates, style and scripts. The templates are Jinja2's with autoescaping: every value put
in is escaped unless report.py built it as markup from escaped parts; the style and scripts are ours, and the
Content-Security-Policy runs only them (by their hashes), never a script that an edited output smuggled in."""
from __future__ import annotations

import base64
import hashlib

STYLE = """
body{font:14px/1.5 system-ui,sans-serif;margin:0 2rem 4rem;color:#222}
h1{margin-top:1rem} .summary span{margin-right:1.2rem} .meta{color:#666;font-size:12px}
.text{white-space:pre-wrap;border:1px solid #ddd;padding:1rem;line-height:2.2;max-width:60rem}
.mark{cursor:pointer} .mark.selected{outline:2px solid #d00}
.blank{background:#e76f51;color:#fff;border-radius:3px;padding:0 3px;font-size:11px;text-decoration:none}
.context{white-space:pre-wrap}
table{border-collapse:collapse;font-size:12px;margin:0.5rem 0} td,th{border:1px solid #ddd;padding:2px 6px;vertical-align:top}
tr.selected{background:#ffe8a3} td.src{color:#555;max-width:22rem}
.figure{display:inline-block;margin:0 1rem 1rem 0;max-width:46rem;vertical-align:top}
.figure svg{max-width:100%;height:auto} figcaption{font-size:12px;color:#555}
#details{position:fixed;right:1rem;bottom:1rem;max-width:30rem;background:#fff;border:1px solid #999;padding:.5rem;
font-size:12px;box-shadow:0 2px 8px #0003} #details:empty{display:none} #details code{background:#f3f3f3;padding:0 3px}
.filters label{margin-right:1rem} nav{margin:.6rem 0}
"""

INDEX = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>aidfacts audit report</title>
<meta http-equiv="Content-Security-Policy" content="{{ csp }}">
<style>{{ style }}</style></head>
<body>
<h1>aidfacts audit report</h1>
<p class="summary"><span>{{ n_docs }} documents</span><span>{{ n_facts }} facts</span>
<span id="unreviewed">{{ n_unreviewed }} unreviewed</span><span>{{ n_gaps }} missing numbers ({{ n_suggested }} with a suggestion)</span>
<span>{{ n_conflicts }} conflicts</span><span>{{ n_errors }} unreadable articles</span></p>
<p>Review facts in the browser with <code>aidfacts review -o {{ outputs }}</code> (the triage app); each document page
gives every fact's id and its review command. Regenerate this report with <code>aidfacts audit {{ outputs }}</code>.</p>
<nav><a href="#figures">figures</a> · <a href="figures.html">figures and dispatches</a> · <a href="series.html">case series per region</a> · <a href="#precision">rule precision</a> · <a href="#documents">documents</a> ·
<a href="gaps.html">missing numbers</a> · <a href="conflicts.html">conflicts</a> · <a href="#errors">unreadable articles</a></nav>
<section id="figures"><h2>Figures</h2>{{ figures }}</section>
<section id="precision"><h2>Rule precision (from reviewers' verdicts)</h2>{{ precision }}</section>
<section id="documents"><h2>Documents</h2>
<p class="filters"><label>find <input id="filter-docs" placeholder="id, title, source, date"></label><span id="shown"></span></p>
<table id="documents-table"><thead><tr><th>document</th><th>title</th><th>published</th><th>source</th><th>facts</th>
<th>missing numbers</th><th>unreviewed</th><th>conflicts</th></tr></thead><tbody>
{{ documents }}
</tbody></table></section>
<section id="errors"><h2>Unreadable articles</h2>{{ errors }}</section>
<script>{{ script }}</script>
</body></html>
"""

INDEX_SCRIPT = """
(function () {
  var rows = Array.prototype.slice.call(document.querySelectorAll('#documents-table tbody tr'));
  var input = document.getElementById('filter-docs'), shown = document.getElementById('shown');
  function apply() {
    var q = input.value.trim().toLowerCase(), n = 0;
    rows.forEach(function (row) {
      var ok = !q || row.textContent.toLowerCase().indexOf(q) >= 0;
      row.style.display = ok ? '' : 'none';
      if (ok) { n += 1; }
    });
    shown.textContent = ' ' + n + ' of ' + rows.length + ' shown';
  }
  input.addEventListener('input', apply);
  apply();
})();
"""

DOCUMENT = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{{ title }}</title>
<meta http-equiv="Content-Security-Policy" content="{{ csp }}">
<style>{{ style }}</style></head>
<body data-app="{{ app }}">
<nav>{{ nav }}</nav>
<h1>{{ title }}</h1><p class="meta">{{ meta }}</p><p>{{ legend }}</p>
<article id="doc-{{ doc_id }}"><div class="text">{{ text }}</div></article>
<section id="facts"><h2>Facts</h2>
<div class="filters">
<label>kind <select id="filter-kind"><option value="">all</option>{{ kind_options }}</select></label>
<label>region <input id="filter-region" placeholder="e.g. Wuhan"></label>
<label>verdict <select id="filter-verdict"><option value="">all</option><option>unreviewed</option>
<option>accept</option><option>correct</option><option>reject</option><option>stale</option></select></label>
<span id="shown"></span></div>
<table id="facts-table"><thead><tr><th>fact</th><th>kind</th><th>value</th><th>attributes</th>
<th>suggestion</th><th>rule</th><th>verdict</th><th>text</th></tr></thead><tbody>
{{ fact_rows }}
</tbody></table></section>
<div id="details"></div>
<script>{{ script }}</script>
</body></html>
"""

LISTING = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>aidfacts: {{ title }}</title>
<meta http-equiv="Content-Security-Policy" content="{{ csp }}">
<style>{{ style }}</style></head>
<body><nav><a href="index.html">report index</a></nav><h1>{{ title }}</h1><p>{{ intro }}</p>{{ table }}</body></html>
"""

SCRIPT = """
(function () {
  var rows = Array.prototype.slice.call(document.querySelectorAll('#facts-table tbody tr'));
  var controls = ['filter-kind', 'filter-region', 'filter-verdict'].map(function (id) {
    return document.getElementById(id);
  });
  function applyFilters() {
    var kind = controls[0].value, region = controls[1].value.trim().toLowerCase(),
        verdict = controls[2].value, shown = 0;
    rows.forEach(function (row) {
      var ok = (!kind || row.dataset.kind === kind) &&
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
  var details = document.getElementById('details'), app = document.body.dataset.app;
  function line(parent, tag, text) {
    var el = document.createElement(tag);
    el.textContent = text;
    parent.appendChild(el);
    return el;
  }
  document.addEventListener('click', function (event) {
    var mark = event.target.closest ? event.target.closest('.mark[data-fact]') : null;
    if (!mark) { return; }
    document.querySelectorAll('.selected').forEach(function (el) { el.classList.remove('selected'); });
    mark.classList.add('selected');
    details.textContent = '';
    var el = mark;
    while (el && el.classList && el.classList.contains('mark')) {
      var id = el.dataset.fact, box = document.createElement('div');
      line(box, 'p', el.getAttribute('title'));
      var p = line(box, 'p', 'review: ');
      line(p, 'code', 'aidfacts review ' + id + ' --accept');
      p.appendChild(document.createTextNode(' (or --reject, --correct VALUE) · '));
      var link = line(p, 'a', 'open in the review app');
      link.href = app + '/fact/' + encodeURIComponent(id);
      link.className = 'app-link';
      details.appendChild(box);
      var row = document.getElementById('row-' + id);
      if (row) { row.classList.add('selected'); }
      el = el.parentElement;
    }
  });
})();
"""


def script_hash(script: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii") + "'"


# only our two scripts run: an inline script or handler that an edited output got into a page has no hash here
CSP = ("default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
       f"script-src {script_hash(SCRIPT)} {script_hash(INDEX_SCRIPT)}")
