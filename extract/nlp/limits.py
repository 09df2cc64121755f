"""The bounds of what the pipeline takes in and gives out, in one place for every stage that checks them."""
from __future__ import annotations

# Longest article read, in characters: longer files are refused before they reach spaCy.
MAX_CHARACTERS = 2_000_000
