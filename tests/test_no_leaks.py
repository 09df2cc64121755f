"""No test leaves a process behind, whether it passes, fails or is skipped: the review app's tests run in a pytest
of their own, once as on a machine without Chromium, and every process they started must be gone when it ends."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent


def processes_marked(marker: str) -> dict[int, str]:
    """The live processes whose environment holds `marker` (children inherit it): pid -> command line."""
    found = {}
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit() or int(proc.name) == os.getpid():
            continue
        try:
            if marker.encode() in (proc / "environ").read_bytes():
                state = (proc / "stat").read_text().rsplit(")", 1)[1].split()[0]
                if state != "Z":
                    command = (proc / "cmdline").read_bytes().replace(b"\0", b" ")
                    found[int(proc.name)] = command.decode(errors="replace")
        except OSError:   # gone meanwhile, or not ours to read
            continue
    return found


@pytest.mark.skipif(not Path("/proc/self/environ").exists(), reason="reads /proc (Linux)")
def test_the_review_app_tests_leave_no_server_without_chromium(tmp_path):
    marker = f"AIDFACTS_LEAK_PROBE={uuid.uuid4().hex}"
    name, value = marker.split("=")
    env = {**os.environ, name: value, "AIDFACTS_CHROMIUM": str(tmp_path / "no-chromium"),
           "PYTHONDONTWRITEBYTECODE": "1"}
    env.pop("CI", None)   # CI makes a missing browser a failure; here it is missing on purpose
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-k", "real_browser or page_token",
         str(TESTS / "test_review_app.py")],
        env=env, cwd=tmp_path, capture_output=True, text=True)
    left = processes_marked(marker)
    for pid in left:   # this test's own clean-up: nothing may outlive it either
        os.kill(pid, signal.SIGKILL)
    assert left == {}, f"left running: {list(left.values())}"
    assert run.returncode == 0, run.stdout[-2000:] + run.stderr[-2000:]
    assert "1 passed, 1 skipped" in run.stdout, run.stdout[-2000:]
