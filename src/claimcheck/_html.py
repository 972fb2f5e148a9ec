"""Article text from HTML with the standard library's parser: no markup, no scripts, no menus.

Block elements become line breaks and paragraphs blank lines; ``<script>``, ``<style>``,
``<nav>``, ``<header>``, ``<footer>``, ``<aside>``, ``<form>`` and the like are dropped. When the
page has an ``<article>`` (or ``<main>``) its text alone is kept. Title, publication date,
outlet and URL come from the usual meta tags. The parser is iterative: deeply nested or broken
markup cannot make it recurse or fail. A marked section it does not know (``<![a[``) is a bogus
comment, as browsers read it; should the parser still refuse some markup, the page's text is
kept with its tags stripped.
"""

from __future__ import annotations

import re
from html import unescape
from html.parser import HTMLParser

__all__ = ["html_to_text", "looks_like_html"]

_SKIP = frozenset("script style noscript template svg nav header footer aside form button select iframe head "
                  "figure-ad".split())
_BLOCK = frozenset("p div br li ul ol h1 h2 h3 h4 h5 h6 tr table section article main blockquote pre hr dt dd "
                   "figcaption caption title".split())
_PARAGRAPH = frozenset("p h1 h2 h3 h4 h5 h6 li blockquote section article figcaption table".split())
_LD_PUBLISHED = re.compile(r'"datePublished"\s*:\s*"(\d{4}-\d{2}-\d{2})')
_TAG = re.compile(r"<[^<>]*>")
_HTML_SNIFF = re.compile(r"^\s*(?:<!doctype html|<html|<head|<body|<article|<p[\s>]|<div[\s>])", re.IGNORECASE)


def looks_like_html(text: str) -> bool:
    """Whether a text starts like an HTML document or fragment."""
    return bool(_HTML_SNIFF.match(text[:2000]))


class _Extractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.article_parts: list[str] = []
        self.skip_depth = 0
        self.article_depth = 0
        self.meta: dict[str, str] = {}
        self.in_title = False
        self.title = ""
        self.first_h1: str | None = None
        self.h1: list[str] | None = None

    def parse_marked_section(self, i: int, report: int = 1) -> int:
        """'<![CDATA[...]]>', '<![if IE]>'; any other '<![' is a bogus comment (the standard
        library asserts on it)."""
        try:
            return super().parse_marked_section(i, report)
        except AssertionError:
            return self.parse_bogus_comment(i, report)

    def _emit(self, text: str) -> None:
        self.parts.append(text)
        if self.article_depth:
            self.article_parts.append(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        if tag == "meta":
            key = (values.get("property") or values.get("name") or values.get("itemprop") or "").lower()
            if key and "content" in values:
                self.meta.setdefault(key, values["content"])
            return
        if tag == "time" and values.get("datetime"):
            self.meta.setdefault("time", values["datetime"])
        if tag == "title":
            self.in_title = True
        elif tag in _BLOCK or tag == "body":
            self.in_title = False  # an unclosed <title> ends where the page's body begins
        if tag in _SKIP and tag != "head":
            self.skip_depth += 1
            return
        if tag in ("article", "main"):
            self.article_depth += 1
        if tag == "h1" and self.first_h1 is None:
            self.h1 = []
        if tag in _BLOCK and not self.skip_depth:
            self._emit("\n\n" if tag in _PARAGRAPH else "\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        if tag in _SKIP and tag != "head":
            self.skip_depth = max(0, self.skip_depth - 1)
            return
        if tag in ("article", "main"):
            self.article_depth = max(0, self.article_depth - 1)
        if tag == "h1" and self.h1 is not None:
            self.first_h1 = " ".join("".join(self.h1).split())
            self.h1 = None
        if tag in _BLOCK and not self.skip_depth:
            self._emit("\n\n" if tag in _PARAGRAPH else "\n")

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title += data
            return
        if self.skip_depth:
            date = _LD_PUBLISHED.search(data) if "datePublished" in data else None
            if date:
                self.meta.setdefault("datepublished", date.group(1))
            return
        if self.h1 is not None:
            self.h1.append(data)
        self._emit(data)


def _tidy(raw: str) -> str:
    lines = [" ".join(line.split()) for line in raw.replace("\r", "").split("\n")]
    text = "\n".join(lines)
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"


def html_to_text(html: str) -> tuple[str, dict[str, str | None]]:
    """The article text of an HTML page and the metadata its tags give.

    >>> text, meta = html_to_text("<html><head><title>T</title><script>x()</script></head>"
    ...                           "<body><nav>Home</nav><p>Ten &amp; more.</p></body></html>")
    >>> text, meta["title"]
    ('Ten & more.\\n', 'T')
    """
    parser = _Extractor()
    try:
        parser.feed(html)
        parser.close()
    except AssertionError:  # markup the standard library's parser refuses: keep the text
        return _tidy(unescape(_TAG.sub(" ", html))), {"title": None, "published": None, "outlet": None, "url": None}
    body = "".join(parser.article_parts) if parser.article_parts else "".join(parser.parts)
    meta = parser.meta
    published = (meta.get("article:published_time") or meta.get("datepublished") or meta.get("time")
                 or meta.get("date") or "")
    return _tidy(body), {
        "title": meta.get("og:title") or " ".join(parser.title.split()) or parser.first_h1 or None,
        "published": published[:10] if re.match(r"\d{4}-\d{2}-\d{2}", published) else None,
        "outlet": meta.get("og:site_name") or None,
        "url": meta.get("og:url") or None,
    }
