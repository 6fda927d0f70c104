"""`wirecoder serve`: read and map a store's events in a browser, offline.

A plain WSGI app (`make_app`) over a read-only store: a page with filters, an event table,
an SVG map and the article text with its evidence highlighted, and a small JSON API. Nothing
is loaded from the internet.
"""

from .app import EventsApp, make_app, make_http_server, static_dir

__all__ = ["EventsApp", "make_app", "make_http_server", "static_dir"]
