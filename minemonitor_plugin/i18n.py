"""Translation helpers: translator installation, tr() for non-algorithm code, core-error messages.

Contexts (what tools/i18n_sync.py extracts):
- ``self.tr("...")`` inside a class -> context = that class's name. At run time the lookup walks
  the MRO, so strings defined in a base class or mixin translate in every subclass.
- ``tr("...")`` at module level -> context ``MineMonitor``.
- literal templates of ``core`` errors -> context ``MineMonitorCore``.
"""

from __future__ import annotations

import os

from qgis.core import QgsApplication, QgsSettings
from qgis.PyQt.QtCore import QCoreApplication, QLocale, QTranslator

DEFAULT_CONTEXT = "MineMonitor"
CORE_CONTEXT = "MineMonitorCore"
_translator: QTranslator | None = None
_translator_locale: str | None = None


def tr(text: str) -> str:
    """Translate ``text`` in the default context."""
    return QCoreApplication.translate(DEFAULT_CONTEXT, text)


def tr_for(obj: object, text: str) -> str:
    """Translate ``text`` with the class context of ``obj``, falling back along its MRO."""
    for cls in type(obj).__mro__:
        if cls is object:
            break
        translated = QCoreApplication.translate(cls.__name__, text)
        if translated != text:
            return translated
    return QCoreApplication.translate(DEFAULT_CONTEXT, text)


def core_error_message(error) -> str:
    """Translate a core error's template, then format it with the error's values."""
    return error.format(QCoreApplication.translate(CORE_CONTEXT, error.template))


def user_locale() -> str:
    """The locale QGIS uses for its interface as QGIS spells it (``zh-Hans``, ``zh_CN``, ``en_US``...);
    :func:`normalise_locale` turns it into ``language_TERRITORY``."""
    settings = QgsSettings()
    override = settings.value("locale/overrideFlag", False, type=bool)
    locale = settings.value("locale/userLocale", "", type=str) if override else ""
    if not locale:
        locale = QgsApplication.locale() or QLocale.system().name()
    return locale or "en_US"


def normalise_locale(locale: str) -> str:
    """QGIS and Qt spellings of a locale as ``language_TERRITORY``: ``zh-Hans`` (what QGIS offers a
    Chinese user), ``zh_CN``, ``zh``, ``zh-Hans-CN`` -> ``zh_CN``; ``en-US`` -> ``en_US``; ``""`` -> ``en_US``."""
    text = (locale or "").strip().replace("-", "_")
    if not text:
        return "en_US"
    parts = text.split("_")
    language = parts[0].lower()
    if language == "zh":
        # Simplified Chinese is the translation shipped; Hans/CN/SG and a bare "zh" all mean it
        rest = [p.upper() for p in parts[1:]]
        return "zh_TW" if ("HANT" in rest or "TW" in rest or "HK" in rest) else "zh_CN"
    territory = next((p.upper() for p in parts[1:] if len(p) == 2), "")
    return f"{language}_{territory}" if territory else language


def translation_language() -> str:
    """Language of the translation in use: ``zh_CN`` while the Chinese translator is installed,
    else ``en`` (the source language). Reports and stored legends follow it, so a run writes them
    in the language of its messages."""
    return "zh_CN" if _translator is not None and (_translator_locale or "").startswith("zh") else "en"


def html_language() -> str:
    """``lang`` attribute of the HTML reports: ``zh-CN`` or ``en``."""
    return "zh-CN" if translation_language() == "zh_CN" else "en"


def install_translator(locale: str | None = None) -> str | None:
    """Load ``i18n/minemonitor_<locale>.qm`` (or its language part) into the application.

    Returns the path of the loaded file, or None when no translation exists for the locale.
    """
    global _translator, _translator_locale
    locale = normalise_locale(locale or user_locale())
    i18n_dir = os.path.join(os.path.dirname(__file__), "i18n")
    candidates = [locale, locale.split("_")[0]]
    if locale.startswith("zh"):
        candidates.append("zh_CN")
    for name in candidates:
        path = os.path.join(i18n_dir, f"minemonitor_{name}.qm")
        if os.path.exists(path):
            remove_translator()
            translator = QTranslator()
            if translator.load(path):
                QCoreApplication.installTranslator(translator)
                _translator = translator
                _translator_locale = name
                return path
    return None


def remove_translator() -> None:
    """Remove the translator installed by :func:`install_translator`."""
    global _translator, _translator_locale
    if _translator is not None:
        QCoreApplication.removeTranslator(_translator)
        _translator = None
        _translator_locale = None
