"""The report site as a reviewer sees it: every built page in headless Chromium.

Needs Chromium (Debian's `chromium` package; `.ci/run` installs it) and Playwright for
Python (a pinned dependency). Without Chromium these tests skip with one line saying how
to enable them.
"""

import shutil
from collections import Counter
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest

from workbench.core.paths import REPORTS_DIR
from workbench.core.sphinx_process import run_manifests
from workbench.registry import REGISTRY
from figure_checks import overflowing_texts

CHROMIUM = next((path for path in (shutil.which("chromium"), shutil.which("chromium-browser"),
                                   "/usr/bin/chromium") if path and Path(path).is_file()), None)
PAGES = sorted(p for p in REPORTS_DIR.rglob("*.html") if "_static" not in p.parts)
REPORT_PAGES = [p for p in PAGES if p.name == "report.html"]
# The report each edition prints to PDF (the longest, with the most tables): every report is
# laid out for A4 and checked for cut-offs; printing to PDF, which takes a third of a page's
# visit, is proved once per edition.
PRINTED = {max((p for p in REPORT_PAGES if p.parent.parent.parent == edition), key=lambda p: p.stat().st_size)
           for edition in {p.parent.parent.parent for p in REPORT_PAGES}}
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]


# Requests that stay in the site: its files, and what a page makes itself (data: URLs, and the
# Blob from which workbench-tables.js imports DataTables).
INSIDE = ("file://", "data:", "about:", "blob:null/")


class Tab:
    """One browser tab that visits page after page (a tab per page would start a renderer
    each time), with the console errors and the requests outside the site of the page it
    shows now."""

    def __init__(self, browser):
        self.page = browser.new_page(viewport={"width": 1280, "height": 900})
        self.errors, self.outside = [], []
        self.page.on("console", lambda message: self.errors.append(message.text) if message.type == "error" else None)
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.on("request", lambda request: self.outside.append(request.url)
                     if not request.url.startswith(INSIDE) else None)

    def open(self, page: Path, width: int = 1280, url: str = ""):
        """Show `page` (from its file, or from `url`) on screen at `width` px, with nothing
        recorded of the page before."""
        self.page.goto("about:blank")
        self.errors.clear(), self.outside.clear()
        self.page.emulate_media(media="screen")
        self.page.set_viewport_size({"width": width, "height": 900})
        self.page.goto(url or page.as_uri(), wait_until="load")
        return self.page


@pytest.fixture(scope="module")
def tab():
    if CHROMIUM is None:
        pytest.skip("browser tests skipped: install Chromium to enable them (Debian: apt-get install chromium)")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield Tab(chromium)
        chromium.close()


def name(page: Path) -> str:
    return page.relative_to(REPORTS_DIR).as_posix()


def test_the_site_has_an_index_and_a_page_per_run():
    assert (REPORTS_DIR / "index.html").is_file()
    runs = {manifest.parent for manifest in run_manifests(REPORTS_DIR)}
    assert runs and {page.parent for page in REPORT_PAGES} == runs


def load_problems(tab: Tab) -> list[str]:
    return [f"console error: {e}" for e in tab.errors] + [f"request outside the site: {u}" for u in tab.outside]


def image_problems(tab) -> list[str]:
    images = tab.eval_on_selector_all("img", "imgs => imgs.map(i => [i.getAttribute('src'), i.getAttribute('alt'), "
                                             "i.complete && i.naturalWidth > 0])")
    return ([f"image {src} does not load" for src, _, loaded in images if not loaded]
            + [f"image {src} has no alt text" for src, alt, _ in images
               if not (alt and alt.strip()) or "No description" in alt])


def link_problems(tab, page: Path) -> list[str]:
    links = tab.eval_on_selector_all("a[href]", "links => links.map(a => a.href)")
    ids = tab.eval_on_selector_all("[id]", "nodes => nodes.map(n => n.id)")
    problems = [f"id {name!r} is on the page {count} times" for name, count in Counter(ids).items() if count > 1]
    ids = set(ids)
    for link in links:
        url = urlparse(link)
        target = Path(unquote(url.path))
        if url.scheme not in ("file", ""):
            problems.append(f"link {link} leaves the site")
        elif not target.exists():
            problems.append(f"link {link} does not exist")
        elif url.fragment and target == page and url.fragment not in ids:
            problems.append(f"link #{url.fragment} is not on the page")
    return problems


def overflow_problems(tab, width: int) -> list[str]:
    overflow = tab.evaluate("""() => {
        const width = document.documentElement.clientWidth;
        const wide = [];
        for (const node of document.querySelectorAll('body *')) {
            if (node.closest('.workbench-scroll, pre, .highlight, .bd-sidebar-primary, '
                             + '.bd-sidebar-secondary, .bd-header')) continue;
            const box = node.getBoundingClientRect();
            if (box.width > 0 && box.right > width + 2) wide.push(node.tagName + ' ' + Math.round(box.right));
        }
        return [document.documentElement.scrollWidth - width, wide.slice(0, 5)];
    }""")
    return [f"at {width} px the page is {overflow[0]} px too wide: {overflow[1]}"] if overflow[0] > 0 or overflow[1] else []


def print_problems(tab, width: int) -> list[str]:
    clipped = tab.evaluate(f"""() => {{
        const cut = [];
        for (const node of document.querySelectorAll('table, figure, p, pre, li, h1, h2, h3')) {{
            const box = node.getBoundingClientRect();
            if (box.width > 0 && (box.right > {width} + 1 || node.scrollWidth > node.clientWidth + 1))
                cut.push(node.tagName + ' ' + (node.textContent || '').trim().slice(0, 40));
        }}
        return cut.slice(0, 5);
    }}""")
    return [f"printed, cut off: {item}" for item in clipped]


@pytest.mark.slow
@pytest.mark.xdist_group("site-pages")   # one worker, one browser visits every page
@pytest.mark.parametrize("page", PAGES, ids=name)
def test_page_as_a_reviewer_sees_it(tab, page):
    """Loads without console errors or requests outside the site; every image loads and has
    alt text, and a report shows its figures with it; every link resolves and no id is
    given twice; no horizontal
    overflow at 1280 and 390 px outside table scrollers; a report is laid out for A4 with no
    table or text cut off (and each edition's longest report prints to PDF)."""
    shown = tab.open(page, 1280)
    problems = image_problems(shown) + link_problems(shown, page) + overflow_problems(shown, 1280)
    shown.set_viewport_size({"width": 390, "height": 900})
    problems += overflow_problems(shown, 390)
    if page.name == "report.html":
        if shown.eval_on_selector_all("figure img[alt]", "imgs => imgs.length") == 0:
            problems.append("a report page without a figure with alt text")
        a4_width = 718   # 210 mm less 2 x 14 mm margins, at 96 px per inch
        shown.emulate_media(media="print")
        shown.set_viewport_size({"width": a4_width, "height": 900})
        problems += print_problems(shown, a4_width)
        if page in PRINTED and not shown.pdf(format="A4", print_background=True).startswith(b"%PDF"):
            problems.append("print to PDF failed")
    assert load_problems(tab) + problems == []


@pytest.mark.slow
def test_every_figure_fits_its_canvas():
    """No title, label, tick label, legend or annotation reaches outside the figure."""
    from workbench import led_synergism as led, metal_clusters as mc, tumang_governance as tg
    metal, areas, tumang = mc.load_study(), led.load_study(), tg.load_study()
    figures = {
        "cluster dynamics": mc.plot_cluster_dynamics(metal.dynamics, "Pati"),
        "cooperation": mc.plot_cooperation(metal.cooperation, "Tegal"),
        "problem solving": mc.plot_problem_solving(metal.problem_solving, "Klaten"),
        "cluster model": mc.plot_cluster_model(metal.raw["cluster_model_steps"]),
        "activities": led.plot_activities(areas.activities),
        "dimensions": led.plot_dimension_findings(areas.coded, areas.classification),
        "factor matrix": led.plot_factor_matrix(areas.factor_roles),
        **{f"tree {area}": led.plot_problem_tree(areas, area) for area in areas.cases},
        "scorecards": tg.plot_scorecards(tumang.verdicts, "Tumang"),
        "problem map": tg.plot_problem_map(tumang, "Tumang"),
    }
    assert {title: overflowing_texts(figure) for title, figure in figures.items()} == \
        {title: [] for title in figures}


@pytest.mark.slow
def test_the_committed_site_is_what_the_committed_runs_build(tmp_path):
    """Rebuilt from scratch from the committed run folders, every page and the search index are
    byte-identical to the committed ones (which an incremental build made): the site is
    current and deterministic (no timestamps or random ids)."""
    from workbench.core.site import build_site
    reports = tmp_path / "reports"
    for manifest in run_manifests(REPORTS_DIR):
        shutil.copytree(manifest.parent, reports / manifest.parent.relative_to(REPORTS_DIR),
                        ignore=shutil.ignore_patterns("report.html"))
    build_site(REGISTRY, reports, tmp_path / "source", tmp_path / "doctrees")
    built = sorted(p.relative_to(reports) for p in reports.rglob("*.html") if "_static" not in p.parts)
    assert built == sorted(p.relative_to(REPORTS_DIR) for p in PAGES)
    for page in built:
        assert (reports / page).read_bytes() == (REPORTS_DIR / page).read_bytes(), \
            f"reports/{page} is stale: run `python3 tasks.py reports`"
    assert (reports / "searchindex.js").read_bytes() == (REPORTS_DIR / "searchindex.js").read_bytes(), \
        "reports/searchindex.js is not what a build from scratch makes"


@pytest.mark.slow
def test_a_sphinx_warning_fails_the_site_with_its_exit_and_ends_the_process_started_ahead(tmp_path):
    """Sphinx warnings are errors: the site step raises SiteError naming Sphinx's exit (the
    command line prints it in one line), and the Sphinx started ahead by a build has ended."""
    import nbformat

    from workbench.core.errors import SiteError
    from workbench.core.site import build_site
    from workbench.core.sphinx_process import SphinxProcess, site_folders
    reports = tmp_path / "reports"
    shutil.copytree(REPORTS_DIR / "synthesis" / "trust", reports / "synthesis" / "trust",
                    ignore=shutil.ignore_patterns("report.html"))
    notebook = reports / "synthesis" / "trust" / "notebook.ipynb"
    executed = nbformat.read(notebook, as_version=4)
    executed.cells.append(nbformat.v4.new_markdown_cell("See {ref}`no-such-label`."))
    nbformat.write(executed, notebook)
    ahead = SphinxProcess(*site_folders(reports))
    with pytest.raises(SiteError, match=r"The report site did not build \(Sphinx exit [1-9]"):
        build_site(REGISTRY, reports, sphinx=ahead)
    assert ahead.process.returncode not in (None, 0)


@pytest.mark.slow
def test_a_site_build_after_one_that_was_stopped_starts_from_an_empty_cache(tmp_path):
    """A Sphinx killed mid-build can leave its search index and cache half written, and an
    incremental build on them fails; the marker the stopped build left makes the next one
    start cold, and it succeeds."""
    from workbench.core.site import build_site
    from workbench.core.sphinx_process import site_folders, site_stamp
    reports = tmp_path / "reports"
    shutil.copytree(REPORTS_DIR / "synthesis" / "trust", reports / "synthesis" / "trust",
                    ignore=shutil.ignore_patterns("report.html"))
    build_site(REGISTRY, reports)
    html_dir = site_folders(reports)[0]
    (html_dir / "searchindex.js").write_text("Search.setIndex({\"docnames\": [")
    site_stamp(reports).unlink()
    (html_dir.parent / "site-build-unfinished").touch()
    (reports / "synthesis" / "trust" / "report.html").unlink()
    build_site(REGISTRY, reports)
    assert (reports / "synthesis" / "trust" / "report.html").is_file()
    assert not (html_dir.parent / "site-build-unfinished").exists()


@pytest.mark.slow
def test_a_run_added_to_the_site_shows_in_the_navigation_of_every_page(tmp_path):
    """Publishing a new run changes every page's side bar, not only the new page's: an
    incremental Sphinx build would leave the old pages without the new link."""
    from workbench.core.site import build_site
    reports = tmp_path / "reports"
    shutil.copytree(REPORTS_DIR / "synthesis" / "trust", reports / "synthesis" / "trust",
                    ignore=shutil.ignore_patterns("report.html"))
    build_site(REGISTRY, reports)
    assert "synthesis/all/report.html" not in (reports / "synthesis" / "trust" / "report.html").read_text()
    shutil.copytree(REPORTS_DIR / "synthesis" / "all", reports / "synthesis" / "all",
                    ignore=shutil.ignore_patterns("report.html"))
    build_site(REGISTRY, reports)
    assert 'href="../all/report.html"' in (reports / "synthesis" / "trust" / "report.html").read_text()


@pytest.mark.slow
@pytest.mark.xdist_group("site-pages")
def test_the_language_switch_leads_to_the_same_page_and_back(tab):
    """From an English report, the switch opens the same report in Indonesian (its html lang
    is id), and that page's switch leads back to the English one."""
    english = REPORTS_DIR / "tumang_governance" / "tumang" / "report.html"
    shown = tab.open(english)
    shown.click('.language-switch a[hreflang="id"]')
    shown.wait_for_load_state("load")
    assert Path(unquote(urlparse(shown.url).path)) == (REPORTS_DIR / "id" / "tumang_governance" / "tumang" / "report.html")
    assert shown.evaluate("document.documentElement.lang") == "id"
    assert "Penilaian" in shown.inner_text("main")
    shown.click('.language-switch a[hreflang="en"]')
    shown.wait_for_load_state("load")
    assert Path(unquote(urlparse(shown.url).path)) == english
    assert load_problems(tab) == []


@pytest.mark.slow
@pytest.mark.xdist_group("site-pages")
@pytest.mark.parametrize("query", ["permasalahannya", "kerjasamanya"])
def test_the_indonesian_search_finds_a_word_with_a_suffix(tab, query):
    """The Indonesian edition's search page, from a file, finds report pages for a word with
    a suffix that the pages hold without it (Snowball's Indonesian stemmer on both sides)."""
    search = REPORTS_DIR / "id" / "search.html"
    shown = tab.open(search, url=f"{search.as_uri()}?q={query}")
    shown.wait_for_selector("#search-results li a", timeout=10_000)
    found = shown.eval_on_selector_all("#search-results li a", "links => links.map(a => a.href)")
    assert any(link.endswith("/report.html") or "/report.html#" in link for link in found), found
    assert load_problems(tab) == []


def sortable_page(folder: Path, lang: str) -> Path:
    """A page of the site's kind in `lang`, using the built site's table script and library:
    numbers as `lang` writes them (with a count beside its share, a mark, a missing cell), and
    a table whose rows stand under headings."""
    number = {"en": ["1,234.5", "9", "10", "13 (76.5%, 52.7–90.4)", "–", "0.5†"],
              "id": ["1.234,5", "9", "10", "13 (76,5%, 52,7–90,4)", "–", "0,5†"]}[lang]
    words = ["tegal", "pati", "klaten", "ceper", "juwana", "boyolali"]
    rows = "".join(f'<tr><td class="text">{w}</td><td class="num">{n}</td></tr>' for w, n in zip(words, number))
    grouped = "".join(f'<tr class="group"><th colspan="2">{g}</th></tr>'
                      + "".join(f'<tr><td class="text">{g}{k}</td><td class="num">{v}</td></tr>' for k, v in enumerate(values))
                      for g, values in (("B heading", ["3", "1", "2"]), ("A heading", ["30", "–", "10", "20"])))
    static = REPORTS_DIR / "_static"
    page = folder / f"tables-{lang}.html"
    page.write_text(f"""<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">
<link rel="stylesheet" href="{(static / 'datatables' / 'dt_bundle.css').as_uri()}">
<script src="{(static / 'workbench-table-words.js').as_uri()}"></script>
<script src="{(static / 'workbench-tables.js').as_uri()}" data-library="datatables/dt_bundle_text.js"></script>
</head><body>
<table class="workbench-table" id="plain"><caption>Plain</caption><thead><tr><th class="text">Name</th><th class="num">Value</th></tr></thead>
<tbody>{rows}</tbody></table>
<table class="workbench-table" id="grouped"><caption>Grouped</caption><thead><tr><th class="text">Item</th><th class="num">Value</th></tr></thead>
<tbody>{grouped}</tbody></table></body></html>""", encoding="utf-8")
    return page


def column(shown, table: str, k: int, expected: list[str] | None = None) -> list[str]:
    """The cells of column `k` of table `#table`; with `expected`, once they are that (DataTables
    draws a moment after a click), or as they are after 5 s."""
    cells = f"cells => cells.map(c => c.textContent)"
    selector = f"#{table} tbody tr:not(.group) td:nth-child({k})"
    if expected is not None:
        try:
            shown.wait_for_function("([selector, expected]) => JSON.stringify([...document.querySelectorAll(selector)]"
                                    ".map(c => c.textContent)) === JSON.stringify(expected)", arg=[selector, expected],
                                    timeout=5_000)
        except Exception:
            pass
    return shown.eval_on_selector_all(selector, cells)


@pytest.mark.slow
@pytest.mark.xdist_group("site-pages")
@pytest.mark.parametrize("lang", ["en", "id"])
def test_a_table_sorts_numbers_as_numbers_with_missing_last_and_filters_by_a_word(tab, tmp_path, lang):
    """Numbers sort by value as the page's language writes them ("1.234,5" in id), a cell
    that begins with a number by that number, "–" last in both directions; rows under a
    heading sort within it; the filter keeps the rows with its word; before printing,
    every row is back in the printed order."""
    shown = tab.open(sortable_page(tmp_path, lang))
    shown.wait_for_selector("#plain.dataTable")
    printed = column(shown, "plain", 2)
    shown.click("#plain thead th:nth-child(2)")
    ascending = [printed[k] for k in (5, 1, 2, 3, 0, 4)]
    assert column(shown, "plain", 2, ascending) == ascending
    shown.click("#plain thead th:nth-child(2)")
    descending = [printed[k] for k in (0, 3, 2, 1, 5, 4)]
    assert column(shown, "plain", 2, descending) == descending
    shown.click("#grouped thead th:nth-child(2)")
    within = ["1", "2", "3", "10", "20", "30", "–"]
    assert column(shown, "grouped", 2, within) == within
    assert shown.eval_on_selector_all("#grouped tr.group", "rows => rows.map(r => r.textContent)") == ["B heading", "A heading"]
    shown.fill("input[aria-controls=plain]", "klaten")
    assert column(shown, "plain", 1, ["klaten"]) == ["klaten"]
    shown.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    assert column(shown, "plain", 2, printed) == printed
    assert load_problems(tab) == []


LONG_TABLE_PAGE = REPORTS_DIR / "metal_clusters" / "forty-districts-illustrative" / "report.html"


@pytest.mark.slow
@pytest.mark.xdist_group("site-pages")
def test_a_report_table_sorts_and_filters_from_files_and_from_a_server(tab):
    """On a published report, from file:// and from a static server: the 43-row cooperation
    table sorts by its count of cooperating firms and the filter finds a district; no request
    leaves the site."""
    import functools
    import http.server
    import threading

    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(REPORTS_DIR))
    handler.log_message = lambda *args: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    address = f"http://127.0.0.1:{server.server_address[1]}/"
    missing = []
    tab.page.on("response", lambda response: missing.append(response.url) if response.status >= 400 else None)
    try:
        for url in (LONG_TABLE_PAGE.as_uri(), address + LONG_TABLE_PAGE.relative_to(REPORTS_DIR).as_posix()):
            shown = tab.open(LONG_TABLE_PAGE, url=url)
            table = shown.locator("table.dataTable", has=shown.locator("th", has_text="Ada / Cooperates")).first
            name = table.get_attribute("id")
            cells = column(shown, name, 2)
            table.locator("th", has_text="Ada / Cooperates").click()
            ascending = sorted(cells, key=lambda cell: int(cell.split()[0]))   # a stable sort, as DataTables'
            counts = [int(cell.split()[0]) for cell in column(shown, name, 2, ascending)]
            assert len(counts) > 40 and counts == sorted(counts)
            district = column(shown, name, 1)[5]
            shown.fill(f"input[aria-controls={name}]", f'"{district}"')   # a phrase: its words together
            shown.wait_for_function(f"document.querySelectorAll('#{name} tbody tr').length < {len(counts)}")
            rows = table.locator("tbody tr").all_text_contents()
            assert rows and all(district in row for row in rows), (district, rows)
            assert [u for u in tab.outside if not u.startswith((address, f"blob:{address[:-1]}/"))] == []
            # a browser asks a server for /favicon.ico, which the site does not have
            assert [u for u in missing if not u.endswith("/favicon.ico")] == []
            assert [e for e in tab.errors if "404" not in e] == []
    finally:
        server.shutdown()


@pytest.mark.slow
@pytest.mark.xdist_group("site-pages")
def test_without_javascript_every_table_is_complete(tab):
    """With scripts off a report's tables are the site's HTML tables, every row shown, with
    their captions and no controls."""
    import re
    html = LONG_TABLE_PAGE.read_text(encoding="utf-8")
    written = [len(re.findall(r"<tr>", body))
               for body in re.findall(r'<table class="workbench-table"[^>]*>.*?<tbody>(.*?)</tbody>', html, re.S)]
    context = tab.page.context.browser.new_context(java_script_enabled=False)
    try:
        shown = context.new_page()
        shown.goto(LONG_TABLE_PAGE.as_uri(), wait_until="load")
        tables = shown.eval_on_selector_all("table.workbench-table", """tables => tables.map(t => [
            [...t.tBodies[0].rows].filter(r => !r.classList.contains('group') && r.offsetParent !== null).length,
            !!t.caption && t.caption.offsetHeight > 0])""")
        assert shown.locator(".dt-container").count() == 0
        assert [rows for rows, _ in tables] == written and all(caption for _, caption in tables)
    finally:
        context.close()


@pytest.mark.slow
@pytest.mark.xdist_group("site-pages")
@pytest.mark.parametrize("edition", ["", "id/"])
def test_tabel_3_with_its_jumlah_fits_beside_the_side_bars_at_1280(tab, edition):
    """Study 1's Tabel 3 (six aspects and the Jumlah) needs no scrolling at 1280 px: its last
    column is in view with the others."""
    shown = tab.open(REPORTS_DIR / f"{edition}metal_clusters" / "all" / "report.html")
    widths = shown.evaluate("""() => {
        const tabel3 = [...document.querySelectorAll('table.workbench-table')].find(
            t => t.querySelector('th:last-child').textContent.startsWith('Jumlah') && t.tHead.rows[0].cells.length === 8);
        return [tabel3.scrollWidth, tabel3.parentElement.clientWidth];
    }""")
    assert widths[0] <= widths[1], widths


def test_a_page_shows_the_runs_tables_and_figures_and_refers_to_them_by_the_runs_numbers():
    """MyST-NB's MIME renderer for the workbench's records shows a table as the HTML the run
    made, with its anchor and CSV, and a figure of its SVG with alt text and caption; a page's
    {numref} becomes a link with the run's number, and one to a table the run did not show
    says so."""
    from docutils import nodes
    from docutils.frontend import get_default_settings
    from docutils.utils import new_document
    from myst_nb.core.render import MimeData, load_mime_renders
    from sphinx.addnodes import pending_xref

    from workbench.core.mime import FIGURE_MIME, TABLE_MIME
    from workbench.core.site_outputs import PLACED, RunOutputs, resolve_run_references
    assert RunOutputs in load_mime_renders()   # found through its entry point
    table = {"name": "cooperation", "label": "Table 4", "caption": "Cooperation", "fold": False,
             "html": '<table class="workbench-table"><caption>Table 4. Cooperation</caption></table>', "row_count": 3}
    figure = {"name": "dynamics", "label": "Figure 1", "caption": "Dynamics", "alt": "Bars of\n each aspect.",
              "drawn_by": "plot_dynamics"}
    shown_table = RunOutputs.handle_mime(None, MimeData(TABLE_MIME, table, output_metadata={PLACED: {
        "anchor": "run-cooperation", "files": [["csv", "tables/cooperation.csv"]]}}), False)
    shown_figure = RunOutputs.handle_mime(None, MimeData(FIGURE_MIME, figure, output_metadata={PLACED: {
        "anchor": "run-dynamics", "image": "figures/run-dynamics.svg", "files": [["svg", "figures/dynamics.svg"]]}}), False)
    assert RunOutputs.handle_mime(None, MimeData("text/html", "<p>x</p>"), False) is None
    assert RunOutputs.handle_mime(None, MimeData(FIGURE_MIME, figure), False) == []   # not placed: its PNG shows
    html = shown_table[0].astext()
    assert html.startswith('<div class="table-block" id="run-cooperation">') and table["html"] in html
    assert '<a href="tables/cooperation.csv">CSV</a>' in html
    image = next(shown_figure[0].findall(nodes.image))
    assert image["uri"] == "figures/run-dynamics.svg" and image["alt"] == "Bars of each aspect."
    assert shown_figure[0]["ids"] == ["run-dynamics"] and "Figure 1. Dynamics" in shown_figure[0].astext()
    assert "plot_dynamics" in shown_figure[1].astext()

    document = new_document("page", get_default_settings())
    paragraph = nodes.paragraph()
    for target in ("cooperation", "dynamics", "elsewhere"):
        paragraph += pending_xref("", nodes.literal(text=target), reftype="numref", refdomain="std", reftarget=target)
    paragraph += pending_xref("", nodes.literal(text="the audit table"), reftype="numref", refdomain="std",
                              reftarget="audit", refexplicit=True)
    document += [paragraph, *shown_table, *shown_figure]
    resolve_run_references(None, document)
    links = [(link.astext(), link["refid"]) for link in paragraph.findall(nodes.reference)]
    assert links == [("Table 4", "run-cooperation"), ("Figure 1", "run-dynamics")]
    assert "(“elsewhere” is not shown in this run)" in paragraph.astext()
    assert "the audit table (not shown in this run)" in paragraph.astext()
    assert not list(document.findall(pending_xref))


def test_a_notebooks_links_to_tables_and_sources_become_the_sites_references():
    """A notebook refers by Markdown links that read as words in JupyterLab; on the site a
    link to a bibliography key keeps its words and gains a footnote citation, and one to a
    table or figure becomes a {numref} with those words; other links are left as written."""
    from workbench.core.site import site_references
    text = ("A reading of [Pyke (1992)](#pyke1992): the verdicts ([the verdicts table](#pyke_verdicts)), "
            "[a section](#a-section), [the web](https://example.org) and [code](#x`y).")
    assert site_references(text, {"pyke1992": {}}) == (
        "A reading of Pyke (1992){footcite:p}`pyke1992`: the verdicts ({numref}`the verdicts table <pyke_verdicts>`), "
        "[a section](#a-section), [the web](https://example.org) and [code](#x`y).")
