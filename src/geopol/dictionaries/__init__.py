"""Event-coding dictionaries (actors, agents, verbs) read from external formats."""

from __future__ import annotations

from .petrarch import (
    ActorDictionary,
    ActorEntry,
    AgentDictionary,
    AgentEntry,
    CodeRestriction,
    DictionaryProblem,
    Origin,
    PatternElement,
    Synset,
    VerbBlock,
    VerbCode,
    VerbDictionary,
    VerbEntry,
    VerbPattern,
    VerbTransformation,
    parse_petrarch_date,
    read_actors,
    read_agents,
    read_verbs,
)

__all__ = [
    "ActorDictionary",
    "ActorEntry",
    "AgentDictionary",
    "AgentEntry",
    "CodeRestriction",
    "DictionaryProblem",
    "Origin",
    "PatternElement",
    "Synset",
    "VerbBlock",
    "VerbCode",
    "VerbDictionary",
    "VerbEntry",
    "VerbPattern",
    "VerbTransformation",
    "parse_petrarch_date",
    "read_actors",
    "read_agents",
    "read_verbs",
]
