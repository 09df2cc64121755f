"""The facts of a folder's articles that have gold, extracted afresh for scoring; gold and facts files read with
the checks articles get (regular files only, a size limit, one line naming the file and line of a problem)."""
from __future__ import annotations

import json
import sys
from pathlib import Path

from extract.dataset.batch import extract_corpus
from extract.dataset.corpus import SideFileError, article_paths, doc_id_for, iter_articles, read_regular
from extract.evaluation.gold_checks import check_fact, check_gold

MAX_GOLD_BYTES = 64 * 1024 * 1024        # one article's gold: kilobytes
MAX_FACTS_BYTES = 1024 * 1024 * 1024     # a facts.jsonl of a corpus of a hundred thousand articles fits


def read_json_file(path: Path, limit: int) -> object:
    """One JSON document from a regular file of at most `limit` bytes (a link to /dev/zero or a FIFO is refused
    without reading it), or a SideFileError naming the file and the line."""
    data = read_regular(path, limit, SideFileError)
    try:
        return json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError as error:
        line = data[:error.start].count(b"\n") + 1
        raise SideFileError(path, f"line {line}: not UTF-8") from None
    except json.JSONDecodeError as error:
        raise SideFileError(path, f"line {error.lineno}: not JSON ({error.msg})") from None
    except RecursionError:
        raise SideFileError(path, "nested too deeply to be gold") from None


def read_gold(gold_dir: Path) -> dict[str, dict]:
    """doc_id -> gold document of every *.gold.json in the folder, each checked (gold_checks)."""
    gold, files = {}, {}
    for path in sorted(Path(gold_dir).glob("*.gold.json")):
        data = read_json_file(path, MAX_GOLD_BYTES)
        if not isinstance(data, dict):
            raise SideFileError(path, "line 1: not a JSON object (a gold file is one object per article)")
        check_gold(path, data)
        doc_id = str(data.get("doc_id") or path.name.removesuffix(".gold.json"))
        if doc_id in files:
            raise SideFileError(path, f"doc_id {doc_id!r} is also {files[doc_id].name}'s (one gold file an article)")
        gold[doc_id], files[doc_id] = data, path
    if not gold:
        raise SideFileError(gold_dir, "no *.gold.json files")
    return gold


def read_facts_file(path: Path) -> list[dict]:
    """The facts of a JSON-lines file (aidfacts extract's output, outputs/facts.jsonl): one object a line."""
    data = read_regular(path, MAX_FACTS_BYTES, SideFileError)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[:error.start].count(b"\n") + 1
        raise SideFileError(path, f"line {line}: not UTF-8") from None
    facts = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            fact = json.loads(line)
        except json.JSONDecodeError as error:
            raise SideFileError(path, f"line {number}: not JSON ({error.msg})") from None
        except RecursionError:
            raise SideFileError(path, f"line {number}: nested too deeply to be a fact") from None
        if not isinstance(fact, dict) or not isinstance(fact.get("kind"), str) or \
                not isinstance(fact.get("doc_id"), str):
            raise SideFileError(path, f"line {number}: not a fact (an object with its doc_id and kind)")
        check_fact(path, number, fact)
        facts.append(fact)
    return facts


def extract_folder_facts(folder: Path, doc_ids: set[str]) -> list[dict]:
    """Facts (as dicts) of the articles in `folder` whose doc_id is in `doc_ids`; unreadable ones are reported."""
    paths = [p for p in article_paths(folder) if doc_id_for(p) in doc_ids]
    result = extract_corpus(iter_articles(paths))
    for error in result.errors:
        print(f"error: {error}", file=sys.stderr)
    return [f.to_dict() for f in result.facts]
