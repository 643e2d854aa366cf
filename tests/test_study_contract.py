"""The study contract: every registered study meets it, and a study that breaks it is told what
it lacks. (That `workbench new-study` makes a study that meets it, builds and passes the
guard as it is: tests/test_nbval_guard.py.)"""


import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import evaluate_in, replace_in_file, workbench_in
from workbench.core import runs
from workbench.core import study as contract
from workbench.core.paths import RAW_DIR
from workbench.registry import REGISTRY
from guard_probes import guard_probes, probe_problems


def problems_in(project, *names: str) -> dict[str, list[str]]:
    """contract_problems of studies of a project copy (run there, so the copy's files are read)."""
    return evaluate_in(project, "from workbench.core import study\nfrom workbench.registry import REGISTRY",
                       f"{{name: study.contract_problems(REGISTRY.get(name)) for name in {list(names)!r}}}")


@pytest.mark.parametrize("name", REGISTRY.names)
def test_every_registered_study_meets_the_contract(name):
    assert contract.contract_problems(REGISTRY.get(name)) == []


@pytest.mark.parametrize("name", REGISTRY.names)
def test_every_registered_study_has_a_guard_probe_on_data_it_reads(name):
    assert probe_problems(name, guard_probes().get(name), REGISTRY.get(name).data_folders(), RAW_DIR) == []


def test_a_guard_probe_on_data_the_study_does_not_read_is_named():
    probe = {"study": "led_synergism", "resource": "factors", "row": {}, "column": "x", "value": "1", "shows": "x"}
    assert probe_problems("metal_clusters", probe, ("metal_clusters",), RAW_DIR) == [
        "the guard probe changes led_synergism's data, which metal_clusters does not read (it reads: metal_clusters)"]
    assert probe_problems("metal_clusters", {**probe, "study": "metal_clusters"}, ("metal_clusters",), RAW_DIR) == [
        "the guard probe's resource 'factors' is not in metal_clusters's data package"]
    assert probe_problems("batik", None, ("batik",), RAW_DIR) == ["tests/guard_probes.toml has no probe for batik"]


def test_unknown_study_names_the_registered_ones():
    with pytest.raises(contract.StudyError, match="Valid studies: metal_clusters, led_synergism, tumang_governance"):
        REGISTRY.get("metal_cluster")


def test_a_study_that_breaks_the_contract_is_told_what_it_lacks(project_copy):
    notebook = project_copy / "notebooks" / "led_synergism.ipynb"
    replace_in_file(notebook, 'user_data: str = \\"\\"', 'own_folder: str = \\"\\"')
    runs_config = project_copy / "runs.toml"   # every run of the study, in every language, gone
    runs_config.write_text(runs_config.read_text().replace('study = "tumang_governance"', 'study = "tumang_governanc"'))
    (project_copy / "data" / "raw" / "metal_clusters" / "claims.csv").unlink()
    assert problems_in(project_copy, "led_synergism", "tumang_governance", "metal_clusters") == {
        "led_synergism": ["led_synergism.ipynb does not declare the parameter 'user_data'",
                          "led_synergism.ipynb declares 'own_folder', which the contract does not give this study "
                          "(its parameters: area, user_data, data_dir, output_dir, lang)"],
        "tumang_governance": ["runs.toml has no [[run]] for tumang_governance"],
        "metal_clusters": ["metal_clusters/claims.csv, described in its datapackage.json, does not exist"]}


def test_the_runner_refuses_a_notebook_that_does_not_use_a_parameter(project_copy):
    notebook = project_copy / "notebooks" / "metal_clusters.ipynb"
    replace_in_file(notebook, "report = Report(output_dir)", "report = Report()")
    result = workbench_in(project_copy, "run", "metal_clusters")
    assert result.returncode == 1
    assert "breaks the study contract: metal_clusters.ipynb declares 'output_dir' but never uses it" in result.stderr


def test_runs_of_every_study_are_configured():
    configured = {run.study for run in runs.load_runs(REGISTRY)}
    assert set(REGISTRY.names) <= configured


def test_the_core_knows_no_study():
    """Importing every module of the core imports neither the registry nor any study: the
    command line hands the registry down."""
    modules = sorted(p.stem for p in (Path(contract.__file__).parent).glob("*.py") if p.stem != "__init__")
    code = ("import sys\n" + "".join(f"import workbench.core.{m}\n" for m in modules)
            + "print(sorted(m for m in sys.modules if m == 'workbench.registry' or "
              "(m.startswith('workbench.') and not m.startswith('workbench.core'))))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_every_claims_register_has_the_cores_schema():
    from workbench.core.claims import CLAIMS_SCHEMA
    from workbench.core.datapackage import load_package
    for name in REGISTRY.names:
        descriptor = load_package(name).descriptor
        claims = [r for r in descriptor["resources"] if r["name"] == "claims"]
        assert [r["schema"] for r in claims] in ([], [CLAIMS_SCHEMA]), name


def test_the_project_is_found_from_a_variable_then_the_working_tree(tmp_path):
    """As cookiecutter-data-science finds it: WORKBENCH_PROJECT, else a folder at or above the
    current one with runs.toml and notebooks/ (so a non-editable install works on a project)."""
    project = tmp_path / "project"
    (project / "notebooks").mkdir(parents=True)
    (project / "runs.toml").write_text("")
    (project / "notebooks" / "deep").mkdir()
    code = "from workbench.core import paths; print(paths.PROJECT_ROOT)"
    env = {k: v for k, v in os.environ.items() if k != "WORKBENCH_PROJECT"}
    found = subprocess.run([sys.executable, "-c", code], cwd=project / "notebooks" / "deep", env=env,
                           capture_output=True, text=True)
    assert found.stdout.strip() == str(project.resolve()), found.stderr
    named = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True,
                           env={**env, "WORKBENCH_PROJECT": str(project)})
    assert named.stdout.strip() == str(project.resolve()), named.stderr
