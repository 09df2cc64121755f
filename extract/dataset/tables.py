"""Reading a built dataset back as typed pandas tables, through the types its datapackage.json declares.

The CSV files hold text; the data package says what each column is. Integers come back as nullable Int64
(a count beside an empty cell stays 19, not 19.0), booleans as booleans, ISO dates as `datetime.date` where
they name a whole day (a month or a year alone, `2020-03`, stays its ISO text: the contract keeps that
granularity), and a fact's `value`, whose type depends on its kind, as an int for counts, a date for dates and
text otherwise, so that summing case counts adds numbers. Text columns come back as extracted (the apostrophe
that kept a spreadsheet from running a cell as a formula is taken off).
"""
from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pandas as pd

from extract.dataset.corpus import printable
from extract.dataset.package import ISO_DATE
from extract.dataset.spreadsheet import restore

PACKAGE = "datapackage.json"
NUMBER_KINDS = ("case_count", "personnel_count", "team_count", "region_count", "missing_number")   # a filled blank


class NotADataset(ValueError):
    """The folder given to load_dataset is not one `aidfacts build` wrote."""


def dataset_folder(outputs: Path) -> Path:
    """`outputs` if it holds a built dataset; else one clear error naming the folder and what it lacks (an
    empty dict from a wrong folder would only surface later as a KeyError far from the cause)."""
    where = "" if outputs.is_absolute() else f" (looked in {Path.cwd()})"
    if not outputs.exists():
        raise NotADataset(f"{outputs}: no such folder{where}; a dataset is the folder aidfacts build writes "
                          f"(aidfacts build CORPUS -o {outputs})")
    if not outputs.is_dir():
        raise NotADataset(f"{outputs}: not a folder; a dataset is the folder aidfacts build writes")
    if not (outputs / PACKAGE).is_file() and not (outputs / "facts.csv").is_file():
        corpus = (outputs / "manifest.csv").exists() or any(outputs.glob("*.txt"))
        raise NotADataset(f"{outputs}: not a built dataset: it has no {PACKAGE} and no facts.csv"
                          + (" (it looks like a corpus: load the folder aidfacts build wrote from it, "
                             "outputs/ by default)" if corpus else f" (aidfacts build CORPUS -o {outputs} writes one)"))
    return outputs


class TableError(ValueError):
    """A table of the outputs that cannot be read as the build wrote it (truncated, binary, other columns, a cell
    of the wrong type); str() is one line naming the file and what is wrong."""


NOT_EMPTY = {"facts": ("fact_id", "doc_id", "kind", "start", "end"), "documents": ("doc_id", "file")}
MAX_TABLE_FIELD = 64 * 1024 * 1024


def read_csv_checked(path: Path, required=(), usecols=None, name: str | None = None) -> pd.DataFrame:
    """A table of the outputs as text (empty cells NaN), checked: UTF-8 text, not cut short, the `required`
    columns in its header, no empty cell where NOT_EMPTY[name] needs one, every row as long as the header.
    Anything else is a TableError naming the file."""
    path = Path(path)
    try:
        with open(path, "rb") as handle:
            head = handle.read(65536)
            size = handle.seek(0, 2)
            if size:
                handle.seek(size - 1)
                last = handle.read(1)
    except OSError as error:
        raise TableError(f"{path}: cannot be read ({error.strerror or error})") from None
    if not size:
        raise TableError(f"{path}: empty (no header); run aidfacts build")
    if re.search(rb"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", head.split(b"\n", 1)[0]):   # no header holds these
        raise TableError(f"{path}: binary data, not a CSV table (damaged, or another file)")
    try:
        header = list(pd.read_csv(path, dtype=str, nrows=0).columns)
        missing = [column for column in required if column not in header]
        if missing and last != b"\n" and b"\n" not in head:
            raise TableError(f"{path}: truncated: its header stops at {printable(','.join(header)[-40:])!r}, without a "
                             f"line end; rebuild it with aidfacts build")
        if missing:
            shown = printable(",".join(header)[:80])
            names = ", ".join(missing[:4]) + (f" and {len(missing) - 4} more" if len(missing) > 4 else "")
            raise TableError(f"{path}: column{'s' if len(missing) > 1 else ''} {names} missing (its header: "
                             f"{shown}); rebuild it with aidfacts build")
        frame = pd.read_csv(path, dtype=str, keep_default_na=False, na_values=[""], usecols=usecols)
    except TableError:
        raise
    except UnicodeDecodeError:
        raise TableError(f"{path}: {not_utf8(path)}: damaged, or another file") from None
    except ValueError as error:   # pandas' ParserError, EmptyDataError, and usecols naming columns it lacks
        reason = " ".join(str(error).split())[:200]
        if "EOF inside string" in reason:
            reason = "cut short inside a quoted cell (truncated?)"
        raise TableError(f"{path}: not a table the build wrote ({reason})") from None
    if last != b"\n":
        short = last_row_length(path)
        if short is not None and short < len(header):
            raise TableError(f"{path}: truncated: its last row has {short} of {len(header)} cells and no line end")
    for column in NOT_EMPTY.get(name or "", ()):
        if column in frame.columns and frame[column].isna().any():
            row = int(frame.index[frame[column].isna()][0]) + 2
            raise TableError(f"{path}: row {row}: no {column}")
    return frame


def not_utf8(path: Path) -> str:
    """Where a file stops being UTF-8 (read whole again: only once it is known to be damaged)."""
    data = path.read_bytes()
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        return f"line {line}: not UTF-8 (byte 0x{data[error.start]:02x})"
    return "not UTF-8"


def last_row_length(path: Path) -> int | None:
    """How many cells the last row of a CSV file has (read only for a file that ends without a line end)."""
    import csv

    limit = csv.field_size_limit()
    csv.field_size_limit(max(limit, MAX_TABLE_FIELD))
    try:
        with open(path, encoding="utf-8", newline="") as handle:
            length = None
            for row in csv.reader(handle):
                length = len(row)
            return length
    except (csv.Error, UnicodeDecodeError):
        return None
    finally:
        csv.field_size_limit(limit)


def load_dataset(outputs: Path | str = "outputs", fallback_type=None) -> dict[str, pd.DataFrame]:
    """The built tables as DataFrames, by name (documents, facts, pairings, gaps, conflicts, errors, audit ...).
    Without a datapackage.json (a dataset of an older build), `fallback_type(table, column)` names the types.
    A folder that is not a built dataset raises NotADataset (a ValueError) naming it and what it lacks; a damaged
    table is a TableError naming its file."""
    outputs = dataset_folder(Path(outputs))
    schemas = package_schemas(outputs)
    if schemas is None:
        schemas = {path.stem: None for path in sorted(outputs.glob("*.csv"))}
    tables = {}
    for name, fields in schemas.items():
        path = outputs / f"{name}.csv"
        if not path.exists():
            continue
        if fields is None:
            tables[name] = read_table(path, lambda column, name=name: {"type": fallback_type(name, column)
                                                                       if fallback_type else None}, name=name)
        else:
            tables[name] = read_table(path, lambda column, fields=fields: fields.get(column, {}), list(fields),
                                      name=name)
    return tables


def package_schemas(outputs: Path) -> dict[str, dict[str, dict]] | None:
    """table name -> column -> its schema field, from the data package (None when there is none)."""
    try:
        package = json.loads((outputs / PACKAGE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return {resource["name"]: {f["name"]: f for f in resource.get("schema", {}).get("fields", [])}
            for resource in package.get("resources", []) if "name" in resource}


def read_table(path: Path, field_of, required=(), name: str | None = None) -> pd.DataFrame:
    """One CSV table, each column typed as its schema field (`field_of(column)`) says; checked as
    read_csv_checked checks it, and a cell that is not of its column's type is a TableError too."""
    frame = read_csv_checked(path, required, name=name or Path(path).stem)
    for column in frame.columns:
        field = field_of(column)
        try:
            type_column(frame, column, field)
        except (ValueError, TypeError, OverflowError) as error:
            raise TableError(f"{path}: column {column}: {bad_cell(frame[column], field) or one_line(error)}") \
                from None
    return frame


def one_line(error: BaseException) -> str:
    return " ".join(str(error).split())[:160] or type(error).__name__


def bad_cell(cells: pd.Series, field: dict) -> str | None:
    """Which cell of a numeric column is no number of its type: `row 4: 'abc' is not an integer`."""
    kind = field.get("type")
    if kind not in ("integer", "number"):
        return None
    for index, cell in cells.items():
        if not isinstance(cell, str):
            continue
        try:
            number = int(cell) if kind == "integer" else float(cell)
        except ValueError:
            return f"row {int(index) + 2}: {cell[:40]!r} is not {'an integer' if kind == 'integer' else 'a number'}"
        if kind == "integer" and abs(number) >= 2 ** 63:
            return f"row {int(index) + 2}: {cell[:40]} is too large for an integer column"
    return None


def type_column(frame: pd.DataFrame, column: str, field: dict) -> None:
    """One column of text in its schema field's type, in place."""
    kind = field.get("type") or "string"
    if kind == "integer":
        frame[column] = pd.to_numeric(frame[column]).astype("Int64")
    elif kind == "number":
        frame[column] = pd.to_numeric(frame[column])
    elif kind == "boolean":
        frame[column] = frame[column].map({"True": True, "False": False})
    elif kind == "any":   # a type per row: its fact's kind says it, or else the number it is
        kinds = frame["kind"] if "kind" in frame.columns else ["missing_number"] * len(frame)
        values = [typed_value(k, v) for k, v in zip(kinds, restore(frame[column]))]
        frame[column] = pd.Series(values, index=frame.index, dtype=object)   # ints stay ints beside empties
    elif field.get("constraints", {}).get("pattern") == ISO_DATE:
        frame[column] = frame[column].map(iso_date, na_action="ignore").astype(object)
    else:
        frame[column] = restore(frame[column])


def typed_value(kind, value):
    """A value cell in its kind's type: an int for a count, a date for a whole day, text otherwise."""
    if not isinstance(value, str):
        return None   # empty: a missing number, a pairing's value
    if kind in NUMBER_KINDS and value.isdigit():
        return int(value)   # exact, any size: never through a float
    if kind == "date":
        return iso_date(value)
    return value


def iso_date(value: str):
    """`2020-02-10` as a date; `2020-02` and `2020` as they are (a month, a year)."""
    if len(value) == 10:
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return value
    return value
