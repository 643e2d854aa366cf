"""The published claims an audit checks: statements of the source about its own tables.

Each study keeps them in `data/raw/<study>/claims.csv`, one row per claim with its
verbatim quote, its place in the source, the value it states and the name of the
check that recomputes it. A study's audit module maps check names to functions
taking the claim's row; no published number lives in code.
"""

from collections.abc import Callable, Mapping

import pandas as pd

from workbench.core.audit import audit_entry
from workbench.core.paths import display_path
from workbench.core.validation import DataValidationError, Problem


def check_claims(study, claims: pd.DataFrame, checks: Mapping[str, Callable]) -> list[dict]:
    """One audit entry per claim of `study`: the published value against the check's recomputation."""
    unknown = [Problem(display_path(study.package.path("claims")), index, "check", row.check,
                       "expected one of the study's checks: " + ", ".join(sorted(checks)))
               for index, row in zip(claims.index, claims.itertuples()) if row.check not in checks]
    if unknown:
        raise DataValidationError(unknown)
    return [audit_entry(claim.place, claim.claim, claim.published, checks[claim.check](study, claim),
                        int(claim.decimals), claim.method)
            for claim in claims.itertuples()]
