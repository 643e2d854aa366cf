"""What a relock with the newest allowed versions would change in the committed outputs.

    python3 tasks.py upgrade-check [--package NAME[==VERSION]] [--keep]

In a scratch clone of the last commit: relock with the newest versions pyproject.toml allows
(`uv lock --upgrade`; the exact pins of what we import stay, everything else may move);
rebuild every report, processed table and stored notebook output there on today's lock and
again on the new one (two builds of one commit, so that only the packages differ); and print
which packages moved and which outputs would change: file by file, and for each changed PNG
how many pixels differ. Nothing in the project changes. `--package NAME[==VERSION]` relocks
only that package (at that version), to try one change; `--keep` keeps the scratch copy.
"""

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import tomllib
from io import BytesIO
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
COMPARED = ("reports", "data/processed", "notebooks")


def locked(project: Path) -> dict[str, str]:
    return {p["name"]: p.get("version", "") for p in tomllib.loads((project / "uv.lock").read_text())["package"]}


def files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def differing_pixels(old: bytes, new: bytes) -> str:
    from PIL import Image, ImageChops
    a, b = Image.open(BytesIO(old)).convert("RGBA"), Image.open(BytesIO(new)).convert("RGBA")
    if a.size != b.size:
        return f"size {a.size[0]}x{a.size[1]} -> {b.size[0]}x{b.size[1]}"
    difference = ImageChops.difference(a, b)
    count = sum(1 for pixel in difference.getdata() if any(pixel))
    return f"{count} of {a.size[0] * a.size[1]} pixels differ"


def rebuilt(uv: str, scratch: Path, env: dict) -> dict | None:
    """Every report and stored notebook output rebuilt in the scratch copy on its lock."""
    subprocess.run([uv, "sync", "--locked", "--quiet", "--compile-bytecode", "--extra", "test"], cwd=scratch,
                   env=env, check=True)
    workbench = str(scratch / ".venv" / "bin" / "workbench")
    built = subprocess.run([workbench, "build", "--force", "--jobs", "2"], cwd=scratch, env=env, capture_output=True,
                           text=True)
    if built.returncode:
        print(f"the build fails with the upgraded packages:\n{built.stderr[-3000:]}")
        return None
    subprocess.run([workbench, "store-outputs"], cwd=scratch, env=env, capture_output=True, check=True)
    return {folder: files(scratch / folder) for folder in COMPARED}


def main() -> int:
    options = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    options.add_argument("--uv", required=True, help="the uv program (tasks.py passes its own)")
    options.add_argument("--keep", action="store_true", help="keep the scratch copy")
    options.add_argument("--package", action="append", default=[], metavar="NAME[==VERSION]",
                         help="relock only this package (at this version), not everything (repeatable)")
    args = options.parse_args()
    scratch = Path(tempfile.mkdtemp(prefix="workbench-upgrade-"))
    try:
        subprocess.run(["git", "clone", "--quiet", "--shared", str(ROOT), str(scratch)], check=True)
        env = dict(os.environ, UV_PROJECT_ENVIRONMENT=str(scratch / ".venv"), UV_PYTHON=sys.executable,
                   UV_PYTHON_DOWNLOADS="never", WORKBENCH_PROJECT=str(scratch))
        before = locked(scratch)
        upgrade = [f"--upgrade-package={package}" for package in args.package] or ["--upgrade"]
        subprocess.run([args.uv, "lock", *upgrade, "--quiet"], cwd=scratch, env=env, check=True)
        after = locked(scratch)
        moved = {name: (before.get(name, "-"), version) for name, version in after.items()
                 if before.get(name) != version}
        print(f"packages that would move ({len(moved)}):")
        for name, (old, new) in sorted(moved.items()):
            print(f"  {name}: {old} -> {new}")
        if not moved:
            print("  none: the lock is current; nothing would change.")
            return 0
        relocked = (scratch / "uv.lock").read_text()
        subprocess.run(["git", "checkout", "--quiet", "HEAD", "--", "uv.lock"], cwd=scratch, check=True)
        committed = rebuilt(args.uv, scratch, env)   # the same commit on today's lock: provenance alike
        (scratch / "uv.lock").write_text(relocked)
        new = rebuilt(args.uv, scratch, env)
        if committed is None or new is None:
            return 1
        changed = 0
        print("committed outputs that would change:")
        for folder in COMPARED:
            for name in sorted(set(committed[folder]) | set(new[folder])):
                old_bytes, new_bytes = committed[folder].get(name), new[folder].get(name)
                if old_bytes == new_bytes or name.endswith("run.json") or (folder == "reports" and re.search(
                        r"(^|/)\.buildinfo$", name)):
                    continue
                changed += 1
                path = f"{folder}/{name}"
                if old_bytes is None or new_bytes is None:
                    print(f"  {path}: {'added' if old_bytes is None else 'no longer made'}")
                elif name.endswith(".png"):
                    print(f"  {path}: {differing_pixels(old_bytes, new_bytes)}")
                else:
                    print(f"  {path}: bytes differ")
        print(f"  {changed} file(s)" if changed else "  none: every committed output is the same, byte for byte.")
        return 0
    finally:
        if args.keep:
            print(f"scratch copy kept: {scratch}")
        else:
            shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
