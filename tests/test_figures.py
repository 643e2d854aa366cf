"""seaborn's convention for every single-axes plot: `ax=` in, the Axes out, so that a reader
can place a study's plot in a figure of their own; without `ax` a new figure is made."""

import matplotlib.pyplot as plt
import pytest

from workbench import led_synergism as led
from workbench import metal_clusters as mc
from workbench import synthesis as sy
from workbench import tumang_governance as tg

PLOTS = {
    "problem solving": lambda ax: mc.plot_problem_solving(mc.load_study().problem_solving, ax=ax),
    "cluster model": lambda ax: mc.plot_cluster_model(mc.load_study().raw["cluster_model_steps"], ax=ax),
    "activities": lambda ax: led.plot_activities(led.load_study().activities, ax=ax),
    "dimensions": lambda ax: led.plot_dimension_findings(led.load_study().coded, led.load_study().classification, ax=ax),
    "factor matrix": lambda ax: led.plot_factor_matrix(led.load_study().factor_roles, ax=ax),
    "problem tree": lambda ax: led.plot_problem_tree(led.load_study(), "Telang", ax=ax),
    "scorecards": lambda ax: tg.plot_scorecards(tg.load_study().verdicts, "Tumang", ax=ax),
    "problem map": lambda ax: tg.plot_problem_map(tg.load_study(), "Tumang", ax=ax),
    "construct grid": lambda ax: sy.plot_construct_grid(sy.load_study(), ["trust"], ax=ax),
}


@pytest.mark.parametrize("name", PLOTS)
def test_a_single_axes_plot_draws_on_the_axes_it_is_given_and_returns_it(name):
    figure, axes = plt.subplots(1, 2)
    try:
        assert PLOTS[name](axes[1]) is axes[1]
        assert axes[1].has_data() or axes[1].texts or axes[1].patches
        assert not axes[0].has_data()
    finally:
        plt.close(figure)
    drawn = PLOTS[name](None)
    assert len(drawn.figure.axes) >= 1 and drawn in drawn.figure.axes
    plt.close(drawn.figure)


def test_a_figures_data_are_exactly_the_values_it_draws():
    from workbench.core.plotting import figure_data
    study = mc.load_study()
    cells = figure_data(mc.plot_problem_solving(study.problem_solving))
    assert set(cells["mark"]) == {"cell", "text"}   # each cell, and the number written in it
    assert cells.loc[cells["mark"] == "text", "text"].tolist()[:4] == ["3", "2", "3", "2"]   # Klaten's row
    drawn = cells[cells["mark"] == "cell"].set_index(["y_category", "x_category"])["value"]
    assert drawn[("Pati (Juwana)", "Produksi / Production")] == 4   # Tabel 8, Pati, Produksi
    assert len(drawn) == len(study.problem_solving)
    bars = figure_data(mc.plot_cooperation(study.cooperation))
    same_kind = bars[(bars["panel"] == "IKM sejenis / Same-kind firms") & (bars["mark"] == "bar")]
    tegal = same_kind[same_kind["y_category"] == "Tegal"].set_index("series")["value"]
    assert tegal["Tidak ada / does not cooperate"] == pytest.approx(100 * 2 / 19)


def test_every_published_figure_has_its_data_and_names_the_function_that_drew_it():
    from workbench.core.paths import REPORTS_DIR
    figures = sorted(REPORTS_DIR.glob("*/*/figures/*.svg"))
    assert figures and all(svg.with_suffix(".csv").is_file() for svg in figures)
    page = (REPORTS_DIR / "metal_clusters" / "all" / "report.html").read_text(encoding="utf-8")
    assert 'href="figures/cooperation.csv"' in page
    assert "drawn by <code>workbench.metal_clusters.figures.plot_cooperation</code>" in page


def test_every_figure_csv_has_the_numbers_its_description_gives():
    """The numbers of each published figure's description (the text nbval compares) are all in
    its CSV, rounded as the description rounds them."""
    import json
    import re

    import pandas as pd

    from workbench.core.mime import FIGURE_MIME
    from workbench.core.paths import REPORTS_DIR
    checked = 0
    for notebook in sorted(REPORTS_DIR.glob("*/*/notebook.ipynb")):
        cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
        for output in (o for cell in cells for o in cell.get("outputs", [])):
            record = output.get("data", {}).get(FIGURE_MIME)
            if not record:
                continue
            described = set()
            for line in record["description"].splitlines():
                if re.match(r"\s+(bars|line|points|cells|segments)\b", line):
                    described |= {float(n) for n in re.findall(r"-?\d+(?:\.\d+)?", line.split(":", 1)[1])}
            data = pd.read_csv(notebook.parent / "figures" / f"{record['name']}.csv")
            values = data[["x", "y", "x_end", "y_end", "value"]].to_numpy().ravel()
            in_csv = {round(float(v), 3) for v in values if v == v}
            missing = {n for n in described if round(n, 3) not in in_csv}
            assert not missing, f"{notebook.parent.name}/{record['name']}: {sorted(missing)[:5]} not in its CSV"
            checked += 1
    assert checked >= 20
