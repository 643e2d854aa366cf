"""Sweeps: a list of values, comma values or a folder of surveys as one run each, named from
canonical values; a failure inside a sweep; and a sweep built on a Dask cluster."""

from pathlib import Path

import pytest

from workbench import metal_clusters as mc
from workbench.core.errors import DataValidationError

from test_build import SMALL
from workbench import cli
from workbench.core import runs
from workbench.core.paths import PROJECT_ROOT
from workbench.registry import REGISTRY


def test_a_list_of_values_is_a_sweep_named_from_canonical_values(tmp_path):
    config = tmp_path / "runs.toml"
    config.write_text(SMALL + '\n[[run]]\nstudy = "metal_clusters"\nname = "compare"\n'
                      'parameters = { district = ["ceper", "Juwana"] }\n')
    names = [(run.study, run.name, run.parameters) for run in runs.load_runs(REGISTRY, config)]
    assert names == [("tumang_governance", "tumang", {"case": "Tumang"}),
                     ("synthesis", "trust", {"construct": "trust"}),
                     ("metal_clusters", "compare-klaten", {"district": "Klaten"}),
                     ("metal_clusters", "compare-pati", {"district": "Pati"})]
    configured = runs.load_runs(REGISTRY)
    assert [run.name for run in runs.runs_for(REGISTRY, "metal_clusters", {"district": "Klaten,juwana"}, configured)] == \
        ["klaten", "pati"]
    # a study whose cases come from its own tables names them the same way
    assert runs.runs_for(REGISTRY, "synthesis", {"construct": "Kepercayaan"}, configured) == [
        runs.Run("synthesis", "trust", {"construct": "trust"})]


def test_a_folder_of_surveys_is_one_run_per_file_and_one_comparison(tmp_path):
    folder = tmp_path / "surveys"
    folder.mkdir()
    survey = (PROJECT_ROOT / "data" / "examples" / "illustrative_firm_survey.csv").read_text()
    for name in ["boyolali", "sragen"]:
        (folder / f"{name}.csv").write_text(survey.replace("Kabupaten Contoh", name.title()))
    selected = runs.runs_for(REGISTRY, "metal_clusters", {"user_data": str(folder)}, runs.load_runs(REGISTRY))
    assert [(run.name, Path(run.parameters["user_data"]).name) for run in selected] == \
        [("boyolali", "boyolali.csv"), ("sragen", "sragen.csv"), ("surveys", "surveys")]
    compared = mc.load_study("", folder)
    assert {"Boyolali (illustrative)", "Sragen (illustrative)"} <= set(compared.cases)
    assert set(compared.district_sources["source"].str.split(":").str[0]) >= {"boyolali.csv", "sragen.csv"}


def test_a_district_in_two_files_of_a_folder_is_refused(tmp_path):
    folder = tmp_path / "surveys"
    folder.mkdir()
    survey = (PROJECT_ROOT / "data" / "examples" / "illustrative_firm_survey.csv").read_text()
    for name in ["first", "second"]:
        (folder / f"{name}.csv").write_text(survey)
    with pytest.raises(DataValidationError, match="this district is also in .*first.csv; expected each district in one file"):
        mc.load_study("", folder)


@pytest.mark.slow
def test_a_failed_run_in_a_sweep_leaves_the_others_published_and_is_named(tmp_path, monkeypatch, capsys):
    reports = tmp_path / "reports"
    monkeypatch.chdir(tmp_path)
    code = cli.main(["--reports", str(reports), "run", "synthesis", "-p", "construct", "trust,bogus",
                     "--name", "sweep", "--no-site"])
    error = capsys.readouterr().err
    assert code == 1
    assert "synthesis/sweep-bogus" in error and "Unknown construct 'bogus'" in error
    assert (reports / "synthesis" / "sweep-trust" / "run.json").is_file()
    assert sorted(p.name for p in (reports / "synthesis").iterdir()) == ["sweep-trust"]   # refused before it ran
    assert "Traceback" not in error


def test_runs_that_all_fail_their_checks_start_no_pool_and_contact_no_cluster(tmp_path, monkeypatch, capsys):
    """Nothing passed its checks, so nothing is sent: the (unreachable) scheduler is never
    contacted, and the build says why each run failed."""
    monkeypatch.chdir(tmp_path)
    code = cli.main(["--reports", str(tmp_path / "reports"), "run", "synthesis", "-p", "construct", "bogus,nonsense",
                     "--scheduler", "tcp://127.0.0.1:9", "--no-site"])
    error = capsys.readouterr().err
    assert code == 1
    assert "Unknown construct 'bogus'" in error and "Unknown construct 'nonsense'" in error
    assert "Traceback" not in error and "127.0.0.1:9" not in error


def test_a_scheduler_that_cannot_be_reached_is_named_without_a_traceback(tmp_path, monkeypatch, capsys):
    pytest.importorskip("dask.distributed")
    monkeypatch.chdir(tmp_path)
    code = cli.main(["--reports", str(tmp_path / "reports"), "run", "synthesis", "-p", "construct", "trust",
                     "--scheduler", "not-an-address", "--no-site"])
    error = capsys.readouterr().err
    assert code == 1
    assert "No Dask scheduler could be reached at not-an-address" in error and "Traceback" not in error
    assert not (tmp_path / "reports" / "synthesis").exists()


@pytest.mark.slow
def test_a_sweep_builds_on_a_dask_cluster(tmp_path, monkeypatch, capsys):
    """The runs go to the cluster's workers; they are published here, where the build started."""
    distributed = pytest.importorskip("dask.distributed")
    monkeypatch.chdir(tmp_path)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        code = cli.main(["--reports", str(tmp_path / "reports"), "run", "synthesis", "-p", "construct", "trust,skills",
                         "--scheduler", cluster.scheduler_address, "--no-site"])
    assert code == 0, capsys.readouterr().err
    for name in ["trust", "skills"]:
        assert (tmp_path / "reports" / "synthesis" / name / "run.json").is_file()
