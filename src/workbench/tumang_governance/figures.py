"""Study 3's figures: the scorecards and the problem map."""

import textwrap

import pandas as pd

from workbench.core import diagrams
from workbench.core.escape import plain_text
from workbench.core.i18n import _, percent
from workbench.core.plotting import HIGHLIGHT, drawn_by, figure_for, footnote
from workbench.tumang_governance import STUDY
from workbench.tumang_governance.codebook import FRAMEWORK_ITEMS, FRAMEWORKS, VERDICT_COLOURS, VERDICT_MARKS, VERDICTS
from workbench.tumang_governance.tables import problem_map, scorecard, verdict_summary


@drawn_by
def plot_scorecards(verdicts: pd.DataFrame, case: str, ax=None):
    """Both frameworks at a glance: every indicator coloured by its verdict, with the share achieved."""
    case = STUDY.one_case(case, verdicts["case"])
    part = verdicts[verdicts["case"] == case]
    card = scorecard(verdicts).query("case == @case").set_index("framework")
    size = int(card["total"].max())
    figure, ax = figure_for(ax, 10, 4.6)
    diagrams.diagram_axes(ax, (0, 2), (size + 1.1, -0.2))
    for column, framework in enumerate(FRAMEWORKS.itertuples()):
        rows = part[part["framework"] == framework.framework].sort_values("number")
        share = card.at[framework.framework, "share_achieved"]
        ax.text(column + 0.5, 0.1, _("{framework}\n{achieved} of {total} achieved quite well ({share})").format(
                    framework=_(framework.framework_label), achieved=card.at[framework.framework, "achieved_quite_well"],
                    total=card.at[framework.framework, "total"], share=percent(share, 0 if float(share).is_integer() else 1)),
                ha="center", va="center", fontsize=9, fontweight="bold")
        assessed = {row.number: row for row in rows.itertuples()}
        for number in range(1, size + 1):
            row = assessed.get(number)
            label, verdict = (row.item, row.verdict) if row else (_("(not assessed)"), "not_assessed")
            diagrams.box(ax, column + 0.5, number + 0.4, f"{VERDICT_MARKS[verdict]} {number}. {label}", pad=0.35,
                         fontsize=8.5,
                         facecolor=VERDICT_COLOURS[verdict], edgecolor="#dddddd")
    for k, (verdict, label) in enumerate(VERDICTS.items()):
        diagrams.box(ax, 0.35 + 0.65 * k, size + 0.95, f"{VERDICT_MARKS[verdict]} {_(label)}",
                     facecolor=VERDICT_COLOURS[verdict], edgecolor="white")
    ax.set_title(_("Scorecards, {case}: DeSeve's indicators and Pyke's principles").format(case=case))
    return ax


@drawn_by
def plot_problem_map(study, case: str, ax=None):
    """Problems -> recommendations -> indicators as three linked columns (the workbench's reading)."""
    case = STUDY.one_case(case, study.cases)
    frame = problem_map(study, case)
    columns = {"problem": 0.14, "recommendation": 0.5, "indicator": 0.86}
    titles = {"problem": _("Problems (abstract)"), "recommendation": _("Recommendations (abstract)"),
              "indicator": _("Indicators touched")}
    labels = {"problem": list(dict.fromkeys(frame["problem"])),
              "recommendation": list(dict.fromkeys(frame["recommendation"])),
              "indicator": sorted(set(frame["indicator"].dropna()))}
    height = max(len(v) for v in labels.values())
    figure, ax = figure_for(ax, 11, 1.2 + 0.75 * height)
    diagrams.diagram_axes(ax, (0, 1), (0, height + 0.5))
    verdict_of = dict(zip(frame["indicator"], frame["verdict"]))
    boxes = {}
    for kind, items in labels.items():
        ax.text(columns[kind], height + 0.3, titles[kind], ha="center", fontsize=9, fontweight="bold")
        for k, label in enumerate(items):
            colour = VERDICT_COLOURS.get(verdict_of.get(label), diagrams.BOX_FACE) if kind == "indicator" else "#ffffff"
            mark = f"{VERDICT_MARKS[verdict_of[label]]} " if kind == "indicator" and verdict_of.get(label) in VERDICT_MARKS \
                else ""
            boxes[(kind, label)] = diagrams.box(
                ax, columns[kind], height - (k + 0.5) * height / len(items), mark + textwrap.fill(label, 30), pad=0.35,
                facecolor=colour, edgecolor=HIGHLIGHT if kind == "problem" else diagrams.BOX_EDGE)
    anchors = diagrams.side_anchors(ax, boxes)
    links = sorted({(("problem", p), ("recommendation", r)) for p, r in zip(frame["problem"], frame["recommendation"])}
                   | {(("recommendation", r), ("indicator", i))
                      for r, i in zip(frame["recommendation"], frame["indicator"]) if isinstance(i, str)})
    for start, end in links:
        diagrams.arrow(ax, anchors[start][1], anchors[end][0], color=diagrams.BOX_EDGE, mutation_scale=9,
                       linewidth=0.8)
    ax.set_title(_("{case}: which recommendation answers which problem, and the indicators it touches").format(case=case))
    footnote(figure, _("The links are the workbench's reading of the abstract, not the author's "
                       "(data/raw/tumang_governance/problem_recommendations.csv, recommendation_indicators.csv).\n"
                       "Indicators coloured and marked by verdict: ✓ achieved quite well, ✗ not achieved quite well."))
    return ax


def scorecards_alt(verdicts: pd.DataFrame, case: str) -> str:
    """Alt text of `plot_scorecards`: what it draws and the counts of verdicts."""
    summaries = [f"{_(label)} — {plain_text(verdict_summary(verdicts, framework, case))}"
                 for framework, label in FRAMEWORK_ITEMS.items()]
    return _("Two scorecards, each item marked by its verdict.") + " " + " ".join(summaries)


def problem_map_alt(study, case: str) -> str:
    """Alt text of `plot_problem_map`: what it draws and how many links it has."""
    links = problem_map(study, case)
    return _("Diagram linking the problems the abstract names for {case} to the recommendations that answer them "
             "and the indicators they touch: {problems} problems, {recommendations} recommendations, {links} links "
             "(the workbench's reading).").format(case=STUDY.one_case(case, study.cases),
                                                   problems=links["problem"].nunique(),
                                                   recommendations=links["recommendation"].nunique(), links=len(links))
