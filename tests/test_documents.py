"""The document stage: bytes in, Documents out — encodings, HTML, JSON Lines, junk, metadata
and site furniture of the seed articles."""

from __future__ import annotations

import codecs
import io
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimcheck import DecodeError, FormatError, InputError
from claimcheck._documents import decode, is_furniture, load, make_document

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
INPUTS = Path(__file__).resolve().parent / "data" / "inputs"

# Expectations copied from the seed gold: (title, published, outlet) per seed.
SEED_METADATA = {
    "000": ("China allows North Koreans to leave", "2002-06-23", "BBC News"),
    "001": ("30 N. Korean Asylum Seekers Allowed to Leave China", "2002-09-11", None),
    "002": ("N. Korean Asylum Seekers Break Into Embassy in China", "2002-03-14", None),
    "003": ("N Koreans storm Spanish embassy", "2002-03-14", "BBC News"),
    "004": ("‘Large number’ of North Korean defectors deported by China: South Korea", None, None),
}
# Page furniture that must be recognised as such.
SEED_FURNITURE = [
    ("000", "Sunday, 23 June, 2002, 16:37 GMT 17:37 UK"),
    ("000", "20 Jun 02\xa0|\xa0Asia-Pacific"),
    ("000", "25 May 02"),
    ("003", "Commonwealth Games 2002"),
    ("003", "Thursday, 14 March, 2002, 08:26 GMT"),
    ("003", "14 Mar 02"),
    ("003", "30 Jun 01"),
    ("004", "100% Font Size"),
    ("004", "3 min read"),
]
# Article content (claims, a fact box, a caption-like figure) that must stay outside furniture.
SEED_CONTENT = [
    ("000", "The first of 21 asylum-seekers entered the South Korean visa office on 23 May"),
    ("000", "a family of five"),
    ("001", "More than 30 North Korean asylum seekers have been allowed to leave China for South Korea"),
    ("002", "two dozen North Koreans burst into an embassy in Beijing"),
    ("003", "Twenty-five North Koreans have forced their way into the Spanish embassy"),
    ("003", "2001 - 583"),
    ("003", "1999 - 148"),
    ("004", "approximately 2,000 North Korean defectors are currently being held in China"),
]


@pytest.fixture(scope="module")
def seeds():
    documents = load(SEEDS)
    return {Path(d.path).name[:3]: d for d in documents}


@pytest.mark.parametrize("seed", sorted(SEED_METADATA))
def test_seed_metadata(seeds, seed):
    document = seeds[seed]
    assert (document.title, document.published, document.outlet) == SEED_METADATA[seed]
    assert document.encoding == "utf-8" and document.error is None


@pytest.mark.parametrize(("seed", "quote"), SEED_FURNITURE, ids=lambda v: str(v)[:30])
def test_seed_furniture_is_recognised(seeds, seed, quote):
    document = seeds[seed]
    start = document.text.find(quote)
    assert start >= 0
    end = start + len(quote)
    assert any(s.start <= start and end <= s.end for s in document.furniture)


@pytest.mark.parametrize(("seed", "quote"), SEED_CONTENT, ids=lambda v: str(v)[:30])
def test_seed_content_is_not_furniture(seeds, seed, quote):
    document = seeds[seed]
    start = document.text.find(quote)
    assert start >= 0
    assert not is_furniture(document, start, start + len(quote))


def test_seed_furniture_labels(seeds):
    labels = {seed: {s.label for s in d.furniture} for seed, d in seeds.items()}
    assert {"dateline", "link_list", "menu", "copyright"} <= labels["000"]
    assert {"dateline", "link_list"} <= labels["003"]
    assert "widget" in labels["004"]


def test_ids_paths_and_order(seeds):
    documents = load(sorted(SEEDS.iterdir()))
    assert [d.id for d in documents] == ["d1", "d2", "d3", "d4", "d5"]
    assert [Path(d.path).name[:3] for d in documents] == ["000", "001", "002", "003", "004"]


# --- encodings ---------------------------------------------------------------------------------

TEXT = "Officials said “about 40” people – aged 5 to 60 – were rescued in Málaga.\r\nNo one died.\n"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig"),
        (codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), "utf-16"),
        (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16"),
        (TEXT.encode("utf-16-le"), "utf-16-le"),
        (TEXT.encode("utf-16-be"), "utf-16-be"),
        (TEXT.encode("cp1252"), "cp1252"),
        (TEXT.encode("utf-8"), "utf-8"),
    ],
    ids=["utf8-bom", "utf16le-bom", "utf16be-bom", "utf16le", "utf16be", "cp1252", "utf8"],
)
def test_encodings_are_detected_and_newlines_kept(tmp_path, data, encoding):
    path = tmp_path / "article.txt"
    path.write_bytes(data)
    [document] = load(path)
    assert document.text == TEXT
    assert document.encoding == encoding


def test_latin1_never_crashes(tmp_path):
    path = tmp_path / "latin.txt"
    path.write_bytes("Le maire a dit que 12 élèves étaient blessés à Orléans.\n".encode("latin-1"))
    [document] = load(path)
    assert "élèves" in document.text and document.encoding


def test_binary_is_a_decode_error(tmp_path):
    path = tmp_path / "image.txt"
    path.write_bytes(bytes(range(256)) * 8)
    with pytest.raises(DecodeError, match="binary") as info:
        load(path)
    assert info.value.path == str(path)


def test_missing_file_is_an_input_error(tmp_path):
    missing = tmp_path / "nope.txt"
    with pytest.raises(InputError) as info:
        load(missing)
    assert info.value.path == str(missing) and info.value.reason == "no such file"
    assert isinstance(info.value, ValueError)


def test_empty_and_too_large(tmp_path):
    (tmp_path / "blank.txt").write_text("  \n\n ", encoding="utf-8")
    with pytest.raises(InputError, match="empty"):
        load(tmp_path / "blank.txt")
    (tmp_path / "big.txt").write_text("word " * 100, encoding="utf-8")
    with pytest.raises(InputError, match="too large"):
        load(tmp_path / "big.txt", max_bytes=50)


def test_directory_with_junk_in_record_mode(tmp_path):
    (tmp_path / "a_good.txt").write_text("Flood\n\nTen people died in the flood.\n", encoding="utf-8")
    (tmp_path / "b_binary.bin").write_bytes(b"\x00\x01\x02\xff" * 100)
    (tmp_path / "c_empty.txt").write_bytes(b"")
    (tmp_path / ".hidden.txt").write_text("Secret text.", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "d_nested.txt").write_text("Three boats sank.\n", encoding="utf-8")
    documents = load(tmp_path, on_error="record")
    assert [Path(d.path).name for d in documents] == ["a_good.txt", "b_binary.bin", "c_empty.txt", "d_nested.txt"]
    assert [d.id for d in documents] == ["d1", "d2", "d3", "d4"]
    assert [bool(d.error) for d in documents] == [False, True, True, False]
    assert "binary" in documents[1].error and documents[2].error == "empty"
    assert all("\n" not in (d.error or "") and (d.text == "" or not d.error) for d in documents)


def test_stdin(monkeypatch):
    fake = io.TextIOWrapper(io.BytesIO("Published: 12 October 2023\nStorm kills 4\n\nFour people died.\n"
                                       .encode("cp1252")))
    monkeypatch.setattr(sys, "stdin", fake)
    [document] = load("-")
    assert document.path == "-" and document.published == "2023-10-12"


def test_explicit_metadata_wins(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Headline here - 2002-09-11\n\nTwenty people were hurt.\n", encoding="utf-8")
    [document] = load(path, published="2003-01-01", outlet="Wire", title="Mine")
    assert (document.title, document.published, document.outlet) == ("Mine", "2003-01-01", "Wire")


# --- HTML -----------------------------------------------------------------------------------------

def test_html_article_text_and_metadata():
    [document] = load(INPUTS / "article.html")
    text = document.text
    assert "At least 20 people died & 300 were hurt on Monday" in text
    assert "Rescuers reached the town at dawn." in text.replace("\xa0", " ")
    for junk in ("99 people", "color", "World", "Most read", "<p>"):
        assert junk not in text
    assert (document.title, document.published, document.outlet) == ("Storm hits coast", "2024-03-05", "Coastal Times")
    assert "\n\n" in text  # paragraphs are blank-line separated


def test_html_is_sniffed_and_deep_nesting_does_not_crash():
    deep = "<html><body>" + "<div>" * 10_000 + "Forty people died." + "</div>" * 10_000 + "</body></html>"
    document = make_document(deep)
    assert document.text.strip() == "Forty people died."
    broken = make_document("<html><body><p>Five <b>hurt<p>Six <i>dead</body>")
    assert "Five" in broken.text and "Six" in broken.text


# --- JSON Lines -----------------------------------------------------------------------------------

def test_jsonl_metadata_blank_and_malformed_lines():
    documents = load(INPUTS / "wire.jsonl", on_error="record")
    assert [d.id for d in documents] == ["ap-1", "d2", "d3", "d4"]
    assert [d.path.rsplit(":", 1)[1] for d in documents] == ["1", "2", "4", "5"]
    first = documents[0]
    assert (first.title, first.published, first.outlet) == ("Miners rescued", "2024-01-02", "Wire")
    assert first.encoding == "utf-8"
    assert documents[1].url == "https://example.org/x"
    assert documents[2].error and "malformed" in documents[2].error and documents[2].text == ""
    assert documents[3].text == "Two boats sank near the coast."
    with pytest.raises(FormatError):
        load(INPUTS / "wire.jsonl")


def test_jsonl_ids_stay_unique(tmp_path):
    path = tmp_path / "dup.ndjson"
    path.write_text('{"id": "x", "text": "One."}\n{"id": "x", "text": "Two."}\n{"text": "Three."}\n',
                    encoding="utf-8")
    ids = [d.id for d in load(path)]
    assert len(set(ids)) == 3 and ids[0] == "x"


# --- metadata from plain text -----------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "published"),
    [
        ("Posted on Oct. 12, 2023\nFire at plant\n\nTwo died.", "2023-10-12"),
        ("Updated 3:14 PM EST, Tue March 5, 2024\nFire at plant\n\nTwo died.", "2024-03-05"),
        ("Published: 12 October 2023\nFire at plant\n\nTwo died.", "2023-10-12"),
        ("Fire at plant kills workers - 2002-09-11\n\nTwo died.", "2002-09-11"),
        ("Fire at plant\n2021-07-04T10:00:00Z\n\nTwo died.", "2021-07-04"),
        ("Fire at plant\nPage last updated at 16:37 GMT, Sunday, 23 June 2002 17:37 UK\n\nTwo died.", "2002-06-23"),
        ("Fire at plant\nMarch 5, 2024 / 3:14 PM / Updated 2 hours ago\n\nTwo died.", "2024-03-05"),
    ],
)
def test_published_from_datelines(text, published):
    document = make_document(text)
    assert document.published == published
    if " - " not in text:  # "Headline - date" is the headline, not a dateline
        dateline = next(line for line in text.split("\n") if line not in ("", "Fire at plant", "Two died."))
        assert [(text[s.start:s.end], s.label) for s in document.furniture] == [(dateline, "dateline")]


@pytest.mark.parametrize(
    ("text", "outlet"),
    [
        ("Fire at plant\n\nTwo people died in the fire on Monday, officials said.\n\n© 2023 Reuters", "Reuters"),
        ("Fire at plant\n\nTwo people died in the fire on Monday, officials said.\n\nCopyright The Guardian",
         "The Guardian"),
        ("BBC NEWS World Edition\nFire at plant\n\nTwo people died in the fire on Monday, officials said.",
         "BBC News"),
    ],
)
def test_outlet_where_the_page_names_itself(text, outlet):
    assert make_document(text).outlet == outlet


def test_widgets_and_link_lists_are_furniture():
    text = ("Home | World | Business | Sport\nYou are in: World: Asia\n"
            "Quake kills dozens\n3 min read\n\n"
            "At least 40 people died when the quake struck on Monday, officials said.\n\n"
            "Read more:\n12 Jan 24 | Asia\nAftershocks rattle city\n\nBack to top\n")
    document = make_document(text)
    for quote in ("Home | World", "You are in", "3 min read", "Read more", "12 Jan 24", "Aftershocks", "Back to top"):
        start = text.index(quote)
        assert is_furniture(document, start, start + len(quote)), quote
    start = text.index("At least 40")
    assert not is_furniture(document, start, start + 20)


def test_decode_doctest_companion():
    assert decode("naïve".encode())[0] == "naïve"


# --- properties -----------------------------------------------------------------------------------

@given(st.text(max_size=400))
def test_make_document_never_raises_and_furniture_is_sane(text):
    document = make_document(text)
    previous = 0
    for span in document.furniture:
        assert previous <= span.start < span.end <= len(document.text)
        previous = span.end


@given(st.lists(st.sampled_from(["<div>", "</div>", "<p>", "&amp;", "<script>", "x 5.", "\n", "<a href='", "'>"]),
                max_size=60))
def test_html_soup_never_raises(parts):
    document = make_document("<html>" + "".join(parts), html=True)
    assert all(0 <= s.start < s.end <= len(document.text) for s in document.furniture)


def test_html_json_ld_date_and_unclosed_title():
    page = ('<html><head><script type="application/ld+json">{"datePublished": "2023-10-12T08:00"}</script>'
            "<title>Storm kills ten<body><p>Ten people died on Monday.</p></body></html>")
    document = make_document(page)
    assert (document.title, document.published) == ("Storm kills ten", "2023-10-12")
    assert document.text == "Ten people died on Monday.\n"


def test_bylines_are_furniture_but_sentences_starting_with_by_are_not():
    text = ("Ferry sinks off the coast\nBy Jane Doe, Seoul\n\n"
            "By Monday, 20 people had died.\n\nBy the time rescuers arrived, ten had drowned.\n")
    document = make_document(text)
    assert [(text[s.start:s.end], s.label) for s in document.furniture] == [("By Jane Doe, Seoul", "byline")]
    assert document.title == "Ferry sinks off the coast"


def test_empty_directory_and_empty_jsonl_text_are_recorded(tmp_path):
    (tmp_path / "empty_dir").mkdir()
    (tmp_path / "a.jsonl").write_text('{"text": "  "}\n{"text": "Ten died."}\n', encoding="utf-8")
    documents = load([tmp_path / "empty_dir", tmp_path / "a.jsonl"], on_error="record")
    assert [(d.id, d.error) for d in documents] == [
        ("d1", "a directory with no files to read"), ("d2", "empty"), ("d3", None)]
    assert documents[1].path.endswith("a.jsonl:1")


@pytest.mark.parametrize(
    ("head", "title", "menu"),
    [
        ("Ferry Sinks Off Coast", "Ferry Sinks Off Coast", []),
        ("Home\nWorld\n\nAsia\nFerry Sinks Off Coast", "Ferry Sinks Off Coast", ["Home", "World", "Asia"]),
        ("Mining | 2024-02-19T07:45:00Z\n\nRescuers race to reach miners", "Rescuers race to reach miners", []),
    ],
)
def test_a_title_case_headline_is_no_menu(head, title, menu):
    document = make_document(f"{head}\n\nTen people died when the ferry sank off the coast on Monday, officials said.")
    assert document.title == title
    assert [document.text[s.start:s.end] for s in document.furniture if s.label == "menu"] == menu


def test_link_list_header_above_the_headline_does_not_swallow_it():
    text = ("Home | News | Sport\nRelated Topics\nFerry sinks off the coast\nPublished 12 March 2024\n\n"
            "Ten people died when the ferry sank off the coast on Monday, officials said.\n\n"
            "See also:\n12 Mar 24 | Asia\nFerry toll rises\n\n"
            "The captain was arrested on Tuesday, police said in a statement to reporters.\n")
    document = make_document(text)
    assert (document.title, document.published) == ("Ferry sinks off the coast", "2024-03-12")
    assert [text[s.start:s.end] for s in document.furniture if s.label == "link_list"] == [
        "Related Topics", "See also:", "12 Mar 24 | Asia", "Ferry toll rises"]


def test_a_dateline_opening_the_lead_dates_the_page_and_stays_text():
    text = "Fire at plant\n\nLUNDEN, Nov. 4, 2019 – Two workers died in a fire at a chemical plant, officials said."
    document = make_document(text)
    assert document.published == "2019-11-04"
    assert not document.furniture
    later = make_document("Fire at plant\n\nTwo workers died in a fire, the worst since Nov. 4, 2019 – officials said.")
    assert later.published is None  # a date inside the sentence is no dateline
