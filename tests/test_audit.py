from workbench.core.audit import audit_entry, round_half_up


def test_rounds_half_up_like_printed_tables():
    assert str(round_half_up(0.25, 1)) == "0.3"
    assert str(round_half_up(2 / 3 * 100, 1)) == "66.7"
    assert str(round_half_up(17.5, 0)) == "18"


def test_entry_agrees_only_within_the_printed_precision():
    assert audit_entry("T", "c", 33.3, 100 / 3, 1)["agrees"]
    assert not audit_entry("T", "c", 50.2, 50.0, 1)["agrees"]
    assert not audit_entry("T", "c", 17, float("nan"), 0)["agrees"]
