"""How sure: intervals and tests from counts and scores, through scipy.stats.

Knows no study. Shares get Wilson intervals; a table of counts (groups × answers) gets a
test of independence and Cramér's V; scores of individual respondents get a bootstrap
interval of their mean and a Kruskal-Wallis test across groups. Every resampling uses a
fixed seed, so that a report is the same bytes on every build.
"""

import math
from dataclasses import asdict, dataclass

import numpy as np
import pandas as pd
from scipy import stats
from scipy.stats.contingency import association, expected_freq

from workbench.core.i18n import N_, _, integer, number

CONFIDENCE = 0.95
LEVEL = 0.05   # a difference is "larger than chance" when p < LEVEL
MIN_EXPECTED = 5   # the usual rule for trusting the chi-square approximation
SMALL_SAMPLE = 10   # fewer firms than this: a share's interval is very wide; flagged
RESAMPLES = 9999
SEED = 2015


def share_interval(count: int, total: int) -> tuple[float, float]:
    """The 95% Wilson score interval of `count` of `total`, in % (NaN for no total)."""
    if not total or pd.isna(total) or pd.isna(count):
        return math.nan, math.nan
    interval = stats.binomtest(int(count), int(total)).proportion_ci(CONFIDENCE, method="wilson")
    return 100 * interval.low, 100 * interval.high


@dataclass(frozen=True)
class TestResult:
    """One test: which, its statistic and p-value, the effect size, how many observations,
    and why this test (or why none). `differs` is None when no test was possible."""

    test: str
    statistic: float
    dof: float
    p_value: float
    effect: float
    effect_name: str
    observations: int
    reason: str

    @property
    def differs(self) -> bool | None:
        return None if math.isnan(self.p_value) else bool(self.p_value < LEVEL)

    def as_row(self) -> dict:
        return {**asdict(self), "differs": self.differs}


def no_test(reason: str, observations: int = 0) -> TestResult:
    """The result where the data allow no test, with the reason."""
    return TestResult("none", math.nan, math.nan, math.nan, math.nan, "", observations, reason)


def independence_test(counts: pd.DataFrame) -> TestResult:
    """Are groups (rows) and answers (columns) independent? Pearson's chi-square when every
    expected count is at least 5; otherwise Fisher's exact test for a 2 × 2 table and, for a
    larger one, a Monte Carlo test of the chi-square statistic on random tables with the
    observed margins (the permutation distribution; fixed seed). The effect
    size is Cramér's V. Rows and columns with no firms are left out first."""
    table = counts.astype(float).fillna(0)
    table = table.loc[table.sum(axis=1) > 0, table.sum(axis=0) > 0]
    observations = int(table.to_numpy().sum())
    if table.shape[0] < 2:
        return no_test(_("fewer than two groups with answers"), observations)
    if table.shape[1] < 2:
        return no_test(_("every firm gave the same answer"), observations)
    observed = table.to_numpy().astype(int)
    smallest = float(expected_freq(observed).min())
    effect = float(association(observed, method="cramer", correction=False))
    dof = (observed.shape[0] - 1) * (observed.shape[1] - 1)
    if smallest >= MIN_EXPECTED:
        result = stats.chi2_contingency(observed, correction=False)
        return TestResult("chi-square", float(result.statistic), dof, float(result.pvalue), effect, "Cramér's V",
                          observations, _("every expected count is at least {minimum}").format(minimum=MIN_EXPECTED))
    why = _("the smallest expected count is {smallest}, below {minimum}").format(smallest=number(smallest, 1),
                                                                                 minimum=MIN_EXPECTED)
    if observed.shape == (2, 2):
        result = stats.fisher_exact(observed)
        return TestResult("Fisher's exact", math.nan, dof, float(result.pvalue), effect, "Cramér's V",
                          observations, why)
    method = stats.MonteCarloMethod(n_resamples=RESAMPLES, rng=np.random.default_rng(SEED))
    result = stats.chi2_contingency(observed, correction=False, method=method)
    return TestResult("Monte Carlo chi-square", float(result.statistic), dof, float(result.pvalue), effect,
                      "Cramér's V", observations,
                      _("{why}; p from {resamples} random tables with the same margins (seed {seed})").format(
                          why=why, resamples=integer(RESAMPLES), seed=SEED))


def mean_interval(values) -> tuple[float, float]:
    """The 95% bootstrap (percentile, fixed seed) interval of the mean of `values`: it stays
    within the scale, as a t interval of a few 1-5 scores would not. NaN for fewer than two
    values or values that are all equal (nothing to resample)."""
    values = np.asarray(pd.Series(values).dropna(), dtype=float)
    if len(values) < 2 or np.ptp(values) == 0:
        return math.nan, math.nan
    result = stats.bootstrap((values,), np.mean, confidence_level=CONFIDENCE, n_resamples=RESAMPLES,
                             method="percentile", rng=np.random.default_rng(SEED))
    return float(result.confidence_interval.low), float(result.confidence_interval.high)


def rank_test(groups: dict[str, pd.Series]) -> TestResult:
    """Do the scores of several groups differ? The Kruskal-Wallis H test, for ordinal scores
    (1-5), with epsilon-squared, H / (n - 1), as the effect size."""
    samples = {name: pd.Series(values).dropna().astype(float) for name, values in groups.items()}
    samples = {name: values for name, values in samples.items() if len(values)}
    observations = sum(len(values) for values in samples.values())
    if len(samples) < 2:
        return no_test(_("fewer than two groups with scores"), observations)
    if pd.concat(samples.values()).nunique() < 2:
        return no_test(_("every firm gave the same score"), observations)
    result = stats.kruskal(*samples.values())
    return TestResult("Kruskal-Wallis", float(result.statistic), len(samples) - 1, float(result.pvalue),
                      float(result.statistic) / (observations - 1), "epsilon-squared", observations,
                      _("scores on an ordinal scale: a test of ranks"))


def describe_result(result: TestResult) -> str:
    """The test in words: "chi-square(2) = 9.81, p = 0.007, Cramér's V = 0.45"."""
    if result.test == "none":
        return _("no test possible: {reason}").format(reason=result.reason)
    statistic = "" if math.isnan(result.statistic) else f"({result.dof:g}) = {number(result.statistic, 2)}"
    p = f"p < {number(0.001, 3)}" if result.p_value < 0.001 else f"p = {number(result.p_value, 3)}"
    return f"{_(result.test)}{statistic}, {p}, {_(result.effect_name)} = {number(result.effect, 2)}"


# The names of the tests and effect sizes, as `describe_result` writes them.
TEST_NAMES = (N_("chi-square"), N_("Fisher's exact"), N_("Monte Carlo chi-square"), N_("Kruskal-Wallis"),
              N_("Cramér's V"), N_("epsilon-squared"))
