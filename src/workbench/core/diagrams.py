"""Box-and-arrow diagrams: boxed labels joined by arrows, on axes without ticks.

The studies draw three such diagrams (study 1's cluster model, study 2's problem
trees, study 3's problem map); these helpers give them one look and one way to place
boxes in layers and to join them.
"""

from collections.abc import Hashable, Mapping

from matplotlib.patches import FancyArrowPatch
from matplotlib.text import Text

BOX_FACE = "#eeeeee"
BOX_EDGE = "#888888"
ARROW_COLOUR = "#777777"


def diagram_axes(ax, xlim: tuple[float, float], ylim: tuple[float, float]):
    """Axes for a diagram: no ticks or spines, the given data limits."""
    ax.set_axis_off()
    ax.set_xlim(*xlim)
    ax.set_ylim(*ylim)
    return ax


def box(ax, x: float, y: float, text: str, facecolor: str = BOX_FACE, edgecolor: str = BOX_EDGE,
        pad: float = 0.3, fontsize: float = 8, linewidth: float | None = None, **text_kw) -> Text:
    """A label in a rounded box, centred on (x, y)."""
    frame = {"boxstyle": f"round,pad={pad}", "facecolor": facecolor, "edgecolor": edgecolor}
    if linewidth is not None:
        frame["linewidth"] = linewidth
    return ax.text(x, y, text, ha="center", va="center", fontsize=fontsize, bbox=frame, **text_kw)


def arrow(ax, start: tuple[float, float], end: tuple[float, float], color: str = ARROW_COLOUR,
          mutation_scale: float = 10, **patch_kw) -> FancyArrowPatch:
    """An arrow from `start` to `end` in data coordinates."""
    return ax.add_patch(FancyArrowPatch(start, end, arrowstyle="-|>", mutation_scale=mutation_scale,
                                        color=color, **patch_kw))


def layered_positions(layers: Mapping[Hashable, int]) -> dict[Hashable, tuple[float, float]]:
    """Positions for nodes in layers: y is the layer, nodes of a layer spread evenly
    across x in (0, 1) in sorted order."""
    by_layer: dict[int, list] = {}
    for node, layer in layers.items():
        by_layer.setdefault(layer, []).append(node)
    return {node: ((k + 1) / (len(nodes) + 1), layer)
            for layer, nodes in by_layer.items() for k, node in enumerate(sorted(nodes))}


def side_anchors(ax, boxes: Mapping[Hashable, Text]) -> dict[Hashable, tuple[tuple, tuple]]:
    """The middle of each box's left and right edge, in data coordinates (lays the figure out)."""
    ax.figure.draw_without_rendering()
    to_data = ax.transData.inverted()
    anchors = {}
    for key, label in boxes.items():
        extent = label.get_bbox_patch().get_window_extent().transformed(to_data)
        y = label.get_position()[1]
        anchors[key] = ((extent.x0, y), (extent.x1, y))
    return anchors
