"""The synthesis's figure: constructs against studies, each cell coloured by the study's reading."""

import textwrap

from workbench.core import diagrams
from workbench.core.i18n import _
from workbench.core.plotting import drawn_by, figure_for, footnote
from workbench.synthesis.frameworks import BOTH, FAVOURABLE, NO_DIRECTION, UNFAVOURABLE
from workbench.synthesis.tables import MIXED, NO_COUNTERPART, STUDY_LABELS

READING_COLOURS = {FAVOURABLE: "#a6dba0", UNFAVOURABLE: "#f4a582", MIXED: "#fee08b", NO_DIRECTION: "#e0e0e0",
                   NO_COUNTERPART: "#ffffff"}


def cell_text(row) -> str:
    """What one construct x study cell says: the reading and its findings counted."""
    if row.reading == NO_COUNTERPART:
        return _(NO_COUNTERPART)
    counts = [f"{getattr(row, key)} {_(label)}" for key, label in
              ((FAVOURABLE, FAVOURABLE), (UNFAVOURABLE, UNFAVOURABLE), (BOTH, BOTH), ("no_direction", NO_DIRECTION))
              if getattr(row, key)]
    return "\n".join([_(row.reading).upper(), *counts])


@drawn_by
def plot_construct_grid(study, constructs: list[str], ax=None):
    """A construct x study grid: each cell coloured by the study's reading of the construct
    (favourable, unfavourable, mixed, no direction, no counterpart), with its findings counted."""
    summary = study.summary.rename(columns={NO_DIRECTION: "no_direction"})
    summary = summary[summary["construct_id"].isin(constructs)]
    labels = list(dict.fromkeys(summary["construct_name"]))
    figure, ax = figure_for(ax, 10, 1.4 + 1.0 * len(labels))
    diagrams.diagram_axes(ax, (-0.9, len(STUDY_LABELS)), (len(labels) + 0.1, -0.6))
    study_labels = [_(label) for label in STUDY_LABELS.values()]
    for column, study_label in enumerate(study_labels):
        ax.text(column + 0.5, -0.3, study_label, ha="center", va="center", fontsize=9, fontweight="bold")
    for line, label in enumerate(labels):
        ax.text(-0.85, line + 0.5, textwrap.fill(label, 18), ha="left", va="center", fontsize=9, fontweight="bold")
        for column, study_label in enumerate(study_labels):
            row = next(summary[(summary["construct_name"] == label) & (summary["study_label"] == study_label)].itertuples())
            diagrams.box(ax, column + 0.5, line + 0.5, cell_text(row), facecolor=READING_COLOURS[row.reading],
                         edgecolor="#bbbbbb", pad=0.4, fontsize=8)
    ax.set_title(_("What the three studies say about each shared construct"))
    footnote(figure, _("Each cell counts the study's findings on the construct (one per item, case and measure) by "
                       "the workbench's reading of them;\nthe thresholds and the crosswalk are in data/raw/synthesis/ "
                       "and workbench.synthesis.frameworks."))
    return ax


def construct_grid_alt(study, constructs: list[str]) -> str:
    """Alt text of `plot_construct_grid`: what it draws and what the studies say together."""
    shown = study.summary[study.summary["construct_id"].isin(constructs)]
    readings = "; ".join(f"{construct}: " + ", ".join(f"{row.study_label} {_(row.reading)}" for row in part.itertuples())
                         for construct, part in shown.groupby("construct_name", sort=False))
    return _("Grid of the shared constructs by study, each cell coloured by the study's reading (favourable, "
             "unfavourable, mixed, no direction, no counterpart) with its findings counted.") + f" {readings}."
