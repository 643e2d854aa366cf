"""Execute one run with papermill, in a worker process: the side of a build that needs a kernel.

`execute(run)` is what a build hands to its executor (a local process pool, or a Dask
cluster's workers, which share the project's files), or calls itself when it executes one
run at a time: it copies the run's own data into a
private folder, executes the notebook there with papermill, and returns every file of the
run's report as bytes, or the error and the error notebook. The caller publishes. A worker
keeps one kernel and hands it to papermill for each run it executes, after clearing the
kernel's namespace and moving it into the run's folder: the kernel's start and the imports
are paid once per worker, not once per run. Execution counts are renumbered, so a report's
bytes do not depend on which worker or how many runs before it.
"""

import atexit
import multiprocessing.util
import queue
import shutil
import signal
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
import papermill
from jupyter_client.blocking import BlockingKernelClient
from jupyter_client.manager import KernelManager
from papermill.exceptions import PapermillExecutionError
from traitlets import DottedObjectName

from workbench.core.paths import NOTEBOOKS_DIR, PROJECT_ROOT
from workbench.core.runs import source_digest
from workbench.core.study import OUTPUT_DIR, PATH_PARAMETERS

KERNEL_NAME = "python3"


class PromptKernelClient(BlockingKernelClient):
    """A kernel client that is ready once the kernel answers on the shell and IOPub channels.
    jupyter_client's own then waits for IOPub to stay silent for 0.2 s, and each run asks
    twice (to prepare the kernel, and in papermill): 0.4 s of every run with the worker idle.
    The messages that wait drains answer the readiness request itself; papermill reads only
    the replies to its own requests, so they are dropped here without waiting. The channels
    are read directly, not through the client's event loop: a Ctrl-C meanwhile then leaves no
    pending task to fail noisily when the process ends."""

    def wait_for_ready(self, timeout: float | None = None) -> None:
        deadline = time.monotonic() + (float("inf") if timeout is None else timeout)
        while True:
            self.kernel_info()
            try:
                reply = self.shell_channel.get_msg(timeout=1)
            except queue.Empty:
                reply = None
            if reply is not None and reply["msg_type"] == "kernel_info_reply":
                try:
                    self.iopub_channel.get_msg(timeout=0.2)   # IOPub is connected: it carried the request's status
                except queue.Empty:
                    pass
                else:
                    self._handle_kernel_info_reply(reply)
                    break
            if not self.is_alive():
                raise RuntimeError("Kernel died before replying to kernel_info")
            if time.monotonic() > deadline:
                raise RuntimeError(f"Kernel didn't respond in {timeout} seconds")
        while self.iopub_channel.msg_ready():
            self.iopub_channel.get_msg(timeout=0)


class QuietKernelManager(KernelManager):
    """A kernel whose own stderr (the transport warning, shutdown notices) stays out of the
    user's terminal; what cells print and raise still reaches the notebook. Its clients are
    ready without an idle wait (PromptKernelClient)."""

    client_class = DottedObjectName("workbench.core.execute.PromptKernelClient")

    def start_kernel(self, **kwargs):
        kwargs.setdefault("stderr", subprocess.DEVNULL)
        return super().start_kernel(**kwargs)


_KERNEL: dict = {}


def worker_kernel() -> QuietKernelManager:
    """This process's kernel, started on first use and shut down when the process ends. It
    is started again when the package's source changed since (edited in a long-lived process,
    such as JupyterLab's): a run must not use the modules its kernel imported before."""
    manager, source = _KERNEL.get("manager"), source_digest.__wrapped__()   # as it is now, not as cached
    if manager is not None and (_KERNEL.get("source") != source or not manager.is_alive()):
        stop_kernel()
        manager = None
    if manager is None:
        manager = QuietKernelManager(kernel_name=KERNEL_NAME)
        manager.start_kernel(cwd=str(PROJECT_ROOT))
        _KERNEL.update(manager=manager, source=source)
        atexit.unregister(stop_kernel)
        atexit.register(stop_kernel)
    return manager


def worker_init() -> None:
    """In a pool's worker process: leave Ctrl-C to the build (which stops and reports), and
    shut this worker's kernel down when the worker ends."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    multiprocessing.util.Finalize(None, stop_kernel, exitpriority=10)


def stop_kernel() -> None:
    manager = _KERNEL.pop("manager", None)
    if manager is not None and manager.is_alive():
        manager.shutdown_kernel(now=True)


def prepare_kernel(manager: QuietKernelManager, folder: Path) -> None:
    """Clear the namespace a previous run left and make `folder` the kernel's directory."""
    client = manager.client()
    client.start_channels()
    try:
        client.wait_for_ready(timeout=60)
        reply = client.execute_interactive(
            f"import os as _os\n_os.chdir({str(folder)!r})\ndel _os\nget_ipython().run_line_magic('reset', '-f')",
            silent=True, store_history=False, timeout=60, output_hook=lambda message: None)
        if reply["content"]["status"] != "ok":
            raise RuntimeError(f"the worker's kernel could not be prepared: {reply['content']}")
    finally:
        client.stop_channels()


def stage_inputs(parameters: dict, folder: Path) -> dict:
    """Copy the files and folders that path parameters name into the run's input/ folder and
    hand them to the notebook as input/<parameter>/<name>: the report then records no path of
    the user's machine, and keeps the data it was built from."""
    staged = dict(parameters)
    for name in PATH_PARAMETERS:
        if not parameters.get(name):
            continue
        source = (PROJECT_ROOT / str(parameters[name])).resolve()
        target = folder / "input" / name / source.name
        target.parent.mkdir(parents=True, exist_ok=True)
        if source.is_dir():
            shutil.copytree(source, target, ignore=shutil.ignore_patterns(".*", "__pycache__"))
        else:
            shutil.copy2(source, target)
        staged[name] = target.relative_to(folder).as_posix()
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


def execute_notebook(study: str, output: Path, parameters: dict, folder: Path) -> nbformat.NotebookNode:
    """Execute a study notebook with papermill on this worker's kernel, in `folder`. The
    notebook is written once, at the end (or at the failing cell), not after every cell as
    papermill does for watching a run: those saves re-encoded every figure twice per cell."""
    manager = worker_kernel()
    prepare_kernel(manager, folder)
    try:
        return papermill.execute_notebook(str(NOTEBOOKS_DIR / f"{study}.ipynb"), str(output), parameters=parameters,
                                          progress_bar=False, cwd=str(folder), km=manager, kernel_name=KERNEL_NAME,
                                          request_save_on_cell_execute=False)
    except KeyboardInterrupt:   # Ctrl-C in this process (a build's own): stop the cell, keep the kernel
        manager.interrupt_kernel()
        raise


@dataclass
class RunResult:
    """What executing a run gives back: its report's files, or an error and the error notebook."""

    files: dict = field(default_factory=dict)
    parameters: dict = field(default_factory=dict)
    error: str = ""
    interrupted: bool = False
    failed_notebook: bytes = b""
    seconds: float = 0.0


def execute(run: dict) -> RunResult:
    """Execute one run (a Run as a dict) and return its files; the caller publishes them."""
    start = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="workbench-run-") as name:
        folder = Path(name)
        executed = folder / "notebook.ipynb"
        staged = stage_inputs(run["parameters"], folder)
        try:
            notebook = execute_notebook(run["study"], executed, {**staged, OUTPUT_DIR: "."}, folder)
        except PapermillExecutionError as error:
            failed = clean_notebook(nbformat.read(executed, 4), run["study"]) if executed.is_file() else None
            return RunResult(parameters=staged, interrupted=error.ename == "KeyboardInterrupt",
                             error=f"failed in cell {error.exec_count} (cell index {error.cell_index}): "
                                   f"{error.ename}: {error.evalue}",
                             failed_notebook=nbformat.writes(failed).encode() if failed else b"",
                             seconds=time.perf_counter() - start)
        nbformat.write(clean_notebook(notebook, run["study"]), executed)
        files = {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}
    return RunResult(files=files, parameters=staged, seconds=time.perf_counter() - start)


def store_outputs(study: str) -> Path:
    """Re-execute a study notebook with its default parameters and store the outputs in
    notebooks/ (the outputs nbval guards)."""
    path = NOTEBOOKS_DIR / f"{study}.ipynb"
    with tempfile.TemporaryDirectory(prefix="workbench-store-") as name:
        notebook = execute_notebook(study, Path(name) / "notebook.ipynb", {}, NOTEBOOKS_DIR)
    notebook = clean_notebook(notebook, study)
    notebook.metadata.pop("papermill", None)
    for cell in notebook.cells:
        cell.metadata.pop("papermill", None)
    nbformat.write(notebook, path)
    return path
