"""A user's own data for a study: a file or a folder describing one new case.

One set of rules for every study: the new case's name is checked by
`case_name_problem` (length, characters, not a published case's name or alias, which
would merge with the published data), every file is validated against its template's schema with all problems reported at once, and
made-up data are labelled " (illustrative)" in every output.
"""

import re
from pathlib import Path

import pandas as pd

from workbench.core.datapackage import DataPackage
from workbench.core.paths import display_path
from workbench.core.readers import read_table
from workbench.core.study import ILLUSTRATIVE
from workbench.core.validation import DataValidationError, Problem



NAME_LIMIT = 60
# Letters and digits, spaces and . , ' ( ) & -, with the typographic apostrophes and dashes a
# phone keyboard or a spreadsheet's autocorrect types for ' and - ("Ma’had", "Cilacap – Timur").
NAME_CHARACTERS = re.compile(r"^[^\W_][\w .,'’‘ʼ()&\-‐‑‒–—]*$")
TYPOGRAPHIC = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "‐": "-", "‑": "-", "‒": "-", "–": "-", "—": "-"})


def case_name_problem(name: str, published: dict[str, list[str]], file: str, line: int | None,
                      column: str) -> Problem | None:
    """The one rule for the name of a user's own case (district, area, craft cluster) in every
    study: 1 to 60 characters; letters, digits, spaces and . , ' ( ) & - only (typographic
    apostrophes and dashes too), starting with a letter or digit; and not a published case's
    name or alias in any case or typography (it would merge with the published data)."""
    text = str(name)
    if not text.strip() or len(text) > NAME_LIMIT or not NAME_CHARACTERS.match(text):
        shown = text if len(text) <= NAME_LIMIT else text[:NAME_LIMIT] + "…"
        return Problem(file, line, column, shown,
                       f"expected a name of 1 to {NAME_LIMIT} characters: letters, digits, spaces and . , ' ( ) & - "
                       "only, starting with a letter or digit")
    def folded(name: str) -> str:
        return " ".join(name.translate(TYPOGRAPHIC).replace(" - ", "-").split()).casefold()
    wanted = folded(text)
    for canonical, aliases in published.items():
        if wanted in {folded(n) for n in [canonical, *aliases]}:
            return Problem(file, line, column, text,
                           f"{text!r} names the published {canonical}; give your own case another name "
                           "(a new case may not reuse a published name or alias)")
    return None


def read_case_folder(folder: str | Path, package: DataPackage, files: dict[str, str], required: list[str],
                     identity_file: str, column: str, published: dict[str, list[str]],
                     extra_checks=None) -> dict[str, pd.DataFrame]:
    """Read a user's folder describing one new case (an area, a cluster) for a study.

    `files` maps file names to the template resources of `package` whose schemas they
    follow; `identity_file` holds exactly one row naming the case in `column` and saying
    whether its data are illustrative. Every row of every file must name the same case,
    which may not be a published one. `extra_checks(tables, folder)` may return a study's
    own problems (codes that depend on another column, say). All problems are reported at
    once, a CSV file of another name among them (a misspelt optional table would otherwise be
    left out unnoticed); an illustrative case gets " (illustrative)" appended to its name in
    every table.
    """
    folder = Path(folder).expanduser().resolve()
    templates = f"see the templates in {display_path(package.folder)}/templates/"
    if not folder.exists():
        raise DataValidationError([Problem(display_path(folder), None, None, None,
                                           f"folder not found; expected a folder holding {', '.join(required)} ({templates})")])
    if not folder.is_dir():
        raise DataValidationError([Problem(display_path(folder), None, None, None,
                                           f"this is a file; expected a folder holding {', '.join(required)} ({templates})")])
    missing = [name for name in required if not (folder / name).exists()]
    unexpected = sorted(p.name for p in folder.iterdir()
                        if p.is_file() and p.suffix.lower() == ".csv" and p.name not in files)
    if missing or unexpected:
        raise DataValidationError(
            [Problem(display_path(folder / name), None, None, None,
                     f"missing: the folder needs {', '.join(required)} ({templates})") for name in missing]
            + [Problem(display_path(folder / name), None, None, None,
                       f"unexpected file: a table of this folder is one of {', '.join(files)} ({templates}); "
                       "under another name its data would be left out") for name in unexpected])
    tables, problems = {}, []
    for name, resource in files.items():
        if (folder / name).exists():
            try:
                tables[name] = read_table(folder / name, package.schema(resource), require_rows=name in required)
            except DataValidationError as error:
                problems += error.problems
    if problems:
        raise DataValidationError(problems)
    identity = tables[identity_file]
    if len(identity) != 1:
        raise DataValidationError([Problem(display_path(folder / identity_file), None, None, None,
                                           f"expected exactly one row, found {len(identity)}")])
    case = identity[column].iloc[0]
    bad_name = case_name_problem(case, published, display_path(folder / identity_file), int(identity.index[0]), column)
    if bad_name:
        raise DataValidationError([bad_name])
    for name, table in tables.items():
        for index, value in table[column].items():
            if value != case:
                problems.append(Problem(display_path(folder / name), index, column, value,
                                        f"expected the {column} named in {identity_file}, {case!r}"))
    if extra_checks is not None:
        problems += extra_checks(tables, folder)
    if problems:
        raise DataValidationError(problems)
    if identity["illustrative"].iloc[0]:
        tables = {name: table.assign(**{column: case + ILLUSTRATIVE}) for name, table in tables.items()}
    return tables
