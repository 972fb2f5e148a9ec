"""Fuzz campaign: hostile and news-like inputs through claimcheck, judged by its invariants.

    python benchmarks/fuzz.py                         # every family, a few hundred inputs each
    python benchmarks/fuzz.py --n 20000 --seed 7      # a long campaign
    python benchmarks/fuzz.py --families html,jsonl --save /tmp/fuzz-failures

Kept and run by hand; not a test (``tests/test_hostile.py`` pins what a campaign found). Each
family makes ``--n`` inputs (repetition a tenth of that, check pairs a quarter, the command
line one in 500) from a seeded random source, or from hypothesis for ``hypothesis``; each call
runs under a time limit. The
invariants: quantities' and claims' offsets slice their words (``claim.quantity.text ==
document.text[start:end]``); ``low <= high``; an exact figure has ``low == high``; no interval
is empty; text in never raises, and files in raise nothing but ``ClaimcheckError`` subclasses
(never with ``on_error="record"``); a JSON Lines file streams as it loads; a file in UTF-8 or
with a byte-order mark reads back as written; ``check`` gives the same relations when its
inputs are swapped and the same bytes when run again; the command line never shows a
traceback, exits 0 or 2, writes the same bytes under another hash seed, and its streamed and
whole ``extract`` agree. A failure is shrunk (delta debugging; hypothesis shrinks its own) and
printed with the summary table. Exits 1 when anything failed.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import claimcheck
from claimcheck import ClaimcheckError, Lexicon, extract, iter_documents, load, make_document, parse_quantities
from claimcheck._render import render_json
from claimcheck.testing import number_to_words

ROOT = Path(__file__).resolve().parent.parent
Part = str | bytes


# --- running one input ---------------------------------------------------------------------------

class InvariantError(Exception):
    """An invariant that does not hold; ``args[0]`` names it."""


class _Timeout(BaseException):
    """The call ran past the time limit (a BaseException, so no ``except Exception`` hides it)."""


@dataclass(frozen=True)
class Case:
    """One input: the parts a family runs on (shrunk one by one) and a file suffix where it writes one."""

    parts: tuple[Part, ...]
    suffix: str = ".txt"


@contextlib.contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise :class:`_Timeout` in the block after ``seconds`` (SIGALRM; checked between bytecodes)."""
    def expire(signum: int, frame: object) -> None:
        raise _Timeout

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def require(condition: bool, invariant: str) -> None:
    if not condition:
        raise InvariantError(invariant)


def signature(exc: BaseException) -> str:
    """What went wrong, the same for the same fault: the invariant, or the exception and where it rose."""
    if isinstance(exc, InvariantError):
        return f"invariant: {exc.args[0]}"
    if isinstance(exc, _Timeout):
        return "timeout"
    frames = traceback.extract_tb(exc.__traceback__)
    ours = [f for f in frames if "claimcheck" in f.filename and "fuzz.py" not in f.filename] or frames
    where = f"{Path(ours[-1].filename).name}:{ours[-1].lineno}" if ours else "?"
    return f"{type(exc).__name__} at {where}"


# --- invariants ----------------------------------------------------------------------------------

def check_interval(q: claimcheck.Quantity) -> None:
    if q.low is not None and q.high is not None:
        require(q.low <= q.high, "low <= high")
        require(q.low < q.high or (q.low_inclusive and q.high_inclusive), "no empty interval")
    if q.qualifier == "exact":
        require(q.low == q.high, "an exact figure has low == high")


def check_text(text: str, html: bool | None = None) -> claimcheck.Document:
    """Figures and claims of ``text`` keep every invariant; the document they were read from."""
    last = 0
    for q in parse_quantities(text):
        require(q.text == text[q.start : q.end], "a quantity's offsets slice its words")
        require(last <= q.start, "quantities in order, never overlapping")
        last = q.end
        check_interval(q)
    document = make_document(text, html=html)
    check_claims(document)
    return document


def check_claims(document: claimcheck.Document) -> None:
    for claim in extract(document):
        q = claim.quantity
        require(q.text == document.text[q.start : q.end], "claim.quantity.text == document.text[start:end]")
        check_interval(q)


def check_file(data: bytes, suffix: str, lossless: str | None = None) -> None:
    """A file of ``data``: loads (errors recorded, or raised as ClaimcheckError only), streams as it
    loads, and reads back as ``lossless`` when given."""
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "input" + suffix)
        with open(path, "wb") as handle:
            handle.write(data)
        documents = load(path, on_error="record")
        with contextlib.suppress(ClaimcheckError):
            load(path)
        if suffix in (".jsonl", ".ndjson"):
            require(list(iter_documents(path, on_error="record")) == documents, "a JSON Lines file streams as it loads")
    for document in documents:
        require(bool(document.error) != bool(document.text), "a document has text or an error")
        check_claims(document)
    if lossless is not None:
        require([d.text for d in documents] == [lossless], "UTF-8 or a byte-order mark reads back as written")


def _relations(report: claimcheck.Report) -> dict[frozenset, tuple[str, bool]]:
    def where(claim_id: str) -> tuple[str, int, int]:
        claim = report.claim(claim_id)
        return claim.document, claim.quantity.start, claim.quantity.end

    return {frozenset((where(link.a), where(link.b))): (link.relation, link.flag) for link in report.links}


def check_pair(a: str, b: str) -> None:
    documents = [make_document(a, id="a", outlet="Alpha"), make_document(b, id="b", outlet="Beta")]
    forward = claimcheck.check(documents)
    backward = claimcheck.check(documents[::-1])
    require(_relations(forward) == _relations(backward), "check gives the same relations with its inputs swapped")
    require(render_json(forward) == render_json(claimcheck.check(documents)), "check gives the same bytes again")


def _cli(args: list[str], seed: str) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    return subprocess.run([sys.executable, "-m", "claimcheck", *args], capture_output=True, env=env, timeout=120)


def check_cli(files: tuple[Part, ...]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        for k, data in enumerate(files):
            suffix = (".txt", ".html", ".jsonl")[k % 3]
            Path(folder, f"f{k}{suffix}").write_bytes(data if isinstance(data, bytes) else data.encode())
        runs = [_cli(["check", "--format", "json", folder], seed) for seed in ("0", "1")]
        streamed, whole = _cli(["extract", folder], "2"), _cli(["extract", "--format", "json", folder], "3")
    for run in (*runs, streamed, whole):
        require(b"Traceback" not in run.stderr, "the command line shows no traceback")
        require(run.returncode in (0, 2), "the command line exits 0 or 2")
        lines = run.stderr.decode(errors="replace").splitlines()
        require(all(line.startswith("claimcheck: ") for line in lines), "stderr: one 'claimcheck: ' line an input")
    require(runs[0].stdout == runs[1].stdout, "check writes the same bytes under another hash seed")
    json.loads(runs[0].stdout)
    rows = [json.loads(line) for line in streamed.stdout.splitlines()]
    require(rows == json.loads(whole.stdout), "extract streamed and whole give the same claims")


# --- generators ----------------------------------------------------------------------------------

class Material:
    """Words and sentences the generators draw on: the default lexicon and the seed articles."""

    def __init__(self) -> None:
        lex = Lexicon.default()
        self.before = [r["phrase"] for r in lex.table("qualifiers") if r["position"] == "before"]
        self.after = [r["phrase"] for r in lex.table("qualifiers") if r["position"] == "after"]
        self.multipliers = [r["form"] for r in lex.table("multipliers")]
        self.units = [r["form"] for r in lex.table("units")]
        self.vague = [r["phrase"] for r in lex.table("vague_quantities")]
        self.verbs = [r["phrase"].rstrip("+") for r in lex.table("events")]
        texts = [p.read_text(encoding="utf-8", errors="replace") for p in sorted((ROOT / "seeds").glob("*.txt"))]
        self.sentences = [t[s:e].strip() for t in texts for s, e in claimcheck.split_sentences(t) if t[s:e].strip()]


_SEPARATORS = (",", " ", "\u00a0", "\u202f", "\u2009", ".", "")
_NOUNS = ("people", "refugees", "North Koreans", "votes", "homes", "km", "per cent", "dollars", "cases", "")
_OPENERS = ("Officials said", "", "The toll rose from", "Between", "Police said", "Nearly", "from", "It cost")
_JOINERS = (" to ", "-", "–", " and ", " or ", " out of ", " in ", " ± ", " plus or minus ", "/", " x ")
_ODD = ("½", "¾", "⅓", "٣", "३", "３", "²", "−", "~", "≈", ">", "<", "=", "+", "%", "$", "£", "€", "¥", "'")
_FURNITURE = ("Home | World | Sport", "3 min read", "Published: 2023-10-12", "© 2024 Herald", "By Jane Doe",
              "Sunday, 23 June, 2002, 16:37 GMT", "Share this article", "12 Jan 24 | Business")


def number_form(rng: random.Random, m: Material) -> str:
    """A figure written some way news, tables or typos write one."""
    n = int(10 ** rng.uniform(0, rng.choice([3, 6, 12, 20])))
    style = rng.randrange(12)
    if style == 0:
        return f"{n:,}".replace(",", rng.choice(_SEPARATORS))
    if style == 1:
        return f"{rng.uniform(0, 10 ** rng.randint(0, 6)):.{rng.randint(0, 6)}f}".replace(".", rng.choice(".,"))
    if style == 2:
        mantissa = rng.choice([str(n), f"{rng.random():.{rng.randint(1, 12)}f}", f".{n}", "0.00001", "9" * 16])
        return mantissa + rng.choice(["e", "E", "e+", "e-", " x 10^", "×10^", "^", "x10"]) + str(rng.randint(0, 400))
    if style == 3:
        return f"{rng.randint(0, 99)}/{rng.randint(0, 99)}" + rng.choice(["", " " + str(rng.randint(1, 9))])
    if style == 4 and n < 10**12:
        return number_to_words(n, hyphen=rng.random() < 0.5, use_and=rng.random() < 0.5)
    if style == 5:
        return rng.choice(m.vague)
    if style == 6:
        return rng.choice(["0", "0.0", "zero", "-0", "nil", "none", "1e308", "1e-320", "5e-324", "9" * 41, "0" * 30])
    if style == 7:
        return rng.choice(["23 May 2002", "2002-09-11", "16:37 GMT", "5 p.m.", "1995-01", "2013-14", "5/17/2018",
                           "March 5, 2024", "3rd", "twenty-first", "1990s", "0200 GMT", "24/7", "9/11"])
    if style == 8:
        return "".join(rng.choice("0123456789.,-/ %") for _ in range(rng.randint(1, 24)))
    if style == 9:
        return rng.choice("-−") + str(n)
    return str(n)


def figure_phrase(rng: random.Random, m: Material) -> str:
    words = []
    if rng.random() < 0.5:
        words.append(rng.choice(m.before))
    if rng.random() < 0.2:
        words.append(rng.choice(["$", "£", "€", "US$", "Rs"]))
    words.append(number_form(rng, m))
    if rng.random() < 0.3:
        words[-1] += rng.choice(["", " "]) + rng.choice(m.multipliers)
    if rng.random() < 0.3:
        words.append(rng.choice(m.units))
    if rng.random() < 0.2:
        words.append(rng.choice(m.after))
    if rng.random() < 0.3:
        words[-1] += rng.choice(_JOINERS) + number_form(rng, m)
    if rng.random() < 0.1:
        words.insert(rng.randrange(len(words) + 1), rng.choice(_ODD))
    return " ".join(words)


def gen_numbers(rng: random.Random, m: Material) -> Case:
    phrase = figure_phrase(rng, m)
    return Case((f"{rng.choice(_OPENERS)} {phrase} {rng.choice(_NOUNS)} {rng.choice(m.verbs)} on Monday.",))


def news(rng: random.Random, m: Material, sentences: int = 6) -> str:
    """A few seed sentences, their figures and words mutated, among some site furniture."""
    picked = [rng.choice(m.sentences) for _ in range(rng.randint(1, sentences))]
    out = []
    for sentence in picked:
        words = sentence.split()
        for k, word in enumerate(words):
            if any(ch.isdigit() for ch in word) and rng.random() < 0.7:
                words[k] = number_form(rng, m)
            elif rng.random() < 0.03:
                words[k] = figure_phrase(rng, m)
        if rng.random() < 0.2 and words:
            words.insert(rng.randrange(len(words)), rng.choice(m.before) + " " + number_form(rng, m))
        out.append(" ".join(words))
        if rng.random() < 0.15:
            out.append(rng.choice(_FURNITURE))
    return rng.choice(["\n", " ", "\n\n"]).join(out) + rng.choice(["", "\n"])


def gen_sentences(rng: random.Random, m: Material) -> Case:
    return Case((news(rng, m),))


_TAGS = ("p", "div", "span", "article", "main", "script", "style", "nav", "title", "h1", "b", "a", "table",
         "tr", "td", "li", "header", "footer", "noscript", "svg", "pre", "br", "meta", "time", "textarea")
_MARKUP = ("<!-- c -->", "<!--", "<![CDATA[ 5 ]]>", "<![if IE]>", "<![endif]>", "<![a[", "<![T/", "<!DOCTYPE html>",
           "<?xml version='1.0'?>", "&amp;", "&#xd800;", "&#0;", "&#99999999;", "&nbsp", "&#x2028;", "<b", "</",
           "<!", "<![", "</p", "<p<![T/", "<a href='x>",
           "<meta content='2002-06-23' property='article:published_time'>",
           '<script type="application/ld+json">{"datePublished": "2002-06-23"}</script>', "<", ">", "&", "]]>")


def html_page(rng: random.Random, m: Material) -> str:
    out, stack = [], []
    for _ in range(rng.randint(1, 40)):
        roll = rng.random()
        if roll < 0.3:
            tag = rng.choice(_TAGS)
            attrs = rng.choice(["", ' class="x"', " id=a", ' content="12"', " x='", ' datetime="2002-06-23"'])
            out.append(f"<{rng.choice([tag, tag.upper()])}{attrs}>")
            stack.append(tag)
        elif roll < 0.5 and stack:
            out.append(f"</{stack.pop()}>")
        elif roll < 0.65:
            out.append(rng.choice(_MARKUP))
        else:
            out.append(news(rng, m, 2))
    page = "".join(out) + "".join(f"</{t}>" for t in reversed(stack) if rng.random() < 0.5)
    return page[: rng.randint(0, len(page))] if rng.random() < 0.2 else page


def gen_html(rng: random.Random, m: Material) -> Case:
    return Case((html_page(rng, m),))


def jsonl_line(rng: random.Random, m: Material) -> str:
    record: dict[str, object] = {"text": news(rng, m, 3)}
    for key in ("id", "title", "outlet", "published", "url"):
        if rng.random() < 0.3:
            record[key] = rng.choice(["a", 7, 7.5, None, [1], {"x": 1}, "2002-06-23", "x\udc00", "", -1, True])
    line = json.dumps(record, ensure_ascii=rng.random() < 0.5)
    roll = rng.randrange(14)
    if roll == 0:
        return line[: rng.randint(0, len(line))]
    if roll == 1:
        return "[" * rng.choice([10, 1000, 100_000])
    if roll == 2:
        return line[:-1] + ', "n": ' + "7" * rng.choice([4300, 4301, 5000]) + "}"
    if roll == 3:
        return line.replace(" ", rng.choice(["\\ud800", "\\udfff", "\\ud83d", "\\ud83d\\ude00"]), 1)
    if roll == 4:
        return line.replace(" ", rng.choice(["\u2028", "\u2029", "\x85", "\x0b", "\x1c", "\t", "\x00"]), 1)
    if roll == 5:
        return rng.choice(['{"text": 5}', "[1, 2]", "null", '"text"', '{"text": ""}', "NaN", '{"text": NaN}'])
    if roll == 6:
        return '{"id": ' + "9" * rng.randint(1, 4400) + ', "text": "At least 12 died."}'
    return line


def jsonl_bytes(rng: random.Random, m: Material) -> bytes:
    lines = [jsonl_line(rng, m) for _ in range(rng.randint(1, 6))]
    text = rng.choice(["\n", "\r\n", "\n\n"]).join(lines) + rng.choice(["", "\n"])
    encoding = rng.choice(["utf-8"] * 6 + ["utf-8-sig", "utf-16", "utf-16-le", "cp1252", "latin-1"])
    return text.encode(encoding, errors="replace" if encoding != "utf-8" else "surrogatepass")


def gen_jsonl(rng: random.Random, m: Material) -> Case:
    return Case((jsonl_bytes(rng, m),), rng.choice([".jsonl", ".ndjson"]))


_NON_ASCII = "café — “quoted” naïve Zürich 北京 Москва ₩5 €3 ½ "
_CODECS = ("utf-8", "utf-8-sig", "utf-16", "utf-32", "utf-16-le", "utf-16-be", "cp1252", "latin-1", "shift_jis",
           "koi8-r", "gb18030", "mac_roman", "cp437", "iso-8859-7")


def gen_encodings(rng: random.Random, m: Material) -> Case:
    text = news(rng, m, 4).replace(" ", " " + _NON_ASCII[rng.randrange(len(_NON_ASCII)) :][:6], 2)
    if rng.random() < 0.1:
        text = text.replace(".", "\u2028", 1)
    codec = rng.choice(_CODECS)
    data = text.encode(codec, errors="replace")
    if rng.random() < 0.2:
        data += text.encode(rng.choice(_CODECS), errors="ignore")  # two encodings in one file
    if rng.random() < 0.1:
        data = data[: rng.randint(0, len(data))]
    return Case((data,), rng.choice([".txt", ".txt", ".html", ".md", ""]))


def lossless(case: Case) -> str | None:
    """The text a UTF-8 or BOM-marked ``.txt`` must read back as, when the bytes say so."""
    data = case.parts[0]
    if case.suffix != ".txt" or not isinstance(data, bytes):
        return None
    marks = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe\x00\x00", "utf-32"), (b"\xff\xfe", "utf-16"),
             (b"\xfe\xff", "utf-16"))
    codec = next((name for bom, name in marks if data.startswith(bom)), "utf-8")
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:
        return None
    if codec == "utf-8" and _nul_pattern(data):
        return None  # reads as UTF-16 without a mark: not a lossless case
    plain = text.lstrip("\ufeff")
    clean = plain.strip() and not any(ord(c) < 32 and c not in "\n\r\t\f\v" for c in plain)
    return plain if clean else None


def _nul_pattern(data: bytes) -> bool:
    return b"\x00" in data[:4000]


def gen_bytes(rng: random.Random, m: Material) -> Case:
    size = rng.choice([0, 1, 3, 16, 200, 2000])
    roll = rng.randrange(4)
    if roll == 0:
        data = bytes(rng.randrange(256) for _ in range(size))
    elif roll == 1:
        data = bytes(rng.choice(b" etaoin12,.\n<>{}\"[]") if rng.random() < 0.9 else rng.randrange(256)
                     for _ in range(size))
    else:
        data = bytearray(news(rng, m, 3).encode())
        for _ in range(rng.randint(1, 8)):
            if data:
                data[rng.randrange(len(data))] = rng.randrange(256)
        data = bytes(data)
    return Case((data,), rng.choice([".txt", ".html", ".jsonl", ".md", "", ".htm"]))


_FRAGMENTS = ("more than ", "1,", "<div>", "[", "one hundred and ", "½", "—", "e5", "between 1 and ", "%", "$",
              "\n", "a", "9", "<![a[", "about ", ", ", " said police ", "twenty-", "1-", "(", "&amp;", "\u2028",
              "Home | ", "12 May ", "said ", "<p>", "0.")


def gen_repetition(rng: random.Random, m: Material) -> Case:
    fragment = rng.choice(_FRAGMENTS) * rng.randint(2, 3) if rng.random() < 0.2 else rng.choice(_FRAGMENTS)
    body = fragment * rng.choice([10, 100, 1000, 5000, 20000])
    return Case((body[:60000] + rng.choice(["", "500 people died.", " At least 12 people were killed."]),))


_WIDE = ((0x20, 0x7E), (0xA0, 0x24F), (0x300, 0x36F), (0x590, 0x6FF), (0x900, 0x97F), (0x2000, 0x206F),
         (0x2150, 0x218F), (0x3000, 0x30FF), (0xD800, 0xDFFF), (0xFF00, 0xFFEF), (0xFFF0, 0xFFFF),
         (0x1F300, 0x1FAFF), (0x0, 0x1F), (0x10FFF0, 0x10FFFF), (0x80, 0x9F))


def gen_unicode(rng: random.Random, m: Material) -> Case:
    chars = []
    for _ in range(rng.randint(0, 300)):
        if rng.random() < 0.3:
            chars.append(rng.choice(["12", " 5,000", "more than ", " people died. ", "½", "1.5e3"]))
        else:
            lo, hi = rng.choice(_WIDE)
            chars.append(chr(rng.randint(lo, hi)))
    return Case(("".join(chars),))


def gen_check(rng: random.Random, m: Material) -> Case:
    a = news(rng, m, 4)
    b = a if rng.random() < 0.3 else news(rng, m, 4) + " " + a[: rng.randint(0, len(a))]
    return Case((a, b))


def gen_cli(rng: random.Random, m: Material) -> Case:
    return Case((news(rng, m, 4), html_page(rng, m), jsonl_bytes(rng, m)))


def run_text(case: Case) -> None:
    check_text(str(case.parts[0]))


def run_html(case: Case) -> None:
    check_text(str(case.parts[0]), html=True)


def run_file(case: Case) -> None:
    data = case.parts[0]
    check_file(data if isinstance(data, bytes) else data.encode(), case.suffix, lossless(case))


def run_pair(case: Case) -> None:
    check_pair(str(case.parts[0]), str(case.parts[1]))


def run_cli(case: Case) -> None:
    check_cli(case.parts)


@dataclass(frozen=True)
class Family:
    name: str
    generate: Callable[[random.Random, Material], Case]
    run: Callable[[Case], None]
    share: float = 1.0  # of --n


FAMILIES = {f.name: f for f in (
    Family("numbers", gen_numbers, run_text),
    Family("sentences", gen_sentences, run_text),
    Family("html", gen_html, run_html),
    Family("jsonl", gen_jsonl, run_file),
    Family("encodings", gen_encodings, run_file),
    Family("bytes", gen_bytes, run_file),
    Family("repetition", gen_repetition, run_text, 0.1),
    Family("unicode", gen_unicode, run_text),
    Family("check", gen_check, run_pair, 0.25),
    Family("cli", gen_cli, run_cli, 0.002),
)}


# --- the campaign --------------------------------------------------------------------------------

@dataclass
class Found:
    """The first input that failed one way, how often that way failed, and the input shrunk."""

    case: Case
    count: int = 1
    shrunk: Case | None = None


@dataclass
class Tally:
    family: str
    inputs: int = 0
    seconds: float = 0.0
    slowest: float = 0.0
    failures: dict[str, Found] = field(default_factory=dict)


def probe(family: Family, case: Case, limit: float) -> str | None:
    """The signature of how ``case`` fails, or None when every invariant holds."""
    try:
        with time_limit(limit):
            family.run(case)
    except (Exception, _Timeout) as exc:  # every failure is recorded, none is fatal
        return signature(exc)
    return None


def shrink(family: Family, case: Case, sig: str, limit: float, budget: int = 300) -> Case:
    """Delta debugging, part by part: drop chunks of each part while the input fails the same way."""
    parts = list(case.parts)
    for k in range(len(parts)):
        chunks = 2
        while len(parts[k]) >= 2 and budget > 0:
            part, size = parts[k], max(1, len(parts[k]) // chunks)
            for start in range(0, len(part), size):
                budget -= 1
                trial = [*parts[:k], part[:start] + part[start + size :], *parts[k + 1 :]]
                if probe(family, Case(tuple(trial), case.suffix), limit) == sig:
                    parts, chunks = trial, max(2, chunks - 1)
                    break
            else:
                if size == 1:
                    break
                chunks = min(len(part), chunks * 2)
    return Case(tuple(parts), case.suffix)


def campaign(family: Family, n: int, seed: int, limit: float) -> Tally:
    tally = Tally(family.name)
    rng, material = random.Random(f"{seed}:{family.name}"), Material()
    for _ in range(n):
        case = family.generate(rng, material)
        started = time.perf_counter()
        sig = probe(family, case, limit)
        spent = time.perf_counter() - started
        tally.inputs, tally.seconds, tally.slowest = tally.inputs + 1, tally.seconds + spent, max(tally.slowest, spent)
        if sig is None:
            continue
        if sig in tally.failures:
            tally.failures[sig].count += 1
        else:
            tally.failures[sig] = Found(case)
    for sig, found in tally.failures.items():
        found.shrunk = shrink(family, found.case, sig, limit)
    return tally


def hypothesis_campaign(n: int, seed: int, limit: float) -> Tally:
    """Text from hypothesis over every code point (surrogates too), shrunk by hypothesis itself."""
    import hypothesis
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    tally, family = Tally("hypothesis"), Family("hypothesis", gen_unicode, run_text)
    alphabet = st.characters(codec=None, exclude_categories=())
    text = st.text(alphabet, max_size=400) | st.lists(st.sampled_from((*_FRAGMENTS, " 12 ", " people died. ")),
                                                      max_size=60).map("".join)
    last: dict[str, Case] = {}

    @settings(max_examples=n, deadline=None, database=None, report_multiple_bugs=False,
              suppress_health_check=list(HealthCheck))
    @given(text)
    def run(value: str) -> None:
        case = Case((value,))
        started = time.perf_counter()
        sig = probe(family, case, limit)
        spent = time.perf_counter() - started
        tally.inputs, tally.seconds, tally.slowest = tally.inputs + 1, tally.seconds + spent, max(tally.slowest, spent)
        if sig is not None:
            last[sig] = case  # the last failing input hypothesis tries is the one it shrank to
            raise InvariantError(sig)

    try:
        hypothesis.seed(seed)(run)()
    except InvariantError:
        pass
    except Exception as exc:  # hypothesis's own verdict (a flaky failure): recorded
        last.setdefault(f"hypothesis: {type(exc).__name__}", Case(("",)))
    for sig, case in last.items():
        tally.failures[sig] = Found(case, shrunk=case)
    return tally


def _row(tally: Tally) -> str:
    count = sum(f.count for f in tally.failures.values())
    return (f"{tally.family:<11} {tally.inputs:>8,} {count:>9,} {len(tally.failures):>9} "
            f"{tally.seconds:>9.1f} {tally.slowest * 1000:>9.0f}")


def report(tallies: list[Tally], save: str | None) -> int:
    print(f"{'family':<11} {'inputs':>8} {'failures':>9} {'distinct':>9} {'seconds':>9} {'max ms':>9}")
    for tally in tallies:
        print(_row(tally))
    total = Tally("total", sum(t.inputs for t in tallies), sum(t.seconds for t in tallies),
                  max((t.slowest for t in tallies), default=0.0))
    total.failures = {f"{t.family}: {s}": f for t in tallies for s, f in t.failures.items()}
    print(_row(total))
    for k, (sig, found) in enumerate(total.failures.items()):
        shown = found.shrunk or found.case
        print(f"\n[{k}] {sig} ({found.count}x)\n    shrunk{shown.suffix and ' ' + shown.suffix}: "
              + " | ".join(repr(p[:300]) for p in shown.parts))
        if save:
            Path(save).mkdir(parents=True, exist_ok=True)
            for j, part in enumerate(shown.parts):
                Path(save, f"{k}_{j}{shown.suffix or '.txt'}").write_bytes(part if isinstance(part, bytes)
                                                                            else part.encode("utf-8", "surrogatepass"))
    return 1 if total.failures else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=200, help="inputs per family (default %(default)s)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--families", default=",".join([*FAMILIES, "hypothesis"]),
                        help="comma-separated, of: " + ", ".join([*FAMILIES, "hypothesis"]))
    parser.add_argument("--time-limit", type=float, default=10.0, help="seconds a call may take (default 10)")
    parser.add_argument("--save", metavar="DIR", help="write each shrunk failing input here")
    args = parser.parse_args(argv)
    tallies = []
    for name in args.families.split(","):
        if name == "hypothesis":
            tallies.append(hypothesis_campaign(args.n, args.seed, args.time_limit))
        else:
            family = FAMILIES[name]
            tallies.append(campaign(family, max(1, round(args.n * family.share)), args.seed, args.time_limit))
        print(_row(tallies[-1]), file=sys.stderr, flush=True)
    return report(tallies, args.save)


if __name__ == "__main__":
    sys.exit(main())
