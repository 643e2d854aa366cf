"""The firm survey as an XLSForm, for ODK Collect and KoboToolbox.

`form_sheets(package)` builds the form's survey, choices and settings sheets from the firm
survey's template schema (names, bounds, answers) and the source's own words (Tabel 2's
levels, Tabel 3's scale, Tabel 4-7's Ada / Tidak ada and Pasif / Aktif / Proaktif), so that
the form and the CSV template cannot drift apart. `write_form` saves it as the template
data/raw/metal_clusters/templates/firm_survey_form.xlsx; a test converts that file with
pyxform and compares it with what `form_sheets` gives.
"""

from pathlib import Path

from workbench.core.datapackage import DataPackage
from workbench.metal_clusters.codebook import ASPECTS, LINKAGES, PROBLEM_AREAS

ID, EN = "Bahasa Indonesia (id)", "English (en)"
FORM_ID = "metal_cluster_firm_survey"
FORM_VERSION = "2026120301"
FORM_FILE = "templates/firm_survey_form.xlsx"
SURVEY_COLUMNS = ["type", "name", f"label::{ID}", f"label::{EN}", f"hint::{ID}", f"hint::{EN}", "required",
                  "constraint", f"constraint_message::{ID}", f"constraint_message::{EN}", "relevant"]
CHOICES_COLUMNS = ["list_name", "name", f"label::{ID}", f"label::{EN}"]
CHOICES = [("yes_no", "yes", "Ada", "Yes, cooperates"), ("yes_no", "no", "Tidak ada", "No, does not cooperate"),
           ("mode", "passive", "Pasif", "Passive"), ("mode", "active", "Aktif", "Active"),
           ("mode", "proactive", "Proaktif", "Proactive")]
GROUPS = {"group_identity": ("Identitas responden", "The firm"),
          "group_dynamics": ("Dinamika klaster (Tabel 2-3)", "Cluster dynamics (Tabel 2-3)"),
          "group_cooperation": ("Kerjasama (Tabel 4-7)", "Cooperation (Tabel 4-7)"),
          "group_problem_solving": ("Cara mengatasi permasalahan (Tabel 8)", "How the firm solves problems (Tabel 8)")}
LINKAGE_WORDS = {"same_kind": "with firms of the same kind", "backward": "with upstream firms (backward linkage)",
                 "forward": "with downstream firms (forward linkage)",
                 "supporting": "with supporting industries and institutions"}


def _question(kind, name, label_id, label_en, hint_id="", hint_en="", required="", constraint="",
              message_id="", message_en="", relevant="") -> list:
    return [kind, name, label_id, label_en, hint_id, hint_en, required, constraint, message_id, message_en, relevant]


def _score(name: str, label_id: str, label_en: str, hint_id: str, hint_en: str, bounds: tuple) -> list:
    low, high = bounds
    return _question("integer", name, label_id, label_en, hint_id, hint_en, "", f". >= {low} and . <= {high}",
                     f"Isi angka {low} sampai {high}", f"Enter a whole number from {low} to {high}")


def form_sheets(package: DataPackage) -> dict[str, list[list]]:
    """The XLSForm's sheets as rows (the header first), from the firm survey's schema."""
    fields = {field["name"]: field for field in package.schema("firm_survey")["fields"]}

    def bounds(name):
        rules = fields[name]["constraints"]
        return int(rules["minimum"]), int(rules["maximum"])

    levels = package.read("table2_jica_indicators").set_index("indicator_en")
    survey = [SURVEY_COLUMNS]

    def group(name, rows):
        label_id, label_en = GROUPS[name]
        survey.append(_question("begin_group", name, label_id, label_en))
        survey.extend(rows)
        survey.append(_question("end_group", name, "", ""))

    group("group_identity", [
        _question("text", "district", fields["district"]["title"], fields["district"]["description"], required="yes"),
        _question("text", "firm_id", fields["firm_id"]["title"], fields["firm_id"]["description"],
                  "Unik di dalam kabupaten", "Unique within the district", required="yes")])
    dynamics = []
    for aspect in ASPECTS.itertuples():
        level = levels.loc[aspect.aspect_en] if aspect.aspect_en in levels.index else None
        scale_id = "1 = sangat kurang dinamis ... 5 = sangat dinamis"
        scale_en = "1 = very undynamic ... 5 = very dynamic"
        if level is not None:
            scale_id += f" (statis: {level['level_1']}; dinamis: {level['level_3']})"
            scale_en += f" (static: {level['level_1_en']}; dynamic: {level['level_3_en']})"
        dynamics.append(_score(aspect.aspect_id, fields[aspect.aspect_id]["title"],
                               f"Cluster-dynamics score: {aspect.aspect_en.lower()}", scale_id, scale_en,
                               bounds(aspect.aspect_id)))
    group("group_dynamics", dynamics)
    cooperation = []
    for linkage in LINKAGES.itertuples():
        name = linkage.linkage_id
        cooperation.append(_question("select_one yes_no", name, f"Kerjasama dengan {linkage.linkage}",
                                     f"Does the firm cooperate {LINKAGE_WORDS[name]}?"))
        if f"{name}_mode" in fields:
            cooperation.append(_question("select_one mode", f"{name}_mode", f"Cara kerjasama dengan {linkage.linkage}",
                                         f"How does the firm cooperate {LINKAGE_WORDS[name]}?",
                                         relevant=f"${{{name}}} = 'yes'"))
    group("group_cooperation", cooperation)
    group("group_problem_solving", [
        _score(area.problem_area_id, fields[area.problem_area_id]["title"],
               f"Problem-solving score: {area.problem_area_en.lower()}",
               "Makin tinggi, makin kolektif (1 = belum membeli bersama melalui koperasi ... 4 = pemasaran bersama)",
               "Higher = more collective (1 = not yet buying jointly through a cooperative ... 4 = joint marketing)",
               bounds(area.problem_area_id)) for area in PROBLEM_AREAS.itertuples()])
    return {"survey": survey, "choices": [CHOICES_COLUMNS, *map(list, CHOICES)],
            "settings": [["form_title", "form_id", "version", "default_language"],
                         ["Survei klaster IKM logam / Metal-cluster firm survey", FORM_ID, FORM_VERSION, ID]]}


def write_form(package: DataPackage, path: str | Path) -> Path:
    """Save the XLSForm (survey, choices, settings) as an .xlsx workbook with openpyxl."""
    from openpyxl import Workbook
    workbook = Workbook()
    workbook.remove(workbook.active)
    for title, rows in form_sheets(package).items():
        sheet = workbook.create_sheet(title)
        for row in rows:
            sheet.append(row)
    path = Path(path)
    workbook.save(path)
    return path
