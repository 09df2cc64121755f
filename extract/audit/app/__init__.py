"""The review app (`aidfacts review` with no fact id): a local web app on 127.0.0.1 that shows the facts most in
need of a human first, each in its paragraph, and records verdicts at once in the corpus's verdicts.csv.

store.py: the facts with the live verdicts laid over them, in triage order; web.py: the Flask pages and POST
endpoints; server.py: serving it with waitress, opening the browser, stopping on Ctrl-C.
"""
