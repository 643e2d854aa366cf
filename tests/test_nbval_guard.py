"""The nbval guard bites: for every registered study, a changed raw value makes its stored
notebook outputs fail. Each study names the cell to change and the output text that must then
differ (`Study.guard`): a figure's description, so figures are compared, not only tables."""

import os
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest

from conftest import change_cell, evaluate_in
from workbench.core import study as contract
from workbench.core.datapackage import load_package


def nbval(project: Path, names: list[str]) -> dict[str, str]:
    """Run nbval on the named notebooks of a project copy, in one pytest process; returns, per
    notebook, the failure reports of its cells (empty when every cell passed)."""
    env = dict(os.environ, PYTHONPATH=str(project / "src"))
    report = project / "nbval.xml"
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-vv", "--nbval", "--nbval-current-env", "-p", "no:cacheprovider",
         "-p", "no:typeguard", "-p", "no:anyio", "-p", "no:xdist",
         "-o", "addopts=", f"--junitxml={report}", *(f"notebooks/{name}.ipynb" for name in names)],
        cwd=project, env=env, capture_output=True, text=True)
    assert report.is_file(), result.stdout[-2000:] + result.stderr[-2000:]
    failures = {name: "" for name in names}
    for case in ElementTree.parse(report).iter("testcase"):   # classname: notebooks.<study>.ipynb
        name = case.get("classname").removeprefix("notebooks.").removesuffix(".ipynb")
        for problem in [*case.iter("failure"), *case.iter("error")]:
            failures[name] += f"{case.get('name')}: {problem.get('message')}\n{problem.text}\n"
    return failures


def guards_of(project: Path, names: list[str]) -> dict[str, dict]:
    """The guard probes the studies of the project (copy) declare, read there."""
    return evaluate_in(project, "import dataclasses\nfrom workbench.core import study",
                       f"{{name: dataclasses.asdict(study.get(name).guard) for name in {names!r}}}")


def guard_bites(project: Path, names: list[str], unchanged_too: bool = False) -> None:
    """With each study's guard cell changed (all in the one project copy), nbval fails on each
    study's stored outputs, showing that study's change. (That the unchanged notebooks pass is
    what nbval on notebooks/ checks in the same suite; `unchanged_too` checks it here as well,
    for a study the suite does not know.)"""
    probes = guards_of(project, names)
    if unchanged_too:
        assert nbval(project, names) == {name: "" for name in names}
    for name, probe in probes.items():
        change_cell(load_package(probe["study"] or name, project / "data" / "raw").path(probe["resource"]),
                    probe["row"], probe["column"], probe["value"])
    failures = nbval(project, names)
    missed = {name: probe["shows"] for name, probe in probes.items() if probe["shows"] not in failures[name]}
    assert missed == {}, f"nbval did not fail showing these changes: {missed}"


@pytest.mark.slow
def test_a_changed_value_fails_the_guard_of_every_study(project_copy):
    guard_bites(project_copy, contract.registered_names())
