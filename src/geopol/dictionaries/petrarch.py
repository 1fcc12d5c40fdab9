"""Readers for PETRARCH2 / TABARI / Phoenix dictionaries.

* :func:`read_actors` -- ``*.actors.txt`` (actors with dated codes),
* :func:`read_agents` -- ``*.agents.txt`` (agent titles and their role codes),
* :func:`read_verbs` -- the ``CAMEO.2.0.txt`` verb dictionary (synsets, verbs, patterns).

Every reader returns an immutable object; lines it cannot read are skipped and listed
in the object's ``problems`` as :class:`DictionaryProblem` (path, line number, reason).
Only an unreadable file raises (``OSError``).
"""

from __future__ import annotations

from ._common import DictionaryProblem, Origin, parse_petrarch_date
from .actors import ActorDictionary, ActorEntry, CodeRestriction, read_actors
from .agents import AgentDictionary, AgentEntry, read_agents
from .verb_patterns import PatternElement, VerbCode, VerbPattern
from .verbs import (
    Synset,
    VerbBlock,
    VerbDictionary,
    VerbEntry,
    VerbTransformation,
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
