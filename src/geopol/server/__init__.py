"""``geopol serve``: a JSON API over a store and a dashboard page, both served by FastAPI.

>>> from geopol.server import create_app                          # doctest: +SKIP
>>> app = create_app("events.db", token="s3cret")

See ``docs/server.md`` for the routes, the token and the error shape.
"""

from __future__ import annotations

from geopol.server.app import CONTENT_SECURITY_POLICY, create_app

__all__ = ["CONTENT_SECURITY_POLICY", "create_app"]
