"""The message catalogues: what is extracted, how the `.po` files are kept up to date, and
what a catalogue still lacks.

Two domains (see workbench.core.i18n):
- `workbench`: every message the package, the notebooks' code cells and the templates of the
  site's own pages (site/_templates/pages/) mark with `_()` or `ngettext()`, extracted by
  Babel's Python extractor and Jinja's;
- `narrative`: the text cells of the notebooks of studies written in more than one
  language, one message per paragraph (a block between blank lines), so that a translator
  sees whole sentences with their links to tables, figures and sources
  (`[the audit table](#audit)`): the words are translated, the targets stay as they are.

`update_catalogues` merges what the sources hold now into each language's `.po` (Babel's
`Catalog.update`, as `pybabel update` does: new messages come in untranslated, changed ones
fuzzy, gone ones are dropped) and writes them with fixed header dates, so that the files
change only when the messages do. `catalogue_problems` lists untranslated, fuzzy and stale
entries, and translations that break the glossary; the test suite fails on any.
"""

import csv
import io
import json
import re
from datetime import datetime, timezone
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract, extract_from_dir
from babel.messages.pofile import read_po, write_po

from workbench.core.escape import REFERENCE
from workbench.core.i18n import DEFAULT, DOMAINS, GLOSSARY, LANGUAGES, catalogue_path
from workbench.core.paths import BIBLIOGRAPHY, NOTEBOOKS_DIR, PAGE_TEMPLATES

SOURCE_DIR = Path(__file__).resolve().parents[1]
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2)}
PROJECT = "workbench"
# The header's dates are fixed, so that a catalogue's bytes change only with its messages
# (git records when they did).
CATALOGUE_DATE = datetime(2026, 1, 1, tzinfo=timezone.utc)


def paragraphs(text: str) -> list[str]:
    """A text cell's paragraphs: its blocks between blank lines, each stripped."""
    blocks, current = [], []
    for line in text.splitlines():
        if line.strip():
            current.append(line.rstrip())
        elif current:
            blocks.append("\n".join(current))
            current = []
    if current:
        blocks.append("\n".join(current))
    return blocks


def translate_text_cell(text: str, translate) -> str:
    """A text cell with each paragraph translated (`translate(paragraph)`), blank lines kept."""
    return "\n\n".join(translate(block) for block in paragraphs(text))


def _cells(notebook: Path, kind: str) -> list[str]:
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    return ["".join(c["source"]) if isinstance(c["source"], list) else c["source"]
            for c in cells if c["cell_type"] == kind]


def translated_notebooks(registry) -> list[Path]:
    """The notebooks of the studies written in more than one language."""
    return [spec.notebook for spec in registry.studies() if len(spec.languages) > 1]


def templates(registry) -> dict[str, Catalog]:
    """What the sources hold now, per domain, as catalogue templates (a .pot's contents)."""
    code = Catalog(project=PROJECT, fuzzy=False)
    for filename, lineno, message, comments, _context in extract_from_dir(
            SOURCE_DIR, [("**.py", "python")], keywords=KEYWORDS, strip_comment_tags=True):
        code.add(message, locations=[(f"workbench/{filename}", lineno)], auto_comments=comments)
    for filename, lineno, message, comments, _context in extract_from_dir(
            PAGE_TEMPLATES, [("**.md", "jinja2")], keywords=KEYWORDS, strip_comment_tags=True):
        code.add(message, locations=[(f"site/_templates/pages/{filename}", lineno)], auto_comments=comments)
    narrative = Catalog(project=PROJECT, fuzzy=False)
    for notebook in translated_notebooks(registry):
        where = notebook.relative_to(NOTEBOOKS_DIR.parent).as_posix()
        for number, source in enumerate(_cells(notebook, "code")):
            for _lineno, message, comments, _context in extract("python", io.BytesIO(source.encode()),
                                                                keywords=KEYWORDS):
                code.add(message, locations=[(where, number + 1)], auto_comments=comments)
        for number, source in enumerate(_cells(notebook, "markdown")):
            for block in paragraphs(source):
                narrative.add(block, locations=[(where, number + 1)])
    for spec in registry.studies():
        if len(spec.languages) > 1:
            for message, location in data_messages(spec.data_folder):
                code.add(message, locations=[(location, 0)])
            for words in source_words(spec.source):
                code.add(words, locations=[("references.bib", 0)])
    return {"workbench": code, "narrative": narrative}


def source_words(key: str) -> list[str]:
    """The workbench's words about a study's source in references.bib: where or how it was
    published (where the text names no journal) and the note."""
    if not key or not BIBLIOGRAPHY.is_file():
        return []
    from pybtex.database import parse_file
    entry = parse_file(str(BIBLIOGRAPHY)).entries.get(key)
    fields = [] if entry is None else [entry.fields.get(name, "") for name in ("journal", "howpublished", "note")]
    return [str(text).replace("{", "").replace("}", "") for text in fields if text]


def data_messages(folder: Path) -> list[tuple[str, str]]:
    """The words in a study's data folder that a report shows and the workbench wrote in
    English: the sources' titles, the descriptions, sources (table, title) and transcription
    notes of its datapackage.json, and the cells of the fields its schemas mark
    `translatable` (a definition, a claim, a method). A published title in Indonesian is
    among them too (its translation is itself); quotes and data never are."""
    descriptor = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    where = f"data/raw/{folder.name}/datapackage.json"
    found = [(source["title"], where) for source in descriptor.get("sources", [])]
    for resource in descriptor["resources"]:
        found.append((resource["description"], where))
        found += [(resource["source"][key], where) for key in ("table", "title") if resource.get("source", {}).get(key)]
        found += [(note["note"], where) for note in resource.get("notes", [])]
        fields = [f["name"] for f in resource.get("schema", {}).get("fields", []) if f.get("translatable")]
        if fields and (folder / resource["path"]).is_file():
            with (folder / resource["path"]).open(encoding="utf-8", newline="") as handle:
                found += [(row[name], f"data/raw/{folder.name}/{resource['path']}")
                          for row in csv.DictReader(handle) for name in fields if row.get(name)]
    return found


def _read(path: Path, lang: str) -> Catalog:
    with path.open("rb") as handle:
        return read_po(handle, locale=lang, domain=path.stem)


def _written(catalog: Catalog) -> bytes:
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=100, sort_output=True, omit_header=False)
    return buffer.getvalue()


def update_catalogues(registry, languages=None) -> list[Path]:
    """Merge the messages the sources hold now into each language's catalogues; returns the
    .po files that changed."""
    changed, wanted = [], templates(registry)
    for lang in languages or [lang for lang in LANGUAGES if lang != DEFAULT]:
        for domain, template in wanted.items():
            path = catalogue_path(lang, domain)
            catalog = _read(path, lang) if path.is_file() else Catalog(locale=lang, domain=domain, project=PROJECT,
                                                                       fuzzy=False)
            catalog.update(template, no_fuzzy_matching=False, update_header_comment=False)
            catalog.obsolete.clear()
            catalog.revision_date = catalog.creation_date = CATALOGUE_DATE
            data = _written(catalog)
            if not path.is_file() or path.read_bytes() != data:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(data)
                changed.append(path)
    return changed


def glossary() -> list[dict]:
    """The glossary the translations follow: an English term, the Indonesian term the sources
    use (or plain Indonesian where they have none), and where the sources use it."""
    with GLOSSARY.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


QUOTED = re.compile(r"(?<!\w)'[^']*'(?!\w)|`[^`]*`|\{[^}]*\}|\S*/\S*|\S+\.(?:csv|json|py|ipynb)\b|\w+[_.]\w+|(?<=column )\w+")   # (and a column's name after "column")


def _mentions(text: str, term: str) -> bool:
    """Whether `text`, outside its quotes, code, identifiers, paths and placeholders, names
    `term`: a word, the start of one ("dynamic" names dynamics), or one of several words
    separated by | ("cooperate|cooperation")."""
    words = "|".join(re.escape(word) for word in term.split("|"))
    return re.search(rf"(?<![\w-])(?:{words})", QUOTED.sub(" ", text), flags=re.IGNORECASE) is not None


def _link_targets(text: str) -> list[str]:
    """The tables, figures and sources a text links to, in order (`[words](#target)`)."""
    return [target for _words, target in REFERENCE.findall(text)]


def catalogue_problems(registry, lang: str) -> list[str]:
    """What the catalogues of `lang` lack: a message the sources hold that the catalogue does
    not (stale), an entry the sources no longer hold, an untranslated or fuzzy entry, a
    translation that links to other tables, figures or sources than its message, and one that
    does not use the glossary's term for a term its English names."""
    problems = []
    terms = glossary()
    for domain, template in templates(registry).items():
        path = catalogue_path(lang, domain)
        if not path.is_file():
            problems.append(f"{path.name} ({lang}) is missing: run `workbench catalogues`")
            continue
        catalog = _read(path, lang)
        wanted = {m.id for m in template if m.id}
        held = {m.id for m in catalog if m.id}
        where = f"{lang}/LC_MESSAGES/{path.name}"
        problems += [f"{where}: stale, lacks {short(i)!r} (run `workbench catalogues`)" for i in sorted(wanted - held, key=str)]
        problems += [f"{where}: stale, holds {short(i)!r}, which no source has (run `workbench catalogues`)"
                     for i in sorted(held - wanted, key=str)]
        for message in catalog:
            if not message.id:
                continue
            strings = message.string if isinstance(message.string, tuple) else (message.string,)
            if not all(strings):
                problems.append(f"{where}: no translation for {short(message.id)!r}")
            elif message.fuzzy:
                problems.append(f"{where}: fuzzy translation for {short(message.id)!r}")
            else:
                source = message.id if isinstance(message.id, str) else message.id[0]
                linked = _link_targets(source)
                problems += [f"{where}: the translation of {short(source)!r} links to {targets}, not to {linked}"
                             for targets in map(_link_targets, strings) if targets != linked]
                for kept in (term["en"] for term in terms if term["en"] == term["id"]):   # names kept as they are
                    source = re.sub(re.escape(kept), " ", source, flags=re.IGNORECASE)
                if all(text in source for text in strings):
                    continue   # the message carries the source's own term ("Ada / Cooperates"), kept as it is
                for term in terms:
                    # Indonesian adds prefixes as well as suffixes (dikutip, kutipan): the
                    # glossary's root may stand anywhere in a word
                    if _mentions(source, term["en"]) and not any(
                            root.lower() in s.lower() for s in strings for root in term["id"].split("|")):
                        problems.append(f"{where}: {short(source)!r} names {term['en']!r}; its translation "
                                        f"should use the glossary's {term['id']!r}")
    return problems


def short(message) -> str:
    text = message if isinstance(message, str) else message[0]
    return text if len(text) <= 70 else text[:67] + "..."
