"""Tables for reading: a grouping column heads its rows in HTML and stays a column in text."""

import re

import pandas as pd

from workbench.core.tables import Column, readable


def test_a_grouping_column_heads_each_run_of_rows_once_escaped_and_the_text_keeps_it():
    frame = pd.DataFrame({"kind": ["Misprints <b>", "Misprints <b>", "Text against tables", "Misprints <b>"],
                          "where": ["Tabel 5", "Tabel 8", "Tabel 2", "Tabel 9"], "printed": [50.2, 2.8, 17.0, 3.0]})
    table = readable(frame, {"kind": Column("Kind", group=True), "where": "Where"})
    html = table.html("Grouped")
    headings = re.findall(r'<tr class="group"><th colspan="2" scope="colgroup"><span>(.*?)</span></th></tr>', html)
    assert headings == ["Misprints &lt;b&gt;", "Text against tables", "Misprints &lt;b&gt;"]
    head = html.split("<thead>")[1].split("</thead>")[0]
    assert re.findall(r"<th[^>]*>(.*?)</th>", head) == ["Where", "Printed"]
    assert all(row.count("<td") == 2 for row in re.findall(r"<tr>(.*?)</tr>", html.split("<tbody>")[1]))
    assert table.text().splitlines()[0].split() == ["Kind", "Where", "Printed"]
    assert "Misprints <b>" in table.text()


def test_without_a_grouping_column_every_row_has_every_cell():
    table = readable(pd.DataFrame({"kind": ["a b", "a b"], "n": [1, 2]}))
    assert 'class="group"' not in table.html() and table.group is None
    assert len(re.findall(r"<td", table.html())) == 4
