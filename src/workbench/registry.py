"""The studies of the workbench, in the order the report index shows them.

Each name is one module (src/workbench/<name>/), one notebook (notebooks/<name>.ipynb)
and one data folder (data/raw/<name>/). `workbench new-study NAME` adds a line here. The
command line hands REGISTRY to the core, which knows no study of its own.
"""

from workbench.core.study import Registry

STUDIES = [
    "metal_clusters",
    "led_synergism",
    "tumang_governance",
    "synthesis",
]

REGISTRY = Registry(tuple(STUDIES))
