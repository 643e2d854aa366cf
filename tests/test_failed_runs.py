"""Runs that fail say why, keep their error notebook and publish nothing: a cell that raises,
and a notebook that saves no figures or tables although its study makes them.

Both run in one session of one project copy, in which tumang_governance's notebook raises in
a cell and synthesis's hands Report no output_dir (the root conftest.py gives this module to
one worker, so the copy is prepared once)."""

import shutil
from types import SimpleNamespace

import pytest

from conftest import replace_in_file, workbench_session
from project_copy import copy_project
from workbench.core.paths import REPORTS_DIR


pytestmark = pytest.mark.xdist_group("failed-runs-copy")   # the tests share one prepared project copy

def files(folder):
    return {p.relative_to(folder): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


@pytest.fixture(scope="module")
def failed(tmp_path_factory) -> SimpleNamespace:
    project = copy_project(tmp_path_factory.mktemp("failed"))
    good = project / "reports" / "tumang_governance" / "tumang"
    shutil.copytree(REPORTS_DIR / "tumang_governance" / "tumang", good)   # the report of an earlier good run
    before = files(good)
    replace_in_file(project / "notebooks" / "tumang_governance.ipynb", "report = Report(output_dir)",
                    "report = Report(output_dir)\\n\",\n    \"raise RuntimeError('a cell that fails')")
    replace_in_file(project / "notebooks" / "synthesis.ipynb", "report = Report(output_dir)",
                    "report = Report(output_dir if False else '')")
    raised, silent = workbench_session(project, ["run", "tumang_governance", "-p", "case", "Tumang", "--no-site"],
                                       ["run", "synthesis", "-p", "construct", "trust", "--no-site"])
    return SimpleNamespace(project=project, good=good, before=before, raised=raised, silent=silent)


@pytest.mark.slow
def test_failed_run_exits_nonzero_keeps_error_notebook_and_previous_report(failed):
    assert failed.raised.returncode == 1
    assert "failed in cell" in failed.raised.stderr and "RuntimeError: a cell that fails" in failed.raised.stderr
    assert "Traceback" not in failed.raised.stderr
    assert (failed.project / "reports" / "tumang_governance" / "tumang.failed.ipynb").is_file()
    assert files(failed.good) == failed.before
    assert not list((failed.project / "reports" / "tumang_governance").glob(".staging-*"))


@pytest.mark.slow
def test_a_run_that_saves_no_figures_or_tables_fails(failed):
    assert failed.silent.returncode == 1
    assert "saved no figures or tables, although synthesis makes them" in failed.silent.stderr
    assert not (failed.project / "reports" / "synthesis" / "trust").exists()
    assert (failed.project / "reports" / "synthesis" / "trust.failed.ipynb").is_file()
