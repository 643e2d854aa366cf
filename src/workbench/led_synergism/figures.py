"""Study 2's figures: activities, dimensions, factor roles and the reconstructed problem trees."""

import numpy as np
import pandas as pd
from matplotlib.colors import ListedColormap
from matplotlib.patches import Patch

from workbench.core import diagrams
from workbench.core.i18n import N_, _, in_language, source_term
from workbench.core.plotting import HIGHLIGHT, drawn_by, figure_for, footnote, highlight_colours
from workbench.core.study import ALL
from workbench.led_synergism import STUDY
from workbench.led_synergism.codebook import (DIMENSIONS, GROUP_LABELS, LEVELS, PROCESS_SUB_ITEMS, ROLE_WORDS, ROLES,
                                              STATUS_WORDS, level_words)
from workbench.led_synergism.tables import activity_counts
from workbench.led_synergism.tree import tree_graph


@drawn_by
def plot_activities(activities: pd.DataFrame, highlight: str = ALL, ax=None):
    """Activities by component group and area (Tabel 4.1)."""
    counts = activity_counts(activities)
    areas = list(dict.fromkeys(activities["area"]))
    groups = [g for g in GROUP_LABELS if g in set(counts["component_group_id"])]
    colours = highlight_colours(areas, highlight)
    figure, ax = figure_for(ax, 7.5, 3.8)
    height = 0.8 / len(areas)
    for i, area in enumerate(areas):
        part = counts[counts["area"] == area].set_index("component_group_id").reindex(groups)["activities"].fillna(0)
        y = np.arange(len(groups)) + (i - (len(areas) - 1) / 2) * height
        bars = ax.barh(y, part.to_numpy(), height=height, color=colours[area], label=area)
        ax.bar_label(bars, padding=2, fontsize=8)
    ax.set_yticks(range(len(groups)), [_(GROUP_LABELS[g]) for g in groups])
    ax.invert_yaxis()
    ax.set_xlabel(_("activities (one per listed activity in Tabel 4.1)"))
    figure.suptitle(_("LED activities by component group and area (Tabel 4.1)"))
    ax.legend(frameon=False)
    return ax


@drawn_by
def plot_dimension_findings(coded: pd.DataFrame, classification: pd.DataFrame, highlight: str = ALL, ax=None):
    """The coded level of every dimension (and process line) side by side per area;
    darker = further from synergism."""
    areas = list(classification["area"])
    items = [("system", "overall"), ("common_goal", "overall"), *[("process", s) for s in PROCESS_SUB_ITEMS],
             ("process", "combined"), ("effect", "overall")]
    rank = np.full((len(items), len(areas)), np.nan)
    labels = np.full((len(items), len(areas)), "", dtype=object)
    for j, area in enumerate(areas):
        combined = classification.set_index("area").loc[area]
        for i, (dimension, sub) in enumerate(items):
            if sub == "combined":
                level = combined["process"]
            else:
                match = coded[(coded["area"] == area) & (coded["dimension_id"] == dimension)
                              & (coded["sub_item_id"] == sub)]["level"]
                level = match.iloc[0] if len(match) else ""
            if level:
                rank[i, j] = LEVELS[dimension].index(level) / (len(LEVELS[dimension]) - 1)
                labels[i, j] = level_words(level)
    figure, ax = figure_for(ax, 3.2 + 2.6 * len(areas), 5)
    ax.imshow(rank, cmap="Oranges", vmin=0, vmax=1, aspect="auto")
    for (i, j), text in np.ndenumerate(labels):
        ax.text(j, i, text or _("not coded"), ha="center", va="center", fontsize=8,
                color="white" if rank[i, j] > 0.6 else "black")
    ax.set_xticks(range(len(areas)), [f"{row.area}\n{category_words(row)}" for row in classification.itertuples()])
    ax.set_yticks(range(len(items)), [f"{dimension_label(d)}: {_(SUB_ITEM_WORDS.get(s, s))}" for d, s in items])
    ax.tick_params(axis="x", top=True, bottom=False, labeltop=True, labelbottom=False)
    if highlight != ALL and highlight in areas:
        ax.get_xticklabels()[areas.index(highlight)].set_color(HIGHLIGHT)
    ax.set_title(_("Dimensions of synergism, coded from Tabel 4.2\n(darker = further from synergism)"))
    footnote(figure, _("Levels are the workbench's coding of Tabel 4.2 (data/raw/led_synergism/coded_findings.csv); "
                       "the category comes from the Tabel 2.1 classifier."))
    return ax


SUB_ITEM_WORDS = {"overall": N_("overall"), "combined": N_("combined"),
                  "leadership_commitment": N_("leadership commitment"),
                  "government_agency_commitment": N_("government agency commitment"),
                  "business_commitment": N_("business commitment"),
                  "community_participation": N_("community participation")}


def dimension_label(dimension_id: str) -> str:
    row = DIMENSIONS.set_index("dimension_id").loc[dimension_id]
    return in_language(row["dimension"], row["dimension_en"].lower())


def category_words(row) -> str:
    """An area's category of collaboration as the reader's language names it, or its status."""
    return in_language(row.category, row.category_en) or _(STATUS_WORDS.get(row.status, row.status))


@drawn_by
def plot_factor_matrix(roles: pd.DataFrame, ax=None):
    """Factor x area matrix of roles from Tabel 4.3: driver, obstacle, both or none."""
    areas = list(dict.fromkeys(roles["area"]))
    factors = list(dict.fromkeys(roles["factor_id"]))
    grid = roles.pivot(index="factor_id", columns="area", values="role").loc[factors, areas]
    names = roles.drop_duplicates("factor_id").set_index("factor_id")
    figure, ax = figure_for(ax, 2.8 + 2.2 * len(areas), 6.2)
    codes = grid.apply(lambda column: column.map(ROLES.index)).to_numpy()
    colours = ["#f0f0f0", "#74c476", "#fb6a4a", "#9e9ac8"]
    ax.imshow(codes, cmap=ListedColormap(colours), vmin=-0.5, vmax=3.5, aspect="auto")
    for (i, j), code in np.ndenumerate(codes):
        ax.text(j, i, ["—", _("driver"), _("obstacle"), _("both")][code], ha="center", va="center", fontsize=8)
    ax.set_xticks(range(len(areas)), areas)
    ax.set_yticks(range(len(factors)), [source_term(names.at[f, "factor"], names.at[f, "factor_en"], " / {}")
                                        for f in factors])
    ax.tick_params(axis="x", top=True, bottom=False, labeltop=True, labelbottom=False)
    figure.suptitle(_("Driving (pendorong) and inhibiting (kendala) factors (Tabel 4.3)"))
    figure.legend([Patch(facecolor=c, edgecolor="#888888") for c in colours],
                  ["— " + _(ROLE_WORDS["none"])] + [_(ROLE_WORDS[role]) for role in ROLES[1:]],
                  loc="outside lower center", ncols=4, frameon=False)
    return ax


@drawn_by
def plot_problem_tree(study, area: str, ax=None):
    """The reconstructed problem tree of one area as a layered diagram: root causes at the
    bottom, synergism at the top; orange = a trigger in Tabel 4.4."""
    area = STUDY.one_case(area, study.cases)
    tree = study.tree[study.tree["area"] == area]
    graph = tree_graph(study.edges, area)
    listed = set(study.triggers[study.triggers["area"] == area]["factor_id"])
    names = factor_names(study)
    position = diagrams.layered_positions(dict(zip(tree["factor_id"], tree["layer"])))
    figure, ax = figure_for(ax, 10, 7)
    diagrams.diagram_axes(ax, (0, 1), (-0.6, tree["layer"].max() + 0.6))
    for cause, effect in sorted(graph.edges):
        diagrams.arrow(ax, position[cause], position[effect], shrinkA=14, shrinkB=14, linewidth=0.8,
                       connectionstyle="arc3,rad=0.08")
    for node, (x, y) in sorted(position.items()):
        colour = "#f4cccc" if node == "synergism" else ("#fde0c5" if node in listed else diagrams.BOX_FACE)
        diagrams.box(ax, x, y, names.get(node, node), facecolor=colour,
                     edgecolor=HIGHLIGHT if node in listed else diagrams.BOX_EDGE)
    ax.set_title(_("Problem tree, {area}: reconstruction from the prose of sections 4.3, 4.4 and V").format(area=area))
    footnote(figure, _("Gambar 4.3 and 4.4 are images absent from the text. Each arrow is a cause -> effect link a "
                       "sentence states (data/raw/led_synergism/problem_tree_edges.csv).\nOrange, red edge: listed as a "
                       "trigger in Tabel 4.4. Bottom row: root causes; layers by longest chain of causes."))
    return ax


def factor_names(study) -> dict[str, str]:
    """Each factor's name in the reader's language (the source's Indonesian, or the English),
    and synergism's."""
    names = {row.factor_id: in_language(row.factor, row.factor_en) for row in study.factors.itertuples()}
    return {**names, "synergism": in_language("SINERGISME", "SYNERGISM")}


def activities_alt(activities: pd.DataFrame) -> str:
    """Alt text of `plot_activities`: what it draws and, per area, the group with most activities."""
    counts = activity_counts(activities)
    most = [_("{area}: {group} ({count} of {total})").format(area=area, group=_(GROUP_LABELS[top.component_group_id]),
                                                              count=top.activities, total=part["activities"].sum())
            for area, part in counts.groupby("area", sort=False)
            for top in [part.sort_values("activities", ascending=False, kind="stable").iloc[0]]]
    return _("Bar chart of the LED activities listed in Tabel 4.1, by component group and area. Most activities "
             "come from one group in each area — {groups}.").format(groups="; ".join(most))


def dimension_findings_alt(classification: pd.DataFrame) -> str:
    """Alt text of `plot_dimension_findings`: what it draws and each area's category."""
    categories = "; ".join(f"{row.area}: {category_words(row)}" for row in classification.itertuples())
    return _("Grid of the coded level of each dimension of synergism (system, common goal, the process lines, effect) "
             "per area, darker the further from synergism. Category of collaboration — {categories}.").format(
        categories=categories)


def factor_matrix_alt(roles: pd.DataFrame) -> str:
    """Alt text of `plot_factor_matrix`: what it draws and the roles counted per area."""
    words = {"driver": _("drivers"), "obstacle": _("obstacles"), "both": _("both driver and obstacle")}
    counts = "; ".join(f"{area}: " + ", ".join(f"{(part['role'] == role).sum()} {word}" for role, word in words.items())
                       for area, part in roles.groupby("area", sort=False))
    return _("Grid of the factors of Tabel 4.3 by area, each marked driver, obstacle, both or neither.") + f" {counts}."


def problem_tree_alt(study, area: str) -> str:
    """Alt text of `plot_problem_tree`: what it draws, its root causes and its triggers."""
    area = STUDY.one_case(area, study.cases)
    tree = study.tree[study.tree["area"] == area]
    names = factor_names(study)
    roots = [names.get(f, f) for f in tree.loc[tree["layer"] == 0, "factor_id"]]
    triggers = [names.get(f, f) for f in study.triggers.loc[study.triggers["area"] == area, "factor_id"]]
    return _("Diagram of the problem tree of {area} as reconstructed from the prose: arrows lead from causes up to "
             "synergism. Root causes: {roots}. Triggers listed in Tabel 4.4: {triggers}.").format(
        area=area, roots=", ".join(roots) or _("none"), triggers=", ".join(triggers) or _("none"))
