"""Study 2's data: the validated tables of seed 002 (and a user's area) and what is derived from them."""

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import pandas as pd

from workbench.core.datapackage import DataPackage, load_package
from workbench.led_synergism.audit import reproduction_audit
from workbench.led_synergism.classifier import area_levels, classify
from workbench.led_synergism.codebook import DIMENSIONS, PUBLISHED_AREAS
from workbench.led_synergism.tree import problem_tree
from workbench.led_synergism.user_data import read_new_area, with_new_area


RAW_TABLES = {"categories": "table2_1_categories", "activities": "table4_1_activities",
              "findings": "table4_2_findings", "published_categories": "table4_2_categories",
              "factors_table": "table4_3_factors", "triggers": "table4_4_triggers", "profiles": "area_profiles",
              "factors": "factors", "coded": "coded_findings", "edges": "problem_tree_edges", "claims": "claims"}


@dataclass(frozen=True)
class LedStudy:
    """The validated tables of seed 002 (and a user's area) and what is derived from them;
    `cases` are the areas, published first."""

    package: DataPackage
    cases: list[str]
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
    claims: pd.DataFrame

    @cached_property
    def classification(self) -> pd.DataFrame:
        """Each area's coded levels and its Tabel 2.1 category, with the reason."""
        return classification_table(self)

    @cached_property
    def factor_roles(self) -> pd.DataFrame:
        """Tabel 4.3 as factor x area roles."""
        return factor_roles(self.factors_table, self.factors, self.cases)

    @cached_property
    def tree(self) -> pd.DataFrame:
        """The reconstructed problem trees: root causes, triggers, layers."""
        return problem_tree(self.edges, self.cases)

    @cached_property
    def audit(self) -> pd.DataFrame:
        """The paper's categories, counts and shares recomputed, and its claims checked."""
        return reproduction_audit(self)


def load_study(data_dir: str | Path = "", user_data: str | Path = "") -> LedStudy:
    """Validate the raw tables (`data_dir` = a folder laid out like data/raw/, "" = the
    project's), add a user's area from the folder `user_data` if given, and derive the study."""
    package = load_package("led_synergism", data_dir)
    read = package.read_all(RAW_TABLES.values())
    tables = {field: read[resource] for field, resource in RAW_TABLES.items()}
    cases = list(PUBLISHED_AREAS)
    if str(user_data):
        new = read_new_area(package, user_data)
        tables = with_new_area(tables, new)
        cases.append(new["area.csv"]["area"].iloc[0])
    return LedStudy(package=package, cases=cases, **tables)


def classification_table(study: LedStudy) -> pd.DataFrame:
    """Each area's coded levels, the category the classifier gives, and the paper's."""
    published = dict(zip(study.published_categories["area"], study.published_categories["category_id"]))
    names = dict(zip(study.categories["category_id"], study.categories["category_en"]))
    printed = dict(zip(study.categories["category_id"], study.categories["category"]))
    rows = []
    for area in study.cases:
        result = classify(area_levels(study.coded, area))
        rows.append({"area": area, **{d: result.levels.get(d, "") for d in DIMENSIONS["dimension_id"]},
                     "status": result.status, "category_id": result.category_id or "",
                     "category": printed.get(result.category_id, ""),
                     "category_en": names.get(result.category_id, ""), "reason": result.reason,
                     "published_category_id": published.get(area, "")})
    return pd.DataFrame(rows)


def factor_roles(factors_table: pd.DataFrame, codebook: pd.DataFrame, areas: list[str]) -> pd.DataFrame:
    """Factor x area matrix of roles (Tabel 4.3): driver, obstacle, both or none, with where
    the codebook takes each factor from."""
    rows = []
    for factor in codebook.itertuples():
        for area in areas:
            roles = set(factors_table[(factors_table["factor_id"] == factor.factor_id)
                                      & (factors_table["area"] == area)]["role_id"])
            role = "both" if len(roles) == 2 else (roles.pop() if roles else "none")
            rows.append({"factor_id": factor.factor_id, "factor": factor.factor, "factor_en": factor.factor_en,
                         "source": factor.source, "area": area, "role": role})
    return pd.DataFrame(rows)


def role_counts(roles: pd.DataFrame) -> pd.DataFrame:
    """Per area, how many factors act as drivers and as obstacles (a 'both' counts in each)."""
    counts = roles.assign(driver=roles["role"].isin(["driver", "both"]),
                          obstacle=roles["role"].isin(["obstacle", "both"]))
    return counts.groupby("area", sort=False)[["driver", "obstacle"]].sum().reset_index()


def processed_tables(study: LedStudy) -> dict[str, pd.DataFrame]:
    """The tidy tables that data/processed/led_synergism/ holds."""
    return {"activities": study.activities, "coded_findings": study.coded,
            "classification": study.classification, "factor_roles": study.factor_roles,
            "problem_tree": study.tree, "audit": study.audit}
