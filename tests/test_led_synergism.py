"""Study 2: the Tabel 2.1 classifier, factor roles, the reconstructed problem tree, new areas."""

import shutil
from pathlib import Path

import pandas as pd
import pytest

from conftest import run_notebook
from workbench import led_synergism as led
from workbench.core.datapackage import load_package
from workbench.core.validation import DataValidationError
from workbench.core.paths import PROJECT_ROOT, RAW_DIR

SEED = PROJECT_ROOT.parent / "shared" / "seeds" / "002_b29446ceb5c78cb6.txt"
TEMPLATE = RAW_DIR / "led_synergism" / "templates" / "illustrative_area"
PACKAGE = load_package("led_synergism")


@pytest.fixture(scope="module")
def study():
    return led.load_study()


@pytest.mark.parametrize("levels, expected", [
    (("comprehensive", "agreed_by_all", "high", "optimal"), "synergism"),
    (("partly_systemised", "agreed_by_some", "varied", "improved_not_optimal_or_uneven"), "less_synergetic"),
    (("partly_systemised", "agreed_by_some", "varied", "improved_not_optimal_and_uneven"), "less_synergetic"),
    (("not_systemised", "not_agreed", "low", "improved_not_optimal_and_uneven"), "fragmented"),
    (("comprehensive", "not_agreed", "high", "unchanged"), "additive"),
    (("not_systemised", "agreed_by_all", "low", "declined"), "antagonistic"),
    (("no_collaboration", "none", "none", "none"), "sectoral"),
])
def test_every_category_of_tabel_2_1(levels, expected):
    result = led.classify(dict(zip(["system", "common_goal", "process", "effect"], levels)))
    assert (result.status, result.category_id) == ("fits", expected)
    assert expected in result.reason


def test_levels_that_fit_no_category_get_an_explicit_answer():
    result = led.classify({"system": "comprehensive", "common_goal": "agreed_by_all", "process": "varied",
                           "effect": "optimal"})
    assert (result.status, result.category_id) == ("no category fits", None)
    assert "Closest: 'synergism', which it misses on collaboration process" in result.reason


def test_fragmented_needs_both_shortcomings_of_the_effect():
    result = led.classify({"system": "not_systemised", "common_goal": "not_agreed", "process": "low",
                           "effect": "improved_not_optimal_or_uneven"})
    assert result.status == "no category fits" and "misses on effect" in result.reason


def test_levels_that_fit_two_categories_are_not_silently_picked():
    overlapping = {**led.CATEGORY_RULES, "variant": dict(led.CATEGORY_RULES["fragmented"])}
    result = led.classify({"system": "not_systemised", "common_goal": "not_agreed", "process": "low",
                           "effect": "improved_not_optimal_and_uneven"}, overlapping)
    assert (result.status, result.category_id) == ("fits several categories", None)
    assert result.fitting == ["fragmented", "variant"]


def test_missing_dimension_is_reported():
    result = led.classify({"system": "comprehensive"})
    assert result.status == "incomplete coding" and "common goal, collaboration process, effect on welfare" in result.reason


@pytest.mark.parametrize("lines, expected", [
    (["high", "high", "high", "high"], "high"), (["low", "low", "high", "varied"], "low"),
    (["low", "varied", "varied", "varied"], "varied"), (["none", "none", "none", "none"], "none"),
    (["high", "varied", "high", "high"], "varied"),
])
def test_process_lines_combine(lines, expected):
    assert led.process_level(lines) == expected


def test_coding_of_tabel_4_2_yields_the_papers_categories(study):
    table = study.classification.set_index("area")
    assert table.at["Telang", "category_id"] == "fragmented"
    assert table.at["Batu Betumpang", "category_id"] == "less_synergetic"
    assert (table["category_id"] == table["published_category_id"]).all()


def test_factor_roles_and_counts_from_tabel_4_3(study):
    counts = led.role_counts(study.factor_roles).set_index("area")
    assert counts.loc["Telang"].tolist() == [9, 15]
    assert counts.loc["Batu Betumpang"].tolist() == [14, 16]
    roles = study.factor_roles.set_index(["factor_id", "area"])["role"]
    assert roles[("trust", "Telang")] == "driver"            # obstacle cell printed '-'
    assert roles[("readiness", "Batu Betumpang")] == "both"  # Kesiapan and Readines
    assert roles[("regulation", "Telang")] == "none"         # not in Tabel 4.3


def test_problem_tree_roots_and_layers(study):
    tree = study.tree[study.tree["area"] == "Telang"].set_index("factor_id")
    assert sorted(tree.index[tree["root_cause"]]) == ["collaborative_capability", "external_factor", "justice"]
    assert tree.at["synergism", "layer"] == tree["layer"].max()
    assert tree.at["collaborative_capability", "layer"] == 0


def test_trigger_comparison_explains_every_difference(study):
    comparison = study.audit[study.audit["table"] == "Tabel 4.4 vs reconstructed tree"]
    telang = comparison[comparison["cell"].str.startswith("Telang")]
    agree = sorted(c.split(" × ")[1].split(" ")[0] for c in telang[telang["agrees"]]["cell"])
    assert agree == ["collaboration_system", "collaborative_capability", "collaborative_planning",
                     "external_factor", "regulation"]
    differ = telang[~telang["agrees"]]
    assert len(differ) == 7 and differ["note"].str.len().gt(40).all()


def test_audit_shows_the_papers_own_disagreements(study):
    audit = study.audit
    wrong = audit[(audit["verdict"] == "disagree") & (audit["group"] != "workbench_reading")]
    assert sorted(wrong["cell"]) == [
        "Batu Betumpang: business commitment is generally low",              # Tabel 4.2: varies high to low
        "Batu Betumpang: participation ranges from high down to low (rendah)",  # Tabel 4.2: tinggi sampai nihil
        "Batu Betumpang: the leaders' commitment to build synergy is relatively high",  # Tabel 4.2: kurang
        "Telang: non-farm share, printed '15,5,7%'",
        "all sixteen factors are obstacles in both areas",                    # trust: '-' in Telang
        "the Batu Betumpang column's marker '**)' has a footnote under the table",
        "the categories of collaboration that section II defines in its text",  # Tabel 2.1: also kurang sinergis
        "the effect is better in Batu Betumpang than in Telang",
        "the factors the triggers give rise to, as section 4.4 lists them (the sentence continues on the next "
        "line: 'legitimasi, motivasi, dan partisipasi masyarakat')",
        "the factors the triggers give rise to, as the Indonesian abstract lists them",
        "the factors the triggers give rise to, as the conclusion lists them",
        "the factors triggered are 'faktor-faktor lainnya': other than the seven triggers",
        "the header's marker '*)' has a footnote under the table"]
    conclusion = wrong.set_index("cell").loc["the factors the triggers give rise to, as the conclusion lists them"]
    assert conclusion["note"].endswith("only here: justice, trust")
    assert conclusion["quote"].startswith("Faktor tersebut") and conclusion["other_quote"].startswith("Faktor-faktor tersebut")


@pytest.mark.skipif(not SEED.is_file(), reason="the seed documents (../shared/seeds) are not beside this clone")
def test_every_edge_and_profile_quotes_the_seed_verbatim(study):
    text = SEED.read_text(encoding="utf-8")
    for sentence in pd.concat([study.edges["sentence"], study.profiles["sentence"]]):
        assert sentence in text, sentence[:80]


@pytest.mark.parametrize("name, expected", [("both", "all"), ("ALL", "all"), ("telang", "Telang"),
                                            ("KTM Batu Betumpang", "Batu Betumpang")])
def test_area_names(name, expected):
    assert led.STUDY.resolve(name) == expected


def test_unknown_area_lists_the_valid_ones():
    with pytest.raises(ValueError, match="Valid area values: all \\(also: both\\); Telang.*Batu Betumpang"):
        led.STUDY.resolve("Rasau Jaya")


def illustrative_area(folder: Path) -> Path:
    """A complete illustrative area: the templates' example rows plus a full coding."""
    shutil.copytree(TEMPLATE, folder)
    with open(folder / "coded_findings.csv", "a", encoding="utf-8") as handle:
        handle.write("KTM Contoh,common_goal,overall,agreed_by_some,Illustrative example\n"
                     "KTM Contoh,process,overall,varied,Illustrative example\n"
                     "KTM Contoh,effect,overall,improved_not_optimal_or_uneven,Illustrative example\n")
    return folder


def test_new_area_is_added_and_labelled_illustrative(tmp_path):
    study = led.load_study(user_data=illustrative_area(tmp_path / "illustrative_area"))
    row = study.classification.set_index("area").loc["KTM Contoh (illustrative)"]
    assert (row["status"], row["category_id"]) == ("fits", "less_synergetic")
    assert "KTM Contoh (illustrative)" in set(study.factor_roles["area"])
    assert set(study.edges["area"]) >= {"KTM Contoh (illustrative)"}


def test_new_area_mistakes_are_all_reported(tmp_path):
    folder = illustrative_area(tmp_path / "area")
    with open(folder / "coded_findings.csv", "a", encoding="utf-8") as handle:
        handle.write("Elsewhere,system,overall,varied,wrong area and a process level for system\n")
    with open(folder / "factors.csv", "a", encoding="utf-8") as handle:
        handle.write("KTM Contoh,driver,luck,not a factor of the codebook\n")
    with pytest.raises(DataValidationError) as error:
        led.read_new_area(PACKAGE, folder)
    message = str(error.value)
    assert "factors.csv, line 3 (area=KTM Contoh, role_id=driver, factor_id=luck), column 'factor_id'" in message
    with open(folder / "factors.csv", "w", encoding="utf-8") as handle:
        handle.write("area,role_id,factor_id,indication\nKTM Contoh,driver,trust,ok\n")
    with pytest.raises(DataValidationError) as error:
        led.read_new_area(PACKAGE, folder)
    message = str(error.value)
    assert "coded_findings.csv, line 6, column 'area': value 'Elsewhere': expected the area named in area.csv" in message
    assert "coded_findings.csv, line 6, column 'level': value 'varied': expected a level of system" in message


def test_new_area_without_required_files_names_them(tmp_path):
    (tmp_path / "empty").mkdir()
    with pytest.raises(DataValidationError) as error:
        led.read_new_area(PACKAGE, tmp_path / "empty")
    assert [p.file.rsplit("/", 1)[-1] for p in error.value.problems] == ["area.csv", "coded_findings.csv", "factors.csv"]
    assert "missing: the folder needs area.csv, coded_findings.csv, factors.csv" in str(error.value)


@pytest.mark.slow
def test_new_area_runs_end_to_end_through_papermill(tmp_path):
    folder = illustrative_area(tmp_path / "illustrative_area")
    text = run_notebook("led_synergism", tmp_path, user_data=folder, area="KTM Contoh (illustrative)")
    assert "KTM Contoh (illustrative)" in text and "less_synergetic" in text


def test_the_printed_numberings_are_checked_against_the_rows_they_number():
    """Tabel 4.1's component numbers and Tabel 4.3's row order are transcribed: the audit
    checks them, so a number changed in the raw table is reported, not silently kept."""
    from workbench.core.audit import numbering_problems
    study = led.load_study()
    rows = study.audit[study.audit["cell"].str.endswith("as printed")]
    assert list(rows["table"]) == ["Tabel 4.1", "Tabel 4.3"] and (rows["verdict"] == "agree").all()
    activities = study.activities.copy()
    activities.iloc[0, activities.columns.get_loc("number")] = 2
    assert numbering_problems(activities, "component", "number")[0] == "Nakertrans (Pusat, Prov, Kab) is numbered 2, 1"
    factors = study.factors_table.copy()
    factors.iloc[0, factors.columns.get_loc("order")] = 2
    assert numbering_problems(factors, "factor_id", "order", "role_id") == \
        ["driver: 2 numbers collaborative_planning, agreement"]
