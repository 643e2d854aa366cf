"""environment.yml (conda) installs the same pinned dependencies as pyproject.toml."""

import re
import tomllib

from workbench.core.paths import PROJECT_ROOT


def test_environment_yml_lists_the_pyproject_dependencies():
    pyproject = tomllib.loads((PROJECT_ROOT / "pyproject.toml").read_text())
    wanted = sorted(pyproject["project"]["dependencies"])
    text = (PROJECT_ROOT / "environment.yml").read_text()
    pins = sorted(re.findall(r"^\s+- ([A-Za-z0-9_.\-]+==[^\s#]+)", text, flags=re.MULTILINE))
    assert pins == wanted
    assert re.search(r"^\s+- python=3\.11", text, flags=re.MULTILINE)
    assert re.search(r"^\s+- -e \.$", text, flags=re.MULTILINE)
