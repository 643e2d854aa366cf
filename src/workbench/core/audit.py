"""Reproduction audit: recompute what a paper derives, check what it says, and compare.

Every audit row has a verdict (agree, disagree, cannot be checked) and a group that says
what is set against what, so that a report can lead with the disagreements, grouped.
"""

from decimal import ROUND_HALF_UP, Decimal

import pandas as pd

from workbench.core.i18n import N_, _

AUDIT_COLUMNS = ["group", "table", "cell", "published", "recomputed", "agrees", "verdict", "note",
                 "quote", "other_place", "other_quote"]
AGREE, DISAGREE, CANNOT_CHECK = "agree", "disagree", "cannot be checked"
GROUPS = {
    "arithmetic": N_("Arithmetic misprints: a value the source derives from its own cells"),
    "text_vs_table": N_("The text against its tables"),
    "section_vs_section": N_("One section (or table) against another"),
    "workbench_reading": N_("The source against the workbench's coding or reconstruction"),
    "beyond_chance": N_("A difference the text names between places, against chance"),
    "cannot_check": N_("What cannot be checked"),
}
KINDS = {"arithmetic": N_("arithmetic"), "text_vs_table": N_("text against tables"),
         "section_vs_section": N_("section against section"), "workbench_reading": N_("the workbench's reading"),
         "beyond_chance": N_("against chance"), "cannot_check": N_("cannot be checked")}   # GROUPS, in short
VERDICT_WORDS = {AGREE: N_("agree"), DISAGREE: N_("disagree"), CANNOT_CHECK: N_("cannot be checked")}


def round_half_up(value: float, decimals: int) -> Decimal:
    """Round as printed tables do (0.05 -> 0.1), not to even as Python's round() does;
    `decimals=-1` rounds to tens ('hampir 70 persen')."""
    return Decimal(repr(float(value))).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


def place(where: str, line) -> str:
    """A place in the source with its line: "Abstrak (line 7)"."""
    return _("{place} (line {line})").format(place=where, line=line)


def audit_entry(table: str, cell: str, published, recomputed, decimals: int | None = None,
                note: str = "", group: str = "arithmetic", quote: str = "", other_place: str = "",
                other_quote: str = "") -> dict:
    """One audit row. Numbers agree when the recomputed value, rounded half up to the
    published number of decimals, equals the published one; with `decimals=None` the
    values (categories, yes/no) must be equal. A published value that is missing
    (NaN) never agrees. A recomputed value of None means the claim cannot be checked."""
    if recomputed is None:
        agrees, verdict, group = False, CANNOT_CHECK, "cannot_check"
    else:
        if decimals is None:
            agrees = published == recomputed
        elif pd.isna(published) or pd.isna(recomputed):
            agrees = False
            published = float("nan") if pd.isna(published) else float(published)
            recomputed = float("nan") if pd.isna(recomputed) else round(float(recomputed), 3)
        else:
            agrees = round_half_up(recomputed, decimals) == round_half_up(published, decimals)
            published, recomputed = float(published), round(float(recomputed), 3)
        verdict = AGREE if agrees else DISAGREE
    return {"group": group, "table": table, "cell": cell, "published": published, "recomputed": recomputed,
            "agrees": bool(agrees), "verdict": verdict, "note": note, "quote": quote,
            "other_place": other_place, "other_quote": other_quote}


SUPPORTED, NOT_DISTINGUISHABLE, NOT_TESTABLE = N_("supported at 95%"), N_("not distinguishable at 95%"), N_("not testable")
FINDING_WORDS = {finding: finding for finding in (SUPPORTED, NOT_DISTINGUISHABLE, NOT_TESTABLE)}


def chance_entry(place: str, claim: str, stated: str, finding: str, reason: str, quote: str = "") -> dict:
    """An audit row for a difference the text names between places (`stated`), set against
    chance: `finding` is SUPPORTED (agrees), NOT_DISTINGUISHABLE (disagrees: the counts could
    give it by chance) or NOT_TESTABLE (cannot be checked), with the test or the reason."""
    verdict = {SUPPORTED: AGREE, NOT_DISTINGUISHABLE: DISAGREE, NOT_TESTABLE: CANNOT_CHECK}[finding]
    return {"group": "cannot_check" if verdict == CANNOT_CHECK else "beyond_chance", "table": place, "cell": claim, "published": stated, "recomputed": finding,
            "agrees": verdict == AGREE, "verdict": verdict, "note": reason, "quote": quote,
            "other_place": "", "other_quote": ""}


def numbering_problems(table: pd.DataFrame, item: str, number: str, within: str | None = None) -> list[str]:
    """What is wrong with a printed numbering (a table's row numbers, its components' numbers):
    within each group of `within`, each `item` must carry one number, each number name one
    item, and the numbers must not fall going down the table. Empty when the numbering holds."""
    problems = []
    for group, part in (table.groupby(within, sort=False) if within else [("", table)]):
        where = f"{group}: " if within else ""
        for name, numbers in part.groupby(item, sort=False)[number].unique().items():
            if len(numbers) > 1:
                problems.append(f"{where}{name} is numbered {', '.join(map(str, numbers))}")
        for value, names in part.groupby(number, sort=False)[item].unique().items():
            if len(names) > 1:
                problems.append(f"{where}{value} numbers {', '.join(map(str, names))}")
        falls = [f"{a} before {b}" for a, b in zip(part[number], part[number].iloc[1:]) if b < a]
        if falls:
            problems.append(f"{where}the numbers fall going down the table ({'; '.join(falls)})")
    return problems


def audit_table(entries: list[dict]) -> pd.DataFrame:
    """The audit as a table, in the order the entries were made."""
    return pd.DataFrame(entries, columns=AUDIT_COLUMNS)


def disagreements(audit: pd.DataFrame) -> pd.DataFrame:
    """The rows that do not agree, grouped (arithmetic misprints, the text against its tables,
    one section against another, the workbench's reading, what cannot be checked), each
    group in the audit's order, with the group named in words."""
    order = {group: rank for rank, group in enumerate(GROUPS)}
    rows = audit[audit["verdict"] != AGREE]
    rows = rows.iloc[sorted(range(len(rows)), key=lambda i: order[rows["group"].iloc[i]])].reset_index(drop=True)
    return rows.assign(group=rows["group"].map(lambda group: _(GROUPS[group])))


def audit_summary(audit: pd.DataFrame) -> str:
    """One sentence counting the audit's verdicts, and its disagreements per group."""
    counts = audit["verdict"].value_counts()
    groups = disagreements(audit)["group"].value_counts(sort=False)
    per_group = "; ".join(f"{_(label)}: {groups[_(label)]}" for label in GROUPS.values() if _(label) in groups)
    summary = _("**{checks}** checks: **{agree}** agree, **{disagree}** disagree, **{cannot}** cannot be checked.").format(
        checks=len(audit), agree=counts.get(AGREE, 0), disagree=counts.get(DISAGREE, 0), cannot=counts.get(CANNOT_CHECK, 0))
    return summary + (" " + _("Not agreeing, by kind: {groups}.").format(groups=per_group) if per_group else "")


def audit_columns(grouped: bool = False, verdicts: bool = False) -> dict:
    """How a report labels the audit's columns: the place and the claim, both values, both
    quotes; `grouped`: the rows are shown under a heading per kind of disagreement (for the
    table of `disagreements`, which is in that order); `verdicts`: with the verdict and
    whether the values agree (for the full audit)."""
    from workbench.core.tables import Column
    return {"group": Column(N_("Kind of disagreement"), group=grouped, labels={} if grouped else KINDS),
            "table": Column(N_("Where")),
            "cell": Column(N_("Claim or cell")), "published": Column(N_("Printed")),
            "recomputed": Column(N_("Recomputed or stated elsewhere"), labels=FINDING_WORDS),
            "note": Column(N_("How checked, and what differs")), "quote": Column(N_("Quote")),
            "other_place": Column(N_("Set against")), "other_quote": Column(N_("Quote there")),
            **({"agrees": Column(N_("Agrees")), "verdict": Column(N_("Verdict"), labels=VERDICT_WORDS)} if verdicts else {})}
