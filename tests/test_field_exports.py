"""Fieldwork formats (the questionnaire as an XLSForm; exports read as they come): the form
converts with pyxform without a warning and matches the template, and one set of answers
read from every format gives the same aggregates, to the byte, as our CSV template."""

import io

import pytest
from openpyxl import Workbook, load_workbook

import field_exports as fx
from workbench import metal_clusters as mc
from workbench.core.datapackage import load_package
from workbench.core.errors import DataValidationError
from workbench.metal_clusters.form import FORM_FILE, form_sheets

PACKAGE = load_package("metal_clusters")


def test_the_xlsform_converts_with_pyxform_without_errors_or_warnings():
    from pyxform.xls2xform import convert
    warnings = []
    result = convert(xlsform=str(PACKAGE.folder / FORM_FILE), warnings=warnings)
    assert warnings == [] and "<h:title>" in result.xform


def test_the_committed_form_is_the_one_the_schema_gives():
    """The form is made from the template's schema; the committed workbook has not drifted."""
    workbook = load_workbook(PACKAGE.folder / FORM_FILE, read_only=True)
    committed = {sheet.title: [["" if value is None else value for value in row] for row in sheet.iter_rows(values_only=True)]
                 for sheet in workbook.worksheets}
    assert committed == form_sheets(PACKAGE)


def test_the_form_asks_every_question_of_the_template_with_both_languages():
    sheets = form_sheets(PACKAGE)
    header, *rows = sheets["survey"]
    questions = {row[1]: dict(zip(header, row)) for row in rows if not row[0].endswith("group")}
    assert list(questions) == [field["name"] for field in PACKAGE.schema("firm_survey")["fields"]]
    assert all(q["label::Bahasa Indonesia (id)"] and q["label::English (en)"] for q in questions.values())
    assert questions["product"]["constraint"] == ". >= 1 and . <= 5"
    assert questions["same_kind_mode"]["relevant"] == "${same_kind} = 'yes'"
    assert "supporting_mode" not in questions
    assert questions["district"]["required"] == "yes"


def aggregates(path) -> dict[str, bytes]:
    tables, _, _, _ = mc.read_survey(PACKAGE, path)
    return {name: table.to_csv(index=False).encode() for name, table in tables.items()}


@pytest.mark.parametrize("export", ["excel", "kobo_csv", "kobo_xlsx", "kobo_xlsx_with_labels", "odk_csv"])
def test_every_export_of_the_same_answers_gives_the_same_aggregates(tmp_path, export):
    expected = aggregates(fx.template_csv(tmp_path))
    assert aggregates(getattr(fx, export)(tmp_path)) == expected


@pytest.mark.parametrize("export, kind", [("excel", "firm survey, Excel workbook, sheet 'Sheet1'"),
                                          ("kobo_csv", "KoboToolbox export (CSV (semicolon-separated)); 1 rejected"),
                                          ("kobo_xlsx", "KoboToolbox export (Excel workbook"),
                                          ("odk_csv", "ODK Central export (CSV); 1 rejected submission left out")])
def test_the_report_names_the_format_and_the_rejected_submissions(tmp_path, export, kind):
    _, described, _, _ = mc.read_survey(PACKAGE, getattr(fx, export)(tmp_path))
    assert kind in described


def problems(path) -> list[str]:
    with pytest.raises(DataValidationError) as caught:
        mc.read_survey(PACKAGE, path)
    return [str(problem) for problem in caught.value.problems]


def test_a_missing_sheet_is_named_with_the_sheets_there_are(tmp_path):
    path = fx.excel(tmp_path)
    assert problems(f"{path}#Data")[0].endswith("survey.xlsx: value 'Data': no sheet of this name; the workbook has: "
                                                "'Sheet1'")
    assert "did you mean 'Sheet1'" in problems(f"{path}#sheet1")[0]


def test_a_formula_without_a_saved_value_is_named_by_its_cell(tmp_path):
    workbook = Workbook()
    workbook.active.append(list(fx.ANSWERS[0]))
    row = list(fx.ANSWERS[0].values())
    row[2] = "=1+2"
    workbook.active.append(row)
    workbook.save(tmp_path / "formula.xlsx")   # openpyxl saves formulas without calculating them
    found = problems(tmp_path / "formula.xlsx")
    assert len(found) == 1 and "line 2, column 'C2': value '=1+2': a formula with no saved value" in found[0]


def test_a_date_where_a_score_belongs_and_unknown_labels_are_reported_together(tmp_path):
    import datetime
    workbook = Workbook()
    workbook.active.append(list(fx.ANSWERS[0]))
    row = list(fx.ANSWERS[0].values())
    row[3] = datetime.date(2026, 3, 4)
    workbook.active.append(row)
    workbook.save(tmp_path / "dates.xlsx")
    found = problems(tmp_path / "dates.xlsx")
    assert any("column 'technology': value '2026-03-04': expected a number from 1 to 5" in p for p in found), found


def test_an_answer_label_in_neither_language_names_the_submission(tmp_path):
    text = fx.kobo_csv(tmp_path).read_text(encoding="utf-8").replace(";Aktif;", ";Sangat aktif;", 1)
    path = tmp_path / "kobo_bad.csv"
    path.write_text(text, encoding="utf-8")
    found = problems(path)
    assert len(found) == 1
    assert "line 2 (submission uuid-0001; district=Kabupaten Cilacap – Timur, firm_id=C1), column " \
           "'same_kind_mode': value 'Sangat aktif': an answer in neither language of the form" in found[0]


def test_duplicate_submission_ids_are_refused(tmp_path):
    lines = fx.odk_csv(tmp_path).read_text(encoding="utf-8").splitlines()
    path = tmp_path / "odk_twice.csv"
    path.write_text("\n".join([*lines, lines[1]]) + "\n", encoding="utf-8")
    found = problems(path)
    assert len(found) == 1 and found[0].endswith("odk_twice.csv, line 2: value 'uuid:0001': the same submission id "
                                                 "is on rows 2, 6; expected each submission once (an export appended "
                                                 "to another, or a row copied?)")


def test_an_export_of_another_form_version_names_the_version_and_the_columns(tmp_path):
    text = fx.kobo_csv(tmp_path).read_text(encoding="utf-8")
    text = text.replace("group_problem_solving/marketing", "group_problem_solving/pemasaran_baru")
    text = text.replace(";2026120301;", ";2025010101;")
    path = tmp_path / "kobo_old.csv"
    path.write_text(text, encoding="utf-8")
    found = problems(path)
    assert len(found) == 1
    assert "this export is of version 2025010101, not of the form's version 2026120301: missing marketing; " \
           "not in the form pemasaran_baru" in found[0]


def test_a_dot_as_kobos_group_separator_and_decimal_commas_in_a_workbook(tmp_path):
    """KoboToolbox can export with '.' between group and question; an Indonesian Excel keeps
    3,5 as text: both are read as they are."""
    text = fx.kobo_csv(tmp_path).read_text(encoding="utf-8").replace("group_dynamics/", "group_dynamics.")
    dotted = tmp_path / "kobo_dots.csv"
    dotted.write_text(text, encoding="utf-8")
    assert aggregates(dotted) == aggregates(fx.template_csv(tmp_path))
    workbook = Workbook()
    workbook.active.append(list(fx.ANSWERS[0]))
    workbook.active.append(["3,5" if key == "product" else value for key, value in fx.ANSWERS[0].items()])
    workbook.save(tmp_path / "comma.xlsx")
    firms = mc.read_firm_survey(PACKAGE, tmp_path / "comma.xlsx")
    assert firms["product"].iloc[0] == 3.5
