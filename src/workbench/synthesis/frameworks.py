"""The frameworks the synthesis reads, and one finding per item, case and measure.

Each framework belongs to one study and is read from that study's raw tables (through
its data package, as the study's own code reads them), never from numbers typed here.
Every finding names the cells it comes from (file, line, row, column) and gives a
reading on one scale shared by all frameworks:

- favourable: Tabel 3 mean at or above the middle of its 1-5 scale (3 = "dinamis");
  Tabel 4-7: more than half the firms that answered cooperate; Tabel 4.3: a driver
  (pendorong) only; the Tumang abstract: achieved quite well;
- unfavourable: below the middle; half or fewer cooperate; an obstacle (kendala) only;
  not among those achieved quite well;
- both: a driver and an obstacle in the same area (Tabel 4.3);
- no direction: a finding that says neither (a Tabel 4.4 trigger, a factor Tabel 4.3 does
  not list for the area, a Pyke principle the abstract does not name, a cell not printed).

The thresholds are the workbench's, stated here and in the report; the values are the
studies'.
"""

from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd

from workbench.core.i18n import N_, _, significant
from workbench.core.datapackage import DataPackage, descriptor_error

FAVOURABLE, UNFAVOURABLE, BOTH, NO_DIRECTION = N_("favourable"), N_("unfavourable"), N_("both"), N_("no direction")
COOPERATION_PREFIX = "_cooperation_"
STUDY_LABELS = {"metal_clusters": N_("Metal clusters (study 1)"), "led_synergism": N_("PEL synergism (study 2)"),
                "tumang_governance": N_("Tumang governance (study 3)")}
ROLE_READINGS = {frozenset({"driver"}): (FAVOURABLE, N_("driver (pendorong)")),
                 frozenset({"obstacle"}): (UNFAVOURABLE, N_("obstacle (kendala)")),
                 frozenset({"driver", "obstacle"}): (BOTH, N_("driver and obstacle (pendorong dan kendala)")),
                 frozenset(): (NO_DIRECTION, N_("not listed"))}
VERDICT_READINGS = {"achieved_quite_well": (FAVOURABLE, N_("achieved quite well (tercapai cukup baik)")),
                    "not_achieved_quite_well": (UNFAVOURABLE, N_("not among those achieved quite well")),
                    "not_named": (NO_DIRECTION, N_("not named by the abstract"))}


@dataclass(frozen=True)
class Framework:
    """One study's framework: where its items are and how a finding is read from them.
    `items(package)` gives the valid item ids; `findings(package, item_id)` the findings."""

    id: str
    study: str
    label: str
    tables: str
    items: Callable[[DataPackage], list[str]]
    findings: Callable[[DataPackage, str], list[dict]]


def cell(package: DataPackage, resource: str, line: int, row: str, values: dict) -> str:
    """Cells of one row named for a reader: file, line, the row's key, and each column with its value."""
    shown = ", ".join(f"{column} = " + (_("(empty)") if pd.isna(value) else significant(value)
                                          if isinstance(value, float) else str(value)) for column, value in values.items())
    return _("{file} line {line} ({row}): {cells}").format(
        file=f"{package.folder.name}/{package.resource(resource)['path']}", line=line, row=row, cells=shown)


def finding(case: str, measure: str, value: str, reading: str, cells: list[str]) -> dict:
    return {"case": case, "measure": measure, "value": value, "reading": reading, "cells": "; ".join(cells)}


def dynamics_aspects(package: DataPackage) -> list[str]:
    """The aspects Tabel 3 scores: the prefixes of its mean columns."""
    columns = package.read("table3_cluster_dynamics").columns
    return [column.removesuffix("_mean") for column in columns if column.endswith("_mean")]


def standing(value: float, others: list[float]) -> str:
    """Where a score stands among the location's other aspects."""
    higher, lower = sum(other > value for other in others), sum(other < value for other in others)
    tied = len(others) - higher - lower
    ties = _(", tied with {count}").format(count=tied) if tied else ""
    if not higher and not lower:
        return _("level with the other {count} aspects").format(count=len(others))
    if not higher:
        return _("the highest of {count} aspects{ties}").format(count=len(others) + 1, ties=ties)
    if not lower:
        return _("the lowest of {count} aspects{ties}").format(count=len(others) + 1, ties=ties)
    return _("{higher} of the other {count} aspects score higher, {lower} lower").format(
        higher=higher, count=len(others), lower=lower)


def dynamics_findings(package: DataPackage, aspect: str) -> list[dict]:
    """Per location of Tabel 3: the aspect's mean on the scale, and where it stands among the
    location's aspects (how many score higher, how many lower)."""
    resource = package.resource("table3_cluster_dynamics")
    scale = {int(point): label.split(" / ")[0] for point, label in resource["scale"].items()}
    middle = (min(scale) + max(scale)) / 2
    table = package.read("table3_cluster_dynamics")
    aspects = dynamics_aspects(package)
    own, other_columns = f"{aspect}_mean", [f"{name}_mean" for name in aspects if name != aspect]
    rows = []
    for line, row in table.iterrows():
        location, mean = package.case_name(row["location"]), row[own]
        cells = [cell(package, "table3_cluster_dynamics", line, row["location"],
                      {column: row[column] for column in [own, *other_columns]})]
        if pd.isna(mean):
            rows.append(finding(location, _("Tabel 3 mean (1-5)"), _("not printed"), NO_DIRECTION, cells))
            continue
        others = [row[column] for column in other_columns if pd.notna(row[column])]
        label = scale.get(int(mean)) if float(mean).is_integer() else None
        written = significant(mean) + (f" ({label})" if label else "")
        rows.append(finding(location, _("Tabel 3 mean (1-5)"), f"{written}, {standing(mean, others)}",
                            FAVOURABLE if mean >= middle else UNFAVOURABLE, cells))
    return rows


def cooperation_resource(package: DataPackage, linkage: str) -> str:
    """The raw table of one linkage (Tabel 4-7): the resource named ..._cooperation_<linkage>."""
    matches = [name for name in package.published() if name.endswith(COOPERATION_PREFIX + linkage)]
    if len(matches) != 1:
        raise descriptor_error(package.folder / "datapackage.json",
                               [f"it has {len(matches)} tables named *{COOPERATION_PREFIX}{linkage}; "
                                "expected exactly one (Tabel 4-7 each have one)"])
    return matches[0]


def cooperation_linkages(package: DataPackage) -> list[str]:
    """The linkages of Tabel 4-7, from the names of their raw tables."""
    return [name.split(COOPERATION_PREFIX, 1)[1] for name in package.published() if COOPERATION_PREFIX in name]


def cooperation_findings(package: DataPackage, linkage: str) -> list[dict]:
    """Per location of the linkage's table: the printed share of firms that cooperate."""
    resource = cooperation_resource(package, linkage)
    table = package.read(resource)
    table_number = package.resource(resource)["source"]["table"]
    rows = []
    for line, row in package.cases_only(resource, table).iterrows():
        share = row["cooperating_pct"]
        cells = [cell(package, resource, line, row["location"], {"cooperating_pct": share, "total": row["total"]})]
        location = package.case_name(row["location"])
        if pd.isna(share):
            rows.append(finding(location, _("{table}: share of firms cooperating").format(table=table_number),
                                _("not printed"), NO_DIRECTION, cells))
            continue
        rows.append(finding(location, _("{table}: share of firms cooperating").format(table=table_number),
                            _("{share}% of {firms} firms").format(share=significant(share),
                                                                 firms=row["total"]),
                            FAVOURABLE if share > 50 else UNFAVOURABLE, cells))
    return rows


def pel_factor_ids(package: DataPackage) -> list[str]:
    """The factors of the proposition and the one the study adds (factors.csv)."""
    return list(package.read("factors")["factor_id"])


def pel_factor_findings(package: DataPackage, factor: str) -> list[dict]:
    """Per area: the factor's role in Tabel 4.3 (driver, obstacle, both, not listed) and
    whether Tabel 4.4 lists it as a trigger."""
    roles, triggers = package.read("table4_3_factors"), package.read("table4_4_triggers")
    areas = list(dict.fromkeys([*triggers["area"], *roles["area"]]))  # Tabel 4.4 lists Telang first, as the text does
    rows = []
    for area in areas:
        listed = roles[(roles["factor_id"] == factor) & (roles["area"] == area)]
        reading, value = ROLE_READINGS[frozenset(listed["role_id"])]
        cells = [cell(package, "table4_3_factors", line, f"{row.factor_as_printed}, {area}", {"role": row.role})
                 for line, row in zip(listed.index, listed.itertuples())]
        rows.append(finding(area, _("Tabel 4.3 role"), _(value), reading,
                            cells or [_("{file}: no row for {factor} in {area}").format(
                                file=f"{package.folder.name}/table4_3_factors.csv", factor=factor, area=area)]))
        trigger = triggers[(triggers["factor_id"] == factor) & (triggers["area"] == area)]
        cells = [cell(package, "table4_4_triggers", line, f"{area}, {row.factor}", {"number": row.number})
                 for line, row in zip(trigger.index, trigger.itertuples())]
        rows.append(finding(area, _("Tabel 4.4 trigger"),
                            _("trigger no. {number} of {count}").format(
                                number=trigger["number"].iloc[0], count=int((triggers["area"] == area).sum()))
                            if len(trigger) else _("not a trigger"), NO_DIRECTION,
                            cells or [_("{file}: no row for {factor} in {area}").format(
                                file=f"{package.folder.name}/table4_4_triggers.csv", factor=factor, area=area)]))
    return rows


def verdict_items(resource: str, id_column: str) -> Callable[[DataPackage], list[str]]:
    """The item ids of a verdict table of the Tumang abstract."""
    def items(package: DataPackage) -> list[str]:
        return [item for item in package.read(resource)[id_column].dropna()]
    return items


def verdict_findings(resource: str, id_column: str) -> Callable[[DataPackage, str], list[dict]]:
    """Per case: the verdict the abstract gives the item."""
    def findings(package: DataPackage, item: str) -> list[dict]:
        table = package.read(resource)
        rows = []
        for line, row in table[table[id_column] == item].iterrows():
            reading, value = VERDICT_READINGS[row["verdict"]]
            rows.append(finding(row["case"], _("verdict"), _(value), reading,
                                [cell(package, resource, line, f"{row['case']}, {item}", {"verdict": row["verdict"]})]))
        return rows
    return findings


FRAMEWORKS = {framework.id: framework for framework in [
    Framework("jica_dynamics", "metal_clusters", N_("JICA cluster-dynamics indicators"), "Tabel 2-3",
              dynamics_aspects, dynamics_findings),
    Framework("cooperation_linkages", "metal_clusters", N_("Cooperation along four linkages"), "Tabel 4-7",
              cooperation_linkages, cooperation_findings),
    Framework("pel_factors", "led_synergism", N_("PEL driver, obstacle and trigger factors"), "Tabel 4.3-4.4",
              pel_factor_ids, pel_factor_findings),
    Framework("deseve", "tumang_governance", N_("DeSeve's indicators of collaborative governance"), N_("abstract"),
              verdict_items("deseve_indicators", "indicator_id"), verdict_findings("deseve_indicators", "indicator_id")),
    Framework("pyke", "tumang_governance", N_("Pyke's principles of small-industry development"), N_("abstract"),
              verdict_items("pyke_principles", "principle_id"), verdict_findings("pyke_principles", "principle_id")),
]}
