"""data/processed/ must hold what the package derives from data/raw/ now, for every registered study."""

import pytest

from workbench.core import study as contract
from workbench.registry import REGISTRY


@pytest.mark.parametrize("name", REGISTRY.names)
def test_processed_tables_are_up_to_date(tmp_path, name):
    study = REGISTRY.get(name)
    written = contract.write_processed(study, folder=tmp_path)
    assert written
    folder = contract.processed_folder(study)
    committed = sorted(path.name for path in folder.glob("*.csv"))
    assert committed == sorted(path.name for path in written)
    for path in written:
        assert (folder / path.name).read_bytes() == path.read_bytes(), \
            f"data/processed/{name}/{path.name} is stale: run `workbench processed`"
