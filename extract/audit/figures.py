"""Figures of the audit report, drawn with matplotlib and returned as inline SVG (deterministic bytes).

Drawn from the consolidated tables, not from mentions: every region's case series as small multiples (cumulative
and new figures apart, a line per status, dates on a real time axis, linear scales with whole-number ticks, each
point linked to its row), staff sent as an origin-province x destination-province matrix with totals (each number
linked to its dispatches), and pairings as a helper x recipient matrix, readable at any corpus size.
"""
from __future__ import annotations

import io

import matplotlib

matplotlib.use("Agg")
import matplotlib.dates as mdates  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402

plt.rcParams.update({"svg.hashsalt": "aidfacts", "svg.fonttype": "none", "font.size": 9})


def to_svg(fig) -> str:
    buffer = io.StringIO()
    fig.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None}, bbox_inches="tight")
    plt.close(fig)
    svg = buffer.getvalue()
    return svg[svg.index("<svg"):]   # inline: no XML prolog or doctype


def empty(ax, message: str) -> None:
    ax.text(0.5, 0.5, message, ha="center", va="center", transform=ax.transAxes, color="#666")
    ax.set_xticks([])
    ax.set_yticks([])


def plural(n: int, noun: str) -> str:
    return f"{n} {noun}" + ("" if n == 1 else "s")


def pairing_diagram(pairings: pd.DataFrame) -> str:
    """Helper provinces (rows) x Hubei recipients (columns); each cell the number of documents stating the pair."""
    if pairings.empty:
        fig, ax = plt.subplots(figsize=(6, 2.5))
        ax.set_title("Pairings: helper province x Hubei city")
        empty(ax, "no pairings in the dataset")
        return to_svg(fig)
    documents = pairings["documents"].fillna("").astype(str).map(lambda d: len([x for x in d.split(";") if x]))
    matrix = pd.DataFrame({"helper": pairings["helper"], "recipient": pairings["recipient"], "n": documents}) \
        .pivot_table(index="helper", columns="recipient", values="n", aggfunc="sum", fill_value=0)
    matrix = matrix.sort_index().sort_index(axis=1)
    fig, ax = plt.subplots(figsize=(1.6 + 0.42 * len(matrix.columns), 1.0 + 0.28 * len(matrix.index)))
    ax.set_title("Pairings: documents stating helper x Hubei city")
    ax.imshow(matrix.values, cmap="Greens", aspect="auto", vmin=0)
    ax.set_xticks(range(len(matrix.columns)), matrix.columns, rotation=60, ha="right")
    ax.set_yticks(range(len(matrix.index)), matrix.index)
    peak = matrix.values.max() or 1
    for i in range(len(matrix.index)):
        for j in range(len(matrix.columns)):
            n = int(matrix.values[i, j])
            if n:
                ax.text(j, i, str(n), ha="center", va="center", fontsize=7,
                        color="white" if n > peak / 2 else "black")
    return to_svg(fig)


# ---- charts of the consolidated tables (cases.csv, staff.csv) -------------------------------------------------

SERIES_STATUSES = (("confirmed", "#d62828"), ("death", "#222222"), ("recovered", "#2a9d8f"), ("suspected", "#f4a261"),
                   ("severe", "#9d4edd"), ("critical", "#6a040f"), ("unspecified", "#8d99ae"))


def case_anchor(row_number: int) -> str:
    """Where a row of cases.csv (1 = the first data row) is shown with its sources in the report."""
    return f"figures.html#case-{row_number}"


def time_axis(ax) -> None:
    """Dates on a real time axis, with as many readable ticks as fit, and counts on a linear scale with whole
    numbers."""
    locator = mdates.AutoDateLocator(minticks=2, maxticks=5, interval_multiples=True)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    ax.yaxis.set_major_locator(matplotlib.ticker.MaxNLocator(nbins=4, integer=True))
    ax.yaxis.set_major_formatter(matplotlib.ticker.StrMethodFormatter("{x:,.0f}"))
    ax.set_ylim(bottom=0)


def series_panel(ax, rows: pd.DataFrame, title: str) -> None:
    """One line per status through the figures of one region and period; each point links to its row."""
    ax.set_title(title, fontsize=8, loc="left")
    if rows.empty:
        empty(ax, "none stated")
        return
    first, last = rows["day"].min(), rows["day"].max()
    pad = max(pd.Timedelta(days=3), (last - first) / 15)   # whole days on the axis, never hours
    ax.set_xlim(first - pad, last + pad)
    for status, colour in SERIES_STATUSES:
        points = rows[rows["status"] == status].sort_values("day")
        if points.empty:
            continue
        sound = points[points["checks"].isna()]   # the line runs through the figures no check doubts
        ax.plot(sound["day"], sound["value"].astype(float), "-", color=colour, linewidth=1)
        dots = ax.scatter(points["day"], points["value"].astype(float), s=12, label=status, zorder=3,
                          facecolors=[colour if ok else "white" for ok in points["checks"].isna()],
                          edgecolors=colour, linewidths=1)
        dots.set_urls([case_anchor(n) for n in points["row_number"]])
    time_axis(ax)
    ax.legend(fontsize=6, frameon=False, loc="upper left", bbox_to_anchor=(1.0, 1.0))


def region_series_charts(cases: pd.DataFrame) -> list[tuple[str, str, str, str]]:
    """Small multiples, one per region with figures (the country, then each province followed by its cities):
    (id, region, svg, caption), cumulative figures on the left and new ones on the right."""
    if cases.empty:
        return []
    rows = cases.copy()
    rows["row_number"] = range(1, len(rows) + 1)
    rows["day"] = pd.to_datetime(rows["date"].astype(str), errors="coerce")
    rows = rows.dropna(subset=["day", "value"])
    rows["name"] = rows["region"].fillna("the country")
    charts = []
    for name in dict.fromkeys(rows["name"]):   # in the table's order
        own = rows[rows["name"] == name]
        fig, (left, right) = plt.subplots(1, 2, figsize=(8.4, 1.9), gridspec_kw={"wspace": 0.55})
        series_panel(left, own[own["period"] == "total"], f"{name}: cumulative")
        series_panel(right, own[own["period"] == "new"], f"{name}: new")
        flagged = int(own["checks"].notna().sum())
        caption = f"{plural(len(own), 'figure')} stated by {plural(int(own['mentions'].sum()), 'mention')}" + (
            f"; {flagged} failing a check, drawn hollow and left off the line" if flagged else "") + \
            ". Each point links to its row and sources."
        charts.append((f"series-{len(charts) + 1}", name, to_svg(fig), caption))
    return charts


def staff_matrix_chart(sent: pd.DataFrame) -> str:
    """Staff sent, origin province (rows) x destination province (columns), with totals; each number links to
    the dispatches behind it."""
    if sent.empty:
        fig, ax = plt.subplots(figsize=(6, 2.5))
        ax.set_title("Medical staff sent: origin province x destination")
        empty(ax, "no dispatches in the dataset")
        return to_svg(fig)
    matrix = sent.pivot(index="origin_province", columns="destination_province", values="sent").fillna(0)
    matrix = matrix.astype(int)
    origins, destinations = list(matrix.index), list(matrix.columns)
    fig, ax = plt.subplots(figsize=(2.6 + 1.0 * (len(destinations) + 1), 1.0 + 0.26 * (len(origins) + 1)))
    ax.set_title("Medical staff sent: origin province x destination province", fontsize=9)
    ax.imshow(matrix.values, cmap="Oranges", aspect="auto", vmin=0)
    ax.set_xticks(range(len(destinations) + 1), destinations + ["all"], rotation=30, ha="right")
    ax.set_yticks(range(len(origins) + 1), origins + ["all"])
    ax.set_xlim(-0.5, len(destinations) + 0.5)
    ax.set_ylim(len(origins) + 0.5, -0.5)
    peak = matrix.values.max() or 1
    for i, origin in enumerate(origins):
        for j, destination in enumerate(destinations):
            n = int(matrix.values[i, j])
            if n:
                ax.text(j, i, f"{n:,}", ha="center", va="center", fontsize=7,
                        color="white" if n > peak / 2 else "black", url=f"figures.html#{sent_anchor(origin, destination)}")
        ax.text(len(destinations), i, f"{int(matrix.values[i].sum()):,}", ha="center", va="center", fontsize=7,
                weight="bold")
    for j in range(len(destinations)):
        ax.text(j, len(origins), f"{int(matrix.values[:, j].sum()):,}", ha="center", va="center", fontsize=7,
                weight="bold")
    ax.text(len(destinations), len(origins), f"{int(matrix.values.sum()):,}", ha="center", va="center", fontsize=7,
            weight="bold")
    return to_svg(fig)


def sent_anchor(origin: str, destination: str) -> str:
    """The id of an origin -> destination pair's dispatches on the figures page."""
    def clean(name: str) -> str:
        return "".join(c if c.isalnum() else "_" for c in name)
    return f"sent-{clean(origin)}-{clean(destination)}"
