"""The `workbench` command: build every report, run one, refresh data and notebook outputs, add a study."""

import argparse
import sys
from pathlib import Path

from workbench.core import runs, site
from workbench.core import study as contract
from workbench.core.paths import REPORTS_DIR, RUNS_CONFIG
from workbench.core.validation import DataValidationError


def write_processed(names: list[str] | None = None) -> None:
    """Derive the registered studies' tidy tables from data/raw into data/processed."""
    for study in map(contract.get, names or contract.registered_names()):
        for path in contract.write_processed(study):
            print(f"wrote {path}")


def names(runs: list) -> str:
    return ", ".join(f"{run.study}/{run.name}" for run in runs) or "none"


def build(args) -> int:
    """Write the processed tables, then execute the configured runs (of the named studies,
    or all) and build the report site. Ctrl-C stops it with one line saying what was
    published and what was not."""
    for name in args.studies:
        contract.get(name)
    configured = [run for run in runs.load_runs(args.config) if not args.studies or run.study in args.studies]
    published, failures = [], []
    try:
        write_processed(args.studies)
        for number, run in enumerate(configured, 1):
            print(f"[{number}/{len(configured)}] {run.study}/{run.name} {run.parameters}", flush=True)
            try:
                print(f"  -> {runs.execute_run(run, args.reports)}")
                published.append(run)
            except runs.RunError as error:
                print(f"  FAILED: {error}", file=sys.stderr)
                failures.append(run)
        print(f"site: {site.build_site(args.reports)}", flush=True)
    except KeyboardInterrupt:
        rest = [run for run in configured if run not in published]
        print(f"workbench: interrupted. Published: {names(published)}. Not published: {names(rest)} "
              "(their previous reports, if any, are unchanged). The report site was not rebuilt.", file=sys.stderr)
        return 130
    if failures:
        print(f"{len(failures)} of {len(configured)} runs failed: {names(failures)}", file=sys.stderr)
        return 1
    return 0


def run(args) -> int:
    """Execute one study with the given parameters."""
    parameters = runs.resolve_path_parameters(dict(args.parameter or []), Path.cwd())
    chosen = runs.run_for(args.study, parameters, runs.load_runs(args.config), args.name)
    print(f"{chosen.study}/{chosen.name} {chosen.parameters}", flush=True)
    print(f"  -> {runs.execute_run(chosen, args.reports)}")
    print(f"site: {site.build_site(args.reports)}")
    return 0


def store_outputs(args) -> int:
    """Re-execute notebooks with default parameters and store their outputs for nbval."""
    for study in args.studies or contract.registered_names():
        print(f"stored outputs in {runs.store_outputs(study)}", flush=True)
    return 0


def new_study(args) -> int:
    """Scaffold a study: module, notebook, data folder, registry line and a run."""
    from workbench.core.scaffold import scaffold_study
    for path in scaffold_study(args.name, args.title):
        print(f"wrote {path}")
    print(f"Next: edit them, then `workbench store-outputs {args.name}` and `workbench build {args.name}`.")
    return 0


def parser() -> argparse.ArgumentParser:
    main_parser = argparse.ArgumentParser(prog="workbench", description=__doc__)
    main_parser.add_argument("--config", default=RUNS_CONFIG, help="run configuration (default: runs.toml)")
    main_parser.add_argument("--reports", type=Path, default=REPORTS_DIR,
                             help="where reports are published (default: reports/ of the project)")
    commands = main_parser.add_subparsers(dest="command", required=True)
    every = commands.add_parser("build", help="build every configured report")
    every.add_argument("studies", nargs="*", help="only these studies (default: all)")
    every.set_defaults(handler=build)
    one = commands.add_parser("run", help="run one study with parameters")
    one.add_argument("study", help="study name, e.g. metal_clusters")
    one.add_argument("-p", "--parameter", nargs=2, action="append", metavar=("NAME", "VALUE"),
                     help="notebook parameter (repeatable), e.g. -p district Tegal")
    one.add_argument("--name", default="", help="run name (default: the configured run with these "
                     "parameters, else made from the values)")
    one.set_defaults(handler=run)
    store = commands.add_parser("store-outputs", help="store default outputs in notebooks/ (for nbval)")
    store.add_argument("studies", nargs="*", help="studies (default: all)")
    store.set_defaults(handler=store_outputs)
    processed = commands.add_parser("processed", help="write data/processed from data/raw")
    processed.add_argument("studies", nargs="*", help="studies (default: all)")
    processed.set_defaults(handler=lambda args: write_processed(args.studies) or 0)
    where = commands.add_parser("notebook", help="print the path of a study's notebook (for plain papermill)")
    where.add_argument("study", help="study name, e.g. metal_clusters")
    where.set_defaults(handler=lambda args: print(contract.get(args.study).notebook) or 0)
    commands.add_parser("site", help="rebuild the report site from the published runs").set_defaults(
        handler=lambda args: print(f"site: {site.build_site(args.reports)}") or 0)
    scaffold = commands.add_parser("new-study", help="add a study: module, notebook, data folder, registry line, run")
    scaffold.add_argument("name", help="the study's name, a Python identifier in lower case, e.g. batik_clusters")
    scaffold.add_argument("--title", default="", help="the study's full title")
    scaffold.set_defaults(handler=new_study)
    return main_parser


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return args.handler(args)
    except (runs.RunError, contract.StudyError, site.SiteError, DataValidationError, FileNotFoundError) as error:
        print(f"workbench: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("workbench: interrupted; nothing more was published (earlier reports are unchanged).", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
