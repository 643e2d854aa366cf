"""Where the project's folders are.

The project root is found as cookiecutter-data-science finds it, so that the package works
from any install (editable or not) on a project folder: the environment variable
`WORKBENCH_PROJECT` when set, else the nearest folder at or above the current one that holds
`runs.toml`, else the checkout this package's source lies in. Every kernel a build starts is
given `WORKBENCH_PROJECT`, so a notebook executed in a scratch folder finds its project too.
"""

import os
from pathlib import Path

PROJECT_VARIABLE = "WORKBENCH_PROJECT"
MARKER = "runs.toml"


def find_project_root(start: Path | None = None) -> Path:
    """The project folder (see the module docstring); an error saying how to name it when
    none is found."""
    named = os.environ.get(PROJECT_VARIABLE)
    if named:
        return Path(named).expanduser().resolve()
    here = Path(start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / MARKER).is_file() and (folder / "notebooks").is_dir():
            return folder
    checkout = Path(__file__).resolve().parents[3]
    if (checkout / MARKER).is_file():
        return checkout
    raise FileNotFoundError(f"No workbench project found at or above {here} (a folder with {MARKER} and "
                            f"notebooks/); run from inside one, or set {PROJECT_VARIABLE} to its path.")


PROJECT_ROOT = find_project_root()
RAW_DIR = PROJECT_ROOT / "data" / "raw"
PROCESSED_DIR = PROJECT_ROOT / "data" / "processed"
NOTEBOOKS_DIR = PROJECT_ROOT / "notebooks"
REPORTS_DIR = PROJECT_ROOT / "reports"
RUNS_CONFIG = PROJECT_ROOT / "runs.toml"
BIBLIOGRAPHY = PROJECT_ROOT / "references.bib"
SITE_PROJECT = PROJECT_ROOT / "site"   # the report site's Sphinx project: conf.py, _static/, _templates/
PAGE_TEMPLATES = SITE_PROJECT / "_templates" / "pages"   # the pages the site writes itself


def display_path(path: Path) -> str:
    """A path as a user would type it: relative to the project when inside it, else relative
    to the current folder when inside that (in a run, the staged copy of a user's data:
    input/..., the same on every machine and in every build), else in full."""
    path = Path(path).expanduser().resolve()
    for base in (PROJECT_ROOT, Path.cwd().resolve()):
        if path.is_relative_to(base):
            return str(path.relative_to(base))
    return str(path)


SPREADSHEETS = (".xlsx", ".xlsm")
SURVEY_SUFFIXES = (".csv", ".txt", ".tsv", *SPREADSHEETS)   # the files a folder of surveys is read for


def split_sheet(path) -> tuple[Path, str | None]:
    """`survey.xlsx#Data` names the sheet Data of the workbook survey.xlsx; returns the file
    and the sheet (None: the first sheet, or not a workbook)."""
    text = str(path)
    if "#" in text and text.rsplit("#", 1)[0].lower().endswith(SPREADSHEETS):
        name, sheet = text.rsplit("#", 1)
        return Path(name), sheet
    return Path(text), None
