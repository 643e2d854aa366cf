"""Study 2's tables as the notebook shows them."""

import pandas as pd

from workbench.core.i18n import _, in_language
from workbench.led_synergism.codebook import PUBLISHED_AREAS, STATUS_WORDS, level_words


def profile_table(profiles: pd.DataFrame) -> pd.DataFrame:
    """The area profiles side by side, as printed."""
    grid = profiles.pivot(index=["attribute", "label"], columns="area", values="printed")
    return grid[[a for a in PUBLISHED_AREAS if a in grid.columns]].reset_index().fillna("—")


def activity_counts(activities: pd.DataFrame) -> pd.DataFrame:
    """Activities per component group and area (Tabel 4.1, counted)."""
    counts = activities.groupby(["component_group_id", "area"], sort=False).size().rename("activities")
    return counts.reset_index()


def findings_side_by_side(findings: pd.DataFrame, coded: pd.DataFrame) -> pd.DataFrame:
    """Tabel 4.2 with each area's finding and its coded level side by side, in the printed
    order of its rows."""
    merged = findings.merge(coded[["area", "dimension_id", "sub_item_id", "level"]],
                            on=["area", "dimension_id", "sub_item_id"], how="left")
    merged["cell"] = merged["finding"] + merged["level"].map(lambda v: f"  [{level_words(v)}]" if isinstance(v, str) else "")
    merged["sub_item"] = merged["sub_item"].fillna("")
    rows = ["number", "dimension", "sub_item", "sub_item_id"]
    grid = merged.pivot(index=rows, columns="area", values="cell")
    printed_order = pd.MultiIndex.from_frame(merged[rows].drop_duplicates())
    return grid.reindex(index=printed_order, columns=merged["area"].unique()).reset_index()


def headline(study) -> str:
    """The study's finding in one line: each area's category of collaboration (Tabel 2.1 classifier
    on the coding of Tabel 4.2) beside the paper's."""
    names = dict(zip(study.categories["category_id"], study.categories["category"]))
    parts = []
    for row in study.classification.itertuples():
        category = in_language(names.get(row.category_id, ""), row.category_en) or _(STATUS_WORDS.get(row.status, row.status))
        paper = in_language(names.get(row.published_category_id, ""), row.published_category_id) or _("none")
        same = row.category_id == row.published_category_id
        parts.append(f"{row.area}: {category} " + (_("(as the paper)") if same else _("(the paper: {category})").format(
            category=paper)))
    return _("Category of collaboration — {parts}.").format(parts="; ".join(parts))
