"""The numbers inventory: every number printed in a source, accounted for.

`data/raw/<study>/numbers.csv` has one row per number (a run of digits, with decimal or
thousands separators) on each line of the study's source text: either `transcribed`, naming
the file, row (1 = the first data row) and column that hold it, or `out_of_scope`, with
a one-line reason (a page number, a year in a citation, a national statistic the study
quotes). `inventory_problems` says which numbers of the source are missing from the
inventory, which rows point at a cell that does not hold the number, and which rows name
a number the source does not print there. Numbers written as words ('enam belas') are
counted by the claims register, not here.
"""

import csv
import json
import re
from pathlib import Path

NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
TRANSCRIBED, OUT_OF_SCOPE = "transcribed", "out_of_scope"
COLUMNS = ["line", "number", "occurrence", "status", "file", "row", "column", "reason"]


def numbers_in(text: str) -> list[tuple[int, str, int]]:
    """(line, number as printed, occurrence of that number on the line) for every number of `text`."""
    found = []
    for line_number, line in enumerate(text.splitlines(), 1):
        seen: dict[str, int] = {}
        for token in NUMBER.findall(line):
            seen[token] = seen.get(token, 0) + 1
            found.append((line_number, token, seen[token]))
    return found


def readings(token: str) -> set[float]:
    """The values a printed number can stand for: decimal comma (33,3), decimal point, or
    thousands separators (99.810); a token like '15,5,7' has none."""
    values = set()
    for candidate in {token.replace(",", "."), token.replace(".", ""), token.replace(",", "")}:
        try:
            values.add(float(candidate))
        except ValueError:
            pass
    return values


def cell_holds(cell: str, token: str) -> bool:
    """A numeric cell holds the number if it equals one of its readings; a text cell if the
    number is printed in it."""
    try:
        return float(cell) in readings(token)
    except ValueError:
        return re.search(r"(?<![\d.,])" + re.escape(token) + r"(?![\d]|[.,]\d)", cell) is not None


def read_inventory(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _cell(folder: Path, file: str, row: str, column: str) -> str | None:
    path = folder / file
    if not path.is_file():
        return None
    if file == "datapackage.json":
        resources = {r["name"]: r for r in json.loads(path.read_text(encoding="utf-8"))["resources"]}
        return json.dumps(resources.get(row, {}).get(column), ensure_ascii=False)
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    if not row.isdigit() or not 1 <= int(row) <= len(rows) or column not in rows[int(row) - 1]:
        return None
    return rows[int(row) - 1][column]


def inventory_problems(source_text: str, inventory: list[dict], folder: Path, name: str = "numbers.csv") -> list[str]:
    """Every way the inventory fails to account for the source's numbers, one sentence each."""
    printed = {(str(line), token, str(occurrence)) for line, token, occurrence in numbers_in(source_text)}
    listed = {}
    problems = []
    for index, entry in enumerate(inventory, 1):
        key = (entry["line"], entry["number"], entry["occurrence"])
        where = f"{name}, row {index}"
        if key in listed:
            problems.append(f"{where}: line {key[0]}'s number {key[1]} (occurrence {key[2]}) is listed twice")
        listed[key] = entry
        if key not in printed:
            problems.append(f"{where}: the source prints no number {key[1]} (occurrence {key[2]}) on line {key[0]}")
        if entry["status"] == TRANSCRIBED:
            cell = _cell(folder, entry["file"], entry["row"], entry["column"])
            if cell is None:
                problems.append(f"{where}: {entry['file']} has no row {entry['row']} and column {entry['column']!r}")
            elif not cell_holds(cell, entry["number"]):
                problems.append(f"{where}: {entry['file']} row {entry['row']}, column {entry['column']} holds "
                                f"{cell!r}, not the printed {entry['number']}")
        elif entry["status"] == OUT_OF_SCOPE:
            if not entry["reason"].strip():
                problems.append(f"{where}: out of scope without a reason")
        else:
            problems.append(f"{where}: status {entry['status']!r}, expected {TRANSCRIBED} or {OUT_OF_SCOPE}")
    for line, token, occurrence in sorted(printed - set(listed), key=lambda k: (int(k[0]), k[1], int(k[2]))):
        problems.append(f"line {line}: the number {token} (occurrence {occurrence}) is neither transcribed nor "
                        f"listed as out of scope in {name}")
    return problems
