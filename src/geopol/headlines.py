"""Headlines in Title Case ("Putin and Xi Jinping to Discuss Cooperation in May") parse badly: the
small English model takes every capitalised word for part of a name. Before parsing, such a line is
given sentence case, keeping the capitals of names geopol knows (actors and places) and of
acronyms; the evidence text keeps the original, since only the case of ASCII letters changes and
every character stays at its offset.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
MAX_HEADLINE_CHARS = 200
"""Longer lines are prose, whatever their capitals."""
MIN_CAPITALISED_SHARE = 0.7
"""Share of the words of four letters or more that start with a capital for a line to count as
Title Case (set on headlines of the seed articles and our own examples: prose stays below 0.5)."""
MIN_LONG_WORDS = 3
CALENDAR_WORDS = frozenset({
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
})
"""Capitalised in any sentence: the date resolver and the tagger need them as written."""


@dataclass(frozen=True)
class HeadlineCase:
    """Known capitalised words (from the actor and place lexicons) and the rewriting they allow."""

    keep: frozenset[str]

    @classmethod
    def from_names(cls, names: Iterable[tuple[str, ...]]) -> HeadlineCase:
        """The first word of every name: "Xi" of "Xi Jinping", "Shanghai" of "Shanghai Cooperation
        Organisation" (names match whatever the case of their later words)."""
        return cls(frozenset(name[0].lower() for name in names if name) | CALENDAR_WORDS)

    def sentence_case(self, text: str) -> str:
        """``text`` in sentence case if it is a Title Case headline, else unchanged (same length)."""
        stripped = text.strip()
        if len(text) > MAX_HEADLINE_CHARS or "\n" in stripped or stripped.endswith((".", "!", ";", ":")):
            return text  # headlines have no full stop
        words = list(WORD.finditer(text))
        long = [w.group(0) for w in words if len(w.group(0)) >= 4]
        if len(long) < MIN_LONG_WORDS or sum(w[0].isupper() for w in long) < MIN_CAPITALISED_SHARE * len(long):
            return text
        chars = list(text)
        for match in words[1:]:
            word = match.group(0)
            if word[0].isupper() and not word.isupper() and word.lower() not in self.keep:
                chars[match.start()] = word[0].lower()
        return "".join(chars)
