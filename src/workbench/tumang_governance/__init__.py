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

from workbench.core.study import GuardProbe, Study, lazy, lazy_exports

CASE_ALIASES = {"Tumang": ("Tumang, Cepogo", "Cepogo", "Desa Cepogo")}

STUDY = Study(
    name="tumang_governance",
    title="Collaborative governance of the Tumang metal-crafts cluster (Cepogo, Boyolali)",
    selector="case",
    published=CASE_ALIASES,
    user_data="folder",
    source="lasmana_tumang",
    load=lazy("workbench.tumang_governance.data:load_study"),
    processed_tables=lazy("workbench.tumang_governance.data:processed_tables"),
    guard=GuardProbe(resource="deseve_indicators", row={"case": "Tumang", "number": "4"}, column="verdict",
                     value="not_achieved_quite_well", shows="4. Governance [#fb6a4a]"),
)

EXPORTS = {
    "scorecards_alt": "figures",
    "problem_map_alt": "figures",
    "FILES": "user_data",
    "FRAMEWORKS": "codebook",
    "PUBLISHED_CASE": "codebook",
    "TumangStudy": "data",
    "VERDICTS": "codebook",
    "VERDICT_COLOURS": "codebook",
    "headline": "tables",
    "load_study": "data",
    "mapping_problems": "user_data",
    "plot_problem_map": "figures",
    "plot_scorecards": "figures",
    "problem_map": "tables",
    "problem_maps": "tables",
    "processed_tables": "data",
    "quoted_basis": "tables",
    "read_new_case": "user_data",
    "scorecard": "tables",
    "verdict_column": "tables",
    "verdict_summary": "tables",
    "verdict_table": "tables",
}
__getattr__ = lazy_exports(__name__, EXPORTS)
__all__ = ["STUDY", "CASE_ALIASES", *EXPORTS]
