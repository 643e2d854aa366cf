"""The notebooks as an academic meets them: JupyterLab in headless Chromium.

A JupyterLab server on a copy of the study notebooks; Chromium opens one, runs every cell
(Lab's own "Run All" command) and reads what Lab shows. Needs Chromium, as the site's
browser tests do; they skip without it.
"""

import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request

import nbformat
import pytest

from workbench.core.paths import NOTEBOOKS_DIR, PROJECT_ROOT, PROJECT_VARIABLE
from test_site import ARGS, CHROMIUM

TOKEN = "workbench-lab-test"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    """A JupyterLab server on a scratch folder holding copies of the study notebooks and a
    notebook that explores a tidy table; yields its address. The notebooks find the project
    through WORKBENCH_PROJECT, as a kernel a build starts does."""
    if CHROMIUM is None:
        pytest.skip("browser tests skipped: install Chromium to enable them (Debian: apt-get install chromium)")
    folder = tmp_path_factory.mktemp("lab")
    shutil.copy(NOTEBOOKS_DIR / "metal_clusters.ipynb", folder / "metal_clusters.ipynb")
    explore = nbformat.v4.new_notebook(metadata={"kernelspec": {"name": "python3", "display_name": "Python 3",
                                                                 "language": "python"}})
    explore.cells = [nbformat.v4.new_code_cell('from workbench.core.explore import explore\n'
                                               'from workbench.metal_clusters import STUDY\n\n'
                                               'explore(STUDY, "cooperation")')]
    nbformat.write(explore, folder / "explore.ipynb")
    port = free_port()
    settings = folder / "settings"
    settings.mkdir()
    # no announcements or update checks: they would ask the internet
    (settings / "overrides.json").write_text(json.dumps({"@jupyterlab/apputils-extension:notification": {
        "checkForUpdates": False, "fetchNews": "false"}}))
    server = subprocess.Popen(
        [sys.executable, "-m", "jupyterlab", "--no-browser", f"--port={port}", "--ip=127.0.0.1",
         "--allow-root", f"--IdentityProvider.token={TOKEN}", f"--ServerApp.root_dir={folder}", "--LabApp.expose_app_in_browser=True",
         f"--LabApp.app_settings_dir={settings}", "--LabServerApp.workspaces_dir=" + str(folder / "workspaces")],
        env={**os.environ, PROJECT_VARIABLE: str(PROJECT_ROOT), "JUPYTER_PLATFORM_DIRS": "1"},
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=folder)
    address = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                urllib.request.urlopen(f"{address}/api/status?token={TOKEN}", timeout=1)
                break
            except OSError:
                time.sleep(0.1)
        else:
            pytest.fail("JupyterLab did not start in 30 s")
        yield address
    finally:
        server.terminate()
        server.wait(timeout=30)


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield chromium
        chromium.close()


def run_all(browser, lab: str, notebook: str):
    """Open `notebook` in Lab, run all its cells, and return the page once the last has run."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(f"{lab}/lab/tree/{notebook}?token={TOKEN}&reset")
    page.wait_for_function("window.jupyterapp && window.jupyterapp.shell.currentWidget"
                           " && window.jupyterapp.shell.currentWidget.sessionContext"
                           " && window.jupyterapp.shell.currentWidget.sessionContext.session"
                           " && window.jupyterapp.shell.currentWidget.sessionContext.session.kernel", timeout=60_000)
    page.evaluate("async () => { const panel = window.jupyterapp.shell.currentWidget;"
                  " await panel.sessionContext.ready;"
                  " await window.jupyterapp.commands.execute('notebook:run-all-cells'); }")
    page.wait_for_function("[...document.querySelectorAll('.jp-CodeCell .jp-InputPrompt')]"
                           ".every(p => /\\[\\d+\\]/.test(p.textContent))", timeout=120_000)
    return page


def error_outputs(page) -> list[str]:
    return page.eval_on_selector_all(
        ".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr'],"
        " .jp-OutputArea-output[data-mime-type='application/vnd.jupyter.error']",
        "nodes => nodes.map(n => n.textContent.slice(0, 300))")


@pytest.mark.slow
@pytest.mark.xdist_group("lab")
def test_a_study_notebook_runs_clean_in_jupyterlab(lab, browser):
    """Run All on the metal-clusters notebook in Lab: every cell runs, no error or warning
    output, its tables show as on the site (text left, numbers right), and its text refers to
    tables and sources in words, with no MyST role left raw; a link to a table leads to it."""
    page = run_all(browser, lab, "metal_clusters.ipynb")
    try:
        assert error_outputs(page) == []
        texts = page.eval_on_selector_all(".jp-MarkdownCell .jp-RenderedMarkdown", "nodes => nodes.map(n => n.textContent)")
        assert texts and [text for text in texts if re.search(r"\{[a-z:]+\}`", text)] == []
        links = page.eval_on_selector_all(".jp-MarkdownCell .jp-RenderedMarkdown a", "links => links.map(a => a.textContent)")
        assert {"the reproduction of Tabel 3", "JICA (2006)"} <= set(links)
        page.click(".jp-MarkdownCell .jp-RenderedMarkdown a[href='#table3_cluster_dynamics']")
        page.wait_for_function("""() => { const box = document.getElementById('table3_cluster_dynamics')
                                          .getBoundingClientRect(); return box.top >= 0 && box.top < innerHeight; }""",
                               timeout=10_000)   # the link leads to the table
        aligned = page.eval_on_selector_all("table.workbench-table td", "cells => cells.map(c =>"
                                            " [c.className, getComputedStyle(c).textAlign])")
        assert aligned and all(align == ("right" if kind == "num" else "left") for kind, align in aligned)
    finally:
        page.close()


@pytest.mark.slow
@pytest.mark.xdist_group("lab")
def test_explore_shows_a_tidy_table_that_sorts_in_jupyterlab(lab, browser):
    """`explore(STUDY, "cooperation")` shows the tidy table with DataTables, offline, with no
    error output: its 42 rows, of which the filter keeps Tegal's 14."""
    page = run_all(browser, lab, "explore.ipynb")
    try:
        page.wait_for_selector(".jp-OutputArea table.dataTable", timeout=30_000)
        assert error_outputs(page) == []
        info = page.text_content(".jp-OutputArea .dt-info")
        assert "42" in info, info
        page.fill(".jp-OutputArea .dt-search input", "Tegal")
        page.wait_for_function("document.querySelector('.jp-OutputArea .dt-info').textContent.includes('42')"
                               " && document.querySelector('.jp-OutputArea .dt-info').textContent.includes('14')")
        districts = page.eval_on_selector_all(".jp-OutputArea table.dataTable tbody tr td:first-child",
                                              "cells => cells.map(c => c.textContent)")
        assert districts and set(districts) == {"Tegal"}
    finally:
        page.close()
