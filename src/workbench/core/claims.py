"""The claims register: what a source says about its tables and about itself, checked.

Each study keeps its register in `data/raw/<study>/claims.csv`: one row per statement
that can be set against the source's own tables or against another of its statements
(numbers and counts in the prose, lists whose length the text states, judgements about
an area, sample sizes of tables that share a sample, lists that the abstract, the body
and the conclusion each give, footnote markers). A row keeps the verbatim quote and its
place, the value as published (a number, a word, or a list of codes separated by ";"),
and the name of the check that recomputes it. No published value lives in code.

Checks shared by every study are here; a study's audit module adds its own. A check
takes (study, claim) and returns the recomputed value, optionally with a note, or None
when the claim cannot be checked (the claim's `method` then says why).
"""

import re
from collections.abc import Callable, Mapping

import pandas as pd

from workbench.core.audit import audit_entry, place
from workbench.core.i18n import _
from workbench.core.paths import display_path
from workbench.core.validation import DataValidationError, Problem


# The columns of every study's claims.csv, as its datapackage.json describes them (a new
# study's descriptor is written with it; tests/test_claims_register.py checks every study's).
CLAIMS_SCHEMA = {'fields': [{'name': 'claim_id',
             'type': 'string',
             'title': '',
             'description': 'Identifier of the claim',
             'constraints': {'unique': True, 'required': True}},
            {'name': 'kind',
             'type': 'string',
             'title': '',
             'description': 'What sort of statement it is',
             'constraints': {'enum': ['number',
                                      'count',
                                      'list',
                                      'judgement',
                                      'sample size',
                                      'footnote',
                                      'title'],
                             'required': True}},
            {'name': 'compares',
             'type': 'string',
             'title': '',
             'description': 'What the check sets against what: the text against its tables, one section (or '
                            'table) against another, or a table against its own arithmetic',
             'constraints': {'enum': ['text_vs_table', 'section_vs_section', 'arithmetic'],
                             'required': True}},
            {'name': 'place',
             'type': 'string',
             'title': '',
             'description': 'Where the source makes the claim (section, text after a table, abstract, '
                            'conclusion)',
             'translatable': True,
             'constraints': {'required': True}},
            {'name': 'line',
             'type': 'integer',
             'title': '',
             'description': 'Line of the source document (the seed text) holding the quote',
             'constraints': {'minimum': 1, 'required': True}},
            {'name': 'quote',
             'type': 'string',
             'title': '',
             'description': "The source's words, verbatim (as published)",
             'constraints': {'required': True}},
            {'name': 'claim',
             'type': 'string',
             'title': '',
             'description': 'What the source claims, in English',
             'translatable': True,
             'constraints': {'required': True}},
            {'name': 'subject',
             'type': 'string',
             'title': '',
             'description': 'What the check reads: a table cell (resource:row:column), a table, a linkage, '
                            'an area, a framework, or other claims of this register (claim ids separated by '
                            "',')"},
            {'name': 'published',
             'type': 'string',
             'title': '',
             'description': "The value the source states: a number, a word, or a list of the workbench's "
                            "codes separated by ';' (the workbench's reading of the quote)",
             'constraints': {'required': True}},
            {'name': 'decimals',
             'type': 'integer',
             'title': '',
             'description': "For a number: the decimals the source prints (-1: to tens, for 'hampir 70'); "
                            'the recomputed value is rounded half up to them. Empty for words and lists',
             'constraints': {'minimum': -1}},
            {'name': 'check',
             'type': 'string',
             'title': '',
             'description': 'How the workbench checks the claim: a check of workbench.core.claims or of the '
                            "study's audit module",
             'constraints': {'required': True}},
            {'name': 'method',
             'type': 'string',
             'title': '',
             'description': 'The check in words; for a claim that cannot be checked, why not',
             'translatable': True,
             'constraints': {'required': True}},
            {'name': 'other_place',
             'type': 'string',
             'title': '',
             'description': 'Where the value the claim is set against is printed, when that is not another '
                            'claim of the register',
             'translatable': True},
            {'name': 'other_line',
             'type': 'integer',
             'title': '',
             'description': 'Line of the source document holding other_quote',
             'constraints': {'minimum': 1}},
            {'name': 'other_quote',
             'type': 'string',
             'title': '',
             'description': "The source's words at other_place, verbatim"}],
 'primaryKey': ['claim_id']}


def listed(value) -> list[str]:
    """The items of a published list ("a; b; c")."""
    return [item.strip() for item in str(value).split(";") if item.strip()]


def table_cell(study, claim):
    """The cell `resource:row:column` of a raw table; the row is found in the table's first column."""
    resource, row, column = claim.subject.split(":")
    table = study.package.read(resource)
    matches = table[table.iloc[:, 0].astype(str) == row]
    return matches[column].iloc[0]


def column_of_table(study, claim) -> list[str]:
    """The values of the column `resource:column` of a raw table, top to bottom (a list the
    text names, such as the categories a table defines)."""
    resource, column = claim.subject.split(":")
    return [str(value) for value in study.package.read(resource)[column]]


def rows_of_table(study, claim) -> int:
    """How many rows the raw table `subject` has (a list the text counts: steps, locations)."""
    return len(study.package.read(claim.subject))


def _others(claims: pd.DataFrame, claim) -> list:
    """The claims of the register that `subject` names (claim ids separated by ",")."""
    indexed = claims.set_index("claim_id")
    return [indexed.loc[claim_id.strip()] for claim_id in str(claim.subject).split(",")]


def _other(claims: pd.DataFrame, claim):
    return _others(claims, claim)[0]


def same_as_claim(claims: pd.DataFrame, study, claim):
    """What another claim of the register (`subject`) states: one place against another."""
    other = _other(claims, claim)
    return listed(other.published) if ";" in str(other.published) or ";" in str(claim.published) else other.published


def items_of_claim(claims: pd.DataFrame, study, claim):
    """How many items the list of another claim (`subject`) names."""
    return len(listed(_other(claims, claim).published))


def shared_by_claims(claims: pd.DataFrame, study, claim):
    """How many items the lists of two claims (`subject`: "first,second") have in common."""
    first, second = _others(claims, claim)
    shared = [item for item in listed(first.published) if item in listed(second.published)]
    return len(shared), (_("in both lists: {items}").format(items=", ".join(shared)) if shared
                         else _("no item in both lists"))


def footnote_for_marker(study, claim):
    """The marker (`published`) if the notes under the table (`other_quote`) explain it, else 'no footnote'."""
    found = re.search(r"(?<!\*)" + re.escape(str(claim.published)), str(claim.other_quote))
    return claim.published if found else _("no footnote")


def not_checkable(study, claim):
    """No table or other statement of the source holds what the claim states."""
    return None


SHARED_CHECKS = {"table_cell": table_cell, "column_of_table": column_of_table, "rows_of_table": rows_of_table,
                 "footnote_for_marker": footnote_for_marker, "not_checkable": not_checkable}
REGISTER_CHECKS = {"same_as_claim": same_as_claim, "items_of_claim": items_of_claim,
                   "shared_by_claims": shared_by_claims}


def _as_published(value, decimals):
    if pd.notna(decimals):
        return float(value)
    return listed(value) if ";" in str(value) else value


def _compare(published, recomputed) -> tuple:
    """Lists compare as sets (the note names what only one side has); words compare as words."""
    if isinstance(recomputed, list) or isinstance(published, list):
        published, recomputed = listed("; ".join(published if isinstance(published, list) else [published])), \
            [str(item) for item in (recomputed if isinstance(recomputed, list) else [recomputed])]
        only_claim = [item for item in published if item not in recomputed]
        only_other = [item for item in recomputed if item not in published]
        note = "; ".join(part for part in [
            _("only here: {items}").format(items=", ".join(only_claim)) if only_claim else "",
            _("only there: {items}").format(items=", ".join(only_other)) if only_other else ""] if part)
        if set(published) == set(recomputed):
            recomputed = published
        return "; ".join(published), "; ".join(recomputed), note
    return published, recomputed, ""


def check_claims(study, claims: pd.DataFrame, checks: Mapping[str, Callable]) -> list[dict]:
    """One audit entry per claim of `study`: the published value against the check's
    recomputation, with the verdict, both quotes and, for a claim set against another
    claim, the other's place and quote."""
    known = {**SHARED_CHECKS, **checks, **REGISTER_CHECKS}
    source = display_path(study.package.path("claims"))
    problems = [Problem(source, index, "check", row.check, "expected one of: " + ", ".join(sorted(known)))
                for index, row in zip(claims.index, claims.itertuples()) if row.check not in known]
    ids = set(claims["claim_id"])
    problems += [Problem(source, index, "subject", row.subject, "expected claim ids of the register, separated by ','")
                 for index, row in zip(claims.index, claims.itertuples())
                 if row.check in REGISTER_CHECKS and not set(map(str.strip, str(row.subject).split(","))) <= ids]
    if problems:
        raise DataValidationError(problems)
    entries = []
    for index, claim in zip(claims.index, claims.itertuples()):
        check = known[claim.check]
        try:
            result = check(claims, study, claim) if claim.check in REGISTER_CHECKS else check(study, claim)
        except (KeyError, IndexError, ValueError) as error:
            raise DataValidationError([Problem(
                source, index, "subject", claim.subject,
                f"the check {claim.check} finds nothing for this subject ({type(error).__name__}: {error}); "
                f"expected what its description says: {(known[claim.check].__doc__ or '').split(chr(10))[0]}",
                claim.claim_id)]) from None
        recomputed, note = result if isinstance(result, tuple) else (result, "")
        published = _as_published(claim.published, claim.decimals)
        other_place, other_quote = claim.other_place or "", claim.other_quote or ""
        if claim.check in REGISTER_CHECKS:
            others = _others(claims, claim)
            other_place = _(" and ").join(place(other.place, other.line) for other in others)
            other_quote = " / ".join(other.quote for other in others)
        published, recomputed, difference = _compare(published, recomputed) if recomputed is not None \
            else (published, None, "")
        decimals = None if pd.isna(claim.decimals) else int(claim.decimals)
        entries.append(audit_entry(
            place(claim.place, claim.line), claim.claim, published, recomputed, decimals,
            "; ".join(part for part in [claim.method, note, difference] if part), claim.compares,
            claim.quote, other_place, other_quote))
    return entries
