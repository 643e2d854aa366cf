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

import lazy_loader

__getattr__, __dir__, __all__ = lazy_loader.attach_stub(__name__, __file__)
