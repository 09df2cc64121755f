"""The outputs folder: written only by builds, swapped in whole, one build at a time.

A build writes into a fresh staging folder beside outputs/ and swaps it in at the end, so a build that dies
leaves the previous outputs whole. The swap replaces only a folder that is empty or that a build made: one that
holds the marker file (or, from before markers, aidfacts' datapackage.json) and nothing but files a build or an audit
writes. Anything else is refused before anything is written, so `-o corpus` or `-o .` never delete what the
user made, and removing an old outputs folder deletes only the names a build writes. A lock file beside the
folder keeps two builds from writing the same outputs at once: the second waits, then refuses.
"""
from __future__ import annotations

import json
import os
import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterable, Iterator

import filelock

MARKER = ".aidfacts-outputs"
MARKER_TEXT = ("This folder is written by `aidfacts build`, which replaces it whole at every build: "
               "keep nothing else in it.\n")
LOCK_WAIT = 600.0   # seconds a build waits for another build of the same outputs before it refuses


class OutputsError(Exception):
    """An outputs folder a build may not write; str() is one line naming the folder and the reason."""


def lock_path(outputs: Path) -> Path:
    return outputs.with_name(f".{outputs.name}.lock")


def refusal(outputs: Path, shown: str, made: Iterable[str]) -> str | None:
    """Why a build may not replace `outputs` (None when it may): it must be missing, empty or made by a build."""
    if not outputs.name:
        return f"{shown}: the root folder cannot be an outputs folder"
    if outputs.is_symlink():
        return f"{shown}: is a symbolic link; give the folder it points to with -o"
    if not outputs.exists():
        return None
    if not outputs.is_dir():
        return f"{shown}: exists and is not a folder; nothing was written"
    names = sorted(os.listdir(outputs))
    if not names:
        return None
    if MARKER not in names and not built_before_markers(outputs):
        return (f"{shown}: not empty and not made by aidfacts build (no {MARKER} marker); "
                f"nothing was written (choose an empty or new folder with -o)")
    allowed = set(made) | {MARKER}
    foreign = [name for name in names if name not in allowed or (outputs / name).is_dir()]
    if foreign:
        return (f"{shown}: holds {foreign[0]!r}, which aidfacts build did not write; nothing was written "
                f"(move it away or choose another folder with -o)")
    return None


def built_before_markers(outputs: Path) -> bool:
    """Outputs of a build from before the marker: their datapackage.json names the aidfacts package."""
    try:
        with open(outputs / "datapackage.json", "rb") as handle:
            return json.loads(handle.read(1 << 20)).get("name") == "aidfacts"
    except (OSError, ValueError, AttributeError):
        return False


def remove_built(folder: Path, made: Iterable[str]) -> None:
    """Delete a folder a build made: only the names a build writes, the marker last (so that a removal cut
    short still shows whose folder it was), and the folder itself only once it is empty."""
    made = set(made) - {MARKER}
    for name in os.listdir(folder):
        if name in made and not (folder / name).is_dir():
            (folder / name).unlink()
    if (folder / MARKER).exists():
        (folder / MARKER).unlink()
    if not os.listdir(folder):
        folder.rmdir()


def current_umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


@contextmanager
def staging_folder(outputs: Path | str, made: Iterable[str], shown: str | None = None, wait: float = LOCK_WAIT,
                   on_wait: Callable[[str], None] | None = None) -> Iterator[Path]:
    """A fresh folder beside `outputs`, swapped in if the block ends normally and removed otherwise, under
    the outputs' lock. `made` names the files a build (or an audit) writes there; `shown` is how the user
    named the folder, for messages."""
    made = tuple(made)
    shown = shown or str(outputs)
    outputs = Path(os.path.abspath(outputs))
    problem = refusal(outputs, shown, made)
    if problem:
        raise OutputsError(problem)
    outputs.parent.mkdir(parents=True, exist_ok=True)
    with outputs_lock(outputs, shown, wait, on_wait):
        problem = refusal(outputs, shown, made)   # again: another build may have changed it while we waited
        if problem:
            raise OutputsError(problem)
        recover(outputs, made)
        staging = Path(tempfile.mkdtemp(prefix=f".{outputs.name}.new-", dir=outputs.parent))
        try:
            os.chmod(staging, 0o777 & ~current_umask())   # mkdtemp makes 0700: outputs keep the user's umask
            (staging / MARKER).write_text(MARKER_TEXT, encoding="utf-8")
            yield staging
            swap_in(staging, outputs, made)
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)   # made by mkdtemp in this call: all of it is ours
            raise


@contextmanager
def outputs_lock(outputs: Path, shown: str, wait: float, on_wait: Callable[[str], None] | None) -> Iterator[None]:
    """The lock of one outputs folder (a file beside it): a second build waits up to `wait` seconds, then
    refuses in one line."""
    lock = filelock.FileLock(str(lock_path(outputs)))
    try:
        lock.acquire(timeout=0)
    except filelock.Timeout:
        if on_wait:
            on_wait(f"{shown}: another aidfacts build is writing it; waiting up to {wait:.0f} s")
        try:
            lock.acquire(timeout=wait)
        except filelock.Timeout:
            raise OutputsError(f"{shown}: another aidfacts build is still writing it "
                               f"(lock {lock_path(outputs).name}); try again when it ends") from None
    try:
        yield
    finally:
        lock.release()


def swap_in(staging: Path, outputs: Path, made: Iterable[str]) -> None:
    old = outputs.with_name(f".{outputs.name}.old")
    if old.exists():
        remove_built(old, made)
    if outputs.exists():
        os.replace(outputs, old)
    os.replace(staging, outputs)
    if old.exists():
        remove_built(old, made)


def ours(folder: Path) -> bool:
    """A staging or old folder a build made: it holds the marker, or nothing at all."""
    return folder.is_dir() and not folder.is_symlink() and ((folder / MARKER).exists() or not os.listdir(folder))


def recover(outputs: Path, made: Iterable[str]) -> None:
    """Finish or undo a swap that was interrupted between its two renames, and remove the staging folders of
    builds that died (only folders that hold the marker: never a user's)."""
    old = outputs.with_name(f".{outputs.name}.old")
    if old.exists() and not outputs.exists() and ours(old):
        os.replace(old, outputs)
    elif old.exists() and ours(old):
        remove_built(old, made)
    for stale in outputs.parent.glob(f".{outputs.name}.new-*"):
        if ours(stale):
            shutil.rmtree(stale, ignore_errors=True)
