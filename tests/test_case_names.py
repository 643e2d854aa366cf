"""Every function that shows one case resolves its name as the case parameter does: an alias
gives the same answer as the canonical name; "all" and an unknown name are refused with the
valid names, never answered with an empty table."""

import pytest

from workbench import led_synergism as led
from workbench import metal_clusters as mc
from workbench import synthesis as sy
from workbench import tumang_governance as tg


@pytest.fixture(scope="module")
def studies():
    return {"metal": mc.load_study(), "led": led.load_study(), "tumang": tg.load_study(), "synthesis": sy.load_study()}


CALLS = [
    ("tumang", lambda s, name: tg.problem_map(s, name).to_dict("records"), "Tumang", "Cepogo"),
    ("tumang", lambda s, name: tg.verdict_summary(s.verdicts, "deseve", name), "Tumang", "desa cepogo"),
    ("metal", lambda s, name: mc.district_profile(s, name).to_dict("records"), "Pati", "Juwana"),
    ("metal", lambda s, name: mc.strongest_and_weakest(s, name), "Klaten", "ceper"),
    ("led", lambda s, name: led.area_levels(s.coded, name), "Batu Betumpang", "batu  betumpang"),
    ("synthesis", lambda s, name: sy.construct_text(s, name), "trust", "Kepercayaan"),
]


@pytest.mark.parametrize("study, call, canonical, alias", CALLS)
def test_an_alias_gives_the_canonical_answer(studies, study, call, canonical, alias):
    assert call(studies[study], alias) == call(studies[study], canonical)


@pytest.mark.parametrize("study, call, canonical, alias", CALLS)
@pytest.mark.parametrize("name", ["Nonexistent", "all"])
def test_an_unknown_name_or_all_is_refused(studies, study, call, canonical, alias, name):
    with pytest.raises(ValueError, match=canonical):
        call(studies[study], name)


def test_an_unknown_name_lists_each_other_name_once_and_quotes_one_with_a_comma():
    from workbench.core.choices import resolve_choice
    with pytest.raises(ValueError) as error:
        resolve_choice("Nowhere", {"Tumang": ("Tumang, Cepogo", "Cepogo", "cepogo", "tumang")}, "case")
    assert str(error.value) == "Unknown case 'Nowhere'. Valid case values: Tumang (also: 'Tumang, Cepogo', Cepogo)."
