"""The references' style: pybtex's "plain", with its name, label and sorting styles named by
class rather than by name.

sphinxcontrib-bibtex asks pybtex for the formatting style by name at every footnote
citation, and pybtex's plain style asks for its name, label and sorting styles by name when
it is made. pybtex finds a name among the installed packages' entry points, which reads the
metadata of every package in the environment: four times per citation, about a sixth of a
cold build of the site. A style registered under a name of its own (pybtex's public
`register_plugin`, overriding no installed style) is found without that search, and so are
the styles it names by class. The references read exactly as with "plain".
"""

from pybtex.plugin import register_plugin
from pybtex.style.formatting.plain import Style as PlainStyle
from pybtex.style.labels.number import LabelStyle as NumberLabels
from pybtex.style.names.plain import NameStyle as PlainNames
from pybtex.style.sorting.author_year_title import SortingStyle as AuthorYearTitle

NAME = "workbench-plain"   # conf.py: bibtex_default_style


class ReferenceStyle(PlainStyle):
    default_name_style = PlainNames
    default_label_style = NumberLabels
    default_sorting_style = AuthorYearTitle


def setup(app):
    register_plugin("pybtex.style.formatting", NAME, ReferenceStyle)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
