"""Study 4, the cross-study synthesis: the crosswalk, findings computed from the three studies'
raw tables (each naming its cells), the texts, and the errors a broken crosswalk gets."""

import csv
import re

import pandas as pd
import pytest

from conftest import change_cell, replace_in_file
from workbench import synthesis as sy
from workbench.core.errors import DataValidationError
from workbench.core.paths import PROJECT_ROOT, RAW_DIR
from workbench.synthesis.frameworks import standing
from workbench.synthesis.tables import study_reading

CROSSWALK = "synthesis/crosswalk.csv"


@pytest.fixture(scope="module")
def study():
    return sy.load_study()


def finding(study, construct, item, case, measure_starts="") -> pd.Series:
    found = study.findings
    rows = found[(found["construct_id"] == construct) & (found["item_id"] == item) & (found["case"] == case)
                 & found["measure"].str.startswith(measure_starts)]
    assert len(rows) == 1, rows
    return rows.iloc[0]


def test_every_construct_meets_every_framework_or_says_it_has_no_counterpart(study):
    pairs = set(zip(study.crosswalk["construct_id"], study.crosswalk["framework"]))
    assert pairs == {(c, f) for c in study.cases for f in sy.FRAMEWORKS}
    none = study.crosswalk[~study.crosswalk["counterpart"]]
    assert none["item_id"].isna().all() and none["reason"].notna().all()
    shown = sy.crosswalk_table(study)
    assert (shown.loc[~study.crosswalk["counterpart"].to_numpy(), "item"] == "no counterpart").all()


def test_every_cell_a_finding_names_holds_the_value_it_quotes(study):
    """Read each named cell straight from the CSV file, independently of the package."""
    pattern = re.compile(r"^(?P<file>\S+) line (?P<line>\d+) \((?P<row>[^)]*)\): (?P<values>.*)$")
    checked = 0
    for cells in study.findings["cells"]:
        for reference in cells.split("; "):
            match = pattern.match(reference)
            if match is None:
                assert ": no row for " in reference, reference
                continue
            with open(RAW_DIR / match["file"], newline="", encoding="utf-8") as handle:
                records = list(csv.DictReader(handle))
            record = records[int(match["line"]) - 2]
            for pair in match["values"].split(", "):
                column, value = pair.split(" = ", 1)
                printed = record[column]
                assert value == ("(empty)" if printed == "" else printed) or float(value) == float(printed), reference
                checked += 1
    assert checked >= len(study.findings)


def test_findings_come_from_each_studys_table(study):
    assert finding(study, "trust", "trust", "Klaten")["reading"] == "favourable"   # printed KLATEN
    assert finding(study, "skills", "skill", "Pati")["value"].startswith("2 (kurang dinamis), the lowest of 6 aspects")
    assert finding(study, "trust", "trust", "Batu Betumpang", "Tabel 4.3")["reading"] == "both"
    assert finding(study, "trust", "trust", "Telang", "Tabel 4.3")["reading"] == "favourable"
    assert finding(study, "leadership_governance", "leadership", "Telang", "Tabel 4.4")["value"].startswith("trigger no. ")
    assert finding(study, "trust", "trust", "Tumang")["reading"] == "unfavourable"
    # Tabel 4 prints Ceper, Tabel 3 KLATEN: one case, named as study 1 names it (the descriptor's case_names)
    assert set(study.findings["case"][study.findings["item_id"] == "same_kind"]) == {"Klaten", "Pati", "Tegal"}


@pytest.mark.parametrize("folder, resource, row, column, value, construct, item, case, reading", [
    ("metal_clusters", "table3_cluster_dynamics.csv", {"location": "TEGAL"}, "trust_mean", "2",
     "trust", "trust", "Tegal", "unfavourable"),
    ("led_synergism", "table4_3_factors.csv", {"role_id": "obstacle", "factor_id": "trust"}, "area", "Telang",
     "trust", "trust", "Telang", "both"),
    ("tumang_governance", "deseve_indicators.csv", {"indicator_id": "trust"}, "verdict", "achieved_quite_well",
     "trust", "trust", "Tumang", "favourable"),
])
def test_a_changed_cell_of_any_study_changes_the_finding(project_copy, folder, resource, row, column, value,
                                                         construct, item, case, reading):
    raw = project_copy / "data" / "raw"
    change_cell(raw / folder / resource, row, column, value)
    changed = sy.load_study(raw)
    assert finding(changed, construct, item, case, "Tabel 4.3" if folder == "led_synergism" else "")["reading"] == reading


def test_standing_among_the_other_aspects():
    assert standing(3, [3, 3, 2]) == "the highest of 4 aspects, tied with 2"
    assert standing(2, [3, 4]) == "the lowest of 3 aspects"
    assert standing(3, [4, 2, 3]) == "1 of the other 3 aspects score higher, 1 lower"
    assert standing(3, [3]) == "level with the other 1 aspects"


def test_a_study_is_mixed_only_when_its_findings_point_both_ways():
    assert study_reading(["favourable", "no direction"]) == "favourable"
    assert study_reading(["favourable", "unfavourable"]) == "mixed"
    assert study_reading(["both"]) == "mixed"
    assert study_reading(["no direction"]) == "no direction"


def test_texts_say_what_agrees_what_conflicts_and_where_there_is_no_counterpart(study):
    summary = sy.construct_summary(study).set_index(["construct_id", "study"])["reading"]
    trust = sy.construct_text(study, "trust")
    assert summary["trust", "metal_clusters"] == "favourable" and summary["trust", "tumang_governance"] == "unfavourable"
    assert "**The studies conflict:**" in trust
    assert "No counterpart in PEL synergism (study 2)" in sy.construct_text(study, "skills")
    assert summary["skills", "led_synergism"] == "no counterpart"
    assert "conflict (Trust, Skills)" in sy.headline(study)


def test_crosswalk_quotes_stand_in_the_cells_they_cite(study, project_copy):
    assert set(study.audit["verdict"]) == {"agree"}
    replace_in_file(project_copy / "data" / "raw" / CROSSWALK, "Kepercayaan (trust),table2", "Kepercayaan,table2")
    replace_in_file(project_copy / "data" / "raw" / "metal_clusters" / "table2_jica_indicators.csv",
                    "5,Kepercayaan (trust)", "5,Trust level")
    audit = sy.load_study(project_copy / "data" / "raw").audit
    wrong = audit[audit["verdict"] == "disagree"]
    assert wrong["table"].tolist() == ["crosswalk.csv line 2"] and wrong["recomputed"].tolist() == ["Trust level"]


def test_a_broken_crosswalk_names_file_line_column_and_what_was_expected(project_copy):
    path = project_copy / "data" / "raw" / CROSSWALK
    replace_in_file(path, "skills,pel_factors,,,false", "skills,pel_factors,skill,Skill,true")
    replace_in_file(path, "trust,pel_factors,trust,", "trust,pel_factors,trustworthiness,")
    replace_in_file(path, "factors:factor_id=leadership:factor", "factors:factor_id=leader:factor")
    text = path.read_text(encoding="utf-8")
    path.write_text("\n".join(line for line in text.splitlines() if not line.startswith("resources_markets,pyke"))
                    + "\n", encoding="utf-8")
    with pytest.raises(DataValidationError) as error:
        sy.load_study(project_copy / "data" / "raw")
    message = str(error.value)
    assert "crosswalk.csv, line 4 (trust, pel_factors), column 'item_id': value 'trustworthiness': expected an item" \
        in message
    assert "column 'quote': required when counterpart is true" in message
    assert "column 'quote_place': value 'factors:factor_id=leader:factor': 0 rows of factors have factor_id" in message
    assert "no row for resources_markets x pyke" in message
    assert "Traceback" not in message


def test_the_constructs_a_run_may_name_are_those_of_the_validated_table(study):
    """Runs are planned and named from constructs.csv read without pandas (see
    workbench.synthesis.constructs); the names are those of the validated table."""
    assert sy.STUDY.known_cases() == study.aliases
    assert list(sy.STUDY.known_cases()) == study.cases


def test_an_unknown_construct_lists_the_valid_ones(study):
    assert sy.STUDY.resolve("Kepercayaan", study.cases, study.aliases) == "trust"
    with pytest.raises(ValueError, match=r"Unknown construct 'loyalty'\. Valid construct values: all; trust"):
        sy.STUDY.resolve("loyalty", study.cases, study.aliases)


def test_the_synthesis_reads_the_other_studies_folders_and_no_study_module():
    assert sy.STUDY.data_folders() == ("synthesis", "metal_clusters", "led_synergism", "tumang_governance")
    source = "\n".join(path.read_text(encoding="utf-8") for path in (PROJECT_ROOT / "src/workbench/synthesis").glob("*.py"))
    assert not re.search(r"workbench\.(metal_clusters|led_synergism|tumang_governance)", source)
