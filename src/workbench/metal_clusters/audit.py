"""Study 1's reproduction audit: every total, share and average the paper derives, recomputed."""

import pandas as pd

from workbench.core.audit import NOT_DISTINGUISHABLE, NOT_TESTABLE, SUPPORTED, audit_entry, audit_table, chance_entry, place
from workbench.core.i18n import _
from workbench.core.inference import describe_result, independence_test
from workbench.core.claims import check_claims
from workbench.metal_clusters.codebook import ASPECTS, LINKAGES, MODES, PROBLEM_AREAS
from workbench.metal_clusters.inference import UNTESTABLE


def _titles(package, resource: str) -> dict[str, str]:
    return {field["name"]: field["title"] for field in package.schema(resource)["fields"]}


def _total_row(study, resource: str) -> pd.Series:
    """The Total row of a raw table of Tabel 4-7."""
    return study.raw[resource].set_index("location").loc[study.package.pooled_rows(resource)[0]]


def _linkage_resource(linkage_id: str) -> str:
    return LINKAGES.set_index("linkage_id").at[linkage_id, "resource"]


def active_or_proactive_share(study, claim) -> float:
    """(Aktif + Proaktif) / Ada on the Total row of the claim's linkage, in %."""
    total = _total_row(study, _linkage_resource(claim.subject))
    return 100 * (total["active"] + total["proactive"]) / total["cooperating"]


def not_cooperating_share(study, claim) -> float:
    """Tidak Ada / Jumlah on the Total row of the claim's linkage, in %."""
    total = _total_row(study, _linkage_resource(claim.subject))
    return 100 * total["not_cooperating"] / total["total"]


def _locations(study, resource: str) -> pd.DataFrame:
    return study.package.cases_only(resource, study.raw[resource]).set_index("location")


def active_minus_passive_share(study, claim) -> float:
    """(Aktif - Pasif) / Ada on the Total row of the table `subject`, in percentage points."""
    total = _total_row(study, claim.subject)
    return 100 * (total["active"] - total["passive"]) / total["cooperating"]


def dynamic_aspects(study, claim) -> list[str]:
    """Aspects whose mean reaches 3 ('dinamis' in Tabel 3's legend) in at least two of the three locations."""
    means = study.raw["table3_cluster_dynamics"].set_index("location")
    return [aspect for aspect in ASPECTS["aspect_id"] if (means[f"{aspect}_mean"] >= 3).sum() >= 2]


def _locations_at(study, aspect: str, extreme: str) -> str:
    """The locations whose mean on `aspect` (Tabel 3) equals the `extreme` ("max" or "min") of
    the three; ties name every location, separated by "; "."""
    means = study.raw["table3_cluster_dynamics"].set_index("location")[f"{aspect}_mean"]
    return "; ".join(means[means == getattr(means, extreme)()].index)


def most_dynamic_location(study, claim) -> str:
    """The location with the highest mean on the aspect `subject` (Tabel 3); ties name every location."""
    return _locations_at(study, claim.subject, "max")


def least_dynamic_location(study, claim) -> str:
    """The location with the lowest mean on the aspect `subject` (Tabel 3); ties name every location."""
    return _locations_at(study, claim.subject, "min")


def ranking_by_share_cooperating(study, claim) -> str:
    """The locations of the table `subject` from the highest share cooperating (Ada) to the lowest."""
    table = _locations(study, claim.subject)
    shares = table["cooperating"] / table["total"]
    return " > ".join(shares.sort_values(ascending=False, kind="stable").index)


def locations_with_proactive(study, claim) -> list[str]:
    """Locations of the table `subject` with at least one proactive firm."""
    table = _locations(study, claim.subject)
    return list(table.index[table["proactive"] > 0])


def locations_more_passive_than_active(study, claim) -> list[str]:
    """Locations of the table `subject` where more cooperating firms are passive than active."""
    table = _locations(study, claim.subject)
    return list(table.index[table["passive"] > table["active"]])


def locations_above_the_sample(study, claim):
    """Locations where the table `subject` counts more firms than Tabel 4, the 48 firms interviewed."""
    sample = _locations(study, "table4_cooperation_same_kind")["total"]
    counts = _locations(study, claim.subject)["total"]
    above = [_("{place}: {count} against {sample}").format(place=place, count=int(counts[place]),
                                                           sample=int(sample[place]))
             for place in counts.index if counts[place] > sample[place]]
    return len(above), "; ".join(above)


CHECKS = {check.__name__: check for check in [
    active_or_proactive_share, not_cooperating_share, active_minus_passive_share, dynamic_aspects, most_dynamic_location,
    least_dynamic_location, ranking_by_share_cooperating, locations_with_proactive,
    locations_more_passive_than_active, locations_above_the_sample]}


def ranking_against_chance(study, claim) -> tuple[str, str]:
    """A ranking of locations by the share cooperating (Tabel 4-7): supported when every
    neighbouring pair of the ranking differs by more than chance would give (each pair tested
    on its own, with no adjustment for several pairs; an adjustment would only support fewer)."""
    table = _locations(study, claim.subject)
    counts = pd.DataFrame({"cooperating": table["cooperating"], "not_cooperating": table["not_cooperating"]})
    order = [place.strip() for place in str(claim.published).split(">")]
    overall = independence_test(counts)
    pairs = []
    for first, second in zip(order, order[1:]):
        result = independence_test(counts.loc[[first, second]])
        pairs.append((_("{first} against {second}").format(first=first, second=second), result))
    finding = SUPPORTED if all(result.differs for _pair, result in pairs) else NOT_DISTINGUISHABLE
    reason = "; ".join([_("all locations: {result}").format(result=describe_result(overall)),
                        *(f"{pair}: {describe_result(result)}" for pair, result in pairs)])
    return finding, reason


def tabel3_not_testable(study, claim) -> tuple[str, str]:
    """A comparison of locations on Tabel 3's means: not testable (see inference.UNTESTABLE)."""
    return NOT_TESTABLE, _(UNTESTABLE["Tabel 3"])


AGAINST_CHANCE = {"ranking_by_share_cooperating": ranking_against_chance,
                  "most_dynamic_location": tabel3_not_testable, "least_dynamic_location": tabel3_not_testable}


def comparisons_against_chance(study) -> list[dict]:
    """One audit row per claim of the text that compares locations: is the difference it
    names larger than chance would give?"""
    entries = []
    for claim in study.raw["claims"].itertuples():
        if claim.check in AGAINST_CHANCE:
            finding, reason = AGAINST_CHANCE[claim.check](study, claim)
            entries.append(chance_entry(place(claim.place, claim.line), claim.claim, str(claim.published),
                                        finding, reason, claim.quote))
    return entries


def reproduction_audit(study) -> pd.DataFrame:
    """Recompute every total, percentage and average the paper prints and compare.

    Covers Table 3's Jumlah (sum of the six means), Tables 4-7's percentages,
    row totals, Total rows and mode counts, Table 8's Rata-rata row, and the
    claims of the text (data/raw/metal_clusters/claims.csv), and each comparison of
    locations that the text makes, against chance.
    """
    tables, package = study.raw, study.package
    entries = []
    titles = _titles(package, "table3_cluster_dynamics")
    for record in tables["table3_cluster_dynamics"].to_dict("records"):
        means = [record[f"{a}_mean"] for a in ASPECTS["aspect_id"]]
        missing = any(pd.isna(m) for m in means)
        entries.append(audit_entry(
            "Tabel 3", f"{record['location']} × {titles['total_of_means']}", record["total_of_means"],
            float("nan") if missing else sum(means), 0, _("sum of the six aspect means")))

    for linkage in LINKAGES.to_dict("records"):
        table = tables[linkage["resource"]]
        label = package.resource(linkage["resource"])["source"]["table"]
        titles = _titles(package, linkage["resource"])
        modes = [m for m in MODES if m in table.columns]
        locations = package.cases_only(linkage["resource"], table)
        for record in table.to_dict("records"):
            row = record["location"]
            if row in package.pooled_rows(linkage["resource"]):
                for column in ["cooperating", "not_cooperating", *modes, "total"]:
                    entries.append(audit_entry(label, f"{row} × {titles[column]}", record[column],
                                               locations[column].sum(), 0, _("sum of the three locations")))
            entries.append(audit_entry(label, f"{row} × {titles['total']}", record["total"],
                                       record["cooperating"] + record["not_cooperating"], 0,
                                       "Ada + Tidak Ada"))
            if modes:
                entries.append(audit_entry(label, f"{row} × {' + '.join(titles[m] for m in modes)}",
                                           record["cooperating"], sum(record[m] for m in modes), 0,
                                           _("the modes add up to Ada (published value: Ada)")))
            for column, base in [("cooperating", "total"), ("not_cooperating", "total"),
                                 *[(m, "cooperating") for m in modes]]:
                if pd.notna(record[f"{column}_pct"]):
                    entries.append(audit_entry(
                        label, f"{row} × {titles[column + '_pct']}", record[f"{column}_pct"],
                        100 * record[column] / record[base], 1, f"{titles[column]} / {titles[base]} × 100"))

    table8 = tables["table8_problem_solving"]
    titles = _titles(package, "table8_problem_solving")
    locations = package.cases_only("table8_problem_solving", table8)
    for area in PROBLEM_AREAS["problem_area_id"]:
        for record in table8[table8["location"].isin(package.pooled_rows("table8_problem_solving"))].to_dict("records"):
            entries.append(audit_entry("Tabel 8", f"{record['location']} × {titles[area]}", record[area],
                                       locations[area].mean(), 1, _("mean of the three locations")))

    entries += check_claims(study, tables["claims"], CHECKS)
    entries += comparisons_against_chance(study)
    return audit_table(entries)
