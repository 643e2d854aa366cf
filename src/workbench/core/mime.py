"""What a run leaves for the report site besides its files: the MIME types of the JSON records
that the notebook's figures and tables carry beside what people see (the site numbers and
captions them from these), and the file holding the study's one-sentence finding.
workbench.core.report writes them; workbench.core.site reads them."""

from workbench.core.escape import html_text
from workbench.core.i18n import _

FIGURE_MIME = "application/vnd.workbench.figure+json"
TABLE_MIME = "application/vnd.workbench.table+json"
HEADLINE_FILE = "headline.md"


def fold_summary(record: dict) -> str:
    """What a folded table shows of itself, as HTML, from its record: its number, caption and
    row count, the same in JupyterLab (workbench.core.report) and on the site
    (workbench.core.site_outputs)."""
    caption = f"{record['label']}. {record['caption']}" if record["label"] else record["caption"]
    rows = _("{count} rows").format(count=record["row_count"])
    return html_text(f"{caption} ({rows})")
