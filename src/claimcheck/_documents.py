"""Reading articles: bytes or text in, :class:`Document` out.

Plain text in any common encoding, HTML (the article's text, not its markup), JSON Lines
corpora, directories and standard input. Offsets everywhere refer to ``Document.text``: the
text exactly as decoded (or, for HTML, as extracted). Metadata missing from the input is
looked for in the text: the headline, the publication date from the dateline, the outlet where
the page names itself. Site furniture — menus, link lists, widgets, copyright and dateline
lines — is marked as ``Document.furniture`` so that no claim is taken from it.
"""

from __future__ import annotations

import codecs
import json
import os
import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from ._errors import DecodeError, FormatError, InputError
from ._html import html_to_text, looks_like_html
from ._lexicon import Lexicon
from ._records import Document, Span

__all__ = ["MAX_BYTES", "decode", "is_furniture", "load", "make_document", "utf8_encoding"]

MAX_BYTES = 64 * 2**20
_TEXT_SUFFIXES = {".txt", ".text", ".md", ".html", ".htm", ".xhtml", ".jsonl", ".ndjson", ""}
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


# --- decoding -------------------------------------------------------------------------------

def _utf16_without_bom(data: bytes) -> str | None:
    sample = data[:4000]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    if odd > len(sample) * 0.3 and even < len(sample) * 0.05:
        return "utf-16-le"
    if even > len(sample) * 0.3 and odd < len(sample) * 0.05:
        return "utf-16-be"
    return None


def _is_binary(text: str) -> bool:
    sample = text[:8000]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t\f\v")
    return "\x00" in sample or controls > len(sample) * 0.05


def decode(data: bytes, path: str = "<bytes>") -> tuple[str, str]:
    """The text in ``data`` and the encoding it was read with.

    Tries, in order: a byte-order mark, UTF-8, BOM-less UTF-16, then cp1252 (news pages saved
    on Windows) and charset-normalizer's best guess. Raises :class:`DecodeError` for binary data.

    >>> decode("café".encode("cp1252"))
    ('café', 'cp1252')
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            text = data.decode(encoding, errors="replace")
            return text.lstrip("\ufeff"), encoding
    guesses: list[str] = ["utf-8"]
    utf16 = _utf16_without_bom(data)
    if utf16:
        guesses.insert(0, utf16)
    guesses.append("cp1252")
    for encoding in guesses:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _is_binary(text):
            raise DecodeError(path, "binary file, not text")
        return text, encoding
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    text, encoding = (str(best), best.encoding) if best is not None else (data.decode("latin-1"), "latin-1")
    if _is_binary(text):
        raise DecodeError(path, "binary file, not text")
    return text, encoding


def utf8_encoding(path: str) -> str | None:
    """``"utf-8"`` or ``"utf-8-sig"`` when :func:`decode` would read the file at ``path`` as UTF-8
    (checked in one pass over the bytes, in flat memory); ``None`` when it would read another
    encoding, find it binary, or the file cannot be opened."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(4 * 8000)
            if head.startswith(codecs.BOM_UTF8):
                return "utf-8-sig"
            if any(head.startswith(bom) for bom, _ in _BOMS) or _utf16_without_bom(head):
                return None
            decoder = codecs.getincrementaldecoder("utf-8")()
            if _is_binary(decoder.decode(head)):
                return None
            for chunk in iter(lambda: handle.read(1 << 20), b""):
                decoder.decode(chunk)
            decoder.decode(b"", final=True)
    except (OSError, UnicodeDecodeError):
        return None
    return "utf-8"


# --- lines and furniture ----------------------------------------------------------------------

_LINE = re.compile(r"[^\n]*\n?")
_SURROGATE = re.compile("[\ud800-\udfff]")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’.-]*")
_DATED_LINK = re.compile(r"\s*\d{1,2} [A-Z][a-z]{2} \d{2}\s*\|")
_TIME = re.compile(r"\b\d{1,2}[:.]\d{2}\b|\b\d{1,2} ?[ap]\.?m\.?\b", re.IGNORECASE)
_ISO = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")
_DAY_MONTH_YEAR = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?,? ([A-Z][a-z]{2,8})\.?,? (\d{4})\b")
_MONTH_DAY_YEAR = re.compile(r"\b([A-Z][a-z]{2,8})\.? (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})\b")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_DATELINE_WORDS = frozenset(
    "gmt utc bst est edt et pt pst cet cest ist jst kst uk am pm a.m p.m published updated posted modified first "
    "last page on at by date time ago day days hour hours hr hrs minute minutes min mins".split())
_ISO_STAMP = re.compile(r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?)?")
_SHORT = "short"  # a short Title Case line: a menu item or a heading, decided by its neighbours
_STOP_WORDS = frozenset("a an the of and or to in on at for by with from as is are was were".split())


def _headline_date(line: str) -> tuple[str, str] | None:
    """('Headline', '2002-09-11') from a line 'Headline - 2002-09-11' (linear: no regex backtracking)."""
    stripped = line.strip()
    date, rest = stripped[-10:], stripped[:-10]
    if not _ISO_DATE.fullmatch(date) or not rest[-1:].isspace():
        return None
    rest = rest.rstrip()
    if rest[-1:] not in ("-", "–", "|") or not rest[-2:-1].isspace():
        return None
    head = rest[:-1].strip()
    return (head, date) if len(head) >= 8 else None


def _lines(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, content) of every line, ``end`` before the line break."""
    for match in _LINE.finditer(text):
        if match.start() == match.end():
            break
        line = match.group().rstrip("\r\n")
        yield match.start(), match.start() + len(line), line


def _compile_furniture(lexicon: Lexicon) -> tuple[dict[str, str], list[tuple[str, str]]]:
    exact: dict[str, str] = {}
    prefixes: list[tuple[str, str]] = []
    for row in lexicon.table("furniture"):
        pattern = row["pattern"]
        if pattern.endswith("*"):
            prefixes.append((pattern[:-1].strip(), row["label"]))
        else:
            exact[pattern] = row["label"]
    return exact, prefixes


def _shape(line: str) -> str:
    """A line reduced for furniture patterns: lower case, numbers as '{n}', end colon dropped."""
    reduced = re.sub(r"\d+(?:[.,]\d+)*", "{n}", line.strip().lower().replace(":", " ").strip())
    return re.sub(r"\s+", " ", reduced)


def _lexicon_label(line: str, lexicon: Lexicon) -> str | None:
    exact, prefixes = lexicon.compiled("documents.furniture", _compile_furniture)
    shape = _shape(line)
    if not shape:
        return None
    if shape in exact:
        return exact[shape]
    for candidate in (shape.replace("{n}%", "{n} %"), shape.replace("{n} %", "{n}%")):
        if candidate in exact:
            return exact[candidate]
    for prefix, label in prefixes:
        if shape.startswith(prefix) and (label != "byline" or _names_follow(line, prefix)):
            return label
    return None


def _names_follow(line: str, prefix: str) -> bool:
    """Whether ``line`` after its first words (``prefix``) reads as names: "By Jane Doe, Seoul"."""
    words = line.split(None, len(prefix.split()))
    if len(words) <= len(prefix.split()):
        return False
    rest = words[-1]
    names = re.split(r",| and | in ", rest)[0].strip()
    return (not line.rstrip().endswith((".", "!", "?")) and 1 <= len(names.split()) <= 4
            and len(line.split()) <= 14 and all(w[:1].isupper() for w in names.split()))


def _words(line: str) -> list[str]:
    return _WORD.findall(line)


def _is_title_case(line: str) -> bool:
    words = _words(line)
    content = [w for w in words if w.lower() not in _STOP_WORDS]
    return bool(content) and all(w[0].isupper() for w in content)


def _is_prose(line: str) -> bool:
    """Running text: a sentence or more, not a label, headline or menu."""
    stripped = line.strip()
    words = stripped.split()
    return (len(words) >= 8 and stripped[-1:] in ".!?\"”’'") or len(words) >= 18


def _is_dateline(line: str, months: frozenset[str]) -> bool:
    stripped = line.strip()
    if not stripped or len(stripped) > 90 or not (_date_in(stripped, months) or _TIME.search(stripped)):
        return False
    if "|" in stripped:  # "World | 2024-02-19T07:45:00Z": a section name beside the date
        parts = [p.strip() for p in stripped.split("|") if p.strip()]
        return len(parts) <= 3 and any(_is_dateline(p, months) for p in parts) and all(
            _is_dateline(p, months) or (len(p.split()) <= 3 and _is_title_case(p)) for p in parts)
    rest = [w.lower().rstrip(".,:|") for w in _words(_TIME.sub(" ", _ISO_STAMP.sub(" ", stripped)))]
    return all(w in months or w in _DATELINE_WORDS or w.rstrip("s") in months for w in rest if w)


def _is_menu(line: str) -> bool:
    stripped = line.strip()
    if stripped.count("|") >= 2 or (stripped.count("|") == 1 and " > " in stripped):
        return True
    if stripped.count("|") == 1 and not stripped.endswith((".", "?", "!")):
        head, tail = (part.strip() for part in stripped.split("|"))
        if head and tail and _is_title_case(tail) and len(tail.split()) >= 2 and len(head.split()) <= 5:
            return True
    if stripped.count(" > ") >= 2 and not _is_prose(stripped):
        return True
    words = stripped.split()
    return len(words) >= 8 and _is_title_case(stripped) and not stripped.endswith((".", "?", "!"))


def _months(lexicon: Lexicon) -> frozenset[str]:
    words = {row["word"] for row in lexicon.table("calendar")}
    return frozenset(words)


def find_furniture(text: str, lexicon: Lexicon | None = None) -> tuple[Span, ...]:
    """Spans of site furniture in a page's text, line by line (see ``data/furniture.txt``).

    >>> text = "Home | World | Sport\\nStorm hits coast\\n3 min read\\nAt least 20 people died on Monday.\\n"
    >>> [(text[s.start:s.end], s.label) for s in find_furniture(text)]
    [('Home | World | Sport', 'menu'), ('3 min read', 'widget')]
    """
    lexicon = lexicon or Lexicon.default()
    months = lexicon.compiled("documents.months", _months)
    lines = list(_lines(text))
    first_prose = next((k for k, (_, _, line) in enumerate(lines) if _is_prose(line)), len(lines))
    labelled: list[tuple[int, int, str | None]] = []  # (start, end, label) of every non-blank line
    in_list = False
    for k, (start, _, line) in enumerate(lines):
        stripped = line.strip()
        if not stripped:
            continue
        label = _line_label(stripped, lexicon, months, before_article=k < first_prose)
        if label == "link_list":
            # Before the article a list header stands alone: the headline may follow it directly.
            in_list = k > first_prose
        elif in_list and _is_prose(stripped) and not _DATED_LINK.match(stripped):
            in_list = False
        if in_list and label in (None, _SHORT):
            label = "link_list"
        offset = len(line) - len(line.lstrip())
        labelled.append((start + offset, start + offset + len(stripped), label))
    _resolve_short_lines(text, labelled)
    return tuple(Span(s, e, label) for s, e, label in labelled if label)


def _resolve_short_lines(text: str, labelled: list[tuple[int, int, str | None]]) -> None:
    """Short Title Case lines before the article are a menu when they come in a run (other
    furniture may sit between them); a lone one is a heading, and a run's last line that is
    longer than all the others is the headline below the menu."""
    k = 0
    while k < len(labelled):
        if labelled[k][2] != _SHORT:
            k += 1
            continue
        group = k
        while group < len(labelled) and labelled[group][2] is not None:
            group += 1
        short = [j for j in range(k, group) if labelled[j][2] == _SHORT]
        words = {j: len(text[labelled[j][0]:labelled[j][1]].split()) for j in short}
        last = short[-1]
        others = [words[j] for j in short[:-1]]
        headline = words[last] >= 3 and (not others or words[last] > max(others))
        for j in short:
            keep = group - k > 1 and not (j == last and headline)
            labelled[j] = (labelled[j][0], labelled[j][1], "menu" if keep else None)
        k = group


def _line_label(line: str, lexicon: Lexicon, months: frozenset[str], before_article: bool) -> str | None:
    label = _lexicon_label(line, lexicon)
    if label:
        return label
    if line.startswith("©") or line.lower().startswith("(c) "):
        return "copyright"
    if _DATED_LINK.match(line):
        return "link_list"
    if _headline_date(line):
        return None
    if _is_dateline(line, months):
        return "dateline"
    if _is_menu(line):
        return "menu"
    words = line.split()
    if before_article and len(words) <= 4 and _is_title_case(line) and not line.endswith((".", "?", "!", ":")):
        return _SHORT
    return None


def is_furniture(document: Document, start: int, end: int) -> bool:
    """Whether ``[start, end)`` overlaps the document's site furniture.

    >>> doc = make_document("Quake hits city\\n3 min read\\n\\nAt least 40 people died on Monday.\\n")
    >>> is_furniture(doc, 16, 26), is_furniture(doc, 28, 39)
    (True, False)
    """
    return any(span.start < end and start < span.end for span in document.furniture)


# --- metadata ---------------------------------------------------------------------------------

def _date_in(line: str, months: frozenset[str]) -> str | None:
    """An ISO date written in ``line`` (ISO, "23 June, 2002", "March 5, 2024"), if any."""
    from ._timeref import month_number

    match = _ISO.search(line)
    if match:
        return match.group()
    for pattern, (d, m, y) in ((_DAY_MONTH_YEAR, (1, 2, 3)), (_MONTH_DAY_YEAR, (2, 1, 3))):
        for found in pattern.finditer(line):
            month = month_number(found.group(m))
            if month and found.group(m).lower() in months:
                day = int(found.group(d))
                if 1 <= day <= 31:
                    return f"{found.group(y)}-{month:02d}-{day:02d}"
    return None


_LEAD_DATELINE = re.compile(r"\s*([^\n]{3,80}?)\s+[–—-]{1,2}\s")


def _find_published(text: str, furniture: tuple[Span, ...], lexicon: Lexicon) -> str | None:
    months = lexicon.compiled("documents.months", _months)
    lists = [s for s in furniture if s.label == "link_list"]
    for start, _, line in list(_lines(text))[:40]:
        if any(s.start <= start < s.end for s in lists):
            continue
        if _is_prose(line):
            lead = _LEAD_DATELINE.match(line)  # "WASHINGTON, Nov. 15, 2013 – Countries around..."
            capitalised = lead and all(word[:1].isupper() or not word[:1].isalpha() for word in lead.group(1).split())
            found = _date_in(lead.group(1), months) if capitalised else None
            if found:
                return found
            continue
        headline = _headline_date(line)
        if headline:
            return headline[1]
        found = _date_in(line, months)
        if found:
            return found
    return None


def _find_title(text: str, furniture: tuple[Span, ...]) -> str | None:
    furniture_starts = {s.start for s in furniture}
    after_dateline = False
    for start, _, line in list(_lines(text))[:60]:
        stripped = line.strip()
        begin = start + len(line) - len(line.lstrip())
        if not stripped:
            continue
        headline = _headline_date(stripped)
        if headline:
            return headline[0]
        if begin in furniture_starts:
            label = next(s.label for s in furniture if s.start == begin)
            after_dateline = after_dateline or label == "dateline"
            continue
        if _is_prose(stripped) or (stripped.endswith(".") and len(stripped.split()) >= 5):
            return None  # running text, or a sentence: headlines do not end with a full stop
        if len(stripped.split()) >= 3 or after_dateline:
            return stripped
    return None


def _outlets(lexicon: Lexicon) -> list[tuple[re.Pattern[str], str]]:
    rows = sorted(lexicon.table("outlets"), key=lambda r: -len(r["name"]))
    return [(re.compile(r"(?<![\w])" + re.escape(r["name"]) + r"(?![\w])", re.IGNORECASE), r["outlet"])
            for r in rows]


def _title_case(name: str) -> str:
    """'THE NATIONAL HERALD' -> 'The National Herald' (names already in mixed case stay)."""
    if not name.isupper():
        return name
    words = name.lower().split()
    return " ".join(w if k and w in _STOP_WORDS else w.capitalize() for k, w in enumerate(words))


def _masthead(first: str, months: frozenset[str]) -> str | None:
    """The outlet in a first line such as "Name | Home | World" or "Name > News > Migration"."""
    for separator in ("|", " > "):
        if separator in first:
            head, tail = first.split(separator, 1)
            head, tail = head.strip(), tail.strip()
            words = head.split()
            if (1 <= len(words) <= 5 and _is_title_case(head) and head.lower() not in {"home", "news"}
                    and tail and not _date_in(tail, months) and not _ISO.search(tail) and not head.startswith("<")):
                return _title_case(head)
    return None


def _copyright_name(line: str) -> str | None:
    name = re.sub(r"^(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:\d{4}\s*)?", "", line.strip(), flags=re.IGNORECASE)
    name = re.split(r"\s[-–—|]\s|[.^]|\ball rights reserved", name, flags=re.IGNORECASE)[0].strip(" ,")
    name = re.sub(r"\s*\d{4}$", "", name)
    return _title_case(name) if 1 <= len(name.split()) <= 5 else None


def _find_outlet(text: str, furniture: tuple[Span, ...], lexicon: Lexicon) -> str | None:
    lines = list(_lines(text))
    copyrights = [text[s.start:s.end] for s in furniture if s.label == "copyright"]
    candidates = [line for _, _, line in lines[:6] if not _is_prose(line)] + copyrights
    for line in candidates:
        for pattern, outlet in lexicon.compiled("documents.outlets", _outlets):
            if pattern.search(line):
                return outlet
    for line in copyrights:
        name = _copyright_name(line)
        if name:
            return name
    first = next((line for _, _, line in lines if line.strip()), "")
    return _masthead(first, lexicon.compiled("documents.months", _months))


def _split_site_name(title: str | None) -> tuple[str | None, str | None]:
    """'Headline – Site Name' -> ('Headline', 'Site Name'), for page titles that carry the site."""
    if not title:
        return title, None
    for separator in (" – ", " — ", " | ", " - "):
        if separator in title:
            head, tail = title.rsplit(separator, 1)
            if 1 <= len(tail.split()) <= 4 and _is_title_case(tail) and len(head.split()) >= 3:
                return head.strip(), tail.strip()
    return title, None


# --- documents --------------------------------------------------------------------------------

def make_document(
    text: str,
    *,
    id: str = "d1",
    path: str | None = None,
    title: str | None = None,
    published: str | None = None,
    outlet: str | None = None,
    url: str | None = None,
    html: bool | None = None,
    encoding: str | None = None,
    lexicon: Lexicon | None = None,
) -> Document:
    """A :class:`Document` from article text (or HTML), with metadata and furniture found.

    Explicit metadata wins over what is found in the text.

    >>> doc = make_document("Sunday, 23 June, 2002, 16:37 GMT\\nChina allows North Koreans to leave\\n"
    ...                     "Twenty-three North Koreans have now left China, officials said today.\\n")
    >>> doc.title, doc.published
    ('China allows North Koreans to leave', '2002-06-23')
    """
    lexicon = lexicon or Lexicon.default()
    found: dict[str, str | None] = {}
    if html or (html is None and looks_like_html(text)):
        text, found = html_to_text(text)
        found["title"], site = _split_site_name(found.get("title"))
        found["outlet"] = found.get("outlet") or site
    furniture = find_furniture(text, lexicon)
    return Document(
        id=id, text=text, path=path,
        title=title or found.get("title") or _find_title(text, furniture),
        published=published or found.get("published") or _find_published(text, furniture, lexicon),
        outlet=outlet or found.get("outlet") or _find_outlet(text, furniture, lexicon),
        url=url or found.get("url"), encoding=encoding, furniture=furniture)


def _read_bytes(path: str, max_bytes: int) -> bytes:
    if path == "-":
        data = sys.stdin.buffer.read(max_bytes + 1)
    else:
        try:
            size = os.path.getsize(path)
            if size > max_bytes:
                raise InputError(path, f"too large ({size:,} bytes; the limit is {max_bytes:,})")
            with open(path, "rb") as handle:
                data = handle.read(max_bytes + 1)
        except FileNotFoundError:
            raise InputError(path, "no such file") from None
        except IsADirectoryError:
            raise InputError(path, "a directory with no files to read") from None
        except PermissionError:
            raise InputError(path, "permission denied") from None
        except OSError as exc:
            raise InputError(path, exc.strerror or "cannot be read") from None
    if len(data) > max_bytes:
        raise InputError(path, f"too large (the limit is {max_bytes:,} bytes)")
    if not data.strip():
        raise InputError(path, "empty")
    return data


def _expand(paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]]) -> list[str]:
    if isinstance(paths, str | os.PathLike):
        paths = [paths]
    out: list[str] = []
    for item in paths:
        path = os.fspath(item)
        if path != "-" and os.path.isdir(path):
            before = len(out)
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                out.extend(os.path.join(root, f) for f in sorted(files) if not f.startswith("."))
            if len(out) == before:
                out.append(path)  # still one (error) document for this input
        else:
            out.append(path)
    return out


def _jsonl_documents(path: str, text: str, meta: dict, lexicon: Lexicon,
                     encoding: str | None = None) -> Iterator[Document | InputError]:
    """One document (or error) per non-blank line; lines end at ``\n`` only (JSON strings may
    hold U+2028, U+2029 and U+0085)."""
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        record = _json_record(where, line)
        if isinstance(record, InputError):
            yield record
            continue
        if not record["text"].strip():
            yield InputError(where, "empty")
            continue
        given = {k: record.get(k) if isinstance(record.get(k), str) else None
                 for k in ("title", "published", "outlet", "url")}
        fields = {k: meta.get(k) or given[k] for k in given}
        given_id = record.get("id")
        document = make_document(record["text"], path=where, lexicon=lexicon, encoding=encoding, **fields,
                                 id=str(given_id) if isinstance(given_id, str | int) else "")
        yield document


def _json_record(where: str, line: str) -> dict | FormatError:
    """The JSON object on one line, its strings free of lone surrogates, or why it cannot be read."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        return FormatError(where, f"malformed JSON: {exc.msg} (column {exc.colno})")
    except RecursionError:
        return FormatError(where, "malformed JSON: nested too deeply")
    except ValueError:  # the json module's only other refusal: an integer past Python's digit limit
        return FormatError(where, f"malformed JSON: an integer of more than {sys.get_int_max_str_digits()} digits")
    if not isinstance(record, dict) or not isinstance(record.get("text"), str):
        return FormatError(where, 'each line must be a JSON object with a "text" string')
    return {key: _without_surrogates(value) for key, value in record.items()}


def _without_surrogates(value: object) -> object:
    """A string with each lone surrogate ('\\ud800', which no output encoding can write) replaced
    by U+FFFD, one code point for one: offsets into it stay those of the text as given."""
    return _SURROGATE.sub("\ufffd", value) if isinstance(value, str) else value


def _with_id(document: Document, new_id: str) -> Document:
    import attrs

    return attrs.evolve(document, id=new_id)


def _read(path: str, meta: dict, max_bytes: int, lexicon: Lexicon) -> Iterator[Document | InputError]:
    try:
        data = _read_bytes(path, max_bytes)
        text, encoding = decode(data, path)
        if not text.strip():  # a byte-order mark alone, or white space in UTF-16
            raise InputError(path, "empty")
    except InputError as exc:
        yield exc
        return
    suffix = Path(path).suffix.lower()
    if suffix in {".jsonl", ".ndjson"}:
        found = False
        for item in _jsonl_documents(path, text, meta, lexicon, encoding):
            found = True
            yield item
        if not found:  # only blank lines (white space of any kind): the file is empty, not lost
            yield InputError(path, "empty")
        return
    html = True if suffix in {".html", ".htm", ".xhtml"} else None
    yield make_document(text, id="", path=path, html=html, encoding=encoding, lexicon=lexicon, **meta)


def load(
    paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
    *,
    on_error: str = "raise",
    published: str | None = None,
    outlet: str | None = None,
    title: str | None = None,
    max_bytes: int = MAX_BYTES,
    lexicon: Lexicon | None = None,
) -> list[Document]:
    """Documents from files, directories (recursive, sorted) or ``"-"`` (standard input).

    Every input yields at least one document, in input order, with ids ``d1``, ``d2``...
    (a JSON Lines ``id`` is kept). With ``on_error="record"`` an unreadable input becomes a
    document with ``error`` set and no text; with ``"raise"`` it raises :class:`InputError`
    (or its subclasses :class:`DecodeError`, :class:`FormatError`). Explicit metadata given
    here (or in a JSON Lines record) wins over what is found in the text. Linear in the input.

    >>> [doc] = load("no/such/file.txt", on_error="record")
    >>> doc.id, doc.text, doc.error
    ('d1', '', 'no such file')
    """
    if on_error not in {"raise", "record"}:
        raise ValueError("on_error must be 'raise' or 'record'")
    lexicon = lexicon or Lexicon.default()
    meta = {k: v for k, v in {"published": published, "outlet": outlet, "title": title}.items() if v}
    items = (item for path in _expand(paths) for item in _read(path, meta, max_bytes, lexicon))
    return list(numbered(items, on_error))


def numbered(items: Iterable[Document | InputError], on_error: str) -> Iterator[Document]:
    """Documents with unique ids (``d1``, ``d2``... unless the input gave one) in input order;
    an unreadable input raises (``on_error="raise"``) or becomes a document with its error."""
    used: set[str] = set()
    for count, found in enumerate(items, start=1):
        if isinstance(found, InputError):
            if on_error == "raise":
                raise found
            found = Document(id="", text="", path=found.path, error=found.reason)
        new_id = found.id or f"d{count}"
        while new_id in used:
            new_id = f"{new_id}_"
        used.add(new_id)
        yield _with_id(found, new_id)
