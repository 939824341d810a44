"""argparse's own error messages are translated."""

import pytest

from course.cli.parser import translate_argparse_error


@pytest.mark.parametrize("message, english", [
    ("the following arguments are required: SOURCE", "missing required arguments: SOURCE"),
    ("unrecognized arguments: --bogus", "unrecognised arguments: --bogus"),
    ("argument --model: invalid choice: 'x' (choose from 'two-layer', 'L-layer')",
     "argument --model: invalid choice 'x'; expected one of 'two-layer', 'L-layer'"),
    ("argument --out: expected one argument", "argument --out: expected a value"),
    ("argument --seed: invalid int value: 'q'", "argument --seed: invalid value 'q'"),
    ("something new", "something new"),
])
def test_english(message, english, lang):
    lang("en")
    assert translate_argparse_error(message) == english


def test_arabic_keeps_the_ltr_fragments_isolated(lang):
    lang("ar")
    text = translate_argparse_error("unrecognized arguments: --bogus")
    assert "\u2066--bogus\u2069" in text and "غير" in text
