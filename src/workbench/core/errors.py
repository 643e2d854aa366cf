"""The workbench's own errors: light to import, so the command line can catch them at once."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input file, located as precisely as the file allows."""

    file: str
    line: int | None
    column: str | None
    value: str | None
    expected: str
    row_key: str = ""

    def __str__(self) -> str:
        where = [self.file]
        if self.line is not None:
            where.append(f"line {self.line}" + (f" ({self.row_key})" if self.row_key else ""))
        if self.column is not None:
            where.append(f"column '{self.column}'")
        found = "" if self.value is None else f"value {self.value!r}: "
        return f"{', '.join(where)}: {found}{self.expected}"


class DataValidationError(ValueError):
    """Raised with every problem found in an input file; nothing is written after it."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        files = sorted({p.file for p in problems})
        lines = "\n".join(f"  - {p}" for p in problems)
        super().__init__(f"{len(problems)} problem(s) in {', '.join(files)}:\n{lines}")


class SiteError(RuntimeError):
    """The report site could not be built; the message says why."""
