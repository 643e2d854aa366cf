"""The names of workbench.metal_clusters, for editors and type checkers; at run time
lazy_loader reads this file and imports each submodule when a name of it is first used."""

from .declaration import DISTRICTS as DISTRICTS, STUDY as STUDY
from .codebook import (
    ASPECTS as ASPECTS,
    DISTRICT_LABELS as DISTRICT_LABELS,
    item_columns as item_columns,
    LINKAGES as LINKAGES,
    MODES as MODES,
    PROBLEM_AREAS as PROBLEM_AREAS,
    RESPONSES as RESPONSES,
    SURVEY_LINKAGES as SURVEY_LINKAGES,
)
from .data import (
    cluster_dynamics as cluster_dynamics,
    cooperation_counts as cooperation_counts,
    cooperation_shares as cooperation_shares,
    load_study as load_study,
    MetalClusterStudy as MetalClusterStudy,
    problem_solving as problem_solving,
    processed_tables as processed_tables,
)
from .figures import (
    cluster_dynamics_alt as cluster_dynamics_alt,
    cluster_model_alt as cluster_model_alt,
    cooperation_alt as cooperation_alt,
    plot_cluster_dynamics as plot_cluster_dynamics,
    plot_cluster_model as plot_cluster_model,
    plot_cooperation as plot_cooperation,
    plot_problem_solving as plot_problem_solving,
    problem_solving_alt as problem_solving_alt,
)
from .inference import (
    cooperation_intervals as cooperation_intervals,
    cooperation_test_cells as cooperation_test_cells,
    cooperation_tests as cooperation_tests,
    describe_cooperation_tests as describe_cooperation_tests,
    score_intervals as score_intervals,
    score_tests as score_tests,
    UNTESTABLE as UNTESTABLE,
    why_untestable as why_untestable,
)
from .tables import (
    cooperation_caption as cooperation_caption,
    cooperation_cells as cooperation_cells,
    cooperation_cells_note as cooperation_cells_note,
    cooperation_table as cooperation_table,
    describe_cooperation as describe_cooperation,
    describe_dynamics as describe_dynamics,
    describe_problem_solving as describe_problem_solving,
    district_profile as district_profile,
    dynamics_cells as dynamics_cells,
    dynamics_table as dynamics_table,
    headline as headline,
    problem_solving_table as problem_solving_table,
    strongest_and_weakest as strongest_and_weakest,
)
from .user_data import (
    aggregate_survey as aggregate_survey,
    read_district_summary as read_district_summary,
    read_firm_survey as read_firm_survey,
    read_survey as read_survey,
    summary_tables as summary_tables,
)
