"""A user's own district for study 1: a firm survey (one row per firm) or a district summary.

Both are validated against their templates in data/raw/metal_clusters/templates/ (every
mistake reported at once) and brought into the shapes of the published Tabel 3-8, so
that the district is computed and shown exactly like the published ones.
"""

from pathlib import Path

import pandas as pd

from workbench.core.i18n import N_, _, ngettext
from workbench.core.datapackage import DataPackage
from workbench.core.paths import display_path
from workbench.core.exports import Answers, Form, codes_from_labels, read_answers, split_sheet, version_problems
from workbench.core.user_data import case_name_problem
from workbench.core.validation import DataValidationError, Problem, parse_table
from workbench.metal_clusters.codebook import ASPECTS, DISTRICTS, LINKAGES, MODES, PROBLEM_AREAS, SURVEY_LINKAGES
from workbench.metal_clusters.form import FORM_FILE

ANSWER_WORDS = {"yes": "yes", "ya": "yes", "ada": "yes", "no": "no", "tidak": "no", "tidak ada": "no"}
MODE_WORDS = {"passive": "passive", "pasif": "passive", "active": "active", "aktif": "active",
              "proactive": "proactive", "proaktif": "proactive", "pro aktif": "proactive", "pro-aktif": "proactive"}
SUMMARY_ITEMS = {"dynamics": (list(ASPECTS["aspect_id"]), ["mean", "min", "max"]),
                 "cooperation": (SURVEY_LINKAGES, ["cooperating", "not_cooperating", *MODES]),
                 "problem_solving": (list(PROBLEM_AREAS["problem_area_id"]), ["score"])}
FIRM_SURVEY, DISTRICT_SUMMARY = N_("firm survey"), N_("district summary")


def _normalise_words(frame: pd.DataFrame) -> pd.DataFrame:
    """Map accepted answer words (Indonesian or English, any case) to the survey's codes."""
    frame = frame.copy()
    for linkage in SURVEY_LINKAGES:
        for column, words in [(linkage, ANSWER_WORDS), (f"{linkage}_mode", MODE_WORDS)]:
            if column in frame.columns:
                cleaned = frame[column].str.strip()
                frame[column] = cleaned.str.lower().map(words).fillna(cleaned)
    return frame


def survey_form(package: DataPackage) -> Form:
    """The firm survey's XLSForm (templates/firm_survey_form.xlsx), as pyxform reads it."""
    return Form.read(package.folder / FORM_FILE)


def read_firm_survey(package: DataPackage, path: str | Path, answers: Answers | None = None,
                     form: Form | None = None) -> pd.DataFrame:
    """Read and validate a firm survey (one row per firm) from our CSV template, a spreadsheet,
    or a KoboToolbox or ODK Central export of the XLSForm, reporting every mistake at once:
    file, row (and submission id), column, value and what is allowed. Answers may be codes,
    accepted words (ada, ya, pasif, ...) or the form's labels in either language."""
    answers = answers or read_answers(path)
    file = display_path(split_sheet(path)[0])
    schema = package.schema("firm_survey")
    form = form or survey_form(package)
    if answers.tool:
        problems = version_problems(answers, form, file)
        if problems:
            raise DataValidationError(problems)
    answers.frame = _normalise_words(answers.frame)
    if answers.frame.empty:
        raise DataValidationError([Problem(file, 2, None, None, "the survey has a header but no firms; "
                                                                "expected one row per firm")])
    coded, problems = codes_from_labels(answers, form, file, tuple(schema.get("primaryKey", ())))
    frame = answers.frame
    try:
        table = parse_table(coded, schema, file, decimal_comma=answers.delimiter != ",", row_labels=answers.row_key)
    except DataValidationError as error:
        problems, table = problems + error.problems, None
    for linkage in [l for l in SURVEY_LINKAGES if f"{l}_mode" in frame.columns and l in frame.columns]:
        for answer, advice in [("no", f"{linkage} is 'no': leave the mode blank or answer 'yes'"),
                               ("", f"{linkage} is blank: answer 'yes' (the firm cooperates) or leave the mode blank")]:
            given = frame[(frame[linkage].str.strip() == answer) & (frame[f"{linkage}_mode"].str.strip() != "")]
            for index, row in given.iterrows():
                problems.append(Problem(file, index, f"{linkage}_mode", row[f"{linkage}_mode"],
                                        f"a mode is given but {advice}", answers.row_key(index, ("district", "firm_id"))))
    if problems:
        raise DataValidationError(sorted(problems, key=lambda p: (p.line or 0, p.column or "")))
    return table


def read_district_summary(package: DataPackage, path: str | Path, answers: Answers | None = None) -> pd.DataFrame:
    """Read and validate a published-style district summary (one value per row), from CSV or a spreadsheet."""
    answers = answers or read_answers(path)
    file = display_path(split_sheet(path)[0])
    if answers.frame.empty:
        raise DataValidationError([Problem(file, 2, None, None, "the file has a header but no rows; expected at least one row")])
    table = parse_table(answers.frame, package.schema("district_summary"), file,
                        decimal_comma=answers.delimiter != ",", row_labels=answers.row_key)
    problems = []
    for index, row in table.iterrows():
        items, statistics = SUMMARY_ITEMS[row["table"]]
        for column, allowed in [("item", items), ("statistic", statistics)]:
            if row[column] not in allowed:
                problems.append(Problem(file, index, column, row[column],
                                        f"expected, for table {row['table']}, one of {', '.join(allowed)}"))
    if problems:
        raise DataValidationError(problems)
    return table


def aggregate_survey(firms: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """Firm rows to the published tables' shapes, per district: Tabel 3 (mean, minimum,
    maximum of the firms that answered, and how many answered each aspect), Tabel 4-7
    (counts of the firms that answered), Tabel 8 (mean score). Shares are computed from the
    counts later, on the paper's bases, exactly as for the published districts."""
    dynamics, scores = [], []
    cooperation = {linkage: [] for linkage in SURVEY_LINKAGES}
    for district, part in firms.groupby("district", sort=False):
        record = {"location": district}
        for aspect in ASPECTS["aspect_id"]:
            values = part[aspect].dropna()
            record.update({f"{aspect}_mean": values.mean() if len(values) else pd.NA,
                           f"{aspect}_min": values.min() if len(values) else pd.NA,
                           f"{aspect}_max": values.max() if len(values) else pd.NA,
                           f"{aspect}_answered": len(values)})
        record["total_of_means"] = sum(record[f"{a}_mean"] for a in ASPECTS["aspect_id"])
        dynamics.append(record)
        for linkage in SURVEY_LINKAGES:
            answered = part[part[linkage].notna()]
            counts = {"cooperating": int((answered[linkage] == "yes").sum()),
                      "not_cooperating": int((answered[linkage] == "no").sum())}
            if linkage != "supporting":
                counts.update({mode: int((answered[f"{linkage}_mode"] == mode).sum()) for mode in MODES})
            cooperation[linkage].append({"location": district, **counts, "total": len(answered)})
        scores.append({"location": district, **{a: part[a].mean() for a in PROBLEM_AREAS["problem_area_id"]}})
    return _published_shapes(dynamics, cooperation, scores)


def summary_tables(summary: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """A district summary to the published tables' shapes."""
    dynamics, scores = [], []
    cooperation = {linkage: [] for linkage in SURVEY_LINKAGES}
    for district, part in summary.groupby("district", sort=False):
        value = {(r.table, r.item, r.statistic): r.value for r in part.itertuples()}
        record = {"location": district}
        for aspect in ASPECTS["aspect_id"]:
            for statistic in ["mean", "min", "max"]:
                record[f"{aspect}_{statistic}"] = value.get(("dynamics", aspect, statistic), pd.NA)
        record["total_of_means"] = sum(record[f"{a}_mean"] for a in ASPECTS["aspect_id"])
        dynamics.append(record)
        for linkage in SURVEY_LINKAGES:
            counts = {s: int(value.get(("cooperation", linkage, s), 0))
                      for s in ["cooperating", "not_cooperating", *([] if linkage == "supporting" else MODES)]}
            cooperation[linkage].append({"location": district, **counts,
                                         "total": counts["cooperating"] + counts["not_cooperating"]})
        scores.append({"location": district, **{a: value.get(("problem_solving", a, "score"), pd.NA)
                                                 for a in PROBLEM_AREAS["problem_area_id"]}})
    return _published_shapes(dynamics, cooperation, scores)


def _published_shapes(dynamics: list, cooperation: dict, scores: list) -> dict[str, pd.DataFrame]:
    tables = {"table3_cluster_dynamics": pd.DataFrame(dynamics), "table8_problem_solving": pd.DataFrame(scores)}
    for linkage in LINKAGES.itertuples():
        tables[linkage.resource] = pd.DataFrame(cooperation[linkage.linkage_id])
    return tables


def district_name_problems(table: pd.DataFrame, file: str) -> list[Problem]:
    """Each district of a survey must have a valid name that is not a published district's
    (name or alias): the same rule as for every study's own cases."""
    problems = []
    for district, rows in table.groupby("district", sort=False):
        problem = case_name_problem(district, DISTRICTS, file, int(rows.index[0]), "district")
        if problem:
            problems.append(problem)
    return problems


def read_survey(package: DataPackage, path: str | Path) -> tuple[dict[str, pd.DataFrame], str, str, pd.DataFrame | None]:
    """A firm survey or a district summary, told apart by its columns, from CSV, a
    spreadsheet or a field tool's export, in the published tables' shapes; returns the
    tables, what the file was (kind, format, submissions left out), its name as shown, and
    the firm rows of a firm survey (None for a summary)."""
    base, sheet = split_sheet(path)
    base = base.expanduser().resolve()
    path = f"{base}#{sheet}" if sheet else base
    file = display_path(base)
    form = survey_form(package)
    answers = read_answers(path, form)
    header = set(answers.frame.columns)
    if "firm_id" in header:
        table, kind, shapes = read_firm_survey(package, path, answers, form), FIRM_SURVEY, aggregate_survey
    elif "statistic" in header:
        table, kind, shapes = read_district_summary(package, path, answers), DISTRICT_SUMMARY, summary_tables
    else:
        raise DataValidationError([Problem(file, 1, None, None,
                                           "expected the header of a firm survey (district, firm_id, ...) or of a "
                                           "district summary (district, table, item, statistic, value); see "
                                           f"{display_path(package.folder)}/templates/")])
    problems = district_name_problems(table, file)
    if problems:
        raise DataValidationError(problems)
    rejected = ngettext("{count} rejected submission left out", "{count} rejected submissions left out",
                        answers.rejected).format(count=answers.rejected)
    described = f"{_(kind)}, {answers.kind}" + (f"; {rejected}" if answers.rejected else "")
    return shapes(table), described, file, table if kind == FIRM_SURVEY else None
