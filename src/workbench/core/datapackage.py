"""A study's data package: its folder of raw tables and the datapackage.json describing them.

Each study keeps its data in one folder, `data/raw/<study>/`, with its own
Frictionless-style `datapackage.json`: for every file its source document and
table, the meaning, type, unit and constraints of every column, and every
transcription note. `data/raw/datapackage.json` lists the studies' packages.
The descriptor is the single statement of what a file allows: reading a
resource validates every cell against it.
"""

import json
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from workbench.core.errors import DataValidationError, Problem
from workbench.core.paths import RAW_DIR, display_path
from workbench.core.readers import read_table
from workbench.core.i18n import DEFAULT, N_, _, language
from workbench.core.validation import schema_problems


_VALIDATED: dict[tuple, pd.DataFrame] = {}


@dataclass(frozen=True)
class DataPackage:
    """One study's data folder and its parsed descriptor."""

    folder: Path
    descriptor: dict

    def resource(self, name: str) -> dict:
        """The descriptor of one resource (table) by name."""
        for resource in self.descriptor["resources"]:
            if resource["name"] == name:
                return resource
        listed = ", ".join(r["name"] for r in self.descriptor["resources"]) or "none"
        raise descriptor_error(self.folder / "datapackage.json", [f"it describes no resource {name!r}, which the "
                                                                  f"study reads; expected it beside the others "
                                                                  f"(it lists: {listed})"])

    def path(self, name: str) -> Path:
        """Where a resource's file is."""
        return self.folder / self.resource(name)["path"]

    def schema(self, name: str) -> dict:
        """A resource's Table Schema (also used to validate a user's file of that shape)."""
        return self.resource(name)["schema"]

    def read(self, name: str) -> pd.DataFrame:
        """Read and validate one raw table by resource name, with its translatable fields in the
        language in use."""
        return translated_fields(self.validated(name).copy(), self.schema(name))

    def validated(self, name: str) -> pd.DataFrame:
        """One raw table as transcribed, validated against its schema and its foreign keys. A
        file read before, unchanged since (same size and modification time, and so the files
        its keys point at) and with the same schema, is not validated again: the audits and the
        synthesis read the same tables many times. Do not modify the table returned."""
        path, schema = self.path(name), self.schema(name)
        if not path.is_file():
            return read_table(path, schema)
        referenced = [self.path(other) for other in self.referenced(name)]
        key = (*(state(file) for file in [path, *referenced]), json.dumps(schema, sort_keys=True))
        if key not in _VALIDATED:
            table = read_table(path, schema)
            problems = self.foreign_key_problems(name, table)
            if problems:
                raise DataValidationError(problems)
            _VALIDATED[key] = table
        return _VALIDATED[key]

    def referenced(self, name: str) -> list[str]:
        """The other resources whose rows the `foreignKeys` of a resource's schema point at."""
        return list(dict.fromkeys(key["reference"]["resource"] for key in self.schema(name).get("foreignKeys", [])
                                  if key["reference"]["resource"] not in ("", name)))

    def foreign_key_problems(self, name: str, table: pd.DataFrame) -> list[Problem]:
        """Rows whose `foreignKeys` fields (Table Schema) name no row of the resource they point
        at: a factor id that the codebook does not list, or a category printed under another
        name than the table that defines it. A key with an empty cell is not checked."""
        problems = []
        for key in self.schema(name).get("foreignKeys", []):
            fields, reference = as_list(key["fields"]), key["reference"]
            other_name = reference["resource"] or name
            other = table if other_name == name else self.validated(other_name)
            other_fields = as_list(reference["fields"])
            allowed = set(other[other_fields].astype(str).itertuples(index=False, name=None))
            where = f"{self.resource(other_name)['path']} ({', '.join(other_fields)})"
            for line, values in zip(table.index, table[fields].itertuples(index=False, name=None)):
                if any(pd.isna(value) for value in values) or tuple(map(str, values)) in allowed:
                    continue
                matches = sorted(", ".join(row) for row in allowed if row[0] == str(values[0])) or \
                    sorted(", ".join(row) for row in allowed)
                listed = "; ".join(matches[:12]) + ("; …" if len(matches) > 12 else "")
                problems.append(Problem(display_path(self.path(name)), line, ", ".join(fields),
                                        ", ".join(map(str, values)), f"expected a row of {where}: {listed}"))
        return problems

    def read_all(self, names) -> dict[str, pd.DataFrame]:
        """Read and validate several raw tables, keyed by resource name; the problems of every
        table are reported together."""
        tables, problems = {}, []
        for name in dict.fromkeys(names):
            try:
                tables[name] = self.read(name)
            except DataValidationError as error:
                problems += error.problems
        if problems:
            raise DataValidationError(problems)
        return tables

    def notes(self, *names: str) -> list[str]:
        """The transcription notes of the given resources, each saying which row and column it
        concerns, to print beside a table built from them."""
        notes = []
        for name in names:
            for note in self.resource(name).get("notes", []):
                where = ", ".join(f"{_(key)} {note[key]}" for key in (N_("row"), N_("column")) if note.get(key))
                notes.append((_("Transcription note ({where}): {note}") if where else _("Transcription note: {note}"))
                             .format(where=where, note=_(note["note"])))
        return notes

    def pooled_rows(self, name: str) -> tuple[str, ...]:
        """The rows of a resource that pool its cases (a Total or Rata-rata row), as its
        descriptor lists them (`pooled_rows`): printed, so transcribed, but not a case."""
        return tuple(self.resource(name).get("pooled_rows", ()))

    def cases_only(self, name: str, table: pd.DataFrame, column: str = "location") -> pd.DataFrame:
        """A table of the resource without its pooled rows."""
        return table[~table[column].isin(self.pooled_rows(name))]

    def case_name(self, printed: str) -> str:
        """A case as the study names it, for a name as a table prints it (KLATEN -> Klaten), from
        the descriptor's `case_names`; other names are kept as they are."""
        return self.descriptor.get("case_names", {}).get(printed, printed)

    def published(self) -> list[str]:
        """The resources that are data of the study (not templates for a user's own data)."""
        return [r["name"] for r in self.descriptor["resources"] if not r.get("template")]


def state(path: Path) -> tuple:
    """What tells a file apart from its earlier versions cheaply: its path, modification time and size."""
    stat = path.stat()
    return str(path), stat.st_mtime_ns, stat.st_size


def as_list(fields) -> list[str]:
    """A Table Schema `fields` entry (one name or a list of names) as a list."""
    return [fields] if isinstance(fields, str) else list(fields)


def translated_fields(table: pd.DataFrame, schema: dict) -> pd.DataFrame:
    """The table with the cells of its `translatable` fields (the workbench's own English
    words: a definition, the basis of a verdict, a claim; never the source's) in the language
    in use, through the catalogue (workbench.core.catalogues extracts them)."""
    if language() == DEFAULT:
        return table
    for field in schema.get("fields", []):
        if field.get("translatable") and field["name"] in table.columns:
            table[field["name"]] = table[field["name"]].map(lambda cell: _(cell) if isinstance(cell, str) and cell else cell)
    return table


def raw_root(data_dir: str | Path = "") -> Path:
    """The folder holding the studies' data folders; "" means the project's data/raw."""
    return Path(data_dir).expanduser().resolve() if str(data_dir) else RAW_DIR


def load_package(study: str, data_dir: str | Path = "") -> DataPackage:
    """The data package of a study, from `data_dir` (a folder laid out like data/raw/) or the project's."""
    folder = raw_root(data_dir) / study
    descriptor = folder / "datapackage.json"
    if not descriptor.is_file():
        raise FileNotFoundError(
            f"{descriptor} not found: data_dir must name a folder laid out like data/raw/, "
            f"with the study's data in {study}/ beside its datapackage.json."
        )
    parsed = read_descriptor(descriptor)
    problems = descriptor_problems(parsed)
    if problems:
        raise descriptor_error(descriptor, [f"{problem} (compare the study's own descriptor, "
                                            f"data/raw/{study}/datapackage.json)" for problem in problems])
    return DataPackage(folder, parsed)


def descriptor_problems(descriptor: dict) -> list[str]:
    """What makes a data package descriptor unusable: no list of resources, a resource without
    a name, a path or a usable schema (see validation.schema_problems)."""
    resources = descriptor.get("resources")
    if not isinstance(resources, list):
        return ['it has no "resources" list']
    problems = []
    for k, resource in enumerate(resources):
        if not (isinstance(resource, dict) and isinstance(resource.get("name"), str)
                and isinstance(resource.get("path"), str)):
            problems.append(f"resource {k + 1} is not an object with a name and a path")
            continue
        problems += [f"resource {resource['name']!r}: {problem}" for problem in schema_problems(resource.get("schema"))]
    problems += foreign_key_descriptor_problems(resources) if not problems else []
    return problems


def foreign_key_descriptor_problems(resources: list[dict]) -> list[str]:
    """Foreign keys that point at no resource of the package, or name fields that the schemas
    lack, or do not pair their fields one to one."""
    fields = {r["name"]: {f.get("name") for f in r["schema"].get("fields", [])} for r in resources}
    problems = []
    for resource in resources:
        for k, key in enumerate(resource["schema"].get("foreignKeys", []), start=1):
            reference = key.get("reference", {}) if isinstance(key, dict) else {}
            where = f"resource {resource['name']!r}, foreign key {k}"
            target = reference.get("resource", None)
            target = resource["name"] if target == "" else target
            if target not in fields:
                problems.append(f"{where}: it points at no resource of the package ({target!r})")
                continue
            own, other = as_list(key.get("fields", [])), as_list(reference.get("fields", []))
            missing = [f for f in own if f not in fields[resource["name"]]] + [f for f in other if f not in fields[target]]
            if missing or len(own) != len(other) or not own:
                problems.append(f"{where}: expected as many fields on each side, each a field of its schema"
                                + (f" (not: {', '.join(map(str, missing))})" if missing else ""))
    return problems


def read_descriptor(path: Path) -> dict:
    """A datapackage.json as a dictionary; a file that is not a JSON object is refused naming
    the file, the line and what the JSON parser expected."""
    try:
        parsed = json.loads(path.read_bytes().decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise descriptor_error(path, ["the file is not UTF-8 text; expected a JSON object"]) from None
    except json.JSONDecodeError as error:
        raise descriptor_error(path, [f"not valid JSON ({error.msg} at column {error.colno}); expected a JSON object"],
                               error.lineno) from None
    if not isinstance(parsed, dict):
        raise descriptor_error(path, [f"a JSON {type(parsed).__name__}; expected a JSON object"])
    return parsed


def descriptor_error(path: Path, problems: list[str], line: int | None = None) -> DataValidationError:
    """The error for what is wrong with a descriptor file (the file named as users see it)."""
    return DataValidationError([Problem(display_path(path), line, None, None, problem) for problem in problems])


def catalog(data_dir: str | Path = "") -> dict:
    """data/raw/datapackage.json: the list of the studies' data packages."""
    return read_descriptor(raw_root(data_dir) / "datapackage.json")
