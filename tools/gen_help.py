#!/usr/bin/env python3
"""The plugin's local help: HTML pages made from the algorithm reference (docs/algorithms.md and
docs/algorithms_zh_CN.md, which tools/gen_docs.py renders from the algorithm definitions; a test keeps
them in step), one page per algorithm and an index, in English and Chinese.

``make build`` writes them into the assembled plugin (``<plugin>/help/en`` and ``<plugin>/help/zh_CN``);
the Help button of every algorithm opens its page (minemonitor_plugin/help.py). Standard library only:
the build runs it with the system Python.

Usage: python3 -m tools.gen_help OUT_DIR      (OUT_DIR: the plugin folder's ``help``)
"""

from __future__ import annotations

import argparse
import html
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = {"en": ROOT / "docs" / "algorithms.md", "zh_CN": ROOT / "docs" / "algorithms_zh_CN.md"}
LABELS = {
    "en": {"index": "MineMonitor algorithm reference", "back": "All algorithms", "other": "中文",
           "lang": "en"},
    "zh_CN": {"index": "MineMonitor 算法参考", "back": "全部算法", "other": "English", "lang": "zh-CN"},
}
CSS = (
    "body{font-family:'Noto Sans','Noto Sans CJK SC','Microsoft YaHei',Arial,sans-serif;margin:24px auto;"
    "max-width:1100px;padding:0 16px;color:#222;line-height:1.45}"
    "h1,h2,h3{color:#6b4f2a}table{border-collapse:collapse;margin:10px 0;font-size:14px}"
    "th,td{border:1px solid #bbb;padding:4px 8px;text-align:left;vertical-align:top}th{background:#efe9df}"
    "code{background:#f3f0ea;padding:0 3px}nav{margin-bottom:16px;font-size:14px}nav a{margin-right:16px}"
)
_ANCHOR = re.compile(r'^<a id="([a-z0-9]+)"></a>\s*$')


def inline(text: str, lang: str) -> str:
    """Markdown inline markup of the reference (code, bold, links, <br>) as HTML."""
    out = html.escape(text, quote=False)
    out = out.replace("&lt;br&gt;", "<br>")
    out = re.sub(r"`([^`]+)`", r"<code>\1</code>", out)
    out = re.sub(r"\*\*([^*]+)\*\*", r"<strong>\1</strong>", out)

    def link(match):
        label, href = match.group(1), match.group(2)
        if href.startswith("#"):
            href = f"{href[1:]}.html"
        elif href.endswith("algorithms.md"):
            href = "../en/index.html"
        elif href.endswith("algorithms_zh_CN.md"):
            href = "../zh_CN/index.html"
        return f'<a href="{html.escape(href)}">{label}</a>'

    return re.sub(r"\[([^\]]+)\]\(([^)]+)\)", link, out)


def cells(line: str) -> list[str]:
    """The cells of a Markdown table row (``\\|`` is a literal bar)."""
    body = line.strip()[1:-1] if line.strip().endswith("|") else line.strip()[1:]
    parts = re.split(r"(?<!\\)\|", body)
    return [p.strip().replace("\\|", "|") for p in parts]


def to_html(lines: list[str], lang: str) -> str:
    """Markdown of the reference (headings, tables, paragraphs) as HTML."""
    out: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if not line.strip() or line.startswith("<!--") or _ANCHOR.match(line):
            i += 1
            continue
        heading = re.match(r"^(#{1,6})\s+(.*)$", line)
        if heading:
            level = len(heading.group(1))
            out.append(f"<h{level}>{inline(heading.group(2), lang)}</h{level}>")
            i += 1
            continue
        if line.startswith("|"):
            rows = []
            while i < len(lines) and lines[i].startswith("|"):
                rows.append(lines[i])
                i += 1
            header = cells(rows[0])
            body = [cells(r) for r in rows[2:]]
            out.append("<table><tr>" + "".join(f"<th>{inline(c, lang)}</th>" for c in header) + "</tr>"
                       + "".join("<tr>" + "".join(f"<td>{inline(c, lang)}</td>" for c in row) + "</tr>"
                                 for row in body) + "</table>")
            continue
        paragraph = []
        while i < len(lines) and lines[i].strip() and not lines[i].startswith(("|", "#", "<a id=")):
            paragraph.append(lines[i])
            i += 1
        out.append("<p>" + "<br>".join(inline(p, lang) for p in paragraph) + "</p>")
    return "\n".join(out)


def page(title: str, body: str, lang: str, name: str) -> str:
    labels = LABELS[lang]
    other = "zh_CN" if lang == "en" else "en"
    nav = (f'<nav><a href="index.html">{html.escape(labels["back"])}</a>'
           f'<a href="../{other}/{name}">{html.escape(labels["other"])}</a></nav>')
    return (f'<!DOCTYPE html><html lang="{labels["lang"]}"><head><meta charset="utf-8">'
            f"<title>{html.escape(title)}</title><style>{CSS}</style></head><body>{nav}{body}</body></html>\n")


def split_sections(text: str) -> tuple[list[str], dict[str, list[str]]]:
    """The introduction (title, summary table) and each algorithm's section, keyed by its anchor."""
    intro: list[str] = []
    sections: dict[str, list[str]] = {}
    current = None
    for line in text.splitlines():
        match = _ANCHOR.match(line)
        if match:
            current = match.group(1)
            sections[current] = []
            continue
        (sections[current] if current else intro).append(line)
    return intro, sections


def generate(out_dir: Path) -> list[Path]:
    """Write ``out_dir/<lang>/index.html`` and ``out_dir/<lang>/<algorithm>.html``; returns the files."""
    written = []
    for lang, source in SOURCES.items():
        if not source.exists():
            raise FileNotFoundError(f"{source} is missing: run make docs")
        intro, sections = split_sections(source.read_text(encoding="utf-8"))
        folder = out_dir / lang
        folder.mkdir(parents=True, exist_ok=True)
        index = folder / "index.html"
        index.write_text(page(LABELS[lang]["index"], to_html(intro, lang), lang, "index.html"), encoding="utf-8")
        written.append(index)
        for anchor, lines in sections.items():
            title = next((re.sub(r"^#+\s*", "", line) for line in lines if line.startswith("#")), anchor)
            path = folder / f"{anchor}.html"
            path.write_text(page(f"MineMonitor: {title}", to_html(lines, lang), lang, path.name), encoding="utf-8")
            written.append(path)
    return written


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir", type=Path)
    args = parser.parse_args(argv)
    files = generate(args.out_dir)
    print(f"{len(files)} help pages in {args.out_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
