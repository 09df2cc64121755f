"""Stage 3, files -> people: the HTML report and its figures, and the integrity checks of a built dataset.

May import `extract.nlp` and `extract.dataset`; imports nothing from `evaluation` or `cli`.
"""
