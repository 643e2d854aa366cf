"""Builds: incremental (skip what is unchanged, rebuild what a changed file feeds), parallel
with identical bytes, sweeps, failures inside a sweep, and a Dask cluster."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import replace_in_file
from workbench.core import build, runs
from workbench.core import study as contract
from workbench.core.paths import PROJECT_ROOT

SMALL = '''
[[run]]
study = "tumang_governance"
name = "tumang"
parameters = { case = "Tumang" }

[[run]]
study = "led_synergism"
parameters = { area = ["Telang", "Batu Betumpang"] }
'''


def workbench(project: Path, *args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(project / "src"))
    return subprocess.run([sys.executable, "-m", "workbench.cli", *args], cwd=project, env=env,
                          capture_output=True, text=True)


def files(folder: Path) -> dict:
    return {p.relative_to(folder): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_a_list_of_values_is_a_sweep_named_from_canonical_values(tmp_path):
    config = tmp_path / "runs.toml"
    config.write_text(SMALL + '\n[[run]]\nstudy = "metal_clusters"\nname = "compare"\n'
                      'parameters = { district = ["ceper", "Juwana"] }\n')
    names = [(run.study, run.name, run.parameters) for run in runs.load_runs(config)]
    assert names == [("tumang_governance", "tumang", {"case": "Tumang"}),
                     ("led_synergism", "telang", {"area": "Telang"}),
                     ("led_synergism", "batu-betumpang", {"area": "Batu Betumpang"}),
                     ("metal_clusters", "compare-klaten", {"district": "Klaten"}),
                     ("metal_clusters", "compare-pati", {"district": "Pati"})]
    configured = runs.load_runs()
    assert [run.name for run in runs.runs_for("metal_clusters", {"district": "Klaten,juwana"}, configured)] == \
        ["klaten", "pati"]


def test_a_folder_of_surveys_is_one_run_per_file(tmp_path):
    folder = tmp_path / "surveys"
    folder.mkdir()
    survey = (PROJECT_ROOT / "data" / "examples" / "illustrative_firm_survey.csv").read_text()
    for name in ["boyolali", "sragen"]:
        (folder / f"{name}.csv").write_text(survey.replace("Kabupaten Contoh", name.title()))
    selected = runs.runs_for("metal_clusters", {"user_data": str(folder)}, runs.load_runs())
    assert [(run.name, Path(run.parameters["user_data"]).name) for run in selected] == \
        [("boyolali", "boyolali.csv"), ("sragen", "sragen.csv")]


def test_serial_and_parallel_builds_give_identical_bytes_and_a_rebuild_skips_everything(tmp_path, monkeypatch):
    config = tmp_path / "runs.toml"
    config.write_text(SMALL)
    selected = runs.load_runs(config)
    serial = build.build(selected, tmp_path / "serial", jobs=1)
    parallel = build.build(selected, tmp_path / "parallel", jobs=2)
    assert [o.status for o in serial] == [o.status for o in parallel] == ["published"] * 3
    assert files(tmp_path / "serial") == files(tmp_path / "parallel")

    def no_kernels(*args, **kwargs):
        raise AssertionError("a build with nothing changed executed a run")
    monkeypatch.setattr(build, "execute_all", no_kernels)
    again = build.build(selected, tmp_path / "parallel", jobs=2)
    assert [(o.status, o.why) for o in again] == [("skipped", "unchanged")] * 3


def test_a_changed_data_file_rebuilds_exactly_the_runs_that_read_it(project_copy):
    (project_copy / "small.toml").write_text(SMALL)
    first = workbench(project_copy, "--config", "small.toml", "build", "--jobs", "2")
    assert first.returncode == 0, first.stderr
    replace_in_file(project_copy / "data" / "raw" / "tumang_governance" / "claims.csv",
                    "rows of deseve, named or not", "rows of deseve (named or not)")
    second = workbench(project_copy, "--config", "small.toml", "build")
    assert second.returncode == 0, second.stderr
    lines = {line.split()[0]: line for line in second.stdout.splitlines() if "/" in line.split()[0]}
    assert "published" in lines["tumang_governance/tumang"]
    assert "data/raw/tumang_governance/claims.csv" in lines["tumang_governance/tumang"]
    assert "skipped" in lines["led_synergism/telang"] and "skipped" in lines["led_synergism/batu-betumpang"]
    forced = workbench(project_copy, "--config", "small.toml", "build", "--force", "led_synergism")
    assert forced.returncode == 0 and forced.stdout.count("forced") == 2


def test_a_failed_run_in_a_sweep_leaves_the_others_published_and_is_named(tmp_path):
    reports = tmp_path / "reports"
    result = subprocess.run([sys.executable, "-m", "workbench.cli", "--reports", str(reports), "run",
                             "tumang_governance", "-p", "case", "Tumang,Kasongan", "--name", "sweep"],
                            cwd=tmp_path, capture_output=True, text=True)
    assert result.returncode == 1
    assert "tumang_governance/sweep-kasongan" in result.stderr and "Unknown case 'Kasongan'" in result.stderr
    assert (reports / "tumang_governance" / "sweep-tumang" / "run.json").is_file()
    assert not (reports / "tumang_governance" / "sweep-kasongan").exists()
    assert "Traceback" not in result.stderr


def test_a_sweep_builds_on_a_dask_cluster(tmp_path):
    distributed = pytest.importorskip("dask.distributed")
    config = tmp_path / "runs.toml"
    config.write_text('[[run]]\nstudy = "led_synergism"\nparameters = { area = ["Telang", "Batu Betumpang"] }\n')
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        result = subprocess.run([sys.executable, "-m", "workbench.cli", "--config", str(config), "--reports",
                                 str(tmp_path / "reports"), "build", "--scheduler", cluster.scheduler_address],
                                cwd=tmp_path, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    for name in ["telang", "batu-betumpang"]:
        assert (tmp_path / "reports" / "led_synergism" / name / "run.json").is_file()
    assert (tmp_path / "reports" / "index.html").is_file()


def test_help_lists_every_study_and_its_parameters():
    result = subprocess.run([sys.executable, "-m", "workbench.cli", "run", "--help"], capture_output=True, text=True)
    for name in contract.registered_names():
        assert f"  {name}: " in result.stdout
    assert "district (default 'all'), user_data (default '')" in result.stdout


def test_import_workbench_loads_no_plotting_or_notebook_machinery():
    code = ("import sys, workbench, workbench.cli; from workbench.core import runs; runs.load_runs(); "
            "print(sorted(m for m in ('pandas', 'matplotlib', 'papermill', 'nbformat', 'sphinx', 'IPython') "
            "if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.strip() == "[]", result.stderr
