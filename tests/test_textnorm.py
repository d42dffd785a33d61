"""Normalisation: markup-only differences must give identical text, real edits must not."""

import unicodedata

import pytest

from monitor.text.normalize import fold_for_matching, normalize, paragraphs
from monitor.text.words import word_count


@pytest.mark.parametrize(
    "variant",
    [
        "Cambodia welcomes the communiqué",  # NFC
        "Cambodia welcomes the communique\u0301",  # NFD: e + combining acute
        "Cambodia\u00a0welcomes the communiqué",  # no-break space
        "Cambodia  welcomes\tthe\n communiqué ",  # runs of whitespace, line wrap
        "\u200bCambodia wel\u00adcomes the com\u00admu\u00adniqué\ufeff",  # soft hyphens, ZW
        "Cambodia\u2009welcomes\u202fthe\u3000communiqué",  # thin, narrow, ideographic spaces
        "Cambo\u200ddia wel\u200ccomes\u2060 the communiqué",  # joiners, word joiner
    ],
)
def test_markup_only_differences_normalise_to_the_same_text(variant):
    assert normalize(variant) == "Cambodia welcomes the communiqué"


def test_a_changed_word_stays_changed():
    assert normalize("Cambodia welcomes the communiqué") != normalize(
        "Cambodia regrets the communiqué"
    )


def test_khmer_word_separators_are_dropped_and_text_kept_nfc():
    khmer = "ការបោស\u200bសម្អាត\u200bមីន និង\u200bគ្រាប់\u200bមិន\u200bទាន់\u200bផ្ទុះ"
    result = normalize(khmer)
    assert result == "ការបោសសម្អាតមីន និងគ្រាប់មិនទាន់ផ្ទុះ"
    assert unicodedata.is_normalized("NFC", result)


def test_normalize_is_idempotent():
    text = " A\u00a0b\u00ad c\u0301\n\n d "
    assert normalize(normalize(text)) == normalize(text)


def test_paragraphs_split_on_line_breaks_and_drop_empty_ones():
    text = "First  paragraph.\r\n\r\n  \n\u00a0\nSecond\u00a0one.\u2028Third one.\n"
    assert paragraphs(text) == ("First paragraph.", "Second one.", "Third one.")


def test_paragraphs_of_blank_text_is_empty():
    assert paragraphs(" \n\u200b\n\u00a0\t\n") == ()


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Latest News", 2),
        ("Lexikon - M", 2),  # a lone dash is no word
        ("", 0),
        # Khmer, Thai and Myanmar write no spaces between words: counted by length
        ("សារអបអរសាទរទិវាជាតិនៃរដ្ឋស៊ុលតង់អូម៉ង់", 8),
        ("ព័ត៌មានថ្មីៗ", 2),
        ("ក្រសួងការបរទេស និងសហប្រតិបត្តិការអន្តរជាតិ", 8),
        ("กระทรวงการต่างประเทศ", 4),
        ("ဝန်ကြီးဌာန", 2),
    ],
)
def test_word_count_counts_unspaced_scripts_by_length(text, words):
    assert word_count(text) == words


@pytest.mark.parametrize(
    ("text", "by_spaces", "by_length"),
    [
        ("外交部发言人答记者问", 1, 2),  # ten letters
        ("河北：中国文化遗产日系列活动启动", 1, 2),
        ("繁體中文", 1, 1),
        ("ASEAN 峰会 2026", 3, 3),
        ("Cambodia – Japan | talks", 3, 3),  # the lone dash and bar are no words
    ],
)
def test_word_count_measures_chinese_and_japanese_only_when_asked(text, by_spaces, by_length):
    assert word_count(text) == by_spaces
    assert word_count(text, cjk=True) == by_length


def test_matching_fold_unifies_case_dashes_digits_and_invisible_characters():
    assert fold_for_matching("ASEAN\u2013UN  Plan\u00a0of Action (\u17e2\u17e0\u17e2\u17e1)") == (
        "asean-un plan of action (2021)"
    )
    assert fold_for_matching("de\u00admining \u0e52\u0e55\u0e56\u0e58 ក\u200bខ") == (
        "demining 2568 កខ"
    )


@pytest.mark.parametrize("mark", ["\u00ad", "\u200b", "\u200c", "\u200d", "\u200e", "\u200f",
                                  "\u2060", "\ufeff"])  # fmt: skip
def test_storage_and_matching_drop_the_same_invisible_characters(mark):
    assert normalize(f"Phnom{mark}Penh") == "PhnomPenh"
    assert fold_for_matching(f"Phnom{mark}Penh") == "phnompenh"
