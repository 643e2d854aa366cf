"""Study 1's figures: cluster dynamics, cooperation, problem solving and the cluster model."""

import pandas as pd
import seaborn as sns
from matplotlib.patches import Rectangle

from workbench.core import diagrams
from workbench.core.plotting import HIGHLIGHT, figure_for, footnote, highlight_colours, new_figure
from workbench.core.study import ALL
from workbench.metal_clusters.codebook import DISTRICT_LABELS, RESPONSES
from workbench.metal_clusters.inference import cooperation_intervals
from workbench.metal_clusters.tables import describe_cooperation, describe_dynamics, describe_problem_solving


def plot_cluster_dynamics(dynamics: pd.DataFrame, highlight: str = ALL, ax=None):
    """Each district's mean on the six aspects with its minimum-maximum range (Table 3)."""
    figure, ax = figure_for(ax, 8.5, 4.2)
    districts = list(dict.fromkeys(dynamics["district"]))
    colours = highlight_colours(districts, highlight)
    width = 0.6 / max(len(districts), 1)
    gaps = []
    for i, district in enumerate(districts):
        part = dynamics[dynamics["district"] == district].reset_index(drop=True)
        x = part.index + (i - (len(districts) - 1) / 2) * width
        label = DISTRICT_LABELS.get(district, district)
        ax.vlines(x, part["minimum"].astype(float), part["maximum"].astype(float),
                  colors=colours[district], linewidth=2, alpha=0.6, label=f"{label} range")
        ax.plot(x, part["mean"].astype(float), "osD^v"[i % 5], color=colours[district], markersize=7,
                label=f"{label} mean")
        for row in part[part["minimum"].isna() | part["maximum"].isna()].itertuples():
            gaps.append(f"{label}, {row.aspect}")
    aspects = dynamics.drop_duplicates("aspect_id")
    ax.set_xticks(range(len(aspects)), aspects["aspect"] + "\n" + aspects["aspect_en"])
    ax.set_yticks([1, 2, 3, 4, 5], ["1 sangat kurang\ndinamis", "2", "3 dinamis", "4", "5 sangat\ndinamis"])
    ax.set_ylim(0.6, 5.4)
    ax.set_ylabel("score (1-5)")
    ax.set_title("Cluster dynamics on the JICA aspects: mean and min-max range (Tabel 3)")
    ax.legend(ncols=min(len(districts), 3), loc="upper center", bbox_to_anchor=(0.5, -0.18), frameon=False)
    if gaps:
        footnote(figure, "Range not drawn where the source prints no minimum or maximum: " + "; ".join(gaps))
    return ax


def plot_cooperation(cooperation: pd.DataFrame, highlight: str = ALL):
    """Shares of the answering firms that do not cooperate, or cooperate passively, actively,
    proactively, for each linkage (Tables 4-7; shares recomputed from the counts), with the
    95% Wilson interval of the share that cooperates drawn where the grey bar ends."""
    linkages = list(dict.fromkeys(cooperation["linkage_id"]))
    figure, axes = new_figure(10, 6, nrows=2, ncols=2, sharex=True)
    responses = RESPONSES.set_index("response_id")
    colours = dict(zip(RESPONSES["response_id"], ["#bdbdbd", "#9ecae1", "#3182bd", "#08519c", "#74c476"]))
    for ax, linkage_id in zip(axes.ravel(), linkages):
        part = cooperation[cooperation["linkage_id"] == linkage_id]
        grid = part.pivot(index="district", columns="response_id", values="share_of_answering")
        grid = grid.loc[list(dict.fromkeys(part["district"]))[::-1]]
        left = pd.Series(0.0, index=grid.index)
        for response_id in [r for r in RESPONSES["response_id"] if r in grid.columns]:
            values = grid[response_id].astype(float)
            ax.barh([DISTRICT_LABELS.get(d, d) for d in grid.index], values, left=left,
                    color=colours[response_id], label=f"{responses.at[response_id, 'response']} / "
                    f"{responses.at[response_id, 'response_en'].lower()}")
            left = left + values
        shares = cooperation_intervals(part).query("answer == 'cooperating'").set_index("district").loc[grid.index]
        boundary = 100 - shares["share"].astype(float)   # where the grey of Tidak ada ends
        ax.errorbar(boundary, range(len(grid)), xerr=[shares["share_high"].astype(float) - shares["share"].astype(float),
                                                       shares["share"].astype(float) - shares["share_low"].astype(float)],
                    fmt="none", ecolor="black", elinewidth=1, capsize=3,
                    label="95% interval of the share that cooperates (Wilson)")
        first = part.iloc[0]
        ax.set_title(f"{first['linkage']}\n{first['linkage_en']}")
        ax.set_xlim(0, 100)
        if highlight != ALL:
            for tick in ax.get_yticklabels():
                if tick.get_text() == DISTRICT_LABELS.get(highlight, highlight):
                    tick.set_color(HIGHLIGHT)
                    tick.set_fontweight("bold")
    for ax in axes[-1]:
        ax.set_xlabel("% of the firms that answered (recomputed from the counts)")
    handles = {}
    for ax in axes.ravel():
        for handle, label in zip(*ax.get_legend_handles_labels()):
            handles.setdefault(label, handle)
    figure.legend(handles.values(), handles.keys(), loc="outside lower center", ncols=3, frameon=False)
    figure.suptitle("Cooperation of firms along four linkages (Tabel 4-7)")
    return figure


def plot_problem_solving(scores: pd.DataFrame, highlight: str = ALL, ax=None):
    """Problem-solving scores as a heatmap of district × problem area (Table 8)."""
    frame = scores.assign(column=scores["problem_area"] + "\n" + scores["problem_area_en"])
    grid = frame.pivot(index="district", columns="column", values="score").astype(float)
    districts = list(dict.fromkeys(frame["district"]))
    grid = grid[list(dict.fromkeys(frame["column"]))].loc[districts]
    grid.index = [DISTRICT_LABELS.get(d, d) for d in grid.index]
    figure, ax = figure_for(ax, 6.5, 1.2 + 0.55 * len(grid))
    sns.heatmap(grid, ax=ax, annot=True, fmt=".3g", cmap="Blues", vmin=1, vmax=max(4, grid.max().max()),
                linewidths=1, linecolor="white", cbar_kws={"label": "score"})
    ax.set_xlabel("")
    ax.set_ylabel("")
    ax.tick_params(axis="both", rotation=0)
    ax.set_title("How firms solve problems, by area (Tabel 8; higher = more collective)")
    if highlight != ALL:
        row = districts.index(highlight)
        ax.add_patch(Rectangle((0, row), grid.shape[1], 1, fill=False, edgecolor=HIGHLIGHT, linewidth=2.5))
    return ax


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
        body = f"\n{step.body_name} ({step.body}) — {step.body_name_en}" if pd.notna(step.body) and \
            step.body != step.body_name else (f"\n{step.body_name_en}" if pd.notna(step.body) else "")
        diagrams.box(ax, 0.5, y, f"Langkah {step.step}: {step.title_en}{body}", pad=0.5, linewidth=1.2, wrap=True,
                     facecolor="#fde0c5" if step.core_step else "#f0f0f0",
                     edgecolor=HIGHLIGHT if step.core_step else "#888888")
        if i:
            diagrams.arrow(ax, (0.5, y + 0.72), (0.5, y + 0.28), color="#555555", mutation_scale=12)
    ax.set_title("Cluster development model in seven steps (reconstruction of Gambar 5)")
    footnote(figure, "Reconstructed from the step headings of section B; shaded: the core steps named in its "
             "closing list (FPK, FKAK, LPT/PKE).\nThe original diagram is not in the source text.")
    return ax


def cluster_dynamics_alt(dynamics: pd.DataFrame) -> str:
    """Alt text of `plot_cluster_dynamics`: what it draws and what it finds."""
    return ("Dot chart of each district's mean firm score on the six aspects of cluster dynamics (1 to 5), with a line "
            f"from the lowest to the highest firm score. {describe_dynamics(dynamics)}")


def cooperation_alt(cooperation: pd.DataFrame) -> str:
    """Alt text of `plot_cooperation`: what it draws and what it finds."""
    return ("Four stacked bar charts, one per linkage, of each district's firms that do not cooperate and that "
            "cooperate passively, actively or proactively, as shares of the firms that answered, with the 95% interval "
            f"of the share that cooperates. {describe_cooperation(cooperation)}")


def problem_solving_alt(scores: pd.DataFrame) -> str:
    """Alt text of `plot_problem_solving`: what it draws and what it finds."""
    return ("Heat map of each district's score in four problem areas; the higher the score, the more collective the "
            f"solution. {describe_problem_solving(scores)}")


def cluster_model_alt(steps: pd.DataFrame) -> str:
    """Alt text of `plot_cluster_model`: the seven steps in order."""
    core = steps.loc[steps["core_step"].astype(str).str.lower() == "true", "body"].dropna()
    return (f"Diagram of the cluster development model in {len(steps)} steps, from first to last: "
            + "; ".join(steps["title_en"]) + f". The core of the model: forming the {', '.join(core)}.")
