"""Write derived tables deterministically and all-or-nothing."""

import shutil
import tempfile
from pathlib import Path

import pandas as pd

from workbench.core.escape import csv_cell


def write_csv(frame: pd.DataFrame, path: Path) -> None:
    """One CSV format for every table the workbench writes: UTF-8, '\\n', no index; a text
    cell a spreadsheet would run as a formula is neutralised (see escape.csv_cell)."""
    text = frame.select_dtypes(exclude="number").columns
    safe = frame.assign(**{column: frame[column].map(csv_cell) for column in text}) if len(text) else frame
    safe.to_csv(path, index=False, lineterminator="\n", encoding="utf-8")


def write_tables(tables: dict[str, pd.DataFrame], folder: Path) -> list[Path]:
    """Write each table as <folder>/<name>.csv; on any failure nothing is replaced."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=folder, prefix=".writing-") as staging:
        staged = []
        for name, frame in tables.items():
            path = Path(staging) / f"{name}.csv"
            write_csv(frame, path)
            staged.append(path)
        written = []
        for path in staged:
            target = folder / path.name
            shutil.move(path, target)
            written.append(target)
    return written
