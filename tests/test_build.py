"""Builds: incremental (skip what is unchanged, rebuild what a changed file feeds), parallel
with identical bytes, quick to start."""

import os
import subprocess
import sys
from pathlib import Path


from conftest import replace_in_file
from workbench.core import build, runs
from workbench.core import study as contract

SMALL = '''
[[run]]
study = "tumang_governance"
name = "tumang"
parameters = { case = "Tumang" }

[[run]]
study = "led_synergism"
parameters = { area = ["Telang"] }
'''


def workbench(project: Path, *args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(project / "src"))
    return subprocess.run([sys.executable, "-m", "workbench.cli", *args], cwd=project, env=env,
                          capture_output=True, text=True)


def files(folder: Path) -> dict:
    return {p.relative_to(folder): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_serial_and_parallel_builds_give_identical_bytes_and_a_rebuild_skips_everything(tmp_path, monkeypatch):
    config = tmp_path / "runs.toml"
    config.write_text(SMALL)
    selected = runs.load_runs(config)
    serial = build.build(selected, tmp_path / "serial", jobs=1)
    parallel = build.build(selected, tmp_path / "parallel", jobs=2)
    assert [o.status for o in serial] == [o.status for o in parallel] == ["published"] * 2
    assert files(tmp_path / "serial") == files(tmp_path / "parallel")

    def no_kernels(*args, **kwargs):
        raise AssertionError("a build with nothing changed executed a run")
    monkeypatch.setattr(build, "execute_all", no_kernels)
    again = build.build(selected, tmp_path / "parallel", jobs=2)
    assert [(o.status, o.why) for o in again] == [("skipped", "unchanged")] * 2


def test_a_changed_data_file_rebuilds_exactly_the_runs_that_read_it(project_copy):
    (project_copy / "small.toml").write_text(SMALL)
    first = workbench(project_copy, "--config", "small.toml", "build", "--jobs", "2", "--no-site")
    assert first.returncode == 0, first.stderr
    replace_in_file(project_copy / "data" / "raw" / "tumang_governance" / "claims.csv",
                    "the abstract gives no number of informants", "the abstract gives no count of informants")
    second = workbench(project_copy, "--config", "small.toml", "build", "--no-site")
    assert second.returncode == 0, second.stderr
    lines = {line.split()[0]: line for line in second.stdout.splitlines() if "/" in line.split()[0]}
    assert "published" in lines["tumang_governance/tumang"]
    assert "data/raw/tumang_governance/claims.csv" in lines["tumang_governance/tumang"]
    assert "skipped" in lines["led_synergism/telang"]
    forced = workbench(project_copy, "--config", "small.toml", "build", "--force", "led_synergism", "--no-site")
    assert forced.returncode == 0 and forced.stdout.count("forced") == 1


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
