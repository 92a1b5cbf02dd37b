"""Fonts of the reports: a CJK-capable family for Chinese text, chosen from what is installed.

Pure (no QGIS import): the layout code passes the installed families (``QFontDatabase().families()``)
to :func:`choose_family`. README ("Fonts") lists the families looked for.
"""

from __future__ import annotations

from collections.abc import Iterable

#: Families tried in order for Chinese reports: Noto Sans CJK / Source Han Sans (Debian fonts-noto-cjk,
#: most Linux desktops), WenQuanYi (fonts-wqy-*), the Windows and macOS system fonts, Droid Sans Fallback.
CJK_FAMILIES = (
    "Noto Sans CJK SC", "Source Han Sans SC", "Source Han Sans CN", "Noto Sans SC", "WenQuanYi Micro Hei",
    "WenQuanYi Zen Hei", "Microsoft YaHei", "SimHei", "DengXian", "PingFang SC", "Hiragino Sans GB",
    "Droid Sans Fallback", "AR PL UMing CN", "AR PL UKai CN",
)
#: Families tried in order for other reports (the first CJK family found is a fallback for CJK names).
LATIN_FAMILIES = ("Noto Sans", "DejaVu Sans", "Liberation Sans", "Arial", "Helvetica", "Segoe UI")


def choose_family(language: str, installed: Iterable[str]) -> tuple[str | None, bool]:
    """``(family, cjk)`` for a report in ``language`` (``zh_CN``, ``en``...): the first preferred family
    installed (case-insensitive), and whether it covers Chinese. For Chinese without any CJK family:
    ``(a Latin family or None, False)``: the report is still written, and Chinese characters show as
    empty boxes unless Qt finds a fallback font."""
    available = {name.lower(): name for name in installed}
    cjk = next((available[f.lower()] for f in CJK_FAMILIES if f.lower() in available), None)
    latin = next((available[f.lower()] for f in LATIN_FAMILIES if f.lower() in available), None)
    if language.lower().startswith("zh"):
        return (cjk, True) if cjk else (latin, False)
    return (latin or cjk, cjk is not None and latin is None)


def css_font_stack(language: str) -> str:
    """CSS ``font-family`` list for the HTML reports in ``language``."""
    families = (CJK_FAMILIES[:6] + LATIN_FAMILIES[:2]) if language.lower().startswith("zh") else (
        LATIN_FAMILIES[:2] + CJK_FAMILIES[:6])
    return ",".join(f"'{f}'" for f in families) + ",sans-serif"
