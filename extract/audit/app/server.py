"""Serving the review app: waitress on 127.0.0.1 only, the browser opened on it, Ctrl-C stops it cleanly."""
from __future__ import annotations

import errno
import signal
import sys
import webbrowser
from pathlib import Path

from waitress.server import create_server

from extract.audit.app.web import create_app

HOST = "127.0.0.1"   # loopback only: the app writes into the corpus and has no login


def make_server(outputs: Path | str, corpus: Path | str, port: int = 8765, threads: int = 8):
    """A bound waitress server for the app (port 0: any free port; see `.effective_port`)."""
    app = create_app(outputs, corpus)
    server = create_server(app, host=HOST, port=port, threads=threads, ident="aidfacts")
    bound = server.effective_port
    app.config["ALLOWED_HOSTS"] = {f"{HOST}:{bound}", f"localhost:{bound}"}
    server.review_app = app   # its token, for whoever drives it (tests)
    return server


def serve(outputs: Path | str, corpus: Path | str, port: int = 8765, open_browser: bool = True) -> None:
    try:
        server = make_server(outputs, corpus, port)
    except OSError as error:
        if error.errno == errno.EADDRINUSE:
            raise OSError(f"{HOST}:{port} is in use (another review app?); give another --port, or --port 0 "
                          "for any free one") from None
        raise
    url = f"http://{HOST}:{server.effective_port}/"
    print(f"review app for {outputs} (verdicts in {Path(corpus) / 'verdicts.csv'}) at {url}  Ctrl-C stops it",
          file=sys.stderr, flush=True)
    if open_browser:
        webbrowser.open(url)
    # SIGINT stops the app even when it was inherited ignored (a shell's background job starts that way), and
    # SIGTERM (kill, a service manager) stops it as cleanly
    signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    try:
        server.run()
    except KeyboardInterrupt:
        pass
    finally:
        server.close()
        print("review app stopped", file=sys.stderr, flush=True)
