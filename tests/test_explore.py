"""`workbench.core.explore`: a study's tidy tables, by name, for JupyterLab."""

import pytest

from workbench.core.explore import tidy_table, tidy_tables
from workbench.core.study import processed_folder
from workbench.registry import REGISTRY


@pytest.mark.parametrize("study", REGISTRY.studies(), ids=lambda study: study.name)
def test_the_tidy_tables_are_those_written_to_data_processed(study):
    names = sorted(tidy_tables(study))
    assert names == sorted(path.stem for path in processed_folder(study).glob("*.csv"))


def test_an_unknown_table_is_refused_with_the_names_of_the_tables():
    study = REGISTRY.get("metal_clusters")
    with pytest.raises(ValueError, match=r"no tidy table 'cooperaton'; its tables are: audit, cluster_dynamics, "
                                         r"cooperation,"):
        tidy_table(study, "cooperaton")
