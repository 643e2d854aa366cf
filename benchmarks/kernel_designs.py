"""What a fresh kernel per run costs: the configured runs executed one after another, each on
a fresh kernel started ahead (as `workbench build` executes them), against all of them on one
kernel shared by every run and reset between runs with `%reset -f` (the design the fresh
kernels replaced, which left imported modules, matplotlib's rcParams and module-level caches
to the next run).

Run by build.py inside a project copy (WORKBENCH_PROJECT and PYTHONPATH point at it); prints
the seconds of each design as JSON. Execution only: no publishing, no site.
"""

import json
import sys
import tempfile
import time
from pathlib import Path

import nbformat

from workbench.core.execute import NOTEBOOKS_DIR, Kernel, execute, execute_notebook, stage_inputs
from workbench.core.runs import load_runs
from workbench.core.study import OUTPUT_DIR
from workbench.registry import REGISTRY


def fresh_kernels(runs: list) -> float:
    """Each run on its own kernel, the next one started while the run executes."""
    start = time.perf_counter()
    for number, run in enumerate(runs, 1):
        result = execute(run.as_dict(), ahead=number < len(runs))
        if result.error:
            sys.exit(f"{run.label}: {result.error}")
    return time.perf_counter() - start


def shared_kernel(runs: list) -> float:
    """Every run on one kernel: the notebook executed with a first cell that resets the
    kernel and moves it to the run's own folder."""
    start = time.perf_counter()
    kernel = Kernel.start()
    try:
        for run in runs:
            folder = Path(tempfile.mkdtemp(dir=kernel.folder))
            staged = stage_inputs(run.parameters, folder)
            notebook = nbformat.read(NOTEBOOKS_DIR / f"{run.study}.ipynb", as_version=4)
            notebook.cells.insert(0, nbformat.v4.new_code_cell(f"%reset -f\nimport os\nos.chdir({str(folder)!r})"))
            nbformat.write(notebook, folder / "shared.ipynb")
            execute_notebook(folder / "shared.ipynb", folder / "notebook.ipynb", {**staged, OUTPUT_DIR: "."}, kernel)
    finally:
        kernel.stop()
    return time.perf_counter() - start


if __name__ == "__main__":
    configured = load_runs(REGISTRY)
    print(json.dumps({"runs": len(configured), "shared": shared_kernel(configured),
                      "fresh": fresh_kernels(configured)}))
