"""Stage 2, articles -> tables -> files: reading a corpus, taking in articles, running the pipeline over a batch,
caching facts, the evidence pass, reviewers' verdicts, and writing outputs/.

May import `extract.nlp`; imports nothing from `evaluation`, `audit` or `cli`.
"""
