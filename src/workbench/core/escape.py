"""Escape text for the languages it is written into: HTML, Markdown (MyST), CSV cells.

Names of districts, areas and cases come from users' files. Every place that puts text
into a page or a spreadsheet goes through one of these functions, so a name like
`<script>` or `=HYPERLINK(...)` is shown as written and never run.
"""

import html
import re

MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~:$&\"'=^@%])")
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# How a notebook's text refers to one of its tables or figures, or to a source: a Markdown
# link to its name, `[the audit table](#audit)`, which reads as its words in JupyterLab (the
# report site makes it the run's number or a citation: workbench.core.site.site_references).
REFERENCE = re.compile(r"\[([^\]\n<>`]+)\]\(#([A-Za-z_][A-Za-z0-9_]*)\)")


def html_text(text) -> str:
    """Text for an HTML element or attribute: &, <, >, " and ' escaped."""
    return html.escape(str(text), quote=True)


def markdown_text(text) -> str:
    """Text for Markdown (CommonMark and MyST): every ASCII punctuation mark that could start
    markup is backslash-escaped and line breaks become spaces, so it renders literally."""
    return MARKDOWN_SPECIAL.sub(r"\\\1", " ".join(str(text).split()))


def plain_text(markdown: str) -> str:
    """The words of a sentence this package wrote in Markdown (the escapes `markdown_text`
    makes, and **bold**) as plain text: for alt text, which is never parsed as Markdown."""
    text = re.sub(r"(?<!\\)\*\*(.+?)(?<!\\)\*\*", r"\1", " ".join(str(markdown).split()))
    return re.sub(r"\\(.)", r"\1", text)


def csv_cell(value):
    """A cell a spreadsheet will not run as a formula (OWASP: prefix a quote when a text cell
    starts with =, +, -, @, tab or carriage return). Numbers are left as they are."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def markdown_code(text) -> str:
    """Text as a Markdown code span, shown verbatim: fenced by more backticks than it contains."""
    text = " ".join(str(text).split())
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if text.startswith("`") or text.endswith("`") or not text.strip() else ""
    return f"{fence}{pad}{text}{pad}{fence}"
