"""Study 1: metal-industry clusters in Central Java (seed 001, chapter IV).

Klaten (Ceper), Pati (Juwana) and Tegal, surveyed on the JICA indicators of
cluster dynamics (Tables 2-3), cooperation along four linkages (Tables 4-7),
problem solving (Table 8) and a seven-step cluster development model (section B).

`load_study()` returns a `MetalClusterStudy` whose tidy tables (one observation
per row) have these columns:

- `dynamics` (Table 3): district, location, aspect_id, aspect, aspect_en, mean,
  minimum, maximum. Scores on the 1-5 scale (1 = sangat kurang dinamis ... 5 =
  sangat dinamis).
- `cooperation` (Tables 4-7): district, location, linkage_id, linkage,
  linkage_en, response_id, response, response_en, firms, share_of_answering
  (% of the firms that answered), share_of_cooperating (% of the cooperating
  firms; empty for non-cooperating firms). Shares are recomputed from the counts.
- `problem_solving` (Table 8): district, location, problem_area_id,
  problem_area, problem_area_en, score.
- `audit`: table, cell, published, recomputed, agrees, note.
- `model_steps`, `model_items`: section B's model as published, with English.
"""

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
import seaborn as sns
from matplotlib.patches import FancyArrowPatch, Rectangle

from workbench.core.audit import audit_entry, audit_table
from workbench.core.choices import resolve_choice
from workbench.core.datapackage import (DataValidationError, Problem, display_path, parse_table,
                                        read_delimited_text, read_resource, read_table, resource_descriptor)
from workbench.core.outputs import write_tables
from workbench.core.paths import PROCESSED_DIR
from workbench.core.plotting import HIGHLIGHT, footnote, highlight_colours, new_figure

ALL = "all"
DISTRICTS = {
    "Klaten": ["Ceper", "Klaten-Ceper", "Ceper-Klaten"],
    "Pati": ["Juwana", "Pati-Juwana", "Juwana-Pati"],
    "Tegal": [],
}
DISTRICT_LABELS = {"Klaten": "Klaten (Ceper)", "Pati": "Pati (Juwana)", "Tegal": "Tegal"}
PUBLISHED_LOCATIONS = {"KLATEN": "Klaten", "PATI": "Pati", "TEGAL": "Tegal", "Ceper": "Klaten"}

ASPECTS = pd.DataFrame(
    [("product", "Produk", "Product"), ("technology", "Teknologi", "Technology"),
     ("market", "Pasar", "Market"), ("skill", "Ketrampilan", "Skill"),
     ("trust", "Kepercayaan", "Trust"), ("information", "Informasi", "Information")],
    columns=["aspect_id", "aspect", "aspect_en"],
)
LINKAGES = pd.DataFrame(
    [("same_kind", "table4_cooperation_same_kind", "IKM sejenis", "Same-kind firms"),
     ("backward", "table5_cooperation_backward", "IKM sebelumnya", "Upstream firms (backward)"),
     ("forward", "table6_cooperation_forward", "IKM sesudahnya", "Downstream firms (forward)"),
     ("supporting", "table7_cooperation_supporting", "Industri/institusi pendukung",
      "Supporting industries and institutions")],
    columns=["linkage_id", "resource", "linkage", "linkage_en"],
)
RESPONSES = pd.DataFrame(
    [("not_cooperating", "Tidak ada", "Does not cooperate"),
     ("passive", "Pasif", "Cooperates passively"),
     ("active", "Aktif", "Cooperates actively"),
     ("proactive", "Proaktif", "Cooperates proactively"),
     ("cooperating_mode_not_asked", "Ada", "Cooperates (how not asked or not stated)")],
    columns=["response_id", "response", "response_en"],
)
MODES = ["passive", "active", "proactive"]
PROBLEM_AREAS = pd.DataFrame(
    [("raw_material", "Bahan Baku", "Raw material"),
     ("auxiliary_material", "Bahan Penolong", "Auxiliary material"),
     ("production", "Produksi", "Production"), ("marketing", "Pemasaran", "Marketing")],
    columns=["problem_area_id", "problem_area", "problem_area_en"],
)
PUBLISHED_TOTAL_ROWS = ("Total", "Rata-rata")


@dataclass
class MetalClusterStudy:
    """The validated raw tables of seed 001 and the tidy tables derived from them."""

    raw: dict[str, pd.DataFrame]
    dynamics: pd.DataFrame
    cooperation: pd.DataFrame
    problem_solving: pd.DataFrame
    audit: pd.DataFrame
    indicators: pd.DataFrame
    model_steps: pd.DataFrame
    model_items: pd.DataFrame
    district_sources: pd.DataFrame

    @property
    def districts(self) -> list[str]:
        """The districts in the study, in the order of the tables."""
        return list(dict.fromkeys(self.dynamics["district"]))


RAW_RESOURCES = ["table2_jica_indicators", "table3_cluster_dynamics", *LINKAGES["resource"],
                 "table8_problem_solving", "cluster_model_steps", "cluster_model_items"]


def read_raw_tables(data_dir: str | Path = "") -> dict[str, pd.DataFrame]:
    """Every raw table of the study, validated against the data package."""
    return {name: read_resource(name, data_dir) for name in RAW_RESOURCES}


def resolve_district(name: str, districts: list[str] | None = None) -> str:
    """"all" or the canonical name of a district (published, or from a survey given in
    `districts`); aliases and any case accepted."""
    extra = {d: [] for d in districts or [] if d not in DISTRICTS}
    return resolve_choice(name, {ALL: [], **DISTRICTS, **extra}, "district")


def district_of(location: str) -> str:
    """The canonical district of a location as a table prints it (KLATEN, Ceper, ...)."""
    return PUBLISHED_LOCATIONS.get(location, location)


def cluster_dynamics(table3: pd.DataFrame) -> pd.DataFrame:
    """Table 3 in long form: one row per location and aspect with mean, minimum, maximum."""
    rows = []
    for record in table3.to_dict("records"):
        for aspect in ASPECTS.to_dict("records"):
            key = aspect["aspect_id"]
            rows.append({"district": district_of(record["location"]), "location": record["location"],
                         **aspect, "mean": record[f"{key}_mean"],
                         "minimum": record[f"{key}_min"], "maximum": record[f"{key}_max"]})
    return pd.DataFrame(rows).astype({"mean": "Float64", "minimum": "Float64", "maximum": "Float64"})


def cooperation_counts(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Tables 4-7 in long form: firms per location, linkage and response (published rows only)."""
    rows = []
    for linkage in LINKAGES.to_dict("records"):
        table = tables[linkage["resource"]]
        has_modes = "passive" in table.columns
        for record in table[~table["location"].isin(PUBLISHED_TOTAL_ROWS)].to_dict("records"):
            counts = {"not_cooperating": record["not_cooperating"]}
            if has_modes:
                counts.update({mode: record[mode] for mode in MODES})
                unstated = record["cooperating"] - sum(record[mode] for mode in MODES)
                if unstated > 0:
                    counts["cooperating_mode_not_asked"] = unstated
            else:
                counts["cooperating_mode_not_asked"] = record["cooperating"]
            for response_id, firms in counts.items():
                rows.append({"district": district_of(record["location"]), "location": record["location"],
                             "linkage_id": linkage["linkage_id"], "linkage": linkage["linkage"],
                             "linkage_en": linkage["linkage_en"], "response_id": response_id,
                             "firms": firms})
    counts = pd.DataFrame(rows).merge(RESPONSES, on="response_id", how="left")
    order = ["district", "location", "linkage_id", "linkage", "linkage_en",
             "response_id", "response", "response_en", "firms"]
    return counts[order].astype({"firms": "Int64"})


def cooperation_shares(counts: pd.DataFrame) -> pd.DataFrame:
    """Add the recomputed shares: of all firms that answered, and of the cooperating firms."""
    group = ["district", "linkage_id"]
    answering = counts.groupby(group, sort=False)["firms"].transform("sum")
    cooperating_firms = counts["firms"].where(counts["response_id"] != "not_cooperating", 0)
    cooperating = cooperating_firms.groupby([counts[g] for g in group], sort=False).transform("sum")
    shares = counts.copy()
    shares["share_of_answering"] = (100 * counts["firms"] / answering).astype("Float64")
    shares["share_of_cooperating"] = (100 * counts["firms"] / cooperating).astype("Float64").where(
        counts["response_id"] != "not_cooperating")
    return shares


def problem_solving(table8: pd.DataFrame) -> pd.DataFrame:
    """Table 8 in long form: one score per location and problem area (published average row left out)."""
    rows = []
    for record in table8[~table8["location"].isin(PUBLISHED_TOTAL_ROWS)].to_dict("records"):
        for area in PROBLEM_AREAS.to_dict("records"):
            rows.append({"district": district_of(record["location"]), "location": record["location"],
                         **area, "score": record[area["problem_area_id"]]})
    return pd.DataFrame(rows).astype({"score": "Float64"})


def _titles(resource: str, data_dir: str | Path) -> dict[str, str]:
    fields = resource_descriptor(resource, data_dir)["schema"]["fields"]
    return {field["name"]: field["title"] for field in fields}


def reproduction_audit(tables: dict[str, pd.DataFrame], data_dir: str | Path = "") -> pd.DataFrame:
    """Recompute every total, percentage and average the paper prints and compare.

    Covers Table 3's Jumlah (sum of the six means), Tables 4-7's percentages,
    row totals, Total rows and mode counts, Table 8's Rata-rata row, and the
    shares the text states without a table cell.
    """
    entries = []
    titles = _titles("table3_cluster_dynamics", data_dir)
    for record in tables["table3_cluster_dynamics"].to_dict("records"):
        means = [record[f"{a}_mean"] for a in ASPECTS["aspect_id"]]
        missing = any(pd.isna(m) for m in means)
        entries.append(audit_entry(
            "Tabel 3", f"{record['location']} × {titles['total_of_means']}", record["total_of_means"],
            float("nan") if missing else sum(means), 0, "sum of the six aspect means"))

    for linkage in LINKAGES.to_dict("records"):
        table = tables[linkage["resource"]]
        label = resource_descriptor(linkage["resource"], data_dir)["source"]["table"]
        titles = _titles(linkage["resource"], data_dir)
        modes = [m for m in MODES if m in table.columns]
        locations = table[~table["location"].isin(PUBLISHED_TOTAL_ROWS)]
        for record in table.to_dict("records"):
            row = record["location"]
            if row in PUBLISHED_TOTAL_ROWS:
                for column in ["cooperating", "not_cooperating", *modes, "total"]:
                    entries.append(audit_entry(label, f"{row} × {titles[column]}", record[column],
                                               locations[column].sum(), 0, "sum of the three locations"))
            entries.append(audit_entry(label, f"{row} × {titles['total']}", record["total"],
                                       record["cooperating"] + record["not_cooperating"], 0,
                                       "Ada + Tidak Ada"))
            if modes:
                entries.append(audit_entry(label, f"{row} × {' + '.join(titles[m] for m in modes)}",
                                           record["cooperating"], sum(record[m] for m in modes), 0,
                                           "the modes add up to Ada (published value: Ada)"))
            for column, base in [("cooperating", "total"), ("not_cooperating", "total"),
                                 *[(m, "cooperating") for m in modes]]:
                if pd.notna(record[f"{column}_pct"]):
                    entries.append(audit_entry(
                        label, f"{row} × {titles[column + '_pct']}", record[f"{column}_pct"],
                        100 * record[column] / record[base], 1, f"{titles[column]} / {titles[base]} × 100"))

    table8 = tables["table8_problem_solving"]
    titles = _titles("table8_problem_solving", data_dir)
    locations = table8[~table8["location"].isin(PUBLISHED_TOTAL_ROWS)]
    for area in PROBLEM_AREAS["problem_area_id"]:
        for record in table8[table8["location"] == "Rata-rata"].to_dict("records"):
            entries.append(audit_entry("Tabel 8", f"Rata-rata × {titles[area]}", record[area],
                                       locations[area].mean(), 1, "mean of the three locations"))

    total = {name: tables[name].set_index("location").loc["Total"] for name in LINKAGES["resource"]}
    same, backward, forward = (total[n] for n in LINKAGES["resource"][:3])
    entries += [
        audit_entry("Text after Tabel 4", "'58,8 persen' cooperate actively or proactively", 58.8,
                    100 * (same["active"] + same["proactive"]) / same["cooperating"], 1,
                    "(Aktif + Proaktif) / Ada, Total row"),
        audit_entry("Text after Tabel 5", "'17 persen' do not cooperate", 17,
                    100 * backward["not_cooperating"] / backward["total"], 0,
                    "Tidak Ada / Jumlah, Total row; the table prints 17,1"),
        audit_entry("Text after Tabel 6", "'35,3 persen' cooperate actively or proactively", 35.3,
                    100 * (forward["active"] + forward["proactive"]) / forward["cooperating"], 1,
                    "(Aktif + Proaktif) / Ada, Total row"),
    ]
    return audit_table(entries)


def tidy_tables(tables: dict[str, pd.DataFrame]) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """Tables 3-8 (published, or aggregated from a survey) as the tidy dynamics,
    cooperation counts and problem-solving scores."""
    return (cluster_dynamics(tables["table3_cluster_dynamics"]), cooperation_counts(tables),
            problem_solving(tables["table8_problem_solving"]))


def load_study(data_dir: str | Path = "", survey_path: str | Path = "") -> MetalClusterStudy:
    """Validate the raw tables in `data_dir` ("" = the project's data/raw), add the districts
    of a firm survey or district summary at `survey_path` if given, and derive the study.
    The audit covers the published tables only."""
    raw = read_raw_tables(data_dir)
    dynamics, counts, scores = tidy_tables(raw)
    sources = [{"district": d, "source": "published: seed 001, Tabel 3-8"} for d in DISTRICTS]
    if str(survey_path):
        survey, kind = read_survey(survey_path)
        clash = sorted(set(survey["table3_cluster_dynamics"]["location"]) & set(DISTRICTS))
        if clash:
            raise ValueError(f"{display_path(Path(survey_path))}: district {', '.join(clash)} is a published district; "
                             "give the survey's district another name.")
        extra = tidy_tables(survey)
        dynamics, counts, scores = (pd.concat([a, b], ignore_index=True) for a, b in zip((dynamics, counts, scores), extra))
        sources += [{"district": d, "source": f"{kind}: {display_path(Path(survey_path))}"}
                    for d in survey["table3_cluster_dynamics"]["location"]]
    return MetalClusterStudy(
        raw=raw, dynamics=dynamics, cooperation=cooperation_shares(counts), problem_solving=scores,
        audit=reproduction_audit(raw, data_dir), indicators=raw["table2_jica_indicators"],
        model_steps=raw["cluster_model_steps"], model_items=raw["cluster_model_items"],
        district_sources=pd.DataFrame(sources))


# --- Survey microdata and district summaries ----------------------------------------------------

ANSWER_WORDS = {"yes": "yes", "ya": "yes", "ada": "yes", "no": "no", "tidak": "no", "tidak ada": "no"}
MODE_WORDS = {"passive": "passive", "pasif": "passive", "active": "active", "aktif": "active",
              "proactive": "proactive", "proaktif": "proactive", "pro aktif": "proactive", "pro-aktif": "proactive"}
SURVEY_LINKAGES = ["same_kind", "backward", "forward", "supporting"]
SUMMARY_ITEMS = {"dynamics": (list(ASPECTS["aspect_id"]), ["mean", "min", "max"]),
                 "cooperation": (SURVEY_LINKAGES, ["cooperating", "not_cooperating", *MODES]),
                 "problem_solving": (list(PROBLEM_AREAS["problem_area_id"]), ["score"])}


def _normalise_words(frame: pd.DataFrame) -> pd.DataFrame:
    """Map accepted answer words (Indonesian or English, any case) to the survey's codes."""
    frame = frame.copy()
    for linkage in SURVEY_LINKAGES:
        for column, words in [(linkage, ANSWER_WORDS), (f"{linkage}_mode", MODE_WORDS)]:
            if column in frame.columns:
                cleaned = frame[column].str.strip()
                frame[column] = cleaned.str.lower().map(words).fillna(cleaned)
    return frame


def read_firm_survey(path: str | Path) -> pd.DataFrame:
    """Read and validate a firm survey (one row per firm), reporting every mistake at once:
    file, line, column, value and what is allowed."""
    path = Path(path)
    frame, delimiter = read_delimited_text(path)
    frame = _normalise_words(frame)
    file = display_path(path)
    schema = resource_descriptor("metal_clusters_firm_survey")["schema"]
    problems = []
    try:
        table = parse_table(frame, schema, file, decimal_comma=delimiter != ",")
    except DataValidationError as error:
        problems, table = error.problems, None
    for linkage in [l for l in SURVEY_LINKAGES if f"{l}_mode" in frame.columns and l in frame.columns]:
        given = frame[(frame[linkage] == "no") & (frame[f"{linkage}_mode"] != "")]
        for index, row in given.iterrows():
            problems.append(Problem(file, index + 2, f"{linkage}_mode", row[f"{linkage}_mode"],
                                    f"a mode is given but {linkage} is 'no': leave the mode blank or answer 'yes'",
                                    f"district={row['district']}, firm_id={row['firm_id']}"))
    if problems:
        raise DataValidationError(sorted(problems, key=lambda p: (p.line or 0, p.column or "")))
    return table


def read_district_summary(path: str | Path) -> pd.DataFrame:
    """Read and validate a published-style district summary (one value per row)."""
    path = Path(path)
    table = read_table(path, resource_descriptor("metal_clusters_district_summary")["schema"])
    problems = []
    for index, row in table.iterrows():
        items, statistics = SUMMARY_ITEMS[row["table"]]
        for column, allowed in [("item", items), ("statistic", statistics)]:
            if row[column] not in allowed:
                problems.append(Problem(display_path(path), index + 2, column, row[column],
                                        f"expected, for table {row['table']}, one of {', '.join(allowed)}"))
    if problems:
        raise DataValidationError(problems)
    return table


def aggregate_survey(firms: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """Firm rows to the published tables' shapes, per district: Tabel 3 (mean, minimum,
    maximum of the firms that answered), Tabel 4-7 (counts of the firms that answered,
    and shares), Tabel 8 (mean score)."""
    dynamics, scores = [], []
    cooperation = {linkage: [] for linkage in SURVEY_LINKAGES}
    for district, part in firms.groupby("district", sort=False):
        record = {"location": district}
        for aspect in ASPECTS["aspect_id"]:
            values = part[aspect].dropna()
            record.update({f"{aspect}_mean": values.mean() if len(values) else pd.NA,
                           f"{aspect}_min": values.min() if len(values) else pd.NA,
                           f"{aspect}_max": values.max() if len(values) else pd.NA})
        record["total_of_means"] = sum(record[f"{a}_mean"] for a in ASPECTS["aspect_id"])
        dynamics.append(record)
        for linkage in SURVEY_LINKAGES:
            answered = part[part[linkage].notna()]
            counts = {"cooperating": int((answered[linkage] == "yes").sum()),
                      "not_cooperating": int((answered[linkage] == "no").sum())}
            if linkage != "supporting":
                counts.update({mode: int((answered[f"{linkage}_mode"] == mode).sum()) for mode in MODES})
            cooperation[linkage].append({"location": district, **counts, "total": len(answered)})
        scores.append({"location": district, **{a: part[a].mean() for a in PROBLEM_AREAS["problem_area_id"]}})
    return _published_shapes(dynamics, cooperation, scores)


def summary_tables(summary: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """A district summary to the published tables' shapes."""
    dynamics, scores = [], []
    cooperation = {linkage: [] for linkage in SURVEY_LINKAGES}
    for district, part in summary.groupby("district", sort=False):
        value = {(r.table, r.item, r.statistic): r.value for r in part.itertuples()}
        record = {"location": district}
        for aspect in ASPECTS["aspect_id"]:
            for statistic in ["mean", "min", "max"]:
                record[f"{aspect}_{statistic}"] = value.get(("dynamics", aspect, statistic), pd.NA)
        record["total_of_means"] = sum(record[f"{a}_mean"] for a in ASPECTS["aspect_id"])
        dynamics.append(record)
        for linkage in SURVEY_LINKAGES:
            counts = {s: int(value.get(("cooperation", linkage, s), 0))
                      for s in ["cooperating", "not_cooperating", *([] if linkage == "supporting" else MODES)]}
            cooperation[linkage].append({"location": district, **counts,
                                         "total": counts["cooperating"] + counts["not_cooperating"]})
        scores.append({"location": district, **{a: value.get(("problem_solving", a, "score"), pd.NA)
                                                 for a in PROBLEM_AREAS["problem_area_id"]}})
    return _published_shapes(dynamics, cooperation, scores)


def _published_shapes(dynamics: list, cooperation: dict, scores: list) -> dict[str, pd.DataFrame]:
    tables = {"table3_cluster_dynamics": pd.DataFrame(dynamics), "table8_problem_solving": pd.DataFrame(scores)}
    for linkage in LINKAGES.itertuples():
        tables[linkage.resource] = pd.DataFrame(cooperation[linkage.linkage_id])
    return tables


def read_survey(path: str | Path) -> tuple[dict[str, pd.DataFrame], str]:
    """A firm survey or a district summary, told apart by its header, in the published
    tables' shapes; returns the tables and which kind the file was."""
    path = Path(path).expanduser().resolve()
    if not path.is_file():
        raise FileNotFoundError(f"{display_path(path)}: file not found")
    header = set(read_delimited_text(path)[0].columns)
    if "firm_id" in header:
        return aggregate_survey(read_firm_survey(path)), "firm survey"
    if "statistic" in header:
        return summary_tables(read_district_summary(path)), "district summary"
    raise DataValidationError([Problem(display_path(path), 1, None, None,
                                       "expected the header of a firm survey (district, firm_id, ...) or of a "
                                       "district summary (district, table, item, statistic, value); see "
                                       "data/raw/templates/metal_clusters/")])


def processed_tables(study: MetalClusterStudy) -> dict[str, pd.DataFrame]:
    """The tidy tables that data/processed/metal_clusters/ holds."""
    return {"cluster_dynamics": study.dynamics, "cooperation": study.cooperation,
            "problem_solving": study.problem_solving, "audit": study.audit}


def write_processed(data_dir: str | Path = "", folder: Path = PROCESSED_DIR / "metal_clusters") -> list[Path]:
    """Derive the tidy tables from the raw data and write them to data/processed/metal_clusters/."""
    return write_tables(processed_tables(load_study(data_dir)), folder)


# --- Tables as the notebook shows them -------------------------------------------------------

def _grid(frame: pd.DataFrame, values: str) -> pd.DataFrame:
    """district x column, both in the order they first appear."""
    grid = frame.pivot(index="district", columns="column", values=values)
    grid = grid[list(dict.fromkeys(frame["column"]))].loc[list(dict.fromkeys(frame["district"]))]
    grid.columns.name = None
    return grid


def dynamics_table(dynamics: pd.DataFrame) -> pd.DataFrame:
    """Table 3 as a location × aspect grid of 'mean (min-max)'."""
    def cell(row):
        low = "?" if pd.isna(row["minimum"]) else f"{row['minimum']:.3g}"
        high = "?" if pd.isna(row["maximum"]) else f"{row['maximum']:.3g}"
        mean = "?" if pd.isna(row["mean"]) else f"{row['mean']:.3g}"
        return f"{mean} ({low}-{high})"
    frame = dynamics.assign(value=dynamics.apply(cell, axis=1),
                            column=dynamics["aspect"] + " / " + dynamics["aspect_en"])
    return _grid(frame, "value").reset_index()


def cooperation_table(cooperation: pd.DataFrame, linkage_id: str) -> pd.DataFrame:
    """One linkage as district × response: firms and recomputed share of the firms answering."""
    part = cooperation[cooperation["linkage_id"] == linkage_id]
    part = part.assign(value=[f"{f} ({s:.1f}%)" for f, s in zip(part["firms"], part["share_of_answering"])],
                       column=part["response"] + " / " + part["response_en"])
    grid = _grid(part, "value")
    answered = part.groupby("district", sort=False)["firms"].sum().rename("answered")
    return grid.join(answered).reset_index()


def problem_solving_table(scores: pd.DataFrame) -> pd.DataFrame:
    """Table 8 as district × problem area, with the recomputed mean of the districts."""
    frame = scores.assign(column=scores["problem_area"] + " / " + scores["problem_area_en"])
    grid = _grid(frame, "score").astype(float).round(2)
    grid.loc["mean of the districts shown (recomputed)"] = grid.mean().round(2)
    return grid.reset_index()


# --- One district against the others ---------------------------------------------------------

def district_profile(study: MetalClusterStudy, district: str) -> pd.DataFrame:
    """The district's score on every aspect and problem area beside the other districts' mean."""
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
    dynamics = study.dynamics[study.dynamics["district"] == district]
    dynamics = dynamics.assign(label=dynamics["aspect"] + " (" + dynamics["aspect_en"].str.lower() + ")")
    scores = study.problem_solving[study.problem_solving["district"] == district]
    scores = scores.assign(label=scores["problem_area"] + " (" + scores["problem_area_en"].str.lower() + ")")
    name = DISTRICT_LABELS.get(district, district)
    return (f"**{name}** — cluster dynamics (Tabel 3 means): {_ranking(dynamics, 'mean', 'strongest', 'weakest')}. "
            f"Problem solving (Tabel 8 scores): {_ranking(scores, 'score', 'most collective', 'least')}.")


def _ranking(frame: pd.DataFrame, value: str, top_word: str, bottom_word: str) -> str:
    top, bottom = _extremes(frame, value, "label")
    high, low = frame[value].max(), frame[value].min()
    if high == low:
        return f"all {len(top)} equal at {high:.3g}"
    return f"{top_word}: {', '.join(top)} ({high:.3g}); {bottom_word}: {', '.join(bottom)} ({low:.3g})"


# --- Figures ---------------------------------------------------------------------------------

def plot_cluster_dynamics(dynamics: pd.DataFrame, highlight: str | None = None):
    """Each district's mean on the six aspects with its minimum-maximum range (Table 3)."""
    figure, ax = new_figure(8.5, 4.2)
    districts = list(dict.fromkeys(dynamics["district"]))
    colours = highlight_colours(districts, None if highlight == ALL else highlight)
    width = 0.6 / max(len(districts), 1)
    gaps = []
    for i, district in enumerate(districts):
        part = dynamics[dynamics["district"] == district].reset_index(drop=True)
        x = part.index + (i - (len(districts) - 1) / 2) * width
        label = DISTRICT_LABELS.get(district, district)
        ax.vlines(x, part["minimum"].astype(float), part["maximum"].astype(float),
                  colors=colours[district], linewidth=2, alpha=0.6, label=f"{label} range")
        ax.plot(x, part["mean"].astype(float), "osD^v"[i % 5], color=colours[district], markersize=7,
                label=f"{label} mean")
        for row in part[part["minimum"].isna() | part["maximum"].isna()].itertuples():
            gaps.append(f"{label}, {row.aspect}")
    aspects = dynamics.drop_duplicates("aspect_id")
    ax.set_xticks(range(len(aspects)), aspects["aspect"] + "\n" + aspects["aspect_en"])
    ax.set_yticks([1, 2, 3, 4, 5], ["1 sangat kurang\ndinamis", "2", "3 dinamis", "4", "5 sangat\ndinamis"])
    ax.set_ylim(0.6, 5.4)
    ax.set_ylabel("score (1-5)")
    ax.set_title("Cluster dynamics on the JICA aspects: mean and min-max range (Tabel 3)")
    ax.legend(ncols=min(len(districts), 3), loc="upper center", bbox_to_anchor=(0.5, -0.18), frameon=False)
    if gaps:
        footnote(figure, "Range not drawn where the source prints no minimum or maximum: " + "; ".join(gaps))
    return figure


def plot_cooperation(cooperation: pd.DataFrame, highlight: str | None = None):
    """Shares of the answering firms that do not cooperate, or cooperate passively, actively,
    proactively, for each linkage (Tables 4-7; shares recomputed from the counts)."""
    linkages = list(dict.fromkeys(cooperation["linkage_id"]))
    figure, axes = new_figure(10, 6, nrows=2, ncols=2, sharex=True)
    responses = RESPONSES.set_index("response_id")
    colours = dict(zip(RESPONSES["response_id"], ["#bdbdbd", "#9ecae1", "#3182bd", "#08519c", "#74c476"]))
    for ax, linkage_id in zip(axes.ravel(), linkages):
        part = cooperation[cooperation["linkage_id"] == linkage_id]
        grid = part.pivot(index="district", columns="response_id", values="share_of_answering")
        grid = grid.loc[list(dict.fromkeys(part["district"]))[::-1]]
        left = pd.Series(0.0, index=grid.index)
        for response_id in [r for r in RESPONSES["response_id"] if r in grid.columns]:
            values = grid[response_id].astype(float)
            ax.barh([DISTRICT_LABELS.get(d, d) for d in grid.index], values, left=left,
                    color=colours[response_id], label=f"{responses.at[response_id, 'response']} / "
                    f"{responses.at[response_id, 'response_en'].lower()}")
            left = left + values
        first = part.iloc[0]
        ax.set_title(f"{first['linkage']}\n{first['linkage_en']}")
        ax.set_xlim(0, 100)
        if highlight not in (None, ALL):
            for tick in ax.get_yticklabels():
                if tick.get_text() == DISTRICT_LABELS.get(highlight, highlight):
                    tick.set_color(HIGHLIGHT)
                    tick.set_fontweight("bold")
    for ax in axes[-1]:
        ax.set_xlabel("% of the firms that answered (recomputed from the counts)")
    handles = {}
    for ax in axes.ravel():
        for handle, label in zip(*ax.get_legend_handles_labels()):
            handles.setdefault(label, handle)
    figure.legend(handles.values(), handles.keys(), loc="outside lower center", ncols=3, frameon=False)
    figure.suptitle("Cooperation of firms along four linkages (Tabel 4-7)")
    return figure


def plot_problem_solving(scores: pd.DataFrame, highlight: str | None = None):
    """Problem-solving scores as a heatmap of district × problem area (Table 8)."""
    frame = scores.assign(column=scores["problem_area"] + "\n" + scores["problem_area_en"])
    grid = frame.pivot(index="district", columns="column", values="score").astype(float)
    districts = list(dict.fromkeys(frame["district"]))
    grid = grid[list(dict.fromkeys(frame["column"]))].loc[districts]
    grid.index = [DISTRICT_LABELS.get(d, d) for d in grid.index]
    figure, ax = new_figure(6.5, 1.2 + 0.55 * len(grid))
    sns.heatmap(grid, ax=ax, annot=True, fmt=".3g", cmap="Blues", vmin=1, vmax=max(4, grid.max().max()),
                linewidths=1, linecolor="white", cbar_kws={"label": "score"})
    ax.set_xlabel("")
    ax.set_ylabel("")
    ax.tick_params(axis="both", rotation=0)
    ax.set_title("How firms solve problems, by area (Tabel 8; higher = more collective)")
    if highlight not in (None, ALL):
        row = districts.index(highlight)
        ax.add_patch(Rectangle((0, row), grid.shape[1], 1, fill=False, edgecolor=HIGHLIGHT, linewidth=2.5))
    return figure


def plot_cluster_model(steps: pd.DataFrame):
    """Section B's seven-step cluster development model as a flow diagram.

    A reconstruction: Gambar 5 is an image absent from the source text. Steps,
    bodies and the core steps come from the step headings and the closing list
    ("inti ... dari model pengembangan klaster ... adalah pada: (1) FPK; (2) FKAK;
    (3) LPT/PKE").
    """
    figure, ax = new_figure(8, 8.5)
    ax.set_axis_off()
    ax.set_xlim(0, 1)
    ax.set_ylim(-0.5, len(steps) - 0.3)
    for i, step in enumerate(steps.itertuples()):
        y = len(steps) - 1 - i
        body = f"\n{step.body_name} ({step.body}) — {step.body_name_en}" if pd.notna(step.body) and \
            step.body != step.body_name else (f"\n{step.body_name_en}" if pd.notna(step.body) else "")
        ax.text(0.5, y, f"Langkah {step.step}: {step.title_en}{body}", ha="center", va="center",
                fontsize=8, wrap=True,
                bbox={"boxstyle": "round,pad=0.5", "linewidth": 1.2,
                      "facecolor": "#fde0c5" if step.core_step else "#f0f0f0",
                      "edgecolor": HIGHLIGHT if step.core_step else "#888888"})
        if i:
            ax.add_patch(FancyArrowPatch((0.5, y + 0.72), (0.5, y + 0.28), arrowstyle="-|>",
                                         mutation_scale=12, color="#555555"))
    ax.set_title("Cluster development model in seven steps (reconstruction of Gambar 5)")
    footnote(figure, "Reconstructed from the step headings of section B; shaded: the core steps named in its "
             "closing list (FPK, FKAK, LPT/PKE).\nThe original diagram is not in the source text.")
    return figure


# --- Sentences that say what a table shows (computed, so they follow the data) ---------------

def _names(frame: pd.DataFrame, column: str) -> str:
    return ", ".join(DISTRICT_LABELS.get(d, d) if column == "district" else d
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


def cooperation_heading(linkage_id: str, data_dir: str | Path = "") -> str:
    """A heading for one linkage's table: table number, published title, English name."""
    linkage = LINKAGES.set_index("linkage_id").loc[linkage_id]
    source = resource_descriptor(linkage["resource"], data_dir)["source"]
    return f"**{source['table']}** — {linkage['linkage']} / {linkage['linkage_en']}"


ILLUSTRATIVE_DISTRICT = "Kabupaten Contoh (illustrative)"


def illustrative_survey(firms: int = 24, seed: int = 2026) -> pd.DataFrame:
    """A made-up firm survey of a fictional district, for examples and tests.

    Deterministic for a given seed (numpy's PCG64). Every value is invented; the district
    is named "(illustrative)" so that every output showing it says so.
    """
    rng = np.random.default_rng(seed)
    rows = []
    for number in range(1, firms + 1):
        row = {"district": ILLUSTRATIVE_DISTRICT, "firm_id": f"C-{number:03d}"}
        for aspect, centre in zip(ASPECTS["aspect_id"], [3.4, 2.6, 3.0, 2.2, 3.2, 3.6]):
            score = int(np.clip(np.rint(rng.normal(centre, 0.9)), 1, 5))
            row[aspect] = "" if rng.random() < 0.05 else score
        for linkage, share in zip(SURVEY_LINKAGES, [0.7, 0.8, 0.85, 0.6]):
            answer = "yes" if rng.random() < share else "no"
            row[linkage] = "" if rng.random() < 0.05 else answer
            if linkage != "supporting":
                mode = rng.choice(MODES, p=[0.45, 0.45, 0.10])
                row[f"{linkage}_mode"] = mode if row[linkage] == "yes" and rng.random() > 0.05 else ""
        for area in PROBLEM_AREAS["problem_area_id"]:
            row[area] = int(rng.integers(1, 5))
        rows.append(row)
    columns = [f["name"] for f in resource_descriptor("metal_clusters_firm_survey")["schema"]["fields"]]
    return pd.DataFrame(rows)[columns]
