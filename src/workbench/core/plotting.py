"""Shared plotting style, a text description of what a figure draws, and its data.

nbval does not compare PNG images. Every figure therefore also carries a plain
text description of its drawn content (titles, labels, bar sizes, line and
point positions, heatmap cells, texts with the colour of their box), so that a changed data value changes
the notebook's stored text output and the guard fails. `figure_data` gives the same marks
as a table, saved as a CSV beside each figure, and `drawn_by` names the function that drew it.
"""

import functools
import re

import matplotlib
import numpy as np
import pandas as pd
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


def drawn_by(plot):
    """Mark a plot function's figure with the function's dotted name (Figure.set_label), so
    that the report can say which function drew it, beside its data."""
    @functools.wraps(plot)
    def draw(*args, **kwargs):
        drawing = plot(*args, **kwargs)
        as_figure(drawing).set_label(f"{plot.__module__}.{plot.__qualname__}")
        return drawing
    return draw


NUMERIC_TICK = re.compile(r"^[+-]?\d+(\.\d*)?%?$")


def _categories(ax, axis: str) -> dict[float, str]:
    """Tick positions and their labels, for the categories a categorical axis names."""
    ticks = getattr(ax, f"get_{axis}ticks")()
    labels = [one_line(t.get_text()) for t in getattr(ax, f"get_{axis}ticklabels")()]
    if all(NUMERIC_TICK.match(label.replace("\u2212", "-")) for label in labels if label):
        return {}   # a numeric axis: its ticks name no categories
    return {round(float(tick), 9): label for tick, label in zip(ticks, labels) if label}


def figure_data(drawing) -> pd.DataFrame:
    """Exactly the values a figure draws, one row per mark: its panel (the axes' title), the
    kind of mark (bar, line point, point, segment, cell, text), its series (the artist's label),
    its coordinates, the category a categorical axis names there, its value where a mark has
    one (a bar's length, a cell's colour value), and the words of a text (a cell's label, a
    diagram's box). For the CSV beside each figure."""
    figure = as_figure(drawing)
    rows = []
    for ax in [ax for ax in figure.axes if ax.get_label() != "<colorbar>"]:
        panel = one_line(ax.get_title())
        names = {axis: _categories(ax, axis) for axis in ("x", "y")}

        def add(mark, series, x, y, x_end=np.nan, y_end=np.nan, value=np.nan, text=""):
            series = "" if str(series).startswith("_") else series   # matplotlib's own names, not a legend's
            rows.append({"panel": panel, "mark": mark, "series": series, "x": x, "y": y, "x_end": x_end,
                         "y_end": y_end, "x_category": names["x"].get(round(float(x), 9), "") if np.isfinite(x) else "",
                         "y_category": names["y"].get(round(float(y), 9), "") if np.isfinite(y) else "",
                         "value": value, "text": text})
        for container in ax.containers:
            if isinstance(container, BarContainer):
                for patch in container.patches:
                    x, y, width, height = patch.get_x(), patch.get_y(), patch.get_width(), patch.get_height()
                    if container.orientation == "horizontal":
                        add("bar", container.get_label(), x, y + height / 2, x + width, y + height / 2, width)
                    else:
                        add("bar", container.get_label(), x + width / 2, y, x + width / 2, y + height, height)
        for line in ax.get_lines():
            for x, y in zip(*line.get_data()):
                add("line point", line.get_label(), float(x), float(y))
        for collection in ax.collections:
            if isinstance(collection, QuadMesh):
                values = np.ma.filled(np.ma.masked_invalid(np.asarray(collection.get_array(), dtype=float)), np.nan)
                columns = collection.get_coordinates().shape[1]
                for index, value in enumerate(values.ravel()):
                    row, column = divmod(index, columns - 1)
                    add("cell", collection.get_label(), column + 0.5, row + 0.5, value=value)
            elif isinstance(collection, LineCollection):
                for segment in collection.get_segments():
                    if len(segment):
                        add("segment", collection.get_label(), *segment[0], *segment[-1])
            elif isinstance(collection, PathCollection):
                for x, y in collection.get_offsets():
                    add("point", collection.get_label(), float(x), float(y))
        for text in ax.texts:   # labels in cells, and the boxes of a diagram
            if text.get_text():
                x, y = text.get_position()
                add("text", "", float(x), float(y), text=one_line(text.get_text()))
    return pd.DataFrame(rows, columns=["panel", "mark", "series", "x", "y", "x_end", "y_end", "x_category",
                                       "y_category", "value", "text"])


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
