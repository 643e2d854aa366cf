"""Survey answers as field tools and spreadsheets export them, read as they come.

`read_answers` takes a CSV or an Excel workbook (.xlsx) and tells apart, by its columns, an
export of KoboToolbox (group paths with `/`, metadata columns such as `_uuid`,
`_submission_time`, `_validation_status`), of ODK Central (group paths with `-`,
`SubmissionDate`, `meta-instanceID`, `KEY`, `ReviewState`) and a plain table such as the
workbench's own CSV template. It returns the answers as text, one column per question,
with the line (or spreadsheet row) each came from, the submission ids, and how many
submissions were left out as rejected. An XLSForm (`Form`, read with pyxform) maps answers
given as labels, in any of the form's languages, to the codes the form stores.

Workbooks are read with python-calamine (a Rust reader, about 15 times faster than
openpyxl on a large sheet); only a sheet that holds formulas is opened again with openpyxl,
to name any formula cell that has no saved value.
"""

import datetime
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from workbench.core.i18n import _
from workbench.core.errors import DataValidationError, Problem
from workbench.core.paths import SPREADSHEETS, display_path, split_sheet
from workbench.core.readers import header_problems, read_delimited_text, refuse_unreadable

KOBO_METADATA = {"start", "end", "today", "deviceid", "subscriberid", "simserial", "phonenumber", "username",
                 "audit", "_id", "_uuid", "_submission_time", "_index", "_validation_status", "_notes", "_status",
                 "_submitted_by", "__version__", "_tags", "_attachments", "_geolocation", "_xform_id_string",
                 "instanceID", "formhub/uuid", "meta/instanceID", "meta/rootUuid", "meta/deprecatedID", "_version_"}
ODK_METADATA = {"SubmissionDate", "KEY", "SubmitterID", "SubmitterName", "AttachmentsPresent", "AttachmentsExpected",
                "Status", "ReviewState", "DeviceID", "Edits", "FormVersion", "meta-instanceID", "meta-audit",
                "instanceID", "start", "end", "today", "deviceid", "username"}
KOBO_MARKERS = {"_uuid", "_submission_time", "_validation_status", "_index", "_id", "__version__"}
ODK_MARKERS = {"SubmissionDate", "KEY", "meta-instanceID", "ReviewState"}
VERSION_COLUMNS = ("__version__", "_version_", "FormVersion", "version")
KOBO_REJECTED = {"validation_status_not_approved", "not approved"}
ODK_REJECTED = {"rejected"}


@dataclass(frozen=True)
class Form:
    """An XLSForm as pyxform reads it: each question's name and type, and for each
    select_one question the codes its answers may take, with their labels by language."""

    path: Path
    version: str
    questions: dict[str, str]
    choices: dict[str, dict[str, str]] = field(default_factory=dict)   # question -> {label or code (folded): code}
    headers: dict[str, str] = field(default_factory=dict)   # a column header an export may use (folded) -> question

    @classmethod
    def read(cls, path: str | Path) -> "Form":
        from pyxform.xls2json import parse_file_to_json
        path = Path(path)
        parsed = parse_file_to_json(str(path))
        questions, choices, headers = {}, {}, {}

        def texts(node) -> list[str]:
            label = node.get("label", {})
            return [node["name"], *(label.values() if isinstance(label, dict) else [label] if label else [])]

        def visit(children, groups=((),)):
            for child in children:
                if child.get("type") == "group":
                    if child.get("name") != "meta":   # pyxform's own instanceID, not a question
                        visit(child.get("children", []), [(*g, t) for g in groups for t in texts(child)])
                    continue
                questions[child["name"]] = child["type"]
                for group in groups:   # the question's name or label, after its groups' names or labels
                    for separator in "/-.":   # KoboToolbox's group separator is / or . ; ODK Central's -
                        for text in texts(child):
                            headers[fold(separator.join([*group, text]))] = child["name"]
                if child["type"] == "select one":
                    options = parsed.get("choices", {}).get(child.get("itemset", ""), child.get("choices", []))
                    lookup = {}
                    for option in options:
                        labels = option.get("label", {})
                        for text in [option["name"], *(labels.values() if isinstance(labels, dict) else [labels])]:
                            lookup[fold(text)] = option["name"]
                    choices[child["name"]] = lookup
        visit(parsed.get("children", []))
        return cls(path, str(parsed.get("version", "")), questions, choices, headers)


def fold(text) -> str:
    """An answer or label compared as people type it: case, spaces and typographic quotes ignored."""
    return " ".join(str(text).replace("’", "'").replace("‘", "'").split()).casefold()


@dataclass
class Answers:
    """Answers read from a file: text per question (index: the line or spreadsheet row each
    came from), what the file was, the submission id of each row (empty when it has none),
    the submissions left out as rejected, the delimiter of a CSV ("" for a workbook), the
    tool that exported it ("" for a plain table) and the form version it names, if any."""

    frame: pd.DataFrame
    kind: str
    ids: pd.Series
    rejected: int = 0
    delimiter: str = ","
    tool: str = ""
    version: str = ""

    def row_key(self, index, key: tuple[str, ...] = (), frame: pd.DataFrame | None = None) -> str:
        """How a problem names a row: its submission id, then its `key` columns' values (from
        `frame`, by default the answers)."""
        frame = self.frame if frame is None else frame
        submission = self.ids.get(index, "")
        keys = ", ".join(f"{column}={frame.at[index, column]}" for column in key if column in frame.columns)
        return "; ".join(part for part in [f"submission {submission}" if submission else "", keys] if part)


def _cell_text(value) -> str:
    """A workbook cell as the text a CSV would hold: whole numbers without '.0', dates as ISO dates."""
    if value is None or value == "":
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, (datetime.datetime, datetime.date)):
        return value.isoformat()
    if isinstance(value, datetime.timedelta):
        return str(value)
    return str(value)


def _formula_problems(path: Path, sheet: str, file: str) -> list[Problem]:
    """Formula cells of the sheet with no saved value: the file was written by a program that
    does not calculate (or saved without calculating), so the value a reader would see is unknown."""
    with zipfile.ZipFile(path) as archive:
        if not any(b"<f>" in archive.read(name) or b"<f " in archive.read(name)
                   for name in archive.namelist() if name.startswith("xl/worksheets/") and name.endswith(".xml")):
            return []
    from openpyxl import load_workbook
    formulas = load_workbook(path, read_only=True, data_only=False)[sheet]
    values = load_workbook(path, read_only=True, data_only=True)[sheet]
    problems = []
    for formula_row, value_row in zip(formulas.iter_rows(), values.iter_rows()):
        for formula, value in zip(formula_row, value_row):
            if formula.data_type == "f" and value.value is None:
                problems.append(Problem(file, formula.row, f"{formula.column_letter}{formula.row}", str(formula.value),
                                        "a formula with no saved value; open the file in Excel or LibreOffice, "
                                        "let it calculate, save it, or replace the formula by its value"))
    return problems


def read_workbook(path: Path, sheet: str | None) -> tuple[pd.DataFrame, str]:
    """A sheet of an .xlsx workbook as text (the first sheet unless named); returns the table,
    indexed by spreadsheet row, and the sheet's name. The header is the first non-empty row."""
    from python_calamine import CalamineWorkbook
    file = display_path(path)
    try:
        workbook = CalamineWorkbook.from_path(str(path))
    except Exception as error:   # calamine raises its own error types for every unreadable workbook
        raise DataValidationError([Problem(file, None, None, None,
                                           f"this is not a readable Excel workbook (.xlsx): {error}")]) from None
    names = workbook.sheet_names
    if sheet is None:
        sheet = names[0]
    elif sheet not in names:
        close = [name for name in names if fold(name) == fold(sheet)]
        hint = f" (did you mean {close[0]!r}?)" if close else ""
        raise DataValidationError([Problem(file, None, None, sheet, f"no sheet of this name{hint}; the workbook has: "
                                                                     + ", ".join(map(repr, names)))])
    problems = _formula_problems(path, sheet, file)
    if problems:
        raise DataValidationError(problems)
    rows = workbook.get_sheet_by_name(sheet).to_python(skip_empty_area=False)
    records = [(number, [_cell_text(value) for value in row]) for number, row in enumerate(rows, start=1)
               if any(_cell_text(value).strip() for value in row)]
    if not records:
        raise DataValidationError([Problem(file, None, None, sheet, "the sheet is empty; expected a header row naming "
                                                                     "the columns, then one row per record")])
    (header_row, header), *body = records
    width = max(len(header), *(len(row) for _, row in body)) if body else len(header)
    header = [name.strip() for name in header] + [""] * (width - len(header))
    # the columns read: those with a name or a value (a sheet often has empty columns beyond its table)
    used = [k for k in range(width) if header[k] or any(k < len(row) and row[k].strip() for _, row in body)]
    problems = header_problems([(k + 1, header[k]) for k in used], file, header_row)
    if problems:
        raise DataValidationError(problems)
    frame = pd.DataFrame([[row[k] if k < len(row) else "" for k in used] for _, row in body],
                         columns=[header[k] for k in used], dtype=str,
                         index=pd.Index([number for number, _ in body], name="line"))
    return frame, sheet


def tool_of(columns) -> str:
    """Which tool exported a table, by its columns: "KoboToolbox", "ODK Central" or ""."""
    names = set(columns)
    if names & ODK_MARKERS:
        return "ODK Central"
    if names & KOBO_MARKERS or any("/" in name for name in names):
        return "KoboToolbox"
    return ""


def is_metadata(column: str, tool: str) -> bool:
    """Whether a column of a tool's export is the tool's own (ids, times, review state), not
    a question: the tool's known columns, and its prefixes (KoboToolbox `_...`, `meta/...`,
    `formhub/...`; ODK Central `meta-...`)."""
    if tool == "KoboToolbox":
        return column in KOBO_METADATA or column.startswith(("_", "meta/", "formhub/"))
    if tool == "ODK Central":
        return column in ODK_METADATA or column.startswith("meta-")
    return False


def _question_name(column: str, tool: str) -> str:
    """A column's question name without its group path (group_dynamics/product -> product)."""
    separator = {"KoboToolbox": "/", "ODK Central": "-"}.get(tool)
    return column.rsplit(separator, 1)[-1] if separator else column


def _submission_ids(frame: pd.DataFrame, tool: str) -> pd.Series:
    for column in {"KoboToolbox": ["_uuid", "meta/instanceID", "_id"], "ODK Central": ["KEY", "meta-instanceID"]}.get(tool, []):
        if column in frame.columns:
            return frame[column].str.strip()
    return pd.Series("", index=frame.index, dtype=str)


def _rejected(frame: pd.DataFrame, tool: str) -> pd.Series:
    column, words = {"KoboToolbox": ("_validation_status", KOBO_REJECTED),
                     "ODK Central": ("ReviewState", ODK_REJECTED)}.get(tool, ("", set()))
    if column not in frame.columns:
        return pd.Series(False, index=frame.index)
    return frame[column].map(fold).isin(words)


def read_answers(path: str | Path, form: Form | None = None) -> Answers:
    """Read a CSV or .xlsx file of answers (`file.xlsx#Sheet` names a sheet), as it came from
    KoboToolbox, ODK Central, a spreadsheet or the workbench's CSV template: group paths and
    metadata columns are dropped, rejected submissions left out and counted, and duplicate
    submission ids refused (`codes_from_labels` then turns labels into codes). With a
    `form`, a column headed by a question's label (KoboToolbox's "labels" export, in
    either language, with its groups' labels) is read as that question.
    Every problem is reported at once, with the file, the row (and submission id), the
    column and what was expected."""
    path, sheet = split_sheet(path)
    path = path.expanduser()
    file = display_path(path)
    if path.suffix.lower() in SPREADSHEETS:
        refuse_unreadable(path, "Excel workbook")
        frame, sheet = read_workbook(path, sheet)
        delimiter, container = "", _("Excel workbook, sheet {sheet}").format(sheet=repr(sheet))   # no delimiter: a decimal comma is unambiguous
    else:
        frame, delimiter = read_delimited_text(path)
        container = {",": "CSV", ";": _("CSV (semicolon-separated)"), "\t": _("tab-separated text")}[delimiter]
    tool = tool_of(frame.columns)
    ids = _submission_ids(frame, tool)
    problems = []
    named = ids[ids != ""]
    for submission in sorted(set(named[named.duplicated()])):
        lines = [str(line) for line in named.index[named == submission]]
        problems.append(Problem(file, int(lines[0]), None, submission,
                                f"the same submission id is on rows {', '.join(lines)}; expected each submission once "
                                "(an export appended to another, or a row copied?)"))
    versions = [value for column in VERSION_COLUMNS if column in frame.columns
                for value in frame[column].str.strip() if value]
    rejected = _rejected(frame, tool)
    kept = [column for column in frame.columns if not is_metadata(column, tool)]
    frame = frame.loc[~rejected, kept]
    known = form.headers if form is not None else {}
    renamed = {column: known.get(fold(column)) or _question_name(column, tool) for column in kept}
    clashes = sorted({name for name in renamed.values() if list(renamed.values()).count(name) > 1})
    problems += [Problem(file, 1, None, None, f"two columns are the question {name!r} once their group is left out; "
                                              "expected each question once") for name in clashes]
    if problems:
        raise DataValidationError(problems)
    frame = frame.rename(columns=renamed)
    return Answers(frame, _("{tool} export ({container})").format(tool=tool, container=container) if tool else container,
                   ids.loc[frame.index],
                   int(rejected.sum()), delimiter, tool, versions[0] if versions else "")


def codes_from_labels(answers: Answers, form: Form, file: str,
                      key: tuple[str, ...] = ()) -> tuple[pd.DataFrame, list[Problem]]:
    """Answers of the form's select_one questions given as labels (in any of its languages,
    any case) turned into the codes the form stores. An answer that is neither a code nor a
    label is left empty in the table returned and reported among the problems returned, with
    the codes allowed, so that it is reported once, beside the file's other problems; the row
    is named by its submission id and its `key` columns."""
    frame, problems = answers.frame.copy(), []
    for question, lookup in form.choices.items():
        if question not in frame.columns:
            continue
        texts = frame[question].fillna("").str.strip()
        mapped = texts.map(lambda text: lookup.get(fold(text), None) if text else "")
        for index in mapped.index[mapped.isna()]:
            allowed = sorted(set(lookup.values()))
            problems.append(Problem(file, int(index), question, texts[index],
                                    f"an answer in neither language of the form; expected one of {', '.join(allowed)} "
                                    "or their labels", answers.row_key(index, key, frame)))
        frame[question] = mapped.fillna("")
    return frame, problems


def version_problems(answers: Answers, form: Form, file: str) -> list[Problem]:
    """An export of another version of the form: the questions it lacks and those the form
    does not have, with the version the export names beside the form's own."""
    missing = [question for question in form.questions if question not in answers.frame.columns]
    extra = [column for column in answers.frame.columns if column not in form.questions]
    if not missing and not extra:
        return []
    named = f"version {answers.version}" if answers.version else "a version it does not name"
    return [Problem(file, 1, None, None, f"this export is of {named}, not of the form's version {form.version}: "
                                         + "; ".join(part for part in [
                                             "missing " + ", ".join(missing) if missing else "",
                                             "not in the form " + ", ".join(extra) if extra else ""] if part))]

