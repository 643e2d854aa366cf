"""The synthesis's data: its crosswalk, validated against the three studies' raw tables, and
the findings computed from those tables."""

import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import pandas as pd

from workbench.core.i18n import _, in_language
from workbench.core.audit import audit_entry, audit_table
from workbench.core.datapackage import DataPackage, load_package
from workbench.core.errors import DataValidationError, Problem
from workbench.core.paths import display_path
from workbench.synthesis.constructs import construct_aliases
from workbench.synthesis.frameworks import FRAMEWORKS, STUDY_LABELS

PLACE = re.compile(r"^(?P<resource>[a-z0-9_]+):(?:(?P<key>[a-z0-9_]+)=(?P<value>[^:]+):(?P<column>[a-z0-9_]+)|title)$")
FINDING_COLUMNS = ["construct_id", "construct_en", "construct_name", "study", "study_label", "framework", "tables", "item_id", "item_en", "quote",
                   "workbench_reading", "case", "measure", "value", "reading", "cells"]


@dataclass(frozen=True)
class SynthesisStudy:
    """The constructs, the crosswalk and the data packages of the studies it reads;
    `cases` are the construct ids, in the order of constructs.csv."""

    package: DataPackage
    sources: dict[str, DataPackage]
    constructs: pd.DataFrame
    crosswalk: pd.DataFrame

    @property
    def cases(self) -> list[str]:
        return list(self.constructs["construct_id"])

    @property
    def aliases(self) -> dict[str, tuple[str, ...]]:
        """Other names a run accepts for each construct: its labels and listed aliases."""
        return {row.construct_id: construct_aliases(row.construct_id, row.construct, row.construct_en,
                                                    row.aliases if pd.notna(row.aliases) else "")
                for row in self.constructs.itertuples()}

    @cached_property
    def findings(self) -> pd.DataFrame:
        """One row per construct, counterpart item, case and measure, computed from the studies' raw tables."""
        labels = self.constructs.set_index("construct_id")["construct_en"]
        names = {row.construct_id: in_language(row.construct, row.construct_en) for row in self.constructs.itertuples()}
        rows = []
        for pairing in self.crosswalk[self.crosswalk["counterpart"]].itertuples():
            framework = FRAMEWORKS[pairing.framework]
            for found in framework.findings(self.sources[framework.study], pairing.item_id):
                rows.append({"construct_id": pairing.construct_id, "construct_en": labels[pairing.construct_id],
                             "construct_name": names[pairing.construct_id],
                             "study": framework.study, "study_label": _(STUDY_LABELS[framework.study]),
                             "framework": _(framework.label), "tables": _(framework.tables),
                             "item_id": pairing.item_id, "item_en": pairing.item_en, "quote": pairing.quote,
                             "workbench_reading": bool(pairing.workbench_reading), **found})
        order = {name: k for k, name in enumerate(self.cases)}
        frame = pd.DataFrame(rows, columns=FINDING_COLUMNS)
        return frame.sort_values("construct_id", key=lambda ids: ids.map(order), kind="stable").reset_index(drop=True)

    @cached_property
    def summary(self) -> pd.DataFrame:
        """The findings counted per construct and study, with each study's reading
        (`workbench.synthesis.tables.construct_summary`)."""
        from workbench.synthesis.tables import construct_summary
        return construct_summary(self)

    @cached_property
    def audit(self) -> pd.DataFrame:
        """Each pairing's quote set against the cell of the study's data it cites."""
        entries = []
        for line, row in self.crosswalk[self.crosswalk["counterpart"]].iterrows():
            text = quoted_text(self.sources[FRAMEWORKS[row["framework"]].study], row["quote_place"])
            entries.append(audit_entry(
                _("crosswalk.csv line {line}").format(line=line),
                f"{row['construct_id']} × {row['framework']}: {row['item_id']}",
                row["quote"], row["quote"] if row["quote"] in text else text, None,
                _("the quote must stand in the cell it cites"), "workbench_reading", row["quote"],
                f"{FRAMEWORKS[row['framework']].study}/{row['quote_place']}", text))
        return audit_table(entries)


def quoted_text(package: DataPackage, place: str) -> str:
    """The text at `place` of a study's raw data: a cell (resource:key=value:column) or a table's
    published title (resource:title)."""
    match = PLACE.match(place)
    if match["column"] is None:   # the title as the reader's edition shows it (a [sic] note translated)
        return _(package.resource(match["resource"])["source"]["title"])
    table = package.read(match["resource"])
    rows = table[table[match["key"]].astype(str) == match["value"]]
    return str(rows[match["column"]].iloc[0])


def place_problem(package: DataPackage, place: str) -> str:
    """What is wrong with a quote's place in a study's data, or "" when it names one cell or title."""
    match = PLACE.match(str(place))
    if not match:
        return "expected resource:column=value:column (a cell) or resource:title (a table's published title)"
    if match["resource"] not in package.published():
        return f"{package.folder.name} has no table {match['resource']!r} (its tables: {', '.join(package.published())})"
    if match["column"] is None:
        return "" if package.resource(match["resource"]).get("source", {}).get("title") else \
            f"{match['resource']} has no published title"
    table = package.read(match["resource"])
    missing = [name for name in (match["key"], match["column"]) if name not in table.columns]
    if missing:
        return f"{match['resource']} has no column {', '.join(map(repr, missing))}"
    found = int((table[match["key"]].astype(str) == match["value"]).sum())
    return "" if found == 1 else f"{found} rows of {match['resource']} have {match['key']} = {match['value']!r}; expected one"


def crosswalk_problems(crosswalk: pd.DataFrame, constructs: pd.DataFrame, sources: dict[str, DataPackage],
                       file: str) -> list[Problem]:
    """Every row that names an unknown construct or item, lacks its quote, or cites a place
    that is not one cell; and every construct x framework that has no row at all (a framework
    without a counterpart must say so in a row of its own)."""
    problems = []
    known = set(constructs["construct_id"])
    items = {name: set(framework.items(sources[framework.study])) for name, framework in FRAMEWORKS.items()}
    for line, row in crosswalk.iterrows():
        key = f"{row['construct_id']}, {row['framework']}"
        if row["construct_id"] not in known:
            problems.append(Problem(file, line, "construct_id", row["construct_id"],
                                    "expected a construct of constructs.csv: " + ", ".join(constructs["construct_id"]), key))
        if not row["counterpart"]:
            problems += [Problem(file, line, column, row[column], "expected empty: counterpart is false", key)
                         for column in ("item_id", "quote", "quote_place") if pd.notna(row[column])]
            continue
        if row["item_id"] not in items[row["framework"]]:
            problems.append(Problem(file, line, "item_id", row["item_id"], f"expected an item of {row['framework']} "
                                    f"in {FRAMEWORKS[row['framework']].study}'s data: "
                                    + ", ".join(sorted(items[row["framework"]])), key))
        for column in ("item_en", "quote", "quote_place"):
            if pd.isna(row[column]):
                problems.append(Problem(file, line, column, None, "required when counterpart is true", key))
        if pd.notna(row["quote_place"]):
            wrong = place_problem(sources[FRAMEWORKS[row["framework"]].study], row["quote_place"])
            if wrong:
                problems.append(Problem(file, line, "quote_place", row["quote_place"], wrong, key))
    for (construct, framework), rows in crosswalk.groupby(["construct_id", "framework"], sort=False):
        if not rows["counterpart"].all() and len(rows) > 1:
            problems.append(Problem(file, int(rows.index[0]), "counterpart", "false",
                                    f"{construct} x {framework} has items and also a row saying it has none", ""))
    covered = set(zip(crosswalk["construct_id"], crosswalk["framework"]))
    problems += [Problem(file, None, None, None, f"no row for {construct} x {framework}: add its items, or one row "
                         "with counterpart false saying why no item fits")
                 for construct in constructs["construct_id"] for framework in FRAMEWORKS
                 if (construct, framework) not in covered]
    return problems


def load_study(data_dir: str | Path = "") -> SynthesisStudy:
    """Validate the constructs and the crosswalk against the studies' raw tables (`data_dir` = a
    folder laid out like data/raw/, holding every study the synthesis reads; "" = the project's)."""
    from workbench.synthesis import STUDY
    package = load_package(STUDY.name, data_dir)
    sources = {name: load_package(name, data_dir) for name in STUDY.reads}
    constructs, crosswalk = package.read("constructs"), package.read("crosswalk")
    problems = crosswalk_problems(crosswalk, constructs, sources, display_path(package.path("crosswalk")))
    if problems:
        raise DataValidationError(problems)
    return SynthesisStudy(package=package, sources=sources, constructs=constructs, crosswalk=crosswalk)


def processed_tables(study: SynthesisStudy) -> dict[str, pd.DataFrame]:
    """The tidy tables that data/processed/synthesis/ holds."""
    return {"findings": study.findings, "construct_summary": study.summary, "audit": study.audit}
