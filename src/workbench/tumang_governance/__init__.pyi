"""The names of workbench.tumang_governance, for editors and type checkers; at run time
lazy_loader reads this file and imports each submodule when a name of it is first used."""

from .declaration import CASE_ALIASES as CASE_ALIASES, STUDY as STUDY
from .codebook import (
    FRAMEWORKS as FRAMEWORKS,
    PUBLISHED_CASE as PUBLISHED_CASE,
    VERDICT_COLOURS as VERDICT_COLOURS,
    VERDICTS as VERDICTS,
)
from .data import (
    load_study as load_study,
    processed_tables as processed_tables,
    TumangStudy as TumangStudy,
)
from .figures import (
    plot_problem_map as plot_problem_map,
    plot_scorecards as plot_scorecards,
    problem_map_alt as problem_map_alt,
    scorecards_alt as scorecards_alt,
)
from .tables import (
    headline as headline,
    problem_map as problem_map,
    problem_maps as problem_maps,
    quoted_basis as quoted_basis,
    scorecard as scorecard,
    scorecard_columns as scorecard_columns,
    verdict_column as verdict_column,
    verdict_summary as verdict_summary,
    verdict_table as verdict_table,
)
from .user_data import (
    FILES as FILES,
    mapping_problems as mapping_problems,
    read_new_case as read_new_case,
)
