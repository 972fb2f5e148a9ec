"""Sentence splitting: abbreviations, decimals, quotes, line structure, and furniture skipped."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimcheck._documents import load, make_document
from claimcheck._sentences import document_sentences, split_sentences

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text)]


@pytest.mark.parametrize(
    "text",
    [
        "About 30 N. Korean asylum seekers left China on Wednesday.",
        "Ms. Kang and Mr. Lee met Dr. Park at 9 a.m. on Monday.",
        "The U.S. and the U.N. said 1.5 million people fled.",
        "Talks resumed on Jan. 5 at No. 5 St. James Place.",
        "The novel by J. K. Rowling sold 500 million copies.",
        "The meeting ended at 4 p.m. on Monday.",
    ],
)
def test_abbreviations_and_decimals_do_not_end_sentences(text):
    assert sentences(text) == [text]


def test_quotes_stay_in_their_sentence():
    text = 'Seven crossed on Monday. "They have all left China," she said. Two stayed.'
    assert sentences(text) == ["Seven crossed on Monday.", '"They have all left China," she said.', "Two stayed."]


def test_question_exclamation_and_closing_quote():
    text = 'Why did 5 die? Nobody knows! He said "it was 10." Then he left.'
    assert sentences(text) == ["Why did 5 die?", "Nobody knows!", 'He said "it was 10."', "Then he left."]


def test_non_breaking_spaces():
    text = "Twenty\xa0people died.\xa0Ten were hurt."
    assert sentences(text) == ["Twenty\xa0people died.", "Ten were hurt."]


def test_blank_line_always_ends_a_sentence():
    assert sentences("Rescue under way\n\nbut 12 are missing") == ["Rescue under way", "but 12 are missing"]


def test_hard_wrapped_lines_are_joined():
    text = "At least 38 North Koreans fleeing starvation have\nbeen allowed by China to leave.\nNext one."
    assert sentences(text) == [text[: text.index("Next") - 1], "Next one."]


def test_heading_and_fact_box_rows_are_sentences_of_their_own():
    text = "Defection rates\n2001 - 583\n2000 - 312\n1999 - 148\nSource: NIS\n\nThe figures rose."
    assert sentences(text) == ["Defection rates", "2001 - 583", "2000 - 312", "1999 - 148", "Source: NIS",
                               "The figures rose."]


def test_window_offsets_refer_to_the_whole_text():
    text = "Skip this. Take this one. And this."
    start = text.index("Take")
    assert [text[s:e] for s, e in split_sentences(text, start, len(text))] == ["Take this one.", "And this."]


def test_seed_sentences_skip_furniture():
    for document in load(SEEDS):
        spans = document_sentences(document)
        assert spans
        for s, e in spans:
            assert not any(f.start < e and s < f.end for f in document.furniture)


def test_seed_claim_sentence_is_whole():
    [document] = [d for d in load(SEEDS) if Path(d.path).name.startswith("000")]
    found = [document.text[s:e] for s, e in document_sentences(document)]
    assert any(text.startswith("Twenty-three North Koreans") and text.endswith(".") for text in found)


def test_long_input_is_fine():
    text = "Mr. Smith said 5 people died. " * 20_000
    assert len(split_sentences(text)) == 20_000


# --- properties -------------------------------------------------------------------------------------

_PIECES = st.sampled_from(["Mr.", "U.S.", "5", "1.5", "people", "died", ".", "!", "?", '"', "\n", "\n\n",
                           " ", "\xa0", "Ten", "said", "p.m.", "A.", "|", "Home", "© 2002 BBC"])


@given(st.one_of(st.text(max_size=300), st.lists(_PIECES, max_size=80).map(" ".join)))
def test_sentences_are_ordered_trimmed_and_deterministic(text):
    spans = split_sentences(text)
    assert spans == split_sentences(text)
    previous = 0
    for s, e in spans:
        assert previous <= s < e <= len(text)
        assert not text[s].isspace() and not text[e - 1].isspace()
        previous = e


@given(st.lists(_PIECES, max_size=80).map(" ".join))
def test_document_sentences_never_contain_furniture(text):
    document = make_document(text)
    previous = 0
    for s, e in document_sentences(document):
        assert previous <= s < e <= len(text)
        assert not any(f.start < e and s < f.end for f in document.furniture)
        previous = e


@pytest.mark.parametrize("text", ["." * 30_000, "Headline " + " " * 30_000 + "x", ". " * 30_000, "?!" * 15_000])
def test_long_runs_of_marks_or_spaces_do_not_backtrack(text):
    # These took tens of seconds when the end-of-sentence and headline-date patterns backtracked.
    document = make_document(text)
    assert all(0 <= s < e <= len(text) for s, e in document_sentences(document))


def test_wrapped_line_ending_in_an_abbreviation_runs_on():
    text = ("The delegation, which had travelled from Seoul overnight, was met by Mr.\n"
            "Kang and officials of the U.N. refugee agency at the border on Monday.\nThen it left.")
    assert sentences(text) == [text[: text.index("\nThen")], "Then it left."]


def test_caption_lines_of_unwrapped_text_stay_apart():
    paragraph = "Twenty-five North Koreans have forced their way into the Spanish embassy in Beijing. " * 2
    text = f"The group celebrates as they manage to get into the Spanish compound\nGuards look on\n{paragraph}"
    assert sentences(text)[:2] == ["The group celebrates as they manage to get into the Spanish compound",
                                   "Guards look on"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The quake struck at 4 a.m. Rescuers arrived at dawn.",
         ["The quake struck at 4 a.m.", "Rescuers arrived at dawn."]),
        ("He moved to the U.S. The family followed.", ["He moved to the U.S.", "The family followed."]),
        ("The U.S. Embassy said 5 died.", ["The U.S. Embassy said 5 died."]),
        ("Mr. The is a rare name.", ["Mr. The is a rare name."]),
    ],
)
def test_abbreviation_that_closes_a_sentence(text, expected):
    assert sentences(text) == expected
