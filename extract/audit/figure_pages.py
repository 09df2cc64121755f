"""The report's pages of the consolidated tables: `figures.html` (every figure and dispatch with its mentions,
linked to the documents' pages) and `series.html` (small multiples of every region's case series, each point
linked to its row). Rendered by Jinja2 with autoescaping: every value from a file is escaped."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Callable

import jinja2
import pandas as pd

from extract.audit.figures import region_series_charts, sent_anchor, staff_matrix_chart
from extract.audit.figure_formats import QUALIFIER_MARKS
from extract.figures.views import NOT_STATED, staff_sent

TEMPLATES = Path(__file__).parent / "templates"


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    return jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True,
                              undefined=jinja2.StrictUndefined)


def rows_of(frame: pd.DataFrame | None) -> list[dict]:
    if frame is None or frame.empty:
        return []
    return frame.astype(object).where(frame.notna(), None).to_dict(orient="records")


def with_mentions(rows: list[dict], page_name: Callable[[str], str]) -> list[dict]:
    """Each row with its value as read (`>400`) and its mentions: the fact ids, each with its document's page."""
    for row in rows:
        row["shown_value"] = f"{QUALIFIER_MARKS.get(row.get('qualifier') or 'exact', '')}{row['value']:,}"
        row["mentions_list"] = [dict(fact_id=f, doc_id=d, page=page_name(d))
                                for f, d in zip(row["fact_ids"].split(), row["_docs"])]
    return rows


def figure_pages(tables: dict[str, pd.DataFrame], page_name: Callable[[str], str], csp: str,
                 style: str) -> dict[str, str]:
    """{file name: HTML} of the figures page and the series page."""
    facts = tables.get("facts")
    doc_of = dict(zip(facts["fact_id"], facts["doc_id"])) if facts is not None else {}
    cases, staff = rows_of(tables.get("cases")), rows_of(tables.get("staff"))
    for row in cases + staff:
        row["_docs"] = [doc_of.get(f, "") for f in (row.get("fact_ids") or "").split()]
    sent = rows_of(staff_sent(tables["staff"])) if tables.get("staff") is not None else []
    for row in sent:
        row["anchor"] = sent_anchor(row["origin_province"], row["destination_province"])
        row["rows"] = [n for n, s in enumerate(staff, start=1) if s["event"] == "sent"
                       and s["origin_province"] == row["origin_province"]
                       and (s["destination_province"] or NOT_STATED) == row["destination_province"]]
    template = environment().get_template("figures.html")
    figures = template.render(title="Figures and dispatches", csp=csp, style=style, series=None,
                              intro="The consolidated tables (cases.csv, staff.csv): mentions grouped into figures.",
                              cases=with_mentions(cases, page_name), staff=with_mentions(staff, page_name),
                              sent=sent)
    charts = [dict(id=i, region=r, svg=svg, caption=c) for i, r, svg, c in
              region_series_charts(tables["cases"])] if tables.get("cases") is not None else []
    series = template.render(title="Case series per region", csp=csp, style=style, series=charts, cases=[],
                             staff=[], sent=[], intro="Every region with a case figure: cumulative figures on the "
                             "left, new ones on the right, one line per status; each point links to its row.")
    return {"figures.html": figures, "series.html": series}


def staff_matrix(tables: dict[str, pd.DataFrame]) -> str:
    """The index's staff chart, drawn from staff.csv."""
    staff = tables.get("staff")
    return staff_matrix_chart(staff_sent(staff) if staff is not None else pd.DataFrame())
