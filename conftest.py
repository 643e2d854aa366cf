"""How pytest-xdist shares the tests between its workers (tests/ and the notebooks nbval checks).

pytest runs with `--dist loadgroup`: every test is a unit of work of its own, given to
whichever worker is free, except the tests of one `xdist_group`: the tests that share a
module's fixture mark themselves (the pages of the report site, which one browser visits; the
guard tests and the failed-run tests, which each read one prepared project copy), and the
cells of each notebook are grouped here (nbval runs them in order in one kernel).
"""

import os
from pathlib import Path

import pytest

# Where nbval finds the kernel it runs the notebooks on (addopts: --nbval-kernel-name): the
# workbench's forked kernel, which a build runs them on too (workbench.core.forked_kernel).
KERNELS = Path(__file__).parent / "tests" / "jupyter"


def pytest_configure(config):
    paths = os.environ.get("JUPYTER_PATH", "").split(os.pathsep)
    if str(KERNELS) not in paths:
        os.environ["JUPYTER_PATH"] = os.pathsep.join(filter(None, [str(KERNELS), *paths]))
    config.addinivalue_line("markers", "slow: takes seconds (executes notebooks, builds, prints pages); scheduled first")


@pytest.hookimpl(tryfirst=True)   # before pytest-xdist reads the groups
def pytest_collection_modifyitems(items):
    """Each notebook's cells are one group; the slow tests go first, so that no worker starts
    one while the other has nothing left to do."""
    for item in items:
        path = item.nodeid.split("::", 1)[0]
        if path.endswith(".ipynb"):
            item.add_marker(pytest.mark.xdist_group(path.replace("/", "-")))
    items.sort(key=lambda item: item.get_closest_marker("slow") is None)
