"""Stage 3, facts against gold: loading gold files, scoring by the contract's matching rules, and damaging
articles the way scraping loses digits so that gap recall can be measured.

May import `extract.nlp` and `extract.dataset`; imports nothing from `audit` or `cli`.
"""
