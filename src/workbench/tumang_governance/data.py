"""Study 3's data: the validated tables of seed 003 (and a user's case) and what is derived from them."""

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import pandas as pd

from workbench.core.datapackage import DataPackage, load_package
from workbench.core.paths import display_path
from workbench.core.validation import DataValidationError
from workbench.tumang_governance.audit import reproduction_audit
from workbench.tumang_governance.codebook import PUBLISHED_CASE
from workbench.tumang_governance.tables import problem_map, scorecard, verdict_table
from workbench.tumang_governance.user_data import FILES, mapping_problems, read_new_case


@dataclass(frozen=True)
class TumangStudy:
    """The validated tables of seed 003 (and a user's case) and what is derived from them;
    `cases` are the craft clusters, the published one first."""

    package: DataPackage
    cases: list[str]
    deseve_indicators: pd.DataFrame
    pyke_principles: pd.DataFrame
    problems: pd.DataFrame
    recommendations: pd.DataFrame
    problem_recommendations: pd.DataFrame
    recommendation_indicators: pd.DataFrame
    claims: pd.DataFrame

    @cached_property
    def verdicts(self) -> pd.DataFrame:
        """Both frameworks' verdicts in one long table."""
        return verdict_table({"deseve_indicators": self.deseve_indicators, "pyke_principles": self.pyke_principles})

    @cached_property
    def audit(self) -> pd.DataFrame:
        """The abstract's counts recomputed from the verdicts."""
        return reproduction_audit(self)


def load_study(data_dir: str | Path = "", user_data: str | Path = "") -> TumangStudy:
    """Validate the raw tables (`data_dir` = a folder laid out like data/raw/, "" = the
    project's), add a user's case from the folder `user_data` if given, and derive the study."""
    package = load_package("tumang_governance", data_dir)
    tables = package.read_all(FILES)
    problems = mapping_problems(tables, display_path(package.folder))
    if problems:
        raise DataValidationError(problems)
    cases = [PUBLISHED_CASE]
    if str(user_data):
        new = read_new_case(package, user_data)
        cases.append(new.pop("case")["case"].iloc[0])
        tables = {name: pd.concat([tables[name], new[name]], ignore_index=True) if name in new else tables[name]
                  for name in FILES}
    return TumangStudy(package=package, cases=cases, claims=package.read("claims"), **tables)


def processed_tables(study: TumangStudy) -> dict[str, pd.DataFrame]:
    """The tidy tables that data/processed/tumang_governance/ holds."""
    return {"verdicts": study.verdicts, "scorecard": scorecard(study.verdicts),
            "problem_map": problem_map(study, PUBLISHED_CASE), "audit": study.audit}
