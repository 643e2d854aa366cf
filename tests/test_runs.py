"""The run machinery: parameter checks, failed runs, byte-identical reports."""

import hashlib
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from workbench.core import runs
from workbench.core import study as contract
from workbench.core.build import execute_run
from workbench.core.paths import PROJECT_ROOT, REPORTS_DIR
from workbench.registry import REGISTRY


def workbench(*args, cwd):
    return subprocess.run([sys.executable, "-m", "workbench.cli", *args], cwd=cwd,
                          capture_output=True, text=True)


def test_unknown_parameter_is_rejected_with_the_valid_list():
    with pytest.raises(runs.RunError) as error:
        runs.check_parameters(REGISTRY.get("metal_clusters"), {"distrct": "Tegal"})
    assert "Unknown parameter(s) for metal_clusters: distrct" in str(error.value)
    assert "district (str, default 'all')" in str(error.value)
    assert "output_dir" not in str(error.value)   # set by the runner, not by users


def test_unknown_study_is_rejected_with_the_valid_list():
    with pytest.raises(runs.RunError, match="Valid studies: .*metal_clusters"):
        runs.study_of("metal_cluster", REGISTRY)


def test_configured_run_name_is_reused():
    configured = runs.load_runs(REGISTRY)
    assert [run.name for run in runs.runs_for(REGISTRY, "metal_clusters", {"district": "Tegal"}, configured)] == ["tegal"]
    # an alias names the same case, so the same run: not a second copy
    assert runs.runs_for(REGISTRY, "metal_clusters", {"district": "juwana"}, configured) == [
        runs.Run("metal_clusters", "pati", {"district": "Pati"})]
    assert [run.name for run in runs.runs_for(REGISTRY, "tumang_governance", {}, configured)] == ["all"]


def test_relative_folder_parameters_are_taken_from_where_the_user_is(tmp_path):
    resolved = runs.resolve_path_parameters({"user_data": "mine", "data_dir": "", "area": "x"}, tmp_path)
    assert resolved == {"user_data": str(tmp_path / "mine"), "data_dir": "", "area": "x"}


def test_unknown_case_is_refused_before_anything_is_written(tmp_path):
    with pytest.raises(runs.RunError, match="Unknown district 'Boyolali'. Valid district values: all; Klaten"):
        execute_run(REGISTRY, runs.Run("metal_clusters", "one", {"district": "Boyolali"}), tmp_path)
    assert not list(tmp_path.rglob("*"))


def test_cli_run_with_unknown_parameter_exits_nonzero(tmp_path):
    result = workbench("run", "metal_clusters", "-p", "county", "Tegal", cwd=tmp_path)
    assert result.returncode == 1
    assert "Unknown parameter(s) for metal_clusters: county" in result.stderr


def without_commit(path: Path) -> bytes:
    """A run file's bytes; in run.json the commit fields are blanked (they name the checkout,
    which differs between a clone and the machine that built the committed reports)."""
    if path.name != "run.json":
        return path.read_bytes()
    manifest = json.loads(path.read_text(encoding="utf-8"))
    source = manifest["provenance"]
    commit = source.pop("commit")
    source.pop("commit_time"), source.pop("uncommitted_changes")
    source["command"] = source["command"].replace(f"git checkout {commit} && ", "") if commit else source["command"]
    return json.dumps(manifest, sort_keys=True).encode()


@pytest.mark.slow
@pytest.mark.parametrize("study, name, parameters", [("metal_clusters", "all", {"district": "all"}),
                                                     ("led_synergism", "all", {"area": "all"})])
def test_a_run_gives_the_committed_report_byte_for_byte(tmp_path, study, name, parameters):
    """The committed report was executed by another process, earlier: equal bytes show that a
    run depends on nothing but its inputs. Its run.json records where it came from (commit,
    versions, the hash of every data file, the command), and no wall-clock time."""
    first = execute_run(REGISTRY, runs.Run(study, name, parameters), tmp_path / "a")
    committed = REPORTS_DIR / study / name
    files = sorted(p.relative_to(first) for p in first.rglob("*") if p.is_file())
    assert {"notebook.ipynb", "tables/audit.csv", "run.json"} <= {p.as_posix() for p in files}
    assert any(p.suffix == ".svg" for p in files) and any(p.suffix == ".png" for p in files)
    assert files == sorted(p.relative_to(committed) for p in committed.rglob("*") if p.is_file() and p.name != "report.html")
    for path in files:
        assert without_commit(first / path) == without_commit(committed / path), \
            f"reports/{study}/{name}/{path} is stale: run `python3 tasks.py reports`"

    manifest = json.loads((first / "run.json").read_text())
    source = manifest["provenance"]
    assert source["commit"] is None or len(source["commit"]) == 40
    assert isinstance(source["uncommitted_changes"], (bool, type(None)))
    assert source["versions"]["python"] and source["versions"]["pandas"] == "3.1.1"
    claims = PROJECT_ROOT / "data" / "raw" / study / "claims.csv"
    assert source["data"][f"data/raw/{study}/claims.csv"] == hashlib.sha256(claims.read_bytes()).hexdigest()
    selector, value = next(iter(parameters.items()))
    assert f"workbench run {study} --name {name} -p {selector} {value}" in source["command"]
    assert not re.search(r"\b(19|20)\d\d-\d\d-\d\d[T ]\d\d:", json.dumps(manifest)), "a wall-clock time"


@pytest.mark.slow
def test_an_interrupted_build_says_what_was_published_and_leaves_no_staging(tmp_path):
    import signal
    import time
    reports = tmp_path / "reports"
    # As from a terminal: a suite started in the background of a script inherits SIGINT ignored.
    build = subprocess.Popen([sys.executable, "-m", "workbench.cli", "--reports", str(reports), "run", "synthesis",
                              "-p", "construct", "all,trust", "--jobs", "1"],
                             cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                             preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    first = reports / "synthesis" / "all" / "run.json"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and not first.exists():
        time.sleep(0.02)
    assert first.exists(), "the build never published its first run"
    build.send_signal(signal.SIGINT)
    out, err = build.communicate(timeout=120)
    assert build.returncode == 130, (out[-300:], err[-300:])
    lines = [line for line in err.splitlines() if line.strip()]
    assert lines[-1].startswith("workbench: interrupted. Published: synthesis/all. Not published: "
                                "synthesis/trust"), err
    assert "Traceback" not in err
    assert not list(reports.glob("*/.staging-*"))
    assert not list(reports.glob("*/.previous-*"))
    assert first.is_file()
    assert not (reports / "synthesis" / "trust").exists()


def test_gitignore_covers_what_interrupted_and_failed_runs_leave():
    ignored = subprocess.run(["git", "check-ignore", "--no-index", "reports/metal_clusters/.staging-all/notebook.ipynb",
                              "reports/metal_clusters/.previous-all/run.json", "reports/metal_clusters/all.failed.ipynb",
                              "build/site/index.md", "jupyter_execute/x.ipynb"],
                             cwd=PROJECT_ROOT, capture_output=True, text=True)
    assert len(ignored.stdout.split()) == 5, ignored.stdout


@pytest.mark.parametrize("notebook", sorted(REPORTS_DIR.glob("**/notebook.ipynb")),
                         ids=lambda path: path.parent.relative_to(REPORTS_DIR).as_posix())
def test_a_run_numbers_its_tables_and_figures_as_it_shows_them(notebook):
    """Each named table and figure of a published run carries the number JupyterLab and the
    site show ("Table 3"), given by the run: 1, 2, 3, ... per kind in the order of the
    notebook's outputs, none skipped or repeated; a table's number leads its caption in Lab."""
    from workbench.core.mime import FIGURE_MIME, TABLE_MIME
    numbers = {TABLE_MIME: [], FIGURE_MIME: []}
    for cell in json.loads(notebook.read_text(encoding="utf-8"))["cells"]:
        for output in cell.get("outputs", []):
            for mime, found in numbers.items():
                record = output.get("data", {}).get(mime)
                if record and record.get("name"):
                    found.append(int(record["label"].rsplit(" ", 1)[1]))
                    if mime == TABLE_MIME:
                        assert f"{record['label']}. " in "".join(output["data"]["text/html"])
    assert numbers[TABLE_MIME] and {mime: found for mime, found in numbers.items()} == {
        mime: list(range(1, len(found) + 1)) for mime, found in numbers.items()}
