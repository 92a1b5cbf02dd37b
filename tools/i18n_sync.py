#!/usr/bin/env python3
"""Keep i18n/minemonitor_<lang>.ts in step with the translatable strings of the code.

Extraction (by reading the code, nothing is imported):
- ``self.tr("literal")`` inside ``class C`` -> context ``C``;
- ``tr("literal")`` outside classes -> context ``MineMonitor``;
- in ``core/`` and ``engine/``, ``SomethingError("literal template", ...)`` -> context ``MineMonitorCore``;
- ``QT_TRANSLATE_NOOP("Context", "literal")`` (tables of names translated later) -> context ``Context``;
  tools/make_models.py is read too (the shipped models' names, help and input labels, context
  ``ShippedModel``);
- the legend labels of resources/styles/*.qml (``label="..."`` with a letter in it, except bilingual
  ``English / 中文`` labels) -> context ``MineMonitorStyles`` (``styling.localised_qml`` translates them
  at run time).

Existing translations are kept (matched by context and source, else by source alone); translations
can be added from a JSON file mapping English source -> translation. Messages no longer in the
code are dropped. ``--check`` lists untranslated strings and placeholder mismatches and exits 1.

Usage: tools/i18n_sync.py [--lang zh_CN] [--translations file.json] [--check]
"""

from __future__ import annotations

import argparse
import ast
import json
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "minemonitor_plugin"
EXTRA_SOURCES = (ROOT / "tools" / "make_models.py",)
STYLES = ROOT / "resources" / "styles"
DEFAULT_CONTEXT = "MineMonitor"
CORE_CONTEXT = "MineMonitorCore"
STYLE_CONTEXT = "MineMonitorStyles"
QML_LABEL = re.compile(r'\slabel="([^"]*)"')
CJK = re.compile(r"[\u3400-\u9fff]")
PLACEHOLDER = re.compile(r"\{[^{}]*\}")


def _literal(node) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return None


class _Extractor(ast.NodeVisitor):
    def __init__(self, path: Path, in_core: bool):
        self.path = path
        self.in_core = in_core
        self.classes: list[str] = []
        self.messages: list[tuple[str, str]] = []
        self.problems: list[str] = []

    def visit_ClassDef(self, node):
        self.classes.append(node.name)
        self.generic_visit(node)
        self.classes.pop()

    def visit_Call(self, node):
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
        is_self_tr = isinstance(func, ast.Attribute) and func.attr == "tr" and isinstance(func.value, ast.Name) \
            and func.value.id == "self"
        is_tr = isinstance(func, ast.Name) and func.id == "tr"
        if name == "QT_TRANSLATE_NOOP" and len(node.args) == 2:
            context, text = _literal(node.args[0]), _literal(node.args[1])
            if context is None or text is None:
                self.problems.append(f"{self.path}:{node.lineno}: QT_TRANSLATE_NOOP of a non-literal")
            else:
                self.messages.append((context, text))
        elif (is_self_tr or is_tr) and node.args:
            text = _literal(node.args[0])
            if text is None:
                self.problems.append(f"{self.path}:{node.lineno}: tr() of a non-literal")
            else:
                context = self.classes[-1] if (is_self_tr and self.classes) else DEFAULT_CONTEXT
                self.messages.append((context, text))
        elif self.in_core and node.args and (
                name.endswith("Error") or (name == "__init__" and self.classes and self.classes[-1].endswith("Error"))):
            text = _literal(node.args[0])
            if text is not None:
                self.messages.append((CORE_CONTEXT, text))
        self.generic_visit(node)


def qml_labels(folder: Path = STYLES) -> list[str]:
    """Translatable legend labels of the shipped QML styles (in file order)."""
    from html import unescape

    labels: dict[str, None] = {}
    for path in sorted(folder.glob("*.qml")):
        for raw in QML_LABEL.findall(path.read_text(encoding="utf-8")):
            label = unescape(raw)
            _head, sep, tail = label.partition(" / ")
            if sep and CJK.search(tail):
                continue  # bilingual: styling.translate_label picks the language part
            if re.search(r"[A-Za-z]", label):
                labels.setdefault(label, None)
    return list(labels)


def extract(package: Path = PACKAGE) -> tuple[list[tuple[str, str]], list[str]]:
    """All (context, source) pairs of the package (plus tools/make_models.py and the QML legend
    labels), in first-appearance order, and problems found."""
    seen: dict[tuple[str, str], None] = {}
    problems: list[str] = []
    paths = [(path, path.relative_to(package)) for path in sorted(package.rglob("*.py"))]
    paths += [(path, path.relative_to(ROOT)) for path in EXTRA_SOURCES if path.exists()]
    for path, rel in paths:
        extractor = _Extractor(rel, in_core=rel.parts[0] in ("core", "engine"))  # engine raises core errors
        extractor.visit(ast.parse(path.read_text(encoding="utf-8"), filename=str(path)))
        for message in extractor.messages:
            seen.setdefault(message, None)
        problems += extractor.problems
    if package == PACKAGE:
        for label in qml_labels():
            seen.setdefault((STYLE_CONTEXT, label), None)
    return list(seen), problems


def read_ts(path: Path) -> dict[tuple[str, str], str]:
    """(context, source) -> translation ('' when unfinished)."""
    if not path.exists():
        return {}
    out = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            text = "" if translation is None or translation.get("type") == "unfinished" else (translation.text or "")
            out[(name, source)] = text
    return out


def write_ts(path: Path, lang: str, messages: list[tuple[str, str]], translations: dict) -> None:
    by_context: dict[str, list[str]] = {}
    for context, source in messages:
        by_context.setdefault(context, []).append(source)
    lines = ['<?xml version="1.0" encoding="utf-8"?>', "<!DOCTYPE TS>", f'<TS version="2.1" language="{lang}">']
    for context in sorted(by_context):
        lines += ["<context>", f"    <name>{escape(context)}</name>"]
        for source in by_context[context]:
            text = translations.get((context, source), "")
            lines += ["    <message>", f"        <source>{escape(source)}</source>"]
            if text:
                lines.append(f"        <translation>{escape(text)}</translation>")
            else:
                lines.append('        <translation type="unfinished"></translation>')
            lines.append("    </message>")
        lines.append("</context>")
    lines.append("</TS>")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def placeholders(text: str) -> list[str]:
    return sorted(PLACEHOLDER.findall(text))


def sync(lang: str, extra: dict[str, str] | None = None, check: bool = False) -> list[str]:
    """Update the .ts file for ``lang``; returns the list of problems (untranslated strings...)."""
    path = ROOT / "i18n" / f"minemonitor_{lang}.ts"
    messages, problems = extract()
    existing = read_ts(path)
    by_source = {source: text for (_, source), text in existing.items() if text}
    extra = extra or {}
    translations = {}
    for key in messages:
        text = existing.get(key) or extra.get(key[1]) or by_source.get(key[1], "")
        if key[1] in extra and extra[key[1]]:
            text = extra[key[1]]
        translations[key] = text
    for (context, source) in messages:
        text = translations[(context, source)]
        if not text:
            problems.append(f"untranslated [{context}] {source[:70]!r}")
        elif placeholders(text) != placeholders(source):
            problems.append(f"placeholders differ [{context}] {source[:70]!r}")
    if not check:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_ts(path, lang, messages, translations)
    return problems


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", default="zh_CN")
    parser.add_argument("--translations", help="JSON file: English source -> translation")
    parser.add_argument("--check", action="store_true", help="only report; exit 1 when anything is missing")
    args = parser.parse_args(argv)
    extra = json.loads(Path(args.translations).read_text(encoding="utf-8")) if args.translations else None
    problems = sync(args.lang, extra, check=args.check)
    for problem in problems:
        print(problem)
    messages, _ = extract()
    print(f"{len(messages)} messages, {len(problems)} problems")
    return 1 if (problems and args.check) else 0


if __name__ == "__main__":
    sys.exit(main())
