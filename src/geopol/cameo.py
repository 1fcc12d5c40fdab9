"""The CAMEO event codes: names, Goldstein scores, quad classes and PLOVER types.

The table is read from ``cameo.tsv`` (the built-in one in ``geopol/data`` by
default); its format is described in ``docs/lexicons.md`` and its sources in
``geopol/data/SOURCES_cameo.md``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from types import MappingProxyType

__all__ = ["CameoCode", "CameoTable", "default_cameo_table", "quad_class_of_root"]

_COLUMNS = ("code", "root", "name", "goldstein", "quad_class", "plover", "plover_mode")
_CODE_RE = re.compile(r"^\d{2,4}$")


@dataclass(frozen=True)
class CameoCode:
    """One CAMEO event code.

    ``plover`` and ``plover_mode`` are empty strings where the PLOVER table gives
    none (the statement and appeal roots 01 and 02 are dropped by PLOVER; many
    codes have no PLOVER mode).
    """

    code: str
    root: str
    name: str
    goldstein: float
    quad_class: int
    plover: str
    plover_mode: str

    @property
    def is_root(self) -> bool:
        """True for the 2-digit cue categories (``"01"`` ... ``"20"``)."""
        return len(self.code) == 2


def quad_class_of_root(root: str) -> int:
    """The quad class of a CAMEO root: 1 verbal cooperation (01-05), 2 material
    cooperation (06-08), 3 verbal conflict (09-13), 4 material conflict (14-20)."""
    if not _CODE_RE.match(root):
        raise ValueError(f"not a CAMEO code: {root!r}")
    number = int(root[:2])
    if not 1 <= number <= 20:
        raise ValueError(f"CAMEO roots run from 01 to 20, got {root!r}")
    if number <= 5:
        return 1
    if number <= 8:
        return 2
    if number <= 13:
        return 3
    return 4


def _none_if_dash(value: str) -> str:
    return "" if value == "-" else value


def _parse_line(fields: list[str], where: str) -> CameoCode:
    if len(fields) != len(_COLUMNS):
        raise ValueError(f"{where}: expected {len(_COLUMNS)} tab-separated columns, got {len(fields)}")
    code, root, name, goldstein, quad, plover, mode = (f.strip() for f in fields)
    if not _CODE_RE.match(code):
        raise ValueError(f"{where}: bad CAMEO code {code!r}")
    if root != code[:2]:
        raise ValueError(f"{where}: root {root!r} does not match code {code!r}")
    if not name:
        raise ValueError(f"{where}: empty name for code {code!r}")
    try:
        score = float(goldstein)
    except ValueError:
        raise ValueError(f"{where}: bad Goldstein score {goldstein!r}") from None
    if not -10.0 <= score <= 10.0:
        raise ValueError(f"{where}: Goldstein score {score} outside -10..10")
    try:
        quad_class = int(quad)
    except ValueError:
        raise ValueError(f"{where}: bad quad class {quad!r}") from None
    if quad_class != quad_class_of_root(root):
        raise ValueError(f"{where}: quad class {quad_class} does not match root {root}")
    return CameoCode(
        code=code,
        root=root,
        name=name,
        goldstein=score,
        quad_class=quad_class,
        plover=_none_if_dash(plover),
        plover_mode=_none_if_dash(mode),
    )


class CameoTable:
    """An immutable table of CAMEO codes, keyed by code string (``"057"``)."""

    __slots__ = ("_by_code",)

    _by_code: Mapping[str, CameoCode]

    def __init__(self, codes: Iterable[CameoCode]) -> None:
        by_code: dict[str, CameoCode] = {}
        for entry in codes:
            if entry.code in by_code:
                raise ValueError(f"duplicate CAMEO code {entry.code!r}")
            by_code[entry.code] = entry
        object.__setattr__(self, "_by_code", MappingProxyType(by_code))

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError("CameoTable is immutable")

    def __delattr__(self, name: str) -> None:
        raise AttributeError("CameoTable is immutable")

    @classmethod
    def from_text(cls, text: str, source: str = "<cameo.tsv>") -> CameoTable:
        """Parse the text of a ``cameo.tsv`` file."""
        entries: list[CameoCode] = []
        for number, raw in enumerate(text.splitlines(), start=1):
            line = raw.rstrip("\r\n")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            entries.append(_parse_line(line.split("\t"), f"{source}:{number}"))
        return cls(entries)

    @classmethod
    def load(cls, path: Path | None = None) -> CameoTable:
        """Load a table from ``path``, or the built-in ``geopol/data/cameo.tsv``."""
        if path is None:
            text = (resources.files("geopol") / "data" / "cameo.tsv").read_text(encoding="utf-8")
            return cls.from_text(text, "geopol/data/cameo.tsv")
        return cls.from_text(path.read_text(encoding="utf-8"), str(path))

    def get(self, code: str) -> CameoCode:
        """The entry for ``code``; ``KeyError`` if the table has no such code."""
        try:
            return self._by_code[code]
        except KeyError:
            raise KeyError(
                f"unknown CAMEO code {code!r} (expected one of the {len(self)} codes of the table, "
                "such as '01', '042' or '1124')"
            ) from None

    def __contains__(self, code: object) -> bool:
        return isinstance(code, str) and code in self._by_code

    def __len__(self) -> int:
        return len(self._by_code)

    def __iter__(self) -> Iterator[CameoCode]:
        return iter(self._by_code.values())

    def codes(self) -> tuple[str, ...]:
        """All codes, in file order."""
        return tuple(self._by_code)

    def roots(self) -> tuple[str, ...]:
        """The 2-digit root codes present in the table, in file order."""
        return tuple(code for code in self._by_code if len(code) == 2)

    def root_name(self, root: str) -> str:
        """The name of a root (``"19"`` -> ``"FIGHT"``); a longer code is reduced to its root."""
        key = root[:2]
        if key not in self._by_code:
            raise KeyError(f"unknown CAMEO root {root!r}")
        return self._by_code[key].name

    def __repr__(self) -> str:
        return f"CameoTable({len(self)} codes)"


@lru_cache(maxsize=1)
def default_cameo_table() -> CameoTable:
    """The built-in table, loaded once."""
    return CameoTable.load()
