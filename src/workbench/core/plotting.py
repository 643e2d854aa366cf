"""Shared plotting style, and a text description of what a figure draws.

nbval does not compare PNG images. Every figure therefore also carries a plain
text description of its drawn content (titles, labels, bar sizes, line and
point positions, heatmap cells, texts with the colour of their box), so that a changed data value changes
the notebook's stored text output and the guard fails.
"""

import matplotlib
import numpy as np
from matplotlib.colors import to_hex
from matplotlib.collections import LineCollection, PathCollection, QuadMesh
from matplotlib.container import BarContainer
from matplotlib.figure import Figure

from workbench.core.study import ALL

HIGHLIGHT = "#c0392b"
MUTED = "#b3b3b3"
CATEGORY_COLOURS = ["#1b9e77", "#d95f02", "#7570b3", "#e7298a", "#66a61e", "#e6ab02"]

STYLE = {
    "font.family": "DejaVu Sans",
    "font.size": 9,
    "axes.titlesize": 10,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "figure.dpi": 100,
    "savefig.dpi": 100,
    "svg.hashsalt": "workbench",
    "svg.fonttype": "path",
}


def new_figure(width: float = 8.0, height: float = 4.5, **subplot_kw) -> tuple[Figure, object]:
    """A figure outside pyplot (so notebooks never show it twice) and its axes."""
    with matplotlib.rc_context(STYLE):
        figure = Figure(figsize=(width, height), layout="constrained")
        axes = figure.subplots(**subplot_kw)
    return figure, axes


def as_figure(drawing) -> Figure:
    """The figure of a plot function's result: a Figure, or the Axes a single-axes plot returns."""
    return drawing if isinstance(drawing, Figure) else drawing.figure


def figure_for(ax, width: float, height: float) -> tuple[Figure, object]:
    """The figure and Axes a single-axes plot draws on: the Axes given (seaborn's `ax=`
    convention, to place the plot in a figure of one's own) or a new figure's."""
    return new_figure(width, height) if ax is None else (ax.figure, ax)


def highlight_colours(names: list[str], highlight: str = ALL) -> dict[str, str]:
    """One colour per name, or, when one name is highlighted (not ALL), red for it and grey for
    the rest."""
    if highlight == ALL:
        return {name: CATEGORY_COLOURS[i % len(CATEGORY_COLOURS)] for i, name in enumerate(names)}
    return {name: HIGHLIGHT if name == highlight else MUTED for name in names}


def footnote(figure: Figure, text: str) -> None:
    """A small note under the figure (source gaps, reconstructions), kept clear of the axes."""
    figure.supxlabel(text, x=0.01, ha="left", fontsize=7, color="#555555")


def _fmt(values) -> str:
    array = np.ma.filled(np.ma.masked_invalid(np.asarray(values, dtype=float)), np.nan)
    return "[" + ", ".join("nan" if np.isnan(v) else f"{v:.3f}".rstrip("0").rstrip(".") for v in array.ravel()) + "]"


def one_line(text: str) -> str:
    return text.replace("\n", " / ")


def _describe_axes(ax) -> list[str]:
    lines = [f"axes: title={ax.get_title()!r} xlabel={ax.get_xlabel()!r} ylabel={ax.get_ylabel()!r}"]
    for axis in ("x", "y") if ax.axison else ():
        labels = [one_line(t.get_text()) for t in getattr(ax, f"get_{axis}ticklabels")() if t.get_text()]
        if labels:
            lines.append(f"  {axis} ticks: " + " | ".join(labels))
    for container in ax.containers:
        if isinstance(container, BarContainer):
            along = "width" if container.orientation == "horizontal" else "height"
            start = "x" if along == "width" else "y"
            sizes = [getattr(p, f"get_{along}")() for p in container.patches]
            starts = [getattr(p, f"get_{start}")() for p in container.patches]
            lines.append(f"  bars {container.get_label()!r}: {along}={_fmt(sizes)} from={_fmt(starts)}")
    for line in ax.get_lines():
        x, y = line.get_data()
        lines.append(f"  line {line.get_label()!r}: x={_fmt(x)} y={_fmt(y)}")
    for collection in ax.collections:
        if isinstance(collection, QuadMesh):
            lines.append(f"  cells: {_fmt(collection.get_array())}")
        elif isinstance(collection, LineCollection):
            segments = [_fmt(segment) for segment in collection.get_segments()]
            lines.append(f"  segments {collection.get_label()!r}: " + " ".join(segments))
        elif isinstance(collection, PathCollection):
            lines.append(f"  points {collection.get_label()!r}: {_fmt(collection.get_offsets())}")
    texts = [one_line(t.get_text()) + (f" [{to_hex(t.get_bbox_patch().get_facecolor())}]"
                                        if t.get_bbox_patch() else "")
             for t in ax.texts if t.get_text()]
    if texts:
        lines.append("  texts: " + " | ".join(texts))
    legend = ax.get_legend()
    if legend is not None:
        lines.append("  legend: " + " | ".join(t.get_text() for t in legend.get_texts()))
    return lines


def describe_figure(drawing) -> str:
    """A deterministic text account of everything a figure (or the figure of an Axes) draws."""
    figure = as_figure(drawing)
    lines = []
    suptitle = figure.get_suptitle()
    if suptitle:
        lines.append(f"suptitle: {suptitle!r}")
    notes = [text.get_text() for text in figure.texts]
    if suptitle in notes:
        notes.remove(suptitle)
    lines.extend(f"note: {note!r}" for note in notes)
    for ax in figure.axes:
        if ax.get_label() == "<colorbar>":
            continue
        lines.extend(_describe_axes(ax))
    return "\n".join(lines)
