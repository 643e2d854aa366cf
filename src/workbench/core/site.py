"""The report site: Sphinx with MyST-NB and sphinx-book-theme, built from the executed notebooks.

Each published run (reports/<study>/<run>/notebook.ipynb and run.json) becomes one page,
reports/<study>/<run>/report.html, beside the run's figures/, tables/ and notebook. The
page is the executed notebook as MyST-NB renders it, with the code left out (site/conf.py):
its tables and figures through the workbench's MIME renderer, numbered, captioned and
referred to by the numbers their run gave them (workbench.core.site_outputs); a title block
with the source and the run's parameters, provenance from run.json, a "cite this report"
block and references from references.bib. Sphinx adds the side navigation (study, then
run), the contents of each page, offline search and cross-references. Nothing is loaded
from the network.

The Sphinx source is written to build/site/ beside reports/ (only files whose bytes change
are rewritten, so Sphinx rebuilds only what changed) and the HTML into reports/.
"""

import hashlib
import json
import os
import re
import shutil
from dataclasses import dataclass
from datetime import datetime, timezone
from functools import cache
from pathlib import Path

import jinja2
import nbformat
from docutils.nodes import make_id

from workbench.core import study as contract
from workbench.core.errors import SiteError
from workbench.core.escape import REFERENCE, html_text, markdown_code, markdown_text
from workbench.core.i18n import DEFAULT, _, language, use_language
from workbench.core.mime import FIGURE_MIME, HEADLINE_FILE, TABLE_MIME
from workbench.core.site_outputs import PLACED
from workbench.core.paths import BIBLIOGRAPHY, PAGE_TEMPLATES, REPORTS_DIR, split_sheet
from workbench.core.sphinx_process import (SITE_TITLE, SphinxProcess, edition_folders, edition_language, project_digest,
                                          project_files, project_stamp, site_folders,
                                          site_stamp, sphinx_settings)
from workbench.core.tables import header, humanize

LANGUAGE_NAMES = {"en": "English", "id": "Bahasa Indonesia"}   # each in its own language

@dataclass(frozen=True)
class PublishedRun:
    """A run folder under reports/ with its manifest."""

    folder: Path
    manifest: dict

    @property
    def study(self) -> str:
        return self.manifest["study"]

    @property
    def name(self) -> str:
        return self.manifest["name"]

    @property
    def prefix(self) -> str:
        """A prefix that makes the page's figure and table labels unique in the site."""
        return re.sub(r"[^a-z0-9]+", "-", f"{self.study}-{self.name}".lower())

    def site_figure(self, name: str) -> str:
        """The file name Sphinx gets figure `name` by, prefixed with the run: so that Sphinx
        never has to number same-named figures of different pages in _images/, which it would
        do in the order it read the pages in."""
        return f"{self.prefix}-{name}.svg"

    def site_figures(self) -> dict[str, Path]:
        """The run's SVG figures by the names Sphinx gets them by."""
        return {self.site_figure(figure.stem): figure for figure in sorted((self.folder / "figures").glob("*.svg"))}


def published_runs(registry: contract.Registry, reports_dir: Path = REPORTS_DIR) -> list[PublishedRun]:
    """Every published run of a registered study, in registry order, then by run name."""
    order = {name: k for k, name in enumerate(registry.names)}
    found = []
    for manifest in Path(reports_dir).glob("*/*/run.json"):
        data = json.loads(manifest.read_text(encoding="utf-8"))
        if data.get("study") in order and (manifest.parent / "notebook.ipynb").is_file():
            found.append(PublishedRun(manifest.parent, data))
    return sorted(found, key=lambda run: (order[run.study], run.name))


def bibliography() -> dict[str, dict]:
    """The entries of references.bib: key -> fields (authors joined), for title blocks."""
    from pybtex.database import parse_file
    entries = {}
    for key, entry in parse_file(str(BIBLIOGRAPHY)).entries.items():
        people = entry.persons.get("author", [])
        authors = "; ".join(" ".join([*p.last_names, ",", *p.first_names, *p.middle_names]).replace(" ,", ",")
                            for p in people)
        entries[key] = {**{k: str(v).replace("{", "").replace("}", "") for k, v in entry.fields.items()},
                        "authors": authors.replace("{", "").replace("}", "")}
    return entries


def source_line(key: str, entries: dict) -> str:
    """The source as far as the bibliography gives it: authors (year). Title. Venue. Note."""
    entry = entries.get(key)
    if entry is None:
        return ""
    year = entry.get("year", _("year not given"))
    authors = entry["authors"] or _("Authors not given")
    parts = [markdown_text(f"{authors} ({year})."), f"*{markdown_text(entry['title'])}*."]
    venue = entry.get("journal") or entry.get("booktitle") or entry.get("howpublished")
    if venue:
        parts.append(markdown_text(_(venue)) + ".")
    if entry.get("note"):
        parts.append(markdown_text(_(entry["note"])) + ".")
    return " ".join(parts)


def parameters_in_words(spec: contract.Study, manifest: dict) -> str:
    """The run's parameters as a sentence."""
    parameters = manifest["parameters"]
    choice = parameters.get(spec.selector, contract.ALL)
    shown = (_("every {selector}").format(selector=_(spec.selector)) if str(choice).casefold() == contract.ALL
             else f"{_(spec.selector)} {choice}")
    words = [_("Shows {shown}").format(shown=markdown_text(shown))]
    if parameters.get(contract.USER_DATA):
        data = Path(parameters[contract.USER_DATA])
        words.append(_("adds your own data from {file} (kept in this run's {folder} folder)").format(
            file=markdown_code(data.name), folder=markdown_code(data.parent.as_posix() + "/")))
    else:
        words.append(_("from the published tables only"))
    if parameters.get(contract.DATA_DIR):
        words.append(_("reading the raw tables of {folder}").format(
            folder=markdown_code(Path(parameters[contract.DATA_DIR]).name)))
    return "; ".join(words) + "."


def short_title(spec: contract.Study) -> str:
    """The study's title up to its colon, for navigation and page titles."""
    return _(spec.title).split(":")[0]


def run_label(spec: contract.Study, manifest: dict) -> str:
    """A short label for navigation: the case shown (a code such as `trust` as words, with a
    capital), and the user's data, by its file's name in words, if any."""
    choice = str(manifest["parameters"].get(spec.selector, contract.ALL))
    label = (_("Every {selector}").format(selector=_(spec.selector)) if choice.casefold() == contract.ALL
             else code_label(spec, choice) if choice.isidentifier() and choice.islower() else choice)
    data = manifest["parameters"].get(contract.USER_DATA)
    if data and choice.casefold() == contract.ALL:
        label += _(" and {data}").format(data=humanize(Path(split_sheet(data)[0]).stem))
    return label


def code_label(spec: contract.Study, code: str) -> str:
    """A case named by a code (`trust`) as words: in English the code as words (Trust); in
    another language the first of its other names, which a study gives in the sources'
    language (Kepercayaan), else the code as words."""
    names = spec.known_cases().get(code, ()) if language() != DEFAULT else ()
    return names[0] if names else header(code)


def plain(text: str) -> str:
    """Text for a toctree entry's title (not parsed as Markdown): one line, no angle brackets."""
    return " ".join(str(text).replace("<", "‹").replace(">", "›").split())


def _fence(text: str) -> str:
    ticks = "`" * max(3, max((len(m) for m in re.findall(r"`+", text)), default=0) + 1)
    return f"{ticks}text\n{text}\n{ticks}"


@cache
def page_templates() -> jinja2.Environment:
    """The templates of the pages the site writes itself (site/_templates/pages/): Markdown
    with `_()` for what a reader sees, in the language in use when a page is written."""
    templates = jinja2.Environment(loader=jinja2.FileSystemLoader(PAGE_TEMPLATES), autoescape=False,
                                   trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
                                   undefined=jinja2.StrictUndefined)
    templates.filters.update(md=markdown_text, code=markdown_code, html=html_text, fence=_fence, plain=plain)
    templates.globals["_"] = _
    return templates


def page_text(template: str, **context) -> str:
    return page_templates().get_template(template).render(**context)


def site_references(text: str, sources) -> str:
    """A text's links to the run's tables and figures and to its sources as the site writes
    them. A notebook writes them as Markdown links, `[the audit table](#audit)` and
    `[Pyke (1992)](#pyke1992)`, which read as their text in JupyterLab; on the site a link to a
    key of `sources` (references.bib) keeps its words (as the edition's language writes them:
    "Najiyati dkk. (2015)") and gains a footnote citation, listed under the page's references,
    and any other becomes a {numref} that workbench.core.site_outputs resolves to
    the number the run gave the table or figure ("Table 3")."""
    def written(match: re.Match) -> str:
        words, target = match.groups()
        return f"{words}{{footcite:p}}`{target}`" if target in sources else f"{{numref}}`{words} <{target}>`"
    return REFERENCE.sub(written, text)


def placed(run: PublishedRun, output: dict, sources=()) -> dict:
    """An output of the run as the page shows it (see workbench.core.site_outputs): a table or
    figure by its record alone (what JupyterLab shows of it is not needed), with its anchor,
    a figure's SVG and the files offered for download; a sentence with its citations."""
    data = output.get("data", {})
    if "text/markdown" in data:
        return {**output, "data": {**data, "text/markdown": site_references(data["text/markdown"], sources)}}
    mime = next((mime for mime in (TABLE_MIME, FIGURE_MIME) if mime in data), None)
    if mime is None:
        return output
    name = data[mime].get("name")
    output = {**output, "data": {mime: data[mime]}}
    if not name:
        return output
    site = {"anchor": make_id(f"{run.prefix}-{name}")}
    if mime == FIGURE_MIME:
        site["image"] = f"figures/{run.site_figure(name)}"
        site["files"] = [[kind, f"figures/{name}.{kind}"] for kind in ("svg", "png", "csv")
                         if (run.folder / f"figures/{name}.{kind}").is_file()]
    elif (run.folder / f"tables/{name}.csv").is_file():
        site["files"] = [["csv", f"tables/{name}.csv"]]
    return {**output, "metadata": {**output.get("metadata", {}), PLACED: site}}


def title_block(spec: contract.Study, run: PublishedRun, entries: dict, switch: str = "") -> str:
    """The page's title, the link to it in the other language, source, parameters, and the
    illustrative notice where it applies (site/_templates/pages/report-title.md)."""
    return page_text("report-title.md", title=short_title(spec), label=run_label(spec, run.manifest), switch=switch,
                     study=_(spec.title), illustrative=run.manifest.get("illustrative"),
                     source=source_line(spec.source, entries), source_key=spec.source,
                     parameters=parameters_in_words(spec, run.manifest))


def provenance_block(spec: contract.Study, run: PublishedRun) -> str:
    """Provenance, the cite-this-report block and the references
    (site/_templates/pages/report-provenance.md)."""
    source = run.manifest.get("provenance", {})
    commit = source.get("commit")
    when = (datetime.fromtimestamp(source["commit_time"], tz=timezone.utc).strftime("%Y-%m-%d")
            if source.get("commit_time") else _("unknown"))
    parameters = ", ".join(f"{markdown_code(k)} = {markdown_code(v)}" for k, v in run.manifest["parameters"].items())
    return page_text(
        "report-provenance.md", commit=commit or _("unknown (not a git checkout)"), when=when,
        state=(_("with uncommitted changes to its inputs") if source.get("uncommitted_changes")
               else _("no uncommitted changes to its inputs")),
        versions=", ".join(f"{name} {version}" for name, version in source.get("versions", {}).items()),
        parameters=parameters or _("defaults"), command=source.get("command", ""), data=source.get("data", {}).items(),
        year=when[:4] if commit else _("n.d."), title=_(run.manifest.get("title", run.study)),
        label=run_label(spec, run.manifest),
        built=(_("Report built with the cluster workbench, commit {commit}.").format(commit=commit[:12]) if commit
               else _("Report built with the cluster workbench.")))


def page_notebook(spec: contract.Study, run: PublishedRun, entries: dict, switch: str = "") -> nbformat.NotebookNode:
    """The run's executed notebook as a page: its title block, narrative and outputs (the
    code is left out: site/conf.py), provenance."""
    executed = nbformat.read(run.folder / "notebook.ipynb", as_version=4)
    page = nbformat.v4.new_notebook()
    page.metadata = {"kernelspec": executed.metadata.get("kernelspec", {}), "language_info": {"name": "python"}}
    page.cells.append(nbformat.v4.new_markdown_cell(title_block(spec, run, entries, switch)))
    for cell in executed.cells:
        if cell.cell_type == "markdown":
            text = cell.source
            if text.startswith("# "):   # the title block gives the page's title
                text = text.split("\n", 1)[1] if "\n" in text else ""
            if text.strip():
                page.cells.append(nbformat.v4.new_markdown_cell(site_references(text, entries)))
        elif cell.cell_type == "code" and cell.get("outputs"):
            page.cells.append(nbformat.v4.new_code_cell(cell.source, outputs=[nbformat.from_dict(placed(run, output, entries))
                                                                              for output in cell.outputs]))
    page.cells.append(nbformat.v4.new_markdown_cell(provenance_block(spec, run)))
    for number, cell in enumerate(page.cells):
        cell.id = f"page-{number}"
    return page


def study_headline(spec: contract.Study, runs: list[PublishedRun]) -> str:
    """The finding a study's published run wrote (headline.md): of the first run that shows
    every case from the published tables only, else of the first run that wrote one."""
    def published_only(run: PublishedRun) -> bool:
        parameters = run.manifest["parameters"]
        return (str(parameters.get(spec.selector, contract.ALL)).casefold() == contract.ALL
                and not parameters.get(contract.USER_DATA) and not parameters.get(contract.DATA_DIR))
    written = [run for run in runs if (run.folder / HEADLINE_FILE).is_file()]
    chosen = next((run for run in written if published_only(run)), written[0] if written else None)
    return (chosen.folder / HEADLINE_FILE).read_text(encoding="utf-8").strip() if chosen else ""


def edition_pages(runs: list[PublishedRun]) -> set[str]:
    """The pages of an edition with these runs, by their path in it."""
    return ({"index.html"} | {f"{run.study}/index.html" for run in runs}
            | {f"{run.study}/{run.name}/report.html" for run in runs}) if runs else set()


def language_switch(page: str, lang: str, editions: dict[str, set[str]]) -> str:
    """Links from `page` (its path in the edition of `lang`) to the same page in each other
    edition, or to that edition's home when it has no such page: relative, so that they work
    from files. Empty when there is no other edition."""
    up = "../" * page.count("/") + ("" if lang == DEFAULT else "../")
    links = []
    for other, pages in editions.items():
        if other == lang or not pages:
            continue
        target = page if page in pages else "index.html"
        href = up + ("" if other == DEFAULT else f"{other}/") + target
        links.append(f'<a href="{href}" hreflang="{other}" lang="{other}">{LANGUAGE_NAMES[other]}</a>')
    return f'<p class="language-switch">{" · ".join(links)}</p>' if links else ""


def index_pages(registry: contract.Registry, runs: list[PublishedRun], entries: dict,
                switch=lambda page: "") -> dict[str, str]:
    """The site's home page and one page per study, listing its runs (the side navigation);
    `switch(page)` gives the page's links to the other editions (site/_templates/pages/:
    home.md, study.md)."""
    pages, studies = {}, []
    for spec in registry.studies():
        published = [run for run in runs if run.study == spec.name]
        if not published:
            continue
        own = [{"name": run.name, "label": run_label(spec, run.manifest), "illustrative": run.manifest.get("illustrative")}
               for run in published]
        study = {"name": spec.name, "title": _(spec.title), "short_title": short_title(spec), "runs": own,
                 "headline": study_headline(spec, published)}
        studies.append(study)
        pages[f"{spec.name}/index.md"] = page_text(
            "study.md", title=study["title"], switch=switch(f"{spec.name}/index.html"), runs=own,
            source=source_line(spec.source, entries), headline=study["headline"])
    pages["index.md"] = page_text("home.md", site_title=SITE_TITLE, switch=switch("index.html"), studies=studies,
                                  partial=language() != DEFAULT and len(studies) < len(registry.names))
    return pages


def _write_if_changed(path: Path, data: bytes) -> bool:
    if path.is_file() and path.read_bytes() == data:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return True


def write_source(registry: contract.Registry, runs: list[PublishedRun], source_dir: Path,
                 switch=lambda page: "") -> tuple[str, str]:
    """The Sphinx source tree: the site project's files (site/: conf.py, CSS, templates), the
    bibliography, index pages and one notebook per run (only files whose bytes change are
    rewritten); returns a SHA-256 of the whole tree and one of what every page carries: the
    navigation (the index pages, whose toctrees every page's side bar shows) and the site
    project's own files (its configuration, templates, scripts, styles and extensions)."""
    entries = bibliography()
    wanted = project_files()
    indexes = {name: text.encode() for name, text in index_pages(registry, runs, entries, switch).items()}
    navigation = hashlib.sha256(b"".join(name.encode() + b"\n" + data for name, data in sorted({**wanted, **indexes}.items())))
    wanted |= indexes
    for run in runs:
        base = f"{run.study}/{run.name}"
        page = page_notebook(registry.get(run.study), run, entries, switch(f"{base}/report.html"))
        wanted[f"{base}/report.ipynb"] = nbformat.writes(page).encode()
        for name, figure in run.site_figures().items():
            wanted[f"{base}/figures/{name}"] = figure.read_bytes()
    for existing in [p for p in source_dir.rglob("*") if p.is_file()] if source_dir.exists() else []:
        if existing.relative_to(source_dir).as_posix() not in wanted and existing.suffix != ".mo":
            existing.unlink()   # (Sphinx compiles each catalogue of locales/ to a .mo beside it, kept)
    tree = hashlib.sha256()
    for name, data in sorted(wanted.items()):
        _write_if_changed(source_dir / name, data)
        tree.update(f"{name}\n{hashlib.sha256(data).hexdigest()}\n".encode())
    return tree.hexdigest(), navigation.hexdigest()


STATIC_CHECKSUM = re.compile(r"(\.(?:css|js))\?v=[0-9a-f]+")


def strip_checksums(html_dir: Path) -> None:
    """Drop Sphinx's ?v=<checksum> from links to static files. Sphinx adds it only for files
    already in the output folder when a page is written, so a first build and a later one
    would differ; the site is read from files, where the cache-busting query does nothing."""
    for page in html_dir.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        cleaned = STATIC_CHECKSUM.sub(r"\1", text)
        if cleaned != text:
            page.write_text(cleaned, encoding="utf-8")


def prune_search_index(html_dir: Path) -> None:
    """Drop the words that no page holds any more from Sphinx's search index. An incremental
    build keeps them, with an empty list of pages (the words of a page's previous version),
    so it would differ from a build from scratch; pruned, the two are the same bytes."""
    from sphinx.search import js_index
    path = html_dir / "searchindex.js"
    if not path.is_file():
        return
    text = path.read_text(encoding="utf-8")
    index = js_index.loads(text)
    for key in ("terms", "titleterms"):
        index[key] = {word: pages for word, pages in index[key].items() if pages != []}
    pruned = js_index.dumps(index)
    if pruned != text:
        path.write_text(pruned, encoding="utf-8")


def site_files(runs: list[PublishedRun], html_dir: Path) -> dict[str, Path]:
    """The files of the built site that belong in reports/: the top-level pages and Sphinx's
    folders, each study's index and each published run's page (not pages of runs deleted
    since, which Sphinx's output folder still holds)."""
    pages = edition_pages(runs)
    found = {}
    for path in sorted(html_dir.rglob("*")):
        relative = path.relative_to(html_dir).as_posix()
        if path.is_file() and (relative in pages or "/" not in relative or relative.startswith(SPHINX_FOLDERS)):
            found[relative] = path
    return found


SPHINX_FOLDERS = ("_images/", "_static/")


def install_site(runs: list[PublishedRun], html_dir: Path, reports_dir: Path) -> None:
    """Put the built site into reports/ file by file, each replaced whole (written beside, then
    renamed over the old one): at any moment, and after a Ctrl-C, every page is the old one or
    the new one. Files of Sphinx's folders that the new site no longer has are removed."""
    wanted = site_files(runs, html_dir)
    for relative, path in wanted.items():
        target = reports_dir / relative
        data = path.read_bytes()
        if target.is_file() and target.read_bytes() == data:
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(f".{target.name}.partial")
        partial.write_bytes(data)
        os.replace(partial, target)
    for folder in SPHINX_FOLDERS:
        for stale in sorted((reports_dir / folder).rglob("*")):
            if stale.is_file() and stale.relative_to(reports_dir).as_posix() not in wanted:
                stale.unlink()


def build_site(registry: contract.Registry, reports_dir: Path = REPORTS_DIR, source_dir: Path | None = None,
               doctrees_dir: Path | None = None, sphinx=None) -> Path:
    """Write the Sphinx source for every published run of every edition (the English one in
    reports/, each other language's in reports/<lang>/, every page linking to itself in the
    other editions), build the editions' HTML at once (one Sphinx process each, so that they
    share the machine's cores) into build/[<lang>/]html/ and install each into its reports
    folder (see `install_site`); returns reports/index.html. `source_dir` and `doctrees_dir`
    are the English edition's (default: beside the reports folder). Sphinx warnings fail the
    build and leave reports/ as it was; a build that failed or was stopped leaves a marker,
    so that the next one starts Sphinx from an empty cache instead of a half-written one. An
    edition whose source is what its installed site was built from, with every page there,
    is not rebuilt. `sphinx` is a SphinxProcess started ahead for the English edition, or a
    mapping of language to one per edition (each is stopped here either way); an edition
    without one gets one now."""
    folders = edition_folders(reports_dir)
    runs = {lang: published_runs(registry, folder) for lang, folder in folders.items()}
    editions = {lang: edition_pages(found) for lang, found in runs.items()}
    ahead = dict(sphinx) if isinstance(sphinx, dict) else {DEFAULT: sphinx} if sphinx is not None else {}
    builds = []
    try:
        for lang, folder in folders.items():
            if lang == DEFAULT or runs[lang]:
                own = (source_dir, doctrees_dir) if lang == DEFAULT else (None, None)
                prepared = EditionBuild.prepare(registry, folder, *own, ahead.pop(lang, None), editions)
                if prepared is not None:
                    builds.append(prepared)
        for edition in builds:
            edition.sphinx.start()
        statuses = [edition.sphinx.wait() for edition in builds]
    finally:
        for process in [*ahead.values(), *(edition.sphinx for edition in builds)]:
            if process is not None:
                process.stop()
    failed = [status for status in statuses if status]
    if failed:
        raise SiteError(f"The report site did not build (Sphinx exit {failed[0]}); see its messages above. "
                        "The site in reports/ is unchanged.")
    for edition in builds:
        edition.install()
    return Path(reports_dir) / "index.html"


@dataclass
class EditionBuild:
    """One edition's site build: its source written, its Sphinx process ready to build."""

    runs: list
    reports_dir: Path
    html_dir: Path
    doctrees_dir: Path
    digest: str
    navigation: str
    sphinx: SphinxProcess

    @classmethod
    def prepare(cls, registry: contract.Registry, reports_dir: Path, source_dir: Path | None,
                doctrees_dir: Path | None, sphinx: SphinxProcess | None, editions: dict[str, set[str]]):
        """Write the edition's Sphinx source in its language; None when the installed site
        was built from this source and has every page (`sphinx`, if given, is then stopped)."""
        reports_dir = Path(reports_dir)
        lang = edition_language(reports_dir)
        html_dir, source_dir, doctrees_dir = site_folders(reports_dir, source_dir, doctrees_dir)
        previous = language()
        try:
            use_language(lang)
            runs = published_runs(registry, reports_dir)
            digest, navigation = write_source(registry, runs, source_dir,
                                              lambda page: language_switch(page, lang, editions))
        finally:
            use_language(previous)
        installed = site_stamp(reports_dir, doctrees_dir)
        pages = [reports_dir / "index.html", *(run.folder / "report.html" for run in runs)]
        if installed.is_file() and installed.read_text() == digest and all(p.is_file() for p in pages):
            if sphinx is not None:
                sphinx.stop()
            return None
        if sphinx is None or sphinx.folders != (html_dir, source_dir, doctrees_dir):
            if sphinx is not None:
                sphinx.stop()
            sphinx = SphinxProcess(html_dir, source_dir, doctrees_dir, sphinx_settings(lang))
        build = cls(runs, reports_dir, html_dir, doctrees_dir, digest, navigation, sphinx)
        if build.unfinished.exists():   # the last build was stopped or failed: its cache may be half written
            shutil.rmtree(html_dir, ignore_errors=True)
            shutil.rmtree(doctrees_dir, ignore_errors=True)
        if not build.built_navigation.is_file() or build.built_navigation.read_text() != navigation:
            # a run added or removed changes every page's side bar, and a changed template,
            # script or extension every page, but Sphinx rewrites only the pages whose source
            # changed: without its old output, it writes every page
            shutil.rmtree(html_dir, ignore_errors=True)
        build.unfinished.parent.mkdir(parents=True, exist_ok=True)
        build.unfinished.touch()
        return build

    @property
    def unfinished(self) -> Path:
        return self.html_dir.parent / "site-build-unfinished"

    @property
    def built_navigation(self) -> Path:
        return self.html_dir.parent / "site-navigation.sha256"

    def install(self) -> None:
        """Install the built HTML into the edition's reports folder and record what it was
        built from."""
        strip_checksums(self.html_dir)
        prune_search_index(self.html_dir)
        (self.html_dir / ".buildinfo.bak").unlink(missing_ok=True)
        install_site(self.runs, self.html_dir, self.reports_dir)
        installed = site_stamp(self.reports_dir, self.doctrees_dir)
        installed.parent.mkdir(parents=True, exist_ok=True)
        installed.write_text(self.digest)
        project_stamp(self.reports_dir, self.doctrees_dir).write_text(project_digest())
        self.built_navigation.write_text(self.navigation)
        self.unfinished.unlink()
        shutil.rmtree(self.html_dir.parent / "jupyter_execute", ignore_errors=True)  # MyST-NB's copies
