"""Study 2's codebook: areas, dimensions of synergism and their coded levels, factor roles, groups.

Coding scheme (Tabel 2.1 encoded). Each dimension has ordinal levels, best first:

- system: comprehensive > partly_systemised > not_systemised > no_collaboration
- common_goal: agreed_by_all > agreed_by_some > not_agreed > none
- process: high > varied > low > none. Tabel 4.2 gives four process lines
  (leadership, SKPD, business commitment; community participation), each coded
  on these levels; they combine as: all equal -> that level; otherwise "low" when
  at least half are low or none ("umumnya kurang"), else "varied".
- effect: optimal > improved_not_optimal_or_uneven > improved_not_optimal_and_uneven
  > unchanged > declined; none where there is no collaboration. Tabel 2.1's
  less-synergetic criterion ("kurang optimal dan atau tidak merata", and/or)
  admits both improved levels; the fragmented one ("tidak optimal dan tidak
  merata") only the second. Both areas' effect in Tabel 4.2 reads "belum optimal
  dan belum merata", so effect does not separate the two areas; system, common
  goal and process do.
"""

import pandas as pd

from workbench.led_synergism import PUBLISHED_AREAS  # noqa: F401  (the published areas, declared with the study)

DIMENSIONS = pd.DataFrame(
    [("system", "Sistem", "System"), ("common_goal", "Tujuan bersama", "Common goal"),
     ("process", "Proses kolaborasi", "Collaboration process"),
     ("effect", "Efek pada kesejahteraan", "Effect on welfare")],
    columns=["dimension_id", "dimension", "dimension_en"])
LEVELS = {
    "system": ["comprehensive", "partly_systemised", "not_systemised", "no_collaboration"],
    "common_goal": ["agreed_by_all", "agreed_by_some", "not_agreed", "none"],
    "process": ["high", "varied", "low", "none"],
    "effect": ["optimal", "improved_not_optimal_or_uneven", "improved_not_optimal_and_uneven",
               "unchanged", "declined", "none"],
}
PROCESS_SUB_ITEMS = ["leadership_commitment", "government_agency_commitment", "business_commitment",
                     "community_participation"]
ROLES = ["none", "driver", "obstacle", "both"]
GROUP_LABELS = {"government": "Pemerintah / Government", "business": 'Badan usaha, "pasar" / Business, "market"',
                "community_organisation": "Organisasi masyarakat / Community organisations"}
