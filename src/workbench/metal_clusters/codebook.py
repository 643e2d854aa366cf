"""Study 1's codebook: districts, aspects, linkages, responses and problem areas, in both languages.

The Indonesian labels are those the tables print; the English ones are the workbench's.
"""

import pandas as pd

from workbench.core.i18n import N_

from workbench.metal_clusters import DISTRICTS  # noqa: F401  (the published districts, declared with the study)

DISTRICT_LABELS = {"Klaten": "Klaten (Ceper)", "Pati": "Pati (Juwana)", "Tegal": "Tegal"}
ASPECTS = pd.DataFrame(
    [("product", "Produk", "Product"), ("technology", "Teknologi", "Technology"),
     ("market", "Pasar", "Market"), ("skill", "Ketrampilan", "Skill"),
     ("trust", "Kepercayaan", "Trust"), ("information", "Informasi", "Information")],
    columns=["aspect_id", "aspect", "aspect_en"],
)
LINKAGES = pd.DataFrame(
    [("same_kind", "table4_cooperation_same_kind", "IKM sejenis", "Same-kind firms"),
     ("backward", "table5_cooperation_backward", "IKM sebelumnya", "Upstream firms (backward)"),
     ("forward", "table6_cooperation_forward", "IKM sesudahnya", "Downstream firms (forward)"),
     ("supporting", "table7_cooperation_supporting", "Industri/institusi pendukung",
      "Supporting industries and institutions")],
    columns=["linkage_id", "resource", "linkage", "linkage_en"],
)
RESPONSES = pd.DataFrame(
    [("not_cooperating", "Tidak ada", "Does not cooperate"),
     ("passive", "Pasif", "Cooperates passively"),
     ("active", "Aktif", "Cooperates actively"),
     ("proactive", "Proaktif", "Cooperates proactively"),
     ("cooperating_mode_not_asked", "Ada", "Cooperates (how not asked or not stated)")],
    columns=["response_id", "response", "response_en"],
)
MODES = ["passive", "active", "proactive"]
PROBLEM_AREAS = pd.DataFrame(
    [("raw_material", "Bahan Baku", "Raw material"),
     ("auxiliary_material", "Bahan Penolong", "Auxiliary material"),
     ("production", "Produksi", "Production"), ("marketing", "Pemasaran", "Marketing")],
    columns=["problem_area_id", "problem_area", "problem_area_en"],
)
SURVEY_LINKAGES = ["same_kind", "backward", "forward", "supporting"]
# The headers of this study's tables (made from their column names by
# workbench.core.tables.header), marked for the catalogue.
COLUMN_HEADERS = (N_("District"), N_("Body"), N_("Body name"), N_("Core step"), N_("Kind"), N_("Level 1"),
                  N_("Level 2"), N_("Level 3"), N_("Step"), N_("Text"), N_("Title"), N_("Measure"), N_("Item"),
                  N_("Others mean"), N_("Difference"), N_("Firms"), N_("Mean"), N_("Mean low"), N_("Mean high"),
                  N_("Small sample"), N_("Item id"), N_("Test"), N_("Statistic"), N_("Dof"), N_("P value"),
                  N_("Effect"), N_("Effect name"), N_("Observations"), N_("Reason"), N_("Differs"))
ITEM_KINDS = {"member": N_("member"), "task": N_("task"), "criterion": N_("criterion")}


def item_columns() -> dict:
    """How the table of the model's items shows their kind: in words of the reader's language."""
    from workbench.core.tables import Column
    return {"kind": Column(labels=ITEM_KINDS)}
