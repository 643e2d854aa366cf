"""Read delimited text files, the project's and a user's, into validated tables.

Every file the workbench reads as a table goes through `read_delimited_text`. It accepts
what spreadsheets write (UTF-8 with or without a byte-order mark, UTF-16 with one, or
Windows-1252; comma, semicolon or tab separators; decimal commas with `;`) and turns
everything else into the workbench's own error naming the file, the line and what was
expected: a missing file, a folder, an empty or binary file, an unclosed quote, a row with
more or fewer fields than the header. No pandas or Python traceback reaches the user.
"""

import codecs
import csv
import io
from pathlib import Path

import pandas as pd

from workbench.core.paths import display_path
from workbench.core.validation import DataValidationError, Problem, parse_table

DELIMITERS = ",;\t"
DELIMITER_NAMES = {",": "comma", ";": "semicolon", "\t": "tab"}
MAX_BYTES = 50 * 1024 * 1024


def _refuse(file: str, expected: str, line: int | None = None, column: str | None = None, value=None):
    raise DataValidationError([Problem(file, line, column, value, expected)])


def refuse_unreadable(path: Path, kind: str) -> None:
    """Refuse, before reading, a file that is missing, a folder, or too large to be a table;
    `kind` names the file expected ("CSV", "Excel workbook")."""
    file = display_path(path)
    if not path.exists():
        _refuse(file, "file not found")
    if path.is_dir():
        _refuse(file, f"this is a folder; expected a file ({kind})")
    if path.stat().st_size > MAX_BYTES:
        _refuse(file, f"the file is larger than {MAX_BYTES // (1024 * 1024)} MB; expected a table of survey "
                      "answers or published cells")


def header_problems(header: list[tuple[int, str]], file: str, line: int) -> list[Problem]:
    """What is wrong with a header, given as (column number, name): a name given twice, and
    empty names (every column that is read needs one)."""
    names = [name for _, name in header]
    blank = [number for number, name in header if not name]
    duplicated = sorted({name for name in names if name and names.count(name) > 1})
    problems = []
    if duplicated:
        problems.append(Problem(file, line, None, None, f"the header names {', '.join(duplicated)} more than once"))
    if blank:
        problems.append(Problem(file, line, None, None, f"header field(s) {', '.join(map(str, blank))} are empty; "
                                                        "every column needs a name"))
    return problems


def decode(raw: bytes, file: str) -> str:
    """The text of a file: UTF-16/32 by their byte-order mark, UTF-8, else Windows-1252."""
    if b"\x00" in raw[:4096] and not raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        _refuse(file, "this is not a text file (it holds binary data, for example an .xlsx workbook); "
                      "save it as CSV (comma- or semicolon-separated text)")
    for bom, encoding in ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
                          (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if raw.startswith(bom):
            try:
                return raw.decode(encoding)
            except UnicodeDecodeError as error:
                _refuse(file, f"the file starts like {encoding.upper()} text but is not valid {encoding.upper()} "
                              f"(byte {error.start})")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = raw.decode("cp1252")
        except UnicodeDecodeError as error:
            line = raw[:error.start].count(b"\n") + 1
            _refuse(file, "the file is neither UTF-8 nor Windows-1252 text; save it as CSV UTF-8", line)
    if "\x00" in text:
        _refuse(file, "this is not a text file (it holds NUL characters); save it as CSV")
    return text


def read_delimited_text(path: Path) -> tuple[pd.DataFrame, str]:
    """Read a delimited text file as strings, one column per header name; returns the table
    and the delimiter found (`,` `;` or tab). Every row must have as many fields as the
    header; all such problems of the file are reported at once. The frame's index is the
    line each row starts on (lines counted as an editor shows them)."""
    path = Path(path).expanduser()
    file = display_path(path)
    refuse_unreadable(path, "CSV")
    text = decode(path.read_bytes(), file)
    if not text.strip():
        _refuse(file, "the file is empty; expected a header line naming the columns, then one row per record")
    first = next(line for line in text.splitlines() if line.strip())
    delimiter = max(DELIMITERS, key=first.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    records, problems = [], []
    header, header_line = None, 1
    while True:
        start = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as error:
            problems.append(Problem(file, start, None, None,
                                    f"the row cannot be read ({error}); a quote (\") opened in this row is not "
                                    "closed, or stands inside a field: close it, or remove it"))
            break
        if not any(cell.strip() for cell in row):
            continue
        if header is None:
            header, header_line = [cell.strip() for cell in row], start
            continue
        if len(row) != len(header):
            hint = ""
            if delimiter == "," and len(row) > len(header) and any(c.strip().isdigit() for c in row):
                hint = ("; a decimal comma in a comma-separated file splits a number in two: write 3.5, "
                        "or put the number in quotes (\"3,5\"), or save the file with semicolons")
            problems.append(Problem(file, start, None, None,
                                    f"{len(row)} fields, but the header has {len(header)} "
                                    f"({DELIMITER_NAMES[delimiter]}-separated){hint}"))
            continue
        records.append((start, row))
    if header is not None:
        problems[:0] = header_problems(list(enumerate(header, start=1)), file, header_line)
    if problems:
        raise DataValidationError(problems)
    frame = pd.DataFrame([row for _, row in records], columns=header, dtype=str,
                         index=pd.Index([line for line, _ in records], name="line"))
    return frame, delimiter


def read_table(path: Path, schema: dict, require_rows: bool = False) -> pd.DataFrame:
    """Read a delimited file and validate it against a Table Schema; with `require_rows`, a
    file with a header but no rows is refused."""
    frame, delimiter = read_delimited_text(path)
    if require_rows and frame.empty:
        _refuse(display_path(path), "the file has a header but no rows; expected at least one row", 2)
    return parse_table(frame, schema, display_path(path), decimal_comma=delimiter != ",")
