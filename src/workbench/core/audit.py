"""Reproduction audit: recompute what a paper derives and compare it with what it prints."""

from decimal import ROUND_HALF_UP, Decimal

import pandas as pd

AUDIT_COLUMNS = ["table", "cell", "published", "recomputed", "agrees", "note"]


def round_half_up(value: float, decimals: int) -> Decimal:
    """Round as printed tables do (0.05 -> 0.1), not to even as Python's round() does."""
    return Decimal(repr(float(value))).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


def audit_entry(table: str, cell: str, published, recomputed, decimals: int | None = None,
                note: str = "") -> dict:
    """One audit row. Numbers agree when the recomputed value, rounded half up to the
    published number of decimals, equals the published one; with `decimals=None` the
    values (categories, yes/no) must be equal. A published value that is missing
    (NaN) never agrees."""
    if decimals is None:
        agrees = published == recomputed
    elif pd.isna(published) or pd.isna(recomputed):
        agrees = False
        published = float("nan") if pd.isna(published) else float(published)
        recomputed = float("nan") if pd.isna(recomputed) else round(float(recomputed), 3)
    else:
        agrees = round_half_up(recomputed, decimals) == round_half_up(published, decimals)
        published, recomputed = float(published), round(float(recomputed), 3)
    return {"table": table, "cell": cell, "published": published,
            "recomputed": recomputed, "agrees": bool(agrees), "note": note}


def audit_table(entries: list[dict]) -> pd.DataFrame:
    """The audit as a table, in the order the entries were made."""
    return pd.DataFrame(entries, columns=AUDIT_COLUMNS)


def disagreements(audit: pd.DataFrame) -> pd.DataFrame:
    """Only the rows where the paper's printed value is not reproduced."""
    return audit[~audit["agrees"]].reset_index(drop=True)
