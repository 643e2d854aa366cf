"""data/processed/ must hold what the package derives from data/raw/ now, for every study."""

import pytest

from workbench.cli import PROCESSED_WRITERS
from workbench.core.paths import PROCESSED_DIR


@pytest.mark.parametrize("study", sorted(PROCESSED_WRITERS))
def test_processed_tables_are_up_to_date(tmp_path, study):
    written = PROCESSED_WRITERS[study](folder=tmp_path)
    assert written
    committed = sorted(path.name for path in (PROCESSED_DIR / study).glob("*.csv"))
    assert committed == sorted(path.name for path in written)
    for path in written:
        assert (PROCESSED_DIR / study / path.name).read_bytes() == path.read_bytes(), \
            f"data/processed/{study}/{path.name} is stale: run `workbench processed`"
