"""The constructs a synthesis run may name, and the other names it accepts for each.

Read from data/raw/synthesis/constructs.csv with the csv module, so that planning and naming
runs (`-p construct Kepercayaan` is the run `trust`) imports no pandas; `SynthesisStudy.aliases`
gives the same names from the validated table.
"""

import csv
from pathlib import Path

from workbench.core.paths import RAW_DIR


def construct_aliases(construct_id: str, construct: str, construct_en: str, aliases: str) -> tuple[str, ...]:
    """A construct's other names: its Indonesian and English labels and its listed aliases ("a; b")."""
    listed = [item.strip() for item in str(aliases).split(";") if item.strip()]
    return tuple(dict.fromkeys(name for name in (construct, construct_en, *listed)
                               if name.casefold() != construct_id.casefold()))


def construct_choices(data_dir: str | Path = "") -> dict[str, tuple[str, ...]]:
    """Each construct id of constructs.csv (in its order) with its other names."""
    path = (Path(data_dir) if str(data_dir) else RAW_DIR) / "synthesis" / "constructs.csv"
    with open(path, newline="", encoding="utf-8") as handle:
        return {row["construct_id"]: construct_aliases(row["construct_id"], row["construct"], row["construct_en"],
                                                       row["aliases"] or "") for row in csv.DictReader(handle)}
