"""The nbval guard bites: a changed raw value makes the stored notebook outputs fail."""

import os
import subprocess
import sys

import pytest

from conftest import replace_in_file

CHANGES = {
    # Tabel 8: Pati's production score, 4 -> 2; the heatmap's cells must differ.
    "metal_clusters": ("data/raw/metal_clusters/table8_problem_solving.csv", "Pati,4,3,4,3", "Pati,4,3,2,3",
                       "cells: [3, 2, 3, 2, 4, 3, 2, 3, 3, 3, 3, 3]"),
    # Tabel 4.1: PT Damri's Batu Betumpang activity moved to Telang; the activities bars must differ.
    "led_synergism": ("data/raw/led_synergism/table4_1_activities.csv",
                      "business,Batu Betumpang,,Angkutan perintis", "business,Telang,,Angkutan perintis",
                      "bars 'Telang': width=[43, 11, 5]"),
    # DeSeve's governance indicator judged not achieved; the scorecard box must turn red.
    "tumang_governance": ("data/raw/tumang_governance/deseve_indicators.csv",
                          "network is run\",achieved_quite_well", "network is run\",not_achieved_quite_well",
                          "4. Governance [#fb6a4a]"),
}


def nbval(project, study):
    env = dict(os.environ, PYTHONPATH=str(project / "src"))
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-vv", "--nbval", "--nbval-current-env", "-p", "no:cacheprovider",
         "-o", "addopts=", f"notebooks/{study}.ipynb"],
        cwd=project, env=env, capture_output=True, text=True)


@pytest.mark.parametrize("study", sorted(CHANGES))
def test_unchanged_copy_passes_and_changed_value_fails(project_copy, study):
    path, old, new, changed_figure = CHANGES[study]
    assert nbval(project_copy, study).returncode == 0
    replace_in_file(project_copy / path, old, new)
    result = nbval(project_copy, study)
    assert result.returncode == 1
    # The figure's text description is compared, not only the tables.
    assert changed_figure in result.stdout
