"""Study 1: tidy tables, recomputed shares and the reproduction audit, against hand-worked values."""

import pandas as pd
import pytest

from workbench import metal_clusters as mc


@pytest.fixture(scope="module")
def study():
    return mc.load_study()


@pytest.mark.parametrize("name, expected", [
    ("all", "all"), ("ALL", "all"), ("Klaten", "Klaten"), ("ceper", "Klaten"), ("Ceper-Klaten", "Klaten"),
    ("pati", "Pati"), ("Juwana", "Pati"), ("PATI-JUWANA", "Pati"), ("tegal", "Tegal"), (" Tegal ", "Tegal"),
])
def test_district_names_and_aliases(name, expected):
    assert mc.STUDY.resolve(name) == expected


def test_unknown_district_lists_the_valid_ones():
    with pytest.raises(ValueError) as error:
        mc.STUDY.resolve("Boyolali")
    for valid in ["all", "Klaten", "Ceper", "Pati", "Juwana", "Pati-Juwana", "Tegal"]:
        assert valid in str(error.value)


def test_dynamics_is_long_one_row_per_district_and_aspect(study):
    assert len(study.dynamics) == 3 * 6
    pati_product = study.dynamics.query("district == 'Pati' and aspect_id == 'product'").iloc[0]
    assert (pati_product["mean"], pati_product["minimum"], pati_product["maximum"]) == (4, 1, 5)
    assert pati_product["aspect"] == "Produk" and pati_product["aspect_en"] == "Product"


def test_cooperation_shares_recomputed_from_counts(study):
    coop = study.cooperation.set_index(["district", "linkage_id", "response_id"])
    # Table 4, Pati: 4 of 17 do not cooperate; 3 of the 13 cooperating firms are proactive.
    assert coop.loc[("Pati", "same_kind", "not_cooperating"), "share_of_answering"] == pytest.approx(400 / 17)
    assert coop.loc[("Pati", "same_kind", "proactive"), "share_of_cooperating"] == pytest.approx(300 / 13)
    assert pd.isna(coop.loc[("Pati", "same_kind", "not_cooperating"), "share_of_cooperating"])
    # Table 7 has no modes: Tegal 9 of 17 cooperate.
    assert coop.loc[("Tegal", "supporting", "cooperating_mode_not_asked"), "firms"] == 9
    assert coop.loc[("Tegal", "supporting", "cooperating_mode_not_asked"), "share_of_answering"] == \
        pytest.approx(900 / 17)
    shares = study.cooperation.groupby(["district", "linkage_id"])["share_of_answering"].sum()
    assert shares.to_numpy() == pytest.approx(100)


def test_audit_finds_exactly_the_disagreements_worked_out_by_hand(study):
    audit = study.audit
    wrong = audit[(audit["verdict"] == "disagree") & (audit["group"] == "arithmetic")]
    assert sorted(zip(wrong["table"], wrong["cell"])) == [
        ("Tabel 5", "Ceper × Pasif (%)"),                   # printed 50,2; 2 of 4 is 50.0
        ("Tabel 8", "Rata-rata × Bahan Penolong"),          # printed 2,8; (2+3+3)/3 = 2.67
        ("Tabel 8", "Rata-rata × Pemasaran"),               # printed 2,9; (2+3+3)/3 = 2.67
        ("Tabel 8", "Rata-rata × Produksi"),                # printed 2,8; (3+4+3)/3 = 3.33
    ]
    claims = audit[(audit["verdict"] == "disagree") & ~audit["group"].isin(["arithmetic", "beyond_chance"])].set_index("cell")
    assert sorted(claims.index) == [
        "'tiga aspek lainnya': the aspects left besides skills, trust and (by the first paragraph) information",
        "in every location more cooperating firms are passive than active",   # Ceper: 2 passive, 2 active
        "the 48 firms interviewed are the sample of Tabel 5: no location counts more firms there than in Tabel 4",
        "the aspects that show dynamics are product, technology, market and information; skills and trust show none",
    ]
    assert "Tegal: 22 against 19" in claims.loc["the 48 firms interviewed are the sample of Tabel 5: no location "
                                                "counts more firms there than in Tabel 4", "note"]
    assert "only there: trust" in claims.loc["the aspects that show dynamics are product, technology, market and "
                                             "information; skills and trust show none", "note"]
    assert set(audit.loc[audit["verdict"] == "cannot be checked", "table"]) == {
        "Tabel 7, title (line 108)", "Section B.4 (line 202)",
        "Text after Tabel 3 (line 42)"}   # Pati most and least dynamic: Tabel 3 allows no test
    klaten_total = study.audit.set_index("cell").loc["KLATEN × Jumlah (Rata2)"]
    assert (klaten_total["published"], klaten_total["recomputed"]) == (17, 17)  # 3+3+3+2+3+3
    table4_total = study.audit.set_index(["table", "cell"]).loc[("Tabel 4", "Total × Ada (%)")]
    assert table4_total["recomputed"] == pytest.approx(100 * 34 / 48, abs=1e-3)


def test_audit_flags_a_changed_published_value(project_copy):
    from conftest import replace_in_file
    raw = project_copy / "data" / "raw"
    replace_in_file(raw / "metal_clusters" / "table6_cooperation_forward.csv", "Pati,13,86.7,", "Pati,13,87.7,")
    audit = mc.load_study(raw).audit
    assert not audit.set_index(["table", "cell"]).loc[("Tabel 6", "Pati × Ada (%)"), "agrees"]


def test_district_profile_compares_with_the_other_districts(study):
    profile = mc.district_profile(study, "Tegal").set_index("item")
    information = profile.loc["Informasi / Information"]
    assert information["Tegal"] == 4
    assert information["others_mean"] == pytest.approx((3 + 2) / 2)
    assert information["difference"] == pytest.approx(1.5)


def test_strongest_and_weakest_lists_ties(study):
    sentence = mc.strongest_and_weakest(study, "Tegal")
    assert "strongest: Informasi (information) (4); weakest: Teknologi (technology), Ketrampilan (skill) (2)" \
        in sentence
    assert "Problem solving (Tabel 8 scores): all 4 equal at 3" in sentence
    assert "most collective: Bahan Baku (raw material), Produksi (production) (4); least: Bahan Penolong " \
        "(auxiliary material), Pemasaran (marketing) (3)" in mc.strongest_and_weakest(study, "Pati")


def test_figures_describe_what_they_draw(study):
    from workbench.core.plotting import describe_figure
    text = describe_figure(mc.plot_problem_solving(study.problem_solving))
    assert "cells: [3, 2, 3, 2, 4, 3, 4, 3, 3, 3, 3, 3]" in text
    text = describe_figure(mc.plot_cluster_dynamics(study.dynamics, "Pati"))
    product = text.split("title='Produk")[1].split("axes:")[0]
    assert text.count("axes: title=") == 6   # a panel per aspect
    assert "points '_child1': [3, 0, 4, 1, 3, 2]" in product   # Klaten 3, Pati 4, Tegal 3 (row 0, 1, 2)
    assert "Klaten (Ceper), Informasi" in text   # the missing maximum is said, not drawn
