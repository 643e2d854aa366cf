"""The `workbench` command: build every report, run one, refresh data and notebook outputs."""

import argparse
import sys
from pathlib import Path

from workbench import led_synergism, metal_clusters, tumang_governance
from workbench.core import runs
from workbench.core.datapackage import DataValidationError
from workbench.core.paths import RUNS_CONFIG

PROCESSED_WRITERS = {"metal_clusters": metal_clusters.write_processed,
                     "led_synergism": led_synergism.write_processed,
                     "tumang_governance": tumang_governance.write_processed}


def write_processed() -> None:
    """Derive every study's tidy tables from data/raw into data/processed."""
    for study, write in PROCESSED_WRITERS.items():
        for path in write():
            print(f"wrote {path}")


def build(args) -> int:
    """Write the processed tables, then execute every configured run and the index."""
    write_processed()
    failures = []
    configured = runs.load_runs(args.config)
    for number, run in enumerate(configured, 1):
        print(f"[{number}/{len(configured)}] {run.study}/{run.name} {run.parameters}", flush=True)
        try:
            print(f"  -> {runs.execute_run(run)}")
        except runs.RunError as error:
            print(f"  FAILED: {error}", file=sys.stderr)
            failures.append(run)
    print(f"index: {runs.write_index()}")
    if failures:
        print(f"{len(failures)} of {len(configured)} runs failed: "
              + ", ".join(f"{r.study}/{r.name}" for r in failures), file=sys.stderr)
        return 1
    return 0


def run(args) -> int:
    """Execute one study with the given parameters."""
    parameters = runs.resolve_path_parameters(dict(args.parameter or []), Path.cwd())
    chosen = runs.run_for(args.study, parameters, runs.load_runs(args.config), args.name)
    print(f"{chosen.study}/{chosen.name} {chosen.parameters}", flush=True)
    print(f"  -> {runs.execute_run(chosen)}")
    print(f"index: {runs.write_index()}")
    return 0


def store_outputs(args) -> int:
    """Re-execute notebooks with default parameters and store their outputs for nbval."""
    for study in args.studies or runs.studies():
        print(f"stored outputs in {runs.store_outputs(study)}", flush=True)
    return 0


def parser() -> argparse.ArgumentParser:
    main_parser = argparse.ArgumentParser(prog="workbench", description=__doc__)
    main_parser.add_argument("--config", default=RUNS_CONFIG, help="run configuration (default: runs.toml)")
    commands = main_parser.add_subparsers(dest="command", required=True)
    commands.add_parser("build", help="build every configured report").set_defaults(handler=build)
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
    commands.add_parser("processed", help="write data/processed from data/raw").set_defaults(
        handler=lambda args: write_processed() or 0)
    return main_parser


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return args.handler(args)
    except (runs.RunError, DataValidationError, FileNotFoundError) as error:
        print(f"workbench: {error}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
