"""Hostile input: nothing crashes, hangs or eats memory; unreadable inputs are reported, not fatal.

Through the library and through the real command line (a subprocess). No timing asserts here:
``benchmarks/linearity.py`` measures growth. See ``docs/robustness.md`` for the table.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import claimcheck
from claimcheck import (
    DecodeError,
    FormatError,
    InputError,
    extract,
    iter_documents,
    load,
    make_document,
    parse_quantities,
)

GOOD = ("Published: 2023-10-12\n\nAt least 12 people were killed in the Marrow mine collapse on Monday, "
        "police said.\n")


def _cli(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "claimcheck", *args], capture_output=True, text=True,
                          input=None if stdin is None else stdin.decode("latin-1"), timeout=120)


def _no_traceback(result: subprocess.CompletedProcess[str]) -> None:
    assert "Traceback" not in result.stderr, result.stderr


# --- random text and bytes ----------------------------------------------------------------------

@settings(deadline=None, max_examples=40)
@given(st.text(max_size=400))
def test_random_text_never_crashes(text):
    document = make_document(text)
    claims = extract(document)
    assert all(0 <= c.quantity.start <= c.quantity.end <= len(document.text) for c in claims)
    parse_quantities(text)


@settings(deadline=None, max_examples=40)
@given(st.text(alphabet="0123456789 ,.-–%$£€x~<>=+morethanlessabout\n", max_size=300))
def test_number_soup_never_crashes(text):
    for quantity in parse_quantities(text):
        assert quantity.low is None or quantity.high is None or quantity.low <= quantity.high
    extract(make_document(text))


@settings(deadline=None, max_examples=40)
@given(st.binary(max_size=600))
def test_random_bytes_load_or_fail_cleanly(tmp_path_factory, data):
    path = tmp_path_factory.mktemp("bytes") / "blob.txt"
    path.write_bytes(data)
    try:
        documents = load(str(path))
    except InputError as exc:  # DecodeError (binary) or "empty"
        assert exc.reason
        return
    for document in documents:
        extract(document)


@settings(deadline=None, max_examples=25)
@given(st.binary(max_size=400))
def test_random_bytes_as_jsonl_are_recorded(tmp_path_factory, data):
    path = tmp_path_factory.mktemp("jsonl") / "blob.jsonl"
    path.write_bytes(data)
    documents = load(str(path), on_error="record")
    assert documents
    assert all(d.error or d.text for d in documents)


@pytest.mark.parametrize("blank", [b"\xa0", b" \n\t\n", "\u2028\u3000".encode()])
def test_jsonl_of_blank_lines_is_recorded_empty_regression(tmp_path: Path, blank: bytes):
    path = tmp_path / "blank.jsonl"
    path.write_bytes(blank)
    (document,) = load(str(path), on_error="record")
    assert document.error == "empty" and document.path == str(path)


def test_random_text_through_check():
    report = claimcheck.check([make_document("1" * 50 + " ... ¿?" * 30), make_document("\x0b\x0c\u2028" * 100)])
    assert len(report.documents) == 2


# --- adversarial sizes --------------------------------------------------------------------------

def test_a_line_of_a_million_digits():
    text = "1" * 10**6 + "\n"
    parse_quantities(text)
    extract(make_document(text))


def test_a_hundred_thousand_qualifiers():
    text = "more than " * 10**5 + "500 people were evacuated.\n"
    quantities = parse_quantities(text)
    assert [q.low for q in quantities if q.low is not None][-1:] == [500]
    extract(make_document(text))


def test_ten_thousand_deep_nested_html():
    page = "<html><body>" + "<div><span>" * 10**4 + "<p>At least 40 people died on Monday.</p>" + \
        "</span></div>" * 10**4 + "</body></html>"
    document = make_document(page, html=True)
    assert "At least 40 people died" in document.text
    extract(document)


def test_unclosed_nested_html():
    document = make_document("<div>" * 10**4 + "<p>Ten people died." + "<b" * 1000, html=True)
    extract(document)


def test_one_huge_sentence_without_full_stops():
    text = "At least 12 people were killed on Monday, police said, and " * 2000
    claims = extract(make_document(text))
    assert claims


# --- JSON Lines ---------------------------------------------------------------------------------

def test_one_bad_jsonl_line_among_good_ones(tmp_path: Path):
    good = json.dumps({"text": GOOD, "outlet": "A"})
    path = tmp_path / "corpus.jsonl"
    path.write_text("\n".join([good, '{"text": "truncated', good, "[1, 2]", '{"text": 5}', good]) + "\n",
                    encoding="utf-8")
    documents = load(str(path), on_error="record")
    readable = [d for d in documents if not d.error]
    broken = [d for d in documents if d.error]
    assert len(readable) == 3 and len(broken) == 3
    assert all(d.text == GOOD for d in readable)
    with pytest.raises(FormatError):
        load(str(path))


def test_partial_jsonl_last_line(tmp_path: Path):
    path = tmp_path / "partial.jsonl"
    path.write_text(json.dumps({"text": GOOD}) + '\n{"text": "cut off mid-', encoding="utf-8")
    documents = load(str(path), on_error="record")
    assert [bool(d.error) for d in documents] == [False, True]


# --- files that cannot be read ------------------------------------------------------------------

def test_binary_file(tmp_path: Path):
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 20)
    with pytest.raises(DecodeError):
        load(str(path))
    [document] = load(str(path), on_error="record")
    assert "binary" in document.error


@pytest.mark.parametrize("data", [codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE,
                                  " \n".encode("utf-16")])
def test_a_byte_order_mark_alone_is_empty_regression(tmp_path: Path, data: bytes):
    path = tmp_path / "mark.txt"  # found by benchmarks/fuzz.py: a document with neither text nor error
    path.write_bytes(data)
    with pytest.raises(InputError, match="empty"):
        load(str(path))
    [document] = load(str(path), on_error="record")
    assert document.error == "empty"


def test_empty_file(tmp_path: Path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    with pytest.raises(InputError):
        load(str(path))
    [document] = load(str(path), on_error="record")
    assert document.error


def test_missing_file():
    with pytest.raises(InputError):
        load("no/such/file.txt")


def test_unreadable_file_through_the_cli(tmp_path: Path):
    """chmod 000: exit 2, one line naming the file, the other input still reported. (Root reads
    anything: there the file is readable and the run succeeds; permission errors themselves are
    covered by test_permission_denied_is_reported_even_as_root.)"""
    locked = tmp_path / "locked.txt"
    locked.write_text(GOOD, encoding="utf-8")
    good = tmp_path / "good.txt"
    good.write_text(GOOD, encoding="utf-8")
    locked.chmod(0)
    try:
        blocked = not os.access(locked, os.R_OK)
        result = _cli("check", "--format", "json", str(locked), str(good))
        _no_traceback(result)
        assert len(json.loads(result.stdout)["documents"]) == 2
        assert result.returncode == (2 if blocked else 0)
        assert (str(locked) in result.stderr) == blocked
    finally:
        locked.chmod(0o644)


def test_file_over_the_size_limit(tmp_path: Path):
    path = tmp_path / "big.txt"
    path.write_text(GOOD * 100, encoding="utf-8")
    with pytest.raises(InputError):
        load(str(path), max_bytes=1000)
    [document] = load(str(path), on_error="record", max_bytes=1000)
    assert document.error and not document.text


def test_sparse_file_over_the_default_limit_is_refused_without_reading(tmp_path: Path):
    path = tmp_path / "sparse.txt"
    with open(path, "wb") as handle:
        handle.truncate(claimcheck._documents.MAX_BYTES + 1)  # sparse: no disk, no memory
    [document] = load(str(path), on_error="record")
    assert document.error
    result = _cli("check", "--format", "json", str(path))
    assert result.returncode == 2
    _no_traceback(result)


# --- the command line on a directory of junk ----------------------------------------------------

@pytest.fixture
def junk_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "junk"
    folder.mkdir()
    (folder / "a_good.txt").write_text(GOOD, encoding="utf-8")
    (folder / "b_binary.txt").write_bytes(bytes(range(256)) * 8)
    (folder / "c_empty.txt").write_bytes(b"")
    (folder / "d_broken.jsonl").write_text('{"text": \n', encoding="utf-8")
    (folder / "e_nul.html").write_bytes(b"<html>\x00\x00\x00" * 50)
    return folder


def test_cli_directory_of_junk(junk_dir: Path):
    result = _cli("check", "--format", "json", str(junk_dir))
    _no_traceback(result)
    assert result.returncode == 2
    report = json.loads(result.stdout)
    documents = report["documents"]
    by_name = {Path(d["path"]).name.split(":")[0]: d for d in documents}  # "x.jsonl:1"
    assert set(by_name) == {"a_good.txt", "b_binary.txt", "c_empty.txt", "d_broken.jsonl", "e_nul.html"}
    assert not by_name["a_good.txt"].get("error")
    bad = [name for name, d in by_name.items() if d.get("error")]
    assert sorted(bad) == ["b_binary.txt", "c_empty.txt", "d_broken.jsonl", "e_nul.html"]
    good_id = by_name["a_good.txt"]["id"]
    assert any(c["document"] == good_id for c in report["claims"])
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == len(bad)
    assert all(line.startswith("claimcheck: ") for line in lines)
    for name in bad:
        assert sum(name in line for line in lines) == 1


def test_cli_missing_file_and_good_file(tmp_path: Path):
    good = tmp_path / "good.txt"
    good.write_text(GOOD, encoding="utf-8")
    result = _cli("extract", "--format", "jsonl", str(good), str(tmp_path / "missing.txt"))
    _no_traceback(result)
    assert result.returncode == 2
    assert result.stdout.strip()  # the good file's claims
    assert "missing.txt" in result.stderr and "no such file" in result.stderr


def test_cli_binary_on_stdin():
    result = _cli("check", "-", stdin=b"\x00\x01\x02" * 100)
    _no_traceback(result)
    assert result.returncode == 2


def test_cli_hostile_text_on_stdin():
    result = _cli("check", "--format", "json", "-", stdin=("more than " * 10**4 + "5 died.\n").encode())
    _no_traceback(result)
    assert result.returncode == 0


# --- reports cannot attack their readers --------------------------------------------------------

def test_csv_cells_are_neutralised(tmp_path: Path):
    # The extractor keeps only words in subject, object and speaker, so "=cmd" never reaches
    # them; a figure written "-40" does reach the "figure" cell, as text.
    path = tmp_path / "formula.txt"
    path.write_text("Published: 2023-10-12\n\nPolice said -40 =cmd|'/C calc'!A0 workers were arrested at the "
                    "@SUM(A1) depot, +HYPERLINK(\"http://evil.example\") said.\n", encoding="utf-8")
    result = _cli("extract", "--format", "csv", str(path))
    _no_traceback(result)
    assert result.returncode == 0
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert rows and rows[0]["figure"] == "'-40"
    cells = [v for row in rows for v in row.values() if v]
    assert not [v for v in cells if v[:1] in ("=", "+", "-", "@") and not _is_number(v)]


@pytest.mark.parametrize("lead", ["=", "+", "-", "@", "\t", "\r"])
def test_csv_cell_guard(lead: str):
    from claimcheck._cli import _csv_cell

    assert _csv_cell(f"{lead}HYPERLINK(1)") == f"'{lead}HYPERLINK(1)"
    assert _csv_cell(-40.0) == -40.0


def _is_number(value: str) -> bool:
    try:
        float(value)
    except ValueError:
        return False
    return True


def test_json_report_escapes_control_characters(tmp_path: Path):
    path = tmp_path / "ctl.txt"
    path.write_text("Published: 2023-10-12\n\n\x1b[31mAt least 12 people\x1b[0m were killed on Monday.\n",
                    encoding="utf-8")
    result = _cli("check", "--format", "json", str(path))
    _no_traceback(result)
    assert "\x1b" not in result.stdout
    json.loads(result.stdout)



def test_malformed_jsonl_message_reads_cleanly(tmp_path: Path):
    path = tmp_path / "cut.jsonl"
    path.write_text('{"text": "cut\n', encoding="utf-8")
    [document] = load(str(path), on_error="record")
    assert document.error.startswith("malformed JSON: ") and " at at " not in document.error


def test_permission_denied_is_reported_even_as_root(tmp_path: Path, monkeypatch):
    path = tmp_path / "locked.txt"
    path.write_text(GOOD, encoding="utf-8")
    real_open = open

    def refusing_open(file, *args, **kwargs):
        if str(file) == str(path):
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr("builtins.open", refusing_open)
    [document] = load(str(path), on_error="record")
    assert document.error == "permission denied"


def test_long_grouped_numeral_is_not_read_as_zero():
    text = "1" + ",000" * 10 + " people died."
    assert all(q.low != 0 for q in parse_quantities(text))


def test_sentences_are_bounded():
    from claimcheck._sentences import MAX_SENTENCE

    text = "and 12 people were hurt, police said, " * 3000
    spans = claimcheck.split_sentences(text)
    assert spans and max(e - s for s, e in spans) <= MAX_SENTENCE
    assert "".join(text[s:e] for s, e in spans).replace(" ", "") == text.replace(" ", "")


# --- issue 18: markup the standard library's parser asserts on ----------------------------------

@pytest.mark.parametrize("page", ["<p><![a[", "<html<![T/", "<![ x", "<p><![if IE]>x<![endif]><![cdata[ y ]]>",
                                  "<p>At least 12 people died.</p><![a[ junk > <p>Ten more were hurt.</p>"])
def test_unknown_marked_section_is_read_past_regression(page: str):
    document = make_document(page, html=True)
    extract(document)
    if "Ten more" in page:
        assert "At least 12 people died." in document.text and "Ten more were hurt." in document.text


def test_text_file_that_looks_like_html_with_a_bad_marked_section_regression(tmp_path: Path):
    path = tmp_path / "page.txt"
    path.write_text("<p>At least 12 people died on Monday.<![a[\n", encoding="utf-8")
    [document] = load(str(path))
    assert "At least 12 people died on Monday." in document.text
    result = _cli("check", "--format", "json", str(path))
    _no_traceback(result)
    assert result.returncode == 0


def test_a_parser_assertion_keeps_the_text(monkeypatch):
    from claimcheck import _html

    def refuse(self, data):
        raise AssertionError("unexpected markup")

    monkeypatch.setattr(_html._Extractor, "feed", refuse)
    text, meta = _html.html_to_text("<p>At least 12 people &amp; <b>ten</b> dogs died.</p>")
    assert text == "At least 12 people & ten dogs died.\n" and meta["title"] is None


# --- issue 18: JSON Lines the json module refuses, and what it reads but output could not write ---

def _good_line(**fields: object) -> str:
    return json.dumps({"text": GOOD, **fields})


def _jsonl(tmp_path: Path, *lines: str, name: str = "corpus.jsonl") -> Path:
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_deep_and_huge_jsonl_lines_are_line_errors_regression(tmp_path: Path):
    path = _jsonl(tmp_path, _good_line(), "[" * 100_000, '{"text": "x", "n": ' + "7" * 5000 + "}",
                  '{"text": "x", "id": ' + "7" * 5000 + "}", _good_line(id="last"))
    for documents in (load(str(path), on_error="record"), list(iter_documents(str(path), on_error="record"))):
        assert [d.error is None for d in documents] == [True, False, False, False, True]
        assert documents[1].error == "malformed JSON: nested too deeply"
        assert all(d.error.startswith("malformed JSON: ") and "4300 digits" in d.error for d in documents[2:4])
    with pytest.raises(FormatError):
        load(str(path))
    for args in (("extract",), ("check", "--format", "json")):
        result = _cli(*args, str(path))
        _no_traceback(result)
        assert result.returncode == 2 and result.stderr.count("malformed JSON") == 3


def test_lone_surrogates_are_replaced_one_for_one_regression(tmp_path: Path):
    text = "At least 12 people \\ud800 were killed on Monday, police said \\udfff."
    path = _jsonl(tmp_path, f'{{"text": "{text}", "id": "a\\udc00", "outlet": "X\\ud83d"}}')
    [document] = load(str(path))
    assert document.text == json.loads(f'"{text}"').replace("\ud800", "\ufffd").replace("\udfff", "\ufffd")
    assert (document.id, document.outlet) == ("a\ufffd", "X\ufffd")
    claims = extract(document)
    assert claims and all(c.quantity.text == document.text[c.quantity.start : c.quantity.end] for c in claims)
    for args in (("extract",), ("extract", "--format", "json"), ("check", "--format", "json")):
        result = _cli(*args, str(path))
        _no_traceback(result)
        assert result.returncode == 0 and "12" in result.stdout


@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\x85"])
def test_unicode_line_separators_inside_jsonl_strings_regression(tmp_path: Path, separator: str):
    line = json.dumps({"text": f"At least 12 people{separator}were killed on Monday.", "id": "a"}, ensure_ascii=False)
    path = tmp_path / "sep.jsonl"
    path.write_text(_good_line() + "\r\n" + line + "\n", encoding="utf-8")
    for documents in (load(str(path)), list(iter_documents(str(path)))):
        assert [d.id for d in documents] == ["d1", "a"] and separator in documents[1].text


def _encoded_jsonl(tmp_path: Path, encoding: str) -> Path:
    path = tmp_path / "corpus.jsonl"
    lines = [json.dumps({"text": GOOD.replace("mine", "café mine"), "id": "a"}, ensure_ascii=False), _good_line()]
    path.write_bytes(("\n".join(lines) + "\n").encode(encoding))
    return path


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "latin-1", "cp1252", "utf-8-sig"])
def test_jsonl_is_decoded_alike_streamed_and_whole_regression(tmp_path: Path, encoding: str):
    path = _encoded_jsonl(tmp_path, encoding)
    assert list(iter_documents(str(path), on_error="record")) == load(str(path), on_error="record")
    assert "café" in load(str(path))[0].text


@pytest.mark.parametrize("encoding", ["utf-16", "latin-1"])
def test_extract_reads_the_jsonl_check_reads_regression(tmp_path: Path, encoding: str):
    path = _encoded_jsonl(tmp_path, encoding)
    streamed, whole = _cli("extract", str(path)), _cli("extract", "--format", "json", str(path))
    for result in (streamed, whole):
        _no_traceback(result)
        assert result.returncode == 0, result.stderr
    assert [json.loads(line) for line in streamed.stdout.splitlines()] == json.loads(whole.stdout)


# --- options outside their meaning ----------------------------------------------------------------

@pytest.mark.parametrize("tolerance", [float("nan"), float("inf"), -1.0, 1.0])
def test_a_tolerance_outside_its_range_is_an_option_error(tolerance):
    with pytest.raises(claimcheck.OptionError):
        parse_quantities("about 600 people", tolerance=tolerance)


@pytest.mark.parametrize(("option", "value"), [("--tolerance", "nan"), ("--tolerance", "-1"),
                                               ("--min-score", "2"), ("--min-score", "x")])
def test_the_command_refuses_an_option_outside_its_range(option, value):
    result = _cli("check", option, value, "-")
    assert result.returncode == 2 and option in result.stderr
    _no_traceback(result)


def test_a_lone_surrogate_in_a_claim_sentence_reaches_the_parse_regression():
    """A fuzz campaign found ``'\\udd26½'``: the parser's tokenizer cannot encode a lone surrogate."""
    document = make_document("\udd26 Of the 40 people \ud800 aboard, 12 died, police said.")
    claims = extract(document)
    assert [c.quantity.text for c in claims] == ["40", "12"]
    assert all(document.text[c.start:c.end] == c.quantity.text for c in claims)
