"""A build: the processed tables, the runs that are out of date, and the report site.

Each run's build key (`runs.build_key`) is compared with the one its published run.json
records; only runs whose inputs changed are executed (`--force` executes all). Runs go
through a standard `concurrent.futures` executor: a local process pool, one worker per core
by default (`--jobs N`), or a Dask cluster's executor (`--scheduler ADDRESS`); with one job
(or one run due) they execute in this process instead, on its kernel. Workers
return each report's files; publishing them under reports/, and writing the site once at
the end, happens here, where the build was started. A progress bar shows runs done,
running and failed, and the build ends with one summary table.
"""

import json
import multiprocessing
import os
import sys
import threading
from collections.abc import Callable, Iterator, Mapping
from concurrent.futures import FIRST_COMPLETED, Executor, ProcessPoolExecutor, wait
from dataclasses import dataclass
from pathlib import Path

from workbench.core import runs
from workbench.core import study as contract
from workbench.core.paths import PROJECT_ROOT, REPORTS_DIR
from workbench.core.study import ILLUSTRATIVE, PATH_PARAMETERS

KEYS_DIR = PROJECT_ROOT / "build" / "keys"


@dataclass
class Outcome:
    """One line of the build's summary."""

    run: runs.Run
    status: str
    seconds: float
    why: str

    @property
    def label(self) -> str:
        return self.run.label


def default_jobs() -> int:
    return max(1, os.cpu_count() or 1)


def check_inputs(spec: contract.Study, run: runs.Run) -> bool:
    """Before anything is written: the run's own data load and its case exists. Returns
    whether the data are illustrative. Runs without own data need no loading for this."""
    if not any(run.parameters.get(p) for p in PATH_PARAMETERS):
        try:
            known = spec.known_cases()
        except (OSError, ValueError, KeyError):
            loaded = spec.load()   # the tables cannot be read lightly: the validated load says why
            known = getattr(loaded, "aliases", None) or {case: () for case in loaded.cases}
        if known:
            _resolve(spec, run, list(known), known)
        return False
    arguments = [run.parameters.get(contract.DATA_DIR, "")] + (
        [run.parameters.get(contract.USER_DATA, "")] if spec.user_data else [])
    loaded = spec.load(*[str(PROJECT_ROOT / str(a)) if a else "" for a in arguments])
    _resolve(spec, run, loaded.cases, getattr(loaded, "aliases", None))
    return any(case.endswith(ILLUSTRATIVE) for case in loaded.cases)


def _resolve(spec: contract.Study, run: runs.Run, cases: list[str],
             aliases: Mapping[str, tuple[str, ...]] | None = None) -> None:
    try:
        spec.resolve(str(run.parameters.get(spec.selector, contract.ALL)), cases, aliases)
    except ValueError as error:
        raise runs.RunError(f"Run {run.label}: {error}") from None


def processed_key(spec: contract.Study) -> str:
    folders = {}
    for name in spec.data_folders():
        folders |= runs.folder_hashes(PROJECT_ROOT / "data" / "raw" / name)
    return runs.digest(runs.source_digest().encode(), runs.versions_digest().encode(),
                        json.dumps(folders, sort_keys=True).encode())


def write_processed(registry: contract.Registry, names: list[str], force: bool = False) -> list[Path]:
    """Derive the named studies' tidy tables into data/processed/ where their inputs changed."""
    written = []
    for spec in map(registry.get, names):
        stamp = KEYS_DIR / f"processed-{spec.name}"
        key = processed_key(spec)
        folder = contract.processed_folder(spec)
        if not force and stamp.is_file() and stamp.read_text() == key and folder.is_dir():
            continue
        written += contract.write_processed(spec)
        stamp.parent.mkdir(parents=True, exist_ok=True)
        stamp.write_text(key)
    return written


def publish_result(spec: contract.Study, run: runs.Run, result, key: dict, illustrative: bool,
                   reports_dir: Path) -> Path:
    """Publish a worker's files as reports/<study>/<run>/, with run.json."""
    target = runs.run_folder(reports_dir, run)
    files = dict(result.files)
    files["run.json"] = runs.manifest(run, spec, result.parameters, files, key, illustrative)
    return runs.publish(files, target)


def keep_failed(run: runs.Run, result, reports_dir: Path) -> Path | None:
    """Keep a failed run's error notebook beside its (unchanged) report."""
    if not result.failed_notebook:
        return None
    target = runs.run_folder(reports_dir, run)
    target.parent.mkdir(parents=True, exist_ok=True)
    path = target.parent / f"{run.name}.failed.ipynb"
    path.write_bytes(result.failed_notebook)
    return path


def make_executor(jobs: int, scheduler: str = "", initializer=None) -> tuple[Executor, object]:
    """A process pool of `jobs` workers, or a Dask distributed cluster's executor (its client
    is returned too, to be closed)."""
    if scheduler:
        try:
            from dask.distributed import Client
        except ImportError:
            raise runs.RunError("--scheduler needs Dask, which this environment lacks: install the workbench's "
                                "dask extra (`uv sync --extra dask`, or `pip install -e '.[dask]'`). "
                                "No run was executed.") from None
        try:
            client = Client(scheduler)
        except (OSError, ValueError, TypeError) as error:
            raise runs.RunError(f"No Dask scheduler could be reached at {scheduler} ({error}); start one "
                                "(`dask scheduler`) or check the address. No run was executed.") from None
        return client.get_executor(pure=False), client
    return ProcessPoolExecutor(max_workers=jobs, mp_context=pool_context(), initializer=initializer), None


def pool_context() -> multiprocessing.context.BaseContext:
    """How the pool's workers start. Forked from this process when it runs no other thread
    (the command line): they inherit its imports. Otherwise from a fork server, a fresh
    process with papermill imported, kept for the next pool: forking a process with threads
    copies their locks and loops, and a worker of a process that had executed a notebook
    (in JupyterLab, `execute_run` and then `build`) waited on an event loop no thread ran."""
    if threading.active_count() == 1 and multiprocessing.get_start_method() == "fork":
        return multiprocessing.get_context("fork")
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["workbench.core.execute"])
    return context


def build(registry: contract.Registry, selected: list[runs.Run], reports_dir: Path = REPORTS_DIR, jobs: int = 0,
          scheduler: str = "", force: bool = False, site: bool = True,
          meanwhile: Callable[[], object] | None = None) -> list[Outcome]:
    """Execute the out-of-date runs among `selected` (of the studies in `registry`) and publish
    them, then the site.
    `meanwhile` is called once while the runs execute (at once if none is due): work of this
    process that no run waits for, such as the processed tables, so that it adds no time.
    Returns one Outcome per run. Ctrl-C stops the build and is raised as KeyboardInterrupt
    with what was published so far (`.outcomes`). A script that calls it needs the usual
    `if __name__ == "__main__":` guard, as the pool's workers import the script's module."""
    meanwhile = meanwhile or (lambda: None)
    reports_dir = Path(reports_dir)
    runs.forget_file_states()
    outcomes, todo = [], []
    for run in selected:
        spec = runs.study_of(run.study, registry)
        runs.run_folder(reports_dir, run)
        key = runs.build_key(spec, run)
        why = "forced" if force else runs.why_stale(run, key, reports_dir)
        if why:
            todo.append((run, spec, key, why))
        else:
            outcomes.append(Outcome(run, "skipped", 0.0, "unchanged"))
    sphinx = {}
    if todo and site:   # Sphinx imports itself while the runs execute: one process per edition due
        from workbench.core.i18n import DEFAULT
        from workbench.core.sphinx_process import edition_processes
        sphinx = edition_processes(reports_dir, sorted({DEFAULT, *(run.lang for run, *_rest in todo)}))
    try:
        if todo:
            outcomes += execute_all(todo, reports_dir, jobs or default_jobs(), scheduler, meanwhile)
        else:
            meanwhile()
        if site and (any(outcome.status == "published" for outcome in outcomes) or stale_site(reports_dir)):
            from workbench.core.site import build_site
            build_site(registry, reports_dir, sphinx=sphinx)
    finally:
        for process in sphinx.values():
            process.stop()
    order = {run.label: k for k, run in enumerate(selected)}
    return sorted(outcomes, key=lambda outcome: order[outcome.run.label])


def stale_site(reports_dir: Path) -> bool:
    """Whether the site lacks a page for a published run or its home page, or was not built from
    the runs published now (a run published since, with --no-site, or an interrupted build) or
    from the site project as it is now (a changed style sheet, template or configuration)."""
    from workbench.core.sphinx_process import edition_folders, project_digest, project_stamp, site_stamp
    digest = project_digest()
    for folder in edition_folders(reports_dir).values():
        pages = [m.parent / "report.html" for m in folder.glob("*/*/run.json")]
        stamp = project_stamp(folder)
        if pages and (not site_stamp(folder).is_file() or not stamp.is_file() or stamp.read_text() != digest
                      or not all(page.is_file() for page in [folder / "index.html", *pages])):
            return True
    return False


def execute_run(registry: contract.Registry, run: runs.Run, reports_dir: Path = REPORTS_DIR) -> Path:
    """Execute one run now, in this process and whatever its key, and publish it (without the
    site); returns its folder, or raises RunError saying why it failed. The run gets a fresh
    kernel, as every run does (workbench.core.execute)."""
    from workbench.core.execute import execute
    runs.forget_file_states()
    spec = runs.study_of(run.study, registry)
    folder = runs.run_folder(reports_dir, run)
    key = runs.build_key(spec, run)
    try:
        illustrative = check_inputs(spec, run)
    except (ValueError, OSError) as error:
        raise runs.RunError(str(error)) from None
    outcome = settle(run, spec, key, execute(run.as_dict()), illustrative, reports_dir, "forced")
    if outcome.status == "failed":
        raise runs.RunError(outcome.why)
    return folder


def settle(run: runs.Run, spec: contract.Study, key: dict, result, illustrative: bool, reports_dir: Path,
           why: str) -> Outcome:
    """Publish an executed run, or keep its error notebook beside the unchanged report."""
    if not result.error and spec.makes_outputs and not any(
            path.startswith(("figures/", "tables/")) for path in result.files):
        result.error = (f"saved no figures or tables, although {run.study} makes them: its notebook "
                        "must hand output_dir to Report")
        result.failed_notebook = result.files.get("notebook.ipynb", b"")
    if result.error:
        kept = keep_failed(run, result, reports_dir)
        return Outcome(run, "failed", result.seconds, f"Run {run.label} {result.error}\nThe error "
                       f"notebook is kept at {kept}; the previous report, if any, is unchanged.")
    publish_result(spec, run, result, key, illustrative, reports_dir)
    return Outcome(run, "published", result.seconds, why)


def execute_all(todo: list, reports_dir: Path, jobs: int, scheduler: str,
                meanwhile: Callable[[], object]) -> list[Outcome]:
    """Execute the runs, each once its inputs are checked, call `meanwhile`, and publish each
    run as it ends. A run is handed out as soon as it is checked, so that the workers start
    on the first while this process checks the next."""
    from tqdm import tqdm
    outcomes = []
    progress = tqdm(total=len(todo), unit="run", desc="runs", disable=None, file=sys.stderr, leave=False)
    jobs = min(jobs, len(todo))

    def checked() -> Iterator[tuple]:
        for run, spec, key, why in todo:
            try:
                yield run, spec, key, why, check_inputs(spec, run)
            except (runs.RunError, ValueError, OSError) as error:
                outcomes.append(Outcome(run, "failed", 0.0, str(error)))
                progress.update(1)

    results = (executed_here(checked(), meanwhile, len(todo)) if jobs <= 1 and not scheduler
               else executed_by_workers(checked(), jobs, scheduler, meanwhile, len(todo)))
    failed = 0
    try:
        progress.set_postfix_str(f"running {jobs}, failed 0")
        for (run, spec, key, why, illustrative), result in results:
            if result.interrupted:
                raise KeyboardInterrupt
            outcomes.append(settle(run, spec, key, result, illustrative, reports_dir, why))
            if outcomes[-1].status == "failed":
                failed += 1
                progress.write(f"  FAILED {run.label} (why: at the end)", file=sys.stderr)
            progress.update(1)
            progress.set_postfix_str(f"running {min(jobs, len(todo) - len(outcomes))}, failed {failed}")
    except KeyboardInterrupt as interrupt:
        interrupt.outcomes = outcomes
        raise
    finally:
        progress.close()
        results.close()
    return outcomes


def executed_here(ready: Iterator[tuple], meanwhile: Callable[[], object], total: int) -> Iterator[tuple]:
    """The runs executed one after another from this process, each on a fresh kernel started
    while the run before it executes (see workbench.core.execute; the last of the `total`
    starts none): a pool of one worker would only add a process. `meanwhile` runs in a thread
    of this process meanwhile, as this process only waits while a kernel executes a cell; its
    error, if any, is raised when the runs are done."""
    from concurrent.futures import ThreadPoolExecutor

    from workbench.core.execute import execute, stop_kernels
    try:
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="meanwhile") as thread:
            beside = thread.submit(meanwhile)
            for number, entry in enumerate(ready, 1):
                yield entry, execute(entry[0].as_dict(), ahead=number < total)
            beside.result()
    finally:
        stop_kernels()


def executed_by_workers(ready: Iterator[tuple], jobs: int, scheduler: str,
                        meanwhile: Callable[[], object], total: int) -> Iterator[tuple]:
    """The runs executed side by side by the executor's workers, each as it ends; `meanwhile`
    is called once all are handed out. The executor is made for the first run that passes its
    checks (none, and no pool is started or cluster contacted). Each of the first `total -
    jobs` runs has its worker start a kernel ahead for the worker's next run. Closing the
    generator early cancels the runs not yet started."""
    from workbench.core.execute import execute, worker_init
    executor = client = None
    pending = {}
    try:
        for entry in ready:
            if executor is None:
                executor, client = make_executor(jobs, scheduler, worker_init)
            pending[executor.submit(execute, entry[0].as_dict(), len(pending) < total - jobs)] = entry
        meanwhile()
        while pending:
            done, _ = wait(list(pending), return_when=FIRST_COMPLETED)
            for future in done:
                yield pending.pop(future), future.result()
    finally:
        for future in pending:
            future.cancel()
        if client is not None:
            executor.shutdown(wait=True)
            client.close()
        elif executor is not None:
            executor.shutdown(wait=True, cancel_futures=True)


def summary(outcomes: list[Outcome]) -> str:
    """The build's summary: one line per run with its status, seconds, and why."""
    width = max([len("run")] + [len(o.label) for o in outcomes])
    lines = [f"{'run':<{width}}  {'status':<9}  {'seconds':>7}  why", f"{'-' * width}  {'-' * 9}  {'-' * 7}  ---"]
    lines += [f"{o.label:<{width}}  {o.status:<9}  {o.seconds:>7.1f}  {o.why.splitlines()[0] if o.why else ''}"
              for o in outcomes]
    return "\n".join(lines)
