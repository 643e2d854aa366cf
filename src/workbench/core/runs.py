"""Runs: which study notebooks to execute with which parameters, what they depend on, and
publishing their outputs.

A run is one study notebook with one parameter set, published as reports/<study>/<name>/.
This module only plans and publishes (it imports no notebook machinery, so planning a
build with nothing to do is fast); `workbench.core.execute` executes runs in worker
processes and `workbench.core.build` puts the two together.

A run's *build key* is a hash of everything its outputs depend on: the notebook, the
package's source, the parameters, every data file the run reads (the data folders its
study declares, and the user's own data), and the versions of Python and the pinned
packages. It is recorded in run.json; a run whose recorded key equals the current one is
not executed again.
"""

import hashlib
import itertools
import json
import shutil
import tomllib
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from workbench.core import provenance
from workbench.core import study as contract
from workbench.core.choices import slugify
from workbench.core.paths import PROJECT_ROOT, RAW_DIR, REPORTS_DIR, RUNS_CONFIG, SURVEY_SUFFIXES, display_path, split_sheet
from workbench.core.sphinx_process import edition_folder, site_stamp
from workbench.core.i18n import DEFAULT as DEFAULT_LANGUAGE
from workbench.core.study import PATH_PARAMETERS, RUNNER_PARAMETERS, StudyError

RUN_NAME_LIMIT = 60
RUN_NAME_CHARACTERS = set("abcdefghijklmnopqrstuvwxyz0123456789-_")


class RunError(RuntimeError):
    """A run could not start or did not finish; the message says why and where."""


@dataclass(frozen=True)
class Run:
    """One study notebook with one parameter set, published as reports/<study>/<name>/, or
    in another language's edition as reports/<lang>/<study>/<name>/."""

    study: str
    name: str
    parameters: dict = field(default_factory=dict)

    @property
    def lang(self) -> str:
        return self.parameters.get(contract.LANG, DEFAULT_LANGUAGE)

    @property
    def label(self) -> str:
        """How messages name the run: study/name, after its language's folder for an edition
        in another language (id/tumang_governance/tumang)."""
        return f"{'' if self.lang == DEFAULT_LANGUAGE else self.lang + '/'}{self.study}/{self.name}"

    def as_dict(self) -> dict:
        return {"study": self.study, "name": self.name, "parameters": dict(self.parameters)}


def study_of(name: str, registry: contract.Registry) -> contract.Study:
    """A registered study whose notebook meets the contract; a RunError otherwise."""
    try:
        spec = registry.get(name)
    except StudyError as error:
        raise RunError(str(error)) from None
    problems = contract.notebook_problems(spec)
    if problems:
        raise RunError(f"The notebook of {name} breaks the study contract: " + "; ".join(problems) + ".")
    return spec


def check_parameters(spec: contract.Study, parameters: dict) -> dict:
    """Reject parameter names the notebook does not declare (papermill alone only warns) and
    convert text values to the type of the declared default."""
    declared = {name: default for name, default in contract.declared_parameters(spec.notebook).items()
                if name not in RUNNER_PARAMETERS}
    unknown = sorted(set(parameters) - set(declared))
    if unknown:
        valid = ", ".join(f"{name} ({type(default).__name__}, default {default!r})" for name, default in declared.items())
        raise RunError(f"Unknown parameter(s) for {spec.name}: {', '.join(unknown)}. Valid parameters: {valid}.")
    if contract.LANG in parameters and parameters[contract.LANG] not in spec.languages:
        raise RunError(f"Parameter lang of {spec.name} takes one of the languages its report is written in: "
                       f"{', '.join(spec.languages)}; got {parameters[contract.LANG]!r}.")
    checked = {}
    for name, value in parameters.items():
        kind = type(declared[name])
        try:
            checked[name] = kind(value) if isinstance(value, str) and kind is not str else value
        except ValueError:
            raise RunError(f"Parameter {name} of {spec.name} takes a {kind.__name__}; got {value!r}.") from None
    return checked


def canonical(spec: contract.Study, parameters: dict) -> dict:
    """The parameters with the case named canonically ("Juwana" -> "Pati", "ALL" -> "all"),
    so that one case is one run whatever alias asked for it. A name that is not known (the
    user's own case), or a study's tables that cannot be read here, leave it as given: it is
    checked against the data when the run's inputs are loaded."""
    choice = parameters.get(spec.selector)
    if choice is None:
        return dict(parameters)
    try:
        resolved = spec.resolve(str(choice))
    except (ValueError, OSError, KeyError):
        resolved = " ".join(str(choice).split())
    return {**parameters, spec.selector: resolved}


def check_run_name(name: str) -> str:
    """A run name is a folder under reports/<study>/: lower-case letters, digits, - and _,
    starting with a letter or digit, at most 60 characters. Anything else (a path, `..`)
    is refused before anything is written."""
    text = str(name)
    if not (0 < len(text) <= RUN_NAME_LIMIT and set(text) <= RUN_NAME_CHARACTERS and text[0] not in "-_"):
        raise RunError(f"Run name {text[:80]!r} is not allowed: a run name holds lower-case letters, digits, "
                       f"- and _, starts with a letter or digit, and has at most {RUN_NAME_LIMIT} characters.")
    return text


def run_folder(reports_dir: Path, run: Run) -> Path:
    """reports/[<lang>/]<study>/<run>/, checked to lie inside the edition's <study>/ folder."""
    study_dir = (edition_folder(reports_dir, run.lang) / run.study).resolve()
    target = (study_dir / check_run_name(run.name)).resolve()
    if target.parent != study_dir:
        raise RunError(f"Run {run.label} would be published outside {study_dir}; refused.")
    return target


def name_from(spec: contract.Study, parameters: dict) -> str:
    """A readable, stable run name from the canonical parameter values (file names by their
    stem); "all" when every parameter has its default."""
    words = []
    for name, value in parameters.items():
        if name == contract.LANG:   # the edition's folder says it
            continue
        if name in PATH_PARAMETERS:
            words.append(Path(str(value)).stem) if value else None
        elif name == spec.selector and str(value) == contract.ALL and len(parameters) > 1:
            continue
        else:
            words.append(str(value))
    return "-".join(slugify(word) for word in words if slugify(word))[:RUN_NAME_LIMIT].strip("-") or contract.ALL


def sweep(parameters: dict) -> list[dict]:
    """One parameter set per combination of the values given as lists (a sweep)."""
    keys = list(parameters)
    values = [v if isinstance(v, list) else [v] for v in parameters.values()]
    return [dict(zip(keys, combination)) for combination in itertools.product(*values)]


def expand(spec: contract.Study, name: str, parameters: dict) -> list[Run]:
    """The runs of one [[run]] entry or command: a list of values (or, for a study that takes
    a file, a folder of files as `user_data`: one per file and one comparing them all) expands
    to one run per value or combination. A
    sweep's runs are named from their values (after `name`, when one is given)."""
    parameters = dict(parameters)
    data = parameters.get(contract.USER_DATA)
    if spec.user_data == "file" and isinstance(data, str) and data and (PROJECT_ROOT / data).is_dir():
        folder = PROJECT_ROOT / data
        files = sorted(str(p) for p in folder.iterdir() if p.suffix.lower() in SURVEY_SUFFIXES and p.is_file())
        if not files:
            raise RunError(f"{display_path(folder)}: no survey files ({', '.join(SURVEY_SUFFIXES)}) in this folder.")
        parameters[contract.USER_DATA] = [*files, data]   # one run per file, and one comparing them all
    combinations = sweep(parameters)
    many = len(combinations) > 1
    runs = []
    for values in combinations:
        values = canonical(spec, check_parameters(spec, values))
        own = name_from(spec, values)
        runs.append(Run(spec.name, check_run_name(f"{name}-{own}"[:RUN_NAME_LIMIT] if name and many else name or own),
                        values))
    return runs


def load_runs(registry: contract.Registry, config: Path = RUNS_CONFIG) -> list[Run]:
    """The configured runs, sweeps expanded, in the order of the config file."""
    entries = tomllib.loads(Path(config).read_text(encoding="utf-8")).get("run", [])
    runs = [run for entry in entries
            for run in expand(study_of(entry["study"], registry), entry.get("name", ""), dict(entry.get("parameters", {})))]
    names = [(run.lang, run.study, run.name) for run in runs]
    duplicates = sorted({n[1:] if n[0] == DEFAULT_LANGUAGE else n for n in names if names.count(n) > 1})
    if duplicates:
        raise RunError(f"{config}: run names must be unique per study and language; repeated: {duplicates}")
    return runs


def resolve_path_parameters(parameters: dict, base: Path) -> dict:
    """Make relative folder and file parameters absolute against `base` (where the user is)."""
    def absolute(value):
        if isinstance(value, list):
            return [absolute(v) for v in value]
        return str((Path(base) / value).resolve()) if value and not Path(str(value)).is_absolute() else value
    return {name: absolute(value) if name in PATH_PARAMETERS else value for name, value in parameters.items()}


def split_values(parameters: dict) -> dict:
    """Command-line values with commas (`-p district Klaten,Pati`) as lists: a sweep."""
    return {name: [v.strip() for v in value.split(",") if v.strip()] if isinstance(value, str) and "," in value
            else value for name, value in parameters.items()}


def runs_for(registry: contract.Registry, study: str, parameters: dict, configured: list[Run],
             name: str = "") -> list[Run]:
    """The runs a command asks for: one, or a sweep. A run with the same canonical parameters
    as a configured run publishes to that run's folder."""
    spec = study_of(study, registry)
    requested = expand(spec, name, split_values(parameters))
    if name:
        return requested
    effective = {}
    defaults = {n: d for n, d in contract.declared_parameters(spec.notebook).items() if n not in RUNNER_PARAMETERS}
    for run in configured:
        if run.study == study:
            values = resolve_path_parameters({**defaults, **run.parameters}, PROJECT_ROOT)
            effective.setdefault(json.dumps(values, sort_keys=True), run.name)
    return [Run(study, effective.get(json.dumps(resolve_path_parameters({**defaults, **run.parameters},
                                                                         PROJECT_ROOT), sort_keys=True), run.name),
                run.parameters) for run in requested]


# --- What a run depends on -------------------------------------------------------------------

def digest(*parts: bytes) -> str:
    """One SHA-256 over several byte strings (each hashed first, so their boundaries count)."""
    combined = hashlib.sha256()
    for part in parts:
        combined.update(hashlib.sha256(part).digest())
    return combined.hexdigest()


def forget_file_states() -> None:
    """Start a build: the source and the data folders are listed and hashed again, once per
    build however many runs read them (a long-lived process, JupyterLab's or a test's, sees
    every edit made since its last build); unchanged files are not read again."""
    source_digest.cache_clear()
    folder_hashes.cache_clear()


@cache
def source_digest() -> str:
    """One hash of the package's files (all of them: any may shape a report, the message
    catalogues included), bytecode left out."""
    files = sorted(p for p in (PROJECT_ROOT / "src" / "workbench").rglob("*")
                   if p.is_file() and "__pycache__" not in p.parts)
    return digest(*(f"{p.relative_to(PROJECT_ROOT)}\n{file_digest(p)}".encode() for p in files))


def file_digest(path: Path) -> str:
    """A file's SHA-256, computed again only when its size or times change."""
    state = Path(path).stat()
    return _file_digest(Path(path), state.st_size, state.st_mtime_ns, state.st_ctime_ns, state.st_ino)


@cache
def _file_digest(path: Path, *state: int) -> str:
    return provenance.sha256(path)


@cache
def versions_digest() -> str:
    """One hash of the versions of Python and every pinned package."""
    return digest(json.dumps(provenance.pinned_versions(), sort_keys=True).encode())


@cache
def folder_hashes(folder: Path, outside: str = "") -> dict[str, str]:
    """SHA-256 of every file of a folder (or of one file), by its path in the project or, for
    files outside it, by their path below the folder given, after `outside/` when given (no
    path of the user's machine is recorded)."""
    folder = Path(folder)
    if folder.resolve().is_relative_to(PROJECT_ROOT):
        base, prefix = PROJECT_ROOT, ""
    else:
        base, prefix = (folder if folder.is_dir() else folder.parent), f"{outside}/" if outside else ""
    return {prefix + str(p.resolve().relative_to(base.resolve())): file_digest(p) for p in provenance.files_in(folder)}


def build_key(spec: contract.Study, run: Run) -> dict:
    """What the run's outputs depend on, each as a hash, and the key over all of them."""
    data = {}
    root = PROJECT_ROOT / str(run.parameters[contract.DATA_DIR]) if run.parameters.get(contract.DATA_DIR) else RAW_DIR
    for name in spec.data_folders():
        data |= folder_hashes(root / name, f"data_dir/{name}")
    if run.parameters.get(contract.USER_DATA):
        user = PROJECT_ROOT / split_sheet(run.parameters[contract.USER_DATA])[0]
        data |= {f"user_data/{path}": digest for path, digest in folder_hashes(user).items()}
    parts = {"notebook": file_digest(spec.notebook), "source": source_digest(),
             "parameters": digest(json.dumps(run.parameters, sort_keys=True).encode()),
             "data": digest(json.dumps(data, sort_keys=True).encode()), "versions": versions_digest()}
    return {"key": digest(json.dumps(parts, sort_keys=True).encode()), **parts, "files": data}


def why_stale(run: Run, key: dict, reports_dir: Path = REPORTS_DIR) -> str:
    """Why a run must be executed (new, or what changed since its published key); "" when its
    published outputs are current."""
    manifest = run_folder(reports_dir, run) / "run.json"
    if not manifest.is_file():
        return "new"
    try:
        old = json.loads(manifest.read_text(encoding="utf-8")).get("build_key", {})
    except (OSError, ValueError):
        return "run.json unreadable"
    if old.get("key") == key["key"]:
        return ""
    reasons = [part for part in ("notebook", "source", "parameters", "versions") if old.get(part) != key[part]]
    if old.get("data") != key["data"]:
        changed = sorted(p for p in set(key["files"]) | set(old.get("files", {}))
                         if key["files"].get(p) != old.get("files", {}).get(p))
        reasons.append("data: " + ", ".join(changed[:3]) + (f" and {len(changed) - 3} more" if len(changed) > 3 else ""))
    return "changed " + "; ".join(reasons) if reasons else "changed"


# --- Publishing ----------------------------------------------------------------------------

SITE_PAGE = "report.html"


def publish(files: dict[str, bytes], target: Path) -> Path:
    """Write a run's files into a staging folder beside `target` and swap it in: the previous
    report stays until the new one is complete, and no staging folder outlives the call. The
    run's page on the site (report.html, which the site step writes) is carried over, so the
    site keeps a page for the run until it is rebuilt; the site is marked stale."""
    study_dir = target.parent
    staging = study_dir / f".staging-{target.name}"
    previous = study_dir / f".previous-{target.name}"
    shutil.rmtree(staging, ignore_errors=True)
    try:
        for relative, data in files.items():
            path = staging / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
        if (target / SITE_PAGE).is_file() and SITE_PAGE not in files:
            shutil.copy2(target / SITE_PAGE, staging / SITE_PAGE)
        site_stamp(study_dir.parent).unlink(missing_ok=True)
        shutil.rmtree(previous, ignore_errors=True)
        if target.exists():
            target.rename(previous)
        staging.rename(target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
        if previous.exists() and not target.exists():
            previous.rename(target)
        shutil.rmtree(previous, ignore_errors=True)
    (study_dir / f"{target.name}.failed.ipynb").unlink(missing_ok=True)
    return target


def manifest(run: Run, spec: contract.Study, parameters: dict, files: dict[str, bytes], key: dict,
             illustrative: bool) -> bytes:
    """run.json: the run, its parameters as the notebook got them, its provenance and its
    build key."""
    folders = [RAW_DIR / name for name in spec.data_folders()] if not run.parameters.get(contract.DATA_DIR) else []
    source = provenance.commit_of(provenance.input_paths(run.study, list(spec.data_folders())))
    inputs = {path: hashlib.sha256(data).hexdigest() for path, data in sorted(files.items()) if path.startswith("input/")}
    command_parameters = {k: (v if k not in PATH_PARAMETERS or not Path(str(v)).is_absolute() else Path(str(v)).name)
                          for k, v in run.parameters.items()}
    data = {path: value for folder in folders for path, value in folder_hashes(folder).items()} | inputs
    return (json.dumps({
        "study": run.study, "name": run.name, "title": spec.title, "illustrative": illustrative,
        "parameters": parameters, "build_key": key,
        "provenance": {**source, "versions": provenance.pinned_versions(), "data": data,
                       "command": provenance.rebuild_command(run.study, run.name, command_parameters, source["commit"])},
    }, indent=2, sort_keys=True, ensure_ascii=False) + "\n").encode("utf-8")
