"""Resolve date expressions from news text against the document's date.

``resolve_date`` takes the text of a DATE entity (or any short date-bearing phrase) and the
document's date, and says which day the expression names, if any::

    >>> resolve_date("on Wednesday", dt.date(2023, 3, 21), tense="future").start
    datetime.date(2023, 3, 22)

Conventions (see the "Dates" section of the annotation guidelines):

* a day gives ``start == end`` and granularity ``"day"``; a range of days gives its first and
  last day;
* a month gives no day (``start = end = None``), granularity ``"month"`` and ``month="YYYY-MM"``;
* years, weeks and vague expressions ("earlier this year", "recently") give no day, granularity
  ``"year"`` or ``"none"``;
* an expression that needs the document date (a weekday, "yesterday", "May 16") gives
  ``start=None`` when there is none;
* an expression holding no date at all ("the time") gives ``None``.

Relative anchors ("the previous day", "two days later") are resolved against ``reference``; a caller
that knows a better anchor than the document date (a date mentioned earlier) may pass it instead.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from types import MappingProxyType
from typing import Final

__all__ = ["DateRange", "iso", "resolve_date"]


@dataclass(frozen=True, slots=True)
class DateRange:
    """What a date expression names: a day, a range of days, a month, a year or nothing precise."""

    start: dt.date | None
    """First day; ``None`` when the expression has no day or it cannot be resolved."""
    end: dt.date | None
    """Last day of a range of days, else equal to ``start``."""
    text: str
    """The expression as given."""
    granularity: str
    """``"day"``, ``"month"``, ``"year"`` or ``"none"``."""
    month: str | None = None
    """``"YYYY-MM"`` when the expression names a known month but no day."""


def iso(d: dt.date | None) -> str | None:
    """``YYYY-MM-DD`` for a date, ``None`` for ``None``."""
    return None if d is None else d.isoformat()


# --------------------------------------------------------------------------- constant tables

_MONTHS: Final = MappingProxyType({
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
})
_AMBIGUOUS_MONTHS: Final = frozenset({"may", "march", "mar"})
"""Month names that are also common words: only months when capitalised or in a date context."""
_MONTH_CONTEXT: Final = frozenset({
    "in", "of", "early", "late", "mid", "last", "next", "this", "since", "until", "by", "from",
    "between", "end", "beginning", "start", "middle", "coming", "past", "previous",
})
_WEEKDAYS: Final = MappingProxyType({
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
})
_WEEKDAY_ABBREVIATIONS: Final = MappingProxyType({
    "mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3, "fri": 4, "sat": 5, "sun": 6,
})
"""Only read as weekdays when capitalised ("Sun." but not "sun")."""
_CONNECTORS: Final = frozenset({"-", "–", "—", "&", "to", "and", "through", "thru", "till", "until", "or"})
_MODIFIERS: Final = MappingProxyType(
    {"last": -1, "previous": -1, "past": -1, "this": 0, "next": 1, "coming": 1}
)
_GLUE: Final = frozenset({
    ",", "/", "the", "of", "on", "in", "at", "from", "between", "early", "late", "mid", "middle",
    "around", "about", "circa", "since", "by", "end", "beginning", "start", "morning", "afternoon",
    "evening", "night", "overnight", "noon", "midnight", "dawn", "daybreak", "local", "time", "gmt", "utc",
})
_VAGUE: Final = frozenset({
    "recent", "recently", "lately", "past", "ago", "earlier", "later", "soon", "previously", "formerly",
    "decade", "decades", "century", "centuries", "year", "years", "month", "months", "week", "weeks",
    "day", "days", "weekend", "weekends", "summer", "winter", "spring", "autumn", "fall", "season",
    "now", "currently", "nowadays", "once", "future", "quarter", "eve", "yesteryear", "era",
})
_NUMBER_WORDS: Final = MappingProxyType({
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30,
})
_NUM: Final = r"(\d+|" + "|".join(_NUMBER_WORDS) + r")"

_WRONG_WAY: Final = 3
"""Distance penalty for a candidate date on the other side of the reference than the tense says."""

_TIME_RE: Final = re.compile(
    r"\b\d{1,2}(?:[:.]\d{2})?\s*(?:a\.?\s?m\b\.?|p\.?\s?m\b\.?)"
    r"|\b\d{1,2}:\d{2}(?::\d{2})?\b|\b\d{1,2}h\d{2}\b|\b\d{3,4}\s*(?:gmt|utc|hrs|hours)\b",
    re.IGNORECASE,
)
_POSSESSIVE_RE: Final = re.compile(r"['’]s\b")
_TOKEN_RE: Final = re.compile(
    r"(?P<iso>\d{4}-\d{1,2}-\d{1,2})(?!\d)"
    r"|(?P<ym>\d{4}-(?:0?[1-9]|1[0-2]))(?![\d-])"
    r"|(?P<ymd>\d{4}/\d{1,2}/\d{1,2})(?!\d)"
    r"|(?P<dmy>\d{1,2}[./-]\d{1,2}[./-](?:\d{4}|\d{2}))(?![\d])"
    r"|(?P<my>\d{1,2}/\d{4})(?!\d)"
    r"|(?P<md>\d{1,2}/\d{1,2})(?![/\d])"
    r"|(?P<decade>\d{2,4}['’]?s)\b"
    r"|(?P<ordinal>\d{1,2}(?:st|nd|rd|th))\b"
    r"|(?P<num>\d+)"
    r"|(?P<word>[^\W\d_]+\.?)"
    r"|(?P<punct>[-–—&,/])"
)

_REL_DAYS: Final = (
    (re.compile(r"\bday before yesterday\b"), -2),
    (re.compile(r"\bday after tomorrow\b"), 2),
    (re.compile(r"\byesterday\b|\blast night\b|^overnight$"), -1),
    (re.compile(r"\btomorrow\b"), 1),
    (re.compile(r"\btoday\b|\btonight\b|\bthis (?:morning|afternoon|evening)\b"), 0),
    (re.compile(r"\b(?:previous|preceding|prior) (?:day|night|evening)\b|\bday (?:before|earlier)$"), -1),
    (re.compile(r"\b(?:next|following) (?:day|morning|night|evening)\b|\bday (?:after|later)$"), 1),
    (re.compile(r"\b(?:same|that) day\b"), 0),
)
_STORY_RELATIVE: Final = re.compile(
    r"\b(?:previous|preceding|prior|next|following|same) (?:day|morning|night|evening)\b"
    r"|\b(?:day|days|week|weeks) (?:before|earlier|after|later)$"
)
"""Expressions relative to the story's own time, not to the day of writing ("a day earlier", "two
days later", "the following day")."""


_NEWS_DAY: Final = re.compile(
    r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|tonight|last night)\b")


def is_news_day(expression: str) -> bool:
    """Whether ``expression`` names a day of the news week ("on Monday", "yesterday"): the story's
    time line, from which "a day earlier" counts (background dates like "Oct. 1" do not set it)."""
    return bool(_NEWS_DAY.search(expression.lower()))


def is_story_relative(expression: str) -> bool:
    """Whether ``expression`` counts from a day the story named before rather than from the document
    date: "A day earlier, ..." after "met on Monday" is Sunday."""
    return bool(_STORY_RELATIVE.search(expression.lower().strip()))


_COUNT_RE: Final = re.compile(
    rf"\b{_NUM} (day|week|month|year|decade)s? "
    r"(?:(ago|back|hence|from now)\b|(earlier|before|prior|later|after)$)"
)
_IN_COUNT_RE: Final = re.compile(rf"\bin {_NUM} (day|week|month|year|decade)s?(?: time)?$")
_SHIFT_RE: Final = re.compile(
    rf"^\s*(?:the\s+|a\s+)?(?:{_NUM}\s+)?(days?|weeks?)\s+(before|after|prior\s+to)\s+(\S.*)$", re.IGNORECASE
)
_YEAR_HINTS: Final = (
    (re.compile(r"\b(?:last|previous|preceding) year\b"), -1),
    (re.compile(r"\b(?:this|current) year\b"), 0),
    (re.compile(r"\b(?:next|coming|following) year\b"), 1),
)
_MONTH_PERIODS: Final = (
    (re.compile(r"\b(?:last|previous|preceding) month\b"), -1),
    (re.compile(r"\b(?:this|current) month\b"), 0),
    (re.compile(r"\b(?:next|coming|following) month\b"), 1),
)
_WEEK_OFFSETS: Final = (
    (re.compile(r"\b(?:last|previous|preceding) week\b"), -1),
    (re.compile(r"\b(?:this|current) week\b"), 0),
    (re.compile(r"\b(?:next|coming|following) week\b"), 1),
)
_YEAR_PERIOD_RE: Final = re.compile(
    r"\b(?:last|previous|preceding|this|current|next|coming|following) year\b"
)
_WEEK_PERIOD_RE: Final = re.compile(
    r"\b(?:last|previous|preceding|past|this|current|next|coming|following) week\b"
)
_WEEKEND_RE: Final = re.compile(r"\b(?:(last|past|previous|this|next|coming) )?weekend\b")


# --------------------------------------------------------------------------- tokens


@dataclass(frozen=True, slots=True)
class _Tok:
    kind: str
    """month, weekday, num, ordinal, year, numdate, decade, conn, mod, glue or word."""
    low: str
    value: int = 0
    ymd: tuple[int | None, int | None, int | None] = (None, None, None)
    capitalised: bool = False


@dataclass(slots=True)
class _Atom:
    """One date written in the text, possibly incomplete ("May 16", "17", "March 2023")."""

    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    modifier: int | None = None
    ordinal: bool = False

    def empty(self) -> bool:
        return self.year is None and self.month is None and self.day is None


def _two_digit_year(text: str) -> int:
    value = int(text)
    if len(text) == 4:
        return value
    return 2000 + value if value < 70 else 1900 + value


def _numeric_date(kind: str, text: str) -> tuple[int | None, int | None, int | None]:
    """(year, month, day) of a numeric date; the day-month order is guessed when ambiguous."""
    parts = [int(p) for p in re.split(r"[-./]", text)]
    if kind in ("iso", "ymd"):
        return parts[0], parts[1], parts[2]
    if kind == "ym":
        return parts[0], parts[1], None
    if kind == "my":
        return parts[1], parts[0], None
    first, second = parts[0], parts[1]
    us_order = "/" in text and second <= 31
    if first > 12 or (not us_order and second <= 12):
        day, month = first, second
    else:
        month, day = first, second
    year = _two_digit_year(re.split(r"[-./]", text)[2]) if kind == "dmy" else None
    return year, month, day


def _classify(kind: str, text: str) -> _Tok:
    low = text.lower().rstrip(".")
    if kind in ("iso", "ym", "ymd", "dmy", "my", "md"):
        return _Tok("numdate", low, ymd=_numeric_date(kind, text))
    if kind == "decade":
        return _Tok("decade", low)
    if kind == "ordinal":
        return _Tok("ordinal", low, int(low[:-2]))
    if kind == "num":
        value = int(low)
        if len(low) == 4 and 1000 <= value <= 2999:
            return _Tok("year", low, value)
        return _Tok("num", low, value) if 1 <= value <= 31 else _Tok("word", low, value)
    capitalised = text[:1].isupper()
    if low in _MONTHS:
        return _Tok("month", low, _MONTHS[low], capitalised=capitalised)
    if low in _WEEKDAYS:
        return _Tok("weekday", low, _WEEKDAYS[low])
    if low in _WEEKDAY_ABBREVIATIONS and capitalised:
        return _Tok("weekday", low, _WEEKDAY_ABBREVIATIONS[low])
    if low in _CONNECTORS:
        return _Tok("conn", low)
    if low in _MODIFIERS:
        return _Tok("mod", low, _MODIFIERS[low])
    return _Tok("glue" if low in _GLUE else "word", low)


def _demote(toks: Sequence[_Tok]) -> list[_Tok]:
    """Read words that only look like dates ("may", "the 20th century") as plain words."""
    out: list[_Tok] = []
    for i, tok in enumerate(toks):
        prev = toks[i - 1] if i > 0 else None
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        if tok.kind == "month" and tok.low in _AMBIGUOUS_MONTHS and not tok.capitalised:
            numeric = any(t is not None and t.kind in ("num", "ordinal", "year") for t in (prev, nxt))
            context = prev is not None and prev.low in _MONTH_CONTEXT
            if not (numeric or context):
                tok = _Tok("word", tok.low)
        elif tok.kind == "ordinal" and nxt is not None and nxt.kind == "word":
            tok = _Tok("word", tok.low)
        out.append(tok)
    return out


def _tokenize(expression: str) -> list[_Tok]:
    text = _POSSESSIVE_RE.sub("", _TIME_RE.sub(" ", expression))
    toks = [_classify(m.lastgroup or "word", m.group()) for m in _TOKEN_RE.finditer(text)]
    return _demote(toks)


def _phrase(toks: Iterable[_Tok]) -> str:
    """The lower-cased words and numbers of the expression, one space apart."""
    return " ".join(t.low for t in toks if t.low[:1].isalnum())


# --------------------------------------------------------------------------- calendar helpers


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def _month_label(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def _tense(tense: str) -> str:
    low = tense.lower()
    if low.startswith("fut"):
        return "future"
    return "past" if low.startswith("past") else "neutral"


def _cost(candidate: dt.date, ref: dt.date, tense: str) -> int:
    delta = (candidate - ref).days
    wrong = (tense == "past" and delta > 0) or (tense == "future" and delta < 0)
    return abs(delta) * (_WRONG_WAY if wrong else 1)


def _pick(
    candidates: Iterable[dt.date | None], ref: dt.date, tense: str, weekday: int | None
) -> dt.date | None:
    """The candidate nearest the reference, leaning towards the side the tense points to."""
    valid = [c for c in candidates if c is not None]
    if weekday is not None:
        valid = [c for c in valid if c.weekday() == weekday] or valid
    return min(valid, key=lambda c: _cost(c, ref, tense), default=None)


def _day(ref: dt.date | None, offset: int, text: str) -> DateRange:
    day = None if ref is None else ref + dt.timedelta(days=offset)
    return DateRange(day, day, text, "day")


def _month_range(ref: dt.date | None, offset: int, text: str) -> DateRange:
    if ref is None:
        return DateRange(None, None, text, "month")
    return DateRange(None, None, text, "month", _month_label(*_add_months(ref.year, ref.month, offset)))


def _none(text: str, granularity: str = "none") -> DateRange:
    return DateRange(None, None, text, granularity)


# --------------------------------------------------------------------------- explicit dates


def _runs(toks: Sequence[_Tok]) -> list[list[_Tok]]:
    """Stretches of date tokens (months, numbers, connectors...) between ordinary words."""
    runs: list[list[_Tok]] = [[]]
    for tok in toks:
        if tok.kind in ("word", "decade"):
            runs.append([])
        else:
            runs[-1].append(tok)
    return [run for run in runs if run]


def _atoms(run: Sequence[_Tok]) -> list[_Atom]:
    atoms: list[_Atom] = []
    cur = _Atom()
    modifier: int | None = None
    for tok in run:
        kind = tok.kind
        taken = (
            (kind == "month" and cur.month is not None)
            or (kind in ("num", "ordinal") and cur.day is not None)
            or (kind == "year" and cur.year is not None)
            or (kind == "weekday" and cur.weekday is not None)
        )
        if kind in ("conn", "numdate") or taken:
            atoms.append(cur)
            cur = _Atom()
        if kind == "numdate":
            atoms.append(_Atom(*tok.ymd))
        elif kind == "month":
            cur.month, cur.modifier = tok.value, modifier
        elif kind in ("num", "ordinal"):
            cur.day, cur.ordinal = tok.value, kind == "ordinal"
        elif kind == "year":
            cur.year = tok.value
        elif kind == "weekday":
            cur.weekday = tok.value
        modifier = tok.value if kind == "mod" else (modifier if kind == "glue" else None)
    atoms.append(cur)
    return _fill(atoms)


def _fill(atoms: list[_Atom]) -> list[_Atom]:
    """Drop non-dates and share months and years: "16 and 17 May 2024" -> two full dates."""
    if not any(a.month is not None for a in atoms):
        for atom in atoms:
            if not atom.ordinal:
                atom.day = None
    atoms = [a for a in atoms if not a.empty()]
    for i, atom in enumerate(atoms):
        if atom.day is None:
            continue
        # Only from later dates: a later date lacking a field takes it from the date before it
        # when the range is resolved (and moves to the next month or year if it must).
        later = atoms[i + 1:]
        if atom.month is None:
            atom.month = next((a.month for a in later if a.month is not None), None)
        if atom.year is None:
            atom.year = next((a.year for a in later if a.year is not None), None)
    return atoms


def _ordinal_day(day: int, ref: dt.date, tense: str) -> dt.date | None:
    """"The 20th": the 20th of the reference month (or of a neighbouring one, if nearer)."""
    months = (_add_months(ref.year, ref.month, k) for k in (-1, 0, 1))
    return _pick((_safe_date(y, m, day) for y, m in months), ref, tense, None)


def _first_date(atom: _Atom, ref: dt.date | None, tense: str, year_hint: int | None) -> dt.date | None:
    day, month, year = atom.day, atom.month, atom.year
    if day is None:
        return None
    if month is not None and year is not None:
        return _safe_date(year, month, day)
    if ref is None:
        return None
    if month is None:
        return _ordinal_day(day, ref, tense)
    if year_hint is not None:
        return _safe_date(ref.year + year_hint, month, day)
    years = (ref.year - 1, ref.year, ref.year + 1)
    return _pick((_safe_date(y, month, day) for y in years), ref, tense, atom.weekday)


def _next_date(atom: _Atom, prev: dt.date) -> dt.date | None:
    """A later date of a range, taking what it lacks from the previous one."""
    if atom.day is None:
        return None
    year = atom.year if atom.year is not None else prev.year
    month = atom.month if atom.month is not None else prev.month
    found = _safe_date(year, month, atom.day)
    if found is not None and found < prev:
        if atom.month is None:
            year, month = _add_months(year, month, 1)
        elif atom.year is None:
            year += 1
        found = _safe_date(year, month, atom.day)
    return found


def _month_year(month: int, modifier: int | None, ref: dt.date, tense: str) -> int:
    if modifier == -1:
        return ref.year if month < ref.month else ref.year - 1
    if modifier == 1:
        return ref.year if month > ref.month else ref.year + 1
    if modifier == 0:
        return ref.year
    if tense == "future":
        return ref.year if month >= ref.month else ref.year + 1
    if tense == "past":
        return ref.year if month <= ref.month else ref.year - 1
    diff = month - ref.month
    return ref.year - 1 if diff >= 6 else ref.year + 1 if diff < -6 else ref.year


def _resolve_atoms(
    atoms: Sequence[_Atom], ref: dt.date | None, tense: str, year_hint: int | None, text: str
) -> DateRange:
    days = [a for a in atoms if a.day is not None]
    if days:
        dates: list[dt.date] = []
        found = _first_date(days[0], ref, tense, year_hint)
        for atom in days[1:]:
            if found is None:
                break
            dates.append(found)
            found = _next_date(atom, found)
        if found is None:
            return _none(text, "day")
        dates.append(found)
        return DateRange(min(dates), max(dates), text, "day")
    first = next((a for a in atoms if a.month is not None), None)
    if first is None or first.month is None:
        return _none(text, "year")
    year = first.year
    if year is None and ref is not None:
        hinted = None if year_hint is None else ref.year + year_hint
        year = hinted if hinted is not None else _month_year(first.month, first.modifier, ref, tense)
    return DateRange(None, None, text, "month", None if year is None else _month_label(year, first.month))


def _explicit(toks: Sequence[_Tok], ref: dt.date | None, tense: str, text: str) -> DateRange | None:
    """Dates written with a month name, numbers, a year or an ordinal day ("the 20th")."""
    phrase = _phrase(toks)
    year_hint = next((off for pattern, off in _YEAR_HINTS if pattern.search(phrase)), None)
    for run in _runs(toks):
        if not any(t.kind in ("month", "numdate", "year", "ordinal") for t in run):
            continue
        atoms = _atoms(run)
        if atoms:
            return _resolve_atoms(atoms, ref, tense, year_hint, text)
    return None


# --------------------------------------------------------------------------- relative dates


def _count(raw: str) -> int:
    return int(raw) if raw.isdigit() else _NUMBER_WORDS[raw]


def _offset_range(ref: dt.date | None, unit: str, amount: int, text: str) -> DateRange:
    if unit == "day":
        return _day(ref, amount, text)
    if unit == "week":
        return _day(ref, 7 * amount, text)
    if unit == "month":
        return _month_range(ref, amount, text)
    return _none(text, "year" if unit == "year" else "none")


def _relative_day(phrase: str, ref: dt.date | None, text: str) -> DateRange | None:
    """"yesterday", "3 days ago", "in two weeks", "the previous day", "a month ago"."""
    for pattern, offset in _REL_DAYS:
        if pattern.search(phrase):
            return _day(ref, offset, text)
    match = _COUNT_RE.search(phrase)
    if match:
        amount, unit, back, anchored = match.groups()
        sign = -1 if back in ("ago", "back") or anchored in ("earlier", "before", "prior") else 1
        return _offset_range(ref, unit, sign * _count(amount), text)
    match = _IN_COUNT_RE.search(phrase)
    if match:
        return _offset_range(ref, match.group(2), _count(match.group(1)), text)
    return None


def _weekday_date(weekday: int, modifier: int | None, ref: dt.date, tense: str) -> dt.date:
    back = (ref.weekday() - weekday) % 7
    forward = (weekday - ref.weekday()) % 7
    if modifier == -1:
        return ref - dt.timedelta(days=back or 7)
    if modifier == 1:
        return ref + dt.timedelta(days=forward or 7)
    if tense == "future" or (tense == "neutral" and forward < back):
        return ref + dt.timedelta(days=forward)
    return ref - dt.timedelta(days=back)


def _weekend(phrase: str, ref: dt.date | None, tense: str, text: str) -> DateRange | None:
    match = _WEEKEND_RE.search(phrase)
    if match is None:
        return None
    if ref is None:
        return _none(text, "day")
    modifier = _MODIFIERS.get(match.group(1) or "")
    if modifier == 1 or (modifier != -1 and tense == "future"):
        saturday = ref + dt.timedelta(days=(5 - ref.weekday()) % 7)
        return DateRange(saturday, saturday + dt.timedelta(days=1), text, "day")
    sunday = ref - dt.timedelta(days=(ref.weekday() - 6) % 7)
    return DateRange(sunday - dt.timedelta(days=1), sunday, text, "day")


def _weekdays(toks: Sequence[_Tok], ref: dt.date | None, tense: str, text: str) -> DateRange | None:
    """"on Wednesday", "last Friday", "Monday night", "from Monday to Wednesday", "the weekend"."""
    found: list[tuple[int, int | None]] = []
    modifier: int | None = None
    for tok in toks:
        if tok.kind == "weekday":
            found.append((tok.value, modifier))
        modifier = tok.value if tok.kind == "mod" else (modifier if tok.kind == "glue" else None)
    phrase = _phrase(toks)
    if not found:
        return _weekend(phrase, ref, tense, text)
    if ref is None:
        return _none(text, "day")
    week = next((off for pattern, off in _WEEK_OFFSETS if pattern.search(phrase)), None)
    if week is not None:
        monday = ref - dt.timedelta(days=ref.weekday() - 7 * week)
        days = sorted(monday + dt.timedelta(days=wd) for wd, _ in found)
        return DateRange(days[0], days[-1], text, "day")
    (first, first_mod), (last, last_mod) = found[0], found[-1]
    if tense == "future":
        start = _weekday_date(first, first_mod, ref, tense)
        return DateRange(start, start + dt.timedelta(days=(last - first) % 7), text, "day")
    end = _weekday_date(last, last_mod, ref, tense)
    return DateRange(end - dt.timedelta(days=(last - first) % 7), end, text, "day")


def _period(phrase: str, ref: dt.date | None, text: str) -> DateRange | None:
    """"last month", "this month", "earlier this year", "next week"."""
    for pattern, offset in _MONTH_PERIODS:
        if pattern.search(phrase):
            return _month_range(ref, offset, text)
    if _YEAR_PERIOD_RE.search(phrase):
        return _none(text, "year")
    if _WEEK_PERIOD_RE.search(phrase):
        return _none(text)
    return None


def _shifted(expression: str, ref: dt.date | None, tense: str) -> DateRange | None:
    """"two days after May 16", "the day before yesterday": a known day moved by days or weeks."""
    match = _SHIFT_RE.match(expression)
    if match is None:
        return None
    amount, unit, direction, rest = match.groups()
    anchor = resolve_date(rest, ref, tense)
    if anchor is None or anchor.granularity != "day":
        return None
    if anchor.start is None or anchor.end is None:
        return DateRange(None, None, expression, "day")
    days = (1 if amount is None else _count(amount.lower())) * (7 if unit.lower().startswith("week") else 1)
    if direction.lower() == "after":
        return _day(anchor.end, days, expression)
    return _day(anchor.start, -days, expression)


# --------------------------------------------------------------------------- entry point


def resolve_date(expression: str, reference: dt.date | None, tense: str = "past") -> DateRange | None:
    """Resolve a date expression against the document date.

    ``tense`` is the tense of the verb the date belongs to: ``"past"`` or ``"future"`` (anything
    else is neutral). It decides which Wednesday "on Wednesday" is (the nearest one on or before the
    reference in the past, on or after it in the future) and leans the choice of year for a day and
    month without one ("Dec 30" in a 2 January article is the previous year). Returns ``None`` when
    the expression holds no date at all.
    """
    if isinstance(reference, dt.datetime):
        reference = reference.date()
    direction = _tense(tense)
    shifted = _shifted(expression, reference, tense)
    if shifted is not None:
        return shifted
    toks = _tokenize(expression)
    phrase = _phrase(toks)
    found = (
        _explicit(toks, reference, direction, expression)
        or _relative_day(phrase, reference, expression)
        or _weekdays(toks, reference, direction, expression)
        or _period(phrase, reference, expression)
    )
    if found is not None:
        return found
    if any(t.kind == "decade" or t.low in _VAGUE for t in toks):
        return _none(expression)
    return None
