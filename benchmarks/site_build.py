"""How long the report site takes beside the notebook runs it publishes.

    python3 benchmarks/site_build.py        (with the project's environment active)

Works on a throw-away copy of the project (its reports/ are not touched). Prints, side by
side for the configured runs: the whole `workbench build` (runs, then site) from a clean
reports/ folder, the site step alone from a cold Sphinx cache, and the site step again
with nothing changed; and the site's share of the build.
"""

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
COPIED = ["pyproject.toml", "runs.toml", "references.bib", "src", "notebooks", "data"]


def project_copy(folder: Path) -> Path:
    for name in COPIED:
        source, target = ROOT / name, folder / name
        if source.is_dir():
            shutil.copytree(source, target, ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
        else:
            shutil.copy2(source, target)
    return folder


def timed(project: Path, *args: str) -> float:
    env = dict(os.environ, PYTHONPATH=str(project / "src"))
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "workbench.cli", *args], cwd=project, env=env, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        project = project_copy(Path(folder))
        build = timed(project, "build")
        shutil.rmtree(project / "build")
        cold = timed(project, "site")
        again = timed(project, "site")
    print(f"{'what':<48}{'seconds':>10}")
    print(f"{'workbench build (runs and site), clean reports/':<48}{build:>10.1f}")
    print(f"{'  of which the site step, cold Sphinx cache':<48}{cold:>10.1f}")
    print(f"{'  site step again, nothing changed':<48}{again:>10.1f}")
    print(f"{'site share of the build (cold)':<48}{100 * cold / build:>9.0f}%")


if __name__ == "__main__":
    main()
