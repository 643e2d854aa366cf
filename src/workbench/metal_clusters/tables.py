"""Study 1's tables and sentences as the notebook shows them (computed, so they follow the data)."""

import pandas as pd

from workbench.core.datapackage import DataPackage
from workbench.core.escape import markdown_text
from workbench.metal_clusters import STUDY
from workbench.metal_clusters.data import MetalClusterStudy
from workbench.metal_clusters.codebook import ASPECTS, DISTRICT_LABELS, LINKAGES, MODES, RESPONSES
from workbench.core.inference import SMALL_SAMPLE, share_interval
from workbench.metal_clusters.inference import cooperation_tests


def _grid(frame: pd.DataFrame, values: str) -> pd.DataFrame:
    """district x column, both in the order they first appear."""
    grid = frame.pivot(index="district", columns="column", values=values)
    grid = grid[list(dict.fromkeys(frame["column"]))].loc[list(dict.fromkeys(frame["district"]))]
    grid.columns.name = None
    return grid


def _score(value) -> str:
    return "?" if pd.isna(value) else f"{value:.3g}"


def dynamics_table(dynamics: pd.DataFrame) -> pd.DataFrame:
    """Table 3 as one row per district: each aspect's mean, minimum and maximum, the firms
    that answered (known for a survey only) and the sum of the means (the paper's Jumlah),
    recomputed. Numbers as computed; `dynamics_cells` lays them out for reading."""
    rows = []
    for district, part in dynamics.groupby("district", sort=False):
        row = {"district": district}
        for aspect in part.itertuples():
            row.update({f"{aspect.aspect_id}_mean": aspect.mean, f"{aspect.aspect_id}_minimum": aspect.minimum,
                        f"{aspect.aspect_id}_maximum": aspect.maximum, f"{aspect.aspect_id}_answered": aspect.answered})
        row["sum_of_means"] = part["mean"].sum(min_count=len(ASPECTS)) if part["mean"].notna().all() else pd.NA
        rows.append(row)
    table = pd.DataFrame(rows)
    return table.astype({column: "Int64" if column.endswith("_answered") else "Float64"
                         for column in table.columns if column != "district"})


def dynamics_cells(table: pd.DataFrame) -> pd.DataFrame:
    """`dynamics_table` as the paper prints Tabel 3: a district × aspect grid of
    'mean (min-max)', with n where it is known, and the sum of the means."""
    def cell(row, aspect: str) -> str:
        answered = row[f"{aspect}_answered"]
        n = "" if pd.isna(answered) else f", n={int(answered)}"
        return f"{_score(row[f'{aspect}_mean'])} ({_score(row[f'{aspect}_minimum'])}-{_score(row[f'{aspect}_maximum'])}{n})"
    shown = pd.DataFrame({"district": table["district"]})
    for aspect in ASPECTS.itertuples():
        shown[f"{aspect.aspect} / {aspect.aspect_en}"] = [cell(row, aspect.aspect_id) for _, row in table.iterrows()]
    shown["Jumlah / Sum of the means (recomputed)"] = table["sum_of_means"].map(_score)
    return shown


def cooperation_table(cooperation: pd.DataFrame, linkage_id: str) -> pd.DataFrame:
    """One linkage as the paper prints it (Tabel 4-7), one row per district: the firms that
    cooperate (Ada) and do not (Tidak ada), as counts and % of the firms that answered; the
    modes (Pasif, Aktif, Proaktif) as counts and % of the cooperating firms; each share with
    its 95% Wilson interval; and the firms that answered. `cooperation_cells` lays it out."""
    part = cooperation[cooperation["linkage_id"] == linkage_id]
    rows = []
    for district, own in part.groupby("district", sort=False):
        firms = dict(zip(own["response_id"], own["firms"].astype(int)))
        answered = sum(firms.values())
        cooperating = answered - firms.get("not_cooperating", 0)
        row = {"district": district}
        answers = ["cooperating", "not_cooperating", *[m for m in MODES if m in set(part["response_id"])]]
        if linkage_id != "supporting" and "cooperating_mode_not_asked" in set(part["response_id"]):
            answers.append("cooperating_mode_not_asked")
        for answer in answers:
            if answer == "not_cooperating":   # Tidak ada's interval is the complement of Ada's
                count, base = firms.get(answer, 0), answered
                high, low = (100 - bound for bound in share_interval(cooperating, answered))
            else:
                count = cooperating if answer == "cooperating" else firms.get(answer, 0)
                base = answered if answer == "cooperating" else cooperating
                low, high = share_interval(count, base)
            share = 100 * count / base if base else float("nan")
            row.update({answer: int(count), f"{answer}_pct": share, f"{answer}_low": low, f"{answer}_high": high})
        row["answered"] = answered
        rows.append(row)
    return pd.DataFrame(rows)


COOPERATION_HEADERS = {"cooperating": "Ada / Cooperates", "not_cooperating": "Tidak ada / Does not cooperate",
                       "cooperating_mode_not_asked": "Ada, mode not stated"}


def cooperation_cells(table: pd.DataFrame) -> pd.DataFrame:
    """`cooperation_table` for reading: each cell 'firms (share%, interval)' (see
    COOPERATION_CELLS_NOTE), the modes as % of Ada, the firms that answered (Jumlah), and
    which bases are small."""
    def cell(count, share, low, high) -> str:
        if pd.isna(share):
            return f"{count}"
        interval = "" if pd.isna(low) else f", {low:.1f}–{high:.1f}"
        return f"{count} ({share:.1f}%{interval})"
    shown = pd.DataFrame({"district": table["district"]})
    responses = RESPONSES.set_index("response_id")
    for answer in [c for c in table.columns if f"{c}_pct" in table.columns]:
        header = COOPERATION_HEADERS.get(answer) or f"{responses.at[answer, 'response']} / {responses.at[answer, 'response_en']}"
        if answer not in ("cooperating", "not_cooperating"):
            header += " (% of Ada)"
        shown[header] = [cell(r[answer], r[f"{answer}_pct"], r[f"{answer}_low"], r[f"{answer}_high"])
                         for _, r in table.iterrows()]
    shown["Jumlah / Firms that answered"] = table["answered"]
    modes = any(mode in table.columns for mode in MODES)
    small = [small_sample(row["answered"], row["cooperating"] if modes else None) for _, row in table.iterrows()]
    shown["district"] = [f"{district} {SMALL_MARK}" if flag else district for district, flag in zip(table["district"], small)]
    return shown


SMALL_MARK = "†"
COOPERATION_CELLS_NOTE = ("Each cell: firms (share, 95% Wilson interval of the share). Ada and Tidak ada are shares of "
                          "the firms that answered; the modes are shares of the firms that cooperate (Ada). "
                          f"{SMALL_MARK}: fewer than {SMALL_SAMPLE} firms answered, or cooperate, in this district: "
                          "its intervals are wide.")


def small_sample(answered: int, cooperating: int | None = None) -> bool:
    """Whether a base is of fewer than SMALL_SAMPLE firms (those that answered, or those that
    cooperate where the modes are shares of them): its intervals are wide."""
    return answered < SMALL_SAMPLE or (cooperating is not None and cooperating < SMALL_SAMPLE)


def problem_solving_table(scores: pd.DataFrame) -> pd.DataFrame:
    """Table 8 as district × problem area, with the recomputed mean of the districts."""
    frame = scores.assign(column=scores["problem_area"] + " / " + scores["problem_area_en"])
    grid = _grid(frame, "score").astype(float).round(2)
    grid.loc["mean of the districts shown (recomputed)"] = grid.mean().round(2)
    return grid.reset_index()


def district_profile(study: MetalClusterStudy, district: str) -> pd.DataFrame:
    """The district's score on every aspect and problem area beside the other districts' mean."""
    district = STUDY.one_case(district, study.cases)
    frames = []
    for table, label, value in [(study.dynamics, "cluster dynamics (Tabel 3, mean)", "mean"),
                                (study.problem_solving, "problem solving (Tabel 8)", "score")]:
        key, name, name_en = table.columns[2:5]
        own = table[table["district"] == district].set_index(key)
        others = table[table["district"] != district].groupby(key, sort=False)[value].mean()
        frames.append(pd.DataFrame({
            "measure": label, "item": own[name] + " / " + own[name_en], district: own[value],
            "others' mean": others.reindex(own.index).round(2),
            "difference": (own[value] - others.reindex(own.index)).round(2)}))
    return pd.concat(frames, ignore_index=True)


def _extremes(frame: pd.DataFrame, value: str, label: str) -> tuple[list[str], list[str]]:
    ranked = frame.dropna(subset=[value])
    top = ranked[ranked[value] == ranked[value].max()][label].tolist()
    bottom = ranked[ranked[value] == ranked[value].min()][label].tolist()
    return top, bottom


def strongest_and_weakest(study: MetalClusterStudy, district: str) -> str:
    """A sentence naming the district's strongest and weakest aspects (ties listed together)."""
    district = STUDY.one_case(district, study.cases)
    dynamics = study.dynamics[study.dynamics["district"] == district]
    dynamics = dynamics.assign(label=dynamics["aspect"] + " (" + dynamics["aspect_en"].str.lower() + ")")
    scores = study.problem_solving[study.problem_solving["district"] == district]
    scores = scores.assign(label=scores["problem_area"] + " (" + scores["problem_area_en"].str.lower() + ")")
    name = DISTRICT_LABELS.get(district, district)
    return (f"**{markdown_text(name)}** — cluster dynamics (Tabel 3 means): {_ranking(dynamics, 'mean', 'strongest', 'weakest')}. "
            f"Problem solving (Tabel 8 scores): {_ranking(scores, 'score', 'most collective', 'least')}.")


def _ranking(frame: pd.DataFrame, value: str, top_word: str, bottom_word: str) -> str:
    top, bottom = _extremes(frame, value, "label")
    high, low = frame[value].max(), frame[value].min()
    if pd.isna(high):
        return "no firm answered any of them"
    if high == low:
        return f"all {len(top)} equal at {high:.3g}"
    return f"{top_word}: {', '.join(top)} ({high:.3g}); {bottom_word}: {', '.join(bottom)} ({low:.3g})"


def _names(frame: pd.DataFrame, column: str) -> str:
    return ", ".join(markdown_text(DISTRICT_LABELS.get(d, d) if column == "district" else d)
                     for d in dict.fromkeys(frame[column]))


def describe_dynamics(dynamics: pd.DataFrame) -> str:
    """Which district scores highest and lowest on which aspects (Table 3 means)."""
    parts = []
    for aspect in dynamics.drop_duplicates("aspect_id").itertuples():
        rows = dynamics[dynamics["aspect_id"] == aspect.aspect_id]
        top = rows[rows["mean"] == rows["mean"].max()]
        if len(top) < len(rows):
            parts.append(f"{aspect.aspect} ({aspect.aspect_en.lower()}): {_names(top, 'district')} "
                         f"highest at {rows['mean'].max():.3g}")
        else:
            parts.append(f"{aspect.aspect} ({aspect.aspect_en.lower()}): all at {rows['mean'].max():.3g}")
    return "Highest mean per aspect — " + "; ".join(parts) + "."


def describe_cooperation(cooperation: pd.DataFrame) -> str:
    """Per linkage, the share of all answering firms that cooperate (recomputed from the counts)."""
    parts = []
    for linkage_id, rows in cooperation.groupby("linkage_id", sort=False):
        cooperating = rows.loc[rows["response_id"] != "not_cooperating", "firms"].sum()
        share = 100 * cooperating / rows["firms"].sum()
        parts.append(f"{rows['linkage_en'].iloc[0].lower()}: {cooperating} of {rows['firms'].sum()} "
                     f"firms ({share:.1f}%)")
    return "Firms that cooperate, all districts together — " + "; ".join(parts) + "."


def describe_problem_solving(scores: pd.DataFrame) -> str:
    """The problem areas with the highest and lowest mean score across districts."""
    means = scores.groupby(["problem_area", "problem_area_en"], sort=False)["score"].mean().reset_index()
    top = means[means["score"] == means["score"].max()]
    low = means[means["score"] == means["score"].min()]
    def label(frame: pd.DataFrame) -> str:
        return ", ".join(frame["problem_area"] + " (" + frame["problem_area_en"].str.lower() + ")")
    return (f"Most collective solutions: {label(top)} (mean {means['score'].max():.2f}); "
            f"least: {label(low)} (mean {means['score'].min():.2f}) — means of the districts, recomputed.")


def cooperation_caption(package: DataPackage, linkage_id: str) -> tuple[str, str]:
    """The caption of one linkage's cooperation table and the source table it reproduces."""
    linkage = LINKAGES.set_index("linkage_id").loc[linkage_id]
    source = package.resource(linkage["resource"])["source"]
    return (f"Cooperation with {linkage['linkage_en'][:1].lower()}{linkage['linkage_en'][1:]} ({linkage['linkage']}): "
            "firms that cooperate and do not (% of the firms that answered), and how (% of the cooperating firms)",
            source["table"])


def headline(study: MetalClusterStudy) -> str:
    """The study's finding in one line, for the report index (computed from Tabel 3 and 4-7)."""
    lowest = study.dynamics.groupby(["aspect", "aspect_en"], sort=False)["mean"].mean()
    weakest = lowest[lowest == lowest.min()].index
    tests = cooperation_tests(study.cooperation)
    differ = tests[(tests["question"] == "cooperates") & (tests["differs"] == True)]  # noqa: E712 (None = no test)
    beyond = (f" Only for {', '.join(differ['linkage_en'].str.lower())} does the share that cooperates differ between "
              "the districts by more than chance would give (95%)." if len(differ)
              else " In no linkage does the share that cooperates differ between the districts by more than chance would give (95%).")
    return (f"Least dynamic aspect across the districts (Tabel 3 means): "
            f"{', '.join(f'{a} ({e.lower()})' for a, e in weakest)}. " + describe_cooperation(study.cooperation) + beyond)
