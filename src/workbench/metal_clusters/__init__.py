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

import lazy_loader

__getattr__, __dir__, __all__ = lazy_loader.attach_stub(__name__, __file__)
