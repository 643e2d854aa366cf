"""How sure study 1's comparisons are: intervals for the shares of Tabel 4-7, tests of
whether the locations differ, and, for a firm survey, intervals and tests for the scores.

Tabel 4-7 print counts of firms, which allow all of it. Tabel 3 prints each location's mean,
minimum and maximum of the firm scores but neither how many firms answered nor a standard
deviation, and Tabel 8 prints one score per location: no interval or test is possible there
without assuming what the source does not say (`UNTESTABLE`).
"""

import pandas as pd

from workbench.core.inference import (SMALL_SAMPLE, TestResult, describe_result, independence_test, mean_interval,
                                      no_test, rank_test, share_interval)
from workbench.core.i18n import N_, _, in_language, ngettext, source_term
from workbench.metal_clusters.codebook import ASPECTS, DISTRICT_LABELS, LINKAGES, MODES, PROBLEM_AREAS, RESPONSES

UNTESTABLE = {
    "Tabel 3": N_("Tabel 3 prints each location's mean, minimum and maximum, but neither how many firms "
               "answered each aspect nor a standard deviation: no interval of a mean and no test between "
               "locations is possible without inventing them (borrowing Tabel 4's counts would assume that "
               "every firm answered every aspect, which the source does not say)."),
    "Tabel 8": N_("Tabel 8 prints one score per location and problem area, with no count of firms and no "
                  "spread: no interval or test is possible."),
}


def why_untestable() -> str:
    """Why Tabel 3 and Tabel 8 allow no interval or test, one paragraph each."""
    return "\n\n".join(_(reason) for reason in UNTESTABLE.values())


def _label(district: str) -> str:
    return DISTRICT_LABELS.get(district, district)


def cooperation_intervals(cooperation: pd.DataFrame) -> pd.DataFrame:
    """Every share of Tabel 4-7 with its 95% Wilson interval: per district and linkage, the
    firms that cooperate of those that answered, and each mode of those that cooperate.
    `small_sample` flags a share whose base is fewer than SMALL_SAMPLE firms."""
    rows = []
    for (district, linkage_id), part in cooperation.groupby(["district", "linkage_id"], sort=False):
        firms = dict(zip(part["response_id"], part["firms"].astype(int)))
        answered = sum(firms.values())
        cooperating = answered - firms.get("not_cooperating", 0)
        first = part.iloc[0]
        measures = [("cooperating", cooperating, answered, _("firms that answered"))]
        if linkage_id != "supporting":
            measures += [(mode, firms.get(mode, 0), cooperating, _("cooperating firms")) for mode in MODES if mode in firms]
        for answer, count, base, base_name in measures:
            low, high = share_interval(count, base)
            rows.append({"district": district, "linkage_id": linkage_id, "linkage": first["linkage"],
                         "linkage_en": first["linkage_en"], "answer": answer, "firms": count, "of_firms": base,
                         "base": base_name, "share": 100 * count / base if base else float("nan"),
                         "share_low": low, "share_high": high, "small_sample": bool(base < SMALL_SAMPLE)})
    return pd.DataFrame(rows).astype({"share": "Float64", "share_low": "Float64", "share_high": "Float64"})


def _counts(cooperation: pd.DataFrame, linkage_id: str, question: str) -> pd.DataFrame:
    """district × answer counts of one linkage: cooperates or not, or the mode of the cooperating firms."""
    part = cooperation[cooperation["linkage_id"] == linkage_id]
    grid = part.pivot_table(index="district", columns="response_id", values="firms", aggfunc="sum",
                            sort=False).fillna(0).astype(int)
    if question == "cooperates":
        return pd.DataFrame({"cooperating": grid.sum(axis=1) - grid.get("not_cooperating", 0),
                             "not_cooperating": grid.get("not_cooperating", 0)})
    return grid[[mode for mode in MODES if mode in grid.columns]]


QUESTIONS = {"cooperates": N_("Does the share of firms that cooperate differ between the locations?"),
             "mode": N_("Among the cooperating firms, does the mode (passive, active, proactive) differ between the "
                        "locations?")}


def cooperation_tests(cooperation: pd.DataFrame) -> pd.DataFrame:
    """For each linkage of Tabel 4-7 (and each survey district alongside): a test of
    independence of location and answer, whether firms cooperate and, where the table asks
    it, how; with the test used and why, p, Cramér's V and the smallest base."""
    rows = []
    for linkage in LINKAGES.itertuples():
        for question in QUESTIONS:
            if question == "mode" and linkage.linkage_id == "supporting":
                continue
            counts = _counts(cooperation, linkage.linkage_id, question)
            bases = counts.sum(axis=1)
            result = independence_test(counts)
            rows.append({"linkage_id": linkage.linkage_id, "linkage": linkage.linkage, "linkage_en": linkage.linkage_en,
                         "question": question, "districts": ", ".join(map(_label, counts.index[bases > 0])),
                         **result.as_row(), "smallest_base": int(bases[bases > 0].min()) if (bases > 0).any() else 0})
    return pd.DataFrame(rows)


def _result(row) -> TestResult:
    return TestResult(row.test, row.statistic, row.dof, row.p_value, row.effect, row.effect_name, row.observations,
                      row.reason)


def cooperation_test_cells(tests: pd.DataFrame) -> pd.DataFrame:
    """`cooperation_tests` for reading: per linkage and question, the test and its result in
    words, whether the locations differ, the firms and why this test."""
    verdicts = {True: _("yes"), False: _("not at 95%"), None: _("cannot be tested")}
    questions = {"cooperates": _("Whether firms cooperate"), "mode": _("How the cooperating firms cooperate")}
    return pd.DataFrame({
        _("Linkage"): [source_term(a, e, " / {}") for a, e in zip(tests["linkage"], tests["linkage_en"])],
        _("Question"): tests["question"].map(questions),
        _("Locations differ?"): tests["differs"].map(verdicts),
        _("Test and result"): [describe_result(_result(row)) for row in tests.itertuples()],
        _("Firms"): tests["observations"],
        _("Why this test"): tests["reason"]})


def describe_cooperation_tests(tests: pd.DataFrame) -> str:
    """Which of the location differences of Tabel 4-7 are larger than chance would give."""
    sentences = []
    for row in tests.itertuples():
        what = (_("the share of firms that cooperate") if row.question == "cooperates"
                else _("how the cooperating firms cooperate"))
        result = _result(row)
        if row.differs is None:
            verdict = _("cannot be tested ({reason})").format(reason=row.reason)
        elif row.differs:
            verdict = _("differs between the locations by more than chance would give")
        else:
            verdict = _("does not differ between the locations by more than chance would give, at 95%")
        small = ("; " + ngettext("small sample: the smallest location counts {count} firm",
                                 "small sample: the smallest location counts {count} firms",
                                 row.smallest_base).format(count=row.smallest_base)
                 if 0 < row.smallest_base < SMALL_SAMPLE else "")
        linkage = in_language(row.linkage, f"{row.linkage_en} ({row.linkage})")
        sentences.append("- " + _("{linkage}: {what} {verdict} ({result}; {firms} firms{small}).").format(
            linkage=linkage, what=what, verdict=verdict, result=describe_result(result), firms=row.observations,
            small=small))
    return "\n".join(sentences)


def score_intervals(firms: pd.DataFrame) -> pd.DataFrame:
    """A firm survey's mean score per district on each aspect of Tabel 3 and each problem
    area of Tabel 8, with its 95% bootstrap interval (see core.inference.mean_interval)."""
    rows = []
    items = [("Tabel 3", r.aspect_id, r.aspect, r.aspect_en) for r in ASPECTS.itertuples()]
    items += [("Tabel 8", r.problem_area_id, r.problem_area, r.problem_area_en) for r in PROBLEM_AREAS.itertuples()]
    for district, part in firms.groupby("district", sort=False):
        for table, item_id, item, item_en in items:
            values = part[item_id].dropna().astype(float)
            low, high = mean_interval(values)
            rows.append({"district": district, "table": table, "item_id": item_id, "item": item, "item_en": item_en,
                         "firms": len(values), "mean": values.mean() if len(values) else float("nan"),
                         "mean_low": low, "mean_high": high, "small_sample": bool(len(values) < SMALL_SAMPLE)})
    return pd.DataFrame(rows).astype({"mean": "Float64", "mean_low": "Float64", "mean_high": "Float64"})


def score_tests(firms: pd.DataFrame) -> pd.DataFrame:
    """Per aspect of Tabel 3 and problem area of Tabel 8: do the surveyed districts' scores
    differ (Kruskal-Wallis)? The published districts print no firm scores and take no part."""
    rows = []
    items = [("Tabel 3", r.aspect_id, r.aspect_en) for r in ASPECTS.itertuples()]
    items += [("Tabel 8", r.problem_area_id, r.problem_area_en) for r in PROBLEM_AREAS.itertuples()]
    for table, item_id, item_en in items:
        groups = {district: part[item_id] for district, part in firms.groupby("district", sort=False)}
        result = rank_test(groups) if len(groups) > 1 else no_test(
            _("one surveyed district: the published districts print no firm scores to rank against"), sum(
                part.notna().sum() for part in groups.values()))
        rows.append({"table": table, "item_id": item_id, "item_en": item_en, **result.as_row()})
    return pd.DataFrame(rows)


def response_label(answer: str) -> str:
    """An answer of `cooperation_intervals` in both languages (Ada / cooperates, Pasif / ...)."""
    if answer == "cooperating":
        return source_term("Ada", "Cooperates", " / {}")
    row = RESPONSES.set_index("response_id").loc[answer]
    return source_term(row["response"], row["response_en"], " / {}")
