"""Study 2's reproduction audit: categories, counts and shares recomputed, claims of the text checked."""

import re

import pandas as pd

from workbench.core.i18n import _
from workbench.core.audit import audit_entry, audit_table, numbering_problems
from workbench.core.claims import check_claims
from workbench.led_synergism.codebook import PUBLISHED_AREAS, RANGE_WORD_LEVELS
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


def factors_with_role(study, claim) -> list[str]:
    """Factors of Tabel 4.3 with the role `subject` ("driver@both", "driver@Batu Betumpang only",
    "obstacle@both"): in both published areas, or in one and not the other."""
    role, where = claim.subject.split("@")
    acts = _roles_wide(study).isin([role, "both"])
    if where == "both":
        chosen = acts.all(axis=1)
    else:
        area = where.removesuffix(" only")
        chosen = acts[area] & ~acts[[a for a in PUBLISHED_AREAS if a != area]].any(axis=1)
    return list(acts.index[chosen])


def roles_of_factor(study, claim) -> list[str]:
    """The roles Tabel 4.3 gives the factor `subject` in the published areas (one item per distinct role)."""
    return list(dict.fromkeys(_roles_wide(study).loc[claim.subject]))


def triggers_of_table_4_4(study, claim) -> list[str]:
    """The factors Tabel 4.4 lists as triggers, besides the external factor, in the area
    `subject` or, for "both", in both published areas."""
    areas = PUBLISHED_AREAS if claim.subject == "both" else [claim.subject]
    per_area = [list(study.triggers.loc[study.triggers["area"] == area, "factor_id"]) for area in areas]
    return [factor for factor in per_area[0] if factor != "external_factor" and all(factor in other for other in per_area)]


def proposition_factors(study, claim) -> list[str]:
    """The factors the codebook marks as named in the proposition (section II)."""
    return list(study.factors.loc[study.factors["in_proposition"], "factor_id"])


def factors_beyond_the_proposition(study, claim) -> list[str]:
    """Factors that Tabel 4.3 or 4.4 uses but the proposition does not name."""
    used = set(study.factor_roles.loc[study.factor_roles["role"] != "none", "factor_id"]) | set(study.triggers["factor_id"])
    return [f for f in study.factors["factor_id"] if f in used and f not in set(proposition_factors(study, claim))]


def coded_level(study, claim) -> str:
    """The workbench's coded level of Tabel 4.2 for `subject` ("area:dimension_id:sub_item_id")."""
    area, dimension, sub_item = claim.subject.split(":")
    coded = study.coded[(study.coded["area"] == area) & (study.coded["dimension_id"] == dimension)
                        & (study.coded["sub_item_id"] == sub_item)]
    return coded["level"].iloc[0]


def range_of_finding(study, claim) -> list[str]:
    """The two ends of the range ("dari tinggi sampai nihil") that Tabel 4.2's finding for
    `subject` ("area:sub_item_id") states, as process levels; a word the codebook does not
    know stays as printed, so that it shows in the comparison."""
    area, sub_item = claim.subject.split(":")
    findings = study.findings[(study.findings["area"] == area) & (study.findings["sub_item_id"] == sub_item)]
    found = re.search(r"(\w+)\s+(?:sampai|hingga)\s+(\w+)", findings["finding"].iloc[0])
    if not found:
        return [_("no range in the finding")]
    return [RANGE_WORD_LEVELS.get(word.lower(), word) for word in found.groups()]


def published_category(study, claim) -> str:
    """The category of collaboration Tabel 4.2's last row gives the area `subject`."""
    categories = study.package.read("table4_2_categories").set_index("area")
    return categories.at[claim.subject, "category_id"]


def effect_comparison(study, claim) -> str:
    """'same' when Tabel 4.2's effect dimension is coded at one level in both areas, else 'different'."""
    effects = study.coded[(study.coded["dimension_id"] == "effect") & study.coded["area"].isin(PUBLISHED_AREAS)]
    return "same" if effects["level"].nunique() == 1 else "different"


CHECKS = {check.__name__: check for check in [
    drivers_in_both_areas, drivers_in_one_area_only, obstacles_in_both_areas, factors_of_the_proposition,
    triggers_besides_external, factors_with_role, roles_of_factor, triggers_of_table_4_4, proposition_factors,
    factors_beyond_the_proposition, coded_level, range_of_finding, published_category, effect_comparison]}


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
                                       _("classifier on the workbench's coding of Tabel 4.2"), "workbench_reading"))
    entries += check_claims(study, study.claims, CHECKS)
    for row in trigger_comparison(study).itertuples():
        entries.append(audit_entry(_("Tabel 4.4 vs reconstructed tree"),
                                   _("{area} × {factor} is a trigger").format(area=row.area, factor=row.factor_id),
                                   row.in_tabel_4_4, row.derived_trigger, None, row.explanation, "workbench_reading"))
    for table, frame, item, number, within, what in [
            ("Tabel 4.1", study.activities, "component", "number", None, _("The component numbers as printed")),
            ("Tabel 4.3", study.factors_table, "factor_id", "order", "role_id", _("The row numbers per role as printed"))]:
        holds = _("one number per {item}, one {item} per number, rising down the table").format(
            item=item.removesuffix("_id"))
        problems = numbering_problems(frame, item, number, within)
        entries.append(audit_entry(table, what, holds, "; ".join(problems) or holds, None,
                                   _("the '{column}' column against the rows it numbers").format(column=number)))
    shares = study.profiles[(study.profiles["area"] == "Telang")].set_index("attribute")
    farmers, labourers = shares.at["share_farmers", "value"], shares.at["share_farm_labourers", "value"]
    entries.append(audit_entry(_("Section 4.1 (text)"), _("Telang: non-farm share, printed '{printed}'").format(
                                   printed=shares.at["share_non_farm", "printed"]),
                               shares.at["share_non_farm", "value"], 100 - farmers - labourers, 1,
                               _("100 - {farmers} (farmers) - {labourers} (farm labourers); the printed value is not "
                                 "one number").format(farmers=_decimal_comma(farmers),
                                                      labourers=_decimal_comma(labourers))))
    return audit_table(entries)
