"""The names of workbench.synthesis, for editors and type checkers; at run time
lazy_loader reads this file and imports each submodule when a name of it is first used."""

from .declaration import STUDY as STUDY
from .data import (
    load_study as load_study,
    processed_tables as processed_tables,
    SynthesisStudy as SynthesisStudy,
)
from .figures import (
    construct_grid_alt as construct_grid_alt,
    plot_construct_grid as plot_construct_grid,
)
from .frameworks import (
    FRAMEWORKS as FRAMEWORKS,
)
from .tables import (
    construct_summary as construct_summary,
    construct_text as construct_text,
    crosswalk_table as crosswalk_table,
    headline as headline,
    LIMITS as LIMITS,
    construct_names as construct_names,
    finding_columns as finding_columns,
    summary_columns as summary_columns,
    limits as limits,
    STUDY_LABELS as STUDY_LABELS,
)
