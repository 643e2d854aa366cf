"""One set of firm-survey answers written as each field tool and spreadsheet exports it, for
the tests: our CSV template, an Excel workbook, KoboToolbox's CSV and XLSX exports and ODK
Central's CSV export, laid out as those tools lay them out (group paths, metadata columns,
labels for answers, a rejected submission)."""

import csv
from pathlib import Path

from openpyxl import Workbook

from workbench.core.datapackage import load_package
from workbench.metal_clusters.form import FORM_VERSION, form_sheets

ANSWERS = [
    {"district": "Kabupaten Cilacap – Timur", "firm_id": "C1", "product": 3, "technology": 2, "market": 4, "skill": 2,
     "trust": 3, "information": 4, "same_kind": "yes", "same_kind_mode": "active", "backward": "yes",
     "backward_mode": "passive", "forward": "no", "forward_mode": "", "supporting": "yes", "raw_material": 2,
     "auxiliary_material": 3, "production": 3, "marketing": 1},
    {"district": "Kabupaten Cilacap – Timur", "firm_id": "C2", "product": 4, "technology": 3, "market": 2, "skill": "",
     "trust": 5, "information": 3, "same_kind": "no", "same_kind_mode": "", "backward": "yes",
     "backward_mode": "proactive", "forward": "yes", "forward_mode": "active", "supporting": "no",
     "raw_material": 4, "auxiliary_material": 2, "production": 2, "marketing": 3},
    {"district": "Ma’had Al-Ikhlas", "firm_id": "M1", "product": 1, "technology": 1, "market": 5, "skill": 3,
     "trust": 2, "information": 2, "same_kind": "yes", "same_kind_mode": "passive", "backward": "",
     "backward_mode": "", "forward": "yes", "forward_mode": "passive", "supporting": "yes", "raw_material": 1,
     "auxiliary_material": 1, "production": 4, "marketing": 2},
]
REJECTED = {**ANSWERS[0], "firm_id": "C9", "product": 1, "technology": 1}   # left out by the tool's review


def _form():
    return form_sheets(load_package("metal_clusters"))


def group_paths() -> dict[str, str]:
    """Each question's group in the form."""
    groups, current = {}, None
    for row in _form()["survey"][1:]:
        kind, name = row[0], row[1]
        if kind == "begin_group":
            current = name
        elif kind == "end_group":
            current = None
        else:
            groups[name] = current
    return groups


def labels(language: int) -> dict[tuple[str, str], str]:
    """(question, code) -> label in the form's first (0) or second (1) language."""
    choices = {(row[0], row[1]): row[2 + language] for row in _form()["choices"][1:]}
    lists = {row[1]: row[0].split()[-1] for row in _form()["survey"][1:] if row[0].startswith("select_one")}
    return {(question, code): label for question, list_name in lists.items()
            for (name, code), label in choices.items() if name == list_name}


def template_csv(folder: Path) -> Path:
    path = folder / "template.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(ANSWERS[0]))
        writer.writeheader()
        writer.writerows(ANSWERS)
    return path


def _workbook(path: Path, header: list[str], rows: list[list], sheet: str = "Sheet1") -> Path:
    workbook = Workbook()
    workbook.active.title = sheet
    workbook.active.append(header)
    for row in rows:
        workbook.active.append([None if value == "" else value for value in row])
    workbook.save(path)
    return path


def excel(folder: Path) -> Path:
    return _workbook(folder / "survey.xlsx", list(ANSWERS[0]), [list(row.values()) for row in ANSWERS])


def _kobo_rows(language: int | None):
    groups, named = group_paths(), labels(language or 0)
    header = ["start", "end", *[f"{groups[q]}/{q}" for q in ANSWERS[0]], "_id", "_uuid", "_submission_time",
              "_validation_status", "_notes", "_status", "_submitted_by", "__version__", "_tags", "_index"]
    rows = []
    for number, (answer, status) in enumerate([(a, "validation_status_approved") for a in ANSWERS]
                                              + [(REJECTED, "validation_status_not_approved")], start=1):
        values = [named.get((q, v), v) if language is not None else v for q, v in answer.items()]
        rows.append(["2026-11-02T08:00:00.000+07:00", "2026-11-02T08:20:00.000+07:00", *values, 1000 + number,
                     f"uuid-{number:04d}", "2026-11-02T01:30:00", status, "", "submitted_via_web", "", FORM_VERSION,
                     "", number])
    return header, rows


def kobo_csv(folder: Path) -> Path:
    """KoboToolbox's default CSV export: `;`, group paths, answers as labels (Indonesian)."""
    header, rows = _kobo_rows(0)
    path = folder / "kobo.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(header)
        writer.writerows(rows)
    return path


def kobo_xlsx(folder: Path) -> Path:
    """KoboToolbox's XLSX export: group paths, answers as labels (English)."""
    header, rows = _kobo_rows(1)
    return _workbook(folder / "kobo.xlsx", header, rows, "metal_cluster_firm_survey")


def odk_csv(folder: Path) -> Path:
    """ODK Central's CSV export: `-` as the group separator, its metadata, codes as answers."""
    groups = group_paths()
    header = ["SubmissionDate", "start", "end", *[f"{groups[q]}-{q}" for q in ANSWERS[0]], "meta-instanceID",
              "KEY", "SubmitterID", "SubmitterName", "AttachmentsPresent", "AttachmentsExpected", "Status",
              "ReviewState", "DeviceID", "Edits", "FormVersion"]
    path = folder / "odk.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        for number, (answer, review) in enumerate([(a, "approved") for a in ANSWERS] + [(REJECTED, "rejected")], 1):
            writer.writerow(["2026-11-02T01:30:00.000Z", "", "", *answer.values(), f"uuid:{number:04d}",
                             f"uuid:{number:04d}", 7, "enumerator", 0, 0, "", review, "", 0, FORM_VERSION])
    return path


def kobo_xlsx_with_labels(folder: Path) -> Path:
    """KoboToolbox's XLSX export with labels (English) as headers as well as answers: each
    question's column is headed 'group label/question label'."""
    header, rows = _kobo_rows(1)
    english = {row[1]: row[3] for row in _form()["survey"][1:] if row[0] != "end_group"}
    header = [column if column.startswith("_") or "/" not in column
              else "/".join(english[part] for part in column.split("/")) for column in header]
    return _workbook(folder / "kobo_labels.xlsx", header, rows, "metal_cluster_firm_survey")
