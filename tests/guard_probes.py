"""The nbval guard's probes (tests/guard_probes.toml): per study, the raw cell the guard
changes and the output line that must then differ."""

import json
import tomllib
from pathlib import Path

from workbench.core.paths import PROJECT_ROOT

FIELDS = {"resource", "row", "column", "value", "shows"}   # required; `study` and `shows_in` are optional


def guard_probes(project: Path = PROJECT_ROOT) -> dict[str, dict]:
    """Every study's probe, by study name, as the project's tests/guard_probes.toml gives it."""
    return tomllib.loads((Path(project) / "tests" / "guard_probes.toml").read_text(encoding="utf-8"))


def probe_problems(name: str, probe: dict | None, data_folders: tuple[str, ...], raw_dir: Path) -> list[str]:
    """What is wrong with a study's probe: none, a field missing, a data folder the study does
    not read, or a resource that folder's data package does not describe."""
    if probe is None:
        return [f"tests/guard_probes.toml has no probe for {name}"]
    missing = sorted(FIELDS - set(probe))
    if missing:
        return [f"the guard probe of {name} lacks {', '.join(missing)}"]
    folder = probe.get("study", name)
    if folder not in data_folders:
        return [f"the guard probe changes {folder}'s data, which {name} does not read (it reads: {', '.join(data_folders)})"]
    descriptor = Path(raw_dir) / folder / "datapackage.json"
    resources = json.loads(descriptor.read_text(encoding="utf-8"))["resources"] if descriptor.is_file() else []
    if probe["resource"] not in {resource["name"] for resource in resources}:
        return [f"the guard probe's resource {probe['resource']!r} is not in {folder}'s data package"]
    return []
