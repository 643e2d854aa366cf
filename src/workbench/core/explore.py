"""A study's tidy tables as interactive tables in JupyterLab, for exploring.

`explore(STUDY, "cooperation")` shows one of the tables `workbench.core.study.write_processed`
writes to data/processed/<study>/ (derived afresh from the raw data, or from a `data_dir` of
the user's) with itables: sort by any column, filter, page through. itables runs offline here:
the first call of a kernel also shows DataTables itself, which the later tables use (keep that
output while you explore). The stored notebook outputs that nbval compares never use this:
they show the reading tables of `workbench.core.tables`.
"""

from pathlib import Path

import pandas as pd

from workbench.core.study import Study

_library_shown = False   # per kernel: DataTables is in the page once it has been shown


def tidy_tables(study: Study, data_dir: str | Path = "") -> dict[str, pd.DataFrame]:
    """A study's tidy tables by name, as `write_processed` writes them."""
    return dict(study.processed_tables(study.load(data_dir)))


def tidy_table(study: Study, table: str, data_dir: str | Path = "") -> pd.DataFrame:
    """One of a study's tidy tables; an unknown name raises ValueError listing the tables."""
    tables = tidy_tables(study, data_dir)
    if table not in tables:
        raise ValueError(f"{study.name} has no tidy table {table!r}; its tables are: {', '.join(sorted(tables))}.")
    return tables[table]


def explore(study: Study, table: str, data_dir: str | Path = "", **options) -> None:
    """Show one of a study's tidy tables as an interactive table (itables.show; `options`
    are itables', such as `pageLength=25`), captioned with the study and the table's name."""
    global _library_shown
    import itables

    frame = tidy_table(study, table, data_dir)
    if not _library_shown:
        itables.init_notebook_mode(all_interactive=False, connected=False)
        _library_shown = True
    text = [k for k, name in enumerate(frame.columns) if not pd.api.types.is_numeric_dtype(frame[name])]
    options.setdefault("columnDefs", [{"className": "dt-left", "targets": text}])   # Lab right-aligns every cell
    itables.show(frame, caption=f"{study.name}: {table} ({len(frame)} rows)", connected=False, **options)
