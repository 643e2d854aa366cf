"""Study 1 from fieldwork: firm surveys and district summaries for new districts."""

import hashlib
import json
import shutil

import nbformat
import pandas as pd
import pytest

from conftest import output_text
from workbench import metal_clusters as mc
from workbench.core import runs
from workbench.core.build import execute_run
from workbench.core.datapackage import load_package
from workbench.core.validation import DataValidationError
from workbench.metal_clusters.illustrative import illustrative_districts, illustrative_survey
from workbench.core.paths import PROJECT_ROOT
from workbench.registry import REGISTRY

PACKAGE = load_package("metal_clusters")
HEADER = ("district,firm_id,product,technology,market,skill,trust,information,same_kind,same_kind_mode,"
          "backward,backward_mode,forward,forward_mode,supporting,raw_material,auxiliary_material,production,marketing")


def survey(tmp_path, *rows, header=HEADER, name="survey.csv", encoding="utf-8"):
    path = tmp_path / name
    path.write_bytes(("\n".join([header, *rows]) + "\n").encode(encoding))
    return path


def test_aggregation_worked_out_by_hand(tmp_path):
    path = survey(tmp_path,
                  "Boyolali,B1,2,3,4,1,5,3,yes,active,yes,passive,no,,yes,2,3,4,1",
                  "Boyolali,B2,4,3,2,,5,3,no,,yes,,yes,proactive,no,4,3,2,3",
                  "Boyolali,B3,3,3,3,3,5,3,yes,passive,,,yes,active,,3,3,3,2")
    study = mc.load_study(user_data=path)
    dynamics = study.dynamics[study.dynamics["district"] == "Boyolali"].set_index("aspect_id")
    assert dynamics.loc["product", ["mean", "minimum", "maximum"]].tolist() == [3, 2, 4]   # (2+4+3)/3
    assert dynamics.loc["skill", ["mean", "minimum", "maximum"]].tolist() == [2, 1, 3]     # blank left out: (1+3)/2
    coop = study.cooperation[study.cooperation["district"] == "Boyolali"].set_index(["linkage_id", "response_id"])
    # same kind: 2 of 3 cooperate (1 active, 1 passive), 1 does not
    assert coop.loc[("same_kind", "not_cooperating"), "firms"] == 1
    assert coop.loc[("same_kind", "active"), "share_of_answering"] == pytest.approx(100 / 3)
    assert coop.loc[("same_kind", "active"), "share_of_cooperating"] == pytest.approx(50)
    # backward: B3 did not answer; B2 cooperates without saying how
    assert coop.xs("backward")["firms"].sum() == 2
    assert coop.loc[("backward", "cooperating_mode_not_asked"), "firms"] == 1
    # supporting: yes, no, blank -> 1 of 2
    assert coop.loc[("supporting", "cooperating_mode_not_asked"), "share_of_answering"] == pytest.approx(50)
    scores = study.problem_solving[study.problem_solving["district"] == "Boyolali"].set_index("problem_area_id")
    assert scores.loc["marketing", "score"] == pytest.approx(2)                            # (1+3+2)/3
    assert study.cases == ["Klaten", "Pati", "Tegal", "Boyolali"]
    assert mc.STUDY.resolve("boyolali", study.cases) == "Boyolali"


def test_every_mistake_is_reported_at_once(tmp_path):
    path = survey(tmp_path,
                  "Boyolali,B1,7,3,4,1,5,3,yes,sometimes,yes,passive,no,active,yes,2,3,4,1",
                  "Boyolali,B1,4,3,2,2,5,3,no,,yes,,yes,proactive,no,4,3,2,3")
    with pytest.raises(DataValidationError) as error:
        mc.read_firm_survey(PACKAGE, path)
    message = str(error.value)
    assert "line 2 (district=Boyolali, firm_id=B1), column 'product': value '7': expected a number from 1 to 5" in message
    assert "line 2 (district=Boyolali, firm_id=B1), column 'same_kind_mode': value 'sometimes': an answer in " \
           "neither language of the form; expected one of active, passive, proactive or their labels" in message
    assert "line 2 (district=Boyolali, firm_id=B1), column 'forward_mode': value 'active': a mode is given but " \
           "forward is 'no'" in message
    assert "line 3 (district=Boyolali, firm_id=B1), column 'district': value 'Boyolali': duplicate key" in message
    assert len(error.value.problems) >= 4


def test_missing_column_is_named(tmp_path):
    path = survey(tmp_path, "Boyolali,B1,2,3,4,1,5,3,yes,active,yes,passive,no,,yes,2,3,4",
                  header=HEADER.removesuffix(",marketing"))
    with pytest.raises(DataValidationError, match="column 'marketing': this column is missing from the header"):
        mc.read_firm_survey(PACKAGE, path)


def test_excel_semicolons_decimal_commas_and_indonesian_words_are_read(tmp_path):
    path = survey(tmp_path, "Purbalingga;P1;3,5;3;4;1;5;3;Ada;Aktif;tidak ada;;YA;pasif;tidak;2;3;4;1",
                  header=HEADER.replace(",", ";"), encoding="cp1252")
    table = mc.read_firm_survey(PACKAGE, path)
    row = table.iloc[0]
    assert row["product"] == 3.5
    assert (row["same_kind"], row["same_kind_mode"], row["backward"], row["forward"], row["forward_mode"]) == \
        ("yes", "active", "no", "yes", "passive")


def test_district_summary_gives_the_same_study_as_its_survey(tmp_path):
    path = survey(tmp_path,
                  "Kotagede,K1,2,3,4,1,5,3,yes,active,yes,passive,no,,yes,2,3,4,1",
                  "Kotagede,K2,4,3,2,3,5,3,no,,yes,active,yes,proactive,no,4,3,2,3")
    from_survey = mc.load_study(user_data=path)
    aggregates = mc.aggregate_survey(mc.read_firm_survey(PACKAGE, path))
    rows = []
    for record in aggregates["table3_cluster_dynamics"].to_dict("records"):
        rows += [("dynamics", a, s, record[f"{a}_{s}"]) for a in mc.ASPECTS["aspect_id"] for s in ("mean", "min", "max")]
    for linkage in mc.LINKAGES.itertuples():
        record = aggregates[linkage.resource].iloc[0]
        rows += [("cooperation", linkage.linkage_id, s, record[s]) for s in record.index if s not in ("location", "total")]
    record = aggregates["table8_problem_solving"].iloc[0]
    rows += [("problem_solving", a, "score", record[a]) for a in mc.PROBLEM_AREAS["problem_area_id"]]
    summary = tmp_path / "summary.csv"
    pd.DataFrame([("Kotagede", *r) for r in rows], columns=["district", "table", "item", "statistic", "value"]) \
        .to_csv(summary, index=False)
    from_summary = mc.load_study(user_data=summary)
    for table in ("dynamics", "cooperation", "problem_solving"):
        pd.testing.assert_frame_equal(getattr(from_survey, table).drop(columns="answered", errors="ignore"),
                                      getattr(from_summary, table).drop(columns="answered", errors="ignore"))
    # a summary does not say how many firms answered each aspect; a survey does
    kotagede = from_survey.dynamics["district"] == "Kotagede"
    assert from_survey.dynamics.loc[kotagede, "answered"].tolist() == [2] * 6
    assert from_summary.dynamics.loc[from_summary.dynamics["district"] == "Kotagede", "answered"].isna().all()


def test_summary_with_a_statistic_of_another_table_is_rejected(tmp_path):
    summary = tmp_path / "summary.csv"
    summary.write_text("district,table,item,statistic,value\nKotagede,dynamics,product,cooperating,3\n")
    with pytest.raises(DataValidationError, match="line 2, column 'statistic': value 'cooperating': expected, "
                                                  "for table dynamics, one of mean, min, max"):
        mc.load_study(user_data=summary)


@pytest.mark.parametrize("name", ["Tegal", "juwana", "CEPER"])
def test_a_published_district_name_or_alias_is_refused(tmp_path, name):
    path = survey(tmp_path, "Boyolali,B1,2,3,4,1,5,3,yes,active,yes,passive,no,,yes,2,3,4,1",
                  f"{name},T1,2,3,4,1,5,3,yes,active,yes,passive,no,,yes,2,3,4,1")
    with pytest.raises(DataValidationError, match=f"line 3, column 'district': value '{name}': '{name}' names the "
                                                  "published (Klaten|Pati|Tegal)"):
        mc.load_study(user_data=path)


def test_illustrative_survey_is_what_the_script_writes(tmp_path):
    from workbench.core.outputs import write_csv
    write_csv(illustrative_survey(), tmp_path / "survey.csv")
    committed = PROJECT_ROOT / "data" / "examples" / "illustrative_firm_survey.csv"
    assert committed.read_bytes() == (tmp_path / "survey.csv").read_bytes()
    assert set(illustrative_survey()["district"]) == {"Kabupaten Contoh (illustrative)"}
    write_csv(illustrative_districts(), tmp_path / "forty.csv")
    committed = PROJECT_ROOT / "data" / "examples" / "illustrative_forty_districts.csv"
    assert committed.read_bytes() == (tmp_path / "forty.csv").read_bytes()
    assert illustrative_districts()["district"].nunique() == 40


@pytest.mark.slow
def test_illustrative_survey_runs_end_to_end_and_is_recorded_by_name_and_hash(tmp_path):
    """A user's survey, from a folder outside the project whose name holds a space, makes a
    report of its district beside the published ones; the run records the file by name and
    hash, and no path of the user's machine."""
    survey = tmp_path / "elsewhere" / "my survey.csv"
    survey.parent.mkdir()
    shutil.copy(PROJECT_ROOT / "data" / "examples" / "illustrative_firm_survey.csv", survey)
    folder = execute_run(REGISTRY, runs.Run("metal_clusters", "mine", {"user_data": str(survey),
                                                             "district": "Kabupaten Contoh (illustrative)"}),
                         tmp_path / "reports")
    text = output_text(nbformat.read(folder / "notebook.ipynb", 4))
    assert "**Kabupaten Contoh" in text and "illustrative" in text and "** — cluster dynamics (Tabel 3 means)" in text
    assert "Klaten" in text and "Tegal" in text
    written = b"".join(p.read_bytes() for p in folder.rglob("*") if p.is_file())
    assert str(tmp_path).encode() not in written
    manifest = json.loads((folder / "run.json").read_text())
    assert manifest["parameters"]["user_data"] == "input/user_data/my survey.csv"
    assert manifest["provenance"]["data"]["input/user_data/my survey.csv"] == hashlib.sha256(survey.read_bytes()).hexdigest()
    assert manifest["illustrative"] is True


def test_a_survey_district_is_tabled_on_the_papers_bases_like_the_published_ones(tmp_path):
    path = survey(tmp_path,
                  "Boyolali,B1,2,3,4,1,5,3,yes,active,yes,passive,no,,yes,2,3,4,1",
                  "Boyolali,B2,4,3,2,,5,3,no,,yes,,yes,proactive,no,4,3,2,3",
                  "Boyolali,B3,3,3,3,3,5,3,yes,passive,,,yes,active,,3,3,3,2")
    study = mc.load_study(user_data=path)
    same_kind = mc.cooperation_cells(mc.cooperation_table(study.cooperation, "same_kind")).set_index("district")
    # Tabel 4 prints Tegal's modes as shares of the cooperating firms: Pasif 7 (41,2)
    assert same_kind.loc["Tegal", "Pasif / Cooperates passively (% of Ada)"].startswith("7 (41.2%, ")
    assert same_kind.loc["Tegal", "Ada / Cooperates"].startswith("17 (89.5%, ")
    # the survey district on the same bases: 2 of 3 cooperate; 1 of those 2 actively
    assert same_kind.loc["Boyolali †", "Ada / Cooperates"].startswith("2 (66.7%, ")
    assert same_kind.loc["Boyolali †", "Aktif / Cooperates actively (% of Ada)"].startswith("1 (50.0%, ")
    assert same_kind.loc["Boyolali †", "Jumlah / Firms that answered"] == 3   # † fewer than 10 firms
    dynamics = mc.dynamics_cells(mc.dynamics_table(study.dynamics)).set_index("district")
    assert dynamics.loc["Boyolali", "Ketrampilan / Skill"] == "2 (1-3, n=2)"     # B2 left skill blank
    assert dynamics.loc["Tegal", "Ketrampilan / Skill"] == "2 (1-3)"           # not printed for the paper
    assert dynamics.loc["Tegal", "Jumlah / Sum of means, recomputed"] == "17"


def test_a_survey_without_any_dynamics_answer_runs_alone(tmp_path):
    rows = ["Boyolali,B1,,,,,,,yes,active,yes,passive,no,,yes,2,3,4,1",
            "Boyolali,B2,,,,,,,no,,yes,,yes,proactive,no,4,3,2,3"]
    study = mc.load_study(user_data=survey(tmp_path, *rows))
    assert "no firm answered any of them" in mc.strongest_and_weakest(study, "Boyolali")
    assert mc.dynamics_cells(mc.dynamics_table(study.dynamics)).set_index("district").loc[
        "Boyolali", "Produk / Product"] == "? (?-?, n=0)"
