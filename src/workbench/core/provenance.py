"""Where a report comes from: the commit of its inputs, the data files it read, the versions
of Python and the pinned packages, its parameters, and the command that rebuilds it.

No wall-clock time is recorded: two builds of one commit give the same bytes. Where a date
is needed (a citation's year), the commit's own time is used.
"""

import hashlib
import platform
import shlex
import subprocess
import tomllib
from functools import cache
from importlib import metadata
from pathlib import Path

from workbench.core.paths import NOTEBOOKS_DIR, PROJECT_ROOT, RAW_DIR

PYPROJECT = PROJECT_ROOT / "pyproject.toml"


def sha256(path: Path) -> str:
    """The SHA-256 of a file's bytes."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 16), b""):
            digest.update(block)
    return digest.hexdigest()


def files_in(path: Path) -> list[Path]:
    """A file, or every file below a folder, in sorted order."""
    path = Path(path)
    return [path] if path.is_file() else sorted(p for p in path.rglob("*") if p.is_file())


@cache
def pinned_versions() -> dict[str, str]:
    """The installed version of every dependency pyproject.toml pins, and of Python."""
    pins = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["project"]["dependencies"]
    names = sorted(pin.split("==")[0].split("[")[0] for pin in pins)
    return {"python": platform.python_version(), **{name: installed_version(name) for name in names}}


def installed_version(name: str) -> str:
    """A distribution's installed version (names compared as PyPI does), or "not installed"."""
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "not installed"


def _git(*args: str) -> str | None:
    try:
        result = subprocess.run(["git", *args], cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=20)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return result.stdout.strip() if result.returncode == 0 else None


def input_paths(study: str, data_folders: list[str]) -> list[Path]:
    """What a study's reports are built from, in the repository: its notebook, the package's
    source, the data folders it reads, and the pinned dependencies."""
    return [NOTEBOOKS_DIR / f"{study}.ipynb", PROJECT_ROOT / "src", *(RAW_DIR / name for name in data_folders),
            PYPROJECT]


def commit_of(paths: list[Path]) -> dict:
    """The last commit that changed any of `paths`, its time, and whether they have
    uncommitted changes; nulls outside a git checkout."""
    relative = [str(Path(p).relative_to(PROJECT_ROOT)) for p in paths]
    found = _git("log", "-1", "--format=%H %ct", "--", *relative)
    if not found:
        return {"commit": None, "commit_time": None, "uncommitted_changes": None}
    commit, time = found.split()
    status = _git("status", "--porcelain", "--untracked-files=all", "--", *relative)
    return {"commit": commit, "commit_time": int(time), "uncommitted_changes": bool(status)}


def rebuild_command(study: str, name: str, parameters: dict, commit: str | None) -> str:
    """The shell command that rebuilds this exact report."""
    arguments = ["workbench", "run", study, "--name", name]
    for key, value in parameters.items():
        arguments += ["-p", key, str(value)]
    run = shlex.join(arguments)
    return f"git checkout {commit} && {run}" if commit else run
