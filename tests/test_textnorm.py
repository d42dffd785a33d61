"""Normalisation: markup-only differences must give identical text, real edits must not."""

import unicodedata

import pytest

from monitor.text.normalize import normalize, paragraphs, word_count


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
