"""Exceptions raised by the pure core; the QGIS glue translates them in one place.

A core error carries an English message *template* (a literal, so the i18n
extractor can collect it under the ``MineMonitorCore`` context) and the values
to format into it. The algorithm base class translates the template and
formats it, so users see e.g. a Chinese message with the offending value.
"""

from __future__ import annotations

from typing import Any


class MineMonitorError(Exception):
    """Base class of every error the core raises on purpose."""

    def __init__(self, template: str, **params: Any) -> None:
        self.template = template
        self.params = params
        super().__init__(self.format(template))

    def __reduce__(self):
        # pickled by template and values (not the formatted text), so an error raised on a cluster
        # worker is still translated by the client
        return _rebuild, (type(self), self.template, self.params)

    def format(self, template: str) -> str:
        """Format ``template`` (English or translated) with this error's values."""
        try:
            return template.format(**self.params)
        except (KeyError, IndexError, ValueError):
            return template


class InvalidInputError(MineMonitorError):
    """The input data or a parameter value cannot be processed as given."""


class DependencyMissingError(MineMonitorError):
    """An optional Python package the computation needs is not importable."""


class CancelledError(MineMonitorError):
    """The user cancelled; raised by core loops that poll a cancel callback."""

    def __init__(self) -> None:
        super().__init__("The computation was cancelled.")

    def __reduce__(self):
        return CancelledError, ()


def _rebuild(cls: type[MineMonitorError], template: str, params: dict) -> MineMonitorError:
    error = cls.__new__(cls)
    MineMonitorError.__init__(error, template, **params)
    return error
