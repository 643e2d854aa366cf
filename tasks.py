"""Set up the project's environment from its lock and run its tasks, with nothing but Python 3.11.

    python3 tasks.py reports        build every report (workbench build)
    python3 tasks.py test           run every test (pytest: unit tests and nbval)
    python3 tasks.py notebooks      re-execute the notebooks and store their default outputs
    python3 tasks.py lab            open JupyterLab at the project root (as root: add --allow-root)
    python3 tasks.py lock           relock uv.lock from pyproject.toml and export binder/requirements.txt
    python3 tasks.py upgrade-check  relock with the newest allowed versions in a scratch copy, rebuild
                                    every report there and list the committed outputs that would change

Each task first installs uv (the version pyproject.toml's [tool.uv] requires) into .tools/,
then makes .venv/ exactly what uv.lock says (`uv sync --locked`): the runtime dependencies, and
for `test` the test and dask extras as well. A lock that no longer matches pyproject.toml
stops the task with a message saying how to relock.
"""

import os
import re
import subprocess
import sys
import tomllib
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
TOOLS = ROOT / ".tools"
BIN = "Scripts" if os.name == "nt" else "bin"
EXPORT = ROOT / "binder" / "requirements.txt"

TASKS = {
    "reports": ((), ["workbench", "build"]),
    "test": (("test", "dask"), ["pytest"]),
    "notebooks": ((), ["workbench", "store-outputs"]),
    "lab": ((), ["jupyter", "lab", f"--ServerApp.root_dir={ROOT}"]),
}


def uv() -> str:
    """The uv that pyproject.toml requires, installed into .tools/ on first use."""
    required = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["uv"]["required-version"]
    version = required.removeprefix("==")
    program = TOOLS / BIN / "uv"
    if program.exists():
        found = subprocess.run([str(program), "--version"], capture_output=True, text=True).stdout.split()
        if found[1:2] == [version]:
            return str(program)
    print(f"Installing uv {version} into {TOOLS} ...", flush=True)
    venv.create(TOOLS, with_pip=True, clear=True)
    subprocess.run([str(TOOLS / BIN / "python"), "-m", "pip", "install", "--quiet", f"uv=={version}"], check=True)
    return str(program)


def uv_environment() -> dict:
    """uv's settings: the project's .venv, this Python (uv downloads none)."""
    return dict(os.environ, UV_PROJECT_ENVIRONMENT=str(VENV), UV_PYTHON=sys.executable, UV_PYTHON_DOWNLOADS="never")


def check_lock(program: str) -> None:
    """Stop with a clear message when uv.lock does not match pyproject.toml."""
    checked = subprocess.run([program, "lock", "--check"], cwd=ROOT, env=uv_environment(), capture_output=True,
                             text=True)
    if checked.returncode:
        sys.exit("uv.lock does not match pyproject.toml (a pin was changed without relocking):\n"
                 f"{checked.stderr.strip()}\nRun `python3 tasks.py lock` and commit uv.lock and "
                 "binder/requirements.txt.")


def ensure_environment(extras: tuple[str, ...]) -> None:
    """Make .venv what uv.lock says for the runtime dependencies and `extras` (packages of
    other extras already installed are left: a test environment also builds reports). The
    packages are compiled to bytecode once, at install, not by every kernel and test process
    that first imports them."""
    if sys.version_info < (3, 11):
        sys.exit(f"Python 3.11 or newer is needed; this is {sys.version.split()[0]}.")
    program = uv()
    check_lock(program)
    command = [program, "sync", "--locked", "--quiet", "--compile-bytecode", *(f"--extra={extra}" for extra in extras)]
    if not extras:
        command.append("--inexact")
    subprocess.run(command, cwd=ROOT, env=uv_environment(), check=True)


def lock() -> int:
    """Relock from pyproject.toml and export the locked packages for pip (environment.yml, Binder)."""
    program = uv()
    subprocess.run([program, "lock"], cwd=ROOT, env=uv_environment(), check=True)
    EXPORT.write_text(exported(program))
    print(f"wrote uv.lock and {EXPORT.relative_to(ROOT)}")
    return 0


def exported(program: str) -> str:
    """Every locked package of every extra as pip requirements with their hashes and markers
    (the project itself is installed apart: binder/postBuild, environment.yml)."""
    result = subprocess.run([program, "export", "--frozen", "--all-extras", "--no-emit-project", "--no-header"],
                            cwd=ROOT, env=uv_environment(), check=True, capture_output=True, text=True)
    return ("# Generated from uv.lock by `python3 tasks.py lock`; do not edit.\n"
            + re.sub(r"\n{2,}", "\n", result.stdout))


def compile_package() -> None:
    """Compile the package's source to bytecode now, once: with PYTHONDONTWRITEBYTECODE set (as
    on many CI machines) every process would otherwise compile it again, each kernel included."""
    subprocess.run([str(VENV / BIN / "python"), "-m", "compileall", "-q", str(ROOT / "src")], check=True)


def main(argv: list[str]) -> int:
    if argv[:1] == ["lock"]:
        return lock()
    if argv[:1] == ["upgrade-check"]:
        ensure_environment(("test",))
        return subprocess.run([str(VENV / BIN / "python"), str(ROOT / "scripts" / "upgrade_check.py"),
                               "--uv", uv(), *argv[1:]], cwd=ROOT).returncode
    if not argv or argv[0] not in TASKS:
        print(__doc__)
        return 2
    extras, command = TASKS[argv[0]]
    ensure_environment(extras)
    compile_package()
    command = [str(VENV / BIN / command[0]), *command[1:], *argv[1:]]
    env = dict(os.environ, PATH=f"{VENV / BIN}{os.pathsep}{os.environ.get('PATH', '')}")
    return subprocess.run(command, cwd=ROOT, env=env).returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
