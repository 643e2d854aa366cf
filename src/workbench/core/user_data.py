"""A user's own data for a study: a file or a folder describing one new case.

One set of rules for every study: the new case's name may not be a published
case's name or alias (it would merge with the published data), every file is
validated against its template's schema with all problems reported at once, and
made-up data are labelled " (illustrative)" in every output.
"""

from pathlib import Path

import pandas as pd

from workbench.core.datapackage import DataPackage
from workbench.core.readers import display_path, read_table
from workbench.core.validation import DataValidationError, Problem

ILLUSTRATIVE = " (illustrative)"


def published_name_problem(name: str, published: dict[str, list[str]], file: str, line: int | None,
                           column: str) -> Problem | None:
    """A problem when a new case reuses a published case's name or alias (any case)."""
    wanted = " ".join(str(name).split()).casefold()
    for canonical, aliases in published.items():
        if wanted in {n.casefold() for n in [canonical, *aliases]}:
            return Problem(file, line, column, name,
                           f"{name!r} names the published {canonical}; give your own case another name "
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
    once; an illustrative case gets " (illustrative)" appended to its name in every table.
    """
    folder = Path(folder).expanduser().resolve()
    missing = [name for name in required if not (folder / name).is_file()]
    if missing:
        raise FileNotFoundError(f"{display_path(folder)} lacks {', '.join(missing)}; it needs "
                                f"{', '.join(required)} (see the templates in {display_path(package.folder)}/templates/).")
    tables, problems = {}, []
    for name, resource in files.items():
        if (folder / name).is_file():
            try:
                tables[name] = read_table(folder / name, package.schema(resource))
            except DataValidationError as error:
                problems += error.problems
    if problems:
        raise DataValidationError(problems)
    identity = tables[identity_file]
    if len(identity) != 1:
        raise DataValidationError([Problem(display_path(folder / identity_file), None, None, None,
                                           f"expected exactly one row, found {len(identity)}")])
    case = identity.at[0, column]
    clash = published_name_problem(case, published, display_path(folder / identity_file), 2, column)
    if clash:
        raise DataValidationError([clash])
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
