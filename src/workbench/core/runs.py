"""Run notebooks with parameters and publish their reports.

A run is one study notebook with one parameter set. `execute_run` executes it
with papermill into a staging folder, removes timestamps and machine paths from
the executed notebook, renders HTML with the code hidden, and only then swaps
the staging folder in as reports/<study>/<run>/. A failed run leaves the
previous report untouched and keeps its error notebook beside it as
reports/<study>/<run>.failed.ipynb.
"""

import html
import json
import os
import shutil
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
import papermill
from nbconvert import HTMLExporter
from papermill.exceptions import PapermillExecutionError

from workbench.core import study as contract
from workbench.core.choices import slugify
from workbench.core.paths import NOTEBOOKS_DIR, PROJECT_ROOT, REPORTS_DIR, RUNS_CONFIG
from workbench.core.study import PATH_PARAMETERS, RUNNER_PARAMETERS, StudyError
CONVERTERS = {"int": int, "float": float, "str": str,
              "bool": lambda text: {"true": True, "false": False}[str(text).lower()]}


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


def relative_to_staging(parameters: dict, staging: Path) -> dict:
    """Relative path parameters of configured runs are relative to the project; the notebook
    runs in the staging folder, so they are handed over relative to it (the same string on
    every machine, unlike an absolute path)."""
    return {name: os.path.relpath(PROJECT_ROOT / value, staging) if is_path_parameter(name, value) else value
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
        slug = "-".join(slugify(word) for word in words)
        name = same[0].name if same else (slug or "default")
    return Run(study, name, parameters)


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


def render_html(notebook: nbformat.NotebookNode, title: str) -> str:
    """The report as reviewers read it: outputs and narrative, code hidden."""
    exporter = HTMLExporter(exclude_input=True, exclude_input_prompt=True, exclude_output_prompt=True)
    body, _ = exporter.from_notebook_node(notebook, resources={"metadata": {"name": title}})
    return body


def execute_notebook(study: str, output: Path, parameters: dict, cwd: Path) -> nbformat.NotebookNode:
    """Execute a study notebook with papermill; output_dir is relative to `cwd` so that
    no machine path enters the executed notebook."""
    return papermill.execute_notebook(
        str(notebook_path(study)), str(output), parameters=parameters,
        progress_bar=False, cwd=str(cwd),
    )


def execute_run(run: Run, reports_dir: Path = REPORTS_DIR) -> Path:
    """Execute one run and publish it as reports/<study>/<name>/; returns that folder.
    Relative path parameters are relative to the project (as in runs.toml)."""
    parameters = check_parameters(run.study, run.parameters)
    study_dir = Path(reports_dir) / run.study
    target = study_dir / run.name
    failed = study_dir / f"{run.name}.failed.ipynb"
    staging = study_dir / f".staging-{run.name}"
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    executed = staging / "notebook.ipynb"
    try:
        notebook = execute_notebook(run.study, executed,
                                    {**relative_to_staging(parameters, staging), "output_dir": "."}, staging)
    except PapermillExecutionError as error:
        shutil.move(executed, failed)
        shutil.rmtree(staging, ignore_errors=True)
        raise RunError(
            f"Run {run.study}/{run.name} failed in cell {error.exec_count} "
            f"(cell index {error.cell_index}): {error.ename}: {error.evalue}\n"
            f"The error notebook is kept at {failed}; the previous report, if any, is unchanged."
        ) from None
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    if contract.get(run.study).makes_outputs and not any(
            path.is_file() for folder in ("figures", "tables") for path in (staging / folder).glob("*")):
        shutil.move(executed, failed)
        shutil.rmtree(staging, ignore_errors=True)
        raise RunError(f"Run {run.study}/{run.name} saved no figures or tables, although {run.study} makes them: "
                       "its notebook must hand output_dir to Report. The previous report, if any, is unchanged; "
                       f"the executed notebook is kept at {failed}.")
    notebook = clean_notebook(notebook, run)
    nbformat.write(notebook, executed)
    title = f"{run.study} — {run.name}"
    (staging / "report.html").write_text(render_html(notebook, title), encoding="utf-8")
    (staging / "run.json").write_text(json.dumps(
        {"study": run.study, "name": run.name, "parameters": parameters}, indent=2, sort_keys=True) + "\n")
    previous = study_dir / f".previous-{run.name}"
    shutil.rmtree(previous, ignore_errors=True)
    if target.exists():
        target.rename(previous)
    staging.rename(target)
    shutil.rmtree(previous, ignore_errors=True)
    failed.unlink(missing_ok=True)
    return target


def write_index(reports_dir: Path = REPORTS_DIR) -> Path:
    """reports/index.html: one link per published run, in study and run-name order."""
    reports_dir = Path(reports_dir)
    items = []
    for manifest in sorted(reports_dir.glob("*/*/run.json")):
        run = json.loads(manifest.read_text())
        folder = manifest.parent.relative_to(reports_dir).as_posix()
        parameters = ", ".join(f"{k} = {v!r}" for k, v in sorted(run["parameters"].items())) or "defaults"
        items.append(
            f'<li><a href="{html.escape(folder)}/report.html">{html.escape(run["study"])} — '
            f'{html.escape(run["name"])}</a> <small>({html.escape(parameters)}; '
            f'<a href="{html.escape(folder)}/notebook.ipynb">notebook</a>, '
            f'<a href="{html.escape(folder)}/figures/">figures</a>, '
            f'<a href="{html.escape(folder)}/tables/">tables</a>)</small></li>'
        )
    page = ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            "<title>Workbench reports</title></head><body>\n<h1>Workbench reports</h1>\n"
            "<p>Each run is a study notebook executed with one parameter set. "
            "Code is hidden in the reports; the executed notebooks hold it.</p>\n<ul>\n"
            + "\n".join(items) + "\n</ul>\n</body></html>\n")
    index = reports_dir / "index.html"
    reports_dir.mkdir(parents=True, exist_ok=True)
    index.write_text(page, encoding="utf-8")
    return index


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
