"""The claims register and the numbers inventory of every study, checked against the sources.

The tests that read the source texts skip when ../shared/seeds is not beside the clone;
the others check the machinery on small made-up inputs, so that they can fail.
"""

import csv
import shutil
from pathlib import Path

import pytest

from workbench.core.audit import AGREE, CANNOT_CHECK, DISAGREE, GROUPS, disagreements
from workbench.core.datapackage import load_package
from workbench.core.errors import DataValidationError
from workbench.core.inventory import inventory_problems, numbers_in, read_inventory
from workbench.core.paths import PROJECT_ROOT, RAW_DIR
from workbench.registry import REGISTRY

PACKAGES = {name: load_package(name) for name in REGISTRY.names if "numbers" in load_package(name).published()}


def source_text(package) -> Path:
    return PROJECT_ROOT.parent / package.resource("numbers")["source"]["document"]


SEEDS_ABSENT = not all(source_text(package).is_file() for package in PACKAGES.values())
needs_seeds = pytest.mark.skipif(SEEDS_ABSENT, reason="the seed documents (../shared/seeds) are not beside this clone")


@needs_seeds
@pytest.mark.parametrize("name", sorted(PACKAGES))
def test_every_number_of_the_source_is_transcribed_or_out_of_scope(name):
    package = PACKAGES[name]
    problems = inventory_problems(source_text(package).read_text(encoding="utf-8"),
                                  read_inventory(package.path("numbers")), package.folder)
    assert problems == [], "\n".join(problems[:20])


@needs_seeds
@pytest.mark.parametrize("name", sorted(PACKAGES))
def test_every_claim_quotes_the_source_verbatim_on_its_line(name):
    package = PACKAGES[name]
    lines = source_text(package).read_text(encoding="utf-8").splitlines()
    claims = package.read("claims")
    for claim in claims.itertuples():
        assert claim.quote in lines[claim.line - 1], (claim.claim_id, claim.line)
        if isinstance(claim.other_quote, str) and claim.other_quote:
            assert claim.other_quote in lines[int(claim.other_line) - 1], (claim.claim_id, claim.other_line)


def test_the_inventory_check_bites(tmp_path):
    text = "Tabel 4\nCeper 4 (33,3) 12\nJICA (2006) counts 99.810 people\n"
    (tmp_path / "t.csv").write_text("location,cooperating,cooperating_pct,total\nCeper,4,33.3,12\n", encoding="utf-8")
    rows = [("1", "4", "1", "out_of_scope", "", "", "", "a table number"),
            ("2", "4", "1", "transcribed", "t.csv", "1", "cooperating", ""),
            ("2", "33,3", "1", "transcribed", "t.csv", "1", "cooperating_pct", ""),
            ("2", "12", "1", "transcribed", "t.csv", "1", "total", ""),
            ("3", "2006", "1", "out_of_scope", "", "", "", "a citation's year"),
            ("3", "99.810", "1", "out_of_scope", "", "", "", "a national statistic")]
    inventory = [dict(zip(["line", "number", "occurrence", "status", "file", "row", "column", "reason"], row)) for row in rows]
    assert [token for _, token, _ in numbers_in(text)] == ["4", "4", "33,3", "12", "2006", "99.810"]
    assert inventory_problems(text, inventory, tmp_path) == []
    assert "neither transcribed nor listed" in inventory_problems(text, inventory[:-1], tmp_path)[0]
    wrong_cell = [dict(entry) for entry in inventory]
    wrong_cell[2]["column"] = "total"
    assert "not the printed 33,3" in inventory_problems(text, wrong_cell, tmp_path)[0]
    no_reason = [dict(entry) for entry in inventory]
    no_reason[4]["reason"] = " "
    assert "without a reason" in inventory_problems(text, no_reason, tmp_path)[0]
    stale = inventory + [dict(inventory[1], line="3")]
    assert "prints no number 4" in inventory_problems(text, stale, tmp_path)[0]


@pytest.mark.parametrize("name", sorted(PACKAGES))
def test_every_claim_gets_a_verdict_and_disagreements_come_grouped(name):
    study = REGISTRY.get(name).load()
    audit = study.audit
    claims = study.package.read("claims")
    assert set(audit["verdict"]) <= {AGREE, DISAGREE, CANNOT_CHECK}
    assert len(audit[audit["note"].isin(claims["method"]) | audit["cell"].isin(claims["claim"])]) >= len(claims)
    ranks = [list(GROUPS.values()).index(group) for group in disagreements(audit)["group"]]
    assert ranks == sorted(ranks)
    assert (audit.loc[audit["verdict"] == CANNOT_CHECK, "group"] == "cannot_check").all()


def test_a_changed_claim_value_changes_its_verdict(tmp_path):
    from conftest import replace_in_file
    from workbench import led_synergism as led
    raw = shutil.copytree(RAW_DIR, tmp_path / "raw")
    claim = "Batu Betumpang: the leaders' commitment to build synergy is relatively high"
    def verdict():
        return {row.cell: row.verdict for row in led.load_study(raw).audit.itertuples()}[claim]
    assert verdict() == DISAGREE
    replace_in_file(raw / "led_synergism" / "claims.csv", "Batu Betumpang:process:leadership_commitment,high,",
                    "Batu Betumpang:process:leadership_commitment,low,")
    assert verdict() == AGREE


def test_the_range_and_category_claims_read_the_transcribed_tables(tmp_path):
    """The conclusion's participation range is set against Tabel 4.2's cell, section II's
    categories against Tabel 2.1's rows: changing the table changes the verdict."""
    from conftest import replace_in_file
    from workbench import led_synergism as led
    raw = shutil.copytree(RAW_DIR, tmp_path / "raw")
    ranges = "Batu Betumpang: participation ranges from high down to low (rendah)"
    categories = "the categories of collaboration that section II defines in its text"
    def verdicts():
        found = {row.cell: row.verdict for row in led.load_study(raw).audit.itertuples()}
        return found[ranges], found[categories]
    assert verdicts() == (DISAGREE, DISAGREE)
    replace_in_file(raw / "led_synergism" / "table4_2_findings.csv",
                    "Batu Betumpang,Partisipasi masyarakat bervariasi dari tinggi sampai nihil",
                    "Batu Betumpang,Partisipasi masyarakat bervariasi dari tinggi sampai rendah")
    replace_in_file(raw / "led_synergism" / "claims.csv", "antagonistic; synergism; sectoral,",
                    "antagonistic; synergism; sectoral; less_synergetic,")
    assert verdicts() == (AGREE, AGREE)


def test_claims_register_names_unknown_checks_and_claims(tmp_path):
    from conftest import replace_in_file
    from workbench import tumang_governance as tg
    raw = shutil.copytree(RAW_DIR, tmp_path / "raw")
    replace_in_file(raw / "tumang_governance" / "claims.csv", ",deseve_named_id,", ",no_such_claim,")
    with pytest.raises(DataValidationError) as error:
        tg.load_study(raw).audit
    message = str(error.value)
    assert "claims.csv" in message and "subject" in message and "no_such_claim" in message


def test_inventory_rows_follow_the_datapackage_schema():
    for package in PACKAGES.values():
        with package.path("numbers").open(encoding="utf-8", newline="") as handle:
            header = next(csv.reader(handle))
        assert header == [field["name"] for field in package.schema("numbers")["fields"]]
        package.read("numbers")


def test_a_claim_whose_subject_its_check_cannot_find_names_the_file_line_and_column(tmp_path):
    from conftest import replace_in_file
    from workbench import led_synergism as led
    raw = shutil.copytree(RAW_DIR, tmp_path / "raw")
    replace_in_file(raw / "led_synergism" / "claims.csv", "is fragmented,Telang,fragmented,,published_category,\"Tabel 4.2, last row (Kategori Kolaborasi)\",,,\ncategory_batu_betumpang_abstract_en",
                    "is fragmented,Telang X,fragmented,,published_category,\"Tabel 4.2, last row (Kategori Kolaborasi)\",,,\ncategory_batu_betumpang_abstract_en")
    with pytest.raises(DataValidationError) as error:
        led.load_study(raw).audit
    problem = error.value.problems[0]
    assert (problem.file.endswith("led_synergism/claims.csv"), problem.line, problem.column, problem.value) == \
        (True, 2, "subject", "Telang X")
    assert problem.expected.startswith("the check published_category finds nothing for this subject")
