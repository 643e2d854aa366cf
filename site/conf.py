"""Sphinx configuration of the report site.

`workbench site` (and every build) copies this folder (conf.py, _static/) into the
site's Sphinx source, build/site/, beside one page per published run and the index pages that
`workbench.core.site` writes, builds the HTML into build/html/ and installs it into reports/.
Change the theme, its options or the site's CSS here, and the wording of the title blocks,
provenance and index pages in _templates/pages/; nothing else needs editing.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent / "_ext"))

project = 'Cluster workbench reports'
author = "Cluster workbench contributors"
copyright = ""
# workbench.core.site_outputs: the run's tables and figures, and {numref} by the run's numbers
extensions = ["myst_nb", "reference_style", "sphinxcontrib.bibtex", "indonesian_search", "sortable_tables", "workbench.core.site_outputs"]
# An edition in another language is built with -D language=<lang> (workbench.core.site):
# Sphinx's own catalogue gives its words, locales/ the theme's that it lacks.
language = "en"
locale_dirs = ["locales"]
exclude_patterns = ["**/figures/**", "_ext/**", "locales/**", "_templates/**"]
nb_execution_mode = "off"
nb_ipywidgets_js = {}
nb_output_stderr = "remove"
nb_remove_code_source = True   # a page shows what a run found; the code is in its notebook.ipynb
nb_render_markdown_format = "myst"   # a run's sentences may cite and refer, as its text cells do
myst_enable_extensions = ["colon_fence"]
bibtex_bibfiles = ["references.bib"]
bibtex_default_style = "workbench-plain"   # pybtex's plain, found faster (_ext/reference_style.py)
html_theme = "sphinx_book_theme"
html_title = 'Cluster workbench reports'
html_static_path = ["_static"]
templates_path = ["_templates"]   # the theme's components whose words it leaves untranslated
html_css_files = ["workbench.css"]
html_copy_source = False
# Search results without a summary: the summary is fetched from each page, which a browser
# refuses for a site opened from files (file://); the titles still link to the pages.
html_show_search_summary = False
html_show_sourcelink = False
html_show_copyright = False
html_show_sphinx = False
html_last_updated_fmt = None
html_context = {"default_mode": "light"}
html_theme_options = {
    "home_page_in_toc": True,
    "show_navbar_depth": 2,
    "show_toc_level": 2,
    "use_download_button": False,
    "use_fullscreen_button": False,
    "navigation_with_keys": False,
}
suppress_warnings = ["mystnb.unknown_mime_type", "misc.highlighting_failure"]


# The search box's placeholder in the edition's language (the theme's own is English only).
SEARCH_BAR_TEXT = {"en": "Search...", "id": "Cari..."}


def _search_bar_text(app, config):
    config.html_theme_options["search_bar_text"] = SEARCH_BAR_TEXT.get(config.language, SEARCH_BAR_TEXT["en"])


def setup(app):
    app.connect("config-inited", _search_bar_text)
