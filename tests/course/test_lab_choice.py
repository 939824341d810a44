"""course.lab_choice: the learning-rate lab's choice file, written with comments, read strictly."""

import re

import pytest

from course.cli.output import texts
from course.lab_choice import (EXAMPLE_RATE, SAVE_EXAMPLE, TOML_EXAMPLE, ChoiceError,
                               ChoiceMissing, MAX_BYTES, choice_text, default_path, parse_choice,
                               rates_text, read_choice, write_choice)
from grader.lab import lab_units, load_lab

LAB = load_lab("c1w4")


@pytest.mark.parametrize("unit_id", lab_units())
def test_the_examples_in_messages_name_an_offered_rate(unit_id):
    lab = load_lab(unit_id)
    assert EXAMPLE_RATE in lab.rates
    assert SAVE_EXAMPLE == f"save_choice(learning_rate={EXAMPLE_RATE})"
    written = choice_text(lab, EXAMPLE_RATE).replace(f"learning_rate = {EXAMPLE_RATE}", "")
    # The TOML example, pasted under [lab] as the messages say, gives a file that reads back.
    assert parse_choice(written.rstrip() + "\n" + TOML_EXAMPLE + "\n").learning_rate == EXAMPLE_RATE


def test_the_default_file_is_in_the_units_folder():
    path = default_path("c1w4")
    assert path.name == "lab_choice.toml" and path.parent.name == "c1w4"


@pytest.mark.parametrize("code, words", [("en", "iterations each"), ("ar", "تكرار")])
def test_a_written_choice_reads_back_with_comments_in_the_language(tmp_path, lang, code, words):
    lang(code)
    text = choice_text(LAB, 0.0075)
    assert words in text and rates_text(LAB.rates) == "0.001, 0.0075, 0.03, 0.1"
    assert rates_text(LAB.rates) in text
    assert all(line.startswith("#") for line in text.split("[lab]")[0].strip().splitlines())
    path = tmp_path / "lab_choice.toml"
    assert write_choice(path, text) is None
    choice = read_choice(path)
    assert (choice.unit, choice.learning_rate, choice.path) == ("c1w4", 0.0075, path)


def test_replacing_a_file_keeps_a_backup(tmp_path):
    path = tmp_path / "lab_choice.toml"
    write_choice(path, choice_text(LAB, 0.1))
    backup = write_choice(path, choice_text(LAB, 0.03))
    assert backup is not None and ".amiq-backups" in backup.parts
    assert read_choice(backup).learning_rate == 0.1 and read_choice(path).learning_rate == 0.03


def test_an_integer_rate_and_a_byte_order_mark_are_accepted():
    assert parse_choice('\ufeff[lab]\nunit = "c1w4"\nlearning_rate = 1\n').learning_rate == 1.0


@pytest.mark.parametrize("text, words", [
    ("[lab\n", "not valid TOML"),
    ("learning_rate = 0.03\n", "no [lab] table"),
    ('[lab]\nlearning_rate = 0.03\n', "no [lab] table"),
    ('[lab]\nunit = "c1w4"\n', "holds no learning rate"),
    ('[lab]\nunit = "c1w4"\nlearning_rate = "0.03"\n', "without quotes"),
    ('[lab]\nunit = "c1w4"\nlearning_rate = true\n', "without quotes"),
    ('[lab]\nunit = "c1w4"\nlearning_rate = -0.03\n', "positive number"),
    ('[lab]\nunit = "c1w4"\nlearning_rate = nan\n', "positive number"),
    ('[lab]\nunit = "c1w4"\nlearning_rate = inf\n', "positive number"),
    ('[lab]\nunit = "c1w4"\nlearning_rate = 1' + "0" * 400 + "\n", "positive number"),
    ('[lab]\nunit = "c1w4"\nlearning_rate = ' + "9" * 5000 + "\n", "not valid TOML"),
])
def test_unusable_text_gives_a_bilingual_error_saying_what_was_expected(text, words, lang):
    lang("en")
    with pytest.raises(ChoiceError) as info:
        parse_choice(text)
    english, arabic = texts(info.value, both=True)
    assert words in english
    assert arabic != english and re.search("[\u0600-\u06FF]", arabic)


def test_files_that_are_not_choice_files(tmp_path, lang):
    lang("en")
    with pytest.raises(ChoiceMissing, match="save_choice"):
        read_choice(tmp_path / "absent.toml")
    with pytest.raises(ChoiceError, match="not a file"):
        read_choice(tmp_path)
    big = tmp_path / "big.toml"
    big.write_bytes(b"#" * (MAX_BYTES + 1))
    with pytest.raises(ChoiceError, match="too large"):
        read_choice(big)
    sparse = tmp_path / "sparse.toml"  # 3 GB that take no disk: refused without reading them
    with open(sparse, "wb") as fh:
        fh.truncate(3 * 1024 ** 3)
    with pytest.raises(ChoiceError, match="too large"):
        read_choice(sparse)
    latin = tmp_path / "latin.toml"
    latin.write_bytes('[lab]\nunit = "c1w4"\n# caf\xe9\nlearning_rate = 0.03\n'.encode("latin-1"))
    with pytest.raises(ChoiceError, match="UTF-8"):
        read_choice(latin)
