"""One list of versions: pyproject.toml pins what we import, uv.lock pins everything with
hashes, and the pip requirements that environment.yml (conda) and binder/ (repo2docker,
mybinder.org) install are exported from the lock, not typed again."""

import os
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from workbench.core.paths import PROJECT_ROOT

sys.path.insert(0, str(PROJECT_ROOT))
import tasks  # noqa: E402  (the bootstrap: how the lock is made and exported)


def uv() -> str:
    """The uv `python3 tasks.py` installed (the version pyproject.toml requires)."""
    program = PROJECT_ROOT / ".tools" / "bin" / "uv"
    assert program.exists() or shutil.which("uv"), "uv is missing: run the tests through `python3 tasks.py test`"
    return str(program) if program.exists() else shutil.which("uv")


def normalised(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def locked_versions() -> dict[str, set[str]]:
    found = {}
    for package in tomllib.loads((PROJECT_ROOT / "uv.lock").read_text())["package"]:
        found.setdefault(normalised(package["name"]), set()).add(package.get("version"))
    return found


def test_the_lock_matches_pyproject():
    checked = subprocess.run([uv(), "lock", "--check"], cwd=PROJECT_ROOT, env=tasks.uv_environment(),
                             capture_output=True, text=True)
    assert checked.returncode == 0, checked.stderr


def test_every_pin_of_pyproject_is_the_locked_version():
    project = tomllib.loads((PROJECT_ROOT / "pyproject.toml").read_text())["project"]
    pins = [*project["dependencies"], *(pin for extra in project["optional-dependencies"].values() for pin in extra)]
    locked = locked_versions()
    wrong = {pin: locked.get(normalised(pin.split("==")[0])) for pin in pins
             if {pin.split("==")[1]} != locked.get(normalised(pin.split("==")[0]))}
    assert wrong == {}


def test_the_exported_requirements_are_the_lock():
    assert (PROJECT_ROOT / "binder" / "requirements.txt").read_text() == tasks.exported(uv()), \
        "binder/requirements.txt is stale: run `python3 tasks.py lock`"


def test_environment_yml_installs_the_export_and_pins_nothing_itself():
    text = (PROJECT_ROOT / "environment.yml").read_text()
    assert re.search(r"^\s+- -r binder/requirements\.txt$", text, flags=re.MULTILINE)
    assert re.search(r"^\s+- python=3\.11$", text, flags=re.MULTILINE)
    assert not re.findall(r"==", text)


def test_a_build_without_the_dask_extra_names_it(monkeypatch):
    """`--scheduler` without Dask installed stops with one line naming the extra."""
    import builtins

    from workbench.core import build, runs
    real_import = builtins.__import__

    def no_dask(name, *args, **kwargs):
        if name.startswith(("dask", "distributed")):
            raise ImportError(f"No module named {name!r}")
        return real_import(name, *args, **kwargs)
    monkeypatch.setattr(builtins, "__import__", no_dask)
    with pytest.raises(runs.RunError, match=r"dask extra .*uv sync --extra dask"):
        build.make_executor(1, "tcp://127.0.0.1:9")


def test_repo2docker_installs_the_lock_on_the_projects_python():
    """repo2docker's dry run (no Docker needed) prints the Dockerfile it would build: Python
    from binder/runtime.txt, the locked requirements, then the workbench itself."""
    program = Path(sys.executable).parent / "repo2docker"
    result = subprocess.run([str(program), "--no-build", "--no-run", "--debug", str(PROJECT_ROOT)],
                            capture_output=True, text=True, timeout=300, env=dict(os.environ, PYTHONWARNINGS="ignore"))
    assert result.returncode == 0, result.stderr[-2000:]
    text = result.stdout + result.stderr
    python = tomllib.loads((PROJECT_ROOT / "pyproject.toml").read_text())["project"]["requires-python"]
    assert "python=3.11" in text and python == ">=3.11"
    assert 'pip install --no-cache-dir -r "binder/requirements.txt"' in text
    assert "./binder/postBuild" in text
    assert "pip install --no-cache-dir --no-deps -e ." in (PROJECT_ROOT / "binder" / "postBuild").read_text()
