"""Stage 1, text -> Doc -> facts: the spaCy pipeline of rules and what it knows.

Owns the pipeline (`pipeline.py`), its components (`components/`, one factory per concern), the rules the
components share (`rules/`: token scopes, count nouns, case and staff relations), the knowledge files (`data/`),
the normalisers of numbers and dates, the gazetteer and the Fact record. Imports nothing from `dataset`,
`evaluation`, `audit` or `cli`.
"""
