"""Set up the project's environment and run its tasks, with nothing but Python 3.11.

    python3 tasks.py reports     build every report (workbench build)
    python3 tasks.py test        run every test (pytest: unit tests and nbval)
    python3 tasks.py notebooks   re-execute the notebooks and store their default outputs
    python3 tasks.py lab         open JupyterLab at the project root (as root: add --allow-root)

Each task first creates `.venv/` (or reuses it) and installs the project into it
in editable mode; the install is repeated only when pyproject.toml changes.
"""

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
STAMP = VENV / "workbench-install.sha256"

TASKS = {
    "reports": ["workbench", "build"],
    "test": ["pytest"],
    "notebooks": ["workbench", "store-outputs"],
    "lab": ["jupyter", "lab", f"--ServerApp.root_dir={ROOT}"],
}


def ensure_environment() -> None:
    """Create .venv and install the project unless the install matches pyproject.toml."""
    if sys.version_info < (3, 11):
        sys.exit(f"Python 3.11 or newer is needed; this is {sys.version.split()[0]}.")
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if STAMP.exists() and STAMP.read_text().strip() == wanted:
        return
    if not (BIN / "python").exists() and not (BIN / "python.exe").exists():
        print(f"Creating the environment in {VENV} ...", flush=True)
        venv.create(VENV, with_pip=True)
    python = str(BIN / "python")
    print("Installing the project and its pinned dependencies ...", flush=True)
    subprocess.run([python, "-m", "pip", "install", "--quiet", "--upgrade", "pip"], check=True)
    subprocess.run([python, "-m", "pip", "install", "--quiet", "-e", str(ROOT)], check=True)
    STAMP.write_text(wanted + "\n")


def compile_package() -> None:
    """Compile the package's source to bytecode now, once: with PYTHONDONTWRITEBYTECODE set (as
    on many CI machines) every process would otherwise compile it again, each kernel included."""
    subprocess.run([str(BIN / "python"), "-m", "compileall", "-q", str(ROOT / "src")], check=True)


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in TASKS:
        print(__doc__)
        return 2
    ensure_environment()
    compile_package()
    command = [str(BIN / TASKS[argv[0]][0]), *TASKS[argv[0]][1:], *argv[1:]]
    env = dict(os.environ, PATH=f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}")
    return subprocess.run(command, cwd=ROOT, env=env).returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
