"""Taking an article out of the corpus (`aidfacts remove`), its reviewers' work kept aside, and put back when
the same text is added again.

An article removed leaves the corpus whole: its file, its manifest row and the verdicts on its facts go to
`corpus/removed/<doc_id>-<sha256 of its text, 12 digits>/` (the file as it was, `manifest.csv` with its row,
`verdicts.csv` with its verdicts, `facts.csv` with the key of each fact they judge: kind, start, end, helper,
recipient), never deleted. `aidfacts add` of the same text finds it there: the article takes its old doc_id back
(when no other article took it since; else the kept verdicts are moved to the new doc_id's fact ids, which hash
the doc_id, the kind and the span) and its manifest row (what the command line gives still wins), and the
verdicts return to verdicts.csv (where a fact has none there now).

Every step runs under the corpus lock (intake.corpus_lock, as `add` and `meta`), the verdicts' steps under the
verdicts' lock too, in an order where a process killed at any point loses nothing: the entry is written whole
(a folder renamed into place), then the file leaves the corpus, then the verdicts leave verdicts.csv, then the
row leaves the manifest (a row left without its text is what `build` warns of, and `remove` again drops)."""
from __future__ import annotations

import csv
import dataclasses
import hashlib
import io
import os
import re
import shutil
import stat
import tempfile
from dataclasses import dataclass
from pathlib import Path

from extract.dataset.corpus import (MANIFEST, MANIFEST_COLUMNS, ArticleError, article_paths, doc_id_for,
                                    load_article, read_article_text, read_manifest)
from extract.dataset.intake import corpus_lock, write_atomic, write_manifest
from extract.dataset.verdicts import (COLUMNS, VERDICTS_FILE, Verdict, put_verdicts, read_verdict_rows,
                                      take_verdicts, write_verdicts)

REMOVED = "removed"   # corpus/removed/: a folder, so never read as an article
KEY_FILE = "facts.csv"
KEY_COLUMNS = ["fact_id", "kind", "start", "end", "helper", "recipient", "rule", "region"]   # (a per-place fact's
# id is keyed by its region too: records.place_key; files kept before these two columns read them empty)
NO_TEXT = "no-text"   # the entry of a manifest row whose text was already gone
ENTRY = re.compile(r"(?P<doc_id>.+)-(?P<digest>[0-9a-f]{12}|no-text)(?:-(?P<n>\d+))?")


@dataclass(frozen=True)
class Removed:
    doc_id: str
    entry: Path           # where its text, row and verdicts were kept
    files: tuple[str, ...]  # the article files taken out (none when only a manifest row was left)
    verdicts: int         # verdicts kept aside


def text_digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def fact_keys(path: Path | None, doc_id: str, manifest: dict[str, dict], outputs: Path | None) -> dict[str, tuple]:
    """fact_id -> (kind, start, end, helper, recipient) of the article's facts: what the pipeline finds in its text
    now, and what the outputs last built from it hold (facts.csv, and audit.csv for the rejected ones)."""
    keys: dict[str, tuple] = {}
    if path is not None:
        try:
            article = load_article(path, manifest)
        except ArticleError:
            article = None
        if article is not None:
            from extract.nlp.pipeline import extract_doc
            from extract.nlp.records import doc_to_facts

            try:
                facts = doc_to_facts(extract_doc(article.text, doc_id, article.published), doc_id)
            except Exception:   # an article the rules fail on now: the outputs' facts still say which ids it had
                facts = []
            for f in facts:
                keys[f.fact_id] = (f.kind, str(f.start), str(f.end), f.helper or "", f.recipient or "", f.rule or "",
                                   f.region or "")
    if outputs is not None:
        for name in ("facts.csv", "audit.csv"):
            keys.update(output_keys(outputs / name, doc_id, keys))
    return keys


def earlier_keys(corpus: Path, doc_id: str) -> dict[str, tuple]:
    """The fact keys kept by earlier removals of this doc_id (a removal killed half-way, whose verdicts may still
    be in verdicts.csv): fact ids hash the doc_id, so they are this article's."""
    removed = removed_folder(corpus)
    keys: dict[str, tuple] = {}
    if removed.is_dir():
        for entry in sorted(removed.iterdir(), key=entry_order):
            match = ENTRY.fullmatch(entry.name)
            if match and match.group("doc_id") == doc_id and entry.is_dir() and not entry.is_symlink():
                keys.update(read_keys(entry / KEY_FILE))
    return keys


def output_keys(path: Path, doc_id: str, known: dict[str, tuple]) -> dict[str, tuple]:
    """The article's facts in one table of the outputs; a table that is missing or cannot be read gives none
    (the pipeline's ids are then all there is)."""
    found: dict[str, tuple] = {}
    try:
        with open(path, encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                fact_id = row.get("fact_id") or ""
                if row.get("doc_id") == doc_id and fact_id and fact_id not in known:
                    found[fact_id] = tuple(row.get(c) or "" for c in KEY_COLUMNS[1:])
    except (OSError, UnicodeDecodeError, csv.Error):
        return {}
    return found


def entry_name(removed: Path, doc_id: str, digest: str | None) -> Path:
    base = f"{doc_id}-{digest[:12] if digest else NO_TEXT}"
    candidate, n = removed / base, 2
    while os.path.lexists(candidate):
        candidate, n = removed / f"{base}-{n}", n + 1
    return candidate


def removed_folder(corpus: Path) -> Path:
    """corpus/removed/, never through a symbolic link (an entry would be written, or read back, elsewhere)."""
    removed = corpus / REMOVED
    if removed.is_symlink() or (os.path.lexists(removed) and not removed.is_dir()):
        raise ArticleError(removed, f"{removed} is a symbolic link or a file, not a folder of the corpus; "
                                    f"nothing removed or restored")
    return removed


def write_entry(target: Path, files: list[Path], row: dict | None, keys: dict[str, tuple],
                verdicts: dict[str, Verdict], rows: dict[str, list[str]]) -> None:
    """The entry written in a scratch folder beside it and renamed into place: whole or not at all."""
    target.parent.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(dir=target.parent, prefix=f".{target.name}."))
    try:
        for path in files:   # a regular file is kept as it was; a link, a FIFO or a device is no text to keep
            if stat.S_ISREG(os.lstat(path).st_mode):
                shutil.copyfile(path, scratch / path.name)
        out = io.StringIO(newline="")
        writer = csv.DictWriter(out, fieldnames=MANIFEST_COLUMNS, lineterminator="\n", extrasaction="ignore")
        writer.writeheader()
        if row is not None:
            writer.writerow({c: row.get(c, "") or "" for c in MANIFEST_COLUMNS})
        write_atomic(scratch / MANIFEST, out.getvalue())
        out = io.StringIO(newline="")
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(KEY_COLUMNS)
        for fact_id in sorted(keys):
            writer.writerow([fact_id, *keys[fact_id]])
        write_atomic(scratch / KEY_FILE, out.getvalue())
        write_verdicts(scratch / VERDICTS_FILE, verdicts, rows)
        os.chmod(scratch, 0o777 & ~current_umask())
        os.rename(scratch, target)
    except BaseException:
        shutil.rmtree(scratch, ignore_errors=True)
        raise


def current_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def remove_article(corpus: Path | str, doc_id: str, outputs: Path | str | None = None) -> Removed:
    """Take one article out of the corpus: its file(s) and manifest row, its verdicts kept aside in
    corpus/removed/ (see the module's docstring). An unknown doc_id is an ArticleError; a doc_id whose text was
    deleted by hand but whose row is still in the manifest has its row (and verdicts) taken out."""
    corpus = Path(corpus)
    outputs = Path(outputs) if outputs is not None else None
    if not corpus.is_dir():
        raise ArticleError(corpus / doc_id, f"no such corpus folder: {corpus}")
    with corpus_lock(corpus):
        manifest = read_manifest(corpus)   # a bad manifest stops here, before anything moves
        files = [p for p in article_paths(corpus) if doc_id_for(p) == doc_id]
        rows = [name for name in manifest if doc_id_for(name) == doc_id]
        if not files and not rows:
            raise ArticleError(corpus / doc_id, f"no article {doc_id} in {corpus}")
        text_path = next((p for p in files if readable(p)), None)
        digest = text_digest(read_article_text(text_path)) if text_path is not None else None
        keys = {**earlier_keys(corpus, doc_id), **fact_keys(text_path, doc_id, manifest, outputs)}
        row = manifest.get(text_path.name if text_path is not None else "") or \
            (manifest[rows[0]] if rows else None)
        entry = entry_name(removed_folder(corpus), doc_id, digest)
        kept = [0]

        def keep(verdicts: dict[str, Verdict], bad_rows: dict[str, list[str]]) -> None:
            try:
                write_entry(entry, files, row, keys, verdicts, bad_rows)
                for path in files:   # the text leaves the corpus before its verdicts leave verdicts.csv
                    path.unlink()
            except OSError as error:
                raise ArticleError(entry, f"cannot keep the article aside ({error.strerror or error}); "
                                          f"nothing removed") from None
            kept[0] = len(verdicts) + len(bad_rows)

        take_verdicts(corpus, set(keys), keep)
        for name in [p.name for p in files] + rows:
            manifest.pop(name, None)
        write_manifest(corpus, manifest)
    return Removed(doc_id, entry, tuple(p.name for p in files), kept[0])


def remove_articles(corpus: Path | str, doc_ids: list[str], outputs: Path | str | None, say) -> int:
    """`aidfacts remove`: each article taken out, one line each to `say`; returns how many could not be."""
    from extract.dataset.corpus import printable

    failed = 0
    for doc_id in doc_ids:
        try:
            removed = remove_article(corpus, doc_id, outputs)
        except ArticleError as error:
            say(f"error: {printable(doc_id)}: {printable(error.reason)}")
            failed += 1
            continue
        except ValueError as error:   # a manifest or verdicts.csv that cannot be read: nothing moved
            say(f"error: {printable(doc_id)}: {printable(' '.join(str(error).split()))}")
            failed += 1
            continue
        what = ", ".join(removed.files) if removed.files else "its manifest row (its text was already gone)"
        count = removed.verdicts
        say(f"removed {doc_id} ({what}); {count} verdict{'' if count == 1 else 's'} kept with it in "
            f"{printable(str(removed.entry))}")
    return failed


def unlisted_warning(corpus: Path | str, names: list[str]) -> str:
    """The build's one line on manifest rows whose file is not in the corpus (deleted by hand)."""
    from extract.dataset.corpus import printable

    more = len(names) - 10
    shown = ", ".join(printable(name) for name in names[:10]) + (f" and {more} more" if more > 0 else "")
    rows = "1 row" if len(names) == 1 else f"{len(names)} rows"
    return (f"warning: {printable(str(corpus))}/manifest.csv has {rows} for files not in the corpus, left out of "
            f"the build (aidfacts remove DOC_ID takes a row out): {shown}")


def readable(path: Path) -> bool:
    try:
        read_article_text(path)
        return True
    except ArticleError:
        return False


def kept_entries(corpus: Path, digest: str) -> list[Path]:
    """The entries of corpus/removed/ that hold this text (oldest first), checked by reading the text."""
    removed = removed_folder(corpus)
    if not removed.is_dir():
        return []
    found = []
    for entry in sorted(removed.iterdir(), key=entry_order):
        match = ENTRY.fullmatch(entry.name)
        if not match or match.group("digest") != digest[:12] or entry.is_symlink() or not entry.is_dir():
            continue
        texts = [p for p in article_paths(entry) if readable(p)]
        if any(text_digest(read_article_text(p)) == digest for p in texts):
            found.append(entry)
    return found


def entry_order(entry: Path) -> tuple[int, str]:
    match = ENTRY.fullmatch(entry.name)
    return int(match.group("n") or 1) if match else 0, entry.name


def kept_doc_id(entry: Path) -> str:
    return ENTRY.fullmatch(entry.name).group("doc_id")


def kept_row(entries: list[Path]) -> dict[str, str]:
    """The manifest row the latest entry kept ({} when none can be read)."""
    for entry in reversed(entries):
        try:
            rows = read_manifest(entry)
        except ValueError:
            continue
        if rows:
            return next(iter(rows.values()))
    return {}


def restore_verdicts(corpus: Path, entries: list[Path], doc_id: str) -> int:
    """The entries' verdicts back into verdicts.csv, their fact ids made for `doc_id` (the same ids when the
    article took its old doc_id back); then the entries go. Returns how many verdicts came back."""
    from extract.nlp.records import fact_id as make_fact_id

    verdicts: dict[str, Verdict] = {}
    rows: dict[str, list[str]] = {}
    for entry in entries:   # later entries win
        try:
            good, bad = read_verdict_rows(entry)
        except ValueError:
            continue   # a kept file that cannot be read stays where it is
        keys = read_keys(entry / KEY_FILE)
        old = kept_doc_id(entry)
        for fact_id, verdict in good.items():
            new_id = moved_id(fact_id, keys, old, doc_id, make_fact_id)
            verdicts[new_id] = dataclasses.replace(verdict, fact_id=new_id)
        for fact_id, (cells, _) in bad.items():
            new_id = moved_id(fact_id, keys, old, doc_id, make_fact_id)
            rows[new_id] = [new_id, *cells[1:]]
    restored = put_verdicts(corpus, verdicts, rows)
    for entry in entries:
        shutil.rmtree(entry, ignore_errors=True)
    return restored


def moved_id(fact_id: str, keys: dict[str, tuple], old: str, new: str, make_fact_id) -> str:
    if old == new or fact_id not in keys:
        return fact_id
    from extract.nlp.records import place_key

    kind, start, end, helper, recipient, *more = keys[fact_id]
    rule, region = (list(more) + ["", ""])[:2]
    try:
        return make_fact_id(new, kind, int(start), int(end), helper or None, recipient or None,
                            place_key(rule, region))
    except ValueError:
        return fact_id


def read_keys(path: Path) -> dict[str, tuple]:
    try:
        with open(path, encoding="utf-8", newline="") as handle:
            return {row["fact_id"]: tuple(row.get(c) or "" for c in KEY_COLUMNS[1:])
                    for row in csv.DictReader(handle) if row.get("fact_id")}
    except (OSError, UnicodeDecodeError, csv.Error, KeyError):
        return {}


__all__ = ["REMOVED", "Removed", "remove_article", "kept_entries", "restore_verdicts", "COLUMNS"]
