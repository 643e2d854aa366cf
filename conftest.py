"""How pytest-xdist shares the tests between its workers (tests/ and the notebooks nbval checks)."""

import pytest


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config, log):
    """Every test is a unit of work of its own, given to whichever worker is free, except the
    cells of a notebook: nbval runs them in order in one kernel, so each notebook is one unit.
    (pytest-xdist's own modes group whole test files, which left one worker with the 17
    browser tests of tests/test_site.py; its `loadgroup` marks do not take with pytest 9.2.)"""
    from xdist.scheduler import LoadScopeScheduling

    class NotebookScheduling(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            path = nodeid.split("::", 1)[0]
            return path if path.endswith(".ipynb") else nodeid

    return NotebookScheduling(config, log)


def pytest_configure(config):
    config.addinivalue_line("markers", "slow: takes seconds (executes notebooks, builds, prints pages); scheduled first")


def pytest_collection_modifyitems(items):
    """The slow tests go first, so that no worker starts one while the other has nothing left
    to do."""
    items.sort(key=lambda item: item.get_closest_marker("slow") is None)
