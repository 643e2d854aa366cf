"""The study contract: what every study declares, and the registry that lists the studies.

A study is
- one module, `src/workbench/<name>/`, whose `STUDY` is a `Study` below;
- one notebook, `notebooks/<name>.ipynb`, whose first code cell (tagged `parameters`)
  declares exactly `Study.parameters()` and whose later cells use every one of them;
- one data folder, `data/raw/<name>/`, with its `datapackage.json`, listed in
  `data/raw/datapackage.json`;
- one line in `workbench/registry.py`, and its runs in `runs.toml`.

The core knows no particular study: the project lists its studies (`workbench.registry`),
and the command line hands that `Registry` to the runs, the build and the site.

Every study names the cases it shows the same way: its selector parameter (district,
area, case, ...) takes "all" or one case, published (aliases accepted) or the user's
own, which comes in as `user_data` (a file or a folder, relative to where the user is).
The study's `load(data_dir)` (with `user_data` as a second argument where the study
takes it) returns a frozen data object with at least `package` (its DataPackage),
`cases` (published first, then the user's) and `audit`.

`contract_problems` says what a study lacks.
"""

import ast
import importlib
import json
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from workbench.core.choices import resolve_choice
from workbench.core.paths import NOTEBOOKS_DIR, PROCESSED_DIR, RAW_DIR, RUNS_CONFIG

ALL = "all"
USER_DATA = "user_data"
DATA_DIR = "data_dir"
OUTPUT_DIR = "output_dir"
LANG = "lang"
PATH_PARAMETERS = (DATA_DIR, USER_DATA)
RUNNER_PARAMETERS = (OUTPUT_DIR,)
USER_DATA_KINDS = ("file", "folder")
ILLUSTRATIVE = " (illustrative)"


class StudyError(ValueError):
    """An unknown study, or a study that breaks the contract."""


@dataclass(frozen=True)
class Study:
    """What a study declares to the workbench (see the module docstring). `source` is the key
    of the study's source in references.bib; `reads` names other studies' data folders a run reads. A study whose
    cases come from its own tables, not from its paper, gives `choices(data_dir)`: each case
    with its aliases, read without pandas, in place of `published`. `languages`: the
    languages its report is written in (the first is the default); with more than one, its
    notebook takes a `lang` parameter and its text is in the message catalogues
    (workbench.core.i18n)."""

    name: str
    title: str
    selector: str
    load: Callable
    processed_tables: Callable
    published: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    all_aliases: tuple[str, ...] = ()
    user_data: str = ""
    makes_outputs: bool = True
    reads: tuple[str, ...] = ()
    source: str = ""
    choices: Callable | None = None
    languages: tuple[str, ...] = ("en",)

    @property
    def notebook(self) -> Path:
        return NOTEBOOKS_DIR / f"{self.name}.ipynb"

    @property
    def data_folder(self) -> Path:
        return RAW_DIR / self.name

    def data_folders(self) -> tuple[str, ...]:
        """The data folders (in data/raw/) a run of the study reads: its own, then any it `reads`."""
        return (self.name, *self.reads)

    def parameters(self) -> tuple[str, ...]:
        """The notebook's parameters, in the order its parameters cell declares them."""
        return (self.selector, *((USER_DATA,) if self.user_data else ()), DATA_DIR, OUTPUT_DIR,
                *((LANG,) if len(self.languages) > 1 else ()))

    def known_cases(self, data_dir: str | Path = "") -> Mapping[str, tuple[str, ...]]:
        """The cases a run may name without data of its own, each with its aliases: the
        published ones, or those of the study's tables in `data_dir` (data/raw by default)."""
        return self.choices(data_dir) if self.choices is not None else self.published

    def resolve(self, name: str, cases: list[str] | None = None,
                aliases: Mapping[str, tuple[str, ...]] | None = None) -> str:
        """"all" or the canonical name of one case (known, aliases accepted, or the user's);
        any case; an unknown name raises ValueError listing the valid ones. Without `cases`
        and `aliases`, the known cases and their aliases (`known_cases`) are used."""
        known = self.known_cases() if aliases is None else aliases
        names = cases if cases is not None else list(known)
        choices = {ALL: list(self.all_aliases), **{case: list(known.get(case, ())) for case in names}}
        return resolve_choice(name, choices, self.selector)

    def one_case(self, name: str, cases, aliases: Mapping[str, tuple[str, ...]] | None = None) -> str:
        """The canonical name of one of `cases` (aliases accepted, as the selector parameter
        accepts them), for functions that show a single case: "all" or an unknown name raises
        ValueError saying what would have worked, instead of an empty answer."""
        cases = list(dict.fromkeys(cases))
        resolved = self.resolve(name, cases, aliases)
        if resolved == ALL:
            raise ValueError(f"Name one {self.selector}, not {name!r}: one of {', '.join(cases)}.")
        return resolved


def lazy(path: str) -> Callable:
    """A function imported when first called ("package.module:function"), so that declaring a
    study (and listing, planning or skipping its runs) imports none of its heavy code."""
    module, name = path.split(":")

    def call(*args, **kwargs):
        return getattr(importlib.import_module(module), name)(*args, **kwargs)
    call.__name__, call.__qualname__, call.__doc__ = name, path, f"{path}, imported on first call."
    return call


@dataclass(frozen=True)
class Registry:
    """A project's studies, by name, in the order the report index shows them. Each name is
    the module `<package>.<name>` whose `STUDY` declares it."""

    names: tuple[str, ...]
    package: str = "workbench"

    def get(self, name: str) -> Study:
        """The study of that name; an unknown name lists the valid ones."""
        if name not in self.names:
            raise StudyError(f"Unknown study {name!r}. Valid studies: {', '.join(self.names)}.")
        study = importlib.import_module(f"{self.package}.{name}").STUDY
        if study.name != name:
            raise StudyError(f"{self.package}.{name}.STUDY is named {study.name!r}; it must be {name!r}.")
        return study

    def studies(self) -> list[Study]:
        """Every study, in the registry's order."""
        return [self.get(name) for name in self.names]


def parameters_cell(notebook: Path) -> tuple[dict, list[dict]]:
    """A notebook's parameters cell and its other code cells."""
    path = Path(notebook)
    cells = [c for c in _notebook_json(path, path.stat().st_mtime_ns)["cells"] if c["cell_type"] == "code"]
    tagged = [c for c in cells if "parameters" in c.get("metadata", {}).get("tags", [])]
    if len(tagged) != 1:
        raise StudyError(f"{notebook.name} needs exactly one code cell tagged 'parameters'; it has {len(tagged)}.")
    return tagged[0], [c for c in cells if c is not tagged[0]]


@cache
def _notebook_json(path: Path, modified: int) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def _source(cell: dict) -> str:
    return "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]


def declared_parameters(notebook: Path) -> dict[str, object]:
    """The names and default values the parameters cell assigns, in order."""
    cell, _ = parameters_cell(notebook)
    declared = {}
    for node in ast.parse(_source(cell)).body:
        if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            declared[node.target.id] = ast.literal_eval(node.value) if node.value else None
        elif isinstance(node, ast.Assign):
            for target in node.targets:
                if isinstance(target, ast.Name):
                    declared[target.id] = ast.literal_eval(node.value)
    return declared


def used_names(notebook: Path) -> set[str]:
    """Every name the notebook's other code cells read."""
    _, cells = parameters_cell(notebook)
    names = set()
    for cell in cells:
        source = "\n".join(line for line in _source(cell).splitlines() if not line.lstrip().startswith(("%", "!")))
        names |= {node.id for node in ast.walk(ast.parse(source)) if isinstance(node, ast.Name)}
    return names


def notebook_problems(study: Study) -> list[str]:
    """What the study's notebook lacks: a parameter it should declare, one it declares
    but should not, one it never uses, or a default other than "all" for the selector."""
    modified = study.notebook.stat().st_mtime_ns if study.notebook.is_file() else 0
    return list(_notebook_problems(study.notebook, study.parameters(), study.selector, modified))


@cache
def _notebook_problems(notebook: Path, wanted: tuple[str, ...], selector: str, modified: int) -> tuple[str, ...]:
    if not notebook.is_file():
        return (f"notebook {notebook.relative_to(NOTEBOOKS_DIR.parent)} is missing",)
    try:
        declared = declared_parameters(notebook)
        used = used_names(notebook)
    except (StudyError, SyntaxError, ValueError) as error:
        return (f"{notebook.name}: {error}",)
    problems = [f"{notebook.name} does not declare the parameter {name!r}" for name in wanted
                if name not in declared]
    problems += [f"{notebook.name} declares {name!r}, which the contract does not give this study "
                 f"(its parameters: {', '.join(wanted)})" for name in declared if name not in wanted]
    problems += [f"{notebook.name} declares {name!r} but never uses it" for name in wanted
                 if name in declared and name not in used]
    if declared.get(selector, ALL) != ALL:
        problems.append(f"{notebook.name}: the default of {selector!r} must be {ALL!r}")
    return tuple(problems)


def contract_problems(study: Study, runs_config: Path = RUNS_CONFIG) -> list[str]:
    """Everything a registered study lacks to be built, run, guarded and tested like the others."""
    problems = notebook_problems(study)
    if study.user_data not in ("", *USER_DATA_KINDS):
        problems.append(f"user_data must be '', 'file' or 'folder', not {study.user_data!r}")
    descriptor = study.data_folder / "datapackage.json"
    if not descriptor.is_file():
        problems.append(f"data folder {descriptor.parent.relative_to(RAW_DIR.parent.parent)} has no datapackage.json")
    else:
        listed = [p["path"] for p in json.loads((RAW_DIR / "datapackage.json").read_text(encoding="utf-8"))["packages"]]
        if f"{study.name}/datapackage.json" not in listed:
            problems.append(f"data/raw/datapackage.json does not list {study.name}/datapackage.json")
        resources = json.loads(descriptor.read_text(encoding="utf-8"))["resources"]
        problems += [f"{descriptor.parent.name}/{r['path']}, described in its datapackage.json, does not exist"
                     for r in resources if not (study.data_folder / r["path"]).is_file()]
    configured = tomllib.loads(Path(runs_config).read_text(encoding="utf-8")).get("run", [])
    if not any(run.get("study") == study.name for run in configured):
        problems.append(f"{Path(runs_config).name} has no [[run]] for {study.name}")
    return problems


def processed_folder(study: Study) -> Path:
    """Where a study's tidy tables go: data/processed/<study>/."""
    return PROCESSED_DIR / study.name


def write_processed(study: Study, data_dir: str | Path = "", folder: Path | None = None) -> list[Path]:
    """Derive a study's tidy tables from its raw data and write them to data/processed/<study>/."""
    from workbench.core.outputs import write_tables
    return write_tables(study.processed_tables(study.load(data_dir)), folder or processed_folder(study))


def select_case(frame, case: str, column: str):
    """The rows of one case (in `column`), or every row for "all"."""
    return frame if case == ALL else frame[frame[column] == case]
