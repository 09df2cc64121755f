"""The review app's pages and its two POST endpoints (Flask, Jinja2 templates with autoescaping).

Every page carries a token made at start-up; a POST without it (another site's form, a script that never loaded
the page) is refused, and so is a request whose Host is not this loopback address (DNS rebinding). Article text
reaches the page only through the templates' autoescaping, and the Content-Security-Policy lets only the app's own
script file run, so an article's `<script>` or `onerror` is shown as text and runs nothing.
"""
from __future__ import annotations

import hmac
import secrets
from dataclasses import replace
from pathlib import Path
from urllib.parse import urlencode

from flask import Flask, abort, jsonify, redirect, render_template, request, url_for
from werkzeug.exceptions import HTTPException

from extract.audit.app.store import FILTERS, UNEXPLAINED, VERDICT_FILTERS, ReviewStore
from extract.dataset.verdicts import (CHOICES, REGION_FIELDS, Verdict, VerdictChanged, VerdictError,
                                      format_attributes, parse_attributes)
from extract.nlp.gazetteer import default_gazetteer

MAX_BODY = 1024 * 1024   # bytes of a POST body: a verdict with the longest note is far smaller
# what a failed check of the consolidated tables means, for the reviewer who settles the figure
CHECKS = {
    "conflict": "its mentions state different values",
    "revised": "a later document restates it with another value",
    "decreasing": "a cumulative figure below an earlier day's of the same region and status",
    "new_vs_total": "total(d) − total(d−1) differs from new(d)",
    "parts_exceed_whole": "its cities add up to more than the province, or the provinces to more than the country",
    "exceeds_confirmed": "deaths or recoveries above the confirmed total",
    "date_after_publication": "as of a day after its article was published",
    "batches_exceed_total": "the batches sent add up to more than a running total stated later",
}
FIGURE_KEYS = {"cases": ("region", "status", "period", "date"),
               "staff": ("origin", "destination", "date", "event", "scope")}
QUEUE_WINDOW = (10, 30)   # queue entries shown before and after the current fact
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
       "form-action 'self'; frame-ancestors 'none'; base-uri 'none'")


def verdict_json(verdict: Verdict | None) -> dict | None:
    if verdict is None:
        return None
    return {"verdict": verdict.verdict, "value": verdict.value, "attributes": format_attributes(verdict.attributes),
            "note": verdict.note}


def verdict_from_json(fact_id: str, data) -> Verdict | None:
    """An undo's verdict as the page sent it back; checked by the store as any new verdict is."""
    if data is None:
        return None
    if not isinstance(data, dict):
        raise VerdictError("a verdict is an object")
    attributes = data.get("attributes") or ""
    if not isinstance(attributes, str):
        raise VerdictError("attributes are NAME=VALUE;... text")
    return Verdict(fact_id, text_field(data, "verdict") or "", text_field(data, "value"), text_field(data, "note"),
                   parse_attributes(attributes))


def text_field(data: dict, name: str) -> str | None:
    """A field of a posted object that must be text (or absent): a number, a list or an object is a 400."""
    value = data.get(name)
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise VerdictError(f"{name} must be text")
    return value


def posted_object() -> dict:
    """The JSON body of a POST: an object, or a VerdictError (a 400 that costs no other request anything)."""
    try:
        data = request.get_json(force=True, silent=False)
    except HTTPException as error:
        if error.code == 413:
            raise
        raise VerdictError("the body is not a JSON object") from None
    except Exception:   # not JSON, not UTF-8, nested too deep for the parser
        raise VerdictError("the body is not a JSON object") from None
    if not isinstance(data, dict):
        raise VerdictError("the body is not a JSON object")
    return data


def create_app(outputs: Path | str, corpus: Path | str) -> Flask:
    app = Flask(__name__)
    app.config["TOKEN"] = secrets.token_urlsafe(32)
    app.config["MAX_CONTENT_LENGTH"] = MAX_BODY
    app.config["ALLOWED_HOSTS"] = None   # set by the server once it knows its port
    store = ReviewStore(outputs, corpus)
    store.refresh()
    app.config["STORE"] = store
    regions = sorted(region.canonical for region in default_gazetteer().regions)

    @app.before_request
    def guard():
        allowed = app.config["ALLOWED_HOSTS"]
        if allowed is not None and request.host not in allowed:
            abort(403, "this app answers only on its loopback address")
        if request.method == "POST":
            token = request.headers.get("X-CSRF-Token", "")
            if not hmac.compare_digest(token, app.config["TOKEN"]):
                return jsonify(error="missing or wrong page token: reload the page"), 403

    @app.after_request
    def headers(response):
        response.headers["Content-Security-Policy"] = CSP
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        response.headers["Cache-Control"] = "no-store"
        return response

    def filters() -> dict[str, str]:
        return {name: request.args.get(name, "").strip() for name in FILTERS if request.args.get(name, "").strip()}

    def link(fact_id: str | None, chosen: dict[str, str]) -> str | None:
        if fact_id is None:
            return None
        return url_for("fact_page", fact_id=fact_id) + ("?" + urlencode(chosen) if chosen else "")

    @app.get("/")
    def index():
        chosen = filters()
        queue = store.queue(chosen)
        if queue.empty:
            # say which filter hides what was looked for, rather than only that nothing passes them all
            hidden = [{**h, "url": url_for("index", **h["filters"])} for h in store.hidden_by(chosen)]
            everywhere = len(store.queue({"q": chosen["q"]})) if chosen.get("q") else 0
            return render_template("empty.html", filters=chosen, choices=store.choices(), hidden=hidden,
                                   everywhere=everywhere, everywhere_url=url_for("index", q=chosen.get("q", "")),
                                   verdict_filters=VERDICT_FILTERS, counts=store.counts(), token=app.config["TOKEN"])
        return redirect(link(queue["fact_id"].iloc[0], chosen))

    @app.get("/fact/<fact_id>")
    def fact_page(fact_id: str):
        chosen = filters()
        fact = store.fact(fact_id)
        if fact is None:
            abort(404, f"no fact {fact_id}")
        queue = store.queue(chosen)
        ids = queue["fact_id"].tolist()
        position = ids.index(fact_id) if fact_id in ids else None
        if position is None:   # filtered out (e.g. just reviewed): show it, the queue from its start
            window, before, after = queue.iloc[:sum(QUEUE_WINDOW)], None, ids[0] if ids else None
        else:
            window = queue.iloc[max(0, position - QUEUE_WINDOW[0]):position + QUEUE_WINDOW[1]]
            before = ids[position - 1] if position > 0 else None
            after = ids[position + 1] if position + 1 < len(ids) else None
        rule = next((row for row in store.tally_rows if row["rule"] == fact["rule"]), None)
        return render_template(
            "fact.html", fact=fact, segments=store.paragraph(fact), queue=window.to_dict(orient="records"),
            position=position, total=len(ids), prev_url=link(before, chosen), next_url=link(after, chosen),
            filters=chosen, query=urlencode(chosen), choices=store.choices(), verdict_filters=VERDICT_FILTERS,
            counts=store.counts(), rule=rule, conflicts=store.conflicts_of(fact_id), token=app.config["TOKEN"],
            attribute_choices=CHOICES, region_fields=REGION_FIELDS, regions=regions,
            verdict=verdict_json(fact["verdict_record"]), checks=CHECKS,
            blanks=[store.fact(b) for b in store.blanks_of.get(fact_id, ())])

    @app.get("/figure/<table>/<int:row>")
    def figure_page(table: str, row: int):
        """A figure of cases.csv or staff.csv with all its mentions side by side and the checks it fails."""
        figure = store.figure(table, row)
        if figure is None:
            abort(404, f"no figure {table}/{row}")
        return render_template("figure.html", figure=figure, table=table, row=row, checks=CHECKS,
                               key=FIGURE_KEYS[table], counts=store.counts(), token=app.config["TOKEN"])

    @app.get("/numbers")
    def numbers_page():
        """The numbers no fact holds and no rule sets aside, each in its sentence (or those of one reason)."""
        reason = request.args.get("reason", UNEXPLAINED).strip()
        doc = request.args.get("doc", "").strip() or None
        try:
            page = int(request.args.get("page", "1")) - 1
        except ValueError:
            page = 0
        found = store.number_queue(reason or None, doc, page)
        chosen = {k: v for k, v in (("reason", reason), ("doc", doc)) if v is not None}
        return render_template("numbers.html", **found, reason=reason, doc=doc, chosen=chosen,
                               counts=store.counts(), token=app.config["TOKEN"])

    @app.get("/rules")
    def rules_page():
        store.refresh()
        rows = sorted(store.tally_rows, key=lambda r: (r["precision"] is None, float(r["precision"] or 0), r["rule"]))
        return render_template("rules.html", rows=rows, counts=store.counts(), token=app.config["TOKEN"])

    @app.post("/verdict")
    def post_verdict():
        try:
            data = posted_object()
            fact_id, action = text_field(data, "fact_id") or "", text_field(data, "action") or ""
            if action == "note":
                fact = store.fact(fact_id)
                before = fact and fact["verdict_record"]
                if before is None:
                    raise VerdictError("give a verdict first: the note goes with it")
                now = replace(before, note=text_field(data, "note"))
                store.restore(fact_id, now, replaces=(before,))
            else:
                attributes = data.get("attributes") or {}
                if not isinstance(attributes, dict) or not all(isinstance(v, str) for v in attributes.values()):
                    raise VerdictError("attributes are an object of text values")
                before, now = store.record(fact_id, action, (text_field(data, "value") or "").strip() or None,
                                           {str(k): v.strip() for k, v in attributes.items() if v.strip()},
                                           (text_field(data, "note") or "").strip() or None)
        except VerdictError as error:
            return jsonify(error=str(error)), 400
        return jsonify(fact_id=fact_id, before=verdict_json(before), verdict=verdict_json(now))

    @app.post("/restore")
    def post_restore():
        try:
            data = posted_object()
            fact_id = text_field(data, "fact_id") or ""
            if "replaces" not in data:   # without it an undo could overwrite what another tab recorded since
                raise VerdictError("an undo names the verdict it replaces ('replaces'); reload the page")
            before = store.restore(fact_id, verdict_from_json(fact_id, data.get("verdict")),
                                   replaces=(verdict_from_json(fact_id, data["replaces"]),))
        except VerdictChanged as error:
            return jsonify(error=str(error)), 409
        except VerdictError as error:
            return jsonify(error=str(error)), 400
        return jsonify(fact_id=fact_id, before=verdict_json(before))

    @app.errorhandler(HTTPException)
    def http_error(error):
        """A POST's failure is JSON (the page's script reads it); a page's is a page."""
        if request.method == "POST":
            return jsonify(error=error.description or error.name), error.code
        return render_template("error.html", error=error), error.code

    @app.errorhandler(Exception)
    def unexpected(error):
        """Whatever else goes wrong in one request is that request's 500, in one line; the others go on."""
        if isinstance(error, HTTPException):
            return http_error(error)
        message = " ".join(str(error).split())[:300] or type(error).__name__
        if request.method == "POST":
            return jsonify(error=f"not recorded: {message}"), 500
        return render_template("error.html", error={"code": 500, "description": message}), 500

    @app.errorhandler(VerdictError)
    def unreadable_verdicts(error):   # verdicts.csv edited by hand into a bad state while the app runs
        if request.method == "POST":
            return jsonify(error=str(error)), 409
        return render_template("error.html", error={"code": 409, "description": str(error)}), 409

    return app
