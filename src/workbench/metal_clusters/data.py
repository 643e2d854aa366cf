"""Study 1's data: the validated raw tables of seed 001 and the tidy tables derived from them."""

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import pandas as pd

from workbench.core.i18n import _
from workbench.core.datapackage import DataPackage, load_package
from workbench.core.errors import DataValidationError, Problem
from workbench.core.paths import SURVEY_SUFFIXES, display_path, split_sheet
from workbench.core.provenance import sha256
from workbench.metal_clusters.audit import reproduction_audit
from workbench.metal_clusters.codebook import (ASPECTS, DISTRICTS, LINKAGES, MODES, PROBLEM_AREAS,
                                               RESPONSES)
from workbench.metal_clusters.inference import cooperation_intervals, cooperation_tests
from workbench.metal_clusters.user_data import read_survey


RAW_TABLES = ["table2_jica_indicators", "table3_cluster_dynamics", *LINKAGES["resource"],
              "table8_problem_solving", "cluster_model_steps", "cluster_model_items", "claims"]


@dataclass(frozen=True)
class MetalClusterStudy:
    """The validated raw tables of seed 001 (and a user's districts) and the tidy tables
    derived from them; `cases` are the districts, published first."""

    package: DataPackage
    raw: dict[str, pd.DataFrame]
    cases: list[str]
    dynamics: pd.DataFrame
    cooperation: pd.DataFrame
    problem_solving: pd.DataFrame
    district_sources: pd.DataFrame
    firms: pd.DataFrame | None = None   # a firm survey's rows, one per firm; None without one

    @cached_property
    def audit(self) -> pd.DataFrame:
        """Every derived number the paper prints, recomputed (the published tables only)."""
        return reproduction_audit(self)


def cluster_dynamics(table3: pd.DataFrame, package: DataPackage) -> pd.DataFrame:
    """Table 3 in long form: one row per location and aspect with mean, minimum, maximum, and
    the firms that answered (known for a survey; the published table does not print it)."""
    rows = []
    for record in table3.to_dict("records"):
        for aspect in ASPECTS.to_dict("records"):
            key = aspect["aspect_id"]
            rows.append({"district": package.case_name(record["location"]), "location": record["location"],
                         **aspect, "mean": record[f"{key}_mean"],
                         "minimum": record[f"{key}_min"], "maximum": record[f"{key}_max"],
                         "answered": record.get(f"{key}_answered", pd.NA)})
    return pd.DataFrame(rows).astype({"mean": "Float64", "minimum": "Float64", "maximum": "Float64",
                                      "answered": "Int64"})


def cooperation_counts(tables: dict[str, pd.DataFrame], package: DataPackage) -> pd.DataFrame:
    """Tables 4-7 in long form: firms per location, linkage and response (published rows only)."""
    rows = []
    for linkage in LINKAGES.to_dict("records"):
        table = tables[linkage["resource"]]
        has_modes = "passive" in table.columns
        for record in package.cases_only(linkage["resource"], table).to_dict("records"):
            counts = {"not_cooperating": record["not_cooperating"]}
            if has_modes:
                counts.update({mode: record[mode] for mode in MODES})
                unstated = record["cooperating"] - sum(record[mode] for mode in MODES)
                if unstated > 0:
                    counts["cooperating_mode_not_asked"] = unstated
            else:
                counts["cooperating_mode_not_asked"] = record["cooperating"]
            for response_id, firms in counts.items():
                rows.append({"district": package.case_name(record["location"]), "location": record["location"],
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


def problem_solving(table8: pd.DataFrame, package: DataPackage) -> pd.DataFrame:
    """Table 8 in long form: one score per location and problem area (published average row left out)."""
    rows = []
    for record in package.cases_only("table8_problem_solving", table8).to_dict("records"):
        for area in PROBLEM_AREAS.to_dict("records"):
            rows.append({"district": package.case_name(record["location"]), "location": record["location"],
                         **area, "score": record[area["problem_area_id"]]})
    return pd.DataFrame(rows).astype({"score": "Float64"})


def tidy_tables(tables: dict[str, pd.DataFrame], package: DataPackage) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """Tables 3-8 (published, or aggregated from a survey) as the tidy dynamics,
    cooperation counts and problem-solving scores."""
    return (cluster_dynamics(tables["table3_cluster_dynamics"], package), cooperation_counts(tables, package),
            problem_solving(tables["table8_problem_solving"], package))


def survey_files(user_data: str | Path) -> list[str]:
    """The survey files a `user_data` value names: itself, or each survey file of a folder
    (CSV, text or Excel, by name), for one comparison of all their districts."""
    path = split_sheet(user_data)[0].expanduser()
    if not path.is_dir():
        return [str(user_data)]
    files = sorted(str(p) for p in path.iterdir() if p.is_file() and p.suffix.lower() in SURVEY_SUFFIXES)
    if not files:
        raise DataValidationError([Problem(display_path(path), None, None, None, "no survey files in this folder; "
                                           f"expected files ending in {', '.join(SURVEY_SUFFIXES)}")])
    return files


def load_study(data_dir: str | Path = "", user_data: str | Path = "") -> MetalClusterStudy:
    """Validate the raw tables (`data_dir` = a folder laid out like data/raw/, "" = the
    project's), add the districts of the firm surveys or district summaries at `user_data`
    (a file, or a folder of them to compare all their districts) if given, and derive the study."""
    package = load_package("metal_clusters", data_dir)
    raw = package.read_all(RAW_TABLES)
    tidy = [tidy_tables(raw, package)]
    sources = [{"district": d, "source": _("published: seed 001, Tabel 3-8")} for d in DISTRICTS]
    surveyed, problems, firm_tables = {}, [], []
    for user_file in survey_files(user_data) if str(user_data) else []:
        try:
            survey, kind, shown, firms = read_survey(package, user_file)
        except DataValidationError as error:   # every file's problems at once
            problems += error.problems
            continue
        file, sheet = split_sheet(user_file)
        where = _("{file} (sheet {sheet})").format(file=file.name, sheet=sheet) if sheet else file.name
        named = f"{where}: {kind} (SHA-256 {sha256(file.expanduser())[:16]})"
        for district in survey["table3_cluster_dynamics"]["location"]:
            if district in surveyed:
                problems.append(Problem(shown, None, "district", district,
                                        f"this district is also in {surveyed[district]}; expected each district in one file"))
            surveyed[district] = shown
            sources.append({"district": district, "source": named})
        tidy.append(tidy_tables(survey, package))
        if firms is not None:
            firm_tables.append(firms)
    if problems:
        raise DataValidationError(problems)
    dynamics, counts, scores = (pd.concat(parts, ignore_index=True) for parts in zip(*tidy))
    return MetalClusterStudy(package=package, raw=raw, cases=list(dict.fromkeys(dynamics["district"])),
                             dynamics=dynamics, cooperation=cooperation_shares(counts), problem_solving=scores,
                             district_sources=pd.DataFrame(sources),
                             firms=pd.concat(firm_tables) if firm_tables else None)


def processed_tables(study: MetalClusterStudy) -> dict[str, pd.DataFrame]:
    """The tidy tables that data/processed/metal_clusters/ holds."""
    return {"cluster_dynamics": study.dynamics, "cooperation": study.cooperation,
            "cooperation_intervals": cooperation_intervals(study.cooperation),
            "cooperation_tests": cooperation_tests(study.cooperation),
            "problem_solving": study.problem_solving, "audit": study.audit}
