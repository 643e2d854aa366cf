"""Run notebooks with parameters and publish their reports.

A run is one study notebook with one parameter set. `execute_run` executes it
with papermill into a staging folder, removes timestamps and machine paths from
the executed notebook, renders HTML with the code hidden, and only then swaps
the staging folder in as reports/<study>/<run>/. A failed run leaves the
previous report untouched and keeps its error notebook beside it as
reports/<study>/<run>.failed.ipynb.
"""

import json
import re
import shutil
import subprocess
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
import papermill
from jupyter_client.manager import AsyncKernelManager
from papermill.exceptions import PapermillExecutionError

from workbench.core import provenance
from workbench.core import study as contract
from workbench.core.choices import slugify
from workbench.core.paths import NOTEBOOKS_DIR, PROJECT_ROOT, RAW_DIR, REPORTS_DIR, RUNS_CONFIG
from workbench.core.study import OUTPUT_DIR, PATH_PARAMETERS, RUNNER_PARAMETERS, StudyError
from workbench.core.user_data import ILLUSTRATIVE
CONVERTERS = {"int": int, "float": float, "str": str,
              "bool": lambda text: {"true": True, "false": False}[str(text).lower()]}


RUN_NAME_LIMIT = 60
RUN_NAME = re.compile(r"^[a-z0-9][a-z0-9_-]{0,59}$")


class QuietKernelManager(AsyncKernelManager):
    """A kernel whose own stderr (the transport warning, shutdown notices) stays out of the
    user's terminal; what cells print and raise still reaches the notebook."""

    async def start_kernel(self, **kwargs):
        kwargs.setdefault("stderr", subprocess.DEVNULL)
        return await super().start_kernel(**kwargs)


class RunError(RuntimeError):
    """A run could not start or did not finish; the message says why and where."""


@dataclass(frozen=True)
class Run:
    """One study notebook with one parameter set, published as reports/<study>/<name>/."""

    study: str
    name: str
    parameters: dict = field(default_factory=dict)


def notebook_path(study: str) -> Path:
    """The notebook of a registered study, checked against the contract: it declares and
    uses every parameter the runner injects. An unknown study names the valid ones."""
    try:
        spec = contract.get(study)
    except StudyError as error:
        raise RunError(str(error)) from None
    problems = contract.notebook_problems(spec)
    if problems:
        raise RunError(f"The notebook of {study} breaks the study contract: " + "; ".join(problems) + ".")
    return spec.notebook


def load_runs(config: Path = RUNS_CONFIG) -> list[Run]:
    """The configured runs, in the order of the config file."""
    entries = tomllib.loads(Path(config).read_text(encoding="utf-8")).get("run", [])
    runs = [Run(e["study"], e["name"], dict(e.get("parameters", {}))) for e in entries]
    names = [(run.study, run.name) for run in runs]
    duplicates = sorted({n for n in names if names.count(n) > 1})
    if duplicates:
        raise RunError(f"{config}: run names must be unique per study; repeated: {duplicates}")
    return runs


def notebook_parameters(study: str) -> dict[str, dict]:
    """The parameters a study's notebook declares (name -> inferred type, default, help)."""
    return papermill.inspect_notebook(str(notebook_path(study)))


def check_parameters(study: str, parameters: dict) -> dict:
    """Reject unknown parameter names (papermill alone only warns) and convert text values
    to the declared types."""
    declared = notebook_parameters(study)
    allowed = {name: spec for name, spec in declared.items() if name not in RUNNER_PARAMETERS}
    unknown = sorted(set(parameters) - set(allowed))
    if unknown:
        valid = ", ".join(f"{n} ({s['inferred_type_name']}, default {s['default']})" for n, s in allowed.items())
        raise RunError(f"Unknown parameter(s) for {study}: {', '.join(unknown)}. Valid parameters: {valid}.")
    checked = {}
    for name, value in parameters.items():
        kind = allowed[name]["inferred_type_name"]
        try:
            checked[name] = CONVERTERS.get(kind, str)(value) if isinstance(value, str) else value
        except (ValueError, KeyError):
            raise RunError(f"Parameter {name} of {study} takes a {kind}; got {value!r}.") from None
    return checked


def is_path_parameter(name: str, value) -> bool:
    """Folder and file parameters (data_dir, user_data) given as relative paths."""
    return name in PATH_PARAMETERS and bool(value) and not Path(str(value)).is_absolute()


def resolve_path_parameters(parameters: dict, base: Path) -> dict:
    """Make relative folder and file parameters absolute against `base` (where the user is)."""
    return {name: str((Path(base) / value).resolve()) if is_path_parameter(name, value) else value
            for name, value in parameters.items()}


def run_for(study: str, parameters: dict, runs: list[Run], name: str = "") -> Run:
    """The run for a parameter set: a configured run with the same parameters keeps its
    name; otherwise the name is made from the parameter values."""
    if not name:
        defaults = {n: spec["default"] for n, spec in notebook_parameters(study).items()}

        def effective(values: dict) -> dict:
            return {n: str(values.get(n, default)).strip("\"'").casefold() for n, default in defaults.items()
                    if n not in RUNNER_PARAMETERS}
        same = [run for run in runs if run.study == study and effective(
            resolve_path_parameters(run.parameters, PROJECT_ROOT)) == effective(parameters)]
        words = [Path(str(v)).stem if n in PATH_PARAMETERS else str(v) for n, v in parameters.items()]
        slug = "-".join(slugify(word) for word in words)[:RUN_NAME_LIMIT].strip("-")
        name = same[0].name if same else (slug or "default")
    return Run(study, check_run_name(name), parameters)


def check_run_name(name: str) -> str:
    """A run name is a folder under reports/<study>/: lower-case letters, digits, - and _,
    starting with a letter or digit, at most 60 characters. Anything else (a path, `..`)
    is refused before anything is written."""
    if not RUN_NAME.match(str(name)):
        raise RunError(f"Run name {str(name)[:80]!r} is not allowed: a run name holds lower-case letters, digits, "
                       f"- and _, starts with a letter or digit, and has at most {RUN_NAME_LIMIT} characters.")
    return name


def run_folder(reports_dir: Path, run: Run) -> Path:
    """reports/<study>/<run>/, checked to lie inside reports/<study>/."""
    study_dir = (Path(reports_dir) / run.study).resolve()
    target = (study_dir / check_run_name(run.name)).resolve()
    if target.parent != study_dir:
        raise RunError(f"Run {run.study}/{run.name} would be published outside {study_dir}; refused.")
    return target


def clean_notebook(notebook: nbformat.NotebookNode, run: Run) -> nbformat.NotebookNode:
    """Drop timestamps, durations and machine paths, so the same inputs give the same bytes."""
    meta = notebook.metadata.get("papermill", {})
    for key in ("start_time", "end_time", "duration", "environment_variables"):
        meta.pop(key, None)
    meta["input_path"] = f"notebooks/{run.study}.ipynb"
    meta["output_path"] = "notebook.ipynb"
    for cell in notebook.cells:
        if "injected-parameters" in cell.metadata.get("tags", []):
            cell.id = "injected-parameters"
        cell.metadata.pop("execution", None)
        for key in ("start_time", "end_time", "duration"):
            cell.metadata.get("papermill", {}).pop(key, None)
    return notebook


def execute_notebook(study: str, output: Path, parameters: dict, cwd: Path) -> nbformat.NotebookNode:
    """Execute a study notebook with papermill; output_dir is relative to `cwd` so that
    no machine path enters the executed notebook."""
    return papermill.execute_notebook(
        str(notebook_path(study)), str(output), parameters=parameters,
        progress_bar=False, cwd=str(cwd), kernel_manager_class=QuietKernelManager,
    )


def stage_inputs(parameters: dict, staging: Path) -> dict:
    """Copy the files and folders that path parameters name into the run's input/ folder and
    hand them to the notebook as input/<parameter>/<name>: the report then records no path of
    the user's machine, and keeps the data it was built from."""
    staged = dict(parameters)
    for name in PATH_PARAMETERS:
        if not parameters.get(name):
            continue
        source = (PROJECT_ROOT / str(parameters[name])).resolve()
        target = staging / "input" / name / source.name
        target.parent.mkdir(parents=True, exist_ok=True)
        if source.is_dir():
            shutil.copytree(source, target, ignore=shutil.ignore_patterns(".*", "__pycache__"))
        else:
            shutil.copy2(source, target)
        staged[name] = target.relative_to(staging).as_posix()
    return staged


def check_inputs(spec: contract.Study, parameters: dict):
    """Load the study with the run's data folder and user data before anything is written, so
    that a bad file is refused with its own path (not a copy's); returns the loaded study."""
    arguments = [parameters.get("data_dir", "")] + ([parameters.get("user_data", "")] if spec.user_data else [])
    return spec.load(*[str(PROJECT_ROOT / str(a)) if a else "" for a in arguments])


def manifest(run: Run, spec: contract.Study, parameters: dict, staging: Path, illustrative: bool) -> dict:
    """run.json: the run, its parameters as the notebook got them, and its provenance."""
    folders = [RAW_DIR / name for name in spec.data_folders()] if not parameters.get("data_dir") else []
    source = provenance.commit_of(provenance.input_paths(run.study, list(spec.data_folders())))
    command_parameters = {k: (v if k not in PATH_PARAMETERS or not Path(str(v)).is_absolute() else Path(str(v)).name)
                          for k, v in run.parameters.items()}
    return {"study": run.study, "name": run.name, "title": spec.title, "illustrative": illustrative,
            "parameters": parameters,
            "provenance": {**source, "versions": provenance.pinned_versions(),
                           "data": provenance.data_hashes(folders, staging / "input"),
                           "command": provenance.rebuild_command(run.study, run.name, command_parameters,
                                                                 source["commit"])}}


def execute_run(run: Run, reports_dir: Path = REPORTS_DIR) -> Path:
    """Execute one run and publish it as reports/<study>/<name>/ (notebook.ipynb, figures/,
    tables/, input/, run.json); returns that folder. Relative path parameters are relative
    to the project (as in runs.toml). The report page is made by the site build.

    Nothing is written before the name and the inputs are checked; the run is executed in
    a staging folder that is removed on every way out (failure, Ctrl-C), and the previous
    report stays until the new one is complete. A failed run keeps its error notebook as
    reports/<study>/<name>.failed.ipynb."""
    spec = contract.get(run.study)
    target = run_folder(reports_dir, run)
    parameters = check_parameters(run.study, run.parameters)
    loaded = check_inputs(spec, parameters)
    try:
        spec.resolve(str(parameters.get(spec.selector, contract.ALL)), loaded.cases)
    except ValueError as error:
        raise RunError(f"Run {run.study}/{run.name}: {error}") from None
    illustrative = any(case.endswith(ILLUSTRATIVE) for case in loaded.cases)
    study_dir = target.parent
    failed = study_dir / f"{run.name}.failed.ipynb"
    staging = study_dir / f".staging-{run.name}"
    previous = study_dir / f".previous-{run.name}"
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    executed = staging / "notebook.ipynb"
    try:
        staged = stage_inputs(parameters, staging)
        try:
            notebook = execute_notebook(run.study, executed, {**staged, OUTPUT_DIR: "."}, staging)
        except PapermillExecutionError as error:
            if error.ename == "KeyboardInterrupt":
                raise KeyboardInterrupt from None
            shutil.move(executed, failed)
            raise RunError(
                f"Run {run.study}/{run.name} failed in cell {error.exec_count} "
                f"(cell index {error.cell_index}): {error.ename}: {error.evalue}\n"
                f"The error notebook is kept at {failed}; the previous report, if any, is unchanged."
            ) from None
        if spec.makes_outputs and not any(
                path.is_file() for folder in ("figures", "tables") for path in (staging / folder).glob("*")):
            shutil.move(executed, failed)
            raise RunError(f"Run {run.study}/{run.name} saved no figures or tables, although {run.study} makes them: "
                           "its notebook must hand output_dir to Report. The previous report, if any, is unchanged; "
                           f"the executed notebook is kept at {failed}.")
        nbformat.write(clean_notebook(notebook, run), executed)
        (staging / "run.json").write_text(json.dumps(manifest(run, spec, staged, staging, illustrative), indent=2,
                                                     sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8")
        shutil.rmtree(previous, ignore_errors=True)
        if target.exists():
            target.rename(previous)
        staging.rename(target)
        failed.unlink(missing_ok=True)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
        if previous.exists() and not target.exists():
            previous.rename(target)
        shutil.rmtree(previous, ignore_errors=True)
    return target


def store_outputs(study: str) -> Path:
    """Re-execute a study notebook with its default parameters and store the outputs in
    notebooks/ (the outputs nbval guards)."""
    path = notebook_path(study)
    staging = path.with_name(f".{path.stem}.executing.ipynb")
    try:
        notebook = execute_notebook(study, staging, {}, NOTEBOOKS_DIR)
    finally:
        staging.unlink(missing_ok=True)
    notebook = clean_notebook(notebook, Run(study, "default"))
    notebook.metadata.pop("papermill", None)
    for cell in notebook.cells:
        cell.metadata.pop("papermill", None)
    nbformat.write(notebook, path)
    return path
