#!/usr/bin/env python3
"""Fill in the links of a release's metadata.txt: repository, tracker, homepage and maintainer email.

MineMonitor has no public web home yet, so the source metadata.txt carries no such links (no
placeholders: the Plugin Manager would show dead links). ``make package`` calls this on the assembled
plugin with the values of ``REPOSITORY_URL``, ``TRACKER_URL``, ``HOMEPAGE_URL`` and ``MAINTAINER_EMAIL``
(make variables or environment); ``REPOSITORY_URL`` defaults to the https address of the git remote
``origin`` when there is one, the tracker to ``<repository>/issues`` and the homepage to the repository.
Without a repository and an email the ZIP installs fine (Plugins > Install from ZIP) but plugins.qgis.org
refuses it; this tool says so. Standard library only.

Usage: python3 -m tools.release_metadata PLUGIN_DIR/metadata.txt
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
KEYS = ("homepage", "tracker", "repository", "email")


def git_remote_url(root: Path = ROOT) -> str:
    """The https address of the git remote ``origin`` ("" when there is none)."""
    try:
        url = subprocess.run(["git", "-C", str(root), "remote", "get-url", "origin"], capture_output=True,
                             text=True, timeout=20).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return ""
    match = re.match(r"^(?:git@|ssh://git@)([^:/]+)[:/](.+?)(?:\.git)?$", url)
    if match:
        return f"https://{match.group(1)}/{match.group(2)}"
    return re.sub(r"\.git$", "", url) if url.startswith(("https://", "http://")) else ""


def release_links(env: dict) -> dict:
    """The links and email of the release from ``env`` (and the git remote)."""
    repository = env.get("REPOSITORY_URL", "").strip() or git_remote_url()
    links = {"repository": repository,
             "tracker": env.get("TRACKER_URL", "").strip() or (f"{repository}/issues" if repository else ""),
             "homepage": env.get("HOMEPAGE_URL", "").strip() or repository,
             "email": env.get("MAINTAINER_EMAIL", "").strip()}
    return {k: v for k, v in links.items() if v}


def fill(metadata: Path, links: dict) -> list[str]:
    """Write ``links`` into ``metadata`` (replacing those keys); returns the keys still missing."""
    lines = [line for line in metadata.read_text(encoding="utf-8").splitlines()
             if line.split("=", 1)[0].strip() not in KEYS]
    at = next((i + 1 for i, line in enumerate(lines) if line.startswith("author=")), len(lines))
    lines[at:at] = [f"{key}={links[key]}" for key in ("email", "homepage", "tracker", "repository") if key in links]
    metadata.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return [key for key in ("email", "tracker", "repository") if key not in links]


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if len(argv) != 1:
        print(__doc__)
        return 2
    missing = fill(Path(argv[0]), release_links(dict(os.environ)))
    if missing:
        print("note: no " + ", ".join(missing) + " for metadata.txt (set REPOSITORY_URL and MAINTAINER_EMAIL): "
              "the ZIP installs from file but plugins.qgis.org will refuse it", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
