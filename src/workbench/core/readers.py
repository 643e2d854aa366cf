"""Read delimited text files, the project's and a user's, into validated tables.

Every file the workbench reads as a table goes through `read_delimited_text`, which
accepts what spreadsheets write: UTF-8 with or without a byte-order mark, or
Windows-1252; comma, semicolon or tab separators; decimal commas with `;`.
"""

import csv
import io
from pathlib import Path

import pandas as pd

from workbench.core.paths import PROJECT_ROOT
from workbench.core.validation import parse_table

DELIMITERS = ",;\t"


def display_path(path: Path) -> str:
    """A path as a user would type it: relative to the project when inside it."""
    path = Path(path).resolve()
    return str(path.relative_to(PROJECT_ROOT)) if path.is_relative_to(PROJECT_ROOT) else str(path)


def read_delimited_text(path: Path) -> tuple[pd.DataFrame, str]:
    """Read a delimited text file as strings, sniffing encoding and delimiter.

    Accepts UTF-8 (with or without a byte-order mark) and, failing that,
    Windows-1252, the encoding of Excel's "CSV" on Indonesian and English
    Windows. Returns the table and the delimiter found (`,` `;` or tab).
    """
    raw = Path(path).read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252")
    header = text.splitlines()[0] if text.strip() else ""
    delimiter = max(DELIMITERS, key=header.count) if header else ","
    frame = pd.read_csv(
        io.StringIO(text), sep=delimiter, dtype=str, keep_default_na=False,
        skipinitialspace=True, quoting=csv.QUOTE_MINIMAL,
    )
    frame.columns = [str(c).strip() for c in frame.columns]
    return frame, delimiter


def read_table(path: Path, schema: dict) -> pd.DataFrame:
    """Read a delimited file and validate it against a Table Schema."""
    if not Path(path).is_file():
        raise FileNotFoundError(f"{display_path(path)}: file not found")
    frame, delimiter = read_delimited_text(path)
    return parse_table(frame, schema, display_path(path), decimal_comma=delimiter != ",")
