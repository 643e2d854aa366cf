"""The names of workbench.led_synergism, for editors and type checkers; at run time
lazy_loader reads this file and imports each submodule when a name of it is first used."""

from .declaration import PUBLISHED_AREAS as PUBLISHED_AREAS, STUDY as STUDY
from .classifier import (
    area_levels as area_levels,
    CATEGORY_RULES as CATEGORY_RULES,
    Classification as Classification,
    classify as classify,
    process_level as process_level,
)
from .codebook import (
    classification_columns as classification_columns,
    coded_columns as coded_columns,
    DIMENSIONS as DIMENSIONS,
    GROUP_LABELS as GROUP_LABELS,
    LEVELS as LEVELS,
    PROCESS_SUB_ITEMS as PROCESS_SUB_ITEMS,
    ROLES as ROLES,
    role_column as role_column,
)
from .data import (
    classification_table as classification_table,
    factor_roles as factor_roles,
    LedStudy as LedStudy,
    load_study as load_study,
    processed_tables as processed_tables,
    role_counts as role_counts,
)
from .figures import (
    activities_alt as activities_alt,
    dimension_findings_alt as dimension_findings_alt,
    factor_matrix_alt as factor_matrix_alt,
    plot_activities as plot_activities,
    plot_dimension_findings as plot_dimension_findings,
    plot_factor_matrix as plot_factor_matrix,
    plot_problem_tree as plot_problem_tree,
    problem_tree_alt as problem_tree_alt,
)
from .tables import (
    activity_counts as activity_counts,
    findings_side_by_side as findings_side_by_side,
    headline as headline,
    profile_table as profile_table,
)
from .tree import (
    problem_tree as problem_tree,
    tree_graph as tree_graph,
    trigger_comparison as trigger_comparison,
)
from .user_data import (
    read_new_area as read_new_area,
)
