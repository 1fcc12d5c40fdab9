"""Read news documents from files, directories, JSON Lines, feeds and stdin.

:func:`iter_inputs` streams :class:`~geopol.records.Article` records, one per document, and a
:class:`~geopol.records.Rejection` for every input that cannot be read, so one bad file never
stops a batch.  Nothing is loaded more than one document at a time: directories are walked
lazily and JSON Lines files are read line by line.

Input kinds, chosen by file extension (anything else is sniffed from its first bytes):

=====================  ====================================================================
``.txt``/``.text``     one plain-text document
``.html``/``.htm``     one web page, reduced to its main text with trafilatura
``.jsonl``/``.ndjson`` one record a line: ``id``, ``text`` or ``html``, optional ``date``,
                       ``url``, ``title``, ``source`` (the outlet)
``.xml``/``.rss``/...  an RSS or Atom feed, one document per entry
``-``                  standard input, sniffed the same way
=====================  ====================================================================

The document date is taken, in this order, from the record's ``date`` field, the
``default_date`` argument (the CLI's ``--date``), the HTML metadata, or an explicit full date
in the first lines of the text; :attr:`Article.date_origin` says which.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import io
import itertools
import json
import os
import re
import sys
import unicodedata
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from html.parser import HTMLParser
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import IO, Any, Literal

import feedparser
import trafilatura

from geopol.records import Article, Rejection

Kind = Literal["text", "html", "jsonl", "feed"]

SNIFF_BYTES = 8192
"""How much of a file is read to tell text from binary and, for unknown extensions, its kind."""
BINARY_CONTROL_SHARE = 0.10
"""Share of control characters above which a file counts as binary. Text files have none besides
tabs and newlines; 10% leaves room for a few stray bytes."""
BINARY_UNDECODABLE_SHARE = 0.30
"""Share of bytes that are not UTF-8 above which a file counts as binary rather than as text in
another encoding (Latin-1 prose has well under 10% accented letters)."""
TEXT_DATE_LINES = 12
"""Number of non-blank lines searched for a date: the dateline sits above the body."""
MAX_ID_CHARS = 120
"""Longest document id derived from a feed entry's id or link."""
STDIN_ORIGIN = "<stdin>"

_SUFFIX_KINDS: Mapping[str, Kind] = MappingProxyType({
    ".txt": "text", ".text": "text",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".jsonl": "jsonl", ".ndjson": "jsonl",
    ".xml": "feed", ".rss": "feed", ".atom": "feed",
})
_HTML_START = re.compile(
    rb"<(?:!doctype\s+html|html|head|body|meta|title|div|p|article|section|main|!--)\b", re.IGNORECASE
)
_FEED_START = re.compile(rb"<(?:rss|feed|rdf:rdf)\b", re.IGNORECASE)
_UNSAFE_ID_CHARS = re.compile(r"[^A-Za-z0-9._-]+")
_TRAILING_SPACE = re.compile(r"[ \t\f\v]+")
_TEXT_CONTROLS = frozenset("\t\n\r\f\v")


class InputError(ValueError):
    """A document that cannot be read; the message is the one-line rejection reason."""


@dataclass(frozen=True, slots=True)
class TextDates:
    """Explicit full-date patterns searched in a document's first lines (``data/text_dates.tsv``)."""

    patterns: tuple[re.Pattern[str], ...]
    months: Mapping[str, int]

    @classmethod
    def from_file(cls, path: Path) -> TextDates:
        patterns: list[re.Pattern[str]] = []
        months: dict[str, int] = {}
        for line_no, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip() or line.startswith("#"):
                continue
            cols = line.split("\t")
            try:
                if cols[0] == "pattern" and len(cols) == 2:
                    patterns.append(re.compile(cols[1]))
                elif cols[0] == "month" and len(cols) == 3:
                    months.update(dict.fromkeys(cols[2].split(), int(cols[1])))
                else:
                    raise ValueError("expected 'pattern<TAB>regex' or 'month<TAB>number<TAB>names'")
            except (re.error, ValueError) as exc:
                raise ValueError(f"{path}:{line_no}: {exc}") from exc
        return cls(tuple(patterns), MappingProxyType(months))

    @classmethod
    def default(cls) -> TextDates:
        return _default_text_dates()

    def find(self, text: str, max_lines: int = TEXT_DATE_LINES) -> dt.date | None:
        """The first valid full date in the first ``max_lines`` non-blank lines of ``text``."""
        lines = (line for line in text.splitlines() if line.strip())
        for line in itertools.islice(lines, max_lines):
            matches = sorted((m for p in self.patterns for m in p.finditer(line)), key=lambda m: m.start())
            for match in matches:
                found = self._to_date(match)
                if found is not None:
                    return found
        return None

    def _to_date(self, match: re.Match[str]) -> dt.date | None:
        month_text = match.group("m")
        month = int(month_text) if month_text.isdigit() else self.months.get(month_text.lower())
        if month is None:
            return None
        try:
            return dt.date(int(match.group("y")), month, int(match.group("d")))
        except ValueError:
            return None


@lru_cache(maxsize=1)
def _default_text_dates() -> TextDates:
    with resources.as_file(resources.files("geopol") / "data" / "text_dates.tsv") as path:
        return TextDates.from_file(path)


def iter_inputs(
    inputs: Sequence[str],
    default_date: dt.date | None = None,
    stdin: IO[str] | IO[bytes] | None = None,
) -> Iterator[Article | Rejection]:
    """Stream the documents of ``inputs`` (paths, directories or ``-`` for stdin) in order.

    Never raises for bad input: unreadable, binary, malformed or empty documents come out as
    :class:`Rejection` records and the iteration goes on.
    """
    reader = _Reader(default_date, TextDates.default())
    for name in inputs:
        if name == "-":
            yield from reader.stream(stdin if stdin is not None else sys.stdin, STDIN_ORIGIN, "stdin")
        else:
            yield from reader.path(Path(name))


def parse_date(value: object) -> dt.date:
    """A date from an ISO date, an ISO datetime or an RFC 2822 string; ValueError otherwise."""
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"expected a date string, got {value!r}")
    text = value.strip()
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        pass
    try:
        return dt.datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    try:
        return email.utils.parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError):
        raise ValueError(f"not a valid date: {value!r}") from None


def html_to_text(html: str) -> tuple[str, str | None, dt.date | None]:
    """The main text of a web page (paragraphs one a line), its title and its published date.

    Uses trafilatura in precision mode first (drops navigation, comments, teasers) and falls back
    to its default mode when that finds nothing. The text is ``""`` when no main text is found.
    """
    date_params = {"original_date": True, "extensive_search": False, "max_date": dt.date.today().isoformat()}
    found: Any = None
    for precision in (True, False):
        found = trafilatura.bare_extraction(
            html, include_comments=False, favor_precision=precision, with_metadata=True,
            date_extraction_params=date_params,
        )
        if found is not None and getattr(found, "text", None):
            break
    if found is None:
        found = trafilatura.extract_metadata(html, date_config=date_params)
    text = getattr(found, "text", None) or ""
    title = getattr(found, "title", None) or None
    raw_date = getattr(found, "date", None)
    try:
        date = parse_date(raw_date) if raw_date else None
    except ValueError:
        date = None
    return _tidy_lines(text), title, date


def html_fragment_to_text(html: str) -> str:
    """The text of an HTML fragment (a feed summary), one block element a line."""
    collector = _TextCollector()
    collector.feed(html)
    collector.close()
    return _tidy_lines("".join(collector.parts))


class _TextCollector(HTMLParser):
    _BLOCKS = frozenset({
        "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
        "tr", "table", "section", "article", "header", "footer", "figure", "figcaption", "pre", "hr",
    })
    _HIDDEN = frozenset({"script", "style", "noscript", "template"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._hidden_depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._HIDDEN:
            self._hidden_depth += 1
        elif tag in self._BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._HIDDEN:
            self._hidden_depth = max(0, self._hidden_depth - 1)
        elif tag in self._BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._hidden_depth:
            self.parts.append(data)


def _tidy_lines(text: str) -> str:
    lines = (" ".join(line.split()) for line in text.splitlines())
    return "\n".join(line for line in lines if line)


def sniff_kind(head: bytes) -> Kind:
    """Guess an input's kind from its first non-blank line (or first bytes)."""
    start = head.lstrip().lstrip(b"\xef\xbb\xbf").lstrip()
    if start.startswith(b"{"):
        return "jsonl"
    if _FEED_START.match(start):
        return "feed"
    if start[:5].lower() == b"<?xml":
        return "html" if re.search(rb"<html\b", start[:SNIFF_BYTES], re.IGNORECASE) else "feed"
    if _HTML_START.match(start):
        return "html"
    return "text"


def binary_reason(head: bytes) -> str | None:
    """Why ``head`` looks like binary data rather than text, or None when it looks like text."""
    if b"\x00" in head:
        return "binary file (contains NUL bytes)"
    sample = head.decode("utf-8", errors="replace")
    if not sample:
        return None
    controls = sum(1 for ch in sample if _is_binary_control(ch))
    undecodable = sample.count("\ufffd")
    if controls > BINARY_CONTROL_SHARE * len(sample) or undecodable > BINARY_UNDECODABLE_SHARE * len(sample):
        odd = controls + undecodable
        return f"binary file ({odd} of {len(sample)} characters are control or non-UTF-8 bytes)"
    return None


def _is_binary_control(char: str) -> bool:
    return unicodedata.category(char) == "Cc" and char not in _TEXT_CONTROLS


def _decode(data: bytes, origin: str) -> str:
    reason = binary_reason(data)
    if reason is not None:
        raise InputError(f"{origin}: {reason}")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"{origin}: invalid UTF-8 at byte {exc.start}") from None


def _sanitise_id(raw: str) -> str:
    return _UNSAFE_ID_CHARS.sub("_", raw).strip("_.")[-MAX_ID_CHARS:]


def _optional_str(value: object) -> str | None:
    if isinstance(value, str) and value.strip():
        return value.strip()
    return None


@dataclass(frozen=True, slots=True)
class _Reader:
    """Turns paths and streams into Articles; holds the per-call settings."""

    default_date: dt.date | None
    text_dates: TextDates

    def path(self, path: Path) -> Iterator[Article | Rejection]:
        origin = str(path)
        try:
            is_dir = path.is_dir()
            path.stat()
        except OSError as exc:
            yield Rejection(origin, f"{origin}: cannot read ({exc.strerror or exc})", path.stem or None)
            return
        if not is_dir:
            yield from self.file(path)
            return
        for item in _walk(path):
            if isinstance(item, Rejection):
                yield item
            else:
                yield from self.file(item)

    def file(self, path: Path) -> Iterator[Article | Rejection]:
        origin, stem = str(path), path.stem
        try:
            with path.open("rb") as handle:
                head = handle.read(SNIFF_BYTES)
                reason = binary_reason(head)
                if reason is not None:
                    yield Rejection(origin, f"{origin}: {reason}", stem)
                    return
                kind = _SUFFIX_KINDS.get(path.suffix.lower()) or sniff_kind(head)
                handle.seek(0)
                if kind == "jsonl":
                    yield from self.jsonl(handle, origin, stem)
                else:
                    yield from self.document(handle.read(), kind, origin, stem)
        except OSError as exc:
            yield Rejection(origin, f"{origin}: cannot read ({exc.strerror or exc})", stem)

    def stream(self, stream: IO[str] | IO[bytes], origin: str, stem: str) -> Iterator[Article | Rejection]:
        lines = _binary_lines(stream)
        head: list[bytes] = []
        try:
            for line in lines:
                head.append(line)
                if line.strip():
                    break
            kind = sniff_kind(head[-1] if head else b"")
            if kind == "jsonl":
                yield from self.jsonl(itertools.chain(head, lines), origin, stem)
            else:
                yield from self.document(b"".join(itertools.chain(head, lines)), kind, origin, stem)
        except (OSError, UnicodeError) as exc:
            yield Rejection(origin, f"{origin}: cannot read ({exc})", stem)

    def jsonl(self, lines: Iterable[bytes], origin: str, stem: str) -> Iterator[Article | Rejection]:
        for line_no, raw in enumerate(lines, 1):
            if not raw.strip():
                continue
            line_origin = f"{origin}:{line_no}"
            try:
                record = json.loads(_decode(raw, line_origin))
                if not isinstance(record, dict):
                    kind = type(record).__name__
                    raise InputError(f"{line_origin}: a JSON line must be an object, not {kind}")
                yield self.record(record, line_origin, f"{stem}:{line_no}")
            except json.JSONDecodeError as exc:
                reason = f"{line_origin}: not valid JSON ({exc.msg} at column {exc.colno})"
                yield Rejection(line_origin, reason, None)
            except InputError as exc:
                yield Rejection(line_origin, str(exc), _record_id(raw))

    def record(self, record: Mapping[str, Any], origin: str, fallback_id: str) -> Article | Rejection:
        raw_id = record.get("id")
        doc_id = str(raw_id) if isinstance(raw_id, (str, int)) and str(raw_id).strip() else fallback_id
        text, html = record.get("text"), record.get("html")
        if not isinstance(text, str) and not isinstance(html, str):
            return Rejection(origin, f"{origin}: record has no 'text' or 'html' string", doc_id)
        date: dt.date | None = None
        if record.get("date") not in (None, ""):
            try:
                date = parse_date(record["date"])
            except ValueError as exc:
                return Rejection(origin, f"{origin}: invalid 'date' ({exc})", doc_id)
        fields = _Fields(doc_id, origin, _optional_str(record.get("title")), _optional_str(record.get("url")),
                         _optional_str(record.get("source")), date)
        if isinstance(text, str) and text.strip():
            return self.article(text, fields)
        if isinstance(html, str):
            return self.html_article(html, fields)
        return self.article(text or "", fields)

    def document(self, data: bytes, kind: Kind, origin: str, stem: str) -> Iterator[Article | Rejection]:
        try:
            if kind == "feed":
                reason = binary_reason(data)
                if reason is not None:
                    raise InputError(f"{origin}: {reason}")
                yield from self.feed(data, origin, stem)
            elif kind == "html":
                yield self.html_article(_decode(data, origin), _Fields(stem, origin))
            else:
                yield self.article(_decode(data, origin), _Fields(stem, origin))
        except InputError as exc:
            yield Rejection(origin, str(exc), stem)

    def feed(self, data: bytes, origin: str, stem: str) -> Iterator[Article | Rejection]:
        parsed = feedparser.parse(io.BytesIO(data))
        entries = parsed.get("entries") or []
        if not entries:
            problem = parsed.get("bozo_exception")
            detail = f" ({problem})" if parsed.get("bozo") and problem else ""
            yield Rejection(origin, f"{origin}: no feed entries found{detail}", stem)
            return
        outlet = _optional_str(parsed.get("feed", {}).get("title"))
        for number, entry in enumerate(entries, 1):
            yield self.feed_entry(entry, f"{origin}#{number}", f"{stem}:{number}", outlet)

    def feed_entry(
        self, entry: Mapping[str, Any], origin: str, fallback_id: str, outlet: str | None
    ) -> Article | Rejection:
        raw_id = _optional_str(entry.get("id")) or _optional_str(entry.get("link"))
        doc_id = (_sanitise_id(raw_id) if raw_id else "") or fallback_id
        title = _optional_str(entry.get("title"))
        body = _entry_body(entry)
        if title and body.strip() and not body.startswith(title):
            body = f"{title}\n{body}"
        parsed_time = entry.get("published_parsed") or entry.get("updated_parsed")
        date = dt.date(*parsed_time[:3]) if parsed_time else None
        url = _optional_str(entry.get("link"))
        return self.article(body, _Fields(doc_id, origin, title, url, outlet, date))

    def html_article(self, html: str, fields: _Fields) -> Article | Rejection:
        try:
            text, title, meta_date = html_to_text(html)
        except Exception as exc:  # trafilatura/lxml can fail in many ways on broken markup
            reason = f"{fields.origin}: HTML extraction failed ({type(exc).__name__}: {exc})"
            return Rejection(fields.origin, reason, fields.doc_id)
        return self.article(text, fields, metadata_title=title, metadata_date=meta_date)

    def article(self, text: str, fields: _Fields, metadata_title: str | None = None,
                metadata_date: dt.date | None = None) -> Article | Rejection:
        text = "\n".join(_TRAILING_SPACE.sub(" ", line).rstrip() for line in text.splitlines()).strip("\n")
        if not text.strip():
            return Rejection(fields.origin, f"{fields.origin}: empty document (no text after extraction)",
                             fields.doc_id)
        date, date_origin = self._resolve_date(fields.date, metadata_date, text)
        return Article(
            id=fields.doc_id, text=text, date=date, outlet=fields.outlet, url=fields.url,
            title=fields.title or metadata_title, origin=fields.origin, date_origin=date_origin,
        )

    def _resolve_date(self, record_date: dt.date | None, metadata_date: dt.date | None,
                      text: str) -> tuple[dt.date | None, str]:
        if record_date is not None:
            return record_date, "record"
        if self.default_date is not None:
            return self.default_date, "option"
        if metadata_date is not None:
            return metadata_date, "metadata"
        found = self.text_dates.find(text)
        return (found, "text") if found is not None else (None, "none")


@dataclass(frozen=True, slots=True)
class _Fields:
    doc_id: str
    origin: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    date: dt.date | None = None


def _entry_body(entry: Mapping[str, Any]) -> str:
    parts: list[tuple[str, str]] = []
    for content in entry.get("content") or []:
        if isinstance(content.get("value"), str):
            parts.append((content["value"], str(content.get("type", "text/html"))))
    if not parts and isinstance(entry.get("summary"), str):
        detail = entry.get("summary_detail") or {}
        parts.append((entry["summary"], str(detail.get("type", "text/html"))))
    texts = (html_fragment_to_text(value) if "html" in kind else _tidy_lines(value) for value, kind in parts)
    return "\n".join(text for text in texts if text)


def _record_id(raw: bytes) -> str | None:
    match = re.search(rb'"id"\s*:\s*"([^"\\]{1,200})"', raw)
    return match.group(1).decode("utf-8", errors="replace") if match else None


def _binary_lines(stream: IO[str] | IO[bytes]) -> Iterator[bytes]:
    buffer = getattr(stream, "buffer", None)
    source: Iterable[str | bytes] = buffer if buffer is not None else stream
    for line in source:
        if isinstance(line, bytes):
            yield line
        else:
            try:
                yield line.encode("utf-8", errors="surrogateescape")
            except UnicodeEncodeError:
                yield line.encode("utf-8", errors="surrogatepass")


def _walk(root: Path) -> Iterator[Path | Rejection]:
    """Files under ``root``, recursively, sorted by name, skipping hidden entries and loops."""
    seen: set[str] = set()
    pending: list[Path] = [root]
    while pending:
        directory = pending.pop()
        real = os.path.realpath(directory)
        if real in seen:
            continue
        seen.add(real)
        try:
            entries = sorted(os.scandir(directory), key=lambda entry: entry.name)
        except OSError as exc:
            yield Rejection(str(directory), f"{directory}: cannot list directory ({exc.strerror or exc})")
            continue
        subdirs: list[Path] = []
        for entry in entries:
            if entry.name.startswith("."):
                continue
            if entry.is_dir():
                subdirs.append(Path(entry.path))
            else:
                yield Path(entry.path)
        pending.extend(reversed(subdirs))
