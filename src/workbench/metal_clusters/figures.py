"""Study 1's figures: cluster dynamics, cooperation, problem solving and the cluster model."""

import textwrap

import pandas as pd
import seaborn as sns
from matplotlib.patches import Rectangle

from workbench.core import diagrams
from workbench.core.escape import plain_text
from workbench.core.i18n import _, in_language, significant, source_term, tick_formatter
from workbench.core.plotting import HIGHLIGHT, drawn_by, figure_for, footnote, new_figure
from workbench.core.study import ALL
from workbench.metal_clusters.codebook import DISTRICT_LABELS, RESPONSES
from workbench.metal_clusters.inference import cooperation_intervals
from workbench.metal_clusters.tables import describe_cooperation, describe_dynamics, describe_problem_solving

DOT = "#2b5d8a"   # every district alike; the highlighted one in HIGHLIGHT


@drawn_by
def plot_cluster_dynamics(dynamics: pd.DataFrame, highlight: str = ALL):
    """Each district's mean on the six aspects with its minimum-maximum range (Table 3): one
    small panel per aspect, one row per district, so that it reads the same for 3 districts
    or 40 (a figure-level plot: it returns the Figure)."""
    districts = list(dict.fromkeys(dynamics["district"]))
    aspects = dynamics.drop_duplicates("aspect_id")
    figure, axes = new_figure(10, 1.9 + 0.3 * len(districts), ncols=len(aspects), sharey=True, squeeze=False)
    colours = {d: HIGHLIGHT if d == highlight else DOT for d in districts}
    rows = list(range(len(districts)))
    gaps = []
    for ax, aspect in zip(axes[0], aspects.itertuples()):
        part = dynamics[dynamics["aspect_id"] == aspect.aspect_id].set_index("district").loc[districts]
        low, high = part["minimum"].astype(float), part["maximum"].astype(float)
        ax.hlines(rows, low, high, colors=[colours[d] for d in districts], linewidth=2, alpha=0.45)
        ax.scatter(part["mean"].astype(float), rows, color=[colours[d] for d in districts], s=28, zorder=3)
        gaps += [f"{DISTRICT_LABELS.get(d, d)}, {aspect.aspect}" for d in districts if pd.isna(low[d]) or pd.isna(high[d])]
        ax.set_title(source_term(aspect.aspect, aspect.aspect_en, "\n{}"), fontsize=9)
        ax.set_xlim(0.5, 5.5)
        ax.set_xticks([1, 3, 5])
        ax.grid(axis="x", color="#e5e5e5")
    axes[0][0].set_yticks(rows, [DISTRICT_LABELS.get(d, d) for d in districts])
    axes[0][0].invert_yaxis()
    for tick, district in zip(axes[0][0].get_yticklabels(), districts):
        if district == highlight:
            tick.set_color(HIGHLIGHT)
            tick.set_fontweight("bold")
    figure.suptitle(_("Cluster dynamics on the JICA aspects (Tabel 3)\ndot = mean firm score, line = minimum to maximum; "
                      "1 = sangat kurang dinamis (very undynamic), 3 = dinamis, 5 = sangat dinamis"), fontsize=10)
    if gaps:
        footnote(figure, _("Range not drawn where the source prints no minimum or maximum: {cells}").format(
            cells="; ".join(gaps)))
    return figure


@drawn_by
def plot_cooperation(cooperation: pd.DataFrame, highlight: str = ALL):
    """Shares of the answering firms that do not cooperate, or cooperate passively, actively,
    proactively, for each linkage (Tables 4-7; shares recomputed from the counts), with the
    95% Wilson interval of the share that cooperates drawn where the grey bar ends."""
    linkages = list(dict.fromkeys(cooperation["linkage_id"]))
    rows = cooperation["district"].nunique()
    figure, axes = new_figure(10, 2.6 + 0.32 * rows, ncols=len(linkages), sharex=True, sharey=True, squeeze=False)
    responses = RESPONSES.set_index("response_id")
    colours = dict(zip(RESPONSES["response_id"], ["#bdbdbd", "#9ecae1", "#3182bd", "#08519c", "#74c476"]))
    for ax, linkage_id in zip(axes[0], linkages):
        part = cooperation[cooperation["linkage_id"] == linkage_id]
        grid = part.pivot(index="district", columns="response_id", values="share_of_answering")
        grid = grid.loc[list(dict.fromkeys(part["district"]))[::-1]]
        left = pd.Series(0.0, index=grid.index)
        for response_id in [r for r in RESPONSES["response_id"] if r in grid.columns]:
            values = grid[response_id].astype(float)
            ax.barh([DISTRICT_LABELS.get(d, d) for d in grid.index], values, left=left,
                    color=colours[response_id], label=source_term(responses.at[response_id, "response"],
                                                                  responses.at[response_id, "response_en"].lower(),
                                                                  " / {}"))
            left = left + values
        shares = cooperation_intervals(part).query("answer == 'cooperating'").set_index("district").loc[grid.index]
        boundary = 100 - shares["share"].astype(float)   # where the grey of Tidak ada ends
        ax.errorbar(boundary, range(len(grid)), xerr=[shares["share_high"].astype(float) - shares["share"].astype(float),
                                                       shares["share"].astype(float) - shares["share_low"].astype(float)],
                    fmt="none", ecolor="black", elinewidth=1, capsize=3,
                    label=_("95% interval of the share that cooperates (Wilson)"))
        first = part.iloc[0]
        ax.set_title(source_term(first["linkage"], textwrap.fill(first["linkage_en"], 24), "\n{}"), fontsize=9)
        ax.set_xlim(0, 100)
        if highlight != ALL:
            for tick in ax.get_yticklabels():
                if tick.get_text() == DISTRICT_LABELS.get(highlight, highlight):
                    tick.set_color(HIGHLIGHT)
                    tick.set_fontweight("bold")
    handles = {}
    for ax in axes[0]:
        for handle, label in zip(*ax.get_legend_handles_labels()):
            handles.setdefault(label, handle)
    figure.legend(handles.values(), handles.keys(), loc="outside lower center", ncols=3, frameon=False)
    figure.suptitle(_("Cooperation of firms along four linkages (Tabel 4-7)\n"
                      "% of the firms that answered, recomputed from the counts"), fontsize=10)
    return figure


@drawn_by
def plot_problem_solving(scores: pd.DataFrame, highlight: str = ALL, ax=None):
    """Problem-solving scores as a heatmap of district × problem area (Table 8)."""
    frame = scores.assign(column=[source_term(a, e, "\n{}") for a, e in zip(scores["problem_area"],
                                                                              scores["problem_area_en"])])
    grid = frame.pivot(index="district", columns="column", values="score").astype(float)
    districts = list(dict.fromkeys(frame["district"]))
    grid = grid[list(dict.fromkeys(frame["column"]))].loc[districts]
    grid.index = [DISTRICT_LABELS.get(d, d) for d in grid.index]
    figure, ax = figure_for(ax, 6.5, 1.2 + 0.55 * len(grid))
    written = grid.map(lambda value: "" if pd.isna(value) else significant(value, 3))
    sns.heatmap(grid, ax=ax, annot=written.to_numpy(), fmt="", cmap="Blues", vmin=1, vmax=max(4, grid.max().max()),
                linewidths=1, linecolor="white", cbar_kws={"label": _("score")})
    ax.collections[0].colorbar.ax.yaxis.set_major_formatter(tick_formatter())   # 1.5 or 1,5
    ax.set_xlabel("")
    ax.set_ylabel("")
    ax.tick_params(axis="both", rotation=0)
    ax.set_title(_("How firms solve problems, by area (Tabel 8; higher = more collective)"))
    if highlight != ALL:
        row = districts.index(highlight)
        ax.add_patch(Rectangle((0, row), grid.shape[1], 1, fill=False, edgecolor=HIGHLIGHT, linewidth=2.5))
    return ax


@drawn_by
def plot_cluster_model(steps: pd.DataFrame, ax=None):
    """Section B's seven-step cluster development model as a flow diagram.

    A reconstruction: Gambar 5 is an image absent from the source text. Steps,
    bodies and the core steps come from the step headings and the closing list
    ("inti ... dari model pengembangan klaster ... adalah pada: (1) FPK; (2) FKAK;
    (3) LPT/PKE").
    """
    figure, ax = figure_for(ax, 8, 8.5)
    diagrams.diagram_axes(ax, (0, 1), (-0.5, len(steps) - 0.3))
    for i, step in enumerate(steps.itertuples()):
        y = len(steps) - 1 - i
        english = in_language("", f" — {step.body_name_en}")
        body = f"\n{step.body_name} ({step.body}){english}" if pd.notna(step.body) and \
            step.body != step.body_name else (f"\n{in_language(step.body_name, step.body_name_en)}"
                                              if pd.notna(step.body) else "")
        title = in_language(step.title, step.title_en)
        diagrams.box(ax, 0.5, y, f"Langkah {step.step}: {title}{body}", pad=0.5, linewidth=1.2, wrap=True,
                     facecolor="#fde0c5" if step.core_step else "#f0f0f0",
                     edgecolor=HIGHLIGHT if step.core_step else "#888888")
        if i:
            diagrams.arrow(ax, (0.5, y + 0.72), (0.5, y + 0.28), color="#555555", mutation_scale=12)
    ax.set_title(_("Cluster development model in seven steps (reconstruction of Gambar 5)"))
    footnote(figure, _("Reconstructed from the step headings of section B; shaded: the core steps named in its "
                       "closing list (FPK, FKAK, LPT/PKE).\nThe original diagram is not in the source text."))
    return ax


def cluster_dynamics_alt(dynamics: pd.DataFrame) -> str:
    """Alt text of `plot_cluster_dynamics`: what it draws and what it finds."""
    return _("Six small dot charts, one per aspect of cluster dynamics, with one row per district: its mean firm score "
             "(1 to 5) and a line from the lowest to the highest firm score.") + " " + plain_text(describe_dynamics(dynamics))


def cooperation_alt(cooperation: pd.DataFrame) -> str:
    """Alt text of `plot_cooperation`: what it draws and what it finds."""
    return _("Four stacked bar charts, one per linkage, of each district's firms that do not cooperate and that "
             "cooperate passively, actively or proactively, as shares of the firms that answered, with the 95% interval "
             "of the share that cooperates.") + " " + plain_text(describe_cooperation(cooperation))


def problem_solving_alt(scores: pd.DataFrame) -> str:
    """Alt text of `plot_problem_solving`: what it draws and what it finds."""
    return _("Heat map of each district's score in four problem areas; the higher the score, the more collective the "
             "solution.") + " " + plain_text(describe_problem_solving(scores))


def cluster_model_alt(steps: pd.DataFrame) -> str:
    """Alt text of `plot_cluster_model`: the seven steps in order."""
    core = steps.loc[steps["core_step"].astype(str).str.lower() == "true", "body"].dropna()
    titles = [in_language(title, english) for title, english in zip(steps["title"], steps["title_en"])]
    return _("Diagram of the cluster development model in {count} steps, from first to last: {steps}. The core of the "
             "model: forming the {core}.").format(count=len(steps), steps="; ".join(titles), core=", ".join(core))
