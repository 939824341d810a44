"""course.cli.grade_options: what ``amiq grade quiz`` and ``amiq grade lab`` refuse, and how."""

import argparse
import re

import pytest

from course.cli.errors import CLIError
from course.cli.grade_options import (EXERCISE_OPTIONS, check_output_folder,
                                      check_single_report_options, options_given,
                                      refuse_options_of)
from course.cli.output import texts
from course.i18n import _

NOTE_OPTIONS = (("note", "--note", None), ("loud", "--loud", False))


def _args(**given):
    """``amiq grade note``'s arguments with nothing else set, then ``given``."""
    defaults = {"exercises": ["note"], "format": "text", "output": None, "note": None,
                "loud": False, **{attribute: unset for attribute, _o, unset in EXERCISE_OPTIONS}}
    return argparse.Namespace(**{**defaults, **given})


def _check(args):
    check_single_report_options(
        args, "amiq grade quiz",
        grades_only=lambda: _("{command} grades the quiz only; it does not take {options}."),
        formats_are=lambda: _("The quiz report is text or json, not {format}."))


def _both(error):
    english, arabic = texts(error, both=True)
    assert re.search("[\u0600-\u06FF]", arabic) and arabic != english
    return english, arabic


def test_only_the_options_set_are_given():
    assert options_given(_args(), NOTE_OPTIONS) == []
    assert options_given(_args(note="x.toml", loud=True), NOTE_OPTIONS) == ["--note", "--loud"]
    # An attribute the parser does not have counts as unset.
    assert options_given(argparse.Namespace(), NOTE_OPTIONS) == []


def test_a_commands_own_options_elsewhere_name_the_command(lang):
    lang("en")
    refuse_options_of("amiq grade note", NOTE_OPTIONS, _args())  # none given: accepted
    with pytest.raises(CLIError) as info:
        refuse_options_of("amiq grade note", NOTE_OPTIONS, _args(note="x.toml", loud=True))
    english, arabic = _both(info.value)
    assert info.value.exit_code == 2
    assert english == "--note --loud only go with amiq grade note."
    assert "--note --loud" in arabic and "amiq grade note" in arabic


def test_usable_options_pass(tmp_path):
    _check(_args())
    _check(_args(format="json", output=str(tmp_path / "report.json")))
    _check(_args(output="report.txt"))  # the current folder


@pytest.mark.parametrize("attribute, option, value", [
    (attribute, option, "1" if unset is None else True)
    for attribute, option, unset in EXERCISE_OPTIONS])
def test_each_option_of_exercise_grading_is_refused(attribute, option, value, lang):
    lang("en")
    with pytest.raises(CLIError) as info:
        _check(_args(**{attribute: value}))
    english, arabic = _both(info.value)
    assert info.value.exit_code == 2
    assert english == f"amiq grade quiz grades the quiz only; it does not take {option}."
    assert option in arabic


def test_extra_ids_are_listed_with_the_other_options(lang):
    lang("en")
    with pytest.raises(CLIError) as info:
        _check(_args(exercises=["quiz", "c1w4.linear_forward", "x"], hidden=True, seed=3))
    english, _arabic = _both(info.value)
    assert english.endswith("does not take --hidden, --seed, c1w4.linear_forward x.")


def test_a_report_format_other_than_text_or_json_is_refused(lang):
    lang("en")
    with pytest.raises(CLIError) as info:
        _check(_args(format="junit"))
    english, arabic = _both(info.value)
    assert info.value.exit_code == 2 and "junit" in english and "junit" in arabic


def test_an_output_file_in_a_missing_folder_is_refused(tmp_path, lang):
    lang("en")
    check_output_folder(_args())  # no --output: nothing to check
    with pytest.raises(CLIError) as info:
        check_output_folder(_args(output=str(tmp_path / "absent" / "report.txt")))
    english, arabic = _both(info.value)
    assert info.value.exit_code == 2
    assert str(tmp_path / "absent") in english and str(tmp_path / "absent") in arabic


@pytest.mark.parametrize("argv, words", [
    (("grade", "lab", "--answers", "a.toml"), "--answers only go with amiq grade quiz."),
    (("grade", "lab", "--student", "s1"), "--student only go with amiq grade quiz."),
    (("grade", "quiz", "--choice", "c.toml"), "--choice only go with amiq grade lab."),
    (("grade", "c1w4.linear_forward", "--choice", "c.toml"),
     "--choice only go with amiq grade lab."),
])
def test_amiq_grade_refuses_the_quizs_and_the_labs_options_alike(amiq, argv, words):
    result = amiq("--lang", "en", *argv)
    assert result.code == 2 and words in result.err, result.err
