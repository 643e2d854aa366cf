"""Study 2's reproduction audit: categories, counts and shares recomputed, claims of the text checked."""

import pandas as pd

from workbench.core.audit import audit_entry, audit_table
from workbench.core.claims import check_claims
from workbench.led_synergism.codebook import PUBLISHED_AREAS
from workbench.led_synergism.tree import trigger_comparison


def _roles_wide(study) -> pd.DataFrame:
    roles = study.factor_roles[study.factor_roles["area"].isin(PUBLISHED_AREAS)]
    return roles.pivot(index="factor_id", columns="area", values="role")


def drivers_in_both_areas(study, claim) -> int:
    """Factors with a driver role (driver or both) in both published areas (Tabel 4.3)."""
    return int(_roles_wide(study).isin(["driver", "both"]).all(axis=1).sum())


def drivers_in_one_area_only(study, claim) -> int:
    """Factors with a driver role in the claim's area and none in the other published area."""
    drives = _roles_wide(study).isin(["driver", "both"])
    others = [area for area in PUBLISHED_AREAS if area != claim.subject]
    return int((drives[claim.subject] & ~drives[others].any(axis=1)).sum())


def obstacles_in_both_areas(study, claim) -> int:
    """Factors with an obstacle role (obstacle or both) in both published areas (Tabel 4.3)."""
    return int(_roles_wide(study).isin(["obstacle", "both"]).all(axis=1).sum())


def factors_of_the_proposition(study, claim) -> int:
    """Factors the codebook marks as named in the proposition."""
    return int(study.factors["in_proposition"].sum())


def triggers_besides_external(study, claim) -> int:
    """Rows of Tabel 4.4 for the claim's area other than the external factor."""
    listed = study.triggers[study.triggers["area"] == claim.subject]
    return int((listed["factor_id"] != "external_factor").sum())


CHECKS = {check.__name__: check for check in [drivers_in_both_areas, drivers_in_one_area_only,
                                               obstacles_in_both_areas, factors_of_the_proposition,
                                               triggers_besides_external]}


def _decimal_comma(value: float) -> str:
    return f"{value:g}".replace(".", ",")


def reproduction_audit(study) -> pd.DataFrame:
    """The paper's categories recomputed by the classifier, the claims of its text checked
    against its tables (data/raw/led_synergism/claims.csv), the reconstructed triggers
    compared with Tabel 4.4, and the area profile's shares."""
    entries = []
    for row in study.classification.itertuples():
        if row.published_category_id:
            entries.append(audit_entry("Tabel 4.2", f"{row.area} × Kategori Kolaborasi", row.published_category_id,
                                       row.category_id or row.status, None,
                                       "classifier on the workbench's coding of Tabel 4.2"))
    entries += check_claims(study, study.claims, CHECKS)
    for row in trigger_comparison(study).itertuples():
        entries.append(audit_entry("Tabel 4.4 vs reconstructed tree", f"{row.area} × {row.factor_id} is a trigger",
                                   row.in_tabel_4_4, row.derived_trigger, None, row.explanation))
    shares = study.profiles[(study.profiles["area"] == "Telang")].set_index("attribute")
    farmers, labourers = shares.at["share_farmers", "value"], shares.at["share_farm_labourers", "value"]
    entries.append(audit_entry("Section 4.1 (text)", f"Telang: non-farm share, printed '{shares.at['share_non_farm', 'printed']}'",
                               shares.at["share_non_farm", "value"], 100 - farmers - labourers, 1,
                               f"100 - {_decimal_comma(farmers)} (farmers) - {_decimal_comma(labourers)} (farm labourers); "
                               "the printed value is not one number"))
    return audit_table(entries)
