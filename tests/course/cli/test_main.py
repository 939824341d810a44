"""The ``amiq`` entry point: language selection, one parser tree, errors, the installed entry."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from course.cli.main import requested_language

ROOT = Path(__file__).resolve().parents[3]
ARABIC = range(0x0600, 0x0700)


def has_arabic(text):
    return any(ord(ch) in ARABIC for ch in text)


@pytest.mark.parametrize("argv, expected", [
    (["--lang", "en", "train"], "en"),
    (["train", "--lang=ar"], "ar"),
    (["--lang", "ar", "data", "check", "--lang", "en"], "en"),  # the last one wins
    (["grade", "--", "--lang", "en"], None),  # after "--" it is an exercise id
    (["--lang", "fr"], None),  # reported by the full parser
    (["--lang"], None),
    (["units"], None),
])
def test_requested_language(argv, expected):
    assert requested_language(argv) == expected


def test_help_in_english_lists_every_command(amiq):
    result = amiq("--lang", "en", "--help")
    assert result.code == 0
    for command in ("units", "stubs", "data", "train", "release", "grade", "expected", "docs"):
        assert f"    {command} " in result.out
    assert result.out.startswith("usage: amiq")


def test_help_in_arabic(amiq):
    result = amiq("--lang", "ar", "--help")
    assert result.code == 0
    assert result.out.startswith("الاستعمال: amiq") and "مصنِّف القطط" in result.out


def test_default_language_is_arabic_without_environment(amiq, monkeypatch):
    for var in ("AMIQ_LANG", "LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        monkeypatch.delenv(var, raising=False)
    assert amiq("--help").out.startswith("الاستعمال")


def test_language_from_environment(amiq, monkeypatch):
    monkeypatch.setenv("AMIQ_LANG", "en")
    assert amiq("--help").out.startswith("usage: amiq")


@pytest.mark.parametrize("argv", [
    ["--lang", "en", "units"],
    ["units", "--lang", "en"],
    ["--lang=ar", "units", "--lang=en"],
    ["units", "--lang", "ar", "--lang", "en"],
])
def test_lang_before_or_after_the_subcommand(amiq, argv, monkeypatch):
    monkeypatch.setenv("AMIQ_LANG", "ar")
    result = amiq(*argv)
    assert result.code == 0, result.err
    assert "Building a deep neural network" in result.out and not has_arabic(result.out)


@pytest.mark.parametrize("argv", [["--lang", "en", "data", "where", "--lang", "ar", "--help"],
                                  ["data", "where", "--help", "--lang", "ar"]])
def test_lang_after_nested_subcommands_translates_their_help(amiq, argv):
    result = amiq(*argv)
    assert result.code == 0 and result.out.startswith("الاستعمال: amiq data where")


def test_lang_given_before_is_kept_by_a_subcommand_without_it(amiq, tmp_path):
    result = amiq("--lang", "en", "data", "check", "--data-dir", tmp_path)
    assert result.code == 1 and result.err.startswith("error: Data files missing from")


@pytest.mark.parametrize("lang, first, second", [("en", "invalid choice", "اختيار غير صالح"),
                                                 ("ar", "اختيار غير صالح", "invalid choice")])
def test_unknown_command_is_a_bilingual_usage_error(amiq, lang, first, second):
    result = amiq("--lang", lang, "trian")
    assert result.code == 2
    assert first in result.err and second in result.err and "trian" in result.err
    assert result.err.index(first) < result.err.index(second)  # chosen language first
    assert "amiq --help" in result.err


@pytest.mark.parametrize("argv, hint", [(["units", "--bogus"], "amiq units --help"),
                                        (["--bogus", "units"], "amiq units --help"),
                                        (["data", "where", "--bogus"], "amiq data --help"),
                                        (["grade", "--bogus"], "amiq grade --help")])
def test_unknown_option_is_a_bilingual_usage_error(amiq, argv, hint):
    result = amiq("--lang", "en", *argv)
    assert result.code == 2
    assert "unrecognised arguments: --bogus" in result.err and "وسائط غير معروفة" in result.err
    assert f"Run {hint} to see the expected arguments." in result.err


def test_missing_subcommand(amiq):
    result = amiq("--lang", "en")
    assert result.code == 2
    assert "missing required arguments: COMMAND" in result.err and has_arabic(result.err)


def test_missing_nested_action(amiq):
    result = amiq("--lang", "en", "docs")
    assert result.code == 2 and "missing required arguments: ACTION" in result.err


def test_unsupported_language_is_refused_in_both_languages(amiq):
    result = amiq("--lang", "fr", "--help")
    assert result.code == 2
    assert "'fr'" in result.err and "invalid choice" in result.err
    assert "اختيار غير صالح" in result.err


def test_usage_errors_are_bilingual(amiq):
    result = amiq("--lang", "en", "train", "--iterations", "0")
    assert result.code == 2
    assert "expected a positive integer" in result.err and "عدد صحيح موجب" in result.err
    assert result.err.index("expected a positive") < result.err.index("عدد صحيح موجب")


def test_python_dash_m_entry_point_runs_in_a_fresh_process():
    env = {**os.environ, "PYTHONPATH": str(ROOT), "AMIQ_DATA_DIR": "/data/elsewhere"}
    proc = subprocess.run([sys.executable, "-m", "course.cli", "--lang", "en", "data", "where"],
                          capture_output=True, text=True, env=env, cwd=ROOT, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "/data/elsewhere"


def test_student_bundle_hides_instructor_commands(amiq, monkeypatch):
    from course.cli import main as main_module

    monkeypatch.setattr(main_module, "missing_instructor_part",
                        lambda command: {"stubs": "solutions/", "release": "solutions/",
                                         "docs": "course.authoring",
                                         "expected": "grader.build.expected"}.get(command))
    help_text = amiq("--lang", "en", "--help").out
    listed = {line.split()[0] for line in help_text.splitlines() if line.startswith("    ")}
    assert {"units", "data", "train", "grade"} <= listed
    assert not listed & {"stubs", "release", "expected", "docs"}
    result = amiq("--lang", "en", "stubs", "--check", "--unit", "c1w4")
    lines = result.err.strip().splitlines()
    assert result.code == 2 and "amiq stubs is not available" in lines[0]
    assert lines[1].startswith("خطأ: ") and "غير متاح" in lines[1]
    result = amiq("--lang", "ar", "expected")
    assert result.code == 2 and "grader.build.expected" in result.err
    assert result.err.startswith("خطأ: ") and "is not available" in result.err


def test_missing_instructor_part_in_this_checkout():
    from course.cli.paths import missing_instructor_part

    commands = ("stubs", "release", "expected", "docs", "train", "grade", "units")
    assert [missing_instructor_part(c) for c in commands] == [None] * len(commands)


def test_a_command_error_is_printed_in_both_languages(amiq, monkeypatch):
    from course.cli import cmd_units
    from course.cli.errors import CLIError
    from course.i18n import _

    def fail(args, out):
        raise CLIError(lambda: _("Interrupted."), exit_code=4)

    monkeypatch.setattr(cmd_units, "run", fail)
    result = amiq("--lang", "en", "units")
    assert result.code == 4
    assert result.err.splitlines() == ["error: Interrupted.", "خطأ: أُوقِف التنفيذ."]


def test_interrupt_exits_130_with_a_bilingual_note(amiq, monkeypatch):
    from course.cli import cmd_units

    def interrupted(args, out):
        raise KeyboardInterrupt

    monkeypatch.setattr(cmd_units, "run", interrupted)
    result = amiq("--lang", "ar", "units")
    assert result.code == 130 and result.err.splitlines() == ["أُوقِف التنفيذ.", "Interrupted."]
