"""The `workbench` command: build the reports, run a study, refresh data and notebook outputs, add a study.

It imports no notebook, plotting or site machinery until a command needs it, so `--help`
and a build with nothing to do start at once. It reads the project's list of studies
(`workbench.registry`) and hands it to the core.
"""

import argparse
import sys
import warnings
from pathlib import Path

from workbench.core import runs
from workbench.core import study as contract
from workbench.core.errors import DataValidationError, SiteError
from workbench.core.i18n import DEFAULT as DEFAULT_LANGUAGE, LANGUAGES
from workbench.core.paths import NOTEBOOKS_DIR, REPORTS_DIR, RUNS_CONFIG
from workbench.registry import REGISTRY

EPILOG_RUN = "studies and their parameters (the first one names the case shown, \"all\" by default):\n"


def names(outcomes) -> str:
    return ", ".join(outcome.label for outcome in outcomes) or "none"


def execute(args, selected: list[runs.Run], processed: list[str]) -> int:
    """Build the selected runs (and the processed tables of their studies); print the summary."""
    from workbench.core import build
    written = []
    try:
        outcomes = build.build(REGISTRY, selected, args.reports, args.jobs, args.scheduler, args.force,
                               site=not args.no_site,
                               meanwhile=lambda: written.extend(build.write_processed(REGISTRY, processed, args.force)))
    except KeyboardInterrupt as interrupt:
        # A Ctrl-C that lands while jupyter_client starts a kernel leaves its start coroutine
        # un-awaited; Python would print a RuntimeWarning about it under the message below.
        warnings.filterwarnings("ignore", message=r"coroutine .* was never awaited", category=RuntimeWarning)
        published = [o for o in getattr(interrupt, "outcomes", []) if o.status == "published"]
        done = {o.label for o in published}
        rest = [run.label for run in selected if run.label not in done]
        print(f"workbench: interrupted. Published: {names(published)}. Not published: {', '.join(rest) or 'none'} "
              "(their previous reports, if any, are unchanged). The report site was not rebuilt.", file=sys.stderr)
        return 130
    for path in written:
        print(f"wrote {path}")
    print(build.summary(outcomes))
    failed = [o for o in outcomes if o.status == "failed"]
    for outcome in failed:
        print(f"workbench: {outcome.why}", file=sys.stderr)
    if failed:
        print(f"{len(failed)} of {len(outcomes)} runs failed: {names(failed)}", file=sys.stderr)
        return 1
    if not args.no_site:
        print(f"site: {args.reports / 'index.html'}")
    return 0


def build_command(args) -> int:
    """Execute the configured runs (of the named studies, or all) that are out of date."""
    for name in args.studies:
        REGISTRY.get(name)
    selected = [run for run in runs.load_runs(REGISTRY, args.config) if not args.studies or run.study in args.studies]
    return execute(args, selected, args.studies or list(REGISTRY.names))


def run_command(args) -> int:
    """Execute one study with the given parameters (a list or a folder of surveys: a sweep)."""
    parameters = runs.resolve_path_parameters(dict(args.parameter or []), Path.cwd())
    selected = runs.runs_for(REGISTRY, args.study, parameters, runs.load_runs(REGISTRY, args.config), args.name)
    for run in selected:
        print(f"{run.label}: " + ", ".join(f"{name} = {value}" for name, value in run.parameters.items()),
              flush=True)
    return execute(args, selected, [])


def processed_command(args) -> int:
    """Derive the studies' tidy tables from data/raw into data/processed (always, not only when stale)."""
    from workbench.core import build
    for path in build.write_processed(REGISTRY, args.studies or list(REGISTRY.names), force=True):
        print(f"wrote {path}")
    return 0


def store_outputs(args) -> int:
    """Re-execute notebooks with default parameters and store their outputs for nbval."""
    from workbench.core.execute import store_outputs as store
    for study in args.studies or REGISTRY.names:
        for lang in REGISTRY.get(study).languages:
            print(f"stored outputs in {store(study, lang)}", flush=True)
    return 0


def catalogues_command(args) -> int:
    """Merge the messages the package, the notebooks and the data hold now into each
    language's .po files (new ones untranslated, changed ones fuzzy); translate those with
    a .po editor (Poedit, Weblate), then run the tests."""
    from workbench.core.catalogues import catalogue_problems, update_catalogues
    for path in update_catalogues(REGISTRY):
        print(f"updated {path}")
    problems = [p for lang in LANGUAGES if lang != DEFAULT_LANGUAGE for p in catalogue_problems(REGISTRY, lang)]
    print("\n".join(problems) or "every message has a translation")
    return 1 if problems else 0


def new_study(args) -> int:
    """Scaffold a study: module, notebook, data folder, registry line and a run."""
    from workbench.core.scaffold import scaffold_study
    for path in scaffold_study(REGISTRY, args.name, args.title):
        print(f"wrote {path}")
    print(f"Next: edit them, then `workbench store-outputs {args.name}` and `workbench build {args.name}`.")
    return 0


def site_command(args) -> int:
    from workbench.core.site import build_site
    print(f"site: {build_site(REGISTRY, args.reports)}")
    return 0


def studies_help() -> str:
    """Each registered study and its parameters, read from its notebook (no kernel needed)."""
    lines = []
    for name in REGISTRY.names:
        try:
            declared = contract.declared_parameters(NOTEBOOKS_DIR / f"{name}.ipynb")
        except (OSError, contract.StudyError, ValueError, SyntaxError):
            declared = {}
        shown = [f"{key} (default {value!r})" for key, value in declared.items() if key not in contract.RUNNER_PARAMETERS]
        lines.append(f"  {name}: {', '.join(shown)}")
    return EPILOG_RUN + "\n".join(lines)


def add_execution_options(command: argparse.ArgumentParser) -> None:
    command.add_argument("--jobs", type=int, default=0, help="worker processes (default: one per core)")
    command.add_argument("--scheduler", default="", help="send the runs to a Dask distributed scheduler "
                         "(tcp://host:port); workers must see the project's files")
    command.add_argument("--force", action="store_true", help="execute runs even when nothing they depend on changed")
    command.add_argument("--no-site", action="store_true", help="publish the runs but leave the report site as it is "
                         "(`workbench site` rebuilds it)")


def parser() -> argparse.ArgumentParser:
    main_parser = argparse.ArgumentParser(prog="workbench", description=__doc__,
                                          formatter_class=argparse.RawDescriptionHelpFormatter)
    main_parser.add_argument("--config", type=Path, default=RUNS_CONFIG, help="run configuration (default: runs.toml)")
    main_parser.add_argument("--reports", type=Path, default=REPORTS_DIR,
                             help="where reports are published (default: reports/ of the project)")
    commands = main_parser.add_subparsers(dest="command", required=True)
    every = commands.add_parser("build", help="build the configured reports that are out of date, and the site")
    every.add_argument("studies", nargs="*", help="only these studies (default: all)")
    add_execution_options(every)
    every.set_defaults(handler=build_command)
    one = commands.add_parser("run", help="run one study with parameters", epilog=studies_help(),
                              formatter_class=argparse.RawDescriptionHelpFormatter)
    one.add_argument("study", help="study name, e.g. metal_clusters")
    one.add_argument("-p", "--parameter", nargs=2, action="append", metavar=("NAME", "VALUE"),
                     help="notebook parameter (repeatable), e.g. -p district Tegal; commas make a sweep "
                          "(-p district Klaten,Pati), and so does a folder of survey files as user_data")
    one.add_argument("--name", default="", help="run name (default: the configured run with these "
                     "parameters, else made from the values)")
    add_execution_options(one)
    one.set_defaults(handler=run_command)
    store = commands.add_parser("store-outputs", help="store default outputs in notebooks/ (for nbval), in each "
                                "language of the study")
    store.add_argument("studies", nargs="*", help="studies (default: all)")
    store.set_defaults(handler=store_outputs)
    commands.add_parser("catalogues", help="update the message catalogues (.po) from the sources and list what "
                        "lacks a translation").set_defaults(handler=catalogues_command)
    processed = commands.add_parser("processed", help="write data/processed from data/raw")
    processed.add_argument("studies", nargs="*", help="studies (default: all)")
    processed.set_defaults(handler=processed_command)
    where = commands.add_parser("notebook", help="print the path of a study's notebook (for plain papermill)")
    where.add_argument("study", help="study name, e.g. metal_clusters")
    where.set_defaults(handler=lambda args: print(REGISTRY.get(args.study).notebook) or 0)
    commands.add_parser("site", help="rebuild the report site from the published runs").set_defaults(handler=site_command)
    scaffold = commands.add_parser("new-study", help="add a study: module, notebook, data folder, registry line, run")
    scaffold.add_argument("name", help="the study's name, a Python identifier in lower case, e.g. batik_clusters")
    scaffold.add_argument("--title", default="", help="the study's full title")
    scaffold.set_defaults(handler=new_study)
    return main_parser


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return args.handler(args)
    except (runs.RunError, contract.StudyError, DataValidationError, SiteError, FileNotFoundError) as error:
        print(f"workbench: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("workbench: interrupted; nothing more was published (earlier reports are unchanged).", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
