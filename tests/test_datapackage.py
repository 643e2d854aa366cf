"""Loading raw tables: every cell validated, every problem reported with file, line and column."""

import pytest

from workbench.core import study as contract
from workbench.core.datapackage import load_package
from workbench.core.readers import read_delimited_text, read_table
from workbench.core.validation import DataValidationError

from conftest import replace_in_file

TABLE3 = "metal_clusters/table3_cluster_dynamics.csv"


@pytest.mark.parametrize("study", contract.registered_names())
def test_every_raw_table_loads_with_its_declared_columns(study):
    package = load_package(study)
    for name in package.published():
        table = package.read(name)
        assert len(table) > 0, name
        assert list(table.columns) == [f["name"] for f in package.schema(name)["fields"]]


def test_missing_source_cell_stays_missing():
    table3 = load_package("metal_clusters").read("table3_cluster_dynamics").set_index("location")
    assert table3.loc["KLATEN", "information_mean"] == 3
    assert table3.isna().loc["KLATEN", "information_max"]


def test_out_of_range_value_names_file_line_column_and_expectation(project_copy):
    raw = project_copy / "data" / "raw"
    replace_in_file(raw / TABLE3, "PATI,4,1,5,", "PATI,4,1,7,")
    with pytest.raises(DataValidationError) as error:
        load_package("metal_clusters", raw).read("table3_cluster_dynamics")
    message = str(error.value)
    assert "table3_cluster_dynamics.csv, line 3 (location=PATI), column 'product_max'" in message
    assert "value '7'" in message and "expected a number from 1 to 5" in message


def test_all_problems_are_reported_at_once(project_copy):
    raw = project_copy / "data" / "raw"
    replace_in_file(raw / TABLE3, "TEGAL,3,1,5,2,", "TEGAL,x,1,5,9,")
    replace_in_file(raw / TABLE3, "PATI,4,", "KLATEN,4,")
    with pytest.raises(DataValidationError) as error:
        load_package("metal_clusters", raw).read("table3_cluster_dynamics")
    columns = [(p.line, p.column) for p in error.value.problems]
    assert (4, "product_mean") in columns          # not a number
    assert (4, "technology_mean") in columns       # out of range
    assert (3, "location") in columns              # duplicate key
    assert "duplicate key" in str(error.value)


def test_missing_column_is_named(project_copy):
    path = project_copy / "data" / "raw" / "metal_clusters" / "table8_problem_solving.csv"
    replace_in_file(path, "location,raw_material,", "location,rawmaterial,")
    with pytest.raises(DataValidationError) as error:
        load_package("metal_clusters", project_copy / "data" / "raw").read("table8_problem_solving")
    message = str(error.value)
    assert "column 'raw_material': this column is missing from the header" in message
    assert "column 'rawmaterial': unexpected column" in message


def test_required_cell_left_empty_is_reported(project_copy):
    path = project_copy / "data" / "raw" / "metal_clusters" / "table4_cooperation_same_kind.csv"
    replace_in_file(path, "Tegal,17,89.5,2,", "Tegal,,89.5,2,")
    with pytest.raises(DataValidationError, match=r"line 4 \(location=Tegal\), column 'cooperating'"
                       r".*a value is required"):
        load_package("metal_clusters", project_copy / "data" / "raw").read("table4_cooperation_same_kind")


def test_semicolon_file_with_decimal_commas_in_windows_encoding_is_read(tmp_path):
    path = tmp_path / "excel.csv"
    path.write_bytes("location;score\nCéper;3,5\n".encode("cp1252"))
    schema = {"fields": [{"name": "location", "type": "string"}, {"name": "score", "type": "number"}]}
    table = read_table(path, schema)
    assert table["location"].iloc[0] == "Céper"
    assert table["score"].iloc[0] == 3.5
    assert read_delimited_text(path)[1] == ";"
