"""What a run leaves for the report site besides its files: the MIME types of the JSON records
that the notebook's figures and tables carry beside what people see (the site numbers and
captions them from these), and the file holding the study's one-sentence finding.
workbench.core.report writes them; workbench.core.site reads them."""

FIGURE_MIME = "application/vnd.workbench.figure+json"
TABLE_MIME = "application/vnd.workbench.table+json"
HEADLINE_FILE = "headline.md"
