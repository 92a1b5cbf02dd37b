"""Build the minemonitor-core wheel from the plugin's own sources (``make core-wheel``).

Stages ``minemonitor_plugin/core``, ``minemonitor_plugin/engine``, the package data the core reads
(``minemonitor_plugin/data``) and ``metadata.txt`` (the version) with ``packaging/minemonitor-core``'s
recipe in a temporary folder, then runs ``pip wheel`` without build isolation (the installed setuptools
is enough; nothing is downloaded). ``python packaging/build_core.py [--out dist]`` prints the wheel's
path (run as a script, not with ``-m``: the folder is no package, so it never shadows the ``packaging``
library).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RECIPE = ROOT / "packaging" / "minemonitor-core"
PACKAGE_INIT = '''"""minemonitor-core: the QGIS-free kernels (core) and execution engine (engine) of MineMonitor."""
'''


def stage(folder: Path) -> Path:
    """Copy the recipe and the sources into ``folder``; returns it."""
    folder.mkdir(parents=True, exist_ok=True)
    for name in ("pyproject.toml", "setup.py", "README.md"):
        shutil.copy2(RECIPE / name, folder / name)
    pkg = folder / "minemonitor_plugin"
    pkg.mkdir()
    (pkg / "__init__.py").write_text(PACKAGE_INIT, encoding="utf-8")
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    for sub in ("core", "engine", "data"):
        shutil.copytree(ROOT / "minemonitor_plugin" / sub, pkg / sub, ignore=ignore)
    shutil.copy2(ROOT / "metadata.txt", pkg / "metadata.txt")
    return folder


def build(out: Path, python: str = sys.executable) -> Path:
    """Build the wheel into ``out``; returns its path."""
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="minemonitor-core-") as tmp:
        src = stage(Path(tmp) / "src")
        before = set(out.glob("minemonitor_core-*.whl"))
        subprocess.run([python, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
                        "--disable-pip-version-check", "-q", "-w", str(out), str(src)], check=True)
    built = sorted(set(out.glob("minemonitor_core-*.whl")) - before) or sorted(out.glob("minemonitor_core-*.whl"))
    return built[-1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(ROOT / "dist"))
    args = parser.parse_args()
    print(build(Path(args.out)))


if __name__ == "__main__":
    main()
