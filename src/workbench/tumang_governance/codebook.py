"""Study 3's codebook: the published case, the two frameworks and the verdicts."""

import pandas as pd

from workbench.core.i18n import N_
from workbench.tumang_governance import CASE_ALIASES

PUBLISHED_CASE = next(iter(CASE_ALIASES))
FRAMEWORKS = pd.DataFrame(
    [("deseve", N_("DeSeve (2007): collaborative governance"), "deseve_indicators", "indicator"),
     ("pyke", N_("Pyke (1992): small-industry development"), "pyke_principles", "principle")],
    columns=["framework", "framework_label", "file", "item_column"])
VERDICTS = {"achieved_quite_well": N_("achieved quite well (tercapai cukup baik)"),
            "not_achieved_quite_well": N_("not achieved quite well"),
            "not_named": N_("not named in the source")}
FRAMEWORK_ITEMS = {"deseve": N_("DeSeve's indicators"), "pyke": N_("Pyke's principles")}
VERDICT_COLOURS = {"achieved_quite_well": "#74c476", "not_achieved_quite_well": "#fb6a4a", "not_named": "#d9d9d9",
                   "not_assessed": "#ffffff"}
VERDICT_MARKS = {"achieved_quite_well": "✓", "not_achieved_quite_well": "✗", "not_named": "–", "not_assessed": "·"}
# The headers of this study's tables (made from their column names by
# workbench.core.tables.header), marked for the catalogue.
COLUMN_HEADERS = (N_("Framework"), N_("Item"), N_("Basis"), N_("Achieved quite well"), N_("Not achieved quite well"),
                  N_("Not named"), N_("Not assessed"), N_("Total"), N_("Share achieved"), N_("Problem"),
                  N_("Recommendation"), N_("Indicator"), N_("Definition"), N_("Reading"), N_("Indicator reading"))
