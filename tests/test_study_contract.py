"""The study contract: every registered study meets it, and a study that breaks it is told what
it lacks. (That `workbench new-study` makes a study that meets it, builds and passes the
guard as it is: tests/test_nbval_guard.py.)"""


import pytest

from conftest import evaluate_in, replace_in_file, workbench_in
from workbench.core import runs
from workbench.core import study as contract


def problems_in(project, *names: str) -> dict[str, list[str]]:
    """contract_problems of studies of a project copy (run there, so the copy's files are read)."""
    return evaluate_in(project, "from workbench.core import study",
                       f"{{name: study.contract_problems(study.get(name)) for name in {list(names)!r}}}")


@pytest.mark.parametrize("name", contract.registered_names())
def test_every_registered_study_meets_the_contract(name):
    assert contract.contract_problems(contract.get(name)) == []


def test_unknown_study_names_the_registered_ones():
    with pytest.raises(contract.StudyError, match="Valid studies: metal_clusters, led_synergism, tumang_governance"):
        contract.get("metal_cluster")


def test_a_study_that_breaks_the_contract_is_told_what_it_lacks(project_copy):
    notebook = project_copy / "notebooks" / "led_synergism.ipynb"
    replace_in_file(notebook, 'user_data: str = \\"\\"', 'own_folder: str = \\"\\"')
    replace_in_file(project_copy / "runs.toml", 'study = "tumang_governance"', 'study = "tumang_governanc"')
    (project_copy / "data" / "raw" / "metal_clusters" / "claims.csv").unlink()
    assert problems_in(project_copy, "led_synergism", "tumang_governance", "metal_clusters") == {
        "led_synergism": ["led_synergism.ipynb does not declare the parameter 'user_data'",
                          "led_synergism.ipynb declares 'own_folder', which the contract does not give this study "
                          "(its parameters: area, user_data, data_dir, output_dir)"],
        "tumang_governance": ["runs.toml has no [[run]] for tumang_governance"],
        "metal_clusters": ["metal_clusters/claims.csv, described in its datapackage.json, does not exist"]}


def test_the_runner_refuses_a_notebook_that_does_not_use_a_parameter(project_copy):
    notebook = project_copy / "notebooks" / "metal_clusters.ipynb"
    replace_in_file(notebook, "report = Report(output_dir)", "report = Report()")
    result = workbench_in(project_copy, "run", "metal_clusters")
    assert result.returncode == 1
    assert "breaks the study contract: metal_clusters.ipynb declares 'output_dir' but never uses it" in result.stderr


def test_runs_of_every_study_are_configured():
    configured = {run.study for run in runs.load_runs()}
    assert set(contract.registered_names()) <= configured
