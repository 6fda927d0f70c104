"""The WSGI application: routes, static files, JSON responses, and the server that runs it.

Standard library only, so reading a store needs nothing beyond wirecoder itself. All state
lives on the `EventsApp` instance: one read-only store connection confined to the store (no
file or network access), a pool of cursors on it so concurrent requests query side by side,
and the page's files. The HTTP server keeps connections alive (HTTP/1.1), a thread each.
"""

from __future__ import annotations

import json
import queue
import socket
import traceback
from collections.abc import Callable, Collection, Iterable, Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from socketserver import ThreadingMixIn
from typing import Any
from urllib.parse import parse_qs
from wsgiref.simple_server import ServerHandler, WSGIRequestHandler, WSGIServer, make_server

from ..errors import Codes, ResourceError, StoreError, WirecoderError
from ..store import Store
from . import api
from .cache import DEFAULT_BYTES, AnswerCache, request_key

StartResponse = Callable[..., Any]

#: Queries run at once (cursors on the store); more requests wait for a free one. DuckDB runs
#: each query on several threads already, so a few are enough to keep the cores busy.
CURSORS = 4

#: The page's files, by the name the browser asks for, with their content types.
STATIC_FILES: dict[str, str] = {
    "index.html": "text/html; charset=utf-8",
    "app.js": "text/javascript; charset=utf-8",
    "map.js": "text/javascript; charset=utf-8",
    "chart.js": "text/javascript; charset=utf-8",
    "cluster.js": "text/javascript; charset=utf-8",
    "style.css": "text/css; charset=utf-8",
    # country outlines, built by scripts/build_basemap.py from Natural Earth (public domain)
    "basemap.json": "application/json; charset=utf-8",
}

# The page may load nothing from anywhere but this server: the browser enforces it too.
_SECURITY_HEADERS = [
    (
        "Content-Security-Policy",
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
    ),
    ("X-Content-Type-Options", "nosniff"),
    ("Referrer-Policy", "no-referrer"),
]

_REASONS = {
    200: "200 OK",
    400: "400 Bad Request",
    403: "403 Forbidden",
    404: "404 Not Found",
    405: "405 Method Not Allowed",
    500: "500 Internal Server Error",
}


#: JSON endpoints by path: the name of their handler in `api` (looked up per request); a
#: handler returns the object to send, or its JSON text already encoded (bytes).
_HANDLERS = {
    "/api/events": "events_body",
    "/api/stats": "stats",
    "/api/places": "places_body",
    "/api/facets": "facets",
    "/api/openapi.json": "openapi",
}


class _Streamed:
    """A WSGI body of chunks that runs `done` once, when the server closes it."""

    def __init__(self, first: bytes, rest: Iterable[bytes], done: Callable[[], None]) -> None:
        self._first, self._rest, self._done = first, rest, done
        self._closed = False

    def __iter__(self) -> Iterator[bytes]:
        if self._first:
            yield self._first
        yield from self._rest

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        try:
            close = getattr(self._rest, "close", None)
            if close is not None:
                close()
        finally:
            self._done()


def static_dir() -> Any:
    """The installed `static/` folder (a Traversable: works from a wheel or a checkout)."""
    return resources.files("wirecoder.serve").joinpath("static")


def load_static() -> dict[str, bytes]:
    """The page's files, read once; a missing one means a broken installation (E202)."""
    out = {}
    for name in STATIC_FILES:
        try:
            out[name] = static_dir().joinpath(name).read_bytes()
        except OSError as exc:
            raise ResourceError(
                Codes.E202, path=f"wirecoder/serve/static/{name}", detail=str(exc)
            ) from exc
    return out


class EventsApp:
    """A WSGI callable serving the event page and `/api/*` over one read-only store.

    `allowed_hosts`: host names the Host header may carry (None: any). A server on this
    machine only should allow its own names, so a web page elsewhere cannot reach it by
    pointing a domain at 127.0.0.1 (DNS rebinding). `cache_bytes`: answers kept by request
    while the app runs (the store cannot change meanwhile; 0: none, see `cache`).
    """

    def __init__(
        self,
        db_path: str | Path,
        *,
        allowed_hosts: Collection[str] | None = None,
        cursors: int = CURSORS,
        cache_bytes: int = DEFAULT_BYTES,
    ) -> None:
        self.static = load_static()
        self.allowed_hosts = (
            None if allowed_hosts is None else frozenset(h.lower() for h in allowed_hosts)
        )
        self.store = Store(db_path, read_only=True)
        self.db_path = self.store.path
        self.store.confine()  # the API's SQL is fixed; this holds even if that ever slipped
        # one DuckDB connection is not for concurrent use: each request borrows a cursor
        self._cursors: queue.SimpleQueue[Store] = queue.SimpleQueue()
        self._all = [self.store.cursor() for _ in range(max(1, cursors))]
        for cur in self._all:
            self._cursors.put(cur)
        self.cache = AnswerCache(cache_bytes) if cache_bytes > 0 else None

    def close(self) -> None:
        for cur in self._all:
            cur.close()
        self.store.close()

    def __enter__(self) -> EventsApp:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- WSGI -------------------------------------------------------------------------------
    def __call__(self, environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        method = environ.get("REQUEST_METHOD", "GET")
        path = environ.get("PATH_INFO", "") or "/"
        query = parse_qs(environ.get("QUERY_STRING", ""), keep_blank_values=True)
        stream: Iterable[bytes] | None = None
        if not self._host_ok(environ):
            status, headers, body = self._json(403, {"error": "unexpected Host header"})
        elif method not in ("GET", "HEAD"):
            status, headers, body = self._json(
                405, {"error": "method not allowed", "allowed": ["GET", "HEAD"]}
            )
            headers.append(("Allow", "GET, HEAD"))
        else:
            try:
                if path == "/api/export":
                    status, headers, stream = self._export(query, method == "HEAD")
                    body = b""
                else:
                    status, headers, body = self._route(path, query)
            except api.BadParameter as bad:
                status, headers, body = self._json(400, bad.to_dict())
            except WirecoderError as err:
                status, headers, body = self._json(500, {"error": err.code, "message": err.detail})
            except Exception:  # noqa: BLE001 - one bad request must not stop the server
                environ["wsgi.errors"].write(traceback.format_exc())
                status, headers, body = self._json(500, {"error": "internal error"})
        headers += _SECURITY_HEADERS
        if stream is not None:  # no length known: the server ends the body by closing
            start_response(_REASONS[status], headers)
            return stream
        headers.append(("Content-Length", str(len(body))))
        start_response(_REASONS[status], headers)
        return [b"" if method == "HEAD" else body]

    def _export(self, query: dict[str, list[str]], head: bool) -> tuple[int, list, Iterable[bytes]]:
        """The export's headers, and its body streamed on a borrowed cursor, given back when
        the body is done or the client goes away. A bad parameter is a 400 before any byte."""
        cur = self._cursors.get()
        try:
            ctype, filename, chunks = api.export(cur, query)
            first = b"" if head else next(chunks, b"")  # a query error is still a clean 500
        except BaseException:
            self._cursors.put(cur)
            raise
        headers = [
            ("Content-Type", ctype),
            ("Content-Disposition", f'attachment; filename="{filename}"'),
            ("Cache-Control", "no-store"),
        ]
        return (
            200,
            headers,
            _Streamed(first, [] if head else chunks, lambda: self._cursors.put(cur)),
        )

    def _host_ok(self, environ: dict[str, Any]) -> bool:
        if self.allowed_hosts is None:
            return True
        host = str(environ.get("HTTP_HOST") or environ.get("SERVER_NAME") or "").lower()
        name = host[1 : host.find("]")] if host.startswith("[") else host.split(":")[0]
        return name in self.allowed_hosts

    def _route(self, path: str, query: dict[str, list[str]]) -> tuple[int, list, bytes]:
        if path in ("/", "/index.html"):
            return self._file("index.html")
        if path.startswith("/static/") and path[len("/static/") :] in STATIC_FILES:
            return self._file(path[len("/static/") :])
        if self.cache is None:
            return self._answer(path, query)
        key = request_key(path, query)
        found = self.cache.get(key)
        if found is None:
            found = self._answer(path, query)
            if found[0] == 200:  # a refused or unknown request costs little to answer again
                self.cache.put(key, found)
        return found

    def _answer(self, path: str, query: dict[str, list[str]]) -> tuple[int, list, bytes]:
        """A JSON endpoint's answer from the store."""
        if path in _HANDLERS:
            handler: Callable[..., Any] = getattr(api, _HANDLERS[path])
            with self._cursor() as store:
                return self._json(200, handler(store, query))
        if path.startswith("/api/articles/") and path.count("/") == 3:
            article_id = path[len("/api/articles/") :]
            with self._cursor() as store:
                found = api.article_body(store, article_id, query)
            if found is None:
                return self._json(404, {"error": "not found", "article": article_id})
            return self._json(200, found)
        if path.startswith("/api/clusters/") and path.count("/") == 3:
            cluster_id = path[len("/api/clusters/") :]
            with self._cursor() as store:
                rec = api.cluster(store, cluster_id, query)
            if rec is None:
                err = StoreError(Codes.E406, cluster_id=cluster_id)
                return self._json(
                    404, {"error": "not found", "code": err.code, "message": err.detail}
                )
            return self._json(200, rec)
        return self._json(404, {"error": "not found", "path": path})

    @contextmanager
    def _cursor(self) -> Iterator[Store]:
        cur = self._cursors.get()  # waits while every cursor is busy
        try:
            yield cur
        finally:
            self._cursors.put(cur)

    def _file(self, name: str) -> tuple[int, list, bytes]:
        headers = [("Content-Type", STATIC_FILES[name]), ("Cache-Control", "no-cache")]
        return 200, headers, self.static[name]

    @staticmethod
    def _json(status: int, obj: Any) -> tuple[int, list, bytes]:
        if isinstance(obj, bytes):
            body = obj
        else:
            body = json.dumps(obj, ensure_ascii=False, default=str).encode("utf-8")
        return (
            status,
            [("Content-Type", "application/json; charset=utf-8"), ("Cache-Control", "no-store")],
            body,
        )


def make_app(
    db_path: str | Path,
    *,
    allowed_hosts: Collection[str] | None = None,
    cursors: int = CURSORS,
    cache_bytes: int = DEFAULT_BYTES,
) -> EventsApp:
    """The WSGI app over `db_path`, opened read-only (E401 if it cannot be opened);
    `cache_bytes=0` answers every request from the store."""
    return EventsApp(db_path, allowed_hosts=allowed_hosts, cursors=cursors, cache_bytes=cache_bytes)


def loopback_names(host: str) -> frozenset[str] | None:
    """The Host names to allow for a server bound to `host`: its own if it is loopback."""
    import ipaddress

    if host.lower() == "localhost":
        return LOOPBACK_NAMES
    try:
        loop = ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return None
    return LOOPBACK_NAMES | {host.strip("[]").lower()} if loop else None


LOOPBACK_NAMES = frozenset({"localhost", "127.0.0.1", "::1"})


class _ThreadingServer(ThreadingMixIn, WSGIServer):
    """One thread per request, so one slow browser tab does not hold up the others."""

    daemon_threads = True


class _ThreadingServer6(_ThreadingServer):
    address_family = socket.AF_INET6


class _ServerHandler(ServerHandler):
    """wsgiref's handler, noting whether the response said its length (else, under HTTP/1.1,
    only closing the connection tells the client where the body ends)."""

    length_known = True

    def cleanup_headers(self) -> None:
        super().cleanup_headers()
        headers = getattr(self, "headers", None)
        if headers is not None and "Content-Length" not in headers:
            self.length_known = False
            headers["Connection"] = "close"


class _KeepAliveHandler(WSGIRequestHandler):
    """wsgiref's handler, but HTTP/1.1: a client's connection serves request after request
    (every response has a Content-Length) until it closes it or sits idle `timeout` seconds."""

    protocol_version = "HTTP/1.1"
    timeout = 30

    def handle(self) -> None:
        self.close_connection = True
        try:
            self._one_request()
            while not self.close_connection:
                self._one_request()
        except (TimeoutError, ConnectionError):
            self.close_connection = True

    def _one_request(self) -> None:
        # wsgiref.simple_server.WSGIRequestHandler.handle, with the reply in HTTP/1.1
        self.raw_requestline = self.rfile.readline(65537)
        if len(self.raw_requestline) > 65536:
            self.requestline = self.request_version = self.command = ""
            self.send_error(414)
            return
        if not self.raw_requestline:
            self.close_connection = True
            return
        if not self.parse_request():
            return
        handler = _ServerHandler(
            self.rfile,
            self.wfile,  # type: ignore[arg-type]
            self.get_stderr(),
            self.get_environ(),
            multithread=True,
        )
        handler.request_handler = self  # type: ignore[attr-defined]
        handler.http_version = "1.1"
        handler.run(self.server.get_app())  # type: ignore[attr-defined]
        if not handler.length_known:
            self.close_connection = True  # a streamed body ends when the connection does


class _QuietHandler(_KeepAliveHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


def make_http_server(
    app: EventsApp, host: str = "127.0.0.1", port: int = 8765, *, log: bool = True
) -> WSGIServer:
    """An HTTP server for `app` bound to host:port (port 0 picks a free one); not started."""
    handler = _KeepAliveHandler if log else _QuietHandler
    server = _ThreadingServer6 if ":" in host else _ThreadingServer
    return make_server(host.strip("[]"), port, app, server_class=server, handler_class=handler)


__all__ = [
    "LOOPBACK_NAMES",
    "STATIC_FILES",
    "EventsApp",
    "load_static",
    "loopback_names",
    "make_app",
    "make_http_server",
    "static_dir",
]
