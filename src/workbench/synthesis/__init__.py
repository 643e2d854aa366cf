"""Study 4: what the three studies say together, a cross-study synthesis.

The three studies measure overlapping things under different names. A crosswalk
(`data/raw/synthesis/crosswalk.csv`, the workbench's reading, each pairing quoting the
study's own words) pairs each shared construct (trust, cooperation and networks,
information, skills, leadership and governance, access to resources and markets,
commitment and a common purpose) with the items of each study's framework: JICA's
cluster-dynamics indicators and the cooperation tables of study 1, the PEL factors of
study 2, DeSeve's indicators and Pyke's principles of study 3; or says that a framework
has no counterpart. The findings are computed from the three studies' raw tables, each
naming the cells it comes from, and read on one shared scale (`frameworks`).

The flow: `frameworks` (where each framework's items are, and how a finding is read) ->
`data` (the crosswalk validated against the studies' data, the findings, the quote audit)
-> `tables` (summary and texts) and `figures`.

`load_study()` returns a `SynthesisStudy` whose tidy tables have these columns:

- `crosswalk`: construct_id, framework, item_id, item_en, counterpart, workbench_reading,
  quote, quote_place, reason.
- `findings`: construct_id, construct_en, construct_name (in the reader's language), study, framework, tables, item_id, item_en, quote,
  workbench_reading, case, measure, value, reading (favourable, unfavourable, both,
  no direction), cells.
- `audit`: each pairing's quote set against the cell it cites.
"""

import lazy_loader

__getattr__, __dir__, __all__ = lazy_loader.attach_stub(__name__, __file__)
