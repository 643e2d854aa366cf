"""Loading raw tables: every cell validated, every problem reported with file, line and column."""

import pytest

from workbench.core import study as contract
from workbench.core.datapackage import load_package
from workbench.core.readers import read_delimited_text, read_table
from workbench.core.validation import DataValidationError

from conftest import replace_in_file
from workbench.registry import REGISTRY

TABLE3 = "metal_clusters/table3_cluster_dynamics.csv"


@pytest.mark.parametrize("study", REGISTRY.names)
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


def copied_package(tmp_path, study: str = "metal_clusters"):
    """A data_dir holding a copy of one study's data folder."""
    import shutil

    from workbench.core.paths import RAW_DIR
    shutil.copytree(RAW_DIR / study, tmp_path / "raw" / study)
    return tmp_path / "raw"


def test_a_cell_that_is_not_a_number_is_reported_once_with_its_text(tmp_path):
    raw = copied_package(tmp_path)
    replace_in_file(raw / "metal_clusters" / "table4_cooperation_same_kind.csv", "Tegal,17,89.5,2,", "Tegal,x,89.5,2,")
    with pytest.raises(DataValidationError) as error:
        load_package("metal_clusters", raw).read("table4_cooperation_same_kind")
    assert [(p.line, p.column, p.value) for p in error.value.problems] == [(4, "cooperating", "x")]


@pytest.mark.parametrize("broken, expected", [
    ('{"resources": [', "datapackage.json, line 1: not valid JSON (Expecting value at column 16)"),
    ("[1, 2]", "datapackage.json: a JSON list; expected a JSON object"),
    ('{"name": "x"}', 'datapackage.json: it has no "resources" list'),
    ('{"resources": [{"name": "t", "path": "t.csv", "schema": {"fields": [{"name": "a"}, '
     '{"name": "b", "type": "number", "constraints": {"minimum": "one"}}], "primaryKey": ["c"]}}, 3]}',
     "resource 't': field 'a' has no type; expected one of integer, number, boolean, string"),
])
def test_a_broken_descriptor_is_refused_naming_the_file_and_what_is_wrong(tmp_path, broken, expected):
    raw = copied_package(tmp_path)
    (raw / "metal_clusters" / "datapackage.json").write_text(broken, encoding="utf-8")
    with pytest.raises(DataValidationError) as error:
        load_package("metal_clusters", raw)
    assert expected in str(error.value)
    if "primaryKey" in broken:
        assert "resource 't': field 'b': minimum must be a number" in str(error.value)
        assert "resource 't': primaryKey ['c'] must list fields of the schema" in str(error.value)
        assert "resource 2 is not an object with a name and a path" in str(error.value)


def test_a_resource_the_study_reads_but_the_descriptor_lacks_is_named(tmp_path, monkeypatch, capsys):
    import json

    from workbench import cli
    raw = copied_package(tmp_path)
    descriptor = raw / "metal_clusters" / "datapackage.json"
    parsed = json.loads(descriptor.read_text(encoding="utf-8"))
    parsed["resources"] = [r for r in parsed["resources"] if r["name"] != "claims"]
    descriptor.write_text(json.dumps(parsed), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code = cli.main(["--reports", str(tmp_path / "reports"), "run", "metal_clusters", "-p", "data_dir", "raw",
                     "--no-site"])
    error = capsys.readouterr().err
    assert code == 1 and "Traceback" not in error
    assert "raw/metal_clusters/datapackage.json: it describes no resource 'claims', which the study reads" in error
    assert not (tmp_path / "reports" / "metal_clusters").exists()


def test_a_key_that_names_no_row_of_the_table_it_points_at_is_refused_with_the_others(project_copy):
    """Tabel 4.2's printed category must be Tabel 2.1's name for it, and every coded finding a
    row of Tabel 4.2 (the descriptor's foreignKeys); all such problems come at once."""
    from workbench import led_synergism as led
    raw = project_copy / "data" / "raw"
    replace_in_file(raw / "led_synergism" / "table4_2_categories.csv", "Telang,Terfragmentasi,", "Telang,Fragmentasi,")
    replace_in_file(raw / "led_synergism" / "coded_findings.csv", "Telang,system,overall,", "Telang Baru,system,overall,")
    with pytest.raises(DataValidationError) as error:
        led.load_study(raw)
    found = {(p.file.rsplit("/", 1)[-1], p.line, p.column, p.value): p.expected for p in error.value.problems}
    assert found[("table4_2_categories.csv", 2, "category_id, category", "fragmented, Fragmentasi")] == \
        "expected a row of table2_1_categories.csv (category_id, category): fragmented, Terfragmentasi"
    assert found[("coded_findings.csv", 2, "area, dimension_id, sub_item_id", "Telang Baru, system, overall")].startswith(
        "expected a row of table4_2_findings.csv (area, dimension_id, sub_item_id): Batu Betumpang, common_goal, overall;")


def test_a_foreign_key_to_nothing_is_a_broken_descriptor(tmp_path):
    import json
    raw = copied_package(tmp_path)
    descriptor = raw / "metal_clusters" / "datapackage.json"
    parsed = json.loads(descriptor.read_text(encoding="utf-8"))
    table3 = next(r for r in parsed["resources"] if r["name"] == "table3_cluster_dynamics")
    table3["schema"]["foreignKeys"] = [
        {"fields": "location", "reference": {"resource": "no_such_table", "fields": "location"}},
        {"fields": ["location"], "reference": {"resource": "", "fields": ["nowhere"]}}]
    descriptor.write_text(json.dumps(parsed), encoding="utf-8")
    with pytest.raises(DataValidationError) as error:
        load_package("metal_clusters", raw)
    assert "foreign key 1: it points at no resource of the package ('no_such_table')" in str(error.value)
    assert "foreign key 2: expected as many fields on each side, each a field of its schema (not: nowhere)" \
        in str(error.value)
