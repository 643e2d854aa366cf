"""A throw-away copy of the project for tests and benchmarks to change freely."""

import shutil
from pathlib import Path

from workbench.core.paths import PROJECT_ROOT

PROJECT_FILES = ["pyproject.toml", "runs.toml", "references.bib", "src", "notebooks", "data", "site",
                 "tests/guard_probes.toml"]


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
            copy.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, copy)
    return Path(target)
