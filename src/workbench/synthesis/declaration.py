"""What synthesis declares to the workbench: its cases and its `Study` (read by the
registry without importing the study's heavy modules)."""

from workbench.core.i18n import N_
from workbench.core.study import Study, lazy

STUDY = Study(
    name="synthesis",
    title=N_("What the three studies say together: a cross-study synthesis"),
    selector=N_("construct"),
    languages=("en", "id"),
    reads=("metal_clusters", "led_synergism", "tumang_governance"),
    load=lazy("workbench.synthesis.data:load_study"),
    processed_tables=lazy("workbench.synthesis.data:processed_tables"),
    choices=lazy("workbench.synthesis.constructs:construct_choices"),
)
