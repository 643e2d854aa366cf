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

import lazy_loader

__getattr__, __dir__, __all__ = lazy_loader.attach_stub(__name__, __file__)
