"""The report site as a reviewer sees it: every built page in headless Chromium.

Needs Chromium (Debian's `chromium` package; `.ci/run` installs it) and Playwright for
Python (a pinned dependency). Without Chromium these tests skip with one line saying how
to enable them.
"""

import shutil
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest

from workbench.core.paths import REPORTS_DIR
from workbench.core.site import run_manifests
from workbench.registry import REGISTRY
from figure_checks import overflowing_texts

CHROMIUM = next((path for path in (shutil.which("chromium"), shutil.which("chromium-browser"),
                                   "/usr/bin/chromium") if path and Path(path).is_file()), None)
PAGES = sorted(p for p in REPORTS_DIR.rglob("*.html") if "_static" not in p.parts)
REPORT_PAGES = [p for p in PAGES if p.name == "report.html"]
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]


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
                     if not request.url.startswith(("file://", "data:", "about:")) else None)

    def open(self, page: Path, width: int = 1280):
        """Show `page` on screen at `width` px, with nothing recorded of the page before."""
        self.page.goto("about:blank")
        self.errors.clear(), self.outside.clear()
        self.page.emulate_media(media="screen")
        self.page.set_viewport_size({"width": width, "height": 900})
        self.page.goto(page.as_uri(), wait_until="load")
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
    ids = set(tab.eval_on_selector_all("[id]", "nodes => nodes.map(n => n.id)"))
    problems = []
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
    problems = [f"printed, cut off: {item}" for item in clipped]
    if tab.pdf(format="A4", print_background=True)[:4] != b"%PDF":
        problems.append("print to PDF failed")
    return problems


@pytest.mark.slow
@pytest.mark.xdist_group("site-pages")   # one worker, one browser visits every page
@pytest.mark.parametrize("page", PAGES, ids=name)
def test_page_as_a_reviewer_sees_it(tab, page):
    """Loads without console errors or requests outside the site; every image loads and has
    alt text, and a report shows its figures with it; every link resolves; no horizontal
    overflow at 1280 and 390 px outside table scrollers; a report prints to A4 with no table
    or text cut off."""
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
    shown = tab.open(REPORTS_DIR / "id" / "search.html")
    shown.goto(f"{(REPORTS_DIR / 'id' / 'search.html').as_uri()}?q={query}")
    shown.wait_for_selector("#search-results li a", timeout=10_000)
    found = shown.eval_on_selector_all("#search-results li a", "links => links.map(a => a.href)")
    assert any(link.endswith("/report.html") or "/report.html#" in link for link in found), found
    assert load_problems(tab) == []
