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

from workbench.core.study import GuardProbe, Study, lazy, lazy_exports

PUBLISHED_AREAS = {"Telang": ("KTM Telang", "Kawasan Telang"),
    "Batu Betumpang": ("KTM Batu Betumpang", "Kawasan Batu Betumpang", "Batu-Betumpang")}

STUDY = Study(
    name="led_synergism",
    title="Synergism of local economic development (PEL) components: KTM Telang and Batu Betumpang",
    selector="area",
    published=PUBLISHED_AREAS,
    all_aliases=("both",),
    user_data="folder",
    source="najiyati2015",
    load=lazy("workbench.led_synergism.data:load_study"),
    processed_tables=lazy("workbench.led_synergism.data:processed_tables"),
    guard=GuardProbe(resource="table4_1_activities", column="area", value="Telang",
                     row={"number": "20", "area": "Batu Betumpang", "activity": "Angkutan perintis"},
                     shows="bars 'Telang': width=[43, 11, 5]"),
)

EXPORTS = {
    "activities_alt": "figures",
    "dimension_findings_alt": "figures",
    "factor_matrix_alt": "figures",
    "problem_tree_alt": "figures",
    "CATEGORY_RULES": "classifier",
    "Classification": "classifier",
    "DIMENSIONS": "codebook",
    "GROUP_LABELS": "codebook",
    "LEVELS": "codebook",
    "LedStudy": "data",
    "PROCESS_SUB_ITEMS": "codebook",
    "ROLES": "codebook",
    "activity_counts": "tables",
    "area_levels": "classifier",
    "classification_table": "data",
    "classify": "classifier",
    "factor_roles": "data",
    "findings_side_by_side": "tables",
    "headline": "tables",
    "load_study": "data",
    "plot_activities": "figures",
    "plot_dimension_findings": "figures",
    "plot_factor_matrix": "figures",
    "plot_problem_tree": "figures",
    "problem_tree": "tree",
    "process_level": "classifier",
    "processed_tables": "data",
    "profile_table": "tables",
    "read_new_area": "user_data",
    "role_counts": "data",
    "tree_graph": "tree",
    "trigger_comparison": "tree",
}
__getattr__ = lazy_exports(__name__, EXPORTS)
__all__ = ["STUDY", "PUBLISHED_AREAS", *EXPORTS]
