"""The nbval guard bites: a changed raw value makes the stored notebook outputs fail."""

import os
import subprocess
import sys

from conftest import replace_in_file


def nbval(project):
    env = dict(os.environ, PYTHONPATH=str(project / "src"))
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-vv", "--nbval", "--nbval-current-env", "-p", "no:cacheprovider",
         "-o", "addopts=", "notebooks/metal_clusters.ipynb"],
        cwd=project, env=env, capture_output=True, text=True)


def test_unchanged_copy_passes_and_changed_value_fails(project_copy):
    assert nbval(project_copy).returncode == 0
    # One cell of Table 8: Pati's production score, 4 -> 2.
    replace_in_file(project_copy / "data/raw/metal_clusters/table8_problem_solving.csv",
                    "Pati,4,3,4,3", "Pati,4,3,2,3")
    result = nbval(project_copy)
    assert result.returncode == 1
    # The figure's text description is compared, not only the tables.
    assert "cells: [3, 2, 3, 2, 4, 3, 2, 3, 3, 3, 3, 3]" in result.stdout
