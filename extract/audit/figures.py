"""Figures of the audit report, drawn with matplotlib and returned as inline SVG (deterministic bytes).

Honest by construction: new and cumulative case counts are drawn apart (a day's new cases and a running total on
one line would zig-zag meaninglessly), team sizes apart from totals stated without a sender (a national figure of
42,000 beside a team of 120 would flatten every team), only the regions with most points get a line (and the
caption says how many are left out), and pairings are a helper x recipient matrix, readable at any corpus size.
"""
from __future__ import annotations

import io

import matplotlib

matplotlib.use("Agg")
import matplotlib.dates as mdates  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402

plt.rcParams.update({"svg.hashsalt": "aidfacts", "svg.fonttype": "none", "font.size": 9})
MOST = 8   # lines per chart: the regions with the most points


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


def dated(facts: pd.DataFrame, kind: str) -> pd.DataFrame:
    rows = facts[(facts["kind"] == kind) & facts["date"].notna() & facts["value"].notna()].copy()
    rows = rows[rows["date"].astype(str).str.len() == 10]
    rows["day"] = pd.to_datetime(rows["date"], errors="coerce")
    rows["number"] = pd.to_numeric(rows["value"], errors="coerce")
    return rows.dropna(subset=["number", "day"])


def lines(rows: pd.DataFrame, group: str, title: str, ylabel: str, style: str = "-o",
          log: bool = False) -> tuple[str, str]:
    """One line (or set of points) per group, the MOST groups with most points; (svg, caption)."""
    fig, ax = plt.subplots(figsize=(6.2, 3.0))
    ax.set_title(title)
    if rows.empty:
        empty(ax, "nothing to draw in this dataset")
        return to_svg(fig), "No such values in the dataset"
    names = rows[group].fillna("(no region)").astype(str)
    sizes = names.value_counts()
    kept = sorted(sizes.index, key=lambda n: (-sizes[n], n))[:MOST]
    for name in sorted(kept):
        points = rows[names == name].sort_values("day")
        ax.plot(points["day"], points["number"], style, markersize=3, linewidth=1, label=name)
    ax.set_ylabel(ylabel + (" (log scale)" if log else ""))
    if log:
        ax.set_yscale("symlog", linthresh=10)
    first, last = rows["day"].min(), rows["day"].max()
    pad = pd.Timedelta(days=3) if first == last else (last - first) / 20
    ax.set_xlim(first - pad, last + pad)
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%m-%d"))
    ax.legend(fontsize=7, ncol=2, frameon=False)
    left_out = len(sizes) - len(kept)
    caption = f"{plural(len(rows), 'value')} from {plural(len(sizes), group)}" + (
        f"; the {len(kept)} with most values drawn, {left_out} left out" if left_out else "")
    return to_svg(fig), caption


def plural(n: int, noun: str) -> str:
    return f"{n} {noun}" + ("" if n == 1 else "s")


def case_figures(facts: pd.DataFrame) -> list[tuple[str, str, str]]:
    """(id, svg, caption): confirmed cases, new and cumulative apart."""
    rows = dated(facts, "case_count")
    rows = rows[rows["status"].isin(["confirmed", "unspecified"])]
    unknown = int(rows["period"].isna().sum())
    new = rows[rows["period"] == "new"]
    total = rows[rows["period"] == "total"]
    svg_new, cap_new = lines(new, "region", "New confirmed cases reported, per region", "new cases", "o")
    svg_total, cap_total = lines(total, "region", "Cumulative confirmed cases, per region", "cases so far")
    note = f" {unknown} dated counts whose text says neither new nor total are in neither chart." if unknown else ""
    return [("fig-cases-new", svg_new, cap_new + "."), ("fig-cases", svg_total, cap_total + "." + note)]


def staff_figures(facts: pd.DataFrame) -> list[tuple[str, str, str]]:
    """(id, svg, caption): team sizes by sending province, apart from totals stated without a sender."""
    rows = dated(facts, "personnel_count")
    teams = rows[rows["origin"].notna()]
    totals = rows[rows["origin"].isna()]
    svg_teams, cap_teams = lines(teams, "origin", "Medical staff sent, by sending region", "staff", "o",
                                 log=True)
    svg_totals, cap_totals = lines(totals, "destination", "Staff totals stated without a sender", "staff", "o",
                                   log=True)
    return [("fig-staff", svg_teams, cap_teams + "."),
            ("fig-staff-totals", svg_totals, cap_totals + " (national or cumulative figures).")]


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
