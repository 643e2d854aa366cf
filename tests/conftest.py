"""Shared test helpers: a throwaway copy of the project to break things in."""

import csv
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from project_copy import copy_project

@pytest.fixture
def project_copy(tmp_path: Path) -> Path:
    """A copy of the project's code, notebooks and data, without environment or reports."""
    return copy_project(tmp_path)


def replace_in_file(path: Path, old: str, new: str) -> None:
    """Replace one exact occurrence of `old` in a text file (fails if it is not there once)."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times in {path}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def change_cell(path: Path, row: dict, column: str, value: str) -> None:
    """Set `column` of the one row of a CSV file whose cells equal `row` (fails unless exactly one does)."""
    with open(path, newline="", encoding="utf-8") as handle:
        header, *records = list(csv.reader(handle))
    matches = [r for r in records if all(r[header.index(k)] == v for k, v in row.items())]
    assert len(matches) == 1, f"{len(matches)} rows of {path} match {row}"
    assert matches[0][header.index(column)] != value, f"{path}: {column} is already {value!r}"
    matches[0][header.index(column)] = value
    with open(path, "w", newline="", encoding="utf-8") as handle:
        csv.writer(handle, lineterminator="\n").writerows([header, *records])


def run_notebook(study: str, folder: Path, **parameters) -> str:
    """Execute a study notebook with papermill in `folder`, on a fresh kernel, with the
    parameters a user would give it (no output_dir); return all its output text."""
    from workbench.core.execute import execute_study   # here: pytest's controller process needs none of it
    return output_text(execute_study(study, folder, {name: str(value) for name, value in parameters.items()},
                                     folder / "out.ipynb"))


def output_text(notebook) -> str:
    """All the output text of an executed notebook."""
    return "".join(str(o.get("data", o.get("text", ""))) for cell in notebook.cells for o in cell.get("outputs", []))


def workbench_in(project: Path, *args: str) -> subprocess.CompletedProcess:
    """The workbench command run in a project copy, with that copy's own package."""
    env = dict(os.environ, PYTHONPATH=str(project / "src"))
    return subprocess.run([sys.executable, "-m", "workbench.cli", *args], cwd=project, env=env,
                          capture_output=True, text=True)


SESSION = """
import contextlib, io, json, sys
from workbench import cli
results = []
for argv in json.loads(sys.argv[2]):
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = cli.main(argv)
        except SystemExit as exit:
            code = exit.code
    results.append([code, out.getvalue(), err.getvalue()])
open(sys.argv[1], "w", encoding="utf-8").write(json.dumps(results))
"""


def workbench_session(project: Path, *commands: list[str]) -> list[subprocess.CompletedProcess]:
    """Workbench commands run one after another in one Python process of a project copy, as
    from one session (JupyterLab's, a script's): each later command finds the process's
    kernel started and the package imported. Each command's exit code, stdout and stderr."""
    env = dict(os.environ, PYTHONPATH=str(project / "src"))
    results = project / "session.json"
    ran = subprocess.run([sys.executable, "-c", SESSION, str(results), json.dumps(commands)], cwd=project, env=env,
                         capture_output=True, text=True)
    assert results.is_file(), ran.stderr[-3000:]
    return [subprocess.CompletedProcess(argv, code, out, err)
            for argv, (code, out, err) in zip(commands, json.loads(results.read_text(encoding="utf-8")))]


def evaluate_in(project: Path, imports: str, expression: str):
    """The JSON value of a Python expression evaluated with a project copy's own package."""
    env = dict(os.environ, PYTHONPATH=str(project / "src"))
    code = f"import json\n{imports}\nprint(json.dumps({expression}))"
    result = subprocess.run([sys.executable, "-c", code], cwd=project, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)
