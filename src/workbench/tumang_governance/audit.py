"""Study 3's reproduction audit: the abstract's counts recomputed from the verdicts."""

import re

import pandas as pd

from workbench.core.audit import audit_table
from workbench.core.claims import check_claims
from workbench.tumang_governance.codebook import PUBLISHED_CASE
from workbench.tumang_governance.tables import scorecard


def _published_card(study) -> pd.DataFrame:
    card = scorecard(study.verdicts)
    return card[card["case"] == PUBLISHED_CASE].set_index("framework")


def achieved_count(study, claim) -> int:
    """Rows of the claim's framework with the verdict achieved_quite_well (the published case)."""
    return int(_published_card(study).at[claim.subject, "achieved_quite_well"])


def assessed_count(study, claim) -> int:
    """Rows of the claim's framework, named or not (the published case)."""
    card = _published_card(study)
    return int(card.at[claim.subject, "total"] - card.at[claim.subject, "not_assessed"])


def listed_after_count(study, claim) -> int:
    """Items of the list in brackets after the count in the claim's quote, split at its commas."""
    listed = re.search(r"\(([^)]*)\)", claim.quote).group(1)
    return len([item for item in listed.split(",") if item.strip()])


def achieved_items(study, claim) -> list[str]:
    """The items of the framework `subject` with the verdict achieved_quite_well (the published case)."""
    rows = study.verdicts[(study.verdicts["case"] == PUBLISHED_CASE) & (study.verdicts["framework"] == claim.subject)]
    return list(rows.loc[rows["verdict"] == "achieved_quite_well", "item_id"])


def frameworks_mostly_achieved(study, claim) -> list[str]:
    """The frameworks with more than half of their items achieved quite well (the published case)."""
    card = _published_card(study)
    return [framework for framework in card.index if card.at[framework, "achieved_quite_well"] > card.at[framework, "total"] / 2]


CHECKS = {check.__name__: check for check in [achieved_count, assessed_count, listed_after_count, achieved_items,
                                               frameworks_mostly_achieved]}


def reproduction_audit(study) -> pd.DataFrame:
    """The abstract's claims (data/raw/tumang_governance/claims.csv) checked against the
    published case's verdicts; none when the published case is not loaded."""
    if not (study.verdicts["case"] == PUBLISHED_CASE).any():
        return audit_table([])
    return audit_table(check_claims(study, study.claims, CHECKS))
