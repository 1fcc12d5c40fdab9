"""The geopol pipeline: documents in, coded events out, in batches of bounded size.

A :class:`Pipeline` holds everything that is loaded once (the spaCy pipeline,
the lexicons, the CAMEO table) and nothing that changes while it runs, so the
same object can be built in worker processes from the same :class:`PipelineConfig`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from geopol.actors.lexicon import ActorLexicon
from geopol.actors.resolver import DocumentMemory, SentenceActors, match_names
from geopol.cameo import CameoTable
from geopol.clean import clean
from geopol.dates import DateRange, is_news_day, is_story_relative, resolve_date
from geopol.events.coder import CodedEvent, EventCoder
from geopol.events.triggers import TriggerLexicon
from geopol.headlines import HeadlineCase
from geopol.nlp import DEFAULT_MODEL, Paragraph, load_nlp, paragraphs
from geopol.places import Gazetteer
from geopol.records import EMITTED_MODALITIES, Article, CleanDocument, Event, Rejection

DEFAULT_BATCH_SIZE = 16
"""Documents parsed together; memory grows with it (16 news articles stay under ~50 MB)."""


@dataclass(frozen=True)
class PipelineConfig:
    """Everything needed to build a pipeline; picklable, so workers can build their own."""

    model: str = DEFAULT_MODEL
    lexicons: tuple[Path, ...] = ()
    """geopol-format actor lexicons (countries*/groups*/roles*/people*.tsv), added to the built-in ones."""
    verbs: tuple[Path, ...] = ()
    """Trigger lexicons: geopol ``verbs.tsv`` files or PETRARCH verb dictionaries (told apart by content)."""
    actors: tuple[Path, ...] = ()
    """PETRARCH actor dictionaries (``*.actors.txt``)."""
    agents: tuple[Path, ...] = ()
    """PETRARCH agent dictionaries (``*.agents.txt``)."""
    builtin_lexicons: bool = True
    """False: only the files above code actors and events (docs/dictionaries.md)."""
    all_modalities: bool = False
    batch_size: int = DEFAULT_BATCH_SIZE


@dataclass(frozen=True)
class DocumentResult:
    """A cleaned document and the events found in it."""

    document: CleanDocument
    events: tuple[Event, ...]
    words: int = 0


@dataclass(frozen=True)
class Pipeline:
    config: PipelineConfig
    nlp: Any
    actors: ActorLexicon
    coder: EventCoder
    cameo: CameoTable = field(repr=False)
    headlines: HeadlineCase = field(default_factory=lambda: HeadlineCase(frozenset()), repr=False)
    places: Gazetteer | None = field(default=None, repr=False)
    """The gazetteer matched in every parsed paragraph (cities and regions: places, not actors)."""

    @classmethod
    def build(cls, config: PipelineConfig | None = None, nlp: Any = None) -> Pipeline:
        config = config or PipelineConfig()
        nlp = nlp if nlp is not None else load_nlp(config.model)
        tokenizer = nlp.tokenizer

        def tokenize(text: str) -> list[str]:
            return [t.text for t in tokenizer(text)]

        actors, triggers = load_lexicons(config, tokenize)
        places = Gazetteer.load(tokenize)
        headlines = HeadlineCase.from_names([*actors.exact, *actors.names, *places.names])
        return cls(config, nlp, actors, EventCoder(triggers), CameoTable.load(), headlines, places)

    def process(self, items: Iterable[Article | Rejection]) -> Iterator[DocumentResult | Rejection]:
        """Clean and code a stream of articles; rejections pass through in order."""
        batch: list[CleanDocument] = []
        for item in items:
            if isinstance(item, Rejection):
                yield from self._run(batch)
                batch = []
                yield item
                continue
            document = clean(item)
            if not document.text.strip():
                yield Rejection(item.origin, f"{item.origin}: no text left after removing boilerplate", item.id)
                continue
            batch.append(document)
            if len(batch) >= self.config.batch_size:
                yield from self._run(batch)
                batch = []
        yield from self._run(batch)

    def extract_text(self, text: str, date: dt.date | None = None, doc_id: str = "text") -> DocumentResult:
        """Code one text (used by ``geopol explain`` and the Python API)."""
        result = next(self._run([clean(Article(doc_id, text, date))]))
        if isinstance(result, Rejection):
            raise RuntimeError(result.reason)
        return result

    def _run(self, batch: Sequence[CleanDocument]) -> Iterator[DocumentResult | Rejection]:
        if not batch:
            return
        parts = [(n, p) for n, doc in enumerate(batch) for p in paragraphs(doc.text)]
        parsed = self.nlp.pipe((self.headlines.sentence_case(p.text) for _, p in parts), batch_size=64)
        grouped: list[list[tuple[Paragraph, Any]]] = [[] for _ in batch]
        for (n, paragraph), spacy_doc in zip(parts, parsed, strict=True):
            grouped[n].append((paragraph, spacy_doc))
        for document, docs in zip(batch, grouped, strict=True):
            try:
                events = self.code_document(document, docs)
            except Exception as error:  # a coder bug must cost one document, not the batch
                article = document.article
                yield Rejection(article.origin, f"{article.origin}: could not be coded ({type(error).__name__}: "
                                f"{error}); this is a bug in geopol, please report it", article.id)
                continue
            yield DocumentResult(document, events, sum(len(d) for _, d in docs))

    def code_document(self, document: CleanDocument, docs: Sequence[tuple[Paragraph, Any]]) -> tuple[Event, ...]:
        """The events of a document from its parsed paragraphs."""
        article = document.article
        memory = DocumentMemory(article.date)
        events: list[Event] = []
        seen: set[tuple[str, str, str, int, str]] = set()
        # the last news day the story told of, from an event or a past-tense sentence ("who was received
        # in Rabat on Monday"): "a day earlier" counts from it, and undated acts after it happened then
        told: Told | None = None
        for paragraph, spacy_doc in docs:
            actors = self.sentence_actors(spacy_doc, memory)
            for sentence in spacy_doc.sents:
                dated = False
                for coded in self.coder.code(sentence, actors):
                    if coded.modality not in EMITTED_MODALITIES and not self.config.all_modalities:
                        continue
                    story_day = dt.date.fromisoformat(told.date) if told is not None and told.date else None
                    event = self._event(article, paragraph, sentence, coded, story_day)
                    if event.date is not None and event.date_text and is_news_day(event.date_text):
                        told, dated = Told(event.date, event.date_end, event.date_text), True
                    elif event.date is None and told is not None and coded.modality == "asserted" \
                            and not coded.future and not _has_time(coded):
                        # "met on Tuesday ... The two sides agreed that": the same day, as the text tells it
                        event = replace(event, date=told.date, date_end=told.date_end,
                                        date_text=f"context: {told.text}")
                    key = (event.source, event.target, event.code, event.start, event.modality)
                    if key not in seen:
                        seen.add(key)
                        events.append(event)
                if not dated:
                    told = _told_in(sentence, article.date) or told
        return tuple(events)

    def sentence_actors(self, spacy_doc: Any, memory: DocumentMemory) -> SentenceActors:
        """The actor names and gazetteer places of a parsed paragraph, with the document's memory."""
        places = self.places.match(spacy_doc) if self.places is not None else {}
        return SentenceActors(self.actors, match_names(spacy_doc, self.actors), memory, places)

    def _event(self, article: Article, paragraph: Paragraph, sentence: Any, coded: CodedEvent,
               story_day: dt.date | None = None) -> Event:
        info = self.cameo.get(coded.code)
        when, date_text = _when(coded, article.date, story_day)
        start = paragraph.offset + sentence.start_char
        return Event(
            doc=article.id, source=coded.source.code, source_name=coded.source.name,
            target=coded.target.code, target_name=coded.target.name, code=info.code, root=info.root,
            label=info.name, goldstein=info.goldstein, quad_class=info.quad_class, plover=info.plover,
            date=_iso(when.start) if when else None, date_end=_iso(when.end) if when else None,
            date_text=date_text, modality=coded.modality,
            place=coded.place.name if coded.place else None,
            place_country=coded.place.country if coded.place else None,
            sentence=paragraph.text[sentence.start_char:sentence.end_char], start=start,
            end=start + len(sentence.text),
            trigger=coded.trigger, rule=coded.rule, outlet=article.outlet, url=article.url,
            doc_date=_iso(article.date),
        )


def load_lexicons(config: PipelineConfig, tokenize: Any = None) -> tuple[ActorLexicon, TriggerLexicon]:
    """The actor and trigger lexicons a configuration asks for (built-in and user files).

    ``tokenize`` should be the pipeline's tokenizer as a ``str -> list[str]`` function
    (default: ``spacy.blank("en")``'s). Raises ``LexiconError``/``TriggerLexiconError``
    (both ``ValueError``) if a file cannot be read.
    """
    actors = ActorLexicon.load(config.lexicons, builtin=config.builtin_lexicons, tokenize=tokenize,
                               actors=config.actors, agents=config.agents)
    triggers = TriggerLexicon.load(config.verbs, builtin=config.builtin_lexicons)
    return actors, triggers


def _when(coded: CodedEvent, reference: dt.date | None,
          story_day: dt.date | None = None) -> tuple[DateRange | None, str | None]:
    """The first attached date expression that gives a day, else the first that gives anything.
    Expressions relative to the story's time ("a day earlier") count from ``story_day``, the last
    day an event of the document was dated to, when there is one."""
    tense = "future" if coded.future else "past"
    fallback: tuple[DateRange | None, str | None] = (None, coded.date_texts[0] if coded.date_texts else None)
    for text in coded.date_texts:
        anchor = story_day if story_day is not None and is_story_relative(text) else reference
        when = resolve_date(text, anchor, tense)
        if when is not None and when.start is not None:
            return when, text
    return fallback


@dataclass(frozen=True)
class Told:
    """A news day the story told of: its date (ISO), end and the words that named it."""

    date: str | None
    date_end: str | None
    text: str


FUTURE_WORDS = frozenset({"will", "due", "expected", "scheduled", "plan", "plans", "planned", "next"})


def _told_in(sentence: Any, reference: dt.date | None) -> Told | None:
    """The news day a sentence of past events names ("who was received in Rabat *on Monday*")."""
    if reference is None or any(t.lower_ in FUTURE_WORDS and t.pos_ in ("AUX", "ADJ", "VERB")
                                for t in sentence):
        return None
    for ent in sentence.ents:
        if ent.label_ == "DATE" and is_news_day(ent.text):
            when = resolve_date(ent.text, reference, "past")
            if when is not None and when.start is not None:
                return Told(_iso(when.start), _iso(when.end), str(ent.text))
    return None


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def _has_time(coded: CodedEvent) -> bool:
    """Whether the event's own clause names a time, even one that gives no day ("last month",
    "in 2023"): then it is not the story's news day. How long something took is no time."""
    return any(not _is_duration(text) for text in coded.date_texts)


def _is_duration(text: str) -> bool:
    """ "for about three hours", "nearly two hours": how long, not when."""
    words = text.lower().split()
    return bool(words) and words[-1] in ("hours", "hour", "minutes", "minute")
