"""What tumang_governance declares to the workbench: its cases and its `Study` (read by the
registry without importing the study's heavy modules)."""

from workbench.core.i18n import N_
from workbench.core.study import Study, lazy

CASE_ALIASES = {"Tumang": ("Tumang, Cepogo", "Cepogo", "Desa Cepogo")}

STUDY = Study(
    name="tumang_governance",
    title=N_("Collaborative governance of the Tumang metal-crafts cluster (Cepogo, Boyolali)"),
    selector=N_("case"),
    published=CASE_ALIASES,
    user_data="folder",
    source="lasmana_tumang",
    languages=("en", "id"),
    load=lazy("workbench.tumang_governance.data:load_study"),
    processed_tables=lazy("workbench.tumang_governance.data:processed_tables"),
)
