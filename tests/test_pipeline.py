"""The pipeline as a whole: one document's failure never costs the rest of its batch."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from geopol.pipeline import DocumentResult, Pipeline
from geopol.records import Article, Rejection


def test_a_document_the_coder_fails_on_is_rejected_and_the_batch_goes_on(
        pipeline: Pipeline, monkeypatch: pytest.MonkeyPatch) -> None:
    original = Pipeline.code_document

    def failing(self: Pipeline, document: Any, docs: Any) -> Any:
        if document.article.id == "bad":
            raise KeyError("---")
        return original(self, document, docs)

    monkeypatch.setattr(Pipeline, "code_document", failing)
    articles = [Article("bad", "Chile criticised Peru.", dt.date(2024, 1, 2), origin="a.jsonl:1"),
                Article("good", "Chile criticised Peru.", dt.date(2024, 1, 2), origin="a.jsonl:2")]
    out = list(pipeline.process(articles))
    rejected = [r for r in out if isinstance(r, Rejection)]
    coded = [r for r in out if isinstance(r, DocumentResult)]
    assert [r.doc_id for r in rejected] == ["bad"]
    assert "could not be coded (KeyError" in rejected[0].reason
    assert [r.document.article.id for r in coded] == ["good"] and coded[0].events


def test_a_titled_person_of_unknown_country_does_not_break_the_two_leaders(pipeline: Pipeline) -> None:
    text = ("Governor Zorbin Quallet met Chilean President Gabriel Boric. The two leaders discussed trade. "
            "Chile and Peru signed a deal.")
    result = pipeline.extract_text(text, dt.date(2024, 1, 2))
    assert ("CHL", "PER") in {(e.source, e.target) for e in result.events}
