"""Write the illustrative firm surveys: one fictional district, and 40 for the comparison (fixed seeds).

    python scripts/make_illustrative_survey.py

The file is made-up example data for the metal-cluster notebook's survey input; its
districts are named "(illustrative)" so every output that shows them says so.
tests/test_survey.py checks that the committed files are what this script writes.
"""

from workbench.core.outputs import write_csv
from workbench.core.paths import PROJECT_ROOT
from workbench.metal_clusters.illustrative import illustrative_districts, illustrative_survey

TARGET = PROJECT_ROOT / "data" / "examples" / "illustrative_firm_survey.csv"
COMPARISON = PROJECT_ROOT / "data" / "examples" / "illustrative_forty_districts.csv"

if __name__ == "__main__":
    write_csv(illustrative_survey(), TARGET)
    write_csv(illustrative_districts(), COMPARISON)
    print(f"wrote {TARGET} and {COMPARISON}")
