"""The synthesis's tables and texts: the crosswalk for reading, one reading per construct and
study, and what agrees and what conflicts across the studies."""

import pandas as pd

from workbench.core.escape import markdown_text
from workbench.core.i18n import N_, _, in_language
from workbench.synthesis import STUDY
from workbench.synthesis.frameworks import BOTH, FAVOURABLE, FRAMEWORKS, NO_DIRECTION, STUDY_LABELS, UNFAVOURABLE

MIXED, NO_COUNTERPART = N_("mixed"), N_("no counterpart")
AGREE, CONFLICT, IN_PART, TOO_FEW = "agree", "conflict", "agree in part", "fewer than two studies give a direction"
LIMITS = N_("The studies differ in what they sample, when, and how: study 1 scores and counts firms of metal "
          "clusters in Central Java on a 1-5 scale; study 2 reads transmigration areas of South Sumatra and Bangka "
          "qualitatively; study 3 is a thesis abstract on a crafts cluster in Boyolali, which names what it judges "
          "achieved quite well and gives no scores. A reading of \"favourable\" is the workbench's threshold on each "
          "scale, not a measure the studies share, and a construct's items differ from study to study (see the "
          "crosswalk).")


def construct_names(study) -> dict[str, str]:
    """Each construct's name in the reader's language: the Indonesian the constructs table
    gives, or the English."""
    return {row.construct_id: in_language(row.construct, row.construct_en) for row in study.constructs.itertuples()}


def limits() -> str:
    """The limits of setting the studies side by side, in the reader's language."""
    return _("**Limits.** {limits}").format(limits=_(LIMITS))


READINGS = {reading: reading for reading in (FAVOURABLE, UNFAVOURABLE, BOTH, NO_DIRECTION, MIXED, NO_COUNTERPART)}


def summary_columns() -> dict:
    """The columns a report shows of `construct_summary`, with their headers, and the
    readings in words."""
    from workbench.core.tables import Column
    return {"construct_name": Column(_("Construct")), "study_label": Column(_("Study")),
            FAVOURABLE: Column(_(FAVOURABLE).capitalize()), UNFAVOURABLE: Column(_(UNFAVOURABLE).capitalize()),
            BOTH: Column(_(BOTH).capitalize()), NO_DIRECTION: Column(_(NO_DIRECTION).capitalize()),
            "reading": Column(_("Reading"), labels=READINGS)}


def finding_columns() -> dict:
    """The columns a report shows of the findings, with their headers, and the readings in words."""
    from workbench.core.tables import Column
    return {"construct_name": Column(_("Construct")), "study_label": Column(_("Study")), "quote": Column(_("Item")),
            "case": Column(_("Case")), "measure": Column(_("Measure")), "value": Column(_("Value")),
            "reading": Column(_("Reading"), labels=READINGS), "cells": Column(_("Cells"))}


def study_reading(readings: list[str]) -> str:
    """One study's reading of a construct from its findings: favourable or unfavourable when
    every finding with a direction points one way, mixed when they point both ways."""
    sides = {side for reading in readings for side in ((FAVOURABLE, UNFAVOURABLE) if reading == BOTH else (reading,))
             if side != NO_DIRECTION}
    return MIXED if len(sides) == 2 else sides.pop() if sides else NO_DIRECTION


def crosswalk_table(study) -> pd.DataFrame:
    """The crosswalk as a reader reads it: construct, the study's framework, the item as published
    (and in English where that differs), whether it is the workbench's reading, and why;
    "no counterpart" where no item fits."""
    labels = construct_names(study)
    crosswalk = study.crosswalk
    return pd.DataFrame({
        "construct_id": crosswalk["construct_id"],
        "construct": crosswalk["construct_id"].map(labels),
        "framework": [f"{_(STUDY_LABELS[FRAMEWORKS[f].study])}: {_(FRAMEWORKS[f].label)} ({_(FRAMEWORKS[f].tables)})"
                      for f in crosswalk["framework"]],
        "item": [_(NO_COUNTERPART) if not counterpart else quote if quote == english
                 else in_language(quote, f"{quote} ({english})")
                 for quote, english, counterpart in zip(crosswalk["quote"], crosswalk["item_en"], crosswalk["counterpart"])],
        "reading": [_("the workbench's reading") if reading else _("named by the source") if counterpart else ""
                    for reading, counterpart in zip(crosswalk["workbench_reading"], crosswalk["counterpart"])],
        "reason": crosswalk["reason"]})


def construct_summary(study) -> pd.DataFrame:
    """One row per construct and study: how many findings are favourable, unfavourable, both or
    without direction, and the study's reading (or "no counterpart" when its frameworks have none)."""
    rows = []
    for construct in study.constructs.itertuples():
        for name, label in STUDY_LABELS.items():
            pairings = study.crosswalk[(study.crosswalk["construct_id"] == construct.construct_id)
                                       & study.crosswalk["framework"].map(lambda f: FRAMEWORKS[f].study == name)]
            found = study.findings[(study.findings["construct_id"] == construct.construct_id)
                                   & (study.findings["study"] == name)]
            counts = found["reading"].value_counts()
            rows.append({"construct_id": construct.construct_id, "construct_en": construct.construct_en,
                         "construct_name": in_language(construct.construct, construct.construct_en),
                         "study": name, "study_label": _(label), "items": int(pairings["counterpart"].sum()),
                         **{reading: int(counts.get(reading, 0)) for reading in (FAVOURABLE, UNFAVOURABLE, BOTH,
                                                                                 NO_DIRECTION)},
                         "reading": study_reading(list(found["reading"])) if pairings["counterpart"].any()
                         else NO_COUNTERPART})
    return pd.DataFrame(rows)


def directed_readings(summary: pd.DataFrame) -> pd.DataFrame:
    """The rows of one construct's summary whose study gives it a direction."""
    return summary[~summary["reading"].isin([NO_COUNTERPART, NO_DIRECTION])]


def agreement(directed: pd.DataFrame) -> str:
    """Whether the studies that give a construct a direction agree: all favourable or all
    unfavourable (agree), favourable in one and unfavourable in another (conflict), otherwise
    (a study mixed) agree in part; fewer than two studies cannot be compared."""
    sides = set(directed["reading"])
    if len(directed) < 2:
        return TOO_FEW
    if sides in ({FAVOURABLE}, {UNFAVOURABLE}):
        return AGREE
    return CONFLICT if {FAVOURABLE, UNFAVOURABLE} <= sides else IN_PART


def _grouped_findings(found: pd.DataFrame) -> list[str]:
    """The findings of one study as list items, one per item and measure, the cases with the
    same value named together."""
    items = []
    for (item, measure), rows in found.groupby(["quote", "measure"], sort=False):
        values = [f"{_(' and ').join(map(markdown_text, cases['case']))}: {markdown_text(value)}"
                  for value, cases in rows.groupby("value", sort=False)]
        items.append(f"    - {markdown_text(item)}, {markdown_text(measure)}. {'; '.join(values)}.")
    return items


def construct_text(study, construct: str) -> str:
    """What the studies say about one construct: each study's findings, whether they agree or
    conflict, where no counterpart exists, and the limits of setting them side by side."""
    construct = STUDY.one_case(construct, study.cases, study.aliases)
    summary = study.summary[study.summary["construct_id"] == construct]
    label = summary["construct_name"].iloc[0]
    meaning = study.constructs.set_index("construct_id").at[construct, "meaning"]
    lines = [f"**{markdown_text(label)}:** {markdown_text(meaning)}."]
    for row in summary.itertuples():
        if row.reading == NO_COUNTERPART:
            continue
        found = study.findings[(study.findings["construct_id"] == construct) & (study.findings["study"] == row.study)]
        lines.append("\n".join([f"- **{row.study_label}: {_(row.reading)}.**", *_grouped_findings(found)]))
    directed = directed_readings(summary)
    verdict = agreement(directed)
    if verdict == TOO_FEW:
        lines.append(_("Fewer than two studies give it a direction, so there is nothing to set side by side."))
    elif verdict == AGREE:
        lines.append(_("**The studies agree:** {reading} in each of the {count} that give it a direction.").format(
            reading=_(directed["reading"].iloc[0]), count=len(directed)))
    else:
        readings = "; ".join(_("{reading} in {study}").format(reading=_(row.reading), study=row.study_label)
                             for row in directed.itertuples())
        lines.append((_("**The studies conflict:** {readings}.") if verdict == CONFLICT
                      else _("**Partly agreeing:** {readings}.")).format(readings=readings))
    absent = summary[summary["reading"] == NO_COUNTERPART]["study_label"].tolist()
    pairings = study.crosswalk[(study.crosswalk["construct_id"] == construct) & study.crosswalk["counterpart"]]
    limits = [_("No counterpart in {studies} (see the crosswalk for why).").format(studies=", ".join(absent))
              if absent else "",
              _("{reading} of its {count} pairings are the workbench's reading.").format(
                  reading=int(pairings["workbench_reading"].sum()), count=len(pairings))]
    lines.append(" ".join(part for part in limits if part))
    return "\n\n".join(lines)


def headline(study) -> str:
    """The one-line finding the report index shows: how many constructs agree or conflict."""
    verdicts = {construct: agreement(directed_readings(rows))
                for construct, rows in study.summary.groupby("construct_id", sort=False)}
    compared = [construct for construct, verdict in verdicts.items() if verdict != TOO_FEW]
    labels = construct_names(study)

    def named(verdict: str) -> str:
        return ", ".join(labels[c] for c in compared if verdicts[c] == verdict) or _("none")

    def count(verdict: str) -> int:
        return sum(verdicts[c] == verdict for c in compared)
    return _("Of {constructs} constructs the three studies share, {compared} are given a direction by at least two "
             "studies: {agree} agree ({agreeing}), {conflict} conflict ({conflicting}) and {in_part} agree in part."
             ).format(constructs=len(study.constructs), compared=len(compared), agree=count(AGREE),
                      agreeing=named(AGREE), conflict=count(CONFLICT), conflicting=named(CONFLICT),
                      in_part=count(IN_PART))
