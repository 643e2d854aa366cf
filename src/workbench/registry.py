"""The studies of the workbench, in the order the report index shows them.

Each name is one module (src/workbench/<name>/), one notebook (notebooks/<name>.ipynb)
and one data folder (data/raw/<name>/). `workbench new-study NAME` adds a line here.
"""

STUDIES = [
    "metal_clusters",
    "led_synergism",
    "tumang_governance",
    "synthesis",
]
