"""Figures of the audit report, drawn with matplotlib and returned as inline SVG (deterministic bytes)."""
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


def dated(facts: pd.DataFrame, kind: str) -> pd.DataFrame:
    rows = facts[(facts["kind"] == kind) & facts["date"].notna() & facts["value"].notna()].copy()
    rows = rows[rows["date"].astype(str).str.len() == 10]
    rows["day"] = pd.to_datetime(rows["date"])
    rows["number"] = pd.to_numeric(rows["value"], errors="coerce")
    return rows.dropna(subset=["number"])


def timeline(facts: pd.DataFrame, kind: str, group: str, title: str, ylabel: str) -> str:
    """Values over time, one line per region (case counts per city, staff sent per destination)."""
    rows = dated(facts, kind)
    if kind == "case_count":
        rows = rows[rows["status"].isin(["confirmed", "unspecified"])]
    fig, ax = plt.subplots(figsize=(7, 3.2))
    ax.set_title(title)
    if rows.empty:
        empty(ax, f"no dated {kind.replace('_', ' ')}s in the dataset")
        return to_svg(fig)
    for name, points in sorted(rows.groupby(rows[group].fillna("(unknown)")), key=lambda item: str(item[0])):
        points = points.sort_values("day")
        ax.plot(points["day"], points["number"], marker="o", label=str(name))
    ax.set_ylabel(ylabel)
    first, last = rows["day"].min(), rows["day"].max()
    pad = pd.Timedelta(days=3) if first == last else (last - first) / 10
    ax.set_xlim(first - pad, last + pad)
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y-%m-%d"))
    fig.autofmt_xdate()
    ax.legend(fontsize=7, ncol=2, frameon=False)
    return to_svg(fig)


def pairing_diagram(pairings: pd.DataFrame) -> str:
    """Helper provinces on the left, Hubei recipients on the right, a line per pairing."""
    helpers = sorted(set(pairings["helper"])) if not pairings.empty else []
    recipients = sorted(set(pairings["recipient"])) if not pairings.empty else []
    height = max(2.5, 0.28 * max(len(helpers), len(recipients), 1))
    fig, ax = plt.subplots(figsize=(6, height))
    ax.set_title("Pairings: helper province -> Hubei city")
    if pairings.empty:
        empty(ax, "no pairings in the dataset")
        return to_svg(fig)

    def y(names, name):
        return 1 - (names.index(name) + 0.5) / len(names)

    for row in pairings.itertuples():
        ax.plot([0.25, 0.75], [y(helpers, row.helper), y(recipients, row.recipient)], color="#4c78a8",
                linewidth=0.6 + 0.4 * int(row.mentions))
    for name in helpers:
        ax.text(0.23, y(helpers, name), name, ha="right", va="center")
    for name in recipients:
        ax.text(0.77, y(recipients, name), name, ha="left", va="center")
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1)
    ax.axis("off")
    return to_svg(fig)
