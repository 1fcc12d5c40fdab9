"""``geopol serve``: the API and the dashboard over a database, with uvicorn."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from typing import Any

TOKEN_ENV = "GEOPOL_TOKEN"
"""The environment variable read for the write token when ``--token`` is not given."""
LOOPBACK = frozenset({"127.0.0.1", "localhost", "::1"})


def add_commands(commands: Any, pipeline_options: Callable[[argparse.ArgumentParser], None]) -> None:
    serve = commands.add_parser(
        "serve", help="serve the JSON API and the dashboard over a database",
        description="Serve a database over HTTP: the dashboard at /, the JSON API under /api, its "
                    "description at /openapi.json and /docs. Read-only unless a token is given; with one, "
                    "POST /api/documents codes and stores documents sent with 'Authorization: Bearer TOKEN'.")
    serve.add_argument("--db", required=True, metavar="FILE|URL",
                       help="the database: a SQLite file (created if missing) or a postgresql:// URL")
    serve.add_argument("--host", default="127.0.0.1", help="the address to listen on (default: 127.0.0.1)")
    serve.add_argument("--port", type=int, default=8000, help="the port to listen on (default: 8000)")
    serve.add_argument("--token", default=None,
                       help=f"accept posted documents with this bearer token (default: ${TOKEN_ENV}; "
                            "without either the server is read-only)")
    serve.add_argument("--log-level", default="info", choices=("critical", "error", "warning", "info", "debug"),
                       help="uvicorn's log level (default: info)")
    pipeline_options(serve)
    serve.set_defaults(run=run_serve)


def run_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from geopol.cli import EXIT_OK, CliError, build_pipeline
    from geopol.server import create_app
    from geopol.store import StoreError

    token = args.token if args.token is not None else os.environ.get(TOKEN_ENV)
    if not (0 <= args.port <= 65535):
        raise CliError(f"--port must be between 0 and 65535, got {args.port}")
    try:
        app = create_app(args.db, token=token or None, pipeline=lambda: build_pipeline(args))
    except StoreError as error:
        raise CliError(str(error)) from None
    mode = "documents can be posted with the token" if token else "read-only"
    print(f"geopol: serving {args.db} at http://{_url_host(args.host)}:{args.port}/ ({mode})", file=sys.stderr)
    if token and args.host not in LOOPBACK:
        print("geopol: warning: the token travels in clear text over plain HTTP; put TLS in front of this "
              "server", file=sys.stderr)
    uvicorn.run(app, host=args.host, port=args.port, log_level=args.log_level)
    return EXIT_OK


def _url_host(host: str) -> str:
    return f"[{host}]" if ":" in host else host
