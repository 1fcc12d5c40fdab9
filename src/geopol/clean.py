"""Strip scraped boilerplate from an article, keeping its body paragraph by paragraph.

:func:`clean` turns an :class:`~geopol.records.Article` into a
:class:`~geopol.records.CleanDocument` whose text holds the title and the body paragraphs, one
per input line (or per blank-line block for hard-wrapped text), separated by a blank line.
Every dropped line is kept in ``CleanDocument.removed`` with the reason, so cleaning can be
inspected and tuned.

The cascade, applied to each non-blank line:

1. the patterns of ``data/boilerplate.tsv`` (ad labels, share/subscribe prompts, bylines, read
   times, photo credits, outlet stamps, video durations, bare numbers...), first match wins;
2. lines mostly in another script (more than :data:`FOREIGN_SCRIPT_SHARE` non-Latin letters);
3. when the outlet is known, its name on a line of its own, followed by a date stamp, or
   opening a self-description ("Outlet is an international media network...");
4. navigation labels: 1-2 capitalised words with no final punctuation ("World", "Asia"), and
   the blurb of a promo box (a short unpunctuated line between two ``drop-block`` rule lines);
5. the title is then the line equal to ``Article.title`` or else the first line still kept;
6. repeated lines (teasers of other stories shown twice): every copy goes, except the title;
7. short headline-like lines (at most :data:`MAX_HEADING_WORDS` words, no final punctuation)
   other than the title: teasers of other stories, captions, section labels;
8. an end-of-article marker ("Related Posts", "TAGGED:", comments) after some body text drops
   everything below it.

Lines opening with a bullet ("• ...") are summary points of the article: rules 4 and 7 spare them.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources
from pathlib import Path

from geopol.records import Article, CleanDocument, RemovedLine

MAX_HEADING_WORDS = 16
"""Longest line (in words) taken for a teaser headline or caption when it lacks final punctuation.
Headlines run 6-14 words; body sentences nearly always end in punctuation whatever their length."""
MAX_LABEL_WORDS = 2
"""Longest navigation or section label ("World", "World Today"). Three capitalised words can be a
headline ("Norland Expels Diplomat"); after the title, longer labels fall to the heading rule."""
FOREIGN_SCRIPT_SHARE = 0.5
"""A line goes when more than this share of its letters are not Latin (CJK, Cyrillic, ...)."""
MIN_WRAP_CONTINUATIONS = 3
"""Hard-wrapped text is recognised by lines continued on the next line in lower case: at least
this many, and at least :data:`MIN_WRAP_SHARE` of the non-blank lines."""
MIN_WRAP_SHARE = 0.2

_DATELINE = re.compile(
    r"^[A-Z][A-Z'’.\-]+(?:[ /][A-Z][A-Z'’.\-]+)*"  # SEOUL, BEIRUT/JERUSALEM, GAZA CITY, U.S.
    r"(?:,\s*[A-Z][A-Za-z0-9 .]{0,40})?"  # , Palestinian Territories | , May 3
    r"\s*(?:\([^()]{1,60}\))?"  # (Reuters)
    r"\s*[-–—:]+\s+(?=[A-Z“\"‘'])"
)
"""A wire dateline opening the body: a place in capitals, an optional date and agency, a dash."""
_TERMINAL = frozenset('.!?…:;"”»)]')
_BULLET = re.compile(r"^[•·▪◦‣●■*–-]\s+\S")
_LABEL_WORD = re.compile(r"^(?:[A-Z][A-Za-z'’&.-]*|&)$")
_ACTIONS = frozenset({"drop", "drop-rest", "drop-block"})


@dataclass(frozen=True, slots=True)
class BoilerplateRule:
    """One line of ``boilerplate.tsv``: lines matching ``pattern`` are dropped for ``reason``."""

    pattern: re.Pattern[str]
    reason: str
    action: str = "drop"
    """``drop``: this line only; ``drop-rest``: an end-of-article marker, every later line goes too;
    ``drop-block``: a promo box line; a short unpunctuated blurb between two such lines goes too
    ("Get more with X" / blurb / "Learn more")."""


@dataclass(frozen=True, slots=True)
class _Paragraph:
    line_no: int
    text: str


@dataclass(frozen=True, slots=True)
class Cleaner:
    """The boilerplate rules and thresholds; build once and share (it is immutable)."""

    rules: tuple[BoilerplateRule, ...]
    max_heading_words: int = MAX_HEADING_WORDS
    max_label_words: int = MAX_LABEL_WORDS
    foreign_script_share: float = FOREIGN_SCRIPT_SHARE

    @classmethod
    def from_file(cls, path: Path) -> Cleaner:
        """Load rules from a TSV file in the ``boilerplate.tsv`` format; ValueError names bad lines."""
        rules: list[BoilerplateRule] = []
        for line_no, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip() or line.startswith("#"):
                continue
            cols = line.split("\t")
            action = cols[2].strip() if len(cols) > 2 else "drop"
            if len(cols) not in (2, 3) or not cols[1].strip() or action not in _ACTIONS:
                raise ValueError(f"{path}:{line_no}: expected 'pattern<TAB>reason[<TAB>action]'")
            try:
                pattern = re.compile(cols[0])
            except re.error as exc:
                raise ValueError(f"{path}:{line_no}: bad pattern {cols[0]!r}: {exc}") from exc
            rules.append(BoilerplateRule(pattern, cols[1].strip(), action))
        return cls(tuple(rules))

    @classmethod
    def default(cls) -> Cleaner:
        """The cleaner built from the package's ``data/boilerplate.tsv`` (loaded once)."""
        return _default_cleaner()

    def clean(self, article: Article) -> CleanDocument:
        """The article reduced to its title and body, with the removed lines and reasons."""
        if article.is_html:
            article = _reduce_html(article)
        paragraphs = _paragraphs(article.text)
        reasons: list[str | None] = [self._line_reason(p.text, article.outlet) for p in paragraphs]
        self._drop_promo_blurbs(paragraphs, reasons, article.title)
        title = _title_index(paragraphs, reasons, article.title)
        self._drop_repeats(paragraphs, reasons, title)
        for i, paragraph in enumerate(paragraphs):
            if reasons[i] is None and i != title and self._is_heading_like(paragraph.text):
                reasons[i] = "teaser-or-heading"
        self._drop_after_end_marker(paragraphs, reasons, title)
        kept = [p.text for p, reason in zip(paragraphs, reasons, strict=True) if reason is None]
        removed = [
            RemovedLine(p.line_no, p.text, reason)
            for p, reason in zip(paragraphs, reasons, strict=True)
            if reason is not None
        ]
        kept_at = [i for i, reason in enumerate(reasons) if reason is None]
        for k in range(min(2, len(kept))):  # the lead, after the headline if there is one
            match = _DATELINE.match(kept[k])
            if match is not None:  # "SEOUL (Wire) - North Korea fired": the place is no actor of the lead
                removed.append(RemovedLine(paragraphs[kept_at[k]].line_no, match.group(0).strip(), "dateline"))
                kept[k] = kept[k][match.end():]
                break
        return CleanDocument(article=article, text="\n\n".join(kept), removed=tuple(removed))

    def _line_reason(self, text: str, outlet: str | None) -> str | None:
        for rule in self.rules:
            if rule.pattern.search(text):
                return rule.reason
        if _non_latin_share(text) > self.foreign_script_share:
            return "other-script"
        if outlet:
            reason = _outlet_reason(text, outlet)
            if reason is not None:
                return reason
        if self._is_label(text):
            return "navigation"
        return None

    def _is_label(self, text: str) -> bool:
        words = text.split()
        return (
            len(words) <= self.max_label_words
            and text[-1] not in _TERMINAL
            and all(_LABEL_WORD.match(word) for word in words)
        )

    def _is_heading_like(self, text: str) -> bool:
        return (
            len(text.split()) <= self.max_heading_words
            and text[-1] not in _TERMINAL
            and not _BULLET.match(text)
        )

    def _drop_promo_blurbs(
        self, paragraphs: Sequence[_Paragraph], reasons: list[str | None], title: str | None
    ) -> None:
        title_key = _key(title) if title else None
        for i in range(1, len(paragraphs) - 1):
            if (
                reasons[i] is None
                and self._rule_action(paragraphs[i - 1].text) == "drop-block"
                and self._rule_action(paragraphs[i + 1].text) == "drop-block"
                and self._is_heading_like(paragraphs[i].text)
                and _key(paragraphs[i].text) != title_key
            ):
                reasons[i] = "promo-blurb"

    def _drop_repeats(
        self, paragraphs: Sequence[_Paragraph], reasons: list[str | None], title: int | None
    ) -> None:
        counts = Counter(_key(p.text) for p, why in zip(paragraphs, reasons, strict=True) if why is None)
        for i, paragraph in enumerate(paragraphs):
            if reasons[i] is None and i != title and counts[_key(paragraph.text)] > 1:
                reasons[i] = "repeated-line"

    def _drop_after_end_marker(
        self, paragraphs: Sequence[_Paragraph], reasons: list[str | None], title: int | None
    ) -> None:
        if title is None:
            return
        body_seen = False
        for i in range(title + 1, len(paragraphs)):
            if reasons[i] is None:
                body_seen = True
            elif body_seen and self._rule_action(paragraphs[i].text) == "drop-rest":
                for j in range(i + 1, len(paragraphs)):
                    reasons[j] = reasons[j] or f"after-end-marker ({reasons[i]})"
                return

    def _rule_action(self, text: str) -> str | None:
        """The action of the first rule matching ``text``, or None when no rule matches."""
        for rule in self.rules:
            if rule.pattern.search(text):
                return rule.action
        return None


@lru_cache(maxsize=1)
def _default_cleaner() -> Cleaner:
    with resources.as_file(resources.files("geopol") / "data" / "boilerplate.tsv") as path:
        return Cleaner.from_file(path)


def clean(article: Article, cleaner: Cleaner | None = None) -> CleanDocument:
    """Remove boilerplate from ``article`` with ``cleaner`` (default: :meth:`Cleaner.default`)."""
    return (cleaner or Cleaner.default()).clean(article)


def _reduce_html(article: Article) -> Article:
    from geopol.ingest import html_to_text  # local import: ingest is heavier (trafilatura)

    text, title, date = html_to_text(article.text)
    if article.date is None and date is not None:
        return replace(article, text=text, is_html=False, title=article.title or title,
                       date=date, date_origin="metadata")
    return replace(article, text=text, is_html=False, title=article.title or title)


def _paragraphs(text: str) -> list[_Paragraph]:
    """Non-blank lines with their 1-based line numbers; blank-line blocks when hard-wrapped."""
    lines = text.splitlines()
    if not _is_hard_wrapped(lines):
        return [_Paragraph(n, " ".join(line.split())) for n, line in enumerate(lines, 1) if line.strip()]
    paragraphs: list[_Paragraph] = []
    block: list[str] = []
    start = 0
    for n, line in enumerate([*lines, ""], 1):
        if line.strip():
            start = start if block else n
            block.append(line)
        elif block:
            paragraphs.append(_Paragraph(start, " ".join(" ".join(block).split())))
            block = []
    return paragraphs


def _is_hard_wrapped(lines: Sequence[str]) -> bool:
    nonblank = sum(1 for line in lines if line.strip())
    continued = sum(
        1
        for line, following in itertools.pairwise(lines)
        if line.strip() and line.rstrip()[-1] not in _TERMINAL and following[:1].islower()
    )
    return continued >= MIN_WRAP_CONTINUATIONS and continued >= MIN_WRAP_SHARE * nonblank


def _title_index(
    paragraphs: Sequence[_Paragraph], reasons: Sequence[str | None], title: str | None
) -> int | None:
    candidates = [i for i, reason in enumerate(reasons) if reason is None]
    if title:
        wanted = _key(title)
        for i in candidates:
            if _key(paragraphs[i].text) == wanted:
                return i
    return candidates[0] if candidates else None


def _outlet_reason(text: str, outlet: str) -> str | None:
    name = re.escape(" ".join(outlet.split()))
    if _key(text) == _key(outlet):
        return "outlet-name"
    if re.search(name + r"[\s,.:|/-]*\d[\d\s,.:|/-]*$", text, re.IGNORECASE):
        return "outlet-stamp"
    if re.match(name + r"\s+is\s+(?:a|an|the)\b", text, re.IGNORECASE):
        return "outlet-footer"
    return None


def _non_latin_share(text: str) -> float:
    letters = [ch for ch in text if ch.isalpha()]
    if not letters:
        return 0.0
    foreign = sum(1 for ch in letters if ord(ch) > 0x24F and "LATIN" not in unicodedata.name(ch, ""))
    return foreign / len(letters)


def _key(text: str) -> str:
    return " ".join(text.split()).casefold()
