"""Study 3: collaborative governance of the Tumang copper and brass crafts cluster (seed 003).

A thesis abstract (Indonesian and English) judges DeSeve's (2007) eight indicators
of collaborative governance and Pyke's (1992) principles of small-industry
development as achieved quite well or not, and lists four problems and four
recommendations.

The flow: `codebook` -> `data` (validated tables, verdicts) <- `user_data` (a user's own
craft cluster) -> `tables` (scorecards, problem map) -> `audit` and `figures`.

`load_study()` returns a `TumangStudy` whose tidy tables have these columns:

- `verdicts`: case, framework (deseve, pyke), number, item_id, item, verdict
  (achieved_quite_well, not_achieved_quite_well, not_named), basis, quote_id, quote_en.
- `problems`, `recommendations`: case, number, item_id, text_id, text_en, sentence_id, sentence_en.
- `problem_recommendations`, `recommendation_indicators`: the workbench's reading of
  which recommendation answers which problem and which indicators it touches.
- `audit`: table, cell, published, recomputed, agrees, note.
"""

from workbench.core.study import GuardProbe, Study
from workbench.tumang_governance.codebook import CASE_ALIASES, FRAMEWORKS, PUBLISHED_CASE, VERDICT_COLOURS, VERDICTS
from workbench.tumang_governance.data import TumangStudy, load_study, processed_tables
from workbench.tumang_governance.figures import plot_problem_map, plot_scorecards
from workbench.tumang_governance.tables import (headline, problem_map, problem_maps, quoted_basis, scorecard, verdict_column,
                                                verdict_summary, verdict_table)
from workbench.tumang_governance.user_data import FILES, mapping_problems, read_new_case

STUDY = Study(
    name="tumang_governance",
    title="Collaborative governance of the Tumang metal-crafts cluster (Cepogo, Boyolali)",
    selector="case",
    published={name: tuple(aliases) for name, aliases in CASE_ALIASES.items()},
    user_data="folder",
    source="lasmana_tumang",
    headline=headline,
    load=load_study,
    processed_tables=processed_tables,
    guard=GuardProbe(resource="deseve_indicators", row={"case": "Tumang", "number": "4"}, column="verdict",
                     value="not_achieved_quite_well", shows="4. Governance [#fb6a4a]"),
)

__all__ = ["CASE_ALIASES", "FILES", "FRAMEWORKS", "PUBLISHED_CASE", "STUDY", "TumangStudy", "VERDICTS",
           "VERDICT_COLOURS", "load_study", "mapping_problems", "plot_problem_map", "plot_scorecards",
           "problem_map", "problem_maps", "processed_tables", "quoted_basis", "read_new_case", "scorecard", "verdict_column", "verdict_summary", "verdict_table"]
