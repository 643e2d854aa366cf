"""Load raw tables described by a Frictionless-style datapackage.json, validating every cell.

The descriptor is the single source of truth for a table's columns, types and
constraints. Types are parsed here (so each bad cell gets one clear message);
the constraints (required, minimum/maximum, enum, unique key) are checked by a
pandera schema built from the descriptor, which collects every failure at once.
"""

import csv
import io
import json
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pandera.pandas as pa

from workbench.core.paths import PROJECT_ROOT, resolve_data_dir

DELIMITERS = ",;\t"


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input file, located as precisely as the file allows."""

    file: str
    line: int | None
    column: str | None
    value: str | None
    expected: str
    row_key: str = ""

    def __str__(self) -> str:
        where = [self.file]
        if self.line is not None:
            where.append(f"line {self.line}" + (f" ({self.row_key})" if self.row_key else ""))
        if self.column is not None:
            where.append(f"column '{self.column}'")
        found = "" if self.value is None else f"value {self.value!r}: "
        return f"{', '.join(where)}: {found}{self.expected}"


class DataValidationError(ValueError):
    """Raised with every problem found in an input file; nothing is written after it."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        files = sorted({p.file for p in problems})
        lines = "\n".join(f"  - {p}" for p in problems)
        super().__init__(f"{len(problems)} problem(s) in {', '.join(files)}:\n{lines}")


def display_path(path: Path) -> str:
    """A path as a user would type it: relative to the project when inside it."""
    path = Path(path).resolve()
    return str(path.relative_to(PROJECT_ROOT)) if path.is_relative_to(PROJECT_ROOT) else str(path)


def load_descriptor(data_dir: str | Path = "") -> dict:
    """The parsed datapackage.json of a data folder."""
    folder = resolve_data_dir(data_dir)
    return json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))


def resource_descriptor(name: str, data_dir: str | Path = "") -> dict:
    """The descriptor of one resource (table) by name."""
    for resource in load_descriptor(data_dir)["resources"]:
        if resource["name"] == name:
            return resource
    raise KeyError(f"datapackage.json in {resolve_data_dir(data_dir)} describes no resource {name!r}")


def read_resource(name: str, data_dir: str | Path = "") -> pd.DataFrame:
    """Read and validate one raw table of the data package, by resource name."""
    resource = resource_descriptor(name, data_dir)
    return read_table(resolve_data_dir(data_dir) / resource["path"], resource["schema"])


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


def describe_constraints(field: dict) -> str:
    """What a field accepts, in words, for error messages."""
    kind = {"integer": "a whole number", "number": "a number", "boolean": "true or false",
            "string": "text"}[field["type"]]
    rules = field.get("constraints", {})
    if "enum" in rules:
        return "one of " + ", ".join(repr(v) for v in rules["enum"])
    if "minimum" in rules and "maximum" in rules:
        return f"{kind} from {rules['minimum']} to {rules['maximum']}"
    if "minimum" in rules:
        return f"{kind} of at least {rules['minimum']}"
    return kind


def _parse_cell(text: str, field_type: str, decimal_comma: bool):
    """Parse one cell; returns (value, ok). Empty cells are missing (None)."""
    if text == "":
        return None, True
    if field_type == "string":
        return text, True
    if field_type == "boolean":
        lowered = text.lower()
        return (lowered == "true", True) if lowered in ("true", "false") else (None, False)
    candidate = text.replace(",", ".") if decimal_comma else text
    try:
        number = float(candidate)
    except ValueError:
        return None, False
    if field_type == "integer":
        return (int(number), True) if number.is_integer() else (None, False)
    return number, True


PANDAS_DTYPES = {"integer": "Int64", "number": "Float64", "boolean": "boolean", "string": "str"}


def pandera_schema(schema: dict) -> pa.DataFrameSchema:
    """A pandera schema checking the descriptor's constraints (types are parsed beforehand)."""
    columns = {}
    for field in schema["fields"]:
        rules = field.get("constraints", {})
        checks = []
        if "minimum" in rules or "maximum" in rules:
            checks.append(pa.Check.in_range(rules.get("minimum", float("-inf")),
                                            rules.get("maximum", float("inf"))))
        if "enum" in rules:
            checks.append(pa.Check.isin(rules["enum"]))
        columns[field["name"]] = pa.Column(nullable=not rules.get("required", False), checks=checks)
    return pa.DataFrameSchema(columns, unique=schema.get("primaryKey"))


def parse_table(frame: pd.DataFrame, schema: dict, file: str, decimal_comma: bool = False,
                key: list[str] | None = None) -> pd.DataFrame:
    """Check the columns, parse every cell to its type and check the constraints.

    Raises DataValidationError listing every problem found. Columns come out in
    the descriptor's order with pandas nullable dtypes.
    """
    fields = schema["fields"]
    names = [f["name"] for f in fields]
    key = key if key is not None else [k for k in schema.get("primaryKey", []) if k in frame.columns]
    problems = [Problem(file, 1, name, None, "this column is missing from the header")
                for name in names if name not in frame.columns]
    problems += [Problem(file, 1, col, None, "unexpected column; expected only: " + ", ".join(names))
                 for col in frame.columns if col not in names]
    if problems:
        raise DataValidationError(problems)

    def row_key(index: int) -> str:
        return ", ".join(f"{k}={frame.at[index, k]}" for k in key)

    parsed = {}
    for field in fields:
        values = []
        for index, text in frame[field["name"]].str.strip().items():
            value, ok = _parse_cell(text, field["type"], decimal_comma)
            if not ok:
                problems.append(Problem(file, index + 2, field["name"], text,
                                        "expected " + describe_constraints(field), row_key(index)))
            values.append(value)
        parsed[field["name"]] = pd.array(values, dtype=PANDAS_DTYPES[field["type"]])
    table = pd.DataFrame(parsed, index=frame.index)
    try:
        pandera_schema(schema).validate(table, lazy=True)
    except pa.errors.SchemaErrors as errors:
        by_name = {f["name"]: f for f in fields}
        for case in errors.failure_cases.itertuples():
            if case.index is None or pd.isna(case.index):
                continue
            index = int(case.index)
            if case.check == "not_nullable":
                expected = "a value is required here; expected " + describe_constraints(by_name[case.column])
                value = ""
            elif case.check == "multiple_fields_uniqueness":
                expected = "duplicate key: " + ", ".join(schema["primaryKey"]) + " must be unique"
                value = frame.at[index, case.column]
            else:
                expected = "expected " + describe_constraints(by_name[case.column])
                value = frame.at[index, case.column]
            problems.append(Problem(file, index + 2, case.column, value, expected, row_key(index)))
    if problems:
        raise DataValidationError(sorted(problems, key=lambda p: (p.line or 0, names.index(p.column)
                                                                  if p.column in names else 0)))
    return table


def read_table(path: Path, schema: dict) -> pd.DataFrame:
    """Read a delimited file and validate it against a Table Schema."""
    if not Path(path).is_file():
        raise FileNotFoundError(f"{display_path(path)}: file not found")
    frame, delimiter = read_delimited_text(path)
    return parse_table(frame, schema, display_path(path), decimal_comma=delimiter != ",")


def provenance(names: list[str], data_dir: str | Path = "") -> pd.DataFrame:
    """Where each raw table comes from: file, source document, table number and title
    (for the workbench's own files, its description)."""
    rows = []
    for name in names:
        resource = resource_descriptor(name, data_dir)
        source = resource.get("source", {"document": "the workbench (not published)", "table": "—",
                                         "title": resource["description"]})
        rows.append({"file": f"data/raw/{resource['path']}", "source": source["document"],
                     "table": source["table"], "published title": source["title"]})
    return pd.DataFrame(rows)


def transcription_notes(names: list[str], data_dir: str | Path = "") -> pd.DataFrame:
    """Every transcription note of the given tables (missing or ambiguous cells, oddities)."""
    rows = [{"file": resource["path"], "row": note.get("row", ""), "column": note.get("column", ""),
             "note": note["note"]}
            for resource in map(lambda n: resource_descriptor(n, data_dir), names)
            for note in resource.get("notes", [])]
    return pd.DataFrame(rows, columns=["file", "row", "column", "note"])


ILLUSTRATIVE = " (illustrative)"


def read_case_folder(folder: str | Path, files: dict[str, str], required: list[str], identity_file: str,
                     column: str, extra_checks=None) -> dict[str, pd.DataFrame]:
    """Read a user's folder describing one new case (an area, a cluster) for a study.

    `files` maps file names to the template resources whose schemas they follow;
    `identity_file` holds exactly one row naming the case in `column` and saying
    whether its data are illustrative. Every row of every file must name the same
    case. `extra_checks(tables, folder)` may return a study's own problems (codes that
    depend on another column, say). All problems are reported at once; an illustrative case gets
    " (illustrative)" appended to its name in every table.
    """
    folder = Path(folder).expanduser().resolve()
    missing = [name for name in required if not (folder / name).is_file()]
    if missing:
        raise FileNotFoundError(f"{display_path(folder)} lacks {', '.join(missing)}; it needs "
                                f"{', '.join(required)} (see the templates in data/raw/templates/).")
    tables, problems = {}, []
    for name, resource in files.items():
        if (folder / name).is_file():
            try:
                tables[name] = read_table(folder / name, resource_descriptor(resource)["schema"])
            except DataValidationError as error:
                problems += error.problems
    if problems:
        raise DataValidationError(problems)
    identity = tables[identity_file]
    if len(identity) != 1:
        raise DataValidationError([Problem(display_path(folder / identity_file), None, None, None,
                                           f"expected exactly one row, found {len(identity)}")])
    case = identity.at[0, column]
    for name, table in tables.items():
        for index, value in table[column].items():
            if value != case:
                problems.append(Problem(display_path(folder / name), index + 2, column, value,
                                        f"expected the {column} named in {identity_file}, {case!r}"))
    if extra_checks is not None:
        problems += extra_checks(tables, folder)
    if problems:
        raise DataValidationError(problems)
    if identity.at[0, "illustrative"]:
        tables = {name: table.assign(**{column: case + ILLUSTRATIVE}) for name, table in tables.items()}
    return tables
