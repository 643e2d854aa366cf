"""Study 2: synergism of local economic development (PEL) components (seed 002).

KTM Telang (Banyuasin) and KTM Batu Betumpang (Bangka Selatan): activities by
component (Tabel 4.1), the four dimensions of synergism (Tabel 4.2) classified
into the six categories of Tabel 2.1, driver and obstacle factors (Tabel 4.3),
trigger factors (Tabel 4.4) and the problem trees (Gambar 4.3, 4.4), which are
reconstructed from the prose.

`load_study()` returns an `LedStudy` whose tidy tables have these columns:

- `activities` (Tabel 4.1): number, component, component_group, component_group_id, area, letter, activity.
- `findings` (Tabel 4.2): number, dimension, dimension_id, sub_item, sub_item_id, area, finding.
- `coded` (the workbench's coding of Tabel 4.2): area, dimension_id, sub_item_id, level, rationale.
- `classification`: area, system, common_goal, process, effect (levels), status,
  category_id, category_en, reason, published_category_id.
- `factor_roles` (Tabel 4.3): factor_id, factor, factor_en, area, role (driver,
  obstacle, both, none).
- `edges` (reconstruction): area, cause, effect, section, sentence.
- `tree` (from the edges): area, factor_id, root_cause, trigger, triggered, layer.
- `audit`: table, cell, published, recomputed, agrees, note.

Coding scheme (Tabel 2.1 encoded). Each dimension has ordinal levels, best first:

- system: comprehensive > partly_systemised > not_systemised > no_collaboration
- common_goal: agreed_by_all > agreed_by_some > not_agreed > none
- process: high > varied > low > none. Tabel 4.2 gives four process lines
  (leadership, SKPD, business commitment; community participation), each coded
  on these levels; they combine as: all equal -> that level; otherwise "low" when
  at least half are low or none ("umumnya kurang"), else "varied".
- effect: optimal > improved_not_optimal_or_uneven > improved_not_optimal_and_uneven
  > unchanged > declined; none where there is no collaboration. Tabel 2.1's
  less-synergetic criterion ("kurang optimal dan atau tidak merata", and/or)
  admits both improved levels; the fragmented one ("tidak optimal dan tidak
  merata") only the second. Both areas' effect in Tabel 4.2 reads "belum optimal
  dan belum merata", so effect does not separate the two areas; system, common
  goal and process do.
"""

from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx
import numpy as np
import pandas as pd
from matplotlib.colors import ListedColormap
from matplotlib.patches import FancyArrowPatch

from workbench.core.audit import audit_entry, audit_table
from workbench.core.choices import resolve_choice
from workbench.core.datapackage import Problem, display_path, read_case_folder, read_resource
from workbench.core.outputs import write_tables
from workbench.core.paths import PROCESSED_DIR
from workbench.core.plotting import HIGHLIGHT, footnote, highlight_colours, new_figure

BOTH = "both"
PUBLISHED_AREAS = {"Telang": ["KTM Telang", "Kawasan Telang"],
                   "Batu Betumpang": ["KTM Batu Betumpang", "Kawasan Batu Betumpang", "Batu-Betumpang"]}
DIMENSIONS = pd.DataFrame(
    [("system", "Sistem", "System"), ("common_goal", "Tujuan bersama", "Common goal"),
     ("process", "Proses kolaborasi", "Collaboration process"),
     ("effect", "Efek pada kesejahteraan", "Effect on welfare")],
    columns=["dimension_id", "dimension", "dimension_en"])
LEVELS = {
    "system": ["comprehensive", "partly_systemised", "not_systemised", "no_collaboration"],
    "common_goal": ["agreed_by_all", "agreed_by_some", "not_agreed", "none"],
    "process": ["high", "varied", "low", "none"],
    "effect": ["optimal", "improved_not_optimal_or_uneven", "improved_not_optimal_and_uneven",
               "unchanged", "declined", "none"],
}
PROCESS_SUB_ITEMS = ["leadership_commitment", "government_agency_commitment", "business_commitment",
                     "community_participation"]
COLLABORATING = {"system": {"comprehensive", "partly_systemised", "not_systemised"},
                 "common_goal": {"agreed_by_all", "agreed_by_some", "not_agreed"},
                 "process": {"high", "varied", "low"}}
CATEGORY_RULES = {
    "synergism": {"system": {"comprehensive"}, "common_goal": {"agreed_by_all"},
                  "process": {"high"}, "effect": {"optimal"}},
    "less_synergetic": {"system": {"partly_systemised"}, "common_goal": {"agreed_by_some"},
                        "process": {"varied"},
                        "effect": {"improved_not_optimal_or_uneven", "improved_not_optimal_and_uneven"}},
    "fragmented": {"system": {"not_systemised"}, "common_goal": {"not_agreed"}, "process": {"low"},
                   "effect": {"improved_not_optimal_and_uneven"}},
    "additive": {**COLLABORATING, "effect": {"unchanged"}},
    "antagonistic": {**COLLABORATING, "effect": {"declined"}},
    "sectoral": {"system": {"no_collaboration"}, "common_goal": {"none"}, "process": {"none"},
                 "effect": set(LEVELS["effect"])},
}
ROLES = ["none", "driver", "obstacle", "both"]
GROUP_LABELS = {"government": "Pemerintah / Government", "business": 'Badan usaha, "pasar" / Business, "market"',
                "community_organisation": "Organisasi masyarakat / Community organisations"}
NEW_AREA_FILES = {"area.csv": "led_new_area", "coded_findings.csv": "led_new_area_coded_findings",
                  "factors.csv": "led_new_area_factors",
                  "problem_tree_edges.csv": "led_new_area_problem_tree_edges",
                  "activities.csv": "led_new_area_activities"}
RAW_RESOURCES = ["led_table2_1_categories", "led_table4_1_activities", "led_table4_2_findings",
                 "led_table4_2_categories", "led_table4_3_factors", "led_table4_4_triggers", "led_area_profiles",
                 "led_factors", "led_coded_findings", "led_problem_tree_edges"]
REQUIRED_NEW_AREA_FILES = ["area.csv", "coded_findings.csv", "factors.csv"]


# --- Classifier ------------------------------------------------------------------------------

def process_level(sub_levels: list[str]) -> str:
    """Combine the process lines (commitments, participation) into one process level."""
    if len(set(sub_levels)) == 1:
        return sub_levels[0]
    weak = sum(level in ("low", "none") for level in sub_levels)
    return "low" if weak >= len(sub_levels) / 2 else "varied"


@dataclass
class Classification:
    """A category of collaboration for coded levels, with the reason; `category_id` is
    None when no category or several fit (`status` says which)."""

    levels: dict
    status: str
    category_id: str | None
    reason: str
    fitting: list = field(default_factory=list)


def classify(levels: dict, rules: dict = CATEGORY_RULES) -> Classification:
    """The category of Tabel 2.1 whose criterion every dimension's coded level meets."""
    missing = [d for d in DIMENSIONS["dimension_id"] if not levels.get(d)]
    if missing:
        return Classification(levels, "incomplete coding", None,
                              f"No level coded for: {', '.join(missing)}; no category is chosen.")
    misses = {category: [d for d, allowed in rule.items() if levels[d] not in allowed]
              for category, rule in rules.items()}
    fitting = [category for category, failed in misses.items() if not failed]
    coded = "; ".join(f"{d} = {levels[d]}" for d in DIMENSIONS["dimension_id"])
    if len(fitting) == 1:
        return Classification(levels, "fits", fitting[0],
                              f"{coded}: meets every criterion of '{fitting[0]}' (Tabel 2.1).", fitting)
    if fitting:
        return Classification(levels, "fits several categories", None,
                              f"{coded}: meets the criteria of {', '.join(fitting)}; the rules overlap, "
                              "so no category is chosen.", fitting)
    closest = min(misses, key=lambda c: len(misses[c]))
    return Classification(levels, "no category fits", None,
                          f"{coded}: meets no category on all four dimensions. Closest: '{closest}', "
                          f"which it misses on {', '.join(misses[closest])}.")


def area_levels(coded: pd.DataFrame, area: str) -> dict:
    """One level per dimension for an area: the 'overall' row, or for process the
    combination of its sub-items."""
    rows = coded[coded["area"] == area]
    levels = {}
    for dimension in DIMENSIONS["dimension_id"]:
        part = rows[rows["dimension_id"] == dimension]
        subs = part[part["sub_item_id"].isin(PROCESS_SUB_ITEMS)]
        overall = part[part["sub_item_id"] == "overall"]
        if dimension == "process" and len(subs):
            levels[dimension] = process_level(subs["level"].tolist())
        elif len(overall):
            levels[dimension] = overall["level"].iloc[0]
    return levels


# --- Loading ---------------------------------------------------------------------------------

@dataclass
class LedStudy:
    """The validated tables of seed 002 (and any new area) and what is derived from them."""

    categories: pd.DataFrame
    activities: pd.DataFrame
    findings: pd.DataFrame
    published_categories: pd.DataFrame
    factors_table: pd.DataFrame
    triggers: pd.DataFrame
    profiles: pd.DataFrame
    factors: pd.DataFrame
    coded: pd.DataFrame
    edges: pd.DataFrame
    areas: list
    classification: pd.DataFrame = None
    factor_roles: pd.DataFrame = None
    tree: pd.DataFrame = None
    audit: pd.DataFrame = None


def resolve_area(name: str, areas: list[str]) -> str:
    """"both" (all areas) or one area; published aliases and any case accepted."""
    choices = {BOTH: ["all"], **{a: PUBLISHED_AREAS.get(a, []) for a in areas}}
    return resolve_choice(name, choices, "area")


def coded_level_problems(tables: dict[str, pd.DataFrame], folder: Path) -> list[Problem]:
    """Coded levels that do not belong to their dimension, and process sub-items filed
    under another dimension."""
    path = display_path(folder / "coded_findings.csv")
    problems = []
    for index, row in tables["coded_findings.csv"].iterrows():
        if row["level"] not in LEVELS[row["dimension_id"]]:
            problems.append(Problem(path, index + 2, "level", row["level"],
                                    f"expected a level of {row['dimension_id']}: {', '.join(LEVELS[row['dimension_id']])}"))
        if row["dimension_id"] != "process" and row["sub_item_id"] in PROCESS_SUB_ITEMS:
            problems.append(Problem(path, index + 2, "sub_item_id", row["sub_item_id"],
                                    "a process sub-item needs dimension_id 'process'"))
    return problems


def read_new_area(folder: str | Path) -> dict[str, pd.DataFrame]:
    """Read and validate a new area's files (see data/raw/templates/led_synergism/README.md):
    each against its template's schema, every row naming the area of area.csv, and every
    coded level belonging to its dimension. All problems are reported at once."""
    return read_case_folder(folder, NEW_AREA_FILES, REQUIRED_NEW_AREA_FILES, "area.csv", "area",
                            coded_level_problems)


def _with_new_area(study: LedStudy, new: dict[str, pd.DataFrame], factor_names: pd.DataFrame) -> LedStudy:
    area = new["area.csv"].at[0, "area"]
    study.coded = pd.concat([study.coded, new["coded_findings.csv"]], ignore_index=True)
    roles = new["factors.csv"].merge(factor_names, on="factor_id", how="left")
    roles = roles.assign(role=roles["role_id"].map({"driver": "Pendorong", "obstacle": "Kendala"}),
                         order=0, factor_as_printed=roles["factor"])
    study.factors_table = pd.concat([study.factors_table, roles[study.factors_table.columns]], ignore_index=True)
    if "problem_tree_edges.csv" in new:
        study.edges = pd.concat([study.edges, new["problem_tree_edges.csv"]], ignore_index=True)
    if "activities.csv" in new:
        extra = new["activities.csv"].assign(number=0, component_group=new["activities.csv"]["component_group_id"]
                                             .map(GROUP_LABELS), letter="")
        study.activities = pd.concat([study.activities, extra[study.activities.columns]], ignore_index=True)
    study.areas = [*study.areas, area]
    return study


def load_study(data_dir: str | Path = "", new_area_dir: str | Path = "") -> LedStudy:
    """Validate the raw tables ("" = the project's data/raw), add a new area's files if
    given, and derive classification, factor roles, problem tree and audit."""
    raw = {name: read_resource(name, data_dir) for name in RAW_RESOURCES}
    study = LedStudy(
        categories=raw["led_table2_1_categories"], activities=raw["led_table4_1_activities"],
        findings=raw["led_table4_2_findings"], published_categories=raw["led_table4_2_categories"],
        factors_table=raw["led_table4_3_factors"], triggers=raw["led_table4_4_triggers"],
        profiles=raw["led_area_profiles"], factors=raw["led_factors"], coded=raw["led_coded_findings"],
        edges=raw["led_problem_tree_edges"], areas=list(PUBLISHED_AREAS))
    if str(new_area_dir):
        study = _with_new_area(study, read_new_area(new_area_dir), study.factors[["factor_id", "factor"]])
    study.classification = classification_table(study)
    study.factor_roles = factor_roles(study.factors_table, study.factors, study.areas)
    study.tree = problem_tree(study.edges, study.areas)
    study.audit = reproduction_audit(study)
    return study


# --- Derived tables --------------------------------------------------------------------------

def classification_table(study: LedStudy) -> pd.DataFrame:
    """Each area's coded levels, the category the classifier gives, and the paper's."""
    published = dict(zip(study.published_categories["area"], study.published_categories["category_id"]))
    names = dict(zip(study.categories["category_id"], study.categories["category_en"]))
    rows = []
    for area in study.areas:
        result = classify(area_levels(study.coded, area))
        rows.append({"area": area, **{d: result.levels.get(d, "") for d in DIMENSIONS["dimension_id"]},
                     "status": result.status, "category_id": result.category_id or "",
                     "category_en": names.get(result.category_id, ""), "reason": result.reason,
                     "published_category_id": published.get(area, "")})
    return pd.DataFrame(rows)


def factor_roles(factors_table: pd.DataFrame, codebook: pd.DataFrame, areas: list[str]) -> pd.DataFrame:
    """Factor x area matrix of roles (Tabel 4.3): driver, obstacle, both or none."""
    rows = []
    for factor in codebook.itertuples():
        for area in areas:
            roles = set(factors_table[(factors_table["factor_id"] == factor.factor_id)
                                      & (factors_table["area"] == area)]["role_id"])
            role = "both" if len(roles) == 2 else (roles.pop() if roles else "none")
            rows.append({"factor_id": factor.factor_id, "factor": factor.factor, "factor_en": factor.factor_en,
                         "area": area, "role": role})
    return pd.DataFrame(rows)


def role_counts(roles: pd.DataFrame) -> pd.DataFrame:
    """Per area, how many factors act as drivers and as obstacles (a 'both' counts in each)."""
    counts = roles.assign(driver=roles["role"].isin(["driver", "both"]),
                          obstacle=roles["role"].isin(["obstacle", "both"]))
    return counts.groupby("area", sort=False)[["driver", "obstacle"]].sum().reset_index()


def tree_graph(edges: pd.DataFrame, area: str) -> nx.DiGraph:
    """The reconstructed problem tree of an area as a directed graph (cause -> effect)."""
    part = edges[edges["area"] == area]
    graph = nx.DiGraph()
    graph.add_edges_from(sorted(set(zip(part["cause"], part["effect"]))))
    return graph


def problem_tree(edges: pd.DataFrame, areas: list[str]) -> pd.DataFrame:
    """Per area and factor: root cause (causes, caused by nothing), trigger (causes another
    factor), triggered (caused by a factor), and its layer (0 = roots; synergism on top)."""
    rows = []
    for area in areas:
        graph = tree_graph(edges, area)
        if not graph:
            continue
        if not nx.is_directed_acyclic_graph(graph):
            raise ValueError(f"The problem tree of {area} has a cycle: {nx.find_cycle(graph)}")
        layer = {}
        for depth, nodes in enumerate(nx.topological_generations(graph)):
            layer.update({node: depth for node in nodes})
        top = max(layer.values()) + 1
        for node in sorted(graph.nodes):
            factor_successors = [s for s in graph.successors(node) if s != "synergism"]
            rows.append({"area": area, "factor_id": node,
                         "root_cause": node != "synergism" and graph.in_degree(node) == 0,
                         "trigger": bool(factor_successors), "triggered": graph.in_degree(node) > 0,
                         "causes": ", ".join(sorted(graph.successors(node))),
                         "layer": top if node == "synergism" else layer[node]})
    return pd.DataFrame(rows, columns=["area", "factor_id", "root_cause", "trigger", "triggered",
                                       "causes", "layer"])


def trigger_comparison(study: LedStudy) -> pd.DataFrame:
    """Triggers derived from the reconstructed tree beside Tabel 4.4, with the reason for
    every difference."""
    rows = []
    for area in study.triggers["area"].unique():
        listed = set(study.triggers[study.triggers["area"] == area]["factor_id"])
        tree = study.tree[study.tree["area"] == area].set_index("factor_id")
        derived = set(tree.index[tree["trigger"]])
        for factor_id in sorted(listed | derived):
            if factor_id in listed and factor_id in derived:
                why = "agrees"
            elif factor_id in listed:
                why = ("Tabel 4.4 lists it, but the prose names it a trigger only in the group statements "
                       "(section 4.4 'Ketujuh faktor tersebut ... menjadi pemicu'; section V), which do not say "
                       "which factor it triggers, so the reconstruction has no edge from it to another factor")
            else:
                why = (f"the prose says it causes {tree.at[factor_id, 'causes']}, but the paper counts it "
                       "among the triggered factors: it links triggered factors with each other")
            rows.append({"area": area, "factor_id": factor_id, "in_tabel_4_4": factor_id in listed,
                         "derived_trigger": factor_id in derived, "explanation": why})
    return pd.DataFrame(rows)


def reproduction_audit(study: LedStudy) -> pd.DataFrame:
    """The paper's categories, counts and shares recomputed from its tables, and the
    reconstructed triggers compared with Tabel 4.4."""
    entries = []
    for row in study.classification.itertuples():
        if row.published_category_id:
            entries.append(audit_entry("Tabel 4.2", f"{row.area} × Kategori Kolaborasi", row.published_category_id,
                                       row.category_id or row.status, None,
                                       "classifier on the workbench's coding of Tabel 4.2"))
    roles = study.factor_roles[study.factor_roles["area"].isin(PUBLISHED_AREAS)]
    wide = roles.pivot(index="factor_id", columns="area", values="role")
    drives = wide.isin(["driver", "both"])
    hinders = wide.isin(["obstacle", "both"])
    entries += [
        audit_entry("Text of 4.3 vs Tabel 4.3", "factors that are drivers in both areas (the text lists nine)", 9,
                    int(drives.all(axis=1).sum()), 0, "count of factors with a driver role in both areas"),
        audit_entry("Text of 4.3 vs Tabel 4.3", "factors that are drivers in Batu Betumpang only (the text lists five)",
                    5, int((drives["Batu Betumpang"] & ~drives["Telang"]).sum()), 0,
                    "count of factors with a driver role in Batu Betumpang and none in Telang"),
        audit_entry("Text of 4.3 vs Tabel 4.3", "'Dari enam belas faktor ... seluruhnya ... faktor kendala di kedua kawasan'",
                    16, int(hinders.all(axis=1).sum()), 0,
                    "count of factors with an obstacle role in both areas; Tabel 4.3 prints '-' for trust (kepercayaan) in Telang"),
        audit_entry("Section II", "'enam belas faktor' of the proposition", 16,
                    int(study.factors["in_proposition"].sum()), 0, "factors of the proposition in the codebook"),
    ]
    for area in study.triggers["area"].unique():
        listed = study.triggers[study.triggers["area"] == area]
        entries.append(audit_entry("Text of 4.4 vs Tabel 4.4", f"{area}: 'Ketujuh faktor' (seven triggers besides the external factor)",
                                   7, int((listed["factor_id"] != "external_factor").sum()), 0, "rows of Tabel 4.4 without faktor eksternal"))
    for row in trigger_comparison(study).itertuples():
        entries.append(audit_entry("Tabel 4.4 vs reconstructed tree", f"{row.area} × {row.factor_id} is a trigger",
                                   row.in_tabel_4_4, row.derived_trigger, None, row.explanation))
    shares = study.profiles[(study.profiles["area"] == "Telang")].set_index("attribute")
    entries.append(audit_entry("Section 4.1 (text)", "Telang: non-farm share, printed '15,5,7%'",
                               shares.at["share_non_farm", "value"],
                               100 - shares.at["share_farmers", "value"] - shares.at["share_farm_labourers", "value"], 1,
                               "100 - 68,6 (farmers) - 15,9 (farm labourers); the printed value is not one number"))
    return audit_table(entries)


def processed_tables(study: LedStudy) -> dict[str, pd.DataFrame]:
    """The tidy tables that data/processed/led_synergism/ holds."""
    return {"activities": study.activities, "coded_findings": study.coded,
            "classification": study.classification, "factor_roles": study.factor_roles,
            "problem_tree": study.tree, "audit": study.audit}


def write_processed(data_dir: str | Path = "", folder: Path = PROCESSED_DIR / "led_synergism") -> list[Path]:
    """Derive the tidy tables from the raw data and write them to data/processed/led_synergism/."""
    return write_tables(processed_tables(load_study(data_dir)), folder)


# --- Tables as the notebook shows them ---------------------------------------------------------

def select_areas(frame: pd.DataFrame, area: str) -> pd.DataFrame:
    """Rows of one area, or all rows for "both"."""
    return frame if area == BOTH else frame[frame["area"] == area]


def profile_table(profiles: pd.DataFrame) -> pd.DataFrame:
    """The area profiles side by side, as printed."""
    grid = profiles.pivot(index=["attribute", "label"], columns="area", values="printed")
    return grid[[a for a in PUBLISHED_AREAS if a in grid.columns]].reset_index().fillna("—")


def activity_counts(activities: pd.DataFrame) -> pd.DataFrame:
    """Activities per component group and area (Tabel 4.1, counted)."""
    counts = activities.groupby(["component_group_id", "area"], sort=False).size().rename("activities")
    return counts.reset_index()


def findings_side_by_side(findings: pd.DataFrame, coded: pd.DataFrame) -> pd.DataFrame:
    """Tabel 4.2 with each area's finding and its coded level side by side."""
    merged = findings.merge(coded[["area", "dimension_id", "sub_item_id", "level"]],
                            on=["area", "dimension_id", "sub_item_id"], how="left")
    merged["cell"] = merged["finding"] + merged["level"].map(lambda v: f"  [{v}]" if isinstance(v, str) else "")
    grid = merged.pivot(index=["number", "dimension", "sub_item_id"], columns="area", values="cell")
    return grid.reset_index()


# --- Figures ---------------------------------------------------------------------------------

def plot_activities(activities: pd.DataFrame, highlight: str = BOTH):
    """Activities by component group and area (Tabel 4.1)."""
    counts = activity_counts(activities)
    areas = list(dict.fromkeys(activities["area"]))
    groups = [g for g in GROUP_LABELS if g in set(counts["component_group_id"])]
    colours = highlight_colours(areas, None if highlight == BOTH else highlight)
    figure, ax = new_figure(7.5, 3.8)
    height = 0.8 / len(areas)
    for i, area in enumerate(areas):
        part = counts[counts["area"] == area].set_index("component_group_id").reindex(groups)["activities"].fillna(0)
        y = np.arange(len(groups)) + (i - (len(areas) - 1) / 2) * height
        bars = ax.barh(y, part.to_numpy(), height=height, color=colours[area], label=area)
        ax.bar_label(bars, padding=2, fontsize=8)
    ax.set_yticks(range(len(groups)), [GROUP_LABELS[g] for g in groups])
    ax.invert_yaxis()
    ax.set_xlabel("activities (one per listed activity in Tabel 4.1)")
    ax.set_title("LED activities by component group and area (Tabel 4.1)")
    ax.legend(frameon=False)
    return figure


def plot_dimension_findings(coded: pd.DataFrame, classification: pd.DataFrame, highlight: str = BOTH):
    """The coded level of every dimension (and process line) side by side per area;
    darker = further from synergism."""
    areas = list(classification["area"])
    items = [("system", "overall"), ("common_goal", "overall"), *[("process", s) for s in PROCESS_SUB_ITEMS],
             ("process", "combined"), ("effect", "overall")]
    rank = np.full((len(items), len(areas)), np.nan)
    labels = np.full((len(items), len(areas)), "", dtype=object)
    for j, area in enumerate(areas):
        combined = classification.set_index("area").loc[area]
        for i, (dimension, sub) in enumerate(items):
            if sub == "combined":
                level = combined["process"]
            else:
                match = coded[(coded["area"] == area) & (coded["dimension_id"] == dimension)
                              & (coded["sub_item_id"] == sub)]["level"]
                level = match.iloc[0] if len(match) else ""
            if level:
                rank[i, j] = LEVELS[dimension].index(level) / (len(LEVELS[dimension]) - 1)
                labels[i, j] = level.replace("_", " ")
    figure, ax = new_figure(3.2 + 2.6 * len(areas), 5)
    ax.imshow(rank, cmap="Oranges", vmin=0, vmax=1, aspect="auto")
    for (i, j), text in np.ndenumerate(labels):
        ax.text(j, i, text or "not coded", ha="center", va="center", fontsize=8,
                color="white" if rank[i, j] > 0.6 else "black")
    ax.set_xticks(range(len(areas)), [f"{a}\n{c}" for a, c in zip(areas, classification["category_en"]
                                                                   .where(classification["category_en"] != "",
                                                                          classification["status"]))])
    ax.set_yticks(range(len(items)), [f"{d.replace('_', ' ')}: {s.replace('_', ' ')}" for d, s in items])
    ax.tick_params(axis="x", top=True, bottom=False, labeltop=True, labelbottom=False)
    if highlight != BOTH and highlight in areas:
        ax.get_xticklabels()[areas.index(highlight)].set_color(HIGHLIGHT)
    ax.set_title("Dimensions of synergism, coded from Tabel 4.2\n(darker = further from synergism)")
    footnote(figure, "Levels are the workbench's coding of Tabel 4.2 (data/raw/led_synergism/coded_findings.csv); "
             "the category comes from the Tabel 2.1 classifier.")
    return figure


def plot_factor_matrix(roles: pd.DataFrame):
    """Factor x area matrix of roles from Tabel 4.3: driver, obstacle, both or none."""
    areas = list(dict.fromkeys(roles["area"]))
    factors = list(dict.fromkeys(roles["factor_id"]))
    grid = roles.pivot(index="factor_id", columns="area", values="role").loc[factors, areas]
    names = roles.drop_duplicates("factor_id").set_index("factor_id")
    figure, ax = new_figure(2.8 + 2.2 * len(areas), 6.2)
    codes = grid.apply(lambda column: column.map(ROLES.index)).to_numpy()
    cmap = ListedColormap(["#f0f0f0", "#74c476", "#fb6a4a", "#9e9ac8"])
    ax.imshow(codes, cmap=cmap, vmin=-0.5, vmax=3.5, aspect="auto")
    for (i, j), code in np.ndenumerate(codes):
        ax.text(j, i, ["—", "driver", "obstacle", "both"][code], ha="center", va="center", fontsize=8)
    ax.set_xticks(range(len(areas)), areas)
    ax.set_yticks(range(len(factors)), [f"{names.at[f, 'factor']} / {names.at[f, 'factor_en']}" for f in factors])
    ax.tick_params(axis="x", top=True, bottom=False, labeltop=True, labelbottom=False)
    ax.set_title("Driving (pendorong) and inhibiting (kendala) factors (Tabel 4.3)")
    return figure


def plot_problem_tree(study: LedStudy, area: str):
    """The reconstructed problem tree of one area as a layered diagram: root causes at the
    bottom, synergism at the top; orange = a trigger in Tabel 4.4."""
    tree = study.tree[study.tree["area"] == area]
    graph = tree_graph(study.edges, area)
    listed = set(study.triggers[study.triggers["area"] == area]["factor_id"])
    names = dict(zip(study.factors["factor_id"], study.factors["factor_en"]))
    names["synergism"] = "SYNERGISM"
    position = {}
    for layer, nodes in tree.groupby("layer"):
        ordered = sorted(nodes["factor_id"])
        for k, node in enumerate(ordered):
            position[node] = ((k + 1) / (len(ordered) + 1), layer)
    figure, ax = new_figure(10, 7)
    ax.set_axis_off()
    ax.set_xlim(0, 1)
    ax.set_ylim(-0.6, tree["layer"].max() + 0.6)
    for cause, effect in sorted(graph.edges):
        ax.add_patch(FancyArrowPatch(position[cause], position[effect], arrowstyle="-|>", mutation_scale=10,
                                     shrinkA=14, shrinkB=14, color="#777777", linewidth=0.8,
                                     connectionstyle="arc3,rad=0.08"))
    for node, (x, y) in sorted(position.items()):
        colour = "#f4cccc" if node == "synergism" else ("#fde0c5" if node in listed else "#eeeeee")
        ax.text(x, y, names.get(node, node), ha="center", va="center", fontsize=8,
                bbox={"boxstyle": "round,pad=0.3", "facecolor": colour,
                      "edgecolor": HIGHLIGHT if node in listed else "#888888"})
    ax.set_title(f"Problem tree, {area}: reconstruction from the prose of sections 4.3, 4.4 and V")
    footnote(figure, "Gambar 4.3 and 4.4 are images absent from the text. Each arrow is a cause -> effect link a sentence "
             "states (data/raw/led_synergism/problem_tree_edges.csv).\nOrange, red edge: listed as a trigger in Tabel 4.4. "
             "Bottom row: root causes; layers by longest chain of causes.")
    return figure
