"""Write the illustrative firm survey of a fictional district (fixed seed).

    python scripts/make_illustrative_survey.py

The file is made-up example data for the metal-cluster notebook's survey input; its
district is named "(illustrative)" so every output that shows it says so.
tests/test_survey.py checks that the committed file is what this script writes.
"""

from workbench.core.outputs import write_csv
from workbench.core.paths import PROJECT_ROOT
from workbench.metal_clusters.illustrative import illustrative_survey

TARGET = PROJECT_ROOT / "data" / "examples" / "illustrative_firm_survey.csv"

if __name__ == "__main__":
    write_csv(illustrative_survey(), TARGET)
    print(f"wrote {TARGET}")
