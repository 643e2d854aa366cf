"""A user's own KTM area for study 2: a folder of files following data/raw/led_synergism/templates/."""

from pathlib import Path

import networkx as nx
import pandas as pd

from workbench.core.datapackage import DataPackage
from workbench.core.paths import display_path
from workbench.core.user_data import read_case_folder
from workbench.core.validation import Problem
from workbench.led_synergism.codebook import GROUP_LABELS, LEVELS, PROCESS_SUB_ITEMS, PUBLISHED_AREAS
NEW_AREA_FILES = {"area.csv": "new_area", "coded_findings.csv": "new_area_coded_findings",
                  "factors.csv": "new_area_factors", "problem_tree_edges.csv": "new_area_problem_tree_edges",
                  "activities.csv": "new_area_activities"}
REQUIRED_NEW_AREA_FILES = ["area.csv", "coded_findings.csv", "factors.csv"]


def coded_level_problems(tables: dict[str, pd.DataFrame], folder: Path) -> list[Problem]:
    """Coded levels that do not belong to their dimension, and process sub-items filed
    under another dimension."""
    path = display_path(folder / "coded_findings.csv")
    problems = []
    for index, row in tables["coded_findings.csv"].iterrows():
        if row["level"] not in LEVELS[row["dimension_id"]]:
            problems.append(Problem(path, index, "level", row["level"],
                                    f"expected a level of {row['dimension_id']}: {', '.join(LEVELS[row['dimension_id']])}"))
        if row["dimension_id"] != "process" and row["sub_item_id"] in PROCESS_SUB_ITEMS:
            problems.append(Problem(path, index, "sub_item_id", row["sub_item_id"],
                                    "a process sub-item needs dimension_id 'process'"))
    return problems


def edge_cycle_problems(tables: dict[str, pd.DataFrame], folder: Path) -> list[Problem]:
    """Problem-tree links that form a cycle (a tree has none), each named by its line."""
    edges = tables.get("problem_tree_edges.csv")
    if edges is None or edges.empty:
        return []
    graph = nx.DiGraph()
    for line, row in edges.iterrows():
        graph.add_edge(row["cause"], row["effect"], line=line)
    try:
        cycle = nx.find_cycle(graph)
    except nx.NetworkXNoCycle:
        return []
    path = " -> ".join([cycle[0][0], *(effect for _, effect in cycle)])
    return [Problem(display_path(folder / "problem_tree_edges.csv"), graph.edges[cause, effect]["line"], "effect", effect,
                    f"the links form a cycle ({path}); a problem tree has none: remove one of them")
            for cause, effect in cycle]


def read_new_area(package: DataPackage, folder: str | Path) -> dict[str, pd.DataFrame]:
    """Read and validate a new area's files (see data/raw/led_synergism/templates/README.md):
    each against its template's schema, every row naming the area of area.csv, which may
    not be a published area, and every coded level belonging to its dimension. All
    problems are reported at once."""
    return read_case_folder(folder, package, NEW_AREA_FILES, REQUIRED_NEW_AREA_FILES, "area.csv", "area",
                            PUBLISHED_AREAS,
                            lambda tables, path: coded_level_problems(tables, path) + edge_cycle_problems(tables, path))


def with_new_area(tables: dict[str, pd.DataFrame], new: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """The study's tables with a new area's rows added."""
    tables = dict(tables)
    tables["coded"] = pd.concat([tables["coded"], new["coded_findings.csv"]], ignore_index=True)
    roles = new["factors.csv"].merge(tables["factors"][["factor_id", "factor"]], on="factor_id", how="left")
    roles = roles.assign(role=roles["role_id"].map({"driver": "Pendorong", "obstacle": "Kendala"}),
                         order=0, factor_as_printed=roles["factor"])
    tables["factors_table"] = pd.concat([tables["factors_table"], roles[tables["factors_table"].columns]],
                                        ignore_index=True)
    if "problem_tree_edges.csv" in new:
        tables["edges"] = pd.concat([tables["edges"], new["problem_tree_edges.csv"]], ignore_index=True)
    if "activities.csv" in new:
        extra = new["activities.csv"].assign(number=0, letter="", component_group=new["activities.csv"]
                                             ["component_group_id"].map(GROUP_LABELS))
        tables["activities"] = pd.concat([tables["activities"], extra[tables["activities"].columns]],
                                         ignore_index=True)
    return tables
