"""`wirecoder serve`: a thin command over `wirecoder.serve`."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from ..cli import _fail
from ..errors import Codes, ConfigError, WirecoderError
from ..store.cli import DbOpt


def serve(
    db: DbOpt,
    host: Annotated[
        str,
        typer.Option("--host", help="Address to listen on; the default is this machine only."),
    ] = "127.0.0.1",
    port: Annotated[
        int, typer.Option("--port", help="Port to listen on (0: any free one).")
    ] = 8765,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Do not log requests.")] = False,
    no_cache: Annotated[
        bool,
        typer.Option(
            "--no-cache",
            help="Answer every request from the store (by default an answer is kept and "
            "sent again to the next identical request: the store cannot change while served).",
        ),
    ] = False,
) -> None:
    """Read and map the store's events in a browser (read-only; nothing from the internet).

    The page filters events, charts them over time, maps the located ones, and shows each
    event's article with its evidence highlighted. A JSON API is under /api (events, places,
    facets, export, stats, articles; /api/openapi.json describes it).
    """
    from .app import loopback_names, make_app, make_http_server
    from .cache import DEFAULT_BYTES

    local = loopback_names(host)
    try:
        app = make_app(db, allowed_hosts=local, cache_bytes=0 if no_cache else DEFAULT_BYTES)
    except WirecoderError as err:
        raise _fail(err) from err
    try:
        try:
            server = make_http_server(app, host, port, log=not quiet)
        except OSError as exc:
            raise _fail(
                ConfigError(Codes.E303, option=f"--host/--port {host}:{port}", detail=str(exc))
            ) from exc
        name = f"[{host}]" if ":" in host else host
        sys.stderr.write(f"serving {db} at http://{name}:{server.server_port}/ (Ctrl+C to stop)\n")
        if local is None:
            sys.stderr.write(
                f"warning: listening on {host}: anyone who can reach it can read this store\n"
            )
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            pass
        finally:
            server.server_close()
    finally:
        app.close()


def register(app: typer.Typer) -> None:
    """Add `serve` to the `wirecoder` app."""
    app.command()(serve)


__all__ = ["register"]
