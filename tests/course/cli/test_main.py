"""The ``amiq`` entry point: language selection, help, errors, and the installed entry."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from course.cli.main import _strip_global_lang, scan_language

ROOT = Path(__file__).resolve().parents[3]


def test_scan_language_global_and_local():
    assert scan_language(["--lang", "en", "train"]) == ("en", "en")
    assert scan_language(["train", "--lang=ar"]) == ("ar", None)
    assert scan_language(["grade", "--", "--lang", "en"]) == (None, None)


def test_strip_global_lang_keeps_the_subcommands_arguments():
    assert _strip_global_lang(["--lang", "en", "grade", "--lang", "ar", "x"]) == [
        "grade", "--lang", "ar", "x"]


def test_help_in_english_lists_every_command(amiq):
    result = amiq("--lang", "en", "--help")
    assert result.code == 0
    for command in ("stubs", "data", "train", "release", "grade", "expected"):
        assert command in result.out
    assert "usage: amiq" in result.out


def test_help_in_arabic(amiq):
    result = amiq("--lang", "ar", "--help")
    assert result.code == 0
    assert "الاستعمال" in result.out and "مصنِّف القطط" in result.out


def test_default_language_is_arabic_without_environment(amiq, monkeypatch):
    for var in ("AMIQ_LANG", "LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        monkeypatch.delenv(var, raising=False)
    assert "الاستعمال" in amiq("--help").out


def test_language_from_environment(amiq, monkeypatch):
    monkeypatch.setenv("AMIQ_LANG", "en")
    assert "usage: amiq" in amiq("--help").out


@pytest.mark.parametrize("lang, expected", [("en", "invalid choice"), ("ar", "اختيار غير صالح")])
def test_unknown_command_is_a_translated_usage_error(amiq, lang, expected):
    result = amiq("--lang", lang, "trian")
    assert result.code == 2
    assert expected in result.err and "trian" in result.err and "amiq --help" in result.err


def test_missing_subcommand(amiq):
    result = amiq("--lang", "en")
    assert result.code == 2 and "missing required arguments" in result.err


def test_unsupported_language_is_refused_in_both_languages(amiq):
    result = amiq("--lang", "fr", "--help")
    assert result.code == 2
    assert "unsupported language" in result.err and "لغة غير مدعومة" in result.err


def test_python_dash_m_entry_point_runs_in_a_fresh_process():
    env = {**os.environ, "PYTHONPATH": str(ROOT), "AMIQ_DATA_DIR": "/data/elsewhere"}
    proc = subprocess.run([sys.executable, "-m", "course.cli", "--lang", "en", "data", "where"],
                          capture_output=True, text=True, env=env, cwd=ROOT, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "/data/elsewhere"


def test_lang_is_accepted_after_nested_subcommands(amiq, tmp_path):
    result = amiq("data", "check", "--data-dir", tmp_path, "--lang", "en")
    assert result.code == 1 and "Data files missing from" in result.err


def test_student_bundle_hides_instructor_commands(amiq, monkeypatch):
    from course.cli import main as main_module

    monkeypatch.setattr(main_module, "missing_instructor_part",
                        lambda command: {"stubs": "solutions/", "release": "solutions/",
                                         "expected": "grader.build.expected"}.get(command))
    help_text = amiq("--lang", "en", "--help").out
    listed = {line.split()[0] for line in help_text.splitlines() if line.startswith("    ")}
    assert {"data", "train", "grade"} <= listed
    assert not listed & {"stubs", "release", "expected"}
    result = amiq("--lang", "en", "stubs", "--check")
    lines = result.err.strip().splitlines()
    assert result.code == 1 and "amiq stubs is not available" in lines[0]
    assert lines[1].startswith("خطأ: ") and "غير متاح" in lines[1]


def test_missing_instructor_part_in_this_checkout():
    from course.cli.paths import missing_instructor_part

    assert [missing_instructor_part(c) for c in ("stubs", "release", "expected", "train")] == [
        None, None, None, None]


def test_usage_errors_are_bilingual(amiq):
    result = amiq("--lang", "en", "train", "--iterations", "0")
    assert result.code == 2
    assert "expected a positive integer" in result.err and "عدد صحيح موجب" in result.err
    assert result.err.index("expected a positive") < result.err.index("عدد صحيح موجب")
