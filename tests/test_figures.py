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
