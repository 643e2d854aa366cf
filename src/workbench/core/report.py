"""Show figures and tables in a notebook and, during a run, save them as files.

A run (workbench run/build) passes the notebook an `output_dir`; each figure is
then saved as PNG and SVG under figures/ and each table as CSV under tables/.
In JupyterLab `output_dir` is empty and nothing is written.
"""

import io
from pathlib import Path

import matplotlib
import pandas as pd
from matplotlib.figure import Figure

from workbench.core.outputs import write_csv
from workbench.core.plotting import STYLE, describe_figure

DISPLAY_OPTIONS = {
    "display.max_rows": 500,
    "display.max_columns": 60,
    "display.width": 250,
    "display.max_colwidth": None,
    "display.precision": 3,
}


class FigureOutput:
    """A figure as the notebook shows it: PNG for people, a text description for nbval."""

    def __init__(self, figure: Figure, name: str):
        self.figure = figure
        self.name = name
        self.png = self.render("png")

    def render(self, fmt: str) -> bytes:
        """The figure's bytes in `fmt`, free of dates and random ids."""
        buffer = io.BytesIO()
        metadata = {"Date": None} if fmt == "svg" else {"Software": None}
        with matplotlib.rc_context(STYLE):
            self.figure.savefig(buffer, format=fmt, metadata=metadata)
        return buffer.getvalue()

    def _repr_png_(self) -> bytes:
        return self.png

    def __repr__(self) -> str:
        return f"figure {self.name}\n{describe_figure(self.figure)}"


class TableOutput:
    """A table as the notebook shows it, with the display options of the workbench applied
    to this table only (pandas' global options are left alone)."""

    def __init__(self, frame: pd.DataFrame):
        self.frame = frame

    def _repr_html_(self) -> str:
        with pd.option_context(*[item for pair in DISPLAY_OPTIONS.items() for item in pair]):
            return self.frame._repr_html_()

    def __repr__(self) -> str:
        with pd.option_context(*[item for pair in DISPLAY_OPTIONS.items() for item in pair]):
            return repr(self.frame)


def show(frame: pd.DataFrame) -> TableOutput:
    """A table to display in the notebook without saving it."""
    return TableOutput(frame)


class Report:
    """Displays a notebook's figures and tables and saves them when `output_dir` is set."""

    def __init__(self, output_dir: str | Path = ""):
        self.output_dir = Path(output_dir) if str(output_dir) else None

    def figure(self, name: str, figure: Figure) -> FigureOutput:
        """Show a figure; during a run save it as figures/<name>.png and .svg."""
        output = FigureOutput(figure, name)
        if self.output_dir is not None:
            folder = self.output_dir / "figures"
            folder.mkdir(parents=True, exist_ok=True)
            (folder / f"{name}.png").write_bytes(output.png)
            (folder / f"{name}.svg").write_bytes(output.render("svg"))
        return output

    def table(self, name: str, frame: pd.DataFrame) -> TableOutput:
        """Show a table; during a run save it as tables/<name>.csv."""
        if self.output_dir is not None:
            folder = self.output_dir / "tables"
            folder.mkdir(parents=True, exist_ok=True)
            write_csv(frame, folder / f"{name}.csv")
        return show(frame)
