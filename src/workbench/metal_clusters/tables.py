"""Study 1's tables and sentences as the notebook shows them (computed, so they follow the data)."""

import pandas as pd

from workbench.core.datapackage import DataPackage
from workbench.core.escape import markdown_text
from workbench.core.i18n import N_, _, in_language, number, significant, source_term
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
    """A score as the source prints it: up to three significant digits (2.88, 17)."""
    return "?" if pd.isna(value) else significant(value, 3)


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
        n = "" if pd.isna(answered) else f", n={number(answered, 0)}"
        return f"{_score(row[f'{aspect}_mean'])} ({_score(row[f'{aspect}_minimum'])}-{_score(row[f'{aspect}_maximum'])}{n})"
    shown = pd.DataFrame({"district": table["district"]})
    for aspect in ASPECTS.itertuples():
        shown[source_term(aspect.aspect, aspect.aspect_en, " / {}")] = [cell(row, aspect.aspect_id)
                                                                          for _row, row in table.iterrows()]
    shown[_("Jumlah / Sum of means, recomputed")] = table["sum_of_means"].map(_score)
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


COOPERATION_HEADERS = {"cooperating": N_("Ada / Cooperates"), "not_cooperating": N_("Tidak ada / Does not cooperate"),
                       "cooperating_mode_not_asked": N_("Ada, mode not stated")}


def cooperation_cells(table: pd.DataFrame) -> pd.DataFrame:
    """`cooperation_table` for reading: each cell 'firms (share%, interval)' (see
    `cooperation_cells_note`), the modes as % of Ada, the firms that answered (Jumlah), and
    which bases are small."""
    def cell(count, share, low, high) -> str:
        if pd.isna(share):
            return f"{count}"
        interval = "" if pd.isna(low) else f", {number(low, 1)}–{number(high, 1)}"
        return f"{number(count, 0)} ({number(share, 1)}%{interval})"
    shown = pd.DataFrame({"district": table["district"]})
    responses = RESPONSES.set_index("response_id")
    for answer in [c for c in table.columns if f"{c}_pct" in table.columns]:
        header = (_(COOPERATION_HEADERS[answer]) if answer in COOPERATION_HEADERS
                  else source_term(responses.at[answer, "response"], responses.at[answer, "response_en"], " / {}"))
        if answer not in ("cooperating", "not_cooperating"):
            header += " " + _("(% of Ada)")
        shown[header] = [cell(r[answer], r[f"{answer}_pct"], r[f"{answer}_low"], r[f"{answer}_high"])
                         for _, r in table.iterrows()]
    shown[_("Jumlah / Firms that answered")] = table["answered"]
    modes = any(mode in table.columns for mode in MODES)
    small = [small_sample(row["answered"], row["cooperating"] if modes else None) for _, row in table.iterrows()]
    shown["district"] = [f"{district} {SMALL_MARK}" if flag else district for district, flag in zip(table["district"], small)]
    return shown


SMALL_MARK = "†"
def cooperation_cells_note() -> str:
    """The note under each cooperation table: how to read a cell, and the small-base mark."""
    return _("Each cell: firms (share, 95% Wilson interval of the share). Ada and Tidak ada are shares of the firms "
             "that answered; the modes are shares of the firms that cooperate (Ada). {mark}: fewer than {small} firms "
             "answered, or cooperate, in this district: its intervals are wide.").format(mark=SMALL_MARK,
                                                                                        small=SMALL_SAMPLE)


def small_sample(answered: int, cooperating: int | None = None) -> bool:
    """Whether a base is of fewer than SMALL_SAMPLE firms (those that answered, or those that
    cooperate where the modes are shares of them): its intervals are wide."""
    return answered < SMALL_SAMPLE or (cooperating is not None and cooperating < SMALL_SAMPLE)


def problem_solving_table(scores: pd.DataFrame) -> pd.DataFrame:
    """Table 8 as district × problem area, with the recomputed mean of the districts."""
    frame = scores.assign(column=[source_term(a, e, " / {}") for a, e in zip(scores["problem_area"],
                                                                            scores["problem_area_en"])])
    grid = _grid(frame, "score").astype(float).round(2)
    grid.loc[_("mean of the districts shown (recomputed)")] = grid.mean().round(2)
    return grid.reset_index()


def district_profile(study: MetalClusterStudy, district: str) -> pd.DataFrame:
    """The district's score on every aspect and problem area beside the other districts' mean."""
    district = STUDY.one_case(district, study.cases)
    frames = []
    for table, label, value in [(study.dynamics, _("cluster dynamics (Tabel 3, mean)"), "mean"),
                                (study.problem_solving, _("problem solving (Tabel 8)"), "score")]:
        key, name, name_en = table.columns[2:5]
        own = table[table["district"] == district].set_index(key)
        others = table[table["district"] != district].groupby(key, sort=False)[value].mean()
        frames.append(pd.DataFrame({
            "measure": label, "item": [source_term(a, e, " / {}") for a, e in zip(own[name], own[name_en])],
            district: own[value], "others_mean": others.reindex(own.index).round(2),
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
    dynamics = dynamics.assign(label=_labels(dynamics, "aspect"))
    scores = study.problem_solving[study.problem_solving["district"] == district]
    scores = scores.assign(label=_labels(scores, "problem_area"))
    name = DISTRICT_LABELS.get(district, district)
    return _("**{district}** — cluster dynamics (Tabel 3 means): {dynamics}. Problem solving (Tabel 8 scores): "
             "{scores}.").format(district=markdown_text(name),
                                 dynamics=_ranking(dynamics, "mean", _("strongest"), _("weakest")),
                                 scores=_ranking(scores, "score", _("most collective"), _("least")))


def _labels(frame: pd.DataFrame, column: str) -> list[str]:
    """The source's term of each row, with the English after it in lower case in English."""
    return [source_term(term, english.lower()) for term, english in zip(frame[column], frame[f"{column}_en"])]


def _ranking(frame: pd.DataFrame, value: str, top_word: str, bottom_word: str) -> str:
    top, bottom = _extremes(frame, value, "label")
    high, low = frame[value].max(), frame[value].min()
    if pd.isna(high):
        return _("no firm answered any of them")
    if high == low:
        return _("all {count} equal at {value}").format(count=len(top), value=_score(high))
    return f"{top_word}: {', '.join(top)} ({_score(high)}); {bottom_word}: {', '.join(bottom)} ({_score(low)})"


def _names(frame: pd.DataFrame, column: str) -> str:
    return ", ".join(markdown_text(DISTRICT_LABELS.get(d, d) if column == "district" else d)
                     for d in dict.fromkeys(frame[column]))


def describe_dynamics(dynamics: pd.DataFrame) -> str:
    """Which district scores highest and lowest on which aspects (Table 3 means)."""
    parts = []
    for aspect in dynamics.drop_duplicates("aspect_id").itertuples():
        rows = dynamics[dynamics["aspect_id"] == aspect.aspect_id]
        top = rows[rows["mean"] == rows["mean"].max()]
        term = source_term(aspect.aspect, aspect.aspect_en.lower())
        if len(top) < len(rows):
            parts.append(_("{aspect}: {districts} highest at {value}").format(
                aspect=term, districts=_names(top, "district"), value=_score(rows["mean"].max())))
        else:
            parts.append(_("{aspect}: all at {value}").format(aspect=term, value=_score(rows["mean"].max())))
    return _("Highest mean per aspect — {parts}.").format(parts="; ".join(parts))


def describe_cooperation(cooperation: pd.DataFrame) -> str:
    """Per linkage, the share of all answering firms that cooperate (recomputed from the counts)."""
    parts = []
    for linkage_id, rows in cooperation.groupby("linkage_id", sort=False):
        cooperating = rows.loc[rows["response_id"] != "not_cooperating", "firms"].sum()
        share = 100 * cooperating / rows["firms"].sum()
        parts.append(_("{linkage}: {cooperating} of {firms} firms ({share}%)").format(
            linkage=_linkage(rows.iloc[0]), cooperating=number(cooperating, 0), firms=number(rows["firms"].sum(), 0),
            share=number(share, 1)))
    return _("Firms that cooperate, all districts together — {parts}.").format(parts="; ".join(parts))


def _linkage(row) -> str:
    """A linkage as a sentence names it: the source's term in Indonesian, the English in English."""
    return in_language(row["linkage"], row["linkage_en"].lower())


def describe_problem_solving(scores: pd.DataFrame) -> str:
    """The problem areas with the highest and lowest mean score across districts."""
    means = scores.groupby(["problem_area", "problem_area_en"], sort=False)["score"].mean().reset_index()
    top = means[means["score"] == means["score"].max()]
    low = means[means["score"] == means["score"].min()]

    def label(frame: pd.DataFrame) -> str:
        return ", ".join(_labels(frame, "problem_area"))
    return _("Most collective solutions: {top} (mean {high}); least: {low} (mean {low_mean}) — means of the districts, "
             "recomputed.").format(top=label(top), high=number(means["score"].max(), 2), low=label(low),
                                   low_mean=number(means["score"].min(), 2))


def cooperation_caption(package: DataPackage, linkage_id: str) -> tuple[str, str]:
    """The caption of one linkage's cooperation table and the source table it reproduces."""
    linkage = LINKAGES.set_index("linkage_id").loc[linkage_id]
    source = package.resource(linkage["resource"])["source"]
    english = f"{linkage['linkage_en'][:1].lower()}{linkage['linkage_en'][1:]}"
    return (_("Cooperation with {linkage}: firms that cooperate and do not (% of the firms that answered), and how "
              "(% of the cooperating firms)").format(linkage=in_language(linkage["linkage"],
                                                                         f"{english} ({linkage['linkage']})")),
            source["table"])


def headline(study: MetalClusterStudy) -> str:
    """The study's finding in one line, for the report index (computed from Tabel 3 and 4-7)."""
    lowest = study.dynamics.groupby(["aspect", "aspect_en"], sort=False)["mean"].mean()
    weakest = lowest[lowest == lowest.min()].index
    tests = cooperation_tests(study.cooperation)
    differ = tests[(tests["question"] == "cooperates") & (tests["differs"] == True)]  # noqa: E712 (None = no test)
    linkages = ", ".join(in_language(row["linkage"], row["linkage_en"].lower()) for _row, row in differ.iterrows())
    beyond = (_("Only for {linkages} does the share that cooperates differ between the districts by more than chance "
                "would give (95%).").format(linkages=linkages) if len(differ)
              else _("In no linkage does the share that cooperates differ between the districts by more than chance "
                     "would give (95%)."))
    weakest_terms = ", ".join(source_term(a, e.lower()) for a, e in weakest)
    return " ".join([_("Least dynamic aspect across the districts (Tabel 3 means): {aspects}.").format(
        aspects=weakest_terms), describe_cooperation(study.cooperation), beyond])
