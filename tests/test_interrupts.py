"""A Ctrl-C at any moment, and `--no-site`, leave every page of the site whole: the old one or
the new one, never missing or half written.

In a project copy with the committed reports, one Tumang verdict is changed, then `workbench run
tumang_governance --force` (which rebuilds the site) is interrupted with SIGINT at several
moments, and `--no-site` is run once; after each, every run folder's page and the home page
must be the old page or, once a complete build has made them, the new one."""

import hashlib
import os
import shutil
import signal
import subprocess
import sys
import time

import pytest

from conftest import change_cell
from project_copy import copy_project
from workbench.core.paths import REPORTS_DIR

MOMENTS = (0.8, 3.0, 5.5)   # seconds after the start: the run executing, the site building or being installed


def pages(reports):
    return {p.relative_to(reports).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in [reports / "index.html", *sorted(m.parent / "report.html" for m in reports.glob("*/*/run.json"))]
            if p.is_file()} | {f"{m.parent.relative_to(reports).as_posix()} has a page":
                               (m.parent / "report.html").is_file() for m in reports.glob("*/*/run.json")}


@pytest.mark.slow
def test_every_page_is_old_or_new_whenever_a_build_is_interrupted(tmp_path):
    project = copy_project(tmp_path)
    shutil.copytree(REPORTS_DIR, project / "reports")
    reports = project / "reports"
    change_cell(project / "data" / "raw" / "tumang_governance" / "deseve_indicators.csv",
                {"case": "Tumang", "number": "4"}, "verdict", "not_achieved_quite_well")
    env = dict(os.environ, PYTHONPATH=str(project / "src"))
    command = [sys.executable, "-m", "workbench.cli", "run", "tumang_governance", "-p", "case", "Tumang", "--force",
               "--jobs", "1"]
    old = pages(reports)
    seen = []
    for moment in MOMENTS:
        process = subprocess.Popen(command, cwd=project, env=env, stdout=subprocess.DEVNULL,
                                   stderr=subprocess.PIPE, text=True)
        time.sleep(moment)
        process.send_signal(signal.SIGINT)
        _, err = process.communicate(timeout=120)
        assert "Traceback" not in err, err
        seen.append(pages(reports))
    no_site = subprocess.run([*command, "--no-site"], cwd=project, env=env, capture_output=True, text=True)
    assert no_site.returncode == 0, no_site.stderr
    seen.append(pages(reports))
    complete = subprocess.run(command, cwd=project, env=env, capture_output=True, text=True)
    assert complete.returncode == 0, complete.stderr
    new = pages(reports)
    assert new["tumang_governance/tumang/report.html"] != old["tumang_governance/tumang/report.html"]
    for moment, snapshot in zip([*MOMENTS, "--no-site"], seen):
        assert snapshot.keys() == old.keys(), f"after the interrupt at {moment}: {snapshot.items() - old.items()}"
        broken = {page: digest for page, digest in snapshot.items() if digest not in (old[page], new[page])}
        assert broken == {}, f"after the interrupt at {moment}: pages neither old nor new"
