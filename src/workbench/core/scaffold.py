"""`workbench new-study NAME`: the files of a new study, following the study contract.

It writes one module (src/workbench/<name>/__init__.py), one notebook
(notebooks/<name>.ipynb), one data folder (data/raw/<name>/ with its datapackage.json,
an example table and a claims register), lists the package in data/raw/datapackage.json,
adds the registry line, a run to runs.toml and the cell the nbval guard changes to
tests/guard_probes.toml. The example builds, runs and passes the
guard as it is; replace its table, figure and claim with the study's own.
"""

import json
import re
from pathlib import Path

import nbformat

from workbench.core.paths import NOTEBOOKS_DIR, PROJECT_ROOT, RAW_DIR, RUNS_CONFIG
from workbench.core.claims import CLAIMS_SCHEMA
from workbench.core.study import Registry, StudyError

REGISTRY = PROJECT_ROOT / "src" / "workbench" / "registry.py"
GUARD_PROBES = PROJECT_ROOT / "tests" / "guard_probes.toml"   # the raw cell the nbval guard test changes, per study
GUARD_PROBE = """
[{name}]
resource = "observations"
row = {{ case = "Example", item = "first" }}
column = "value"
value = "5"
shows = "width=[5, 2]"
"""

MODULE = '''"""{title}.

A study of the workbench (see workbench.core.study for the contract). The flow:
`load_study` validates the raw tables of data/raw/{name}/, the audit checks the
source's claims (claims.csv), and the notebook shows tables and figures. As the study
grows, split this module by job like the others: data.py, user_data.py, audit.py,
tables.py, figures.py.
"""

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import pandas as pd

from workbench.core.audit import audit_table
from workbench.core.claims import check_claims
from workbench.core.datapackage import DataPackage, load_package
from workbench.core.plotting import drawn_by, figure_for
from workbench.core.study import Study


@dataclass(frozen=True)
class {cls}:
    """The validated raw tables of the study; `cases` in the order of the data."""

    package: DataPackage
    cases: list[str]
    observations: pd.DataFrame
    claims: pd.DataFrame

    @cached_property
    def audit(self) -> pd.DataFrame:
        """The source's claims (claims.csv) checked against its tables."""
        return audit_table(check_claims(self, self.claims, CHECKS))


def total_value(study: {cls}, claim) -> float:
    """The sum of the claim's case's values (observations.csv)."""
    rows = study.observations[study.observations["case"] == claim.subject]
    return float(rows["value"].sum())


CHECKS = {{"total_value": total_value}}


def load_study(data_dir: str | Path = "") -> {cls}:
    """Validate the raw tables (`data_dir` = a folder laid out like data/raw/, "" = the project's)."""
    package = load_package("{name}", data_dir)
    observations = package.read("observations")
    return {cls}(package=package, cases=list(dict.fromkeys(observations["case"])), observations=observations,
              claims=package.read("claims"))


def processed_tables(study: {cls}) -> dict[str, pd.DataFrame]:
    """The tidy tables that data/processed/{name}/ holds."""
    return {{"observations": study.observations, "audit": study.audit}}


@drawn_by
def plot_values(observations: pd.DataFrame, ax=None):
    """Each case's values, one bar per item; draws on `ax` if given and returns the Axes."""
    figure, ax = figure_for(ax, 6, 1.2 + 0.4 * len(observations))
    ax.barh(observations["case"] + ": " + observations["item"], observations["value"].astype(float), label="value")
    ax.invert_yaxis()
    ax.set_xlabel("value")
    ax.set_title("Values by case and item")
    return ax


def values_alt(observations: pd.DataFrame) -> str:
    """Alt text of `plot_values`: what it draws and its highest value."""
    top = observations.loc[observations["value"].astype(float).idxmax()]
    return (f"Bar chart of each case's value on each item; the highest is {{top['case']}}, {{top['item']}}: "
            f"{{float(top['value']):g}}.")


STUDY = Study(
    name="{name}",
    title="{title}",
    selector="case",
    load=load_study,
    processed_tables=processed_tables,
)
'''

NOTEBOOK_CELLS = [
    ("markdown", "# {title}\n\nA study of the workbench. Each section names the table of the source it reproduces, "
                 "shows it, plots it and says what it shows."),
    ("code", 'case: str = "all"  # "all" or one case of the data; any case\n'
             'data_dir: str = ""  # a folder laid out like data/raw/; empty for the project\'s data/raw\n'
             'output_dir: str = ""  # where a run saves figures (PNG, SVG) and tables (CSV); empty to save nothing'),
    ("code", "from IPython.display import Markdown, display\n\n"
             "from workbench import {name} as study_module\n"
             "from workbench.core.report import Report, show\n"
             "from workbench.core.sources import provenance\n"
             "from workbench.core.study import select_case\n\n"
             "report = Report(output_dir)\n"
             "study = study_module.load_study(data_dir)\n"
             "case = study_module.STUDY.resolve(case, study.cases)\n"
             "Markdown(f\"**This run:** case = `{{case}}`; cases in the data: {{', '.join(study.cases)}}.\")"),
    ("markdown", "## Where the data come from"),
    ("code", "show(provenance(study.package))"),
    ("markdown", "## 1. The observations\n\nEvery observation of the example table, one per row "
                 "([the observations table](#observations)), drawn in [the values chart](#values)."),
    ("code", 'observations = select_case(study.observations, case, "case")\n'
             'report.table("observations", observations)'),
    ("code", 'report.figure("values", study_module.plot_values(observations), "Values by case and item",\n'
             '              alt=study_module.values_alt(observations))'),
    ("markdown", "## 2. Reproduction audit\n\nThe source's claims, quoted in `data/raw/{name}/claims.csv`, "
                 "recomputed from its tables."),
    ("code", 'report.table("audit", study.audit)'),
]


def _field(name: str, kind: str, description: str, **constraints) -> dict:
    field = {"name": name, "type": kind, "title": "", "description": description}
    return {**field, "constraints": constraints} if constraints else field


def descriptor(name: str, title: str, claims_schema: dict) -> dict:
    """The new study's datapackage.json: an example table and the claims register."""
    source = {"document": "(the source document)", "table": "Table 1", "title": "(the table's published title)"}
    return {
        "profile": "tabular-data-package", "name": name.replace("_", "-"), "title": f"{title}: raw tables",
        "description": "Tables transcribed exactly as published. Never edited by code.",
        "resources": [
            {"name": "observations", "path": "observations.csv", "source": source,
             "description": "An example table: replace it with the source's own.",
             "schema": {"fields": [_field("case", "string", "The case (district, area, cluster)", required=True),
                                   _field("item", "string", "What is measured", required=True),
                                   _field("value", "number", "The published value", required=True)],
                        "primaryKey": ["case", "item"]},
             "notes": []},
            {"name": "claims", "path": "claims.csv", "source": {**source, "table": "text"},
             "description": "Statements of the source about its tables, quoted, and how the workbench checks them.",
             "schema": claims_schema, "notes": []},
        ],
    }


def scaffold_study(registry: Registry, name: str, title: str = "", root: Path = PROJECT_ROOT) -> list[Path]:
    """Write a new study's module, notebook, data folder, registry line, run and guard probe;
    returns the files."""
    if not re.fullmatch(r"[a-z][a-z0-9_]*", name):
        raise StudyError(f"A study's name is a Python identifier in lower case (letters, digits, _): not {name!r}.")
    module = root / "src" / "workbench" / name
    notebook = root / NOTEBOOKS_DIR.relative_to(PROJECT_ROOT) / f"{name}.ipynb"
    data = root / RAW_DIR.relative_to(PROJECT_ROOT) / name
    taken = [p for p in (module, notebook, data) if p.exists()]
    if name in registry.names or taken:
        raise StudyError(f"A study named {name!r} exists already: " + ", ".join(map(str, taken or ["registry"])))
    title = title or name.replace("_", " ").capitalize()
    values = {"name": name, "title": title, "cls": "".join(p.title() for p in name.split("_")) + "Study"}

    module.mkdir(parents=True)
    (module / "__init__.py").write_text(MODULE.format(**values), encoding="utf-8")
    book = nbformat.v4.new_notebook()
    book.metadata["kernelspec"] = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}
    for number, (kind, text) in enumerate(NOTEBOOK_CELLS):
        cell = (nbformat.v4.new_markdown_cell if kind == "markdown" else nbformat.v4.new_code_cell)(
            text.format(**values))
        cell.id = f"cell-{number}"
        if number == 1:
            cell.metadata["tags"] = ["parameters"]
        book.cells.append(cell)
    nbformat.write(book, notebook)

    data.mkdir(parents=True)
    (data / "datapackage.json").write_text(json.dumps(descriptor(name, title, CLAIMS_SCHEMA), indent=2,
                                                      ensure_ascii=False) + "\n", encoding="utf-8")
    (data / "observations.csv").write_text("case,item,value\nExample,first,1\nExample,second,2\n", encoding="utf-8")
    (data / "claims.csv").write_text(
        "claim_id,kind,compares,place,line,quote,claim,subject,published,decimals,check,method,"
        "other_place,other_line,other_quote\n"
        "example_total,number,text_vs_table,Text after Table 1,1,(the source's words),the values of Example add up to 3,"
        "Example,3,0,total_value,sum of Example's values,,,\n", encoding="utf-8")

    catalog_path = root / "data" / "raw" / "datapackage.json"
    catalog = json.loads(catalog_path.read_text(encoding="utf-8"))
    catalog["packages"].append({"name": name, "path": f"{name}/datapackage.json"})
    catalog_path.write_text(json.dumps(catalog, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")

    registry = root / REGISTRY.relative_to(PROJECT_ROOT)
    text = registry.read_text(encoding="utf-8")
    registry.write_text(text[:text.rindex("]")] + f'    "{name}",\n' + text[text.rindex("]"):], encoding="utf-8")

    runs = root / RUNS_CONFIG.relative_to(PROJECT_ROOT)
    with open(runs, "a", encoding="utf-8") as handle:
        handle.write(f'\n[[run]]\nstudy = "{name}"\nname = "all"\nparameters = {{ case = "all" }}\n')
    written = [module / "__init__.py", notebook, data / "datapackage.json", data / "observations.csv",
               data / "claims.csv", catalog_path, registry, runs]
    probes = root / GUARD_PROBES.relative_to(PROJECT_ROOT)
    if probes.is_file():   # a project with the workbench's tests: the guard changes the example's cell
        with open(probes, "a", encoding="utf-8") as handle:
            handle.write(GUARD_PROBE.format(name=name))
        written.append(probes)
    return written
