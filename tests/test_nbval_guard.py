"""The nbval guard bites: for every registered study, and for one `workbench new-study` has
just made, a changed raw value makes its stored notebook outputs fail. Each study names the
cell to change and the output text that must then differ (tests/guard_probes.toml): a figure's
description, so figures are compared, not only tables. The scaffolded study also meets the
contract, builds, and passes nbval as it is.

Both tests read one project copy, prepared once (the root conftest.py gives this module to
one worker): the scaffolded study, its stored outputs and build, nbval on its unchanged
notebook, then every guard cell changed and nbval on all the notebooks in one process."""

import os
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from pathlib import Path
from types import SimpleNamespace

import pytest

from conftest import change_cell, evaluate_in, workbench_in, workbench_session
from workbench.core import study as contract
from workbench.core.datapackage import load_package
from project_copy import copy_project
from guard_probes import guard_probes
from workbench.registry import REGISTRY

pytestmark = pytest.mark.xdist_group("guarded-copy")   # the tests share one prepared project copy

NEW = "batik_clusters"
CHANGED_COUNT = 6   # Pati's firms not cooperating with same-kind firms (Tabel 4 prints 4; 13 cooperate)


def nbval(project: Path, names: list[str]) -> dict[str, str]:
    """Run nbval on the named notebooks of a project copy, in one pytest process; returns, per
    notebook, the failure reports of its cells (empty when every cell passed)."""
    env = dict(os.environ, PYTHONPATH=str(project / "src"))
    report = project / "nbval.xml"
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-vv", "--nbval", "--nbval-kernel-name", "workbench-forked", "-p", "no:cacheprovider",
         "-p", "no:typeguard", "-p", "no:anyio", "-p", "no:xdist",
         "-o", "addopts=", f"--junitxml={report}", *(f"notebooks/{name}.ipynb" for name in names)],
        cwd=project, env=env, capture_output=True, text=True)
    assert report.is_file(), result.stdout[-2000:] + result.stderr[-2000:]
    failures = {name: "" for name in names}
    for case in ElementTree.parse(report).iter("testcase"):   # classname: notebooks.[<lang>.]<study>.ipynb
        name = case.get("classname").removeprefix("notebooks.").removesuffix(".ipynb").replace(".", "/")
        for problem in [*case.iter("failure"), *case.iter("error")]:
            failures[name] += f"{case.get('name')}: {problem.get('message')}\n{problem.text}\n"
    report.unlink()
    return failures


@pytest.fixture(scope="module")
def guarded(tmp_path_factory) -> SimpleNamespace:
    project = copy_project(tmp_path_factory.mktemp("guarded"))
    created = workbench_in(project, "new-study", NEW, "--title", "Batik clusters in Pekalongan")
    assert created.returncode == 0, created.stderr
    names = [*REGISTRY.names, NEW]
    editions = {f"{lang}/{name}": name for name in REGISTRY.names for lang in REGISTRY.get(name).languages[1:]}
    problems = evaluate_in(project, "from workbench.core import study\nfrom workbench.registry import REGISTRY",
                           f"study.contract_problems(REGISTRY.get({NEW!r}))")
    probes = guard_probes(project)
    stored, built = workbench_session(project, ["store-outputs", NEW], ["build", NEW, "--no-site"])
    unchanged = nbval(project, [NEW])
    for name, probe in probes.items():
        change_cell(load_package(probe.get("study", name), project / "data" / "raw").path(probe["resource"]),
                    probe["row"], probe["column"], probe["value"])
    change_cell(load_package("metal_clusters", project / "data" / "raw").path("table4_cooperation_same_kind"),
                {"location": "Pati"}, "not_cooperating", str(CHANGED_COUNT))
    return SimpleNamespace(project=project, probes=probes, problems=problems, stored=stored, built=built,
                           unchanged=unchanged, changed=nbval(project, [*names, *editions]), editions=editions,
                           again=workbench_in(project, "new-study", NEW))


@pytest.mark.slow
def test_a_changed_value_fails_the_guard_of_every_study(guarded):
    assert set(guarded.probes) == {*REGISTRY.names, NEW}
    missed = {name: probe["shows"] for name, probe in guarded.probes.items()
              if probe["shows"] not in guarded.changed[name]}
    assert missed == {}, f"nbval did not fail showing these changes: {missed}"


@pytest.mark.slow
def test_a_changed_value_fails_the_guard_of_every_edition_in_another_language(guarded):
    """The stored outputs of each edition in another language (notebooks/<lang>/<study>.ipynb,
    run with `lang`) are guarded too: the same changed value fails them, showing the same
    change."""
    assert guarded.editions, "no study has an edition in another language"
    expected = {edition: guarded.probes[name].get("shows_in", {}).get(edition.split("/")[0], guarded.probes[name]["shows"])
                for edition, name in guarded.editions.items()}
    missed = {edition: shows for edition, shows in expected.items() if shows not in guarded.changed[edition]}
    assert missed == {}, f"nbval did not fail showing these changes: {missed}"


@pytest.mark.slow
def test_new_study_is_scaffolded_built_and_guarded(guarded):
    """The new study meets the contract, stores its outputs, builds (its report and processed
    tables), passes nbval unchanged and fails it changed (above); a second new-study of the
    same name is refused."""
    assert guarded.problems == []
    assert guarded.stored.returncode == 0, guarded.stored.stderr
    assert guarded.built.returncode == 0, guarded.built.stderr
    report = guarded.project / "reports" / NEW / "all"
    assert (report / "figures" / "values.svg").is_file() and (report / "tables" / "audit.csv").is_file()
    assert (guarded.project / "data" / "processed" / NEW / "observations.csv").is_file()
    assert guarded.unchanged == {NEW: ""}
    assert guarded.again.returncode == 1 and "exists already" in guarded.again.stderr


@pytest.mark.slow
def test_a_changed_count_changes_its_interval_and_fails_the_guard(guarded):
    """A count of Tabel 4 changed in the raw table changes its share's 95% interval in the
    report, and nbval fails showing the new interval."""
    from workbench.core.inference import share_interval
    answered = 13 + CHANGED_COUNT
    low, high = share_interval(13, answered)
    shown = f"13 ({100 * 13 / answered:.1f}%, {low:.1f}–{high:.1f})"   # Ada, now of 19 firms
    assert shown in guarded.changed["metal_clusters"]
