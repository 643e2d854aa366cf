"""Search in Indonesian for the report site's `id` edition.

Sphinx has no Indonesian search language. This one stems words with the Snowball Indonesian
stemmer on both sides: PyStemmer's (through snowballstemmer) when the index is built, and
the JavaScript port of the same algorithm that Sphinx ships (indonesian-stemmer.js) when a
reader searches, so that "kerjasamanya" finds a page that says "kerjasama", and
"permasalahannya" one that says "permasalahan". No stop words: Snowball gives none for Indonesian,
and the pages are few enough that every word may stay in the index.
"""

import snowballstemmer
from sphinx.search import SearchLanguage


class SearchIndonesian(SearchLanguage):
    lang = "id"
    language_name = "Indonesian"
    js_stemmer_rawcode = "indonesian-stemmer.js"

    def __init__(self, options: dict[str, str]) -> None:
        super().__init__(options)
        self.stemmer = snowballstemmer.stemmer("indonesian")

    def stem(self, word: str) -> str:
        return self.stemmer.stemWord(word.lower())


def setup(app):
    app.add_search_language(SearchIndonesian)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
