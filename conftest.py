"""How pytest-xdist shares the tests between its workers (tests/ and the notebooks nbval checks)."""

import pytest

# Tests that share what a module-scoped fixture prepares: one unit of work each.
SHARED = ("tests/test_site.py::test_page_as_a_reviewer_sees_it[", "tests/test_nbval_guard.py::",
          "tests/test_failed_runs.py::")


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config, log):
    """Every test is a unit of work of its own, given to whichever worker is free, except the
    cells of a notebook (nbval runs them in order in one kernel, so each notebook is one unit)
    and the tests that share a module's fixture (SHARED: the pages of the report site, which
    one browser visits; the guard tests and the failed-run tests, which each read one
    prepared project copy).
    (pytest-xdist's own modes group whole test files; its `loadgroup` marks do not take with
    pytest 9.2.)"""
    from xdist.scheduler import LoadScopeScheduling

    class NotebookScheduling(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            path = nodeid.split("::", 1)[0]
            if path.endswith(".ipynb"):
                return path
            return next((prefix for prefix in SHARED if nodeid.startswith(prefix)), nodeid)

    return NotebookScheduling(config, log)


def pytest_configure(config):
    config.addinivalue_line("markers", "slow: takes seconds (executes notebooks, builds, prints pages); scheduled first")


def pytest_collection_modifyitems(items):
    """The slow tests go first, so that no worker starts one while the other has nothing left
    to do."""
    items.sort(key=lambda item: item.get_closest_marker("slow") is None)
