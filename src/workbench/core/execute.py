"""Execute one run with papermill, in a worker process: the side of a build that needs a kernel.

`execute(run)` is what a build hands to its executor (a local process pool, or a Dask
cluster's workers, which share the project's files), or calls itself when it executes one
run at a time: it stages the run's own data in a private folder, executes the notebook there
with papermill, and returns every file of the run's report as bytes, or the error and the
error notebook. The caller publishes.

Each run gets a fresh kernel, as papermill and MyST-NB give one, so that nothing one run
changes (matplotlib's rcParams, a module's cache, an imported module) reaches the next. A
kernel is forked from a process that has imported the libraries every study notebook imports
and done nothing else (workbench.core.forked_kernel), and its start is kept off the run's
path: while a run executes, the kernel for the next run is started in its own scratch folder,
and papermill is handed that kernel. The package itself is imported by the notebook, so an
edit made since is always seen. Execution counts are renumbered, so a report's bytes do not
depend on which worker executed it.
"""

import asyncio
import atexit
import multiprocessing.util
import os
import shutil
import signal
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
import papermill
from jupyter_client.manager import KernelManager
from papermill.exceptions import PapermillExecutionError

from workbench.core.paths import NOTEBOOKS_DIR, PROJECT_ROOT, PROJECT_VARIABLE, split_sheet
from workbench.core.catalogues import translate_text_cell
from workbench.core.forked_kernel import ForkedKernelSpecs
from workbench.core.i18n import DEFAULT, narrative
from workbench.core.study import LANG, OUTPUT_DIR, PATH_PARAMETERS

KERNEL_NAME = "python3"
# How long a kernel may take to answer (papermill's default is 60 s): on a fresh environment,
# two workers each start a kernel and one ahead while Sphinx imports itself for each
# edition, all reading their libraries from a cold disk at once.
START_TIMEOUT = 300
# A kernel that has not answered after READY_TIMEOUT seconds is replaced by a new one, up to
# KERNEL_ATTEMPTS kernels in all: once in a while, with several starting at once, a kernel
# starts but never answers (it waits in a poll, its libraries not even imported).
READY_TIMEOUT = 60
KERNEL_ATTEMPTS = 3


@dataclass
class Kernel:
    """A kernel of its own for one run, started in the scratch folder the run executes in."""

    folder: Path
    manager: KernelManager

    @classmethod
    def start(cls, folder: Path | None = None) -> "Kernel":
        """Start a kernel in `folder` (a new scratch folder when none is given). Its own stderr
        (the transport warning, shutdown notices) stays out of the user's terminal; what cells
        print and raise still reaches the notebook. It is told where the project is
        (workbench.core.paths), as its folder lies outside it."""
        folder = Path(folder or tempfile.mkdtemp(prefix="workbench-run-"))
        manager = KernelManager(kernel_name=KERNEL_NAME, kernel_spec_manager=ForkedKernelSpecs())
        manager.start_kernel(cwd=str(folder), stderr=subprocess.DEVNULL,
                             env={**os.environ, PROJECT_VARIABLE: str(PROJECT_ROOT)})
        return cls(folder, manager)

    def answers(self, timeout: float) -> bool:
        """Whether the kernel answers (jupyter_client's `wait_for_ready`) within `timeout`."""
        client = self.manager.client()
        client.start_channels()
        try:
            client.wait_for_ready(timeout=timeout)
            return True
        except RuntimeError:
            return False
        finally:
            client.stop_channels()

    async def killed(self) -> None:
        provisioner = self.manager.provisioner
        if provisioner is not None:
            await provisioner.kill()
            await provisioner.wait()
            await provisioner.cleanup(restart=False)

    def stop(self, remove_folder: bool = True) -> None:
        """Shut the kernel down and, unless told otherwise, remove its scratch folder."""
        if self.manager.has_kernel:
            try:
                self.manager.shutdown_kernel(now=True)
            except RuntimeError:
                # a Ctrl-C that arrived as papermill's event loop ended a step leaves the loop
                # told to stop, so that the shutdown on it ends at once, half done: the kernel's
                # process is killed through its provisioner instead, on a loop of its own
                asyncio.run(self.killed())
                self.manager.cleanup_connection_file()
        if remove_folder:
            shutil.rmtree(self.folder, ignore_errors=True)


_AHEAD: list[Kernel] = []


def next_kernel(ahead: bool) -> Kernel:
    """The kernel started ahead for this run (or a new one), and, when `ahead`, the next run's
    kernel started now so that it gets ready while this run executes."""
    kernel = _AHEAD.pop() if _AHEAD else Kernel.start()
    for _attempt in range(KERNEL_ATTEMPTS - 1):
        if kernel.answers(READY_TIMEOUT):
            break
        kernel.stop()   # a kernel that never answers (seen once in a while when several start at once)
        kernel = Kernel.start()
    if ahead:
        _AHEAD.append(Kernel.start())
    return kernel


def stop_kernels() -> None:
    """Shut down a kernel started ahead that no run took (at the process's end)."""
    while _AHEAD:
        _AHEAD.pop().stop()


atexit.register(stop_kernels)


def worker_init() -> None:
    """In a pool's worker process: leave Ctrl-C to the build (which stops and reports), and
    shut down the kernel started ahead when the worker ends."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    multiprocessing.util.Finalize(None, stop_kernels, exitpriority=10)


def stage_inputs(parameters: dict, folder: Path) -> dict:
    """Copy the files and folders that path parameters name into the run's input/ folder and
    hand them to the notebook as input/<parameter>/<name>: the report then records no path of
    the user's machine, and keeps the data it was built from."""
    staged = dict(parameters)
    for name in PATH_PARAMETERS:
        if not parameters.get(name):
            continue
        path, sheet = split_sheet(parameters[name])
        source = (PROJECT_ROOT / path).resolve()
        target = folder / "input" / name / source.name
        target.parent.mkdir(parents=True, exist_ok=True)
        if source.is_dir():
            shutil.copytree(source, target, ignore=shutil.ignore_patterns(".*", "__pycache__"))
        else:
            shutil.copy2(source, target)
        staged[name] = target.relative_to(folder).as_posix() + (f"#{sheet}" if sheet else "")
    return staged


def clean_notebook(notebook: nbformat.NotebookNode, study: str) -> nbformat.NotebookNode:
    """Drop timestamps, durations and machine paths, and number the code cells 1, 2, ... as a
    fresh kernel would, so the same inputs give the same bytes."""
    meta = notebook.metadata.get("papermill", {})
    for key in ("start_time", "end_time", "duration", "environment_variables"):
        meta.pop(key, None)
    meta["input_path"] = f"notebooks/{study}.ipynb"
    meta["output_path"] = "notebook.ipynb"
    count = 0
    for cell in notebook.cells:
        if "injected-parameters" in cell.metadata.get("tags", []):
            cell.id = "injected-parameters"
        cell.metadata.pop("execution", None)
        for key in ("start_time", "end_time", "duration"):
            cell.metadata.get("papermill", {}).pop(key, None)
        if cell.cell_type == "code" and cell.get("execution_count") is not None:
            count += 1
            cell.execution_count = count
            for output in cell.get("outputs", []):
                if "execution_count" in output:
                    output["execution_count"] = count
    return notebook


def in_language(notebook: nbformat.NotebookNode, lang: str) -> nbformat.NotebookNode:
    """The executed notebook with its text cells in `lang`, paragraph by paragraph from the
    narrative catalogue (its outputs are in `lang` already: the notebook's `lang` parameter)."""
    if lang != DEFAULT:
        for cell in notebook.cells:
            if cell.cell_type == "markdown":
                cell.source = translate_text_cell(cell.source, lambda paragraph: narrative(paragraph, lang))
    return notebook


def stored_notebook(study: str, lang: str = DEFAULT) -> Path:
    """Where a study's stored outputs are, which nbval guards: notebooks/<study>.ipynb, and
    notebooks/<lang>/<study>.ipynb for another language's edition (the notebook run with
    `lang`, its text cells translated: the notebook an Indonesian reader opens in JupyterLab)."""
    return NOTEBOOKS_DIR / f"{study}.ipynb" if lang == DEFAULT else NOTEBOOKS_DIR / lang / f"{study}.ipynb"


def execute_notebook(notebook: Path, output: Path, parameters: dict, kernel: Kernel) -> nbformat.NotebookNode:
    """Execute a notebook with papermill on `kernel`, in the kernel's folder. The notebook is
    written once, at the end (or at the failing cell), not after every cell as papermill does
    for watching a run: those saves re-encoded every figure twice per cell."""
    return papermill.execute_notebook(str(notebook), str(output), parameters=parameters, progress_bar=False,
                                      cwd=str(kernel.folder), km=kernel.manager, kernel_name=KERNEL_NAME,
                                      request_save_on_cell_execute=False, start_timeout=START_TIMEOUT)


def execute_study(study: str, folder: Path, parameters: dict, output: Path) -> nbformat.NotebookNode:
    """Execute a study notebook with `parameters` in `folder` on a fresh kernel (started there,
    shut down after, the folder left as it is); returns the executed notebook, also written to
    `output`."""
    kernel = Kernel.start(folder)
    try:
        return execute_notebook(NOTEBOOKS_DIR / f"{study}.ipynb", output, parameters, kernel)
    finally:
        kernel.stop(remove_folder=False)


@dataclass
class RunResult:
    """What executing a run gives back: its report's files, or an error and the error notebook."""

    files: dict = field(default_factory=dict)
    parameters: dict = field(default_factory=dict)
    error: str = ""
    interrupted: bool = False
    failed_notebook: bytes = b""
    seconds: float = 0.0


def execute(run: dict, ahead: bool = False) -> RunResult:
    """Execute one run (a Run as a dict) on a fresh kernel and return its files; the caller
    publishes them. `ahead`: start the kernel of a next run while this one executes."""
    start = time.perf_counter()
    kernel = next_kernel(ahead)
    try:
        folder = kernel.folder
        executed = folder / "notebook.ipynb"
        staged = stage_inputs(run["parameters"], folder)
        try:
            notebook = execute_notebook(NOTEBOOKS_DIR / f"{run['study']}.ipynb", executed,
                                        {**staged, OUTPUT_DIR: "."}, kernel)
        except PapermillExecutionError as error:
            failed = clean_notebook(nbformat.read(executed, 4), run["study"]) if executed.is_file() else None
            return RunResult(parameters=staged, interrupted=error.ename == "KeyboardInterrupt",
                             error=f"failed in cell {error.exec_count} (cell index {error.cell_index}): "
                                   f"{error.ename}: {error.evalue}",
                             failed_notebook=nbformat.writes(failed).encode() if failed else b"",
                             seconds=time.perf_counter() - start)
        notebook = in_language(clean_notebook(notebook, run["study"]), run["parameters"].get(LANG, DEFAULT))
        nbformat.write(notebook, executed)
        files = {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}
    finally:
        kernel.stop()
    return RunResult(files=files, parameters=staged, seconds=time.perf_counter() - start)


def store_outputs(study: str, lang: str = DEFAULT) -> Path:
    """Re-execute a study notebook with its default parameters (and `lang`) and store the
    outputs where nbval guards them (`stored_notebook`)."""
    with tempfile.TemporaryDirectory(prefix="workbench-store-") as name:
        notebook = execute_study(study, NOTEBOOKS_DIR, {} if lang == DEFAULT else {LANG: lang},
                                 Path(name) / "notebook.ipynb")
    notebook = in_language(clean_notebook(notebook, study), lang)
    notebook.metadata.pop("papermill", None)
    for cell in notebook.cells:
        cell.metadata.pop("papermill", None)
    path = stored_notebook(study, lang)
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(notebook, path)
    return path
