"""Study 1: metal-industry clusters in Central Java (seed 001, chapter IV).

Klaten (Ceper), Pati (Juwana) and Tegal, surveyed on the JICA indicators of
cluster dynamics (Tables 2-3), cooperation along four linkages (Tables 4-7),
problem solving (Table 8) and a seven-step cluster development model (section B).

The flow: `codebook` (names in both languages) -> `data` (validated raw tables, tidy
tables) <- `user_data` (a user's firm survey or district summary) -> `audit` ->
`tables` and `figures` (what the notebook shows). `illustrative` makes a made-up survey.

`load_study()` returns a `MetalClusterStudy` whose tidy tables (one observation
per row) have these columns:

- `dynamics` (Table 3): district, location, aspect_id, aspect, aspect_en, mean,
  minimum, maximum. Scores on the 1-5 scale (1 = sangat kurang dinamis ... 5 =
  sangat dinamis).
- `cooperation` (Tables 4-7): district, location, linkage_id, linkage,
  linkage_en, response_id, response, response_en, firms, share_of_answering
  (% of the firms that answered), share_of_cooperating (% of the cooperating
  firms; empty for non-cooperating firms). Shares are recomputed from the counts.
- `problem_solving` (Table 8): district, location, problem_area_id,
  problem_area, problem_area_en, score.
- `audit`: table, cell, published, recomputed, agrees, note.
- `raw["table2_jica_indicators"]`, `raw["cluster_model_steps"]`, `raw["cluster_model_items"]`:
  Table 2 and section B's model as published, with English.
"""

from workbench.core.study import GuardProbe, Study, lazy, lazy_exports

DISTRICTS = {"Klaten": ("Ceper", "Klaten-Ceper", "Ceper-Klaten"),
    "Pati": ("Juwana", "Pati-Juwana", "Juwana-Pati"),
    "Tegal": ()}

STUDY = Study(
    name="metal_clusters",
    title="Metal-industry clusters in Central Java: Klaten (Ceper), Pati (Juwana), Tegal",
    selector="district",
    published=DISTRICTS,
    user_data="file",
    source="metal_clusters_report",
    load=lazy("workbench.metal_clusters.data:load_study"),
    processed_tables=lazy("workbench.metal_clusters.data:processed_tables"),
    guard=GuardProbe(resource="table8_problem_solving", row={"location": "Pati"}, column="production", value="2",
                     shows="cells: [3, 2, 3, 2, 4, 3, 2, 3, 3, 3, 3, 3]"),
)

EXPORTS = {
    "cluster_dynamics_alt": "figures",
    "cooperation_alt": "figures",
    "problem_solving_alt": "figures",
    "cluster_model_alt": "figures",
    "ASPECTS": "codebook",
    "DISTRICT_LABELS": "codebook",
    "LINKAGES": "codebook",
    "MODES": "codebook",
    "MetalClusterStudy": "data",
    "PROBLEM_AREAS": "codebook",
    "RESPONSES": "codebook",
    "SURVEY_LINKAGES": "codebook",
    "aggregate_survey": "user_data",
    "cluster_dynamics": "data",
    "cooperation_caption": "tables",
    "cooperation_counts": "data",
    "cooperation_shares": "data",
    "cooperation_cells": "tables",
    "COOPERATION_CELLS_NOTE": "tables",
    "cooperation_intervals": "inference",
    "cooperation_table": "tables",
    "cooperation_test_cells": "inference",
    "cooperation_tests": "inference",
    "describe_cooperation_tests": "inference",
    "describe_cooperation": "tables",
    "describe_dynamics": "tables",
    "describe_problem_solving": "tables",
    "district_profile": "tables",
    "dynamics_cells": "tables",
    "dynamics_table": "tables",
    "headline": "tables",
    "load_study": "data",
    "plot_cluster_dynamics": "figures",
    "plot_cluster_model": "figures",
    "plot_cooperation": "figures",
    "plot_problem_solving": "figures",
    "problem_solving": "data",
    "problem_solving_table": "tables",
    "processed_tables": "data",
    "read_district_summary": "user_data",
    "read_firm_survey": "user_data",
    "read_survey": "user_data",
    "score_intervals": "inference",
    "score_tests": "inference",
    "strongest_and_weakest": "tables",
    "summary_tables": "user_data",
    "UNTESTABLE": "inference",
}
__getattr__ = lazy_exports(__name__, EXPORTS)
__all__ = ["STUDY", "DISTRICTS", *EXPORTS]
