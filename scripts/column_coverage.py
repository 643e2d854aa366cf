"""Is every transcribed column seen in a report or checked?

For every column of every transcribed table of the given studies (all by default: the
resources of each datapackage.json that name their `source`), change the cell
of the first row (a number by one, a text by an added word), execute the study's notebook on
a scratch copy of data/raw, once per language, and compare what the run writes (its tables,
figure data and headline) with the run on the unchanged data. A column whose change changes
no output and fails no validation is printed: it is neither shown nor checked. A change that
stops the run with anything but a DataValidationError (which names file, line and column) is
printed too. Templates, the workbench's own tables (no `source`: the synthesis' constructs
and crosswalk), the numbers inventory and the claims register (both checked against the
source texts by the test suite) are left out. Only written outputs are compared, so a column
shown only in a displayed sentence (which nbval guards) would be printed too.

    python scripts/column_coverage.py [study ...]

It runs the notebook's code in this process (a few seconds per column), so it is a tool for
the maintainer who adds a table, not a test.
"""

import contextlib
import csv
import hashlib
import io
import json
import shutil
import sys
import tempfile
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

from workbench.core.errors import DataValidationError  # noqa: E402
from workbench.core.paths import RAW_DIR  # noqa: E402
from workbench.core.study import ALL, DATA_DIR, LANG, OUTPUT_DIR  # noqa: E402
from workbench.registry import REGISTRY  # noqa: E402

LEFT_OUT = ("numbers", "claims")


def run_outputs(study, raw: Path, lang: str) -> str:
    """A digest of what the study's notebook writes when run on `raw` in `lang`, or why it stopped."""
    with tempfile.TemporaryDirectory() as scratch:
        parameters = {study.selector: ALL, DATA_DIR: str(raw), OUTPUT_DIR: scratch, LANG: lang}
        cells = [cell for cell in json.loads(study.notebook.read_text(encoding="utf-8"))["cells"]
                 if cell["cell_type"] == "code"]
        namespace = {}
        try:
            with contextlib.redirect_stdout(io.StringIO()):
                for number, cell in enumerate(cells):
                    exec(compile("".join(cell["source"]), f"{study.name} cell {number}", "exec"), namespace)
                    if number == 0:
                        namespace.update({key: value for key, value in parameters.items()
                                          if key in namespace})
                    plt.close("all")
        except DataValidationError:
            return "refused with a clear error"
        except Exception as error:   # noqa: BLE001 (every other stop is what this tool reports)
            return f"stopped: {type(error).__name__}: {error}"
        digest = hashlib.sha256()
        for path in sorted(Path(scratch).rglob("*")):
            if path.suffix in (".csv", ".md"):
                digest.update(path.name.encode() + path.read_bytes())
        return digest.hexdigest()


def changed(cell: str) -> str:
    """Another value of the cell's kind."""
    try:
        value = float(cell)
    except ValueError:
        return f"{cell} X" if cell else "X"
    return str(int(value) + 1) if value == int(value) else str(round(value + 1, 6))


def unseen_columns(name: str, raw: Path) -> list[str]:
    study = REGISTRY.get(name)
    languages = study.languages
    unchanged = {lang: run_outputs(study, raw, lang) for lang in languages}
    found = []
    for resource in json.loads((raw / name / "datapackage.json").read_text(encoding="utf-8"))["resources"]:
        path = raw / name / resource["path"]
        if (resource.get("template") or not resource.get("source") or resource["name"] in LEFT_OUT
                or path.suffix != ".csv"):
            continue
        text = path.read_text(encoding="utf-8")
        rows = list(csv.reader(io.StringIO(text)))
        for column, header in enumerate(rows[0] if len(rows) > 1 else []):
            edited = [list(row) for row in rows]
            edited[1][column] = changed(edited[1][column])
            buffer = io.StringIO()
            csv.writer(buffer, lineterminator="\n").writerows(edited)
            path.write_text(buffer.getvalue(), encoding="utf-8")
            try:
                results = [run_outputs(study, raw, lang) for lang in languages]
            finally:
                path.write_text(text, encoding="utf-8")
            where = f"{name}/{resource['path']}, column {header} (first row: {rows[1][column][:40]!r})"
            stops = [result for result in results if result.startswith("stopped")]
            if stops:
                found.append(f"{where}: {stops[0]}")
            elif all(result == unchanged[lang] for result, lang in zip(results, languages)):
                found.append(f"{where}: changes no output and fails no check")
    return found


def main(names: list[str]) -> int:
    with tempfile.TemporaryDirectory() as scratch:
        raw = Path(scratch) / "raw"
        shutil.copytree(RAW_DIR, raw)
        found = [line for name in names or REGISTRY.names for line in unseen_columns(name, raw)]
    print("\n".join(found) or "every column is seen in a report or checked")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
