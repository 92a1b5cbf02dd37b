"""The release ZIP (`make package`): the QGIS plugin repository's checks, the changelog, pb_tool.cfg,
and an install by unzipping into a plugin folder that ``qgis_process`` then loads."""

from __future__ import annotations

import configparser
import io
import json
import os
import re
import subprocess
import zipfile
from pathlib import Path
from urllib.parse import urlparse

import pytest

from tests.support.release import build_release_zip, install_zip, metadata_version

ROOT = Path(__file__).resolve().parents[2]
PLUGIN = "minemonitor_plugin"
QGIS_PROCESS_BIN = "/usr/bin/qgis_process.bin"
# plugins.qgis.org's validator (qgis/QGIS-Django plugins/validator.py)
MAX_SIZE = 25_000_000
REQUIRED_METADATA = ("name", "description", "version", "qgisMinimumVersion", "author", "email", "about",
                     "tracker", "repository")
BOOLEAN_METADATA = ("experimental", "deprecated", "server")
FORBIDDEN_URLS = {"tracker": "http://bugs", "repository": "http://repo", "homepage": "http://homepage"}
KEEP_A_CHANGELOG_SECTIONS = {"Added", "Changed", "Deprecated", "Removed", "Fixed", "Security"}


#: Links a maintainer gives `make package` for an upload (``.invalid``: a reserved name, test data only).
RELEASE_LINKS = {"REPOSITORY_URL": "https://git.invalid/minemonitor/minemonitor",
                 "MAINTAINER_EMAIL": "maintainers@git.invalid"}
PLACEHOLDER_DOMAINS = re.compile(r"example\.(org|com|net)")


@pytest.fixture(scope="module")
def release_zip(tmp_path_factory) -> Path:
    return build_release_zip(tmp_path_factory.mktemp("dist"), **RELEASE_LINKS)


def validate(zip_path: Path) -> dict:
    """The plugin repository's upload checks; returns the metadata. Raises AssertionError naming
    the first problem."""
    assert zip_path.stat().st_size <= MAX_SIZE, f"{zip_path.stat().st_size} bytes > {MAX_SIZE}"
    with zipfile.ZipFile(zip_path) as archive:
        names = archive.namelist()
        assert archive.testzip() is None
        for name in names:
            assert ".." not in name and not name.startswith("/"), name
            assert ".pyc" not in name, name
            parts = name.rstrip("/").split("/")
            for forbidden in ("__MACOSX", ".git", "__pycache__"):
                assert forbidden not in parts, name
            assert not any(part.startswith(".") for part in parts), f"hidden file {name}"
        roots = {name.split("/")[0] for name in names}
        assert roots == {PLUGIN}, roots
        package = names[0][: names[0].index("/")]
        assert re.match(r"^[A-Za-z][A-Za-z0-9-_]+$", package)
        assert f"{package}/__init__.py" in names and f"{package}/metadata.txt" in names
        assert f"{package}/LICENSE" in names
        parser = configparser.ConfigParser()
        parser.optionxform = str
        parser.read_file(io.StringIO(archive.read(f"{package}/metadata.txt").decode("utf-8")))
        metadata = dict(parser.items("general"))
        missing = [key for key in REQUIRED_METADATA if not metadata.get(key, "").strip()]
        assert missing == [], missing
        assert f"{package}/{metadata['icon'].removeprefix('./')}" in names, metadata["icon"]
        for key in BOOLEAN_METADATA:
            assert metadata.get(key, "False").strip().lower() in ("true", "false", "1", "0"), key
        for key, forbidden in FORBIDDEN_URLS.items():
            if key == "homepage" and not metadata.get(key):
                continue  # optional on plugins.qgis.org
            url = urlparse(metadata.get(key, ""))
            assert url.scheme in ("http", "https") and url.netloc and metadata[key] != forbidden, key
        assert re.match(r"^[^/]+$", metadata["author"])
        assert re.fullmatch(r"\d+\.\d+\.\d+", metadata["version"]), metadata["version"]
        assert tuple(int(p) for p in metadata["qgisMinimumVersion"].split(".")) >= (3, 0)
        # no development files, every module compiles, the translations are compiled
        assert not [n for n in names if n.endswith((".ts", ".pro", "~", ".orig", ".rej"))]
        assert not [n for n in names if n.split("/")[1] in ("tests", "benchmarks", "scripts", "build", "dist")]
        for name in names:
            if name.endswith(".py"):
                compile(archive.read(name).decode("utf-8"), name, "exec")
        assert f"{package}/i18n/minemonitor_zh_CN.qm" in names
    return metadata


def test_release_zip_passes_the_plugin_repository_checks(release_zip):
    metadata = validate(release_zip)
    assert metadata["version"] == metadata_version()
    assert release_zip.name == f"{PLUGIN}-{metadata['version']}.zip"
    assert metadata["hasProcessingProvider"] == "yes" and metadata["license"] == "GPL-2.0-or-later"
    with zipfile.ZipFile(release_zip) as archive:
        names = set(archive.namelist())
    # everything the plugin loads at run time is in it
    for path in ROOT.joinpath(PLUGIN).rglob("*"):
        rel = path.relative_to(ROOT / PLUGIN)
        development_only = "__pycache__" in rel.parts or any(part.startswith(".") for part in rel.parts) \
            or path.suffix in (".pyc", ".pyo") or path.name.endswith("~")
        if path.is_file() and not development_only:
            assert f"{PLUGIN}/{rel.as_posix()}" in names, rel
    for path in ROOT.joinpath("resources").rglob("*"):
        if path.is_file():
            assert f"{PLUGIN}/resources/{path.relative_to(ROOT / 'resources').as_posix()}" in names, path


def test_release_links_come_from_the_maintainer_not_placeholders(release_zip, tmp_path):
    """metadata.txt has no placeholder links: `make package` writes the repository, tracker, homepage and
    email it is given (the repository's issues page as tracker); without them the ZIP still installs,
    but the upload check names what is missing."""
    metadata = validate(release_zip)
    assert metadata["repository"] == RELEASE_LINKS["REPOSITORY_URL"]
    assert metadata["tracker"] == RELEASE_LINKS["REPOSITORY_URL"] + "/issues"
    assert metadata["homepage"] == RELEASE_LINKS["REPOSITORY_URL"]
    assert metadata["email"] == RELEASE_LINKS["MAINTAINER_EMAIL"]
    source = (ROOT / "metadata.txt").read_text(encoding="utf-8")
    assert not PLACEHOLDER_DOMAINS.search(source)
    for path in list((ROOT / PLUGIN).rglob("*.py")) + list((ROOT / "resources").rglob("*")):
        if path.is_file() and path.suffix in (".py", ".qml", ".qpt", ".model3", ".svg", ".json"):
            assert not PLACEHOLDER_DOMAINS.search(path.read_text(encoding="utf-8", errors="replace")), path
    bare = build_release_zip(tmp_path / "bare")
    with zipfile.ZipFile(bare) as archive:
        text = archive.read(f"{PLUGIN}/metadata.txt").decode("utf-8")
    assert not PLACEHOLDER_DOMAINS.search(text)
    assert "tracker=" not in text and "repository=" not in text
    with pytest.raises(AssertionError, match="tracker"):
        validate(bare)


def test_validator_rejects_what_the_repository_rejects(tmp_path):
    """The checks above can fail: a ZIP with a __pycache__, or without LICENSE, is refused."""
    for bad_name, content in (("__pycache__/x.cpython-311.pyc", b"x"), (".hidden", b"x")):
        bad = tmp_path / f"bad{len(bad_name)}.zip"
        with zipfile.ZipFile(bad, "w") as archive:
            archive.writestr(f"{PLUGIN}/__init__.py", "def classFactory(iface):\n    pass\n")
            archive.writestr(f"{PLUGIN}/LICENSE", "GPL")
            archive.writestr(f"{PLUGIN}/{bad_name}", content)
        with pytest.raises(AssertionError):
            validate(bad)
    no_license = tmp_path / "nolicense.zip"
    with zipfile.ZipFile(no_license, "w") as archive:
        archive.writestr(f"{PLUGIN}/__init__.py", "")
        archive.writestr(f"{PLUGIN}/metadata.txt", (ROOT / "metadata.txt").read_text())
    with pytest.raises(AssertionError, match="LICENSE"):
        validate(no_license)


def test_changelog_is_keep_a_changelog_and_in_sync_with_metadata():
    text = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    lines = text.splitlines()
    assert lines[0] == "# Changelog"
    headings = [line for line in lines if line.startswith("## ")]
    assert headings[0] == "## [Unreleased]", headings
    released = []
    for heading in headings[1:]:
        match = re.fullmatch(r"## \[(\d+\.\d+\.\d+)\](?: - (\d{4}-\d{2}-\d{2}))?", heading)
        assert match, f"not a Keep-a-Changelog version heading: {heading!r}"
        released.append(match.group(1))
    assert released, "no released version in CHANGELOG.md"
    as_tuples = [tuple(int(p) for p in v.split(".")) for v in released]
    assert as_tuples == sorted(as_tuples, reverse=True), "versions must be newest first"
    sections = {line[4:].strip() for line in lines if line.startswith("### ")}
    assert sections <= KEEP_A_CHANGELOG_SECTIONS, sections - KEEP_A_CHANGELOG_SECTIONS
    assert released[0] == metadata_version(), "CHANGELOG.md's newest release is not metadata.txt's version"
    parser = configparser.ConfigParser()
    parser.read(ROOT / "metadata.txt", encoding="utf-8")
    changelog = parser["general"]["changelog"]
    in_metadata = re.findall(r"(?m)^\s*(\d+\.\d+\.\d+)\b", changelog)
    assert in_metadata and in_metadata[0] == released[0], changelog
    assert set(in_metadata) == set(released), (in_metadata, released)


def test_pb_tool_cfg_describes_the_same_assembly(release_zip, tmp_path):
    parser = configparser.ConfigParser()
    parser.read(ROOT / "pb_tool.cfg", encoding="utf-8")
    assert parser["plugin"]["name"] == PLUGIN
    files = parser["files"]
    listed = set(files["python_files"].split()) | set(files["extras"].split())
    plugin_dir = install_zip(release_zip, tmp_path / "plugins")
    for folder in files["extra_dirs"].split():
        listed |= {p.relative_to(plugin_dir).as_posix() for p in (plugin_dir / folder).rglob("*") if p.is_file()}
    in_zip = {p.relative_to(plugin_dir).as_posix() for p in plugin_dir.rglob("*") if p.is_file()}
    assert listed == in_zip, {"only in pb_tool.cfg": sorted(listed - in_zip), "only in zip": sorted(in_zip - listed)}


def test_zip_installs_and_qgis_process_loads_it(release_zip, tmp_path, provider, make_layer):
    """Unzipped into an empty plugin folder with a fresh profile, qgis_process loads the provider
    from it and runs an algorithm."""
    plugins = tmp_path / "plugins"
    install_zip(release_zip, plugins)
    env = dict(os.environ, QGIS_PLUGINPATH=str(plugins), QGIS_CUSTOM_CONFIG_PATH=str(tmp_path / "config"))
    enable = subprocess.run([QGIS_PROCESS_BIN, "plugins", "enable", PLUGIN], env=env, capture_output=True,
                            text=True, timeout=300)
    assert enable.returncode == 0, enable.stdout + enable.stderr
    listing = subprocess.run([QGIS_PROCESS_BIN, "--json", "list"], env=env, capture_output=True, text=True,
                             timeout=300)
    assert listing.returncode == 0, listing.stderr
    providers = json.loads(listing.stdout[listing.stdout.find("{"):])["providers"]
    assert providers["minemonitor"]["version"] == metadata_version()
    assert sorted(providers["minemonitor"]["algorithms"]) == sorted(a.id() for a in provider.algorithms())

    square = "POLYGON((0 0,1000 0,1000 500,0 500,0 0))"
    src = make_layer(tmp_path / "fp.gpkg", [square], crs="EPSG:6933")
    out = tmp_path / "grid.gpkg"
    run = subprocess.run([QGIS_PROCESS_BIN, "--json", "run", "minemonitor:fishnetdensity", "--", f"INPUT={src}",
                          "CELL_SIZE=1000", "GRID_CRS=EPSG:6933", f"OUTPUT={out}"], env=env, capture_output=True,
                         text=True, timeout=300)
    assert run.returncode == 0, run.stdout[-2000:] + run.stderr[-2000:]
    results = json.loads(run.stdout[run.stdout.find("{"):])["results"]
    assert results["CELL_COUNT"] == 1 and results["TOTAL_MINING_KM2"] == pytest.approx(0.5, rel=1e-9)
    assert (plugins / PLUGIN / "plugin.py").exists() and out.exists()


def test_algorithm_reference_is_generated_from_the_definitions(provider):
    """docs/algorithms.md and docs/algorithms_zh_CN.md are what
    tools/gen_docs.py makes of the current definitions: a new or changed algorithm fails here
    until `make docs` is run."""
    from tools import gen_docs

    files = gen_docs.generate()
    stale = [path.name for path, text in files.items() if not path.exists() or path.read_text(encoding="utf-8") != text]
    assert stale == [], f"out of date: {stale}; run `make docs`"
    section = files[gen_docs.EN_DOC]
    zh = files[gen_docs.ZH_DOC]
    for alg in provider.algorithms():
        assert f"### {alg.id()}" in section and f"### {alg.id()}" in zh, alg.id()
        part = section[section.index(f"### {alg.id()}"):]
        part = part[: part.find("\n### ", 4) if "\n### " in part[4:] else len(part)]
        for param in alg.parameterDefinitions():
            assert f"| `{param.name()}` |" in part, (alg.id(), param.name())
    # the Chinese reference is translated: every algorithm's name in its summary row is Chinese
    from minemonitor_plugin.algorithms import ALGORITHMS

    for cls in ALGORITHMS:
        row = next(line for line in zh.splitlines() if line.startswith(f"| [`minemonitor:{cls.ALG_ID}`]"))
        assert re.search(r"[\u4e00-\u9fff]", row.split("|")[2]), row
