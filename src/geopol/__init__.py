"""geopol: code international-relations news into an evidence-backed CAMEO event dataset.

The public API::

    import geopol
    with geopol.open("events.db") as db:
        db.ingest(["news/"])
        rows = db.timeline(dyad="RUS,CHN", by="month")

and, below it, the pipeline::

    from geopol import Pipeline, PipelineConfig
    pipeline = Pipeline.build()
    for result in pipeline.process(geopol.iter_inputs(["news/"])):
        for event in result.events: ...
"""

from __future__ import annotations

__version__ = "0.1.0"

from geopol.api import open
from geopol.ingest import iter_inputs
from geopol.pipeline import DocumentResult, Pipeline, PipelineConfig
from geopol.records import Actor, Article, CleanDocument, Event, Rejection, RemovedLine

__all__ = [
    "Actor",
    "Article",
    "CleanDocument",
    "DocumentResult",
    "Event",
    "Pipeline",
    "PipelineConfig",
    "Rejection",
    "RemovedLine",
    "__version__",
    "iter_inputs",
    "open",
]
