"""The MIME types of the JSON records that the notebook's figures and tables carry beside
what people see: the report site numbers and captions them from these (workbench.core.report
writes them, workbench.core.site reads them)."""

FIGURE_MIME = "application/vnd.workbench.figure+json"
TABLE_MIME = "application/vnd.workbench.table+json"
