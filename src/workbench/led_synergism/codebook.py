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

from workbench.core.i18n import N_, _
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
# The words that end a range in Tabel 4.2's process lines ("bervariasi dari tinggi sampai kurang"),
# as process levels: Tabel 2.1 grades commitment and participation "tinggi" or "kurang"; the
# text also writes "rendah" (low); "nihil" is the bottom rung of section II's participation
# ladder ("nihil (tanpa partisipasi)").
RANGE_WORD_LEVELS = {"tinggi": "high", "kurang": "low", "rendah": "low", "nihil": "none"}
PROCESS_SUB_ITEMS = ["leadership_commitment", "government_agency_commitment", "business_commitment",
                     "community_participation"]
ROLES = ["none", "driver", "obstacle", "both"]
GROUP_LABELS = {"government": N_("Pemerintah / Government"), "business": N_('Badan usaha, "pasar" / Business, "market"'),
                "community_organisation": N_("Organisasi masyarakat / Community organisations")}
# The coded levels, roles and statuses as a reader sees them (the codes stay in the data).
LEVEL_WORDS = {
    "comprehensive": N_("comprehensive"), "partly_systemised": N_("partly systemised"),
    "not_systemised": N_("not systemised"), "no_collaboration": N_("no collaboration"),
    "agreed_by_all": N_("agreed by all"), "agreed_by_some": N_("agreed by some"), "not_agreed": N_("not agreed"),
    "none": N_("none"), "high": N_("high"), "varied": N_("varied"), "low": N_("low"), "optimal": N_("optimal"),
    "improved_not_optimal_or_uneven": N_("improved, not optimal or uneven"),
    "improved_not_optimal_and_uneven": N_("improved, not optimal and uneven"),
    "unchanged": N_("unchanged"), "declined": N_("declined")}
ROLE_WORDS = {"none": N_("neither"), "driver": N_("driver (pendorong)"), "obstacle": N_("obstacle (kendala)"),
              "both": N_("both")}
STATUS_WORDS = {"fits": N_("fits"), "incomplete coding": N_("incomplete coding"),
                "fits several categories": N_("fits several categories"), "no category fits": N_("no category fits")}
# The headers of this study's tables (made from their column names), marked for the catalogue.
COLUMN_HEADERS = (N_("Area"), N_("Attribute"), N_("Label"), N_("Activities"), N_("Component group id"),
                  N_("Dimension"), N_("Sub item id"), N_("Category"), N_("Category id"), N_("System"),
                  N_("Common goal"), N_("Process"), N_("Effect"), N_("Status"), N_("Factor id"), N_("Factor"),
                  N_("Driver"), N_("Obstacle"), N_("Remark"), N_("Cause"), N_("Section"), N_("Sentence"),
                  N_("Root cause"), N_("Trigger"), N_("Triggered"), N_("Causes"), N_("Layer"), N_("Listed in Tabel 4.4"),
                  N_("Derived trigger"), N_("Explanation"), N_("Published category id"), N_("Printed"), N_("Value"),
                  N_("Qualifier"), N_("Unit"), N_("Sentence"), N_("Cited source"), N_("Number"), N_("Component"),
                  N_("Component group"), N_("Letter"), N_("Activity"), N_("Level"), N_("Rationale"), N_("Role"),
                  N_("Order"), N_("Factor as printed"), N_("Indication"), N_("Source"), N_("Dimension id"))


def level_words(level: str) -> str:
    """A coded level in words, in the language in use."""
    return _(LEVEL_WORDS.get(level, level))


def classification_columns() -> dict:
    """How the classification table shows its codes: levels, status and roles in words."""
    from workbench.core.tables import Column
    levels = Column(labels=LEVEL_WORDS)
    return {**{dimension: levels for dimension in LEVELS}, "status": Column(labels=STATUS_WORDS)}


def coded_columns() -> dict:
    """How the coding of Tabel 4.2 shows its levels: in words."""
    from workbench.core.tables import Column
    return {"level": Column(labels=LEVEL_WORDS)}


def role_column() -> dict:
    """How a table of roles shows them: driver, obstacle, both or neither, in words."""
    from workbench.core.tables import Column
    return Column(labels=ROLE_WORDS)
