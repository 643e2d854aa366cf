"""A user's own craft cluster for study 3: a folder of files following data/raw/tumang_governance/templates/."""

from pathlib import Path

import pandas as pd

from workbench.core.datapackage import DataPackage
from workbench.core.paths import display_path
from workbench.core.user_data import read_case_folder
from workbench.core.validation import Problem
from workbench.tumang_governance.codebook import CASE_ALIASES, FRAMEWORKS
FILES = ["deseve_indicators", "pyke_principles", "problems", "recommendations", "problem_recommendations",
         "recommendation_indicators"]
NEW_CASE_FILES = {"case.csv": "new_case", **{f"{name}.csv": f"new_case_{name}" for name in FILES}}
REQUIRED_NEW_CASE_FILES = ["case.csv", "deseve_indicators.csv", "pyke_principles.csv"]


def mapping_problems(tables: dict[str, pd.DataFrame], where: str) -> list[Problem]:
    """Links that name a problem, recommendation or indicator the other files do not have."""
    problems = []
    known = {"problem_id": set(tables.get("problems", pd.DataFrame(columns=["item_id"]))["item_id"]),
             "recommendation_id": set(tables.get("recommendations", pd.DataFrame(columns=["item_id"]))["item_id"])}
    for name in ["problem_recommendations", "recommendation_indicators"]:
        for index, row in tables.get(name, pd.DataFrame()).iterrows():
            for column in ("problem_id", "recommendation_id"):
                if column in row and row[column] not in known[column]:
                    problems.append(Problem(f"{where}/{name}.csv", index, column, row[column],
                                            f"expected an item_id of {column.split('_')[0]}s.csv: "
                                            f"{', '.join(sorted(known[column])) or '(none)'}"))
            if name == "recommendation_indicators":
                file = FRAMEWORKS.set_index("framework").at[row["framework"], "file"]
                ids = set(tables[file][f"{FRAMEWORKS.set_index('framework').at[row['framework'], 'item_column']}_id"]
                          .dropna())
                if row["indicator_id"] not in ids:
                    problems.append(Problem(f"{where}/{name}.csv", index, "indicator_id", row["indicator_id"],
                                            f"expected an id of {file}.csv ({row['framework']}): {', '.join(sorted(ids))}"))
    return problems


def read_new_case(package: DataPackage, folder: str | Path) -> dict[str, pd.DataFrame]:
    """Read and validate a new case's files (see data/raw/tumang_governance/templates/README.md);
    the case may not be named like the published case."""
    tables = read_case_folder(
        folder, package, NEW_CASE_FILES, REQUIRED_NEW_CASE_FILES, "case.csv", "case", CASE_ALIASES,
        lambda found, path: mapping_problems({k.removesuffix(".csv"): v for k, v in found.items()}, display_path(path)))
    return {name.removesuffix(".csv"): table for name, table in tables.items()}
