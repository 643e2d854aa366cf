"""Fieldwork at scale, measured side by side on this machine in one run.

    python3 benchmarks/fieldwork.py            (with the project's environment active)
    python3 benchmarks/fieldwork.py --firms 20000

Works in a temporary folder and on a throw-away copy of the project, and prints:

- reading a firm survey of 100,000 firms (made up, fixed seed) from .xlsx against reading
  the same answers from CSV (`read_survey`: read, validate, aggregate), median of 3 each;
- a comparison run of 40 districts of 25 firms (`workbench run metal_clusters -p user_data
  forty.csv`) against a one-district run (25 firms), both with `--no-site --force`.

Targets: the .xlsx read at most 3 times the CSV read; the 40-district comparison at most
twice the one-district run.
"""

import argparse
import csv
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT / "tests")]

from project_copy import copy_project  # noqa: E402  (the project's own package and test helpers, found from here)

HEADER = ["district", "firm_id", "product", "technology", "market", "skill", "trust", "information", "same_kind",
          "same_kind_mode", "backward", "backward_mode", "forward", "forward_mode", "supporting", "raw_material",
          "auxiliary_material", "production", "marketing"]


def made_up_firms(districts: int, firms: int) -> list[list]:
    """Answers of `firms` firms in each of `districts` made-up districts (the package's
    illustrative surveys, fixed seeds)."""
    from workbench.metal_clusters.illustrative import illustrative_districts
    return illustrative_districts(districts, firms).to_numpy().tolist()


def write_csv(path: Path, rows: list[list]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        writer.writerows(rows)
    return path


def write_xlsx(path: Path, rows: list[list]) -> Path:
    from openpyxl import Workbook
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("survey")
    sheet.append(HEADER)
    for row in rows:
        sheet.append([None if value == "" else value for value in row])
    workbook.save(path)
    return path


def median_read(path: Path) -> float:
    from workbench.core.datapackage import load_package
    from workbench.metal_clusters.user_data import read_survey
    package = load_package("metal_clusters")
    times = []
    for _ in range(3):
        start = time.perf_counter()
        read_survey(package, path)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def run_seconds(project: Path, survey: Path) -> float:
    env = dict(os.environ, PYTHONPATH=str(project / "src"), WORKBENCH_PROJECT=str(project))
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "workbench.cli", "run", "metal_clusters", "-p", "user_data",
                             str(survey), "--no-site", "--force"], cwd=project, env=env, capture_output=True, text=True)
    if result.returncode:
        sys.exit(result.stderr[-3000:])
    return time.perf_counter() - start


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--firms", type=int, default=100_000, help="firms in the read benchmark (default 100,000)")
    arguments = options.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        scratch = Path(scratch)
        rows = made_up_firms(40, arguments.firms // 40)
        as_csv, as_xlsx = write_csv(scratch / "big.csv", rows), write_xlsx(scratch / "big.xlsx", rows)
        csv_seconds, xlsx_seconds = median_read(as_csv), median_read(as_xlsx)
        print(f"read {len(rows):,} firms: CSV {csv_seconds:.2f} s, XLSX {xlsx_seconds:.2f} s, "
              f"ratio {xlsx_seconds / csv_seconds:.2f} (target at most 3)")
        (scratch / "project").mkdir()
        project = copy_project(scratch / "project")
        one = run_seconds(project, write_csv(scratch / "one.csv", made_up_firms(1, 25)))
        forty = run_seconds(project, write_csv(scratch / "forty.csv", made_up_firms(40, 25)))
        print(f"one district of 25 firms: {one:.1f} s; comparison of 40 districts of 25 firms: {forty:.1f} s; "
              f"ratio {forty / one:.2f} (target at most 2)")


if __name__ == "__main__":
    main()
