"""Stage 2, facts -> figures: the consolidated tables. Facts are mentions (one team stated in a headline, a body
and a caption is three facts); this stage groups the mentions of the whole corpus into one row per stated case
figure (`cases.csv`) and one row per dispatch of staff (`staff.csv`), keeps every value stated and every fact id,
and checks the figures by arithmetic (conflicts, revisions, falling totals, new against totals, parts above their
whole, batches above a later total). Checks flag, never fix.

The corpus-level work streams: mentions go to an SQLite file on disk and come back sorted by their key, so a
build's memory does not grow with the corpus. May import `extract.nlp` (the gazetteer); imports nothing from
`dataset`, `evaluation`, `audit` or `cli`.
"""
