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

from workbench.core.study import GuardProbe, Study
from workbench.metal_clusters.codebook import (ASPECTS, DISTRICT_LABELS, DISTRICTS, LINKAGES, MODES,
                                               PROBLEM_AREAS, RESPONSES, SURVEY_LINKAGES)
from workbench.metal_clusters.data import (MetalClusterStudy, cluster_dynamics, cooperation_counts,
                                           cooperation_shares, load_study, problem_solving, processed_tables)
from workbench.metal_clusters.figures import (plot_cluster_dynamics, plot_cluster_model, plot_cooperation,
                                              plot_problem_solving)
from workbench.metal_clusters.tables import (cooperation_caption, cooperation_table, describe_cooperation,
                                             describe_dynamics, describe_problem_solving, district_profile,
                                             dynamics_table, headline, problem_solving_table,
                                             strongest_and_weakest)
from workbench.metal_clusters.user_data import (aggregate_survey, read_district_summary, read_firm_survey,
                                                read_survey, summary_tables)

STUDY = Study(
    name="metal_clusters",
    title="Metal-industry clusters in Central Java: Klaten (Ceper), Pati (Juwana), Tegal",
    selector="district",
    published={name: tuple(aliases) for name, aliases in DISTRICTS.items()},
    user_data="file",
    source="metal_clusters_report",
    headline=headline,
    load=load_study,
    processed_tables=processed_tables,
    guard=GuardProbe(resource="table8_problem_solving", row={"location": "Pati"}, column="production", value="2",
                     shows="cells: [3, 2, 3, 2, 4, 3, 2, 3, 3, 3, 3, 3]"),
)

__all__ = ["ASPECTS", "DISTRICT_LABELS", "DISTRICTS", "LINKAGES", "MODES", "PROBLEM_AREAS", "RESPONSES",
           "STUDY", "SURVEY_LINKAGES", "MetalClusterStudy", "aggregate_survey", "cluster_dynamics",
           "cooperation_counts", "cooperation_caption", "cooperation_shares", "cooperation_table",
           "describe_cooperation", "describe_dynamics", "describe_problem_solving", "district_profile",
           "dynamics_table", "load_study", "plot_cluster_dynamics", "plot_cluster_model", "plot_cooperation",
           "plot_problem_solving", "problem_solving", "problem_solving_table", "processed_tables",
           "read_district_summary", "read_firm_survey", "read_survey", "strongest_and_weakest", "summary_tables"]
