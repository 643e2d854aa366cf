"""The language a run is written in: English (the default) or Indonesian.

What a reader sees comes in the language of `use_language` (a notebook's `lang` parameter):
messages through gettext catalogues (`workbench/locale/<lang>/LC_MESSAGES/`, standard `.po`
files a translator edits in Poedit or Weblate; `workbench catalogues` extracts and updates
them), numbers through Babel's number formats for the language (a decimal comma and a
thousands dot in Indonesian), never the machine's locale, so that the bytes of a report do
not depend on the machine. Data keep their published Indonesian; CSV files keep decimal
points. The catalogue `workbench` holds the package's generated text; `narrative` holds the
notebooks' text cells, paragraph by paragraph (see `workbench.core.catalogues`).
"""

import gettext
import io
from decimal import Decimal
from functools import cache
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import format_decimal

DEFAULT = "en"
LANGUAGES = ("en", "id")
LOCALE_DIR = Path(__file__).resolve().parents[1] / "locale"
DOMAINS = ("workbench", "narrative")
GLOSSARY = LOCALE_DIR / "glossary.csv"

_current = DEFAULT


def check_language(lang: str) -> str:
    """`lang` if the workbench writes in it, else an error naming the languages it knows."""
    if lang not in LANGUAGES:
        raise ValueError(f"lang = {lang!r} is not a language the workbench writes; use one of: {', '.join(LANGUAGES)}")
    return lang


def use_language(lang: str) -> str:
    """Write everything from now on in `lang` ("en" or "id"); returns it."""
    global _current
    _current = check_language(lang)
    return _current


def language() -> str:
    """The language in use."""
    return _current


def catalogue_path(lang: str, domain: str = "workbench") -> Path:
    return LOCALE_DIR / lang / "LC_MESSAGES" / f"{domain}.po"


@cache
def translations(lang: str, domain: str = "workbench") -> gettext.NullTranslations:
    """The catalogue of `domain` in `lang`, compiled from its .po file in memory (so that no
    compiled .mo can go stale); English, the language of the messages, needs none. Fuzzy
    entries are not used."""
    path = catalogue_path(lang, domain)
    if lang == DEFAULT or not path.is_file():
        return gettext.NullTranslations()
    with path.open("rb") as handle:
        catalog = read_po(handle, locale=lang)
    compiled = io.BytesIO()
    write_mo(compiled, catalog, use_fuzzy=False)
    compiled.seek(0)
    return gettext.GNUTranslations(compiled)


def _(message: str) -> str:
    """`message` (English, the msgid) in the language in use."""
    return translations(_current).gettext(message)


def N_(message: str) -> str:
    """Mark `message` for the catalogue without translating it here (gettext's `N_`): a
    label kept in a table of constants, translated with `_()` where it is shown."""
    return message


def ngettext(singular: str, plural: str, count: int) -> str:
    """The singular or plural form of a message for `count`, in the language in use."""
    return translations(_current).ngettext(singular, plural, count)


def source_term(indonesian: str, english: str, joiner: str = " ({})") -> str:
    """A term the source prints in Indonesian, as a reader of the language in use sees it: in
    English with the English after it ("Produk (product)", or with joiner " / {}"
    "Ada / Cooperates"), in Indonesian as the source prints it."""
    return indonesian if _current == "id" else indonesian + joiner.format(english)


def in_language(indonesian: str, english: str) -> str:
    """Of a term the data give in both languages, the one in the language in use."""
    return indonesian if _current == "id" else english


def narrative(paragraph: str, lang: str | None = None) -> str:
    """A paragraph of a notebook's text in `lang` (default: the language in use)."""
    return translations(lang or _current, "narrative").gettext(paragraph)


def number(value: float, decimals: int) -> str:
    """`value` rounded to `decimals` places as Python rounds it (the same digits in every
    language), then written as the language writes numbers: 70.8 -> 70,8 in Indonesian,
    1234.5 -> 1.234,5."""
    digits = Decimal(f"{float(value):.{decimals}f}")
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    return format_decimal(digits, format=pattern, locale=_current, decimal_quantization=False)


def significant(value: float, digits: int = 6) -> str:
    """`value` to at most `digits` significant digits and no trailing zeros, as Python's `g`
    format gives it (2.88, 17, 3.3), written as the language writes numbers."""
    shown = Decimal(f"{float(value):.{digits}g}")
    return number(float(shown), max(0, -shown.as_tuple().exponent))


def percent(value: float, decimals: int = 1) -> str:
    """A share already in percent (70.83) as the language writes it: 70.8% or 70,8%."""
    return f"{number(value, decimals)}%"


def integer(value: int) -> str:
    """A count with the language's thousands separator: 9,999 or 9.999."""
    return number(value, 0)


def tick_formatter(decimals: int | None = None, suffix: str = ""):
    """A matplotlib tick formatter that writes tick values in the language in use (a whole
    number where the value is one, else `decimals` places, default one)."""
    from matplotlib.ticker import FuncFormatter

    def written(value, _position):
        places = decimals if decimals is not None else (0 if float(value).is_integer() else 1)
        return number(value, places) + suffix
    return FuncFormatter(written)
