"""Validate tables against a Table Schema (Frictionless style), reporting every problem at once.

Types are parsed here, so each bad cell gets one clear message; the constraints
(required, minimum/maximum, enum, unique key) are checked by a pandera schema
built from the descriptor, which collects every failure at once.
"""

import math
import re

import pandas as pd
import pandera.pandas as pa

from workbench.core.errors import DataValidationError, Problem


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


def parse_cell(text: str, field_type: str, decimal_comma: bool):
    """Parse one cell; returns (value, ok). Empty cells are missing (None)."""
    if text == "":
        return None, True
    if field_type == "string":
        return text, True
    if field_type == "boolean":
        lowered = text.lower()
        return (lowered == "true", True) if lowered in ("true", "false") else (None, False)
    candidate = text.replace(",", ".") if decimal_comma else text
    if not NUMBER.match(candidate):
        return None, False
    number = float(candidate)
    if not math.isfinite(number):
        return None, False
    if field_type == "integer":
        return (int(number), True) if number.is_integer() else (None, False)
    return number, True


DATE = re.compile(r"^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2})?)?$")
NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")
NOT_NUMBERS = {"nan", "na", "n/a", "-nan", "inf", "-inf", "+inf", "infinity", "-infinity", "null", "none"}
PANDAS_DTYPES = {"integer": "Int64", "number": "Float64", "boolean": "boolean", "string": "str"}


def schema_problems(schema) -> list[str]:
    """What makes a Table Schema unusable here, in words: fields that are not objects with a
    name and one of the types parsed here, constraints that are not an object of the kinds
    checked here, a primary key naming no field. Empty when the schema can be used."""
    if not isinstance(schema, dict) or not isinstance(schema.get("fields"), list) or not schema["fields"]:
        return ["its schema has no list of fields"]
    problems, names = [], []
    for k, field in enumerate(schema["fields"]):
        if not isinstance(field, dict) or not isinstance(field.get("name"), str):
            problems.append(f"field {k + 1} is not an object with a name")
            continue
        names.append(field["name"])
        if field.get("type") not in PANDAS_DTYPES:
            given = f"type {field['type']!r}" if "type" in field else "no type"
            problems.append(f"field {field['name']!r} has {given}; expected one of " + ", ".join(PANDAS_DTYPES))
        rules = field.get("constraints", {})
        if not isinstance(rules, dict):
            problems.append(f"field {field['name']!r}: constraints must be an object")
            continue
        for bound in ("minimum", "maximum"):
            if bound in rules and (isinstance(rules[bound], bool) or not isinstance(rules[bound], (int, float))):
                problems.append(f"field {field['name']!r}: {bound} must be a number")
        if "enum" in rules and not isinstance(rules["enum"], list):
            problems.append(f"field {field['name']!r}: enum must be a list")
    key = schema.get("primaryKey", [])
    if not isinstance(key, list) or any(name not in names for name in key):
        problems.append(f"primaryKey {key!r} must list fields of the schema")
    return problems


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
                key: list[str] | None = None, row_labels=None) -> pd.DataFrame:
    """Check the columns, parse every cell to its type and check the constraints.

    Raises DataValidationError listing every problem found, each row named by its key
    columns and, where given, its label in `row_labels` (a submission id, say). Columns
    come out in the descriptor's order with pandas nullable dtypes.
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
        label = row_labels(index) if row_labels is not None else ""
        return "; ".join(part for part in [label, ", ".join(f"{k}={frame.at[index, k]}" for k in key)] if part)

    parsed, unparsed = {}, set()
    for field in fields:
        values = []
        for index, text in frame[field["name"]].str.strip().items():
            value, ok = parse_cell(text, field["type"], decimal_comma)
            if not ok:
                unparsed.add((index, field["name"]))
                hint = ("; leave the cell empty for no answer" if text.strip().lower() in NOT_NUMBERS
                        else "; this is a date: the spreadsheet may have turned the answer into one (format the "
                             "column as a number or as text, and type the answer again)" if DATE.match(text.strip())
                        else "")
                problems.append(Problem(file, index, field["name"], text,
                                        "expected " + describe_constraints(field) + hint, row_key(index)))
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
            if (index, case.column) in unparsed:   # reported above, with the text the cell holds
                continue
            if case.check == "not_nullable":
                expected = "a value is required here; expected " + describe_constraints(by_name[case.column])
                value = ""
            elif case.check == "multiple_fields_uniqueness":
                expected = "duplicate key: " + ", ".join(schema["primaryKey"]) + " must be unique"
                value = frame.at[index, case.column]
            else:
                expected = "expected " + describe_constraints(by_name[case.column])
                value = frame.at[index, case.column]
            problems.append(Problem(file, index, case.column, value, expected, row_key(index)))
    if problems:
        raise DataValidationError(sorted(problems, key=lambda p: (p.line or 0, names.index(p.column)
                                                                  if p.column in names else 0)))
    return table
