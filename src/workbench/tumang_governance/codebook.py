"""Study 3's codebook: the published case, the two frameworks and the verdicts."""

import pandas as pd

from workbench.tumang_governance import CASE_ALIASES

PUBLISHED_CASE = next(iter(CASE_ALIASES))
FRAMEWORKS = pd.DataFrame(
    [("deseve", "DeSeve (2007): collaborative governance", "deseve_indicators", "indicator"),
     ("pyke", "Pyke (1992): small-industry development", "pyke_principles", "principle")],
    columns=["framework", "framework_label", "file", "item_column"])
VERDICTS = {"achieved_quite_well": "achieved quite well (tercapai cukup baik)",
            "not_achieved_quite_well": "not achieved quite well",
            "not_named": "not named in the source"}
VERDICT_COLOURS = {"achieved_quite_well": "#74c476", "not_achieved_quite_well": "#fb6a4a", "not_named": "#d9d9d9",
                   "not_assessed": "#ffffff"}
VERDICT_MARKS = {"achieved_quite_well": "✓", "not_achieved_quite_well": "✗", "not_named": "–", "not_assessed": "·"}
