"""Checks of drawn figures for the tests: texts that reach outside the canvas."""

import matplotlib.text
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from workbench.core.plotting import as_figure, one_line


def _tick_labels(figure: Figure) -> tuple[set, set]:
    """All tick labels of the figure's axes, and those that are drawn (axis on, tick in view)."""
    every, drawn = set(), set()
    for ax in figure.axes:
        for axis, limits in ((ax.xaxis, ax.get_xlim()), (ax.yaxis, ax.get_ylim())):
            low, high = sorted(limits)
            for tick in axis.get_major_ticks() + axis.get_minor_ticks():
                labels = {tick.label1, tick.label2}
                every |= labels
                if ax.axison and low - 1e-9 <= tick.get_loc() <= high + 1e-9:
                    drawn |= {label for label in labels if label.get_visible()}
    return every, drawn


def overflowing_texts(drawing) -> list[str]:
    """Every text the figure (or the figure of an Axes) draws (titles, labels, tick labels,
    legends, annotations) that reaches outside the canvas, with where it is; empty when
    everything fits."""
    figure = as_figure(drawing)
    renderer = FigureCanvasAgg(figure).get_renderer()
    figure.draw(renderer)
    canvas = figure.bbox
    ticks, drawn_ticks = _tick_labels(figure)
    problems = []
    for text in figure.findobj(matplotlib.text.Text):
        if not text.get_visible() or not text.get_text().strip() or (text in ticks and text not in drawn_ticks):
            continue
        box = (text.get_bbox_patch() or text).get_window_extent(renderer)
        if box.x0 < canvas.x0 - 0.5 or box.y0 < canvas.y0 - 0.5 or box.x1 > canvas.x1 + 0.5 or box.y1 > canvas.y1 + 0.5:
            problems.append(f"{one_line(text.get_text())!r}: x {box.x0:.0f}-{box.x1:.0f}, y {box.y0:.0f}-{box.y1:.0f} "
                            f"outside 0-{canvas.x1:.0f}, 0-{canvas.y1:.0f}")
    return problems
