"""The build's speed, measured side by side on this machine in one run.

    python3 benchmarks/build.py            (with the project's environment active)
    python3 benchmarks/build.py --quick    (a 10-district sweep instead of 40)

Works on a throw-away copy of the project (its reports/ are not touched) and prints:

- the naive chain (for each configured run: the papermill CLI, then `jupyter nbconvert --to
  html --no-input`) against `workbench build` from scratch (no reports, no caches), as a ratio;
- the cold build of both editions (English and Indonesian: every configured run) against the
  cold build of the English edition alone (the configured runs without `lang`), as a ratio;
- the report site alone from a cold Sphinx cache, and its share of the build;
- a rebuild with nothing changed, in seconds;
- a rebuild after one data file changed, and how many runs it executed again;
- a sweep of illustrative districts (generated surveys) at --jobs 1 and --jobs 2, and the
  parallel efficiency (time at 1 job / (2 x time at 2 jobs));
- the configured runs executed one after another on a fresh kernel each (started ahead, as
  the build does) against one kernel shared by all and reset between runs
  (`kernel_designs.py`): what isolation costs;
- `import workbench` against `import pandas` (median of 5 fresh interpreters each).

Targets on a 2-core machine: the build at least 3 times faster than the naive chain; both
editions at most 1.8 times the English edition alone; a
rebuild with nothing changed under 0.5 s; parallel efficiency at least 85%; `import
workbench` at most 1.2 times `import pandas`.
"""

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT / "tests")]

from project_copy import copy_project  # noqa: E402  (the project's own package and test helpers, found from here)

def timed(command: list[str], cwd: Path, env: dict) -> tuple[float, str]:
    start = time.perf_counter()
    result = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if result.returncode:
        sys.exit(f"{' '.join(command)} failed:\n{result.stderr[-3000:]}")
    return seconds, result.stdout


def naive_chain(project: Path, env: dict) -> float:
    """papermill, then nbconvert --no-input, for each configured run (sweeps expanded)."""
    sys.path.insert(0, str(project / "src"))
    from workbench.core.runs import load_runs
    from workbench.registry import REGISTRY
    out = project / "naive"
    out.mkdir()
    start = time.perf_counter()
    for run in load_runs(REGISTRY, project / "runs.toml"):
        executed = out / f"{run.label.replace('/', '-')}.ipynb"
        arguments = [item for name, value in run.parameters.items() for item in ("-p", name, str(value))]
        subprocess.run([sys.executable, "-m", "papermill", str(project / "notebooks" / f"{run.study}.ipynb"),
                        str(executed), *arguments, "--cwd", str(project), "--no-progress-bar"],
                       cwd=project, env=env, check=True, capture_output=True)
        subprocess.run([sys.executable, "-m", "jupyter", "nbconvert", "--to", "html", "--no-input", str(executed)],
                       cwd=project, env=env, check=True, capture_output=True)
    return time.perf_counter() - start


def english_only(config: Path, target: Path) -> int:
    """Write the configured runs that have no `lang` (the English edition) to `target`;
    returns how many entries it holds."""
    entries = [entry for entry in tomllib.loads(config.read_text())["run"] if "lang" not in entry.get("parameters", {})]
    lines = []
    for entry in entries:
        parameters = ", ".join(f"{name} = {json.dumps(value)}" for name, value in entry.get("parameters", {}).items())
        lines += ["[[run]]", f"study = {json.dumps(entry['study'])}", f"name = {json.dumps(entry['name'])}",
                  f"parameters = {{ {parameters} }}", ""]
    target.write_text("\n".join(lines))
    return len(entries)


def runs_redone(summary: str) -> int:
    return sum(1 for line in summary.splitlines() if " published " in f" {line} ")


def import_time(module: str, env: dict) -> float:
    times = []
    for _ in range(5):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", f"import {module}"], env=env, check=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--quick", action="store_true", help="sweep 10 districts, not 40")
    districts = 10 if options.parse_args().quick else 40
    with tempfile.TemporaryDirectory() as folder:
        project = copy_project(Path(folder))
        env = dict(os.environ, PYTHONPATH=str(project / "src"))
        workbench = [sys.executable, "-m", "workbench.cli"]
        configured = len(tomllib.loads((project / "runs.toml").read_text())["run"])

        (Path(folder) / "english").mkdir()
        english = copy_project(Path(folder) / "english")
        english_runs = english_only(english / "runs.toml", english / "runs.toml")
        english_cold, _ = timed([*workbench, "build"], english, {**env, "PYTHONPATH": str(english / "src")})
        shutil.rmtree(english)
        naive = naive_chain(project, env)
        _, designs = timed([sys.executable, str(ROOT / "benchmarks" / "kernel_designs.py")], project,
                           {**env, "WORKBENCH_PROJECT": str(project)})
        kernels = json.loads(designs.splitlines()[-1])
        cold, _ = timed([*workbench, "build"], project, env)
        noop, _ = timed([*workbench, "build"], project, env)
        shutil.rmtree(project / "build")
        site_cold, _ = timed([*workbench, "site"], project, env)
        claims = project / "data" / "raw" / "tumang_governance" / "claims.csv"
        text = claims.read_text(encoding="utf-8")
        old, new = "the abstract gives no number of informants", "the abstract gives no count of informants"
        if text.count(old) != 1:
            raise SystemExit(f"benchmark: {claims} no longer holds {old!r} once; pick another cell to change")
        claims.write_text(text.replace(old, new), encoding="utf-8")
        changed, summary = timed([*workbench, "build"], project, env)

        surveys = project / "sweep"
        surveys.mkdir()
        code = ("import sys; from workbench.metal_clusters.illustrative import illustrative_survey; "
                "from workbench.core.outputs import write_csv; from pathlib import Path\n"
                f"for k in range({districts}):\n"
                "    survey = illustrative_survey(seed=1000 + k)\n"
                "    survey['district'] = f'Kabupaten Uji {k + 1:02d} (illustrative)'\n"
                f"    write_csv(survey, Path({str(surveys)!r}) / f'uji_{{k + 1:02d}}.csv')\n")
        subprocess.run([sys.executable, "-c", code], env=env, check=True)
        one, _ = timed([*workbench, "--reports", str(project / "sweep1"), "run", "metal_clusters",
                        "-p", "user_data", "sweep", "--jobs", "1"], project, env)
        two, _ = timed([*workbench, "--reports", str(project / "sweep2"), "run", "metal_clusters",
                        "-p", "user_data", "sweep", "--jobs", "2"], project, env)
        workbench_import, pandas_import = import_time("workbench", env), import_time("pandas", env)

    rows = [
        (f"naive chain, {configured} configured runs", f"{naive:.1f} s"),
        ("workbench build from scratch", f"{cold:.1f} s"),
        ("  naive chain / workbench build", f"{naive / cold:.2f}x"),
        (f"English edition alone from scratch, {english_runs} configured runs", f"{english_cold:.1f} s"),
        ("  both editions / English edition alone", f"{cold / english_cold:.2f}x"),
        ("  of which could be the site step (cold Sphinx cache)", f"{site_cold:.1f} s ({100 * site_cold / cold:.0f}%)"),
        (f"executing the {kernels['runs']} runs in turn on one shared kernel, reset between runs",
         f"{kernels['shared']:.1f} s"),
        ("  on a fresh kernel each, started ahead (the build's design)", f"{kernels['fresh']:.1f} s"),
        ("  what isolation costs", f"{kernels['fresh'] - kernels['shared']:+.1f} s "
                                   f"({100 * (kernels['fresh'] / kernels['shared'] - 1):+.0f}%)"),
        ("rebuild, nothing changed", f"{noop:.2f} s"),
        ("rebuild after one data file changed", f"{changed:.1f} s, {runs_redone(summary)} run(s) executed"),
        (f"sweep of {districts} districts, --jobs 1", f"{one:.1f} s"),
        (f"sweep of {districts} districts, --jobs 2", f"{two:.1f} s"),
        ("  parallel efficiency on 2 workers", f"{100 * one / (2 * two):.0f}%"),
        ("import workbench / import pandas", f"{workbench_import:.2f} s / {pandas_import:.2f} s "
                                             f"= {workbench_import / pandas_import:.2f}x"),
    ]
    width = max(len(what) for what, _ in rows)
    for what, value in rows:
        print(f"{what:<{width}}  {value}")


if __name__ == "__main__":
    main()
