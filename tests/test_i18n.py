"""The Indonesian edition: complete, current catalogues that follow the glossary; numbers as
Indonesians write them; the same numbers in both editions; no English on its pages outside
quotes, names and code; pages that link to themselves in the other language; search that
finds a word with a suffix."""

import csv
import html
import json
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pandas as pd
import pytest
from babel.messages.pofile import read_po, write_po

from workbench.core import catalogues, i18n
from workbench.core.paths import NOTEBOOKS_DIR, RAW_DIR, REPORTS_DIR
from workbench.core.sphinx_process import run_manifests
from workbench.registry import REGISTRY

EDITION = REPORTS_DIR / "id"
TRANSLATED = [spec for spec in REGISTRY.studies() if "id" in spec.languages]


def test_every_message_has_a_current_indonesian_translation_that_follows_the_glossary():
    assert TRANSLATED, "no study is written in Indonesian"
    assert catalogues.catalogue_problems(REGISTRY, "id") == []


def _po(path: Path):
    with path.open("rb") as handle:
        return read_po(handle, locale="id")


def test_the_catalogue_check_fails_on_a_missing_a_stale_and_an_off_glossary_translation(tmp_path, monkeypatch):
    """The check bites: a message left untranslated, one no source holds any more, one whose
    source no longer has it, a translation that drops the glossary's term and one that links to
    another table are each named."""
    for domain in i18n.DOMAINS:
        target = tmp_path / "id" / "LC_MESSAGES" / f"{domain}.po"
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(i18n.catalogue_path("id", domain), target)
    path = tmp_path / "id" / "LC_MESSAGES" / "workbench.po"
    catalog = _po(path)
    catalog["Verdict"].string = ""
    catalog["The raw tables of this study and their sources"].string = "Daftar mentah studi ini dan asalnya"
    del catalog["Quote"]
    catalog.add("A message no source has", "Pesan yang tidak dimiliki sumber mana pun")
    with path.open("wb") as handle:
        write_po(handle, catalog)
    narrative = tmp_path / "id" / "LC_MESSAGES" / "narrative.po"
    texts = _po(narrative)
    linked = next(m for m in texts if m.id and "](#pyke_verdicts)" in m.string)
    linked.string = linked.string.replace("](#pyke_verdicts)", "](#deseve_verdicts)")
    with narrative.open("wb") as handle:
        write_po(handle, texts)
    monkeypatch.setattr(catalogues, "catalogue_path", lambda lang, domain: tmp_path / lang / "LC_MESSAGES" / f"{domain}.po")
    problems = "\n".join(catalogues.catalogue_problems(REGISTRY, "id"))
    assert "no translation for 'Verdict'" in problems
    assert "lacks 'Quote'" in problems
    assert "holds 'A message no source has'" in problems
    assert "should use the glossary's 'Tabel'" in problems and "should use the glossary's 'sumber'" in problems
    assert "links to ['deseve_verdicts'], not to ['pyke_verdicts']" in problems


def test_the_glossary_names_the_terms_of_the_sources():
    """Every glossary term is used by some translation, and says where the sources use it."""
    translations = " ".join(m.string for domain in i18n.DOMAINS for m in _po(i18n.catalogue_path("id", domain))
                            if isinstance(m.string, str)).lower()
    terms = catalogues.glossary()
    assert {"Tabel", "Gambar", "klaster", "kerjasama", "pendorong", "kendala", "pemicu", "dinami", "sinergisme"} <= \
        {root for term in terms for root in term["id"].split("|")}
    assert all(term["where the sources use it"] for term in terms)
    used = {root for term in terms for root in term["id"].split("|") if root.lower() in translations}
    assert {"Tabel", "Gambar", "abstrak", "masalah", "rekomendasi", "tercapai cukup baik"} <= used


@pytest.mark.parametrize("lang, value, decimals, written", [
    ("id", 70.833, 1, "70,8"), ("id", 1234.5, 1, "1.234,5"), ("id", 9999, 0, "9.999"), ("id", -0.25, 2, "-0,25"),
    ("en", 70.833, 1, "70.8"), ("en", 1234.5, 1, "1,234.5"), ("en", 2.675, 2, "2.67")])
def test_numbers_are_written_as_the_language_writes_them(lang, value, decimals, written):
    """Through Babel, not the machine's locale; rounded once, as Python rounds, so that both
    languages show the same digits."""
    previous = i18n.language()
    try:
        i18n.use_language(lang)
        assert i18n.number(value, decimals) == written
        assert i18n.percent(value, decimals) == written + "%"
        assert i18n.tick_formatter(decimals)(value, 0) == written
    finally:
        i18n.use_language(previous)


def test_an_unknown_language_is_refused_with_the_languages_known():
    with pytest.raises(ValueError, match="use one of: en, id"):
        i18n.use_language("fr")


# --- The editions side by side ------------------------------------------------------------

def _pairs() -> list[tuple[Path, Path]]:
    """Each published run of the Indonesian edition with the English run of the same name."""
    pairs = [(REPORTS_DIR / m.parent.relative_to(EDITION), m.parent) for m in run_manifests(REPORTS_DIR)
             if m.is_relative_to(EDITION)]
    assert pairs and all(english.is_dir() for english, _ in pairs)
    return pairs


def _numeric(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.select_dtypes("number")


def test_both_editions_save_the_same_numbers():
    """Every table and figure CSV of an Indonesian run has the English run's shape and numbers
    (only its words differ), and keeps decimal points: CSVs are data."""
    for english, indonesian in _pairs():
        files = sorted(p.relative_to(english) for p in english.glob("*/*.csv"))
        assert files == sorted(p.relative_to(indonesian) for p in indonesian.glob("*/*.csv"))
        for name in files:
            left, right = pd.read_csv(english / name), pd.read_csv(indonesian / name)
            assert left.shape == right.shape, name
            numbers = _numeric(left)   # by position: a header may be a term in the reader's language
            numbers.columns = _numeric(right).columns
            pd.testing.assert_frame_equal(numbers, _numeric(right), obj=str(name))


NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


def _numbers(text: str) -> list[str]:
    """The numbers of a text as their digits, whatever separates them (70.8 and 70,8 are 708;
    1,234.5 and 1.234,5 are 12345): a number rounded or changed differs, its writing does not."""
    return sorted(re.sub(r"[.,]", "", number) for number in NUMBER.findall(text))


class _TableCells(HTMLParser):
    """A table's rows of cells as its HTML shows them (a group heading is a row of one cell),
    and the notes under it."""

    def __init__(self, markup: str):
        super().__init__()
        self.rows, self.notes, self.text, self.inside = [], [], None, None
        self.feed(markup)

    def handle_starttag(self, tag, attrs):
        if tag == "tr":
            self.rows.append([])
        elif tag in ("th", "td") or (tag == "p" and ("class", "table-note") in attrs):
            self.inside, self.text = tag, []

    def handle_endtag(self, tag):
        if tag == self.inside:
            text = "".join(self.text)
            (self.notes if tag == "p" else self.rows[-1]).append(text)
            self.inside = self.text = None

    def handle_data(self, data):
        if self.text is not None:
            self.text.append(data)


def _outputs(notebook: Path) -> list[str]:
    """Each output's text as a reader meets it: a table's headers and cells, without the
    columns of the workbench's English that the Indonesian edition leaves out (headed
    "... (English)"); any other output's plain text (a figure's description included)."""
    from workbench.core.mime import TABLE_MIME
    texts = []
    for cell in json.loads(notebook.read_text(encoding="utf-8"))["cells"]:
        for output in cell.get("outputs", []) if cell["cell_type"] == "code" else []:
            data = output.get("data", {})
            if TABLE_MIME in data:
                table = _TableCells(data[TABLE_MIME]["html"])
                headers = table.rows[0]
                kept = [k for k, header in enumerate(headers) if not header.endswith("(English)")]
                texts.append(" ".join(" ".join(row[k] for k in kept) if len(row) == len(headers) else " ".join(row)
                                      for row in table.rows) + " " + " ".join(table.notes))
            else:
                text = data.get("text/plain", output.get("text", ""))
                texts.append(text if isinstance(text, str) else "".join(text))
    return texts


@pytest.mark.parametrize("spec", TRANSLATED, ids=lambda spec: spec.name)
def test_tables_figures_and_sentences_carry_the_same_numbers_in_both_editions(spec):
    """Output by output, the stored notebooks show the same numbers (a figure's description
    lists what it draws): read as each language writes them, 75.0% and 75,0% are one number."""
    english = _outputs(NOTEBOOKS_DIR / f"{spec.name}.ipynb")
    indonesian = _outputs(NOTEBOOKS_DIR / "id" / f"{spec.name}.ipynb")
    assert len(english) == len(indonesian)
    differ = [(k, _numbers(a), _numbers(b)) for k, (a, b) in enumerate(zip(english, indonesian))
              if _numbers(a) != _numbers(b)]
    assert differ == []
    assert any("," in text for text in indonesian) and not any(re.search(r"\d\.\d%", t) for t in indonesian)


class _Text(HTMLParser):
    """A page's words as a reader meets them, without quotes, code, scripts and the
    bibliography (titles and names as published)."""

    SKIP = {"script", "style", "code", "pre", "blockquote", "kbd"}

    def __init__(self):
        super().__init__()
        self.depth, self.words = 0, []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        classes = attributes.get("class") or ""
        if self.depth or tag in self.SKIP or "footnote" in classes or "citation" in classes:
            self.depth += tag not in ("br", "img", "wbr", "meta", "link", "input", "hr")
        elif tag == "img" and attributes.get("alt"):   # what a screen reader reads
            self.handle_data(attributes["alt"])

    def handle_endtag(self, tag):
        if self.depth:
            self.depth -= 1

    def handle_data(self, data):
        if not self.depth:   # an identifier (a code such as agreed_by_some, a file name) is code
            self.words += [word for token in html.unescape(data).split() if not re.search(r"[_/]|\.\w", token)
                           for word in re.findall(r"[A-Za-z][A-Za-z'’]+", token)]


def _vocabulary(texts) -> set[str]:
    return {word.lower() for text in texts for word in re.findall(r"[A-Za-z][A-Za-z'’]+", text)}


def _source_words() -> set[str]:
    """The words of the translated studies' data (their cells: the source's Indonesian, its
    own English quotes, the names of its frameworks) and the authors and titles of the works
    the reports cite (names, as published)."""
    from workbench.core.site import bibliography
    texts = [entry.get(field, "") for entry in bibliography().values() for field in ("authors", "title")]
    for spec in TRANSLATED:
        for path in sorted((RAW_DIR / spec.name).glob("*.csv")):
            with path.open(encoding="utf-8", newline="") as handle:
                texts += [cell for row in csv.reader(handle) for cell in row]
    return _vocabulary(texts)


def test_an_indonesian_page_has_no_english_outside_quotes_names_and_code():
    """Checked against the catalogues, not a list of words: no English message appears whole
    on an Indonesian page, and no word of the English messages appears that neither a
    translation, the glossary nor the sources' own data use."""
    messages = [m for domain in i18n.DOMAINS for m in _po(i18n.catalogue_path("id", domain)) if m.id]
    english = _vocabulary(m.id if isinstance(m.id, str) else " ".join(m.id) for m in messages)
    allowed = (_vocabulary(m.string if isinstance(m.string, str) else " ".join(m.string) for m in messages)
               | _vocabulary(term["id"] for term in catalogues.glossary()) | _source_words())
    whole = [m.id for m in messages if isinstance(m.id, str) and "{" not in m.id and len(m.id.split()) >= 3
             and m.string != m.id]
    pages = sorted(EDITION.rglob("*.html"))
    assert pages
    problems = {}
    for page in pages:
        parser = _Text()
        parser.feed(page.read_text(encoding="utf-8").replace("<wbr>", ""))   # break opportunities inside codes
        text = " ".join(parser.words)
        found = sorted({w for w in parser.words if w.lower() in english and w.lower() not in allowed})
        found += [f"the message {m!r}" for m in whole if " ".join(re.findall(r"[A-Za-z][A-Za-z'’]+", m)) in text]
        if found:
            problems[page.relative_to(EDITION).as_posix()] = found
    assert problems == {}


def _switch(page: Path) -> dict[str, Path]:
    links = re.findall(r'<p class="language-switch">(.*?)</p>', page.read_text(encoding="utf-8"))
    assert len(links) == 1, f"{page}: no language switch"
    return {lang: (page.parent / href).resolve() for href, lang in re.findall(r'href="([^"]+)" hreflang="(\w+)"', links[0])}


def test_every_page_links_to_itself_in_the_other_language():
    """Every page of either edition has a static relative link to the same page in the other
    edition (its home where that edition has no such page); the two point at each other."""
    for page in sorted(EDITION.rglob("*/report.html")) + [EDITION / "index.html"]:
        english = (REPORTS_DIR / page.relative_to(EDITION)).resolve()
        assert _switch(page) == {"en": english}
        assert _switch(english) == {"id": page.resolve()}
    for page in sorted(REPORTS_DIR.glob("*/*/report.html")):
        target = _switch(page)["id"]
        assert target.is_file() and target.is_relative_to(EDITION.resolve())


def test_the_indonesian_search_index_finds_a_word_with_a_suffix():
    """The Indonesian edition's index stems with Snowball's Indonesian stemmer (the JavaScript
    one the search page loads is the same algorithm): "permasalahannya" finds the report that
    says "permasalahan", which the English index would not."""
    import snowballstemmer
    from sphinx.search import js_index
    index = js_index.loads((EDITION / "searchindex.js").read_text(encoding="utf-8"))
    query = snowballstemmer.stemmer("indonesian").stemWord("permasalahannya")
    assert query == "masalah"
    found = []
    for kind in ("terms", "titleterms"):   # a word of a heading is indexed as a title term only
        pages = index[kind].get(query, [])
        found += [pages] if isinstance(pages, int) else pages
    assert any(index["docnames"][k].endswith("/report") for k in found)
    assert "IndonesianStemmer" in (EDITION / "_static" / "language_data.js").read_text(encoding="utf-8")
