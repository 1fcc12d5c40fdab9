"""Fixtures of the analytics tests: hand-made deduplicated events, and stores built from them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from geopol.cameo import default_cameo_table
from geopol.records import Article, CleanDocument, Event
from geopol.store import open_store
from geopol.store.base import StoredEvent

StoredFactory = Callable[..., StoredEvent]

_QUAD_OF_ROOT = {"03": 1, "04": 1, "05": 1, "06": 2, "07": 2, "11": 3, "13": 3, "17": 4, "19": 4}
_GOLDSTEIN = {"036": 4.0, "040": 1.0, "042": 1.9, "043": 2.8, "057": 8.0, "061": 6.4, "112": -2.0,
              "130": -4.4, "173": -5.0, "190": -10.0}
_PLOVER = {"03": "AGREE", "04": "CONSULT", "05": "SUPPORT", "06": "COOPERATE", "11": "ACCUSE",
           "13": "THREATEN", "17": "COERCE", "19": "FIGHT"}


def make_stored(
    event_id: str,
    source: str,
    target: str,
    code: str,
    date: str | None,
    *,
    first_report: str | None = None,
    **overrides: Any,
) -> StoredEvent:
    """A StoredEvent with values derived from its code; ``overrides`` replace any field."""
    root = code[:2]
    values: dict[str, Any] = {
        "id": event_id, "source": source, "source_name": f"{source} name", "target": target,
        "target_name": "" if target == "---" else f"{target} name", "code": code, "root": root,
        "label": f"label {code}", "goldstein": _GOLDSTEIN.get(code, 0.0), "quad_class": _QUAD_OF_ROOT[root],
        "plover": _PLOVER[root], "date": date, "date_end": date, "place": None, "place_country": None,
        "modality": "asserted", "mentions": 1, "documents": 1, "outlets": 1,
        "first_report": first_report if first_report is not None else date, "last_report": None,
        "confidence": 0.5, "sentence": f"{source} did {code} to {target}.", "doc": f"doc-{event_id}",
        "start": 0, "end": 20,
    }
    values["last_report"] = values["first_report"]
    values.update(overrides)
    return StoredEvent(**values)


@pytest.fixture
def stored() -> StoredFactory:
    """The factory of hand-made StoredEvents (see :func:`make_stored`)."""
    return make_stored


@pytest.fixture
def dyad_events() -> list[StoredEvent]:
    """Russia-China events of March and May 2024 (none in April), and a few others."""
    return [
        make_stored("e1", "RUSGOV", "CHNGOV", "040", "2024-03-05", mentions=3, documents=2, outlets=2,
                    confidence=0.75),
        make_stored("e2", "CHNGOV", "RUSGOV", "040", "2024-03-05"),
        make_stored("e3", "CHNGOV", "RUS", "042", None, first_report="2024-03-21"),
        make_stored("e4", "RUSGOV", "CHN", "112", "2024-05-16"),
        make_stored("e5", "RUSMIL", "UKR", "190", "2024-05-17", place="Kharkiv", place_country="UKR"),
        make_stored("e6", "CHN", "---", "130", "2024-05-17"),
        make_stored("e7", "USA", "RUSGOV", "173", None, first_report=None),
        make_stored("e8", "RUSGOV", "CHNGOV", "057", "2024-05-16", confidence=0.9),
    ]


# --- databases -----------------------------------------------------------------------------------

REPO = Path(__file__).resolve().parents[2]
SEEDS = REPO.parent / "shared" / "corpus" / "seeds.jsonl"

_SENTENCES: dict[str, list[tuple[str, dict[str, Any]]]] = {
    # doc id: [(sentence, fields of its mention)]
    "d1": [("Putin met Xi in Moscow on Tuesday.", {"source": "RUSGOV", "target": "CHNGOV", "code": "040",
                                                  "date": "2024-03-05"}),
           ("Xi met Putin in Moscow on Tuesday.", {"source": "CHNGOV", "target": "RUSGOV", "code": "040",
                                                  "date": "2024-03-05"})],
    "d2": [("Vladimir Putin held talks with Xi Jinping on March 5.", {"source": "RUSGOV", "target": "CHNGOV",
                                                                    "code": "040", "date": "2024-03-05"})],
    "d3": [("Russia accused China of dumping steel near Kharkiv.", {"source": "RUSGOV", "target": "CHN",
                                                                   "code": "112", "date": "2024-05-16"})],
    "d4": [("Russian forces attacked Kharkiv.", {"source": "RUSMIL", "target": "UKR", "code": "190",
                                                "date": "2024-05-17", "place": "Kharkiv",
                                                "place_country": "UKR"})],
    "d5": [],
}
_DOCS = {"d1": ("2024-03-05", "Daily"), "d2": ("2024-03-06", "Herald"), "d3": ("2024-05-16", "Daily"),
         "d4": ("2024-05-17", "Courier"), "d5": ("2024-04-10", "Courier")}


def _mention(doc: CleanDocument, sentence: str, fields: dict[str, Any]) -> Event:
    info = default_cameo_table().get(fields["code"])
    start = doc.text.index(sentence)
    values: dict[str, Any] = {
        "doc": doc.id, "source_name": fields["source"].title(), "target_name": fields["target"].title(),
        "root": info.root, "label": info.name, "goldstein": info.goldstein, "quad_class": info.quad_class,
        "plover": info.plover, "sentence": sentence, "start": start, "end": start + len(sentence),
        "trigger": "met", "rule": "test.v1", "outlet": doc.article.outlet, "url": doc.article.url,
        "doc_date": doc.article.date.isoformat() if doc.article.date else None, **fields,
    }
    return Event(**values)


def handmade_batch() -> list[tuple[CleanDocument, list[Event]]]:
    """Five documents of three outlets: one meeting reported twice (d1, d2), an accusation (d3),
    an attack (d4) and a document without events (d5, April)."""
    batch = []
    for doc_id, sentences in _SENTENCES.items():
        day, outlet = _DOCS[doc_id]
        text = " ".join(sentence for sentence, _ in sentences) or "Nothing happened in April."
        article = Article(id=doc_id, text=text, date=dt.date.fromisoformat(day), outlet=outlet,
                          url=f"https://news.example/{doc_id}", origin=f"test:{doc_id}", date_origin="record")
        doc = CleanDocument(article=article, text=text)
        batch.append((doc, [_mention(doc, sentence, fields) for sentence, fields in sentences]))
    return batch


@pytest.fixture
def handmade_db(tmp_path: Path) -> Path:
    """A SQLite database holding :func:`handmade_batch`."""
    path = tmp_path / "handmade.db"
    with open_store(path) as store:
        store.add_batch(handmade_batch())
    return path


@pytest.fixture(scope="session")
def seeds_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The five seed articles ingested through the real pipeline (once per session)."""
    if not SEEDS.is_file():
        pytest.skip("../shared/corpus/seeds.jsonl is not present")
    import geopol

    path = tmp_path_factory.mktemp("seeds") / "seeds.db"
    with geopol.open(path) as db:
        totals = db.ingest([SEEDS])
    assert totals.added == 5
    return path
