"""The query parameters shared by the event routes, turned into an :class:`EventQuery`.

They are the filters of ``geopol events``: ``actor``, ``dyad`` (``RUS,CHN``), ``code``, ``root``,
``quad_class``, ``plover``, ``since``, ``until``, ``outlet`` and ``text``. Actor codes are
upper-cased; an invalid value (a date that is not ISO, a dyad that is not two codes) is a 422
validation error in the API's error shape.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Literal

from fastapi import Query

from geopol.server.errors import ApiError, ErrorDetail
from geopol.store import EventQuery, StoreError
from geopol.store.base import check_date

DEFAULT_PAGE = 50
MAX_PAGE = 500
"""Largest page of events or documents one request returns."""

Sort = Literal["date", "-date"]


def split_codes(name: str, value: str | None, *, count: int | None = None) -> tuple[str, ...]:
    """``"rus, chn"`` -> ``("RUS", "CHN")``; a 422 error when a part is empty or the count is wrong."""
    if value is None:
        return ()
    parts = tuple(part.strip().upper() for part in value.split(","))
    if not all(parts) or (count is not None and len(parts) != count):
        shape = "two actor codes separated by a comma, like RUS,CHN" if count == 2 else "comma-separated actor codes"
        raise invalid(name, f"{name} takes {shape}, got {value!r}")
    return parts


def check_dates(since: str | None, until: str | None) -> None:
    """A 422 error unless both bounds are None or ISO dates (year, month or day)."""
    for name, value in (("since", since), ("until", until)):
        try:
            check_date(name, value)
        except StoreError as error:
            raise invalid(name, str(error)) from None


def invalid(name: str, message: str) -> ApiError:
    return ApiError(422, message, details=[ErrorDetail(loc=["query", name], message=message)])


@dataclass(frozen=True)
class EventFilters:
    """The event filters of a request (a FastAPI dependency: ``Annotated[EventFilters, Depends()]``)."""

    actor: Annotated[str | None, Query(description="source or target code starts with this: RUS (or RUSGOV)")] = None
    dyad: Annotated[str | None, Query(description="two actors, either direction: RUS,CHN")] = None
    code: Annotated[str | None, Query(description="CAMEO code prefix: 04, 042, 0311")] = None
    root: Annotated[str | None, Query(description="CAMEO root code, two digits: 04")] = None
    quad_class: Annotated[int | None, Query(ge=1, le=4, description="1 verbal cooperation, 2 material "
                                            "cooperation, 3 verbal conflict, 4 material conflict")] = None
    plover: Annotated[str | None, Query(description="PLOVER event type: AGREE, CONSULT, ...")] = None
    since: Annotated[str | None, Query(description="from this date: YYYY, YYYY-MM or YYYY-MM-DD")] = None
    until: Annotated[str | None, Query(description="up to this date, inclusive (2024-03 is all of March)")] = None
    outlet: Annotated[str | None, Query(description="reported by this outlet")] = None
    text: Annotated[str | None, Query(description="an evidence sentence contains these words")] = None

    def query(self, *, limit: int | None = None, offset: int = 0, sort: Sort = "date",
              text: str | None = None, actor: str | None = None) -> EventQuery:
        """The store query; ``text``/``actor`` override the request's own (search, ego networks)."""
        dyad = split_codes("dyad", self.dyad, count=2)
        check_dates(self.since, self.until)
        try:
            return EventQuery(
                actor=(actor or self.actor or "").upper() or None,
                dyad=(dyad[0], dyad[1]) if dyad else None,
                code=self.code, root=self.root, quad_class=self.quad_class, plover=self.plover,
                since=self.since, until=self.until, outlet=self.outlet, text=text or self.text,
                limit=limit, offset=offset, order=sort,
            )
        except StoreError as error:
            raise ApiError(422, str(error), details=[ErrorDetail(loc=["query"], message=str(error))]) from None


@dataclass(frozen=True)
class Page:
    """``limit`` and ``offset`` of a paginated route."""

    limit: Annotated[int, Query(ge=0, le=MAX_PAGE, description="at most this many items")] = DEFAULT_PAGE
    offset: Annotated[int, Query(ge=0, description="skip this many items first")] = 0
