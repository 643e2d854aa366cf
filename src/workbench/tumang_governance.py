"""Study 3: collaborative governance of the Tumang copper and brass crafts cluster (seed 003).

A thesis abstract (Indonesian and English) judges DeSeve's (2007) eight indicators
of collaborative governance and Pyke's (1992) principles of small-industry
development as achieved quite well or not, and lists four problems and four
recommendations.

`load_study()` returns a `TumangStudy` whose tidy tables have these columns:

- `verdicts`: case, framework (deseve, pyke), number, item_id, item, verdict
  (achieved_quite_well, not_achieved_quite_well, not_named), basis, quote_id, quote_en.
- `problems`, `recommendations`: case, number, item_id, text_id, text_en, sentence_id, sentence_en.
- `problem_recommendations`, `recommendation_indicators`: the workbench's reading of
  which recommendation answers which problem and which indicators it touches.
- `audit`: table, cell, published, recomputed, agrees, note.
"""

import re
import textwrap
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
from matplotlib.patches import FancyArrowPatch

from workbench.core.audit import audit_entry, audit_table
from workbench.core.choices import resolve_choice
from workbench.core.datapackage import (DataValidationError, Problem, display_path, read_case_folder,
                                        read_resource)
from workbench.core.outputs import write_tables
from workbench.core.paths import PROCESSED_DIR
from workbench.core.plotting import HIGHLIGHT, footnote, new_figure

PUBLISHED_CASE = "Tumang"
CASE_ALIASES = {PUBLISHED_CASE: ["Tumang, Cepogo", "Cepogo", "Desa Cepogo"]}
FRAMEWORKS = pd.DataFrame(
    [("deseve", "DeSeve (2007): collaborative governance", "deseve_indicators", "indicator"),
     ("pyke", "Pyke (1992): small-industry development", "pyke_principles", "principle")],
    columns=["framework", "framework_label", "file", "item_column"])
FRAMEWORK_SIZE = 8
VERDICTS = {"achieved_quite_well": "achieved quite well (tercapai cukup baik)",
            "not_achieved_quite_well": "not achieved quite well",
            "not_named": "not named in the source"}
VERDICT_COLOURS = {"achieved_quite_well": "#74c476", "not_achieved_quite_well": "#fb6a4a", "not_named": "#d9d9d9",
                   "not_assessed": "#ffffff"}
FILES = ["deseve_indicators", "pyke_principles", "problems", "recommendations", "problem_recommendations",
         "recommendation_indicators"]
NEW_CASE_FILES = {"case.csv": "tumang_new_case",
                  **{f"{name}.csv": f"tumang_new_case_{name}" for name in FILES}}
REQUIRED_NEW_CASE_FILES = ["case.csv", "deseve_indicators.csv", "pyke_principles.csv"]


@dataclass
class TumangStudy:
    """The validated tables of seed 003 (and any new case) and what is derived from them."""

    tables: dict[str, pd.DataFrame]
    cases: list
    verdicts: pd.DataFrame
    audit: pd.DataFrame

    def __getattr__(self, name):
        if name in FILES:
            return self.tables[name]
        raise AttributeError(name)


def resolve_case(name: str, cases: list[str]) -> str:
    """One case by name; aliases and any case accepted; unknown names list the valid ones."""
    return resolve_choice(name, {case: CASE_ALIASES.get(case, []) for case in cases}, "case")


def mapping_problems(tables: dict[str, pd.DataFrame], where: str) -> list[Problem]:
    """Links that name a problem, recommendation or indicator the other files do not have."""
    problems = []
    known = {"problem_id": set(tables.get("problems", pd.DataFrame(columns=["item_id"]))["item_id"]),
             "recommendation_id": set(tables.get("recommendations", pd.DataFrame(columns=["item_id"]))["item_id"])}
    for name in ["problem_recommendations", "recommendation_indicators"]:
        for index, row in tables.get(name, pd.DataFrame()).iterrows():
            for column in ("problem_id", "recommendation_id"):
                if column in row and row[column] not in known[column]:
                    problems.append(Problem(f"{where}/{name}.csv", index + 2, column, row[column],
                                            f"expected an item_id of {column.split('_')[0]}s.csv: "
                                            f"{', '.join(sorted(known[column])) or '(none)'}"))
            if name == "recommendation_indicators":
                file = FRAMEWORKS.set_index("framework").at[row["framework"], "file"]
                ids = set(tables[file][f"{FRAMEWORKS.set_index('framework').at[row['framework'], 'item_column']}_id"]
                          .dropna())
                if row["indicator_id"] not in ids:
                    problems.append(Problem(f"{where}/{name}.csv", index + 2, "indicator_id", row["indicator_id"],
                                            f"expected an id of {file}.csv ({row['framework']}): {', '.join(sorted(ids))}"))
    return problems


def read_new_case(folder: str | Path) -> dict[str, pd.DataFrame]:
    """Read and validate a new case's files (see data/raw/templates/tumang_governance/README.md)."""
    folder = Path(folder).expanduser().resolve()
    tables = read_case_folder(
        folder, NEW_CASE_FILES, REQUIRED_NEW_CASE_FILES, "case.csv", "case",
        lambda found, path: mapping_problems({k.removesuffix(".csv"): v for k, v in found.items()}, display_path(path)))
    return {name.removesuffix(".csv"): table for name, table in tables.items() if name != "case.csv"} | \
        {"case": tables["case.csv"]}


def verdict_table(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Both frameworks' verdicts in one long table, one row per indicator or principle."""
    frames = []
    for framework in FRAMEWORKS.itertuples():
        table = tables[framework.file]
        frames.append(pd.DataFrame({
            "case": table["case"], "framework": framework.framework, "number": table["number"],
            "item_id": table[f"{framework.item_column}_id"].fillna(""),
            "item": table[framework.item_column].fillna("(not named)"), "verdict": table["verdict"],
            "basis": table["basis"], "quote_id": table["quote_id"], "quote_en": table["quote_en"]}))
    return pd.concat(frames, ignore_index=True)


def scorecard(verdicts: pd.DataFrame) -> pd.DataFrame:
    """Per case and framework: indicators achieved, not achieved, not named, not assessed
    (absent from the case's file), and the share achieved out of the framework's eight."""
    counts = pd.crosstab([verdicts["case"], verdicts["framework"]], verdicts["verdict"])
    counts = counts.reindex(columns=list(VERDICTS), fill_value=0)
    counts["not_assessed"] = FRAMEWORK_SIZE - counts.sum(axis=1)
    counts["total"] = FRAMEWORK_SIZE
    counts["share_achieved"] = (100 * counts["achieved_quite_well"] / FRAMEWORK_SIZE).round(1)
    counts.columns.name = None
    return counts.reset_index()


def reproduction_audit(study_tables: dict[str, pd.DataFrame], verdicts: pd.DataFrame) -> pd.DataFrame:
    """The abstract's counts ('6 dari 8', '5 dari 8') recomputed from the verdicts, and the
    printed list of Pyke's principles counted at its commas."""
    published = verdicts[verdicts["case"] == PUBLISHED_CASE]
    if published.empty:
        return audit_table([])
    card = scorecard(published).set_index("framework")
    entries = []
    for framework, achieved, phrase in [("deseve", 6, "6 dari 8 indikator variabel collaborative governance"),
                                        ("pyke", 5, "5 dari 8 indikator variabel pengembangan industri kecil")]:
        entries += [
            audit_entry("Abstract", f"'{phrase}': achieved", achieved, card.at[framework, "achieved_quite_well"], 0,
                        f"rows of {framework} with verdict achieved_quite_well"),
            audit_entry("Abstract", f"'{phrase}': of", FRAMEWORK_SIZE,
                        card.at[framework, "total"] - card.at[framework, "not_assessed"], 0,
                        f"rows of {framework}, named or not")]
    quote = study_tables["pyke_principles"]["quote_en"].iloc[0]
    listed = re.search(r"\(([^)]*)\)", quote).group(1)
    entries.append(audit_entry(
        "Abstract", "Pyke's principles named in the printed list, counted at its commas", 5,
        len([item for item in listed.split(",") if item.strip()]), 0,
        "the list prints 'the role of cooperation strong collective institutions' without a comma; "
        "the workbench reads two principles there, following the count 5"))
    return audit_table(entries)


def load_study(data_dir: str | Path = "", new_case_dir: str | Path = "") -> TumangStudy:
    """Validate the raw tables ("" = the project's data/raw), add a new case's files if given,
    and derive the verdicts and the audit."""
    tables = {name: read_resource(f"tumang_{name}", data_dir) for name in FILES}
    problems = mapping_problems(tables, "data/raw/tumang_governance")
    if problems:
        raise DataValidationError(problems)
    cases = [PUBLISHED_CASE]
    if str(new_case_dir):
        new = read_new_case(new_case_dir)
        cases.append(new.pop("case").at[0, "case"])
        tables = {name: pd.concat([tables[name], new[name]], ignore_index=True) if name in new else tables[name]
                  for name in FILES}
    verdicts = verdict_table(tables)
    return TumangStudy(tables, cases, verdicts, reproduction_audit(tables, verdicts))


def processed_tables(study: TumangStudy) -> dict[str, pd.DataFrame]:
    """The tidy tables that data/processed/tumang_governance/ holds."""
    return {"verdicts": study.verdicts, "scorecard": scorecard(study.verdicts),
            "problem_map": problem_map(study, PUBLISHED_CASE), "audit": study.audit}


def write_processed(data_dir: str | Path = "", folder: Path = PROCESSED_DIR / "tumang_governance") -> list[Path]:
    """Derive the tidy tables from the raw data and write them to data/processed/tumang_governance/."""
    return write_tables(processed_tables(load_study(data_dir)), folder)


def problem_map(study: TumangStudy, case: str) -> pd.DataFrame:
    """Problems -> recommendations -> indicators for a case (the workbench's reading),
    with each indicator's verdict."""
    problems = study.problems[study.problems["case"] == case][["item_id", "text_en"]]
    recommendations = study.recommendations[study.recommendations["case"] == case][["item_id", "text_en"]]
    links = study.problem_recommendations[study.problem_recommendations["case"] == case]
    touches = study.recommendation_indicators[study.recommendation_indicators["case"] == case]
    verdicts = study.verdicts[study.verdicts["case"] == case][["framework", "item_id", "item", "verdict"]]
    frame = (links.merge(problems.rename(columns={"item_id": "problem_id", "text_en": "problem"}), on="problem_id")
             .merge(recommendations.rename(columns={"item_id": "recommendation_id", "text_en": "recommendation"}),
                    on="recommendation_id")
             .merge(touches[["recommendation_id", "framework", "indicator_id"]], on="recommendation_id", how="left")
             .merge(verdicts.rename(columns={"item_id": "indicator_id", "item": "indicator"}),
                    on=["framework", "indicator_id"], how="left"))
    return frame[["problem", "recommendation", "framework", "indicator", "verdict"]]


def plot_scorecards(verdicts: pd.DataFrame, case: str):
    """Both frameworks at a glance: every indicator coloured by its verdict, with the share achieved."""
    part = verdicts[verdicts["case"] == case]
    card = scorecard(part).set_index("framework")
    figure, ax = new_figure(10, 4.6)
    ax.set_axis_off()
    ax.set_xlim(0, 2)
    ax.set_ylim(FRAMEWORK_SIZE + 1.1, -0.2)
    for column, framework in enumerate(FRAMEWORKS.itertuples()):
        rows = part[part["framework"] == framework.framework].sort_values("number")
        ax.text(column + 0.5, 0.1, f"{framework.framework_label}\n{card.at[framework.framework, 'achieved_quite_well']} "
                f"of {card.at[framework.framework, 'total']} achieved quite well "
                f"({card.at[framework.framework, 'share_achieved']:g}%)", ha="center", va="center",
                fontsize=9, fontweight="bold")
        assessed = {row.number: row for row in rows.itertuples()}
        for number in range(1, FRAMEWORK_SIZE + 1):
            row = assessed.get(number)
            label, verdict = (row.item, row.verdict) if row else ("(not assessed)", "not_assessed")
            ax.text(column + 0.5, number + 0.4, f"{number}. {label}", ha="center", va="center", fontsize=8.5,
                    bbox={"boxstyle": "round,pad=0.35", "facecolor": VERDICT_COLOURS[verdict], "edgecolor": "#dddddd"})
    for k, (verdict, label) in enumerate(VERDICTS.items()):
        ax.text(0.35 + 0.65 * k, FRAMEWORK_SIZE + 0.95, label, ha="center", va="center", fontsize=8,
                bbox={"boxstyle": "round,pad=0.3", "facecolor": VERDICT_COLOURS[verdict], "edgecolor": "white"})
    ax.set_title(f"Scorecards, {case}: DeSeve's indicators and Pyke's principles")
    return figure


def plot_problem_map(study: TumangStudy, case: str):
    """Problems -> recommendations -> indicators as three linked columns (the workbench's reading)."""
    frame = problem_map(study, case)
    columns = {"problem": 0.14, "recommendation": 0.5, "indicator": 0.86}
    titles = {"problem": "Problems (abstract)", "recommendation": "Recommendations (abstract)",
              "indicator": "Indicators touched"}
    labels = {"problem": list(dict.fromkeys(frame["problem"])),
              "recommendation": list(dict.fromkeys(frame["recommendation"])),
              "indicator": sorted(set(frame["indicator"].dropna()))}
    height = max(len(v) for v in labels.values())
    figure, ax = new_figure(11, 1.2 + 0.75 * height)
    ax.set_axis_off()
    ax.set_xlim(0, 1)
    ax.set_ylim(0, height + 0.5)
    verdict_of = dict(zip(frame["indicator"], frame["verdict"]))
    boxes = {}
    for kind, items in labels.items():
        ax.text(columns[kind], height + 0.3, titles[kind], ha="center", fontsize=9, fontweight="bold")
        for k, label in enumerate(items):
            colour = VERDICT_COLOURS.get(verdict_of.get(label), "#eeeeee") if kind == "indicator" else "#ffffff"
            boxes[(kind, label)] = ax.text(
                columns[kind], height - (k + 0.5) * height / len(items), textwrap.fill(label, 30),
                ha="center", va="center", fontsize=8,
                bbox={"boxstyle": "round,pad=0.35", "facecolor": colour,
                      "edgecolor": HIGHLIGHT if kind == "problem" else "#888888"})
    figure.draw_without_rendering()
    to_data = ax.transData.inverted()
    extent = {key: text.get_bbox_patch().get_window_extent().transformed(to_data) for key, text in boxes.items()}
    links = sorted({(("problem", p), ("recommendation", r)) for p, r in zip(frame["problem"], frame["recommendation"])}
                   | {(("recommendation", r), ("indicator", i))
                      for r, i in zip(frame["recommendation"], frame["indicator"]) if isinstance(i, str)})
    for start, end in links:
        ax.add_patch(FancyArrowPatch((extent[start].x1, boxes[start].get_position()[1]),
                                     (extent[end].x0, boxes[end].get_position()[1]),
                                     arrowstyle="-|>", mutation_scale=9, color="#888888", linewidth=0.8))
    ax.set_title(f"{case}: which recommendation answers which problem, and the indicators it touches")
    footnote(figure, "The links are the workbench's reading of the abstract, not the author's "
             "(data/raw/tumang_governance/problem_recommendations.csv, recommendation_indicators.csv). "
             "Indicators coloured by verdict.")
    return figure
