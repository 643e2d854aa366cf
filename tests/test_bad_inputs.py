"""Broken and hostile input (tests/bad_inputs/): refused clearly, nothing published, nothing escapes.

Each case runs through `workbench run` (in-process, with its own reports folder) and must
exit non-zero with a message naming the file, line and column as far as they apply, with no
Python traceback, leaving the reports folder and the input untouched.
"""

import shutil
import tomllib
from pathlib import Path

import pytest

from workbench import cli

CORPUS = Path(__file__).parent / "bad_inputs"
CASES = sorted(folder.name for folder in CORPUS.iterdir() if (folder / "case.toml").is_file())


def snapshot(folder: Path) -> dict:
    return {p.relative_to(folder): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


@pytest.mark.parametrize("name", CASES)
def test_bad_input_is_refused_with_a_clear_message(tmp_path, monkeypatch, capsys, name):
    case = tomllib.loads((CORPUS / name / "case.toml").read_text(encoding="utf-8"))
    inputs = shutil.copytree(CORPUS / name, tmp_path / "input")
    before = snapshot(inputs)
    reports = tmp_path / "reports"
    reports.mkdir()
    monkeypatch.chdir(inputs)
    arguments = ["--reports", str(reports), "run", case["study"], *(["--name", case["name"]] if "name" in case else [])]
    for key, value in case.get("parameters", {}).items():
        arguments += ["-p", key, value]
    code = cli.main(arguments)
    error = capsys.readouterr().err
    assert code != 0, f"{name}: accepted"
    missing = [expected for expected in case["expect"] if expected not in error]
    assert missing == [], f"{name}: the message lacks {missing}:\n{error}"
    assert "Traceback" not in error
    assert list(reports.rglob("*")) == [], f"{name}: something was written to reports/"
    assert snapshot(inputs) == before


def test_the_corpus_covers_every_class_of_bad_input():
    notes = " ".join((CORPUS / name / "case.toml").read_text(encoding="utf-8").splitlines()[0] for name in CASES)
    for kind in ["empty", "header and no rows", "Excel workbook", "quote", "3,5", "shorter", "NaN", "blank",
                 "published", "HTML", "formula", "slash", "long name", "UTF-16", "does not exist", "folder",
                 "cycle", "run name", "misspelt"]:
        assert kind in notes, kind


@pytest.mark.slow
def test_user_text_reaches_no_page_unescaped(tmp_path, monkeypatch, capsys):
    """A user's case whose free text holds HTML and Markdown is published with that text shown
    as written: no script, image, link or emphasis from it in any page of the site."""
    from workbench.core.paths import RAW_DIR
    case = shutil.copytree(RAW_DIR / "tumang_governance" / "templates" / "illustrative_case", tmp_path / "case")
    hostile = ('"<script>alert(1)</script> <img src=x onerror=alert(2)> [click](javascript:alert(3)) '
               '**bold** {numref}`x` | pipe"')
    lines = (case / "deseve_indicators.csv").read_text(encoding="utf-8").splitlines()
    fields = lines[1].split(",")
    fields[6] = hostile                                            # basis
    fields[7] = hostile                                            # quote_id
    (case / "deseve_indicators.csv").write_text("\n".join([lines[0], ",".join(fields)]) + "\n", encoding="utf-8")
    for table in case.glob("*.csv"):
        table.write_text(table.read_text(encoding="utf-8").replace("Desa Contoh", "Desa O'Brien & Sons (Uji)"),
                         encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    reports = tmp_path / "reports"
    assert cli.main(["--reports", str(reports), "run", "tumang_governance", "--name", "hostile",
                     "-p", "user_data", "case"]) == 0, capsys.readouterr().err
    pages = {p: p.read_text(encoding="utf-8") for p in reports.rglob("*.html") if "_static" not in p.parts}
    assert pages
    for page, text in pages.items():
        for raw in ["<script>alert", "<img src=x", 'href="javascript:', "<strong>bold", "<em>bold"]:
            assert raw not in text, f"{page}: {raw}"
    report = pages[reports / "tumang_governance" / "hostile" / "report.html"]
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in report
    assert "Desa O’Brien &amp; Sons (Uji)" in report or "Desa O&#x27;Brien &amp; Sons (Uji)" in report \
        or "Desa O'Brien &amp; Sons (Uji)" in report
