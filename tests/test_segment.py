"""Segmentation: lines agree with str.splitlines(), fragments partition a line by script."""
from collections import Counter

import pytest

from dataset_builder.segment import CYRILLIC, LATIN, NONE, OTHER, script_of_char, script_of_text, split_fragments, split_lines


def pieces(text: str) -> list[tuple[str, str]]:
    return [(text[f.start:f.end], f.script) for f in split_fragments(text)]


def test_lines_match_splitlines_and_offsets_cover_text():
    text = "Headline\r\nFirst para.\n\nSecond\x0bthird\u2028last"
    lines = split_lines(text)
    assert [text[ln.start:ln.end] for ln in lines] == text.splitlines()
    assert lines[0].start == 0 and lines[-1].stop == len(text)
    assert all(a.stop == b.start for a, b in zip(lines, lines[1:]))
    assert [ln.number for ln in lines] == list(range(1, len(lines) + 1))


def test_empty_text_has_no_lines():
    assert split_lines("") == []


def test_russian_date_glued_to_tweet_attribution_is_split_after_the_space():
    assert pieces("— Anna Smith (@annasmith) 14 марта 2019 г.") == [
        ("— Anna Smith (@annasmith) ", LATIN), ("14 марта 2019 г.", CYRILLIC)]


def test_caption_credit_in_russian_keeps_label_with_latin():
    assert pieces("Photo: ТАСС") == [("Photo: ", LATIN), ("ТАСС", CYRILLIC)]


def test_neutral_runs_between_same_script_join():
    assert pieces("Kyiv, 12 May (Reuters) - talks resumed") == [("Kyiv, 12 May (Reuters) - talks resumed", LATIN)]


def test_fragments_partition_the_requested_range():
    text = "xx Все новости | English • Español 2024 yy"
    frags = split_fragments(text, 3, len(text) - 3)
    assert frags[0].start == 3 and frags[-1].end == len(text) - 3
    assert all(a.end == b.start for a, b in zip(frags, frags[1:]))
    assert [f.script for f in frags] == [CYRILLIC, LATIN]


def test_line_without_letters_is_one_neutral_fragment():
    assert pieces("12:45 | 2024-03-01") == [("12:45 | 2024-03-01", NONE)]


def test_scripts_of_characters():
    assert script_of_char("é") == LATIN
    assert script_of_char("ї") == CYRILLIC
    assert script_of_char("λ") == OTHER
    assert script_of_char("7") == NONE
    assert script_of_char("\u0301") == NONE  # a combining accent never splits a word
    assert script_of_text("Привет, world!!") == CYRILLIC
    assert script_of_text("2024") == NONE


@pytest.mark.parametrize("text,script", [
    ("Photo: ", LATIN), ("31 декабря 2018 г.", CYRILLIC), ("Ab Вг", CYRILLIC), ("Ελλάδα and Greece", LATIN),
    ("Ελλάδα ok", OTHER), ("x²", LATIN), ("Ёж ×÷ é", CYRILLIC), ("", NONE), ("  ", NONE),
])
def test_majority_script_of_a_fragment(text, script):
    assert script_of_text(text) == script


@pytest.mark.parametrize("text", ["Breaking news", "2018 - 12:45", "", "@user_1", "Привет, world", "café au lait",
                                  "Ура!", "`quoted`", "ΑΒΓ abc", "Київ — Kyiv"])
def test_script_of_text_agrees_with_a_per_character_count(text):
    counts = Counter(script_of_char(c) for c in text if script_of_char(c) != NONE)
    if not counts:
        expected = NONE
    elif counts[OTHER] > max(counts[CYRILLIC], counts[LATIN]):
        expected = OTHER
    else:
        expected = CYRILLIC if counts[CYRILLIC] >= counts[LATIN] else LATIN
    assert script_of_text(text) == expected  # the ASCII shortcut included


def test_combining_accent_stays_inside_the_cyrillic_word():
    assert pieces("приве\u0301т") == [("приве\u0301т", CYRILLIC)]
