"""The categories of collaboration of Tabel 2.1 as rules over coded levels (see `codebook`)."""

from dataclasses import dataclass, field

import pandas as pd

from workbench.core.i18n import _, in_language
from workbench.led_synergism import STUDY
from workbench.led_synergism.codebook import DIMENSIONS, LEVELS, PROCESS_SUB_ITEMS, level_words
COLLABORATING = {"system": {"comprehensive", "partly_systemised", "not_systemised"},
                 "common_goal": {"agreed_by_all", "agreed_by_some", "not_agreed"},
                 "process": {"high", "varied", "low"}}
CATEGORY_RULES = {
    "synergism": {"system": {"comprehensive"}, "common_goal": {"agreed_by_all"},
                  "process": {"high"}, "effect": {"optimal"}},
    "less_synergetic": {"system": {"partly_systemised"}, "common_goal": {"agreed_by_some"},
                        "process": {"varied"},
                        "effect": {"improved_not_optimal_or_uneven", "improved_not_optimal_and_uneven"}},
    "fragmented": {"system": {"not_systemised"}, "common_goal": {"not_agreed"}, "process": {"low"},
                   "effect": {"improved_not_optimal_and_uneven"}},
    "additive": {**COLLABORATING, "effect": {"unchanged"}},
    "antagonistic": {**COLLABORATING, "effect": {"declined"}},
    "sectoral": {"system": {"no_collaboration"}, "common_goal": {"none"}, "process": {"none"},
                 "effect": set(LEVELS["effect"])},
}


def process_level(sub_levels: list[str]) -> str:
    """Combine the process lines (commitments, participation) into one process level."""
    if len(set(sub_levels)) == 1:
        return sub_levels[0]
    weak = sum(level in ("low", "none") for level in sub_levels)
    return "low" if weak >= len(sub_levels) / 2 else "varied"


@dataclass
class Classification:
    """A category of collaboration for coded levels, with the reason; `category_id` is
    None when no category or several fit (`status` says which)."""

    levels: dict
    status: str
    category_id: str | None
    reason: str
    fitting: list = field(default_factory=list)


def classify(levels: dict, rules: dict = CATEGORY_RULES) -> Classification:
    """The category of Tabel 2.1 whose criterion every dimension's coded level meets."""
    missing = [d for d in DIMENSIONS["dimension_id"] if not levels.get(d)]
    if missing:
        return Classification(levels, "incomplete coding", None,
                              _("No level coded for: {dimensions}; no category is chosen.").format(
                                  dimensions=", ".join(map(dimension_words, missing))))
    misses = {category: [d for d, allowed in rule.items() if levels[d] not in allowed]
              for category, rule in rules.items()}
    fitting = [category for category, failed in misses.items() if not failed]
    coded = "; ".join(f"{dimension_words(d)} = {level_words(levels[d])}" for d in DIMENSIONS["dimension_id"])
    if len(fitting) == 1:
        return Classification(levels, "fits", fitting[0], _("{coded}: meets every criterion of '{category}' "
                                                            "(Tabel 2.1).").format(coded=coded, category=fitting[0]),
                              fitting)
    if fitting:
        return Classification(levels, "fits several categories", None,
                              _("{coded}: meets the criteria of {categories}; the rules overlap, so no category is "
                                "chosen.").format(coded=coded, categories=", ".join(fitting)), fitting)
    closest = min(misses, key=lambda c: len(misses[c]))
    return Classification(levels, "no category fits", None,
                          _("{coded}: meets no category on all four dimensions. Closest: '{closest}', which it misses "
                            "on {dimensions}.").format(coded=coded, closest=closest,
                                                       dimensions=", ".join(map(dimension_words, misses[closest]))))


def dimension_words(dimension_id: str) -> str:
    """A dimension as the source names it (Indonesian) or in English."""
    row = DIMENSIONS.set_index("dimension_id").loc[dimension_id]
    return in_language(row["dimension"], row["dimension_en"].lower())


def area_levels(coded: pd.DataFrame, area: str) -> dict:
    """One level per dimension for an area: the 'overall' row, or for process the
    combination of its sub-items."""
    area = STUDY.one_case(area, coded["area"])
    rows = coded[coded["area"] == area]
    levels = {}
    for dimension in DIMENSIONS["dimension_id"]:
        part = rows[rows["dimension_id"] == dimension]
        subs = part[part["sub_item_id"].isin(PROCESS_SUB_ITEMS)]
        overall = part[part["sub_item_id"] == "overall"]
        if dimension == "process" and len(subs):
            levels[dimension] = process_level(subs["level"].tolist())
        elif len(overall):
            levels[dimension] = overall["level"].iloc[0]
    return levels
