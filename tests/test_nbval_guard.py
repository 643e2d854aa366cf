"""The nbval guard bites: for every registered study, a changed raw value makes its stored
notebook outputs fail. Each study names the cell to change and the output text that must then
differ (`Study.guard`): a figure's description, so figures are compared, not only tables."""

import os
import subprocess
import sys

import pytest

from conftest import change_cell, evaluate_in
from workbench.core import study as contract
from workbench.core.datapackage import load_package


def nbval(project, study):
    env = dict(os.environ, PYTHONPATH=str(project / "src"))
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-vv", "--nbval", "--nbval-current-env", "-p", "no:cacheprovider",
         "-o", "addopts=", f"notebooks/{study}.ipynb"],
        cwd=project, env=env, capture_output=True, text=True)


def guard_of(project, name: str) -> dict:
    """The guard probe a study of the project (copy) declares, read there."""
    return evaluate_in(project, "import dataclasses\nfrom workbench.core import study",
                       f"dataclasses.asdict(study.get({name!r}).guard)")


def guard_bites(project, name: str, unchanged_too: bool = False) -> None:
    """With the study's guard cell changed, nbval fails on the stored outputs, showing the change.
    (That the unchanged notebooks pass is what nbval on notebooks/ checks in the same suite;
    `unchanged_too` checks it here as well, for a study the suite does not know.)"""
    probe = guard_of(project, name)
    if unchanged_too:
        assert nbval(project, name).returncode == 0
    change_cell(load_package(probe["study"] or name, project / "data" / "raw").path(probe["resource"]), probe["row"],
                probe["column"], probe["value"])
    result = nbval(project, name)
    assert result.returncode == 1
    assert probe["shows"] in result.stdout


@pytest.mark.parametrize("name", contract.registered_names())
def test_a_changed_value_fails_the_guard(project_copy, name):
    guard_bites(project_copy, name)
