"""Event-coding dictionaries (actors, agents, verbs) read from external formats.

The readers of PETRARCH-format files and their records are those of :mod:`.petrarch` (listed in
its ``__all__``); the mapping of PETRARCH verbs to geopol triggers is :mod:`.verb_triggers`.
"""

from __future__ import annotations

from . import petrarch
from .petrarch import *  # noqa: F403  (every name of petrarch.__all__)
from .provenance import Conflict
from .verb_triggers import MappedTrigger, VerbConversion, convert_verbs, is_petrarch_verb_file

__all__ = ["Conflict", "MappedTrigger", "VerbConversion", "convert_verbs", "is_petrarch_verb_file"]
__all__ += petrarch.__all__
