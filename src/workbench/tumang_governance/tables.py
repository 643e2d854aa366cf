"""Study 3's derived tables: verdicts, scorecards and the problem map."""

import pandas as pd

from workbench.core.escape import markdown_text
from workbench.core.i18n import _, language
from workbench.core.tables import Column
from workbench.tumang_governance import STUDY
from workbench.tumang_governance.codebook import FRAMEWORK_ITEMS, FRAMEWORKS, PUBLISHED_CASE, VERDICT_MARKS, VERDICTS


def verdict_table(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Both frameworks' verdicts in one long table, one row per indicator or principle, with
    the workbench's definition of each DeSeve indicator (Pyke's principles have none)."""
    frames = []
    for framework in FRAMEWORKS.itertuples():
        table = tables[framework.file]
        frames.append(pd.DataFrame({
            "case": table["case"], "framework": framework.framework, "number": table["number"],
            "item_id": table[f"{framework.item_column}_id"].fillna(""),
            "item": table[framework.item_column].fillna(_("(not named)")), "verdict": table["verdict"],
            "definition": table["definition"] if "definition" in table else pd.NA,
            "basis": table["basis"], "quote_id": table["quote_id"], "quote_en": table["quote_en"]}))
    return pd.concat(frames, ignore_index=True)


def scorecard(verdicts: pd.DataFrame) -> pd.DataFrame:
    """Per case and framework: indicators achieved, not achieved, not named, not assessed
    (absent from the case's file), and the share achieved out of the framework's size (its
    highest item number: the published files number all eight of each framework)."""
    counts = pd.crosstab([verdicts["case"], verdicts["framework"]], verdicts["verdict"])
    counts = counts.reindex(columns=list(VERDICTS), fill_value=0)
    sizes = verdicts.groupby("framework")["number"].max().astype(int)
    size = counts.index.get_level_values("framework").map(sizes).to_numpy()
    counts["not_assessed"] = size - counts.sum(axis=1)
    counts["total"] = size
    counts["share_achieved"] = (100 * counts["achieved_quite_well"] / size).round(1)
    counts.columns.name = None
    return counts.reset_index()


def problem_map(study, case: str) -> pd.DataFrame:
    """Problems -> recommendations -> indicators for a case, each link with the workbench's
    reading of it (why the recommendation answers the problem, how it touches the indicator),
    and each indicator's verdict. `case` is resolved as the `case` parameter is (aliases
    such as "Cepogo" accepted, an unknown name refused)."""
    case = STUDY.one_case(case, study.cases)
    text = f"text_{language()}"   # the abstract gives both: the reader's language
    problems = study.problems[study.problems["case"] == case][["item_id", text]]
    recommendations = study.recommendations[study.recommendations["case"] == case][["item_id", text]]
    links = study.problem_recommendations[study.problem_recommendations["case"] == case]
    touches = study.recommendation_indicators[study.recommendation_indicators["case"] == case]
    verdicts = study.verdicts[study.verdicts["case"] == case][["framework", "item_id", "item", "verdict"]]
    frame = (links.merge(problems.rename(columns={"item_id": "problem_id", text: "problem"}), on="problem_id")
             .merge(recommendations.rename(columns={"item_id": "recommendation_id", text: "recommendation"}),
                    on="recommendation_id")
             .merge(touches[["recommendation_id", "framework", "indicator_id", "reading"]]
                    .rename(columns={"reading": "indicator_reading"}), on="recommendation_id", how="left")
             .merge(verdicts.rename(columns={"item_id": "indicator_id", "item": "indicator"}),
                    on=["framework", "indicator_id"], how="left"))
    return frame[["problem", "recommendation", "reading", "framework", "indicator", "indicator_reading", "verdict"]]


def verdict_summary(verdicts: pd.DataFrame, framework: str, case: str) -> str:
    """A sentence counting one case's verdicts on one framework, naming what is not achieved."""
    case = STUDY.one_case(case, verdicts["case"])
    card = scorecard(verdicts).set_index(["case", "framework"]).loc[(case, framework)].astype(int)
    rows = verdicts[(verdicts["case"] == case) & (verdicts["framework"] == framework)]
    missed = rows.loc[rows["verdict"] == "not_achieved_quite_well", "item"].tolist()
    parts = [_("**{case}**: {achieved} of {total} achieved quite well").format(
        case=markdown_text(case), achieved=card["achieved_quite_well"], total=card["total"])]
    if missed:
        parts.append(_("not achieved quite well: {items}").format(items=", ".join(map(markdown_text, missed))))
    if card["not_named"]:
        parts.append(_("{count} not named in the source").format(count=card["not_named"]))
    if card["not_assessed"]:
        parts.append(_("{count} not assessed").format(count=card["not_assessed"]))
    return "; ".join(parts) + "."


def problem_maps(study, cases: list[str]) -> pd.DataFrame:
    """The problem maps of several cases in one table, with a case column."""
    return pd.concat([problem_map(study, case).assign(case=case) for case in cases], ignore_index=True)[
        ["case", "problem", "recommendation", "reading", "framework", "indicator", "indicator_reading", "verdict"]]


def scorecard_columns() -> dict:
    """How the scorecard shows each framework: by its label, in the reader's language."""
    return {"framework": Column(labels=dict(zip(FRAMEWORKS["framework"], FRAMEWORKS["framework_label"])))}


def verdict_column() -> Column:
    """How a verdict is shown: its mark and its words."""
    return Column(label=_("Verdict"), labels={code: f"{VERDICT_MARKS[code]} {_(words)}" for code, words in VERDICTS.items()})


def quoted_basis(verdicts: pd.DataFrame) -> str:
    """The sentences of the abstract that the verdicts rest on, each once, as Markdown quotes
    (Indonesian as published, then the abstract's English)."""
    quotes = verdicts.drop_duplicates("quote_id")
    return "\n\n".join(f"> {markdown_text(row.quote_id)}\n>\n> *{markdown_text(row.quote_en)}*"
                       for row in quotes.itertuples() if isinstance(row.quote_id, str) and row.quote_id)


def headline(study) -> str:
    """The study's finding in one line: the published case's verdicts on both frameworks."""
    return " ".join(verdict_summary(study.verdicts, framework, PUBLISHED_CASE).replace(
        f"**{markdown_text(PUBLISHED_CASE)}**: ", f"{_(label)}: ") for framework, label in FRAMEWORK_ITEMS.items())
