"""Where the project's folders are, independent of the current working directory."""

import shutil
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[3]
RAW_DIR = PROJECT_ROOT / "data" / "raw"
PROCESSED_DIR = PROJECT_ROOT / "data" / "processed"
NOTEBOOKS_DIR = PROJECT_ROOT / "notebooks"
REPORTS_DIR = PROJECT_ROOT / "reports"
RUNS_CONFIG = PROJECT_ROOT / "runs.toml"


def display_path(path: Path) -> str:
    """A path as a user would type it: relative to the project when inside it, else relative
    to the current folder when inside that (in a run, the staged copy of a user's data:
    input/..., the same on every machine and in every build), else in full."""
    path = Path(path).expanduser().resolve()
    for base in (PROJECT_ROOT, Path.cwd().resolve()):
        if path.is_relative_to(base):
            return str(path.relative_to(base))
    return str(path)


PROJECT_FILES = ["pyproject.toml", "runs.toml", "references.bib", "src", "notebooks", "data"]


def copy_project(target: Path) -> Path:
    """A copy of the project's code, notebooks and data (no environment or reports) in
    `target`, for tests and benchmarks to change freely. The compiled bytecode comes along:
    it stays valid, as the copy keeps the files' times, and saves each process of the copy
    compiling the package again."""
    for name in PROJECT_FILES:
        source, copy = PROJECT_ROOT / name, Path(target) / name
        if source.is_dir():
            shutil.copytree(source, copy, ignore=shutil.ignore_patterns("*.egg-info"))
        else:
            shutil.copy2(source, copy)
    return Path(target)
