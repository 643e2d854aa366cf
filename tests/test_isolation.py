"""Each run executes in a fresh kernel: what one run changes in its kernel (matplotlib's
rcParams, a module-level cache of the package) does not reach the next run's outputs.

In a project copy, the Tumang notebook gets a last cell that changes rcParams and poisons the
package's cache of validated tables; then Tegal is run in the same process, as a session
(JupyterLab's, a script's) runs one study after another. Tegal's figures, tables and notebook
must be the committed ones, byte for byte."""

import json

import pytest

from conftest import workbench_session
from project_copy import copy_project
from workbench.core.paths import REPORTS_DIR

POLLUTION = """import matplotlib
matplotlib.rcParams.update({"font.size": 23, "lines.linewidth": 9, "axes.facecolor": "#ff00ff", "font.family": "serif"})
from workbench.core import datapackage
for key, frame in datapackage._VALIDATED.items():
    frame.iloc[:, -1] = frame.iloc[:, -1].iloc[::-1].to_numpy()
datapackage._VALIDATED.update({key: frame.iloc[:1] for key, frame in datapackage._VALIDATED.items()})
"""


@pytest.mark.slow
def test_a_run_that_changes_its_kernel_does_not_change_the_next_run(tmp_path):
    project = copy_project(tmp_path)
    notebook = project / "notebooks" / "tumang_governance.ipynb"
    book = json.loads(notebook.read_text(encoding="utf-8"))
    book["cells"].append({"cell_type": "code", "execution_count": None, "id": "pollute", "metadata": {},
                          "outputs": [], "source": POLLUTION})
    notebook.write_text(json.dumps(book, indent=1), encoding="utf-8")
    polluting, tegal = workbench_session(
        project, ["run", "tumang_governance", "--jobs", "1", "--no-site", "--force"],
        ["run", "metal_clusters", "-p", "district", "Tegal", "--jobs", "1", "--no-site", "--force"])
    assert polluting.returncode == 0, polluting.stderr
    assert tegal.returncode == 0, tegal.stderr
    built, committed = project / "reports" / "metal_clusters" / "tegal", REPORTS_DIR / "metal_clusters" / "tegal"
    compared = sorted(p.relative_to(committed).as_posix() for p in committed.rglob("*")
                      if p.is_file() and p.name not in ("run.json", "report.html"))
    assert any(name.endswith(".svg") for name in compared) and "notebook.ipynb" in compared
    differing = [name for name in compared if (built / name).read_bytes() != (committed / name).read_bytes()]
    assert differing == []
