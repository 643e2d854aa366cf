"""Study 2: synergism of local economic development (PEL) components (seed 002).

KTM Telang (Banyuasin) and KTM Batu Betumpang (Bangka Selatan): activities by
component (Tabel 4.1), the four dimensions of synergism (Tabel 4.2) classified
into the six categories of Tabel 2.1, driver and obstacle factors (Tabel 4.3),
trigger factors (Tabel 4.4) and the problem trees (Gambar 4.3, 4.4), which are
reconstructed from the prose.

The flow: `codebook` (levels, dimensions, groups) -> `data` (validated tables and what
is derived) <- `user_data` (a user's own area); `classifier` (Tabel 2.1 as rules) and
`tree` (the problem trees as graphs) derive; `audit` checks; `tables` and `figures`
show. The coding scheme is documented in `workbench.led_synergism.codebook`.

`load_study()` returns an `LedStudy` whose tidy tables have these columns:

- `activities` (Tabel 4.1): number, component, component_group, component_group_id, area, letter, activity.
- `findings` (Tabel 4.2): number, dimension, dimension_id, sub_item, sub_item_id, area, finding.
- `coded` (the workbench's coding of Tabel 4.2): area, dimension_id, sub_item_id, level, rationale.
- `classification`: area, system, common_goal, process, effect (levels), status,
  category_id, category_en, reason, published_category_id.
- `factor_roles` (Tabel 4.3): factor_id, factor, factor_en, area, role (driver,
  obstacle, both, none).
- `edges` (reconstruction): area, cause, effect, section, sentence.
- `tree` (from the edges): area, factor_id, root_cause, trigger, triggered, layer.
- `audit`: table, cell, published, recomputed, agrees, note.
"""

from workbench.core.study import GuardProbe, Study
from workbench.led_synergism.classifier import CATEGORY_RULES, Classification, area_levels, classify, process_level
from workbench.led_synergism.codebook import (DIMENSIONS, GROUP_LABELS, LEVELS, PROCESS_SUB_ITEMS,
                                              PUBLISHED_AREAS, ROLES)
from workbench.led_synergism.data import (LedStudy, classification_table, factor_roles, load_study,
                                          processed_tables, role_counts)
from workbench.led_synergism.figures import (plot_activities, plot_dimension_findings, plot_factor_matrix,
                                             plot_problem_tree)
from workbench.led_synergism.tables import activity_counts, findings_side_by_side, headline, profile_table
from workbench.led_synergism.tree import problem_tree, tree_graph, trigger_comparison
from workbench.led_synergism.user_data import read_new_area

STUDY = Study(
    name="led_synergism",
    title="Synergism of local economic development (PEL) components: KTM Telang and Batu Betumpang",
    selector="area",
    published={name: tuple(aliases) for name, aliases in PUBLISHED_AREAS.items()},
    all_aliases=("both",),
    user_data="folder",
    source="najiyati2015",
    headline=headline,
    load=load_study,
    processed_tables=processed_tables,
    guard=GuardProbe(resource="table4_1_activities", column="area", value="Telang",
                     row={"number": "20", "area": "Batu Betumpang", "activity": "Angkutan perintis"},
                     shows="bars 'Telang': width=[43, 11, 5]"),
)

__all__ = ["CATEGORY_RULES", "DIMENSIONS", "GROUP_LABELS", "LEVELS", "PROCESS_SUB_ITEMS", "PUBLISHED_AREAS", "ROLES",
           "STUDY", "Classification", "LedStudy", "activity_counts", "area_levels", "classification_table",
           "classify", "factor_roles", "findings_side_by_side", "load_study", "plot_activities",
           "plot_dimension_findings", "plot_factor_matrix", "plot_problem_tree", "problem_tree", "process_level",
           "processed_tables", "profile_table", "read_new_area", "role_counts", "tree_graph",
           "trigger_comparison"]
