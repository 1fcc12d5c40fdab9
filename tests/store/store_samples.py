"""Small invented documents and events for the store tests (imported by them and conftest)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from geopol.records import Article, CleanDocument, Event, Rejection, RemovedLine

Batch = list[tuple[CleanDocument, list[Event]]]


def make_doc(
    doc_id: str,
    text: str,
    *,
    date: dt.date | None = None,
    outlet: str | None = None,
    title: str | None = None,
    origin: str = "input.jsonl:1",
) -> CleanDocument:
    article = Article(
        id=doc_id,
        text=text,
        date=date,
        outlet=outlet,
        url=f"https://example.org/{doc_id}",
        title=title,
        origin=origin,
        date_origin="record" if date else "none",
    )
    return CleanDocument(
        article=article, text=text, removed=(RemovedLine(1, "Advertisement", "boilerplate"),)
    )


def make_event(doc: CleanDocument, sentence: str, **fields: Any) -> Event:
    values: dict[str, Any] = {
        "doc": doc.id,
        "source": "USA",
        "source_name": "United States",
        "target": "CHN",
        "target_name": "China",
        "code": "036",
        "root": "03",
        "label": "Express intent to meet",
        "goldstein": 4.0,
        "quad_class": 1,
        "plover": "AGREE",
        "date": None,
        "sentence": sentence,
        "start": doc.text.find(sentence),
        "trigger": "meet",
        "rule": "test.v1",
        "outlet": doc.article.outlet,
        "url": doc.article.url,
        "doc_date": doc.article.date.isoformat() if doc.article.date else None,
    }
    values["end"] = values["start"] + len(sentence)
    values.update(fields)
    return Event(**values)


def sample_batch() -> Batch:
    """Three documents, five events: two dated, one on a dated document, two with no date at all."""
    s1 = "Russian officials met Ukrainian envoys in Geneva."
    s2 = "Ukraine accused Russia of shelling 100% of the town."
    d1 = make_doc("d1", f"{s1} {s2}", date=dt.date(2024, 3, 1), outlet="Reuters", title="Talks")
    e1 = make_event(
        d1,
        s1,
        source="RUSGOV",
        target="UKR",
        code="0431",
        root="04",
        label="Consult",
        plover="CONSULT",
        date="2024-03-01",
        extra={"confidence": 0.9},
    )
    e2 = make_event(
        d1,
        s2,
        source="UKR",
        target="RUS",
        code="112",
        root="11",
        label="Accuse",
        goldstein=-2.0,
        quad_class=3,
        plover="ACCUSE",
        date=None,
    )
    s3 = "Washington said it would meet Beijing next month."
    s4 = "China consulted the United States on trade."
    d2 = make_doc("d2", f"{s3} {s4}", date=dt.date(2024, 4, 10), outlet="AP")
    e3 = make_event(d2, s3, date="2024-04-09")
    e4 = make_event(
        d2,
        s4,
        source="CHNGOV",
        target="USA",
        code="040",
        root="04",
        label="Consult",
        plover="CONSULT",
        date="2024-04-10",
    )
    s5 = "France criticised Germany over the budget."
    d3 = make_doc("d3", s5, outlet="AP")
    e5 = make_event(
        d3,
        s5,
        source="FRA",
        target="DEU",
        code="111",
        root="11",
        label="Criticize",
        goldstein=-2.0,
        quad_class=3,
        plover="ACCUSE",
    )
    return [(d1, [e1, e2]), (d2, [e3, e4]), (d3, [e5])]


def sample_rejections() -> list[Rejection]:
    return [
        Rejection(origin="input.jsonl:7", reason="empty text", doc_id="d7"),
        Rejection(origin="input.jsonl:8", reason="invalid JSON"),
    ]
