"""How the report site shows a run's tables and figures: MyST-NB renders each page (the
executed notebook, its code left out) and this module is what it calls for the workbench's
outputs.

- `RunOutputs` is a MyST-NB MIME renderer (registered under the `myst_nb.mime_renderers`
  entry point) for the JSON records that workbench.core.report puts beside each table and
  figure: a table becomes the HTML the run made for it (the same that JupyterLab shows), with
  its anchor and CSV download, behind a fold if the run folded it; a figure becomes a figure
  of the run's SVG file, with its alt text, its caption and its downloads.
- As a Sphinx extension (`setup`), it resolves a page's `{numref}` roles to the tables and
  figures of that page, by the numbers their run gave them ("Table 3", as JupyterLab shows
  them too), and writes what the page shows in the edition's language.

The page (workbench.core.site) adds to each output's metadata, under `PLACED`, where its
files are for the site: its anchor and the files to offer for download.
"""

from docutils import nodes

from workbench.core.escape import html_text
from workbench.core.i18n import LANGUAGES, _, use_language
from workbench.core.mime import FIGURE_MIME, TABLE_MIME, fold_summary

PLACED = "workbench_site"


def download_links(files: list[list[str]], figure: bool) -> list[str]:
    """Links to an output's files, given as [kind, path] (a figure's CSV is the values it draws)."""
    words = {"svg": "SVG", "png": _("PNG (200 dpi)"), "csv": _("the values it draws (CSV)") if figure else "CSV"}
    return [f'<a href="{html_text(path)}">{words[kind]}</a>' for kind, path in files]


def downloads_paragraph(links: list[str], after: str = "") -> str:
    download = _("Download:")
    return f'<p class="downloads">{download} {" · ".join(links)}{after}</p>'


def table_nodes(record: dict, placed: dict) -> list[nodes.Element]:
    """A table as the run made it, in a scroll container, with its CSV; folded if the run
    folded it."""
    anchor = placed.get("anchor", "")
    block = f'<div class="workbench-scroll">{record["html"]}</div>'
    if not record.get("name"):
        return [nodes.raw("", block, format="html")]
    links = download_links(placed.get("files", []), figure=False)
    if links:
        block += downloads_paragraph(links)
    block = f'<div class="table-block" id="{html_text(anchor)}">{block}</div>'
    if record.get("fold"):
        block = f'<details class="fold"><summary>{fold_summary(record)}</summary>{block}</details>'
    return [shown(nodes.raw("", block, format="html"), record, anchor)]


def figure_nodes(record: dict, placed: dict) -> list[nodes.Element]:
    """A figure of the run's SVG file, with alt text for people, the run's caption, its
    downloads and the function that drew it."""
    anchor = placed.get("anchor", "")
    figure = nodes.figure(ids=[anchor] if anchor else [])
    figure += nodes.image(uri=placed["image"], alt=" ".join(record["alt"].split()), width="100%")
    figure += nodes.caption("", f"{record['label']}. {record['caption']}")
    result = [shown(figure, record, anchor)]
    links = download_links(placed.get("files", []), figure=True)
    if links:
        drawn_by = _("drawn by")
        drawn = f' · {drawn_by} <code>{html_text(record["drawn_by"])}</code>' if record.get("drawn_by") else ""
        result.append(nodes.raw("", downloads_paragraph(links, drawn), format="html"))
    return result


def shown(node: nodes.Element, record: dict, anchor: str) -> nodes.Element:
    """Mark a node as a numbered table or figure of the page, for its `{numref}` roles."""
    node["workbench_name"], node["workbench_label"], node["workbench_anchor"] = record["name"], record["label"], anchor
    return node


class RunOutputs:
    """MyST-NB's MIME renderer for the workbench's tables and figures (in HTML, chosen before
    the text/html and PNG that JupyterLab shows)."""

    mime_priority_overrides = [("html", TABLE_MIME, 1), ("html", FIGURE_MIME, 2)]

    @staticmethod
    def handle_mime(renderer, data, inline: bool) -> list[nodes.Element] | None:
        if inline or data.mime_type not in (TABLE_MIME, FIGURE_MIME):
            return None
        placed = data.output_metadata.get(PLACED, {})
        if data.mime_type == TABLE_MIME:
            return table_nodes(data.content, placed)
        # a figure the site has not placed (a run's notebook rendered by MyST-NB elsewhere)
        # renders nothing here, so that MyST-NB shows its PNG instead
        return figure_nodes(data.content, placed) if "image" in placed else []


def resolve_run_references(app, doctree: nodes.document) -> None:
    """Each `{numref}` of a page that shows a run's tables and figures (a notebook's link to
    one, see workbench.core.site.site_references) becomes a link to the one it names, with the
    number the run gave it; one the run did not show says so, in its words if it has any."""
    shown_here = {node["workbench_name"]: (node["workbench_anchor"], node["workbench_label"])
                  for node in doctree.findall(lambda n: isinstance(n, nodes.Element) and "workbench_name" in n)}
    if not shown_here:
        return
    from sphinx.addnodes import pending_xref
    for reference in list(doctree.findall(pending_xref)):
        if reference.get("reftype") != "numref":
            continue
        name = reference["reftarget"]
        if name in shown_here:
            anchor, label = shown_here[name]
            replacement = nodes.reference("", label, internal=True, refid=anchor)
        elif reference.get("refexplicit"):   # [the audit table](#audit): its words say which
            replacement = nodes.Text(_("{words} (not shown in this run)").format(words=reference.astext()))
        else:
            replacement = nodes.Text(_("(“{name}” is not shown in this run)").format(name=name))
        reference.replace_self(replacement)


def _edition_language(app, config) -> None:
    use_language(config.language if config.language in LANGUAGES else "en")


def setup(app):
    app.connect("config-inited", _edition_language)
    app.connect("doctree-read", resolve_run_references)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
