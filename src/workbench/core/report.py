"""Show figures and tables in a notebook and, during a run, save them as files.

A run (workbench run/build) passes the notebook an `output_dir`; each figure is then
saved as PNG (200 dpi) and SVG under figures/ and each table as CSV under tables/. In
JupyterLab `output_dir` is empty and nothing is written.

Each named figure and table is numbered as it is shown (Table 1, Table 2, ...; Figure 1, ...),
once, by the run: JupyterLab shows a table's number in its caption, and the report site
shows the same number. Each is shown with a caption naming the source table it reproduces.
Besides what JupyterLab shows (PNG, HTML), every output carries plain text (a figure's
description, a table's cells) that nbval compares, and a JSON record (name, number, caption,
alt text for people, the table's HTML) from which the report site shows it
(workbench.core.site_outputs).
"""

import base64
import io
from collections.abc import Mapping, Sequence
from pathlib import Path

import matplotlib
import pandas as pd
from IPython.display import Markdown
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from workbench.core.escape import markdown_code, markdown_text
from workbench.core.i18n import N_, _
from workbench.core.mime import FIGURE_MIME, HEADLINE_FILE, TABLE_MIME, fold_summary
from workbench.core.outputs import write_csv
from workbench.core.plotting import STYLE, as_figure, describe_figure, figure_data
from workbench.core.tables import Column, ReadableTable, readable

FILE_DPI = 200
TABLE, FIGURE = N_("Table"), N_("Figure")


def captioned(caption: str, source: str) -> str:
    """A caption that names the source table or figure it reproduces."""
    return _("{caption} (source: {source})").format(caption=caption, source=source) if source else caption


class FigureOutput:
    """A figure as the notebook shows it: PNG for people (rendered once, at the resolution of
    the saved file, and shown at half its pixel size), a text description for nbval, and its
    caption and alt text for the report site."""

    def __init__(self, figure: Figure | Axes, name: str, caption: str = "", source: str = "", alt: str = "",
                 label: str = ""):
        self.figure = as_figure(figure)
        self.name = name
        self.label = label
        self.caption = captioned(caption, source)
        self.alt = alt or caption   # plain text: the study's <figure>_alt functions write it so
        self.description = describe_figure(figure)
        self.png = self._save("png", FILE_DPI)

    def _save(self, fmt: str, dpi: float | None = None) -> bytes:
        buffer = io.BytesIO()
        metadata = {"Date": None} if fmt == "svg" else {"Software": None}
        with matplotlib.rc_context(STYLE):
            self.figure.savefig(buffer, format=fmt, metadata=metadata, dpi=dpi or "figure")
        return buffer.getvalue()

    def render(self, fmt: str, dpi: float | None = None) -> bytes:
        """The figure's bytes in `fmt`, free of dates and random ids, in the layout the PNG's
        render computed: every format then places the same boxes, and laying a figure out
        again costs a third of its render. No engine at all, not "none" (a placeholder, for
        which matplotlib still draws the figure once before it saves)."""
        engine = self.figure.get_layout_engine()
        with matplotlib.rc_context({"figure.autolayout": False, "figure.constrained_layout.use": False}):
            self.figure.set_layout_engine(None)   # with either set, None would mean that engine
        try:
            return self._save(fmt, dpi)
        finally:
            self.figure.set_layout_engine(engine)

    def _repr_mimebundle_(self, include=None, exclude=None):
        width, height = (round(size * FILE_DPI / 2) for size in self.figure.get_size_inches())
        data = {
            "image/png": base64.b64encode(self.png).decode("ascii"),
            "text/plain": f"figure {self.name}: {self.caption}\n{self.description}",
            FIGURE_MIME: {"name": self.name, "label": self.label, "caption": self.caption, "alt": self.alt, "description": self.description,
                          "drawn_by": self.figure.get_label()},
        }
        return data, {"image/png": {"width": width, "height": height}}


class TableOutput:
    """A table as the notebook shows it: readable (see workbench.core.tables), captioned, with
    its number (`label`, "Table 3") when it has a name; `fold` puts it behind a fold, in
    JupyterLab as on the report site."""

    def __init__(self, table: ReadableTable, name: str = "", caption: str = "", source: str = "",
                 fold: bool = False, label: str = ""):
        self.table = table
        self.name = name
        self.label = label
        self.caption = captioned(caption, source)
        self.fold = fold

    def _repr_mimebundle_(self, include=None, exclude=None) -> dict:
        title = f"table {self.name}: {self.caption}\n" if self.name else ""
        caption = f"{self.label}. {self.caption}" if self.label else self.caption
        table = self.table.html(caption, self.name)   # made once: JupyterLab and the report site show it
        record = {"name": self.name, "label": self.label, "caption": self.caption, "fold": self.fold,
                  "html": table, "row_count": len(self.table.rows)}
        return {
            "text/plain": title + self.table.text(),
            "text/html": f"<details><summary>{fold_summary(record)}</summary>{table}</details>" if self.fold else table,
            TABLE_MIME: record,
        }


def this_run(selector: str, choice: str, cases: list[str], labels: Mapping[str, str] | None = None) -> Markdown:
    """The sentence that opens a run: the case it shows and the cases in its data (escaped),
    each by its label where `labels` gives one (a construct's name for its code)."""
    labels = labels or {}
    return Markdown(_("**This run:** {selector} = {choice}; in the data: {cases}.").format(
        selector=selector, choice=markdown_code(choice),
        cases=", ".join(markdown_text(labels.get(case, case)) for case in cases)))


def show(frame: pd.DataFrame, columns: Mapping[str, Column | str] | None = None,
         only: Sequence[str] | None = None, caption: str = "") -> TableOutput:
    """A table to display without saving it (and without a number on the report site)."""
    return TableOutput(readable(frame, columns, only), caption=caption)


class Report:
    """Displays a notebook's figures and tables and saves them when `output_dir` is set."""

    def __init__(self, output_dir: str | Path = ""):
        self.output_dir = Path(output_dir) if str(output_dir) else None
        self.shown = {TABLE: 0, FIGURE: 0}

    def number(self, kind: str) -> str:
        """The label of the next table or figure: "Table 3", in the run's language."""
        self.shown[kind] += 1
        return f"{_(kind)} {self.shown[kind]}"

    def figure(self, name: str, figure: Figure | Axes, caption: str = "", source: str = "", alt: str = "") -> FigureOutput:
        """Show a figure (or the figure of the Axes a plot function returns); during a run save
        it as figures/<name>.png (200 dpi) and .svg, and the values it draws as
        figures/<name>.csv. `alt` says in a sentence or two what it shows and what it finds,
        for a reader who cannot see it (the caption when not given); nbval compares a
        description of its own."""
        output = FigureOutput(figure, name, caption, source, alt, self.number(FIGURE))
        if self.output_dir is not None:
            folder = self.output_dir / "figures"
            folder.mkdir(parents=True, exist_ok=True)
            (folder / f"{name}.png").write_bytes(output.png)
            (folder / f"{name}.svg").write_bytes(output.render("svg"))
            write_csv(figure_data(output.figure), folder / f"{name}.csv")
        return output

    def headline(self, text: str) -> Markdown:
        """Show the study's one-sentence finding; during a run also save it as headline.md, from
        which the report site's home and study pages quote it (so that they quote a published
        run, recorded in its run.json, not a computation of their own)."""
        if self.output_dir is not None:
            self.output_dir.mkdir(parents=True, exist_ok=True)
            (self.output_dir / HEADLINE_FILE).write_text(text + "\n", encoding="utf-8")
        return Markdown(_("**Finding.** {text}").format(text=text))

    def table(self, name: str, frame: pd.DataFrame, caption: str = "", source: str = "",
              columns: Mapping[str, Column | str] | None = None, only: Sequence[str] | None = None,
              fold: bool = False, notes: Sequence[str] = (), shown: pd.DataFrame | None = None) -> TableOutput:
        """Show a table for reading, with `notes` under it (the transcription notes of the raw
        tables it shows); during a run save the data as tables/<name>.csv. `shown` is the same
        table laid out for reading (cells that join a count, its share and an interval), when
        it differs from the data: the CSV keeps the numbers as computed."""
        if self.output_dir is not None:
            folder = self.output_dir / "tables"
            folder.mkdir(parents=True, exist_ok=True)
            write_csv(frame, folder / f"{name}.csv")
        return TableOutput(readable(frame if shown is None else shown, columns, only, notes), name, caption, source,
                           fold, self.number(TABLE))
