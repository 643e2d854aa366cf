"""What metal_clusters declares to the workbench: its cases and its `Study` (read by the
registry without importing the study's heavy modules)."""

from workbench.core.i18n import N_
from workbench.core.study import Study, lazy

DISTRICTS = {"Klaten": ("Ceper", "Klaten-Ceper", "Ceper-Klaten"),
    "Pati": ("Juwana", "Pati-Juwana", "Juwana-Pati"),
    "Tegal": ()}

STUDY = Study(
    name="metal_clusters",
    title=N_("Metal-industry clusters in Central Java: Klaten (Ceper), Pati (Juwana), Tegal"),
    selector=N_("district"),
    published=DISTRICTS,
    user_data="file",
    source="metal_clusters_report",
    languages=("en", "id"),
    load=lazy("workbench.metal_clusters.data:load_study"),
    processed_tables=lazy("workbench.metal_clusters.data:processed_tables"),
)
