"""A made-up firm survey of a fictional district, for examples, tests and benchmarks."""

import numpy as np
import pandas as pd

from workbench.core.datapackage import load_package
from workbench.metal_clusters.codebook import ASPECTS, MODES, PROBLEM_AREAS, SURVEY_LINKAGES
ILLUSTRATIVE_DISTRICT = "Kabupaten Contoh (illustrative)"


def illustrative_survey(firms: int = 24, seed: int = 2026, district: str = ILLUSTRATIVE_DISTRICT,
                        shift: float = 0.0) -> pd.DataFrame:
    """A made-up firm survey of a fictional district, for examples and tests; `shift` moves
    every aspect's centre (for districts that differ).

    Deterministic for a given seed (numpy's PCG64). Every value is invented; the district
    is named "(illustrative)" so that every output showing it says so.
    """
    rng = np.random.default_rng(seed)
    rows = []
    for number in range(1, firms + 1):
        row = {"district": district, "firm_id": f"C-{number:03d}"}
        for aspect, centre in zip(ASPECTS["aspect_id"], [3.4, 2.6, 3.0, 2.2, 3.2, 3.6]):
            score = int(np.clip(np.rint(rng.normal(centre + shift, 0.9)), 1, 5))
            row[aspect] = "" if rng.random() < 0.05 else score
        for linkage, share in zip(SURVEY_LINKAGES, [0.7, 0.8, 0.85, 0.6]):
            answer = "yes" if rng.random() < share else "no"
            row[linkage] = "" if rng.random() < 0.05 else answer
            if linkage != "supporting":
                mode = rng.choice(MODES, p=[0.45, 0.45, 0.10])
                row[f"{linkage}_mode"] = mode if row[linkage] == "yes" and rng.random() > 0.05 else ""
        for area in PROBLEM_AREAS["problem_area_id"]:
            row[area] = int(rng.integers(1, 5))
        rows.append(row)
    columns = [f["name"] for f in load_package("metal_clusters").schema("firm_survey")["fields"]]
    return pd.DataFrame(rows)[columns]


def illustrative_districts(districts: int = 40, firms: int = 25, seed: int = 2026) -> pd.DataFrame:
    """Made-up surveys of `districts` fictional districts (Kabupaten Uji 01 ... (illustrative)),
    each shifted up or down a little, for the comparison example and the benchmarks."""
    shifts = np.random.default_rng(seed).normal(0, 0.5, districts)
    return pd.concat([illustrative_survey(firms, seed + number, f"Kabupaten Uji {number:02d} (illustrative)", shift)
                      for number, shift in enumerate(shifts, start=1)], ignore_index=True)
