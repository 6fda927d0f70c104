"""`wirecoder serve`: read and map a store's events in a browser, offline.

A plain WSGI app (`make_app`) over a read-only store: a page with filters, an event table,
an SVG map and the article text with its evidence highlighted, and a small JSON API. Nothing
is loaded from the internet. The names below load on first use (other commands list `serve`
without importing the app).
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .app import EventsApp, make_app, make_http_server, static_dir

_NAMES = ("EventsApp", "make_app", "make_http_server", "static_dir")


def __getattr__(name: str) -> Any:
    if name not in _NAMES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(".app", __name__), name)
    globals()[name] = value
    return value


__all__ = ["EventsApp", "make_app", "make_http_server", "static_dir"]
