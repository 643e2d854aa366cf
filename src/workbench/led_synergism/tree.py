"""The problem trees (Gambar 4.3, 4.4), reconstructed from the prose as directed graphs."""

import networkx as nx
import pandas as pd

from workbench.core.i18n import _


def tree_graph(edges: pd.DataFrame, area: str) -> nx.DiGraph:
    """The reconstructed problem tree of an area as a directed graph (cause -> effect)."""
    part = edges[edges["area"] == area]
    graph = nx.DiGraph()
    graph.add_edges_from(sorted(set(zip(part["cause"], part["effect"]))))
    return graph


def problem_tree(edges: pd.DataFrame, areas: list[str]) -> pd.DataFrame:
    """Per area and factor: root cause (causes, caused by nothing), trigger (causes another
    factor), triggered (caused by a factor), and its layer (0 = roots; synergism on top)."""
    rows = []
    for area in areas:
        graph = tree_graph(edges, area)
        if not graph:
            continue
        if not nx.is_directed_acyclic_graph(graph):
            raise ValueError(f"The problem tree of {area} has a cycle: {nx.find_cycle(graph)}")
        layer = {}
        for depth, nodes in enumerate(nx.topological_generations(graph)):
            layer.update({node: depth for node in nodes})
        top = max(layer.values()) + 1
        for node in sorted(graph.nodes):
            factor_successors = [s for s in graph.successors(node) if s != "synergism"]
            rows.append({"area": area, "factor_id": node,
                         "root_cause": node != "synergism" and graph.in_degree(node) == 0,
                         "trigger": bool(factor_successors), "triggered": graph.in_degree(node) > 0,
                         "causes": ", ".join(sorted(graph.successors(node))),
                         "layer": top if node == "synergism" else layer[node]})
    return pd.DataFrame(rows, columns=["area", "factor_id", "root_cause", "trigger", "triggered",
                                       "causes", "layer"])


GROUP_STATEMENT = "seven_triggers_section_4_4"   # the claim quoting section 4.4's statement on the triggers as a group


def trigger_comparison(study) -> pd.DataFrame:
    """Triggers derived from the reconstructed tree beside Tabel 4.4, with the reason for
    every difference."""
    claim = study.claims.set_index("claim_id").loc[GROUP_STATEMENT]
    rows = []
    for area in study.triggers["area"].unique():
        listed = set(study.triggers[study.triggers["area"] == area]["factor_id"])
        tree = study.tree[study.tree["area"] == area].set_index("factor_id")
        derived = set(tree.index[tree["trigger"]])
        for factor_id in sorted(listed | derived):
            if factor_id in listed and factor_id in derived:
                why = _("agrees")
            elif factor_id in listed:
                why = _("Tabel 4.4 lists it, but the prose names it a trigger only in the group statements ({place}: "
                        "'{quote}'; section V), which do not say which factor it triggers, so the reconstruction has "
                        "no edge from it to another factor").format(place=claim["place"], quote=claim["quote"])
            else:
                why = _("the prose says it causes {causes}, but the paper counts it among the triggered factors: it "
                        "links triggered factors with each other").format(causes=tree.at[factor_id, "causes"])
            rows.append({"area": area, "factor_id": factor_id, "in_tabel_4_4": factor_id in listed,
                         "derived_trigger": factor_id in derived, "explanation": why})
    return pd.DataFrame(rows)
