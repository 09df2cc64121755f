"""What the verbs tell people on stderr about a build: one line per error and warning, and a summary."""
from __future__ import annotations

import sys
from pathlib import Path


def build_messages(report, corpus: Path, outputs: Path, quiet: bool = False) -> list[str]:
    """What `aidfacts build` tells on stderr after a build: errors, warnings, and (unless quiet) the summary."""
    lines = [f"error: {error}" for error in report.errors]
    if report.undated:
        more = report.undated_count - 10
        shown = ", ".join(report.undated[:10]) + (f" and {more} more" if more > 0 else "")
        have = "1 article has" if report.undated_count == 1 else f"{report.undated_count} articles have"
        lines.append(f"warning: {have} no publication date (warnings in documents.csv; set one with "
                     f"aidfacts meta DOC_ID --published): {shown}")
    if report.unlisted:
        from extract.dataset.removal import unlisted_warning

        lines.append(unlisted_warning(corpus, report.unlisted))
    lines += [f"warning: stale verdict: fact {fact_id} no longer exists" for fact_id in report.stale_verdicts]
    if not quiet:
        lines.append(f"{report.documents} documents, {report.facts} facts, {report.gaps} gaps, "
                     f"{len(report.errors)} errors; extracted {report.extracted_count}, "
                     f"cached {report.cache_hits} -> {outputs}")
    return lines


def progress_bar(total: int, quiet: bool):
    """A tqdm bar on a terminal, nothing otherwise (CI logs, pipes)."""
    if quiet or not sys.stderr.isatty():
        return None
    from tqdm import tqdm

    bar = tqdm(total=total, unit="doc", desc="extracting", file=sys.stderr)
    bar.words = 0
    return bar
