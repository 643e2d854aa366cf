"""Builds: incremental (skip what is unchanged, rebuild what a changed file feeds), parallel
with identical bytes, quick to start."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import replace_in_file
from workbench import cli
from workbench.core import build, runs
from workbench.core import study as contract
from workbench.core.paths import RAW_DIR, RUNS_CONFIG
from workbench.registry import REGISTRY

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
def test_builds_are_identical_serial_or_parallel_and_redo_exactly_what_a_change_feeds(tmp_path, monkeypatch, capsys):
    """Serial (in this process) and parallel (two workers) builds give the same bytes; a
    rebuild with nothing changed starts no kernel; after a file of a run's data folder
    changed, exactly the run that reads it is executed again, and says which file; --force
    executes a run anyway."""
    data = tmp_path / "data"
    shutil.copytree(RAW_DIR / "tumang_governance", data / "tumang_governance")
    config = tmp_path / "small.toml"
    config.write_text(SMALL.replace('case = "Tumang"', f'case = "Tumang", data_dir = {str(data)!r}'))
    selected = runs.load_runs(REGISTRY, config)
    reports = tmp_path / "reports"
    serial = build.build(REGISTRY, selected, tmp_path / "serial", jobs=1, site=False)
    parallel = build.build(REGISTRY, selected, reports, jobs=2, site=False)
    assert [o.status for o in serial] == [o.status for o in parallel] == ["published"] * 2
    assert files(tmp_path / "serial") == files(reports)

    with monkeypatch.context() as patched:
        def no_kernels(*args, **kwargs):
            raise AssertionError("a build with nothing changed executed a run")
        patched.setattr(build, "execute_all", no_kernels)
        again = build.build(REGISTRY, selected, reports, jobs=2, site=False)
    assert [(o.status, o.why) for o in again] == [("skipped", "unchanged")] * 2

    replace_in_file(data / "tumang_governance" / "claims.csv", "the abstract gives no number of informants",
                    "the abstract gives no count of informants")
    changed = {o.label: (o.status, o.why) for o in build.build(REGISTRY, selected, reports, jobs=1, site=False)}
    assert changed["synthesis/trust"] == ("skipped", "unchanged")
    assert changed["tumang_governance/tumang"][0] == "published"
    assert "data_dir/tumang_governance/claims.csv" in changed["tumang_governance/tumang"][1]
    assert cli.main(["--config", str(config), "--reports", str(reports), "run", "synthesis", "-p", "construct",
                     "trust", "--force", "--no-site"]) == 0
    assert capsys.readouterr().out.count("forced") == 1


def test_the_sphinx_started_ahead_ends_with_a_build_that_stops_early(tmp_path, monkeypatch):
    """A build starts Sphinx while its runs execute; when the build stops before the site
    (Ctrl-C here), that process is ended too, not left waiting."""
    from workbench.core import sphinx_process
    started = []

    class Recorded(sphinx_process.SphinxProcess):
        def __init__(self, *folders):
            super().__init__(*folders)
            started.append(self)

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt
    monkeypatch.setattr(sphinx_process, "SphinxProcess", Recorded)
    monkeypatch.setattr(build, "execute_all", interrupted)
    with pytest.raises(KeyboardInterrupt):
        build.build(REGISTRY, runs.load_runs(REGISTRY, RUNS_CONFIG)[:1], tmp_path / "reports", jobs=1, force=True)
    assert len(started) == 1
    assert started[0].process.returncode is not None, "Sphinx still runs after the build stopped"
    assert started[0].folders[0] == tmp_path / "build" / "html"


def test_help_lists_every_study_and_its_parameters():
    result = subprocess.run([sys.executable, "-m", "workbench.cli", "run", "--help"], capture_output=True, text=True)
    for name in REGISTRY.names:
        assert f"  {name}: " in result.stdout
    assert "district (default 'all'), user_data (default '')" in result.stdout


def test_import_workbench_loads_no_plotting_or_notebook_machinery():
    code = ("import sys, workbench, workbench.cli; from workbench.core import runs; from workbench.registry import REGISTRY; runs.load_runs(REGISTRY); "
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


def test_a_changed_site_project_makes_the_site_stale_though_no_run_changed(tmp_path, monkeypatch):
    """A style sheet, template or configuration changed since the site was installed: the next
    build rebuilds the site even when every run is up to date."""
    from workbench.core import sphinx_process
    from workbench.core.sphinx_process import site_stamp
    reports = tmp_path / "reports"
    page = reports / "metal_clusters" / "all"
    page.mkdir(parents=True)
    for name in ("run.json", "report.html"):
        (page / name).write_text("{}")
    (reports / "index.html").write_text("")
    site_stamp(reports).parent.mkdir(parents=True)
    site_stamp(reports).write_text("source digest")
    sphinx_process.project_stamp(reports).write_text("project as built")
    monkeypatch.setattr(sphinx_process, "project_digest", lambda: "project as built")
    assert not build.stale_site(reports)
    monkeypatch.setattr(sphinx_process, "project_digest", lambda: "a style sheet changed since")
    assert build.stale_site(reports)
