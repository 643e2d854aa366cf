"""Intervals and tests (issue: how sure?): the right test for the counts, values checked
against textbook formulas computed here independently, and honesty where the data allow none."""

import math

import pandas as pd
import pytest

from workbench import metal_clusters as mc
from workbench.core.audit import CANNOT_CHECK, DISAGREE, NOT_DISTINGUISHABLE, NOT_TESTABLE
from workbench.core.inference import (describe_result, independence_test, mean_interval, rank_test,
                                      share_interval)
from workbench.core.paths import RAW_DIR

TEMPLATE = RAW_DIR / "metal_clusters" / "templates" / "firm_survey.csv"


def wilson_by_formula(count: int, total: int, z: float = 1.959963984540054) -> tuple[float, float]:
    """Wilson's score interval as textbooks write it, to check the library's against."""
    p = count / total
    centre = (p + z * z / (2 * total)) / (1 + z * z / total)
    half = z / (1 + z * z / total) * math.sqrt(p * (1 - p) / total + z * z / (4 * total * total))
    return 100 * (centre - half), 100 * (centre + half)


@pytest.mark.parametrize("count, total", [(4, 12), (13, 17), (17, 19), (0, 4), (4, 4)])
def test_share_intervals_are_wilson_intervals(count, total):
    low, high = share_interval(count, total)
    expected = wilson_by_formula(count, total)
    assert low == pytest.approx(expected[0], abs=1e-9) and high == pytest.approx(expected[1], abs=1e-9)
    assert low <= 100 * count / total <= high


def test_no_firms_give_no_interval():
    assert all(math.isnan(bound) for bound in share_interval(0, 0))


def test_large_expected_counts_get_pearsons_chi_square():
    counts = pd.DataFrame({"yes": [30, 10], "no": [10, 30]}, index=["A", "B"])
    result = independence_test(counts)
    # Pearson's chi-square of a 2 x 2 table without continuity correction: n(ad - bc)^2 / (row and column sums)
    assert result.test == "chi-square"
    assert result.statistic == pytest.approx(80 * (30 * 30 - 10 * 10) ** 2 / (40 * 40 * 40 * 40))
    assert result.effect == pytest.approx(math.sqrt(result.statistic / 80))
    assert result.differs is True


def test_small_two_by_two_tables_get_fishers_exact_test():
    result = independence_test(pd.DataFrame({"yes": [13, 17], "no": [4, 2]}, index=["Pati", "Tegal"]))
    assert result.test == "Fisher's exact" and "below 5" in result.reason
    assert result.differs is False


def test_small_larger_tables_get_a_seeded_monte_carlo_test():
    counts = pd.DataFrame({"yes": [4, 13, 17], "no": [8, 4, 2]}, index=["Ceper", "Pati", "Tegal"])
    first, second = independence_test(counts), independence_test(counts)
    assert first.test == "Monte Carlo chi-square" and "random tables with the same margins (seed" in first.reason
    assert first == second


def test_a_table_with_one_answer_or_one_group_allows_no_test():
    assert independence_test(pd.DataFrame({"yes": [3, 4], "no": [0, 0]})).reason == "every firm gave the same answer"
    assert independence_test(pd.DataFrame({"yes": [3, 0], "no": [2, 0]})).differs is None
    assert describe_result(independence_test(pd.DataFrame({"yes": [3]}))).startswith("no test possible")


def test_mean_intervals_stay_on_the_scale_and_need_a_spread():
    low, high = mean_interval([1, 1, 2, 5, 5, 5])
    assert 1 <= low < 19 / 6 < high <= 5
    assert mean_interval([1, 2, 5]) == mean_interval([1, 2, 5])
    assert all(math.isnan(bound) for bound in mean_interval([3, 3, 3]))


def test_rank_test_is_kruskal_wallis():
    result = rank_test({"A": [1, 2, 2, 3], "B": [4, 4, 5, 5]})
    assert result.test == "Kruskal-Wallis" and result.differs is True
    assert rank_test({"A": [1, 2]}).differs is None


def test_the_published_locations_differ_in_same_kind_cooperation_only():
    tests = mc.cooperation_tests(mc.load_study().cooperation)
    cooperates = tests[tests["question"] == "cooperates"].set_index("linkage_id")
    assert cooperates.loc["same_kind", "differs"] is True or cooperates.loc["same_kind", "differs"] == True  # noqa: E712
    assert not cooperates.drop(index="same_kind")["differs"].astype(bool).any()
    assert set(tests.loc[tests["linkage_id"] == "supporting", "question"]) == {"cooperates"}


def test_tables_show_intervals_and_keep_numbers_in_their_data():
    study = mc.load_study()
    table = mc.cooperation_table(study.cooperation, "same_kind").set_index("district")
    assert table.loc["Klaten", "cooperating"] == 4 and table.loc["Klaten", "answered"] == 12
    assert table.loc["Klaten", "cooperating_low"] == pytest.approx(wilson_by_formula(4, 12)[0])
    shown = mc.cooperation_cells(table.reset_index()).set_index("district")
    assert shown.loc["Klaten †", "Ada / Cooperates"] == "4 (33.3%, 13.8–60.9)"   # † 4 cooperate
    supporting = mc.cooperation_cells(mc.cooperation_table(study.cooperation, "supporting")).set_index("district")
    assert "Klaten †" in supporting.index and "Pati" in supporting.index
    dynamics = mc.dynamics_table(study.dynamics)
    assert dynamics.drop(columns="district").apply(pd.api.types.is_numeric_dtype).all()


def test_the_audit_sets_the_texts_comparisons_against_chance():
    audit = mc.load_study().audit
    ranking = audit[audit["published"] == "Tegal > Pati > Ceper"]
    chance = ranking[ranking["recomputed"] == NOT_DISTINGUISHABLE]
    assert len(chance) == 1 and chance["verdict"].iloc[0] == DISAGREE
    assert "Tegal against Pati: Fisher's exact" in chance["note"].iloc[0]
    untestable = audit[audit["recomputed"] == NOT_TESTABLE]
    assert len(untestable) == 2 and (untestable["verdict"] == CANNOT_CHECK).all()
    assert untestable["note"].str.contains("no interval of a mean and no test").all()


def test_a_firm_survey_gets_mean_intervals_and_rank_tests(tmp_path):
    rows = ["district,firm_id,product,technology,market,skill,trust,information,same_kind,same_kind_mode,backward,"
            "backward_mode,forward,forward_mode,supporting,raw_material,auxiliary_material,production,marketing"]
    for district, scores in [("Desa A", [1, 2, 2, 1, 2, 1]), ("Desa B", [4, 5, 5, 4, 5, 4])]:
        rows += [f"{district},{district[-1]}-{k},{s},3,3,3,3,3,yes,active,yes,passive,no,,yes,2,2,2,2"
                 for k, s in enumerate(scores)]
    survey = tmp_path / "survey.csv"
    survey.write_text("\n".join(rows) + "\n", encoding="utf-8")
    study = mc.load_study("", survey)
    intervals = mc.score_intervals(study.firms).set_index(["district", "item_id"])
    product = intervals.loc[("Desa A", "product")]
    assert product["firms"] == 6 and 1 <= product["mean_low"] < product["mean"] < product["mean_high"] <= 2
    assert pd.isna(intervals.loc[("Desa A", "technology"), "mean_low"])   # every firm scored 3
    tests = mc.score_tests(study.firms).set_index("item_id")
    assert tests.loc["product", "test"] == "Kruskal-Wallis" and tests.loc["product", "differs"]
    assert tests.loc["technology", "test"] == "none"
    one = mc.load_study("", TEMPLATE)
    assert (mc.score_tests(one.firms)["reason"].str.contains("one surveyed district")).all()


def test_the_published_tests_agree_with_a_second_computation():
    """Pearson's chi-square and Cramér's V of every 'does it cooperate' table of Tabel 4-7,
    recomputed here from the raw counts by the textbook formulas."""
    study = mc.load_study()
    tests = mc.cooperation_tests(study.cooperation).set_index(["linkage_id", "question"])
    for linkage in mc.LINKAGES.itertuples():
        table = study.raw[linkage.resource]
        table = table[~table["location"].isin(["Total", "Rata-rata"])]
        observed = [[row.cooperating, row.not_cooperating] for row in table.itertuples()]
        n = sum(map(sum, observed))
        rows = [sum(r) for r in observed]
        columns = [sum(c) for c in zip(*observed)]
        chi2 = sum((observed[i][j] - rows[i] * columns[j] / n) ** 2 / (rows[i] * columns[j] / n)
                   for i in range(len(rows)) for j in range(2))
        row = tests.loc[(linkage.linkage_id, "cooperates")]
        assert row["statistic"] == pytest.approx(chi2)
        assert row["effect"] == pytest.approx(math.sqrt(chi2 / n))   # k - 1 = 1 for two answers
        assert row["observations"] == n
