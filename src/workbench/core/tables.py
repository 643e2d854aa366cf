"""Tables for reading: what a report shows of a DataFrame.

The CSV of a table keeps the data as computed (codes, full precision); the reader sees a
`ReadableTable`: no index, labels for internal codes, counts as integers, shares with `%`,
scores at the precision the source prints, yes/no for true/false, a missing cell as "–"
with a note, text left-aligned and numbers right-aligned. The same table renders as plain
text (what nbval compares), as HTML (JupyterLab) and as a MyST table (the report site).
"""

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

import pandas as pd

from workbench.core.escape import html_text, markdown_text
from workbench.core.i18n import DEFAULT, N_, _, language
from workbench.core.i18n import number as written_number

MISSING = "–"
PROSE = 60   # a text column with a cell longer than this many characters holds sentences
# The headers `header` makes of the column names the core's tables have (provenance,
# transcription notes, a case and its number): marked here for the catalogue.
CORE_HEADERS = (N_("File"), N_("Source"), N_("Table"), N_("Published title"), N_("Row"), N_("Column"), N_("Note"),
                N_("Case"), N_("Number"), N_("Text (Indonesian)"), N_("Text (English)"))
MISSING_NOTE = N_("– : no value (not printed in the source, not asked, or not applicable).")
CODE = re.compile(r"^[a-z][a-z0-9]*(_[a-z0-9]+)+$")
PERCENT_NAMES = re.compile(r"(^share|_share$|_pct$|percent)")


def humanize(code: str) -> str:
    """An internal code or column name as words: `not_achieved_quite_well` -> `not achieved quite well`."""
    return str(code).replace("_", " ")


def header(name: str) -> str:
    """A column header from a column name: words, first letter capital, `_en` as (English)
    and `_id` as (Indonesian) or (code); other names (already words) are kept."""
    name = str(name)
    if not name.isidentifier():
        return name
    suffix = {"_en": " (English)", "_id": " (Indonesian)" if name.startswith(("text", "quote", "sentence")) else " (code)"}
    for ending, words in suffix.items():
        if name.endswith(ending) and len(name) > len(ending):
            name = name[: -len(ending)]
            return header(name) + words
    return humanize(name)[:1].upper() + humanize(name)[1:]


@dataclass(frozen=True)
class Column:
    """How one column is shown. `kind`: text, code, count, percent, number, yes_no (default:
    from the dtype and the name); `decimals` for numbers; `labels` maps codes to words;
    `group`: in HTML, the rows are shown under a heading per value of this column (each run
    of equal values), which is then not repeated in every row; plain text keeps the column."""

    label: str = ""
    kind: str = ""
    decimals: int | None = None
    labels: Mapping[str, str] = field(default_factory=dict)
    group: bool = False


def _is_missing(value) -> bool:
    return value is None or value is pd.NA or value == "" or (isinstance(value, float) and value != value)


def _kind(series: pd.Series, name: str) -> str:
    values = [v for v in series if not _is_missing(v)]
    if pd.api.types.is_bool_dtype(series) or (values and all(isinstance(v, bool) for v in values)):
        return "yes_no"
    if pd.api.types.is_integer_dtype(series):
        return "count"
    if pd.api.types.is_numeric_dtype(series):
        if PERCENT_NAMES.search(str(name)):
            return "percent"
        return "count" if all(float(v).is_integer() for v in values) else "number"
    if values and all(isinstance(v, str) and CODE.match(v) for v in values):
        return "code"
    return "text"


NUMBER_DECIMALS = 2   # at most, for a column of numbers whose precision is not given


def column_decimals(series: pd.Series) -> int:
    """The decimals a column of numbers is shown with: as many as its most precise value needs,
    up to NUMBER_DECIMALS, for every value alike (2.88 beside 2.67, not 2.875 beside 2.67)."""
    needed = [len(f"{float(v):.{NUMBER_DECIMALS}f}".rstrip("0").split(".")[1]) for v in series if not _is_missing(v)]
    return max(needed, default=0)


def _number(value: float, decimals: int | None) -> str:
    if decimals is not None:
        return written_number(value, decimals)
    if float(value).is_integer():
        return written_number(value, 0)
    return written_number(value, len(f"{value:.3f}".rstrip("0").split(".")[1]))


def format_cell(value, kind: str, column: Column) -> str:
    """One cell as the reader sees it."""
    if _is_missing(value):
        return MISSING
    if kind == "yes_no" or isinstance(value, bool):
        return _("yes") if bool(value) else _("no")
    if kind == "code" or (isinstance(value, str) and value in column.labels):
        return _(column.labels.get(value, humanize(value) if CODE.match(str(value)) else str(value)))
    if isinstance(value, (int, float)) or hasattr(value, "__float__") and not isinstance(value, str):
        number = float(value)
        if kind == "count" and number.is_integer():
            return written_number(number, 0)
        if kind == "percent":
            return written_number(number, 1 if column.decimals is None else column.decimals) + "%"
        return _number(number, column.decimals)
    return str(value)


def breakable(text: str) -> str:
    """Escaped text for a table cell, with break opportunities after / and _ so that long
    paths and codes wrap instead of widening the table."""
    return html_text(text).replace("/", "/<wbr>").replace("_", "_<wbr>")


@dataclass(frozen=True)
class ReadableTable:
    """A table as strings, with its headers, which columns are numeric, its notes, and the
    column (index) whose values head groups of rows in HTML, if any."""

    headers: list[str]
    rows: list[list[str]]
    numeric: list[bool]
    notes: list[str]
    group: int | None = None

    def text(self) -> str:
        """Plain text, columns padded (what nbval compares and a terminal shows)."""
        widths = [max([len(h)] + [len(r[i]) for r in self.rows]) for i, h in enumerate(self.headers)]

        def line(cells):
            return "  ".join(c.rjust(w) if n else c.ljust(w)
                             for c, w, n in zip(cells, widths, self.numeric)).rstrip()
        return "\n".join([line(self.headers), *map(line, self.rows), *self.notes])

    def html(self, caption: str = "", anchor: str = "") -> str:
        """An HTML table, every cell escaped; numbers right-aligned, text left-aligned (by class
        for the site's CSS and inline for JupyterLab), a column of sentences marked `prose` so
        that a narrow screen keeps it wide enough to read; with a grouping column, a heading
        row before each group instead of that column. `anchor` is its id, which a notebook's
        link to it (`[the audit table](#audit)`) leads to in JupyterLab."""
        shown = [k for k in range(len(self.headers)) if k != self.group]
        kinds = ["num" if self.numeric[k] else "text prose" if any(len(row[k]) > PROSE for row in self.rows)
                 else "text" for k in range(len(self.headers))]

        def cells(tag, values):   # aligned inline too: JupyterLab keeps style attributes, not the site's CSS
            return "".join(f'<{tag} class="{kinds[k]}" '
                           f'style="text-align: {"right" if self.numeric[k] else "left"}">{breakable(values[k])}</{tag}>'
                           for k in shown)
        head = f"<caption>{html_text(caption)}</caption>" if caption else ""
        body, heading = [], None
        for row in self.rows:
            if self.group is not None and row[self.group] != heading:
                heading = row[self.group]
                body.append(f'<tr class="group"><th colspan="{len(shown)}" scope="colgroup">'
                            f'<span>{breakable(heading)}</span></th></tr>')
            body.append(f"<tr>{cells('td', row)}</tr>")
        notes = "".join(f'<p class="table-note">{html_text(n)}</p>' for n in self.notes)
        ident = f' id="{html_text(anchor)}"' if anchor else ""
        return (f'<table class="workbench-table"{ident}>{head}<thead><tr>{cells("th", self.headers)}</tr></thead>'
                f"<tbody>{''.join(body)}</tbody></table>{notes}")

    def markdown(self) -> str:
        """A Markdown pipe table, every cell escaped."""
        align = ["---:" if n else ":---" for n in self.numeric]
        rows = [self.headers, *self.rows]
        lines = ["| " + " | ".join(markdown_text(c) or " " for c in row) + " |" for row in rows]
        return "\n".join([lines[0], "| " + " | ".join(align) + " |", *lines[1:]])


def english_beside_source(names: list[str]) -> list[str]:
    """The columns to show: all of them in English; in another language, not a column
    `<x>_en` beside `<x>` or `<x>_id` (the English of a term the source prints, which a reader
    of the source's language does not need)."""
    if language() == DEFAULT:
        return names
    return [name for name in names if not (str(name).endswith("_en") and len(str(name)) > 3 and (
        str(name)[:-3] in names or f"{str(name)[:-3]}_id" in names))]


def readable(frame: pd.DataFrame, columns: Mapping[str, Column | str] | None = None,
             only: Sequence[str] | None = None, notes: Sequence[str] = ()) -> ReadableTable:
    """The table as the reader sees it. `columns` gives a column's label (a string) or a
    `Column`; `only` picks and orders the columns shown (default: all). The first column
    marked `group` heads the groups of rows."""
    columns = {name: (Column(label=spec) if isinstance(spec, str) else spec) for name, spec in (columns or {}).items()}
    shown = english_beside_source(list(only) if only is not None else list(frame.columns))
    headers, kinds, specs = [], [], []
    for name in shown:
        spec = columns.get(name, Column())
        kinds.append(spec.kind or _kind(frame[name], name))
        if kinds[-1] == "number" and spec.decimals is None:   # one precision for the whole column
            spec = replace(spec, decimals=column_decimals(frame[name]))
        specs.append(spec)
        headers.append(_(spec.label or header(name)))
    rows = [[format_cell(value, kind, spec) for value, kind, spec in zip(record, kinds, specs)]
            for record in frame[shown].itertuples(index=False, name=None)]
    numeric = [kind in ("count", "percent", "number") for kind in kinds]
    all_notes = list(notes) + ([_(MISSING_NOTE)] if any(MISSING in row for row in rows) else [])
    group = next((k for k, spec in enumerate(specs) if spec.group), None)
    return ReadableTable(headers, rows, numeric, all_notes, group)
