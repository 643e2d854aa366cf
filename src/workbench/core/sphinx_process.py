"""Sphinx in a process of its own, started ahead of the report site it builds.

A cold Sphinx spends about 1.5 s importing itself and the site's extensions before it reads
a page. A build starts a SphinxProcess when its runs start, so that this happens while they
execute; the site then writes its source and only has to say "build" (workbench.core.site).
Here too is the site's state that a build checks before it decides to rebuild the site (the
edition folders, the stamps, the digest of the site project), so that a build with nothing
to do imports no site code. This module imports nothing heavy, so that starting one costs
the build nothing.
"""

import contextlib
import hashlib
import os
import subprocess
import sys
from pathlib import Path

from workbench.core.i18n import DEFAULT, LANGUAGES, N_, translations
from workbench.core.paths import BIBLIOGRAPHY, REPORTS_DIR, SITE_PROJECT

# Run by SphinxProcess as `python -c`, so it needs no import path to the workbench: it ignores
# Ctrl-C (the build that started it stops it), imports Sphinx and the extensions conf.py names,
# then waits for one line. "build" runs `python -m sphinx` with its arguments; anything else,
# or the build's end (the pipe closes), ends it without building.
SPHINX_ON_CUE = """import signal, sys
signal.signal(signal.SIGINT, signal.SIG_IGN)
import myst_nb.sphinx_ext, pybtex.plugin, sphinx.builders.html, sphinx.cmd.build, sphinx_book_theme, sphinxcontrib.bibtex
sys.exit(sphinx.cmd.build.main(sys.argv[1:]) if sys.stdin.readline().strip() == "build" else 0)
"""


def edition_folder(reports_dir: Path, lang: str) -> Path:
    """Where an edition's reports and site go: reports/ for English, reports/<lang>/ for another."""
    return Path(reports_dir) if lang == DEFAULT else Path(reports_dir) / lang


def edition_language(reports_dir: Path) -> str:
    """The language of the edition whose reports are in `reports_dir`: another language's
    edition is the folder named after it inside reports/ (reports/id/)."""
    name = Path(reports_dir).name
    return name if name in LANGUAGES and name != DEFAULT else DEFAULT


def site_folders(reports_dir: Path = REPORTS_DIR, source_dir: Path | None = None,
                 doctrees_dir: Path | None = None) -> tuple[Path, Path, Path]:
    """Where Sphinx writes the site (build/html/, from which it is installed into reports/),
    and where its source and Sphinx's cache go unless told: build/site/ and build/doctrees/,
    all beside the reports folder; for another language's edition (reports/id/), the same
    under build/id/."""
    lang = edition_language(reports_dir)
    build = Path(reports_dir).parent / "build" if lang == DEFAULT else Path(reports_dir).parent.parent / "build" / lang
    return build / "html", Path(source_dir or build / "site"), Path(doctrees_dir or build / "doctrees")


SITE_TITLE = N_("Cluster workbench reports")
SITE_AUTHOR = N_("Cluster workbench contributors")


def sphinx_settings(lang: str) -> dict:
    """What an edition overrides of site/conf.py: its language, and the site's title and
    authors in it."""
    if lang == DEFAULT:
        return {}
    words = translations(lang).gettext
    return {"language": lang, "html_title": words(SITE_TITLE), "project": words(SITE_TITLE),
            "author": words(SITE_AUTHOR)}


def edition_processes(reports_dir: Path, languages) -> dict:
    """A SphinxProcess started now for each of `languages`' editions of the site in
    `reports_dir` (reports/ for English, reports/<lang>/ for another), to be handed to the
    site step once the runs are published."""
    return {lang: SphinxProcess(*site_folders(edition_folder(reports_dir, lang)), sphinx_settings(lang))
            for lang in languages}


def site_stamp(reports_dir: Path, doctrees_dir: Path | None = None) -> Path:
    """The file, beside Sphinx's cache, that records which source the site in `reports_dir`
    was built from; publishing a run removes it, so that the next build rebuilds the site."""
    return site_folders(reports_dir, doctrees_dir=doctrees_dir)[2] / "installed-site.sha256"


def project_files() -> dict[str, bytes]:
    """The site project's own files (site/: configuration, templates, scripts, styles,
    extensions, catalogues) and the bibliography, by their path in the Sphinx source."""
    files = {path.relative_to(SITE_PROJECT).as_posix(): path.read_bytes()
             for path in sorted(SITE_PROJECT.rglob("*")) if path.is_file() and "__pycache__" not in path.parts}
    files["references.bib"] = BIBLIOGRAPHY.read_bytes()
    return files


def project_digest() -> str:
    """A SHA-256 of the site project's files: a site built from other ones is out of date."""
    return hashlib.sha256(b"".join(name.encode() + b"\n" + hashlib.sha256(data).digest()
                                   for name, data in sorted(project_files().items()))).hexdigest()


def project_stamp(reports_dir: Path, doctrees_dir: Path | None = None) -> Path:
    """The file, beside the site stamp, recording which site project the installed site was built with."""
    return site_stamp(reports_dir, doctrees_dir).with_name("installed-project.sha256")


def edition_folders(reports_dir: Path) -> dict[str, Path]:
    """Each language's edition folder: reports/ for English, reports/<lang>/ for another."""
    return {lang: edition_folder(reports_dir, lang) for lang in LANGUAGES}


def run_manifests(reports_dir: Path) -> list[Path]:
    """The run.json of every published run, of every edition."""
    return sorted(m for folder in edition_folders(reports_dir).values() for m in folder.glob("*/*/run.json"))


class SphinxProcess:
    """`python -m sphinx` building the HTML site of `source_dir` into `html_dir`, once told
    to (`build`). It runs with a fixed hash seed: Sphinx's .buildinfo hashes its configuration,
    which holds sets, so only a fixed seed gives the same bytes in every build."""

    def __init__(self, html_dir: Path, source_dir: Path, doctrees_dir: Path, settings: dict | None = None):
        self.folders = html_dir, source_dir, doctrees_dir
        # Serial: -j 2 gave no measurable gain for the site's 16 pages (see the README's
        # Performance section). `settings` override conf.py's (-D): an edition's language.
        overrides = [f"-D{name}={value}" for name, value in (settings or {}).items()]
        arguments = ["-b", "html", "-q", "-W", "--keep-going", *overrides, "-d", str(doctrees_dir), str(source_dir),
                     str(html_dir)]
        self.process = subprocess.Popen([sys.executable, "-c", SPHINX_ON_CUE, *arguments], stdin=subprocess.PIPE,
                                        env={**os.environ, "PYTHONHASHSEED": "0"}, text=True)

    def start(self) -> None:
        """Start building the site from the source written by now."""
        with contextlib.suppress(BrokenPipeError):   # it has ended already: its status says why
            self.process.stdin.write("build\n")
            self.process.stdin.close()

    def wait(self) -> int:
        """Wait for the build; returns Sphinx's exit status."""
        return self.process.wait()

    def build(self) -> int:
        """Build the site from the source written by now; returns Sphinx's exit status."""
        self.start()
        return self.wait()

    def stop(self) -> None:
        """End the process if it is still waiting or building (a build that stopped early)."""
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait()
        with contextlib.suppress(BrokenPipeError):
            self.process.stdin.close()
