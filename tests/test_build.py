"""Builds: incremental (skip what is unchanged, rebuild what a changed file feeds), parallel
with identical bytes, quick to start."""

import subprocess
import sys
from pathlib import Path

import pytest


from conftest import replace_in_file, workbench_in
from workbench.core import build, runs
from workbench.core import study as contract

SMALL = '''
[[run]]
study = "tumang_governance"
name = "tumang"
parameters = { case = "Tumang" }

[[run]]
study = "synthesis"
parameters = { construct = ["trust"] }
'''


def files(folder: Path) -> dict:
    return {p.relative_to(folder): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


@pytest.mark.slow
def test_builds_are_identical_serial_or_parallel_and_redo_exactly_what_a_change_feeds(project_copy, monkeypatch):
    """Serial and parallel builds give the same bytes; a rebuild with nothing changed starts no
    kernel; after a data file changed, exactly the runs that read it are executed again (the
    project copy starts from the serial build: build keys hold contents, not paths); --force
    executes a run anyway."""
    config = project_copy / "small.toml"
    config.write_text(SMALL)
    selected = runs.load_runs(config)
    serial = build.build(selected, project_copy / "reports", jobs=1, site=False)
    parallel = build.build(selected, project_copy / "parallel", jobs=2, site=False)
    assert [o.status for o in serial] == [o.status for o in parallel] == ["published"] * 2
    assert files(project_copy / "reports") == files(project_copy / "parallel")

    def no_kernels(*args, **kwargs):
        raise AssertionError("a build with nothing changed executed a run")
    monkeypatch.setattr(build, "execute_all", no_kernels)
    again = build.build(selected, project_copy / "parallel", jobs=2, site=False)
    assert [(o.status, o.why) for o in again] == [("skipped", "unchanged")] * 2

    replace_in_file(project_copy / "data" / "raw" / "synthesis" / "constructs.csv",
                    "Trust among the firms", "Trust among firms")
    changed = workbench_in(project_copy, "--config", "small.toml", "build", "--no-site")
    assert changed.returncode == 0, changed.stderr
    lines = {line.split()[0]: line for line in changed.stdout.splitlines() if "/" in line.split()[0]}
    assert "published" in lines["synthesis/trust"] and "data/raw/synthesis/constructs.csv" in lines["synthesis/trust"]
    assert "skipped" in lines["tumang_governance/tumang"]
    forced = workbench_in(project_copy, "--config", "small.toml", "build", "--force", "tumang_governance", "--no-site")
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


def test_a_process_with_threads_gets_its_pool_workers_from_a_fork_server():
    """Forking a process that runs other threads (a kernel client's event loop, in JupyterLab
    after `execute_run`) left the pool's worker waiting on a loop no thread ran."""
    import threading
    stop = threading.Event()
    waiting = threading.Thread(target=stop.wait)
    waiting.start()
    try:
        assert build.pool_context().get_start_method() in ("forkserver", "spawn")
    finally:
        stop.set()
        waiting.join()
