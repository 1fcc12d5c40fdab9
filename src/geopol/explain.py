"""``geopol explain``: why a sentence was, or was not, coded.

Shows the dependency parse, the actor names and roles recognised, every noun
phrase that resolves to an actor, and the events with the rule and modality
behind each (including those not emitted because of their modality).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from geopol.actors.resolver import DocumentMemory, NameMatch, SentenceActors
from geopol.nlp import paragraphs
from geopol.pipeline import Pipeline
from geopol.records import EMITTED_MODALITIES


def explain(pipeline: Pipeline, text: str, date: dt.date | None = None) -> str:
    """A plain-text report on how ``text`` is parsed and coded."""
    lines: list[str] = []
    memory = DocumentMemory(date)
    for paragraph in paragraphs(text):
        doc = pipeline.nlp(pipeline.headlines.sentence_case(paragraph.text))
        actors = pipeline.sentence_actors(doc, memory)
        names = actors.names
        for sentence in doc.sents:
            lines.append(f"sentence: {sentence.text}")
            lines.append("  parse (token / dependency / head / part of speech / lemma / entity):")
            for token in sentence:
                entity = f"{token.ent_iob_}-{token.ent_type_}" if token.ent_type_ else ""
                lines.append(f"    {token.i:>3} {token.text:<18} {token.dep_:<10} {token.head.i:>3} "
                             f"{token.pos_:<6} {token.lemma_:<16} {entity}")
            lines.extend(_actor_lines(sentence, names, actors))
            coded = pipeline.coder.code(sentence, actors)
            lines.append("  events:" if coded else "  events: none (no trigger with a resolvable "
                         "source and target)")
            for event in coded:
                emitted = event.modality in EMITTED_MODALITIES
                info = pipeline.cameo.get(event.code)
                lines.append(
                    f"    {event.source.code} ({event.source.name}) -> {event.code} {info.name} -> "
                    f"{event.target.code} ({event.target.name})")
                lines.append(
                    f"      trigger {event.trigger!r}, rule {event.rule}, modality {event.modality}"
                    f"{'' if emitted else ' (not emitted; --all-modalities shows it)'}, "
                    f"date {', '.join(event.date_texts) or '-'}, place {event.place.name if event.place else '-'}")
    return "\n".join(lines) + "\n"


def _actor_lines(sentence: object, names: dict[int, NameMatch], actors: SentenceActors) -> list[str]:
    lines = ["  names:"]
    shown = set()
    for index in sorted(names):
        match = names[index]
        if not sentence.start <= index < sentence.end:  # type: ignore[attr-defined]
            continue
        if id(match) in shown:
            continue
        shown.add(id(match))
        entry = match.entry
        lines.append(f"    {entry.name!r}: {entry.kind} {entry.code_on(actors.memory.day)} ({entry.origin})")
    lines.append("  actors (noun phrase heads):")
    probe = SentenceActors(actors.lexicon, actors.names, replace(actors.memory), actors.places)
    for token in sentence:  # type: ignore[attr-defined]
        if token.pos_ in ("NOUN", "PROPN", "PRON") and token.dep_ not in ("compound", "amod"):
            found = probe.resolve(token, remember=False)
            if found:
                lines.append(f"    {token.text}: " + ", ".join(f"{a.code} ({a.name})" for a in found))
    return lines
