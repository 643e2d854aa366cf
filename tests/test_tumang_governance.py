"""Study 3: verdicts, scorecards, the problem map and new cases."""

import shutil

import pytest

from conftest import run_notebook
from workbench import tumang_governance as tg
from workbench.core.datapackage import load_package
from workbench.core.validation import DataValidationError
from workbench.core.paths import PROJECT_ROOT, RAW_DIR

SEED = PROJECT_ROOT.parent / "shared" / "seeds" / "003_1433bbf169a9b7e5.txt"
TEMPLATE = RAW_DIR / "tumang_governance" / "templates" / "illustrative_case"
PACKAGE = load_package("tumang_governance")


@pytest.fixture(scope="module")
def study():
    return tg.load_study()


def test_verdicts_follow_the_abstract(study):
    deseve = study.verdicts[study.verdicts["framework"] == "deseve"].set_index("item_id")["verdict"]
    assert sorted(deseve.index[deseve == "not_achieved_quite_well"]) == ["distributive_accountability", "trust"]
    pyke = study.verdicts[study.verdicts["framework"] == "pyke"]
    assert pyke["verdict"].value_counts().to_dict() == {"achieved_quite_well": 5, "not_named": 3}
    assert set(pyke.loc[pyke["verdict"] == "not_named", "item"]) == {"(not named)"}   # no invented names


def test_scorecard_counts_and_shares(study):
    card = tg.scorecard(study.verdicts).set_index("framework")
    assert card.loc["deseve", ["achieved_quite_well", "not_achieved_quite_well", "total"]].tolist() == [6, 2, 8]
    assert card.loc["deseve", "share_achieved"] == 75.0
    assert card.loc["pyke", ["achieved_quite_well", "not_named", "share_achieved"]].tolist() == [5, 3, 62.5]


def test_audit_recomputes_six_and_five_of_eight_and_flags_the_missing_comma(study):
    audit = study.audit
    assert audit["verdict"].value_counts().to_dict() == {"agree": 15, "disagree": 2, "cannot be checked": 1}
    commas = audit[audit["verdict"] == "disagree"]
    assert set(commas["cell"]) == {"the list after '5' names five principles, counted at its commas"}
    assert set(commas["table"]) == {"Abstrak (line 7)", "Abstract (line 12)"}
    assert (commas["published"].tolist(), commas["recomputed"].tolist()) == ([5, 5], [4, 4])


@pytest.mark.skipif(not SEED.is_file(), reason="the seed documents (../shared/seeds) are not beside this clone")
def test_quotes_and_items_are_verbatim_from_the_abstract(study):
    text = SEED.read_text(encoding="utf-8")
    for column in ["quote_id", "quote_en"]:
        for quote in study.verdicts[column]:
            assert quote in text
    for table in (study.problems, study.recommendations):
        for row in table.itertuples():
            assert row.text_id in row.sentence_id and row.text_en in row.sentence_en and row.sentence_id in text


def test_problem_map_links_every_problem_to_a_recommendation(study):
    frame = tg.problem_map(study, "Tumang")
    assert set(frame["problem"]) == set(study.problems["text_en"])
    assert set(frame.dropna(subset=["indicator"])["verdict"]) <= set(tg.VERDICTS)


def test_case_names():
    assert tg.STUDY.resolve("tumang") == "Tumang"
    assert tg.STUDY.resolve("Cepogo") == "Tumang"
    assert tg.STUDY.resolve("ALL") == "all"
    with pytest.raises(ValueError, match="Valid case values: all; Tumang"):
        tg.STUDY.resolve("Kasongan")


def test_new_case_is_labelled_illustrative_and_scored_out_of_eight():
    study = tg.load_study(user_data=TEMPLATE)
    assert study.cases == ["Tumang", "Desa Contoh (illustrative)"]
    card = tg.scorecard(study.verdicts).set_index(["case", "framework"])
    row = card.loc[("Desa Contoh (illustrative)", "deseve")]
    assert (row["achieved_quite_well"], row["not_assessed"], row["share_achieved"]) == (1, 7, 12.5)


def test_new_case_mistakes_are_all_reported(tmp_path):
    folder = shutil.copytree(TEMPLATE, tmp_path / "case")
    with open(folder / "deseve_indicators.csv", "a", encoding="utf-8") as handle:
        handle.write("Desa Contoh,2,openness,Openness,x,achieved,x,x,\n")
    with open(folder / "recommendation_indicators.csv", "a", encoding="utf-8") as handle:
        handle.write("Desa Contoh,no_such_recommendation,deseve,trust,x\n")
    with pytest.raises(DataValidationError) as error:
        tg.read_new_case(PACKAGE, folder)
    message = str(error.value)
    assert "deseve_indicators.csv, line 3 (case=Desa Contoh, indicator_id=openness), column 'indicator_id'" in message
    assert "column 'verdict': value 'achieved': expected one of 'achieved_quite_well', 'not_achieved_quite_well'" \
        in message


def test_new_case_links_must_name_known_items(tmp_path):
    folder = shutil.copytree(TEMPLATE, tmp_path / "case")
    with open(folder / "recommendation_indicators.csv", "a", encoding="utf-8") as handle:
        handle.write("Desa Contoh,no_such_recommendation,deseve,trust,x\n")
    with pytest.raises(DataValidationError) as error:
        tg.read_new_case(PACKAGE, folder)
    message = str(error.value)
    assert "recommendation_indicators.csv, line 3, column 'recommendation_id': value 'no_such_recommendation'" in message
    assert "column 'indicator_id': value 'trust': expected an id of deseve_indicators.csv (deseve): networked_structure" \
        in message


@pytest.mark.slow
def test_illustrative_case_runs_end_to_end_through_papermill(tmp_path):
    text = run_notebook("tumang_governance", tmp_path, user_data=TEMPLATE, case="Desa Contoh (illustrative)")
    assert "Desa Contoh (illustrative)" in text and "joint purchasing of raw material" in text
