"""Where the project's folders are, independent of the current working directory."""

from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[3]
RAW_DIR = PROJECT_ROOT / "data" / "raw"
PROCESSED_DIR = PROJECT_ROOT / "data" / "processed"
NOTEBOOKS_DIR = PROJECT_ROOT / "notebooks"
REPORTS_DIR = PROJECT_ROOT / "reports"
RUNS_CONFIG = PROJECT_ROOT / "runs.toml"


def resolve_data_dir(data_dir: str | Path = "") -> Path:
    """The folder holding datapackage.json and the raw tables; "" means the project's data/raw."""
    folder = Path(data_dir).expanduser().resolve() if str(data_dir) else RAW_DIR
    if not (folder / "datapackage.json").is_file():
        raise FileNotFoundError(
            f"{folder} has no datapackage.json; data_dir must name a folder laid out like data/raw/."
        )
    return folder
