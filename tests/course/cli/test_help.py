"""Every command's ``--help``, in both languages, is complete: no English left in the Arabic help.

The tree of commands is read from the help itself (a subcommand is listed on a line indented by
four spaces), so a new command is checked without editing this file.
"""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
ARABIC_LETTER = re.compile("[\u0600-\u06ff]")
SUBCOMMAND = re.compile(r"^ {4}([a-z][\w-]*)(?: |$)", re.MULTILINE)
# What argparse itself writes in English: headings, the usage prefix, and the default suffix
# Python 3.10's BooleanOptionalAction appends.
ARGPARSE_ENGLISH = re.compile(r"\b(usage|options|positional arguments|commands|actions|"
                              r"default|show this help message)\b")
ISOLATED = re.compile("\u2066[^\u2069]*\u2069")
# An invocation only: option strings, METAVARS, {choices}, "..." and brackets.
INVOCATION = re.compile(r"^(?:\s|,|-{1,2}[\w-]+|[A-Z][A-Z_]*|\{[^}]*\}|\.\.\.|\[|\]|\|)*$")


@pytest.fixture
def help_of(amiq, monkeypatch):
    """``help_of(lang, *command)``: the help text of a (sub)command, never wrapped."""
    monkeypatch.setenv("COLUMNS", "10000")

    def run(lang, *command):
        result = amiq("--lang", lang, *command, "--help")
        assert result.code == 0, result.err
        return result.out

    return run


def _tree(help_of, path=()):
    found = [path]
    for name in SUBCOMMAND.findall(help_of("en", *path)):
        found += _tree(help_of, path + (name,))
    return found


def test_the_tree_has_every_command(help_of):
    tree = _tree(help_of)
    assert {("units",), ("grade",), ("data", "fetch"), ("docs", "sync"), ("expected",),
            ("release",), ("stubs",), ("train",)} <= set(tree)
    assert len(tree) == len(set(tree)) >= 14


def test_every_help_is_translated(help_of):
    untranslated = []
    for path in _tree(help_of):
        english, arabic = help_of("en", *path), help_of("ar", *path)
        assert english.startswith("usage: amiq") and arabic.startswith("الاستعمال: amiq")
        en_lines, ar_lines = english.splitlines(), arabic.splitlines()
        assert len(en_lines) == len(ar_lines), path  # same layout, line for line
        for en, ar in zip(en_lines, ar_lines):
            if en == ar and not INVOCATION.match(en):
                untranslated.append(f"amiq {' '.join(path)}: {en.strip()}")
            elif en != ar and not ARABIC_LETTER.search(ar):
                untranslated.append(f"amiq {' '.join(path)}: {ar.strip()}")
            if ARGPARSE_ENGLISH.search(ISOLATED.sub("", ar)):
                untranslated.append(f"amiq {' '.join(path)}: argparse's English in {ar!r}")
    assert untranslated == []


def test_english_help_has_its_headings(help_of):
    text = help_of("en", "data")
    assert "options:" in text and "actions:" in text
    assert "positional arguments:" in help_of("en", "grade")
    assert "commands:" in help_of("en")


def test_arabic_usage_continuation_lines_follow_the_longer_prefix(amiq, monkeypatch):
    monkeypatch.setenv("COLUMNS", "60")
    usage = amiq("--lang", "ar", "grade", "--help").out.split("\n\n")[0].splitlines()
    assert len(usage) > 1
    opening = usage[0].index("[")  # the first option, just after "amiq grade "
    assert all(line.index("[") == opening for line in usage[1:] if line.lstrip().startswith("["))


def test_python_dash_m_grader_help_is_amiq_grade_help():
    env = {**os.environ, "PYTHONPATH": str(ROOT), "COLUMNS": "100", "AMIQ_LANG": "en"}

    def help_text(*command):
        proc = subprocess.run([sys.executable, "-m", *command, "--help"], capture_output=True,
                              text=True, env=env, cwd=ROOT, timeout=120)
        assert proc.returncode == 0, proc.stderr
        return proc.stdout

    grader_help = help_text("grader")
    assert grader_help.startswith("usage: amiq grade")
    assert grader_help == help_text("course.cli", "grade")
