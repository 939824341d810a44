"""``amiq grade`` / ``amiq expected`` hand all arguments to the grader unchanged."""

import types

import pytest


@pytest.fixture
def fake_grader(monkeypatch):
    calls = []

    def main(argv):
        calls.append(argv)
        return 7

    monkeypatch.setitem(__import__("sys").modules, "grader.cli", types.SimpleNamespace(main=main))
    return calls


def test_grade_passes_arguments_and_exit_status(amiq, fake_grader):
    result = amiq("grade", "linear_forward", "--format", "json", "--submission", "d")
    assert result.code == 7
    assert fake_grader == [["linear_forward", "--format", "json", "--submission", "d"]]


def test_global_language_is_passed_on_unless_given(amiq, fake_grader):
    amiq("--lang", "en", "grade", "x")
    amiq("--lang", "en", "grade", "--lang", "ar")
    assert fake_grader == [["x", "--lang", "en"], ["--lang", "ar"]]


def test_grade_help_goes_to_the_grader(amiq, fake_grader):
    amiq("grade", "--help")
    assert fake_grader == [["--help"]]


def test_system_exit_from_the_grader_becomes_the_status(amiq, monkeypatch):
    def main(argv):
        raise SystemExit(2)

    monkeypatch.setitem(__import__("sys").modules, "grader.cli", types.SimpleNamespace(main=main))
    assert amiq("grade", "--bogus").code == 2


@pytest.mark.parametrize("lang, expected", [("en", "is not available"), ("ar", "غير متاح")])
def test_missing_module_is_a_clear_message(amiq, monkeypatch, lang, expected):
    monkeypatch.setitem(__import__("sys").modules, "grader.build.expected", None)
    result = amiq("--lang", lang, "expected", "--check")
    assert result.code == 1
    assert expected in result.err and "grader.build.expected" in result.err


def test_real_grader_grades_the_unfilled_stubs(amiq, tmp_path):
    pytest.importorskip("grader.cli", reason="grader.cli (the grader engine) is not there yet")
    result = amiq("--lang", "en", "grade", "--format", "json", "--output", tmp_path / "r.json")
    import json

    report = json.loads((tmp_path / "r.json").read_text())
    assert result.code == 1 and report["score"] == 0
    assert {e["status"] for e in report["exercises"]} == {"not_attempted"}


def test_lang_after_the_subcommand_is_applied_and_not_passed_to_expected(amiq, monkeypatch):
    from course import i18n

    seen = []

    def main(argv):
        seen.append((argv, i18n.current_language()))
        return 0

    monkeypatch.setitem(__import__("sys").modules, "grader.build.expected",
                        types.SimpleNamespace(main=main))
    assert amiq("expected", "--lang", "en", "--check").code == 0
    assert amiq("--lang=ar", "expected", "--check").code == 0
    assert seen == [(["--check"], "en"), (["--check"], "ar")]


def test_lang_anywhere_reaches_the_grader_once(amiq, fake_grader):
    amiq("grade", "x", "--lang", "en")
    amiq("grade", "--lang=ar", "x", "--", "--lang", "kept")
    assert fake_grader == [["x", "--lang", "en"], ["x", "--lang", "ar", "--", "--lang", "kept"]]
