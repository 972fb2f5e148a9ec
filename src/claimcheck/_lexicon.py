"""Lexicons: the vocabulary claimcheck reads news with, kept as data files in ``claimcheck/data``.

Every file is a table in one plain-text format, documented in its own header:

* ``#`` starts a comment line; blank lines are ignored.
* ``#! columns: a | b | c`` names the columns (once, before the first entry).
* Every other line is an entry whose cells are separated by ``|``; surrounding spaces are
  stripped, and missing trailing cells are empty strings.

A :class:`Lexicon` holds the tables by name (the file name without ``.txt``). Users extend it
with their own files, which add rows to the table of the same name::

    >>> lex = Lexicon.default()
    >>> "one" in {row["word"] for row in lex.table("number_words")}
    True
    >>> extra = lex.with_rows("events", [{"phrase": "stormed", "predicate": "enter"}])
    >>> extra.table("events")[-1]["phrase"]
    'stormed'

Stages compile what they need from a lexicon once and keep it in :meth:`Lexicon.compiled`.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Mapping
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

import attrs

from ._errors import LexiconError

__all__ = ["Lexicon", "read_table"]

Row = Mapping[str, str]
T = TypeVar("T")
_COLUMNS = "#! columns:"


def read_table(text: str, source: str = "<string>") -> tuple[Row, ...]:
    """Parse one lexicon table from its text.

    >>> read_table("#! columns: word | value\\n# a comment\\ntwo | 2\\n")
    ({'word': 'two', 'value': '2'},)

    Raises :class:`LexiconError` for an entry before the columns line, or one with too many cells.
    """
    columns: list[str] | None = None
    rows: list[Row] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if line.startswith(_COLUMNS):
            columns = [c.strip() for c in line[len(_COLUMNS):].split("|")]
            continue
        if not line or line.startswith("#"):
            continue
        if columns is None:
            raise LexiconError(source, number, "entry before the '#! columns:' line")
        cells = [c.strip() for c in line.split("|")]
        if len(cells) > len(columns):
            raise LexiconError(source, number, f"{len(cells)} cells, but {len(columns)} columns")
        cells += [""] * (len(columns) - len(cells))
        rows.append(dict(zip(columns, cells, strict=True)))
    return tuple(rows)


def _packaged_tables() -> dict[str, tuple[Row, ...]]:
    folder = resources.files("claimcheck") / "data"
    tables: dict[str, tuple[Row, ...]] = {}
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".txt"):
            name = entry.name[: -len(".txt")]
            tables[name] = read_table(entry.read_text(encoding="utf-8"), f"claimcheck/data/{entry.name}")
    return tables


@attrs.frozen(eq=False)
class Lexicon:
    """Named tables of vocabulary, immutable; ``with_*`` methods return extended copies."""

    tables: Mapping[str, tuple[Row, ...]]
    _cache: dict[str, Any] = attrs.field(factory=dict, repr=False, alias="_cache")
    _lock: threading.RLock = attrs.field(factory=threading.RLock, repr=False, alias="_lock")  # builds may nest

    @classmethod
    def default(cls) -> Lexicon:
        """The lexicon shipped with claimcheck (loaded once per process)."""
        global _DEFAULT
        if _DEFAULT is None:
            _DEFAULT = cls(_packaged_tables())
        return _DEFAULT

    def table(self, name: str) -> tuple[Row, ...]:
        """The rows of table ``name`` (empty if there is none)."""
        return self.tables.get(name, ())

    def with_rows(self, name: str, rows: Iterable[Row]) -> Lexicon:
        """A copy with ``rows`` appended to table ``name``."""
        merged = dict(self.tables)
        merged[name] = (*self.table(name), *(dict(r) for r in rows))
        return Lexicon(merged)

    def with_files(self, *paths: str | Path) -> Lexicon:
        """A copy extended by lexicon files; each adds rows to the table named like the file."""
        lexicon = self
        for path in map(Path, paths):
            try:
                text = path.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as exc:
                raise LexiconError(str(path), 0, f"cannot read: {exc}") from None
            lexicon = lexicon.with_rows(path.stem, read_table(text, str(path)))
        return lexicon

    def compiled(self, key: str, build: Callable[[Lexicon], T]) -> T:
        """What ``build`` makes of this lexicon, built once and kept under ``key``."""
        try:
            return self._cache[key]
        except KeyError:
            pass
        with self._lock:
            if key not in self._cache:
                self._cache[key] = build(self)
            return self._cache[key]


_DEFAULT: Lexicon | None = None
