"""Tables that sort and filter on the report site, offline, with DataTables from the pinned
itables wheel.

itables bundles DataTables (with its RowGroup extension) as an ES module, `dt_bundle.js`, and
its styles as `dt_bundle.css`. A browser refuses to load an ES module file into a page opened
from files (file://), so the bundle is copied as a classic script that holds its text as one
string (`dt_bundle_text.js`); `workbench-tables.js` imports that text as a Blob, which is how
itables' own offline HTML loads it. Both are copied once, into the English edition's
_static/datatables/; every other edition, built into reports/<lang>/, loads the same files
from there, so the site carries the library once.

The tables stay the site's escaped HTML tables: DataTables enhances a table of more than a
few rows once the page has loaded, and only then. With scripts off a table is as written; in
print every row shows, in the printed order (`workbench-tables.js`).
"""

import json
from pathlib import Path

import itables
from sphinx.locale import _

LIBRARY = Path(itables.__file__).parent / "html"
FOLDER = "datatables"
WORDS_FILE = "workbench-table-words.js"   # per edition, in its _static/
DEFAULT_LANGUAGE = "en"   # the edition in the site's root; another language's is in <root>/<lang>/

# DataTables' words, through Sphinx's catalogue (site/locales/<lang>/LC_MESSAGES/sphinx.po);
# _START_, _END_, _TOTAL_ and _MAX_ are DataTables' placeholders.
WORDS = {
    "search": "Filter rows:",
    "info": "_TOTAL_ rows",
    "infoFiltered": "(of _MAX_)",
    "infoEmpty": "No row",
    "zeroRecords": "No row contains these words",
    "orderable": "Sort by this column",
    "orderableReverse": "Reverse the order",
    "orderableRemove": "Back to the printed order",
}


def language_options() -> dict:
    """DataTables' `language` option in the edition's language."""
    words = {key: str(_(text)) for key, text in WORDS.items()}
    aria = {key: words.pop(key) for key in ("orderable", "orderableReverse", "orderableRemove")}
    return {**words, "aria": aria}


def _library_files(app) -> None:
    """Add the library's files, and the script that uses them, to every page."""
    shared = "" if app.config.language == DEFAULT_LANGUAGE else "../../_static/"
    app.add_css_file(f"{shared}{FOLDER}/dt_bundle.css")
    app.add_js_file(WORDS_FILE)
    app.add_js_file("workbench-tables.js", **{"data-library": f"{shared}{FOLDER}/dt_bundle_text.js"})


def _write_if_changed(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.is_file() or path.read_bytes() != data:
        path.write_bytes(data)


def _copy_library(app, exception) -> None:
    """Write the edition's words for DataTables into its _static/, and copy the library into
    the English edition's _static/datatables/ (the same bytes each build: nothing is written
    when they are already there)."""
    if exception is not None or app.builder.format != "html":
        return
    static = Path(app.outdir) / "_static"
    words = json.dumps(language_options(), ensure_ascii=False, sort_keys=True, indent=1)
    _write_if_changed(static / WORDS_FILE, f"window.workbenchTableWords = {words};\n".encode("utf-8"))
    if app.config.language != DEFAULT_LANGUAGE:
        return
    text = (LIBRARY / "dt_bundle.js").read_text(encoding="utf-8")
    _write_if_changed(static / FOLDER / "dt_bundle.css", (LIBRARY / "dt_bundle.css").read_bytes())
    _write_if_changed(static / FOLDER / "dt_bundle_text.js", (
        f"/* DataTables as bundled by itables {itables.__version__} (dt_bundle.js, MIT), as text:"
        " see site/_ext/sortable_tables.py */\n"
        f"window.workbenchDataTablesModule = {json.dumps(text)};\n").encode("utf-8"))


def setup(app):
    app.connect("builder-inited", _library_files)
    app.connect("build-finished", _copy_library)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
