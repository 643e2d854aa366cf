"""What led_synergism declares to the workbench: its cases and its `Study` (read by the
registry without importing the study's heavy modules)."""

from workbench.core.i18n import N_
from workbench.core.study import Study, lazy

PUBLISHED_AREAS = {"Telang": ("KTM Telang", "Kawasan Telang"),
    "Batu Betumpang": ("KTM Batu Betumpang", "Kawasan Batu Betumpang", "Batu-Betumpang")}

STUDY = Study(
    name="led_synergism",
    title=N_("Synergism of local economic development (PEL) components: KTM Telang and Batu Betumpang"),
    selector=N_("area"),
    published=PUBLISHED_AREAS,
    all_aliases=("both",),
    user_data="folder",
    source="najiyati2015",
    languages=("en", "id"),
    load=lazy("workbench.led_synergism.data:load_study"),
    processed_tables=lazy("workbench.led_synergism.data:processed_tables"),
)
