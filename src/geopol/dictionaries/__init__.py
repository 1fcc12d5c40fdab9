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
from .provenance import Conflict
from .verb_triggers import MappedTrigger, VerbConversion, convert_verbs, is_petrarch_verb_file

__all__ = [
    "ActorDictionary",
    "ActorEntry",
    "AgentDictionary",
    "AgentEntry",
    "CodeRestriction",
    "Conflict",
    "DictionaryProblem",
    "MappedTrigger",
    "Origin",
    "PatternElement",
    "Synset",
    "VerbBlock",
    "VerbCode",
    "VerbConversion",
    "VerbDictionary",
    "VerbEntry",
    "VerbPattern",
    "VerbTransformation",
    "convert_verbs",
    "is_petrarch_verb_file",
    "parse_petrarch_date",
    "read_actors",
    "read_agents",
    "read_verbs",
]
