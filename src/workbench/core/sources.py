"""Where a study's raw tables come from, as tables a notebook shows beside its results."""

import pandas as pd

from workbench.core.datapackage import DataPackage
from workbench.core.i18n import N_, _
from workbench.core.paths import display_path

WORKBENCH_SOURCE = {"document": N_("the workbench (not published)"), "table": "—"}


def provenance(package: DataPackage, names: list[str] | None = None) -> pd.DataFrame:
    """Where each raw table comes from: file, source (by its citation, from the package's
    `sources`, not by a file a reader cannot open), table number and title (for the
    workbench's own files, its description). All published resources by default."""
    cited = {source["path"]: source["title"] for source in package.descriptor.get("sources", [])}
    rows = []
    for name in names or package.published():
        resource = package.resource(name)
        source = resource.get("source", {**WORKBENCH_SOURCE, "title": _(resource["description"])})
        rows.append({"file": display_path(package.path(name)), "source": _(cited.get(source["document"], source["document"])),
                     "table": _(source["table"]), "published_title": _(source["title"])})
    return pd.DataFrame(rows)


def sources_cited_once(table: pd.DataFrame) -> tuple[pd.DataFrame, list[str]]:
    """`provenance` for reading: each source named once, in a note under the table ("[1] Chapter
    IV, ..."), and by its number in the rows, instead of the same long citation on every row."""
    numbers = {source: number for number, source in enumerate(dict.fromkeys(table["source"]), start=1)}
    shown = table.assign(source=table["source"].map(lambda source: f"[{numbers[source]}]"))
    return shown, [f"[{number}] {source}" for source, number in numbers.items()]


def transcription_notes(package: DataPackage, names: list[str] | None = None) -> pd.DataFrame:
    """Every transcription note of the given tables (missing or ambiguous cells, oddities); the
    file relative to the study's data folder, "(all)" where a note concerns a whole row or column."""
    rows = [{"file": resource["path"], "row": note.get("row") or _("(all)"), "column": note.get("column") or _("(all)"),
             "note": _(note["note"])}
            for resource in map(package.resource, names or package.published())
            for note in resource.get("notes", [])]
    return pd.DataFrame(rows, columns=["file", "row", "column", "note"])
