"""The terminal view: header, table rows, failing checks with mistakes, an honest summary."""

import re

import pytest

from course.i18n import LRI, PDI
from grader.report import render
from report_fixtures import SEED, UNIT, all_passed_report, make_report


def test_rows_feedback_and_mistake_in_english():
    text = render(make_report(), "text", "en")
    assert re.search(r"3\. linear_forward\s+2 / 4\s+partly passed", text)
    assert "6. compute_cost" in text and "not attempted yet" in text
    assert "✗ Z has the right values" in text
    assert "Z has shape (12288, 209)." in text
    assert "Likely mistake: W was transposed." in text
    assert "How to fix it: Use np.dot(W, A), not np.dot(W.T, A)." in text
    assert "Score: 2 / 6 (public checks only)." in text
    assert "1 of 3 checks passed." in text
    assert "1 exercise is not attempted yet." in text
    assert "5 hidden checks also run when your work is graded." in text


@pytest.mark.parametrize("isolation", ["namespaces", "process"])
def test_header_names_unit_mode_and_isolation_but_no_seed(isolation):
    lines = render(make_report(isolation=isolation), "text", "en").splitlines()
    assert lines[0] == "Amiq grader: unit c1w4, public checks only"
    assert lines[1] == "Submission: /tmp/s"
    assert lines[2] == f"Sandbox isolation: {isolation}"
    header = lines[:lines.index("─" * 60)]
    assert sum(isolation in line for line in header) == 1  # named once
    hidden = render(make_report(mode="hidden", isolation=isolation), "text", "en").splitlines()
    assert hidden[0] == "Amiq grader: unit c1w4, public and hidden checks"
    assert hidden[2] == f"Sandbox isolation: {isolation}"
    for lang in ("en", "ar"):
        assert str(SEED) not in render(make_report(), "text", lang)


def test_process_isolation_is_warned_about_in_the_summary():
    text = render(make_report(isolation="process"), "text", "en")
    assert "process isolation only" in text
    assert "process isolation only" not in render(make_report(), "text", "en")


def test_summary_is_honest_when_only_public_checks_ran():
    text = render(all_passed_report(hidden_pending=12), "text", "en")
    assert "Public checks passed; 12 hidden checks run when your work is graded." in text
    assert "all tests passed" not in text.lower() and "all checks passed" not in text.lower()
    unknown = render(all_passed_report(hidden_pending=None), "text", "en")
    assert "Public checks passed; hidden checks run when your work is graded." in unknown
    none_left = render(all_passed_report(hidden_pending=0), "text", "en")
    assert "Public checks passed." in none_left and "hidden" not in none_left.split("─")[-1]


def test_hidden_mode_summary_and_statuses():
    text = render(make_report(mode="hidden"), "text", "en")
    assert "(public and hidden checks)" in text
    assert "[timed out]" in text
    assert "hidden checks also run" not in text


def test_colours_only_when_asked():
    assert "\033[" not in render(make_report(), "text", "en", color=False)
    coloured = render(make_report(), "text", "en", color=True)
    assert "\033[32m" in coloured or "\033[33m" in coloured
    assert "\033[31m" in coloured


def test_arabic_is_translated_and_isolated():
    text = render(make_report(), "text", "ar")
    assert "الدرجة" in text and "لم يُحَلّ بعد" in text
    assert f"{LRI}12288" not in text  # the whole shape is one isolate, not split
    assert f"{LRI}(12288, 209)" in text
    assert "Score:" not in text
    for line in text.splitlines():
        if "linear_forward" in line:
            assert f"{LRI}" in line


def test_multi_line_isolates_are_balanced_per_line():
    from grader.report.text import _split_isolated

    lines = _split_isolated(f"موضع حدوثه:\n{LRI}Traceback\n  File x\nValueError{PDI}")
    assert len(lines) == 4
    for line in lines:
        assert line.count(LRI) == line.count(PDI)
    assert lines[0] == "موضع حدوثه:"
    assert lines[1] == f"{LRI}Traceback{PDI}"
    assert lines[3] == f"{LRI}ValueError{PDI}"


def test_identical_error_blocks_are_shown_once_per_exercise():
    from grader.feedback import Message, StudentError
    from grader.report.text import render_text
    from grader.runner.results import CheckResult, ExerciseResult, Report

    error = StudentError("ValueError", "bad", 'Traceback (most recent call last):\n  File "x.py"\n')
    checks = []
    for visibility in ("public", "hidden"):
        check = CheckResult(f"c1w4.compute_cost/{visibility}/values", "compute_cost", "values",
                            visibility, Message("Z has the right values"), 2.0)
        check.set("error", error.message(), error.details())
        checks.append(check)
    ex = ExerciseResult(UNIT.exercise("compute_cost"), checks)
    report = Report(unit="c1w4", seed=1, mode="hidden", exercises=[ex])
    en = render_text(report, "en")
    assert en.count("Where it happened:") == 1 and en.count("Same error as above.") == 1
    ar = render_text(report, "ar")
    assert ar.count("الخطأ نفسه المذكور أعلاه.") == 1
    # A traceback ending in a newline leaves no line holding only bidi isolates.
    assert all(line.replace(LRI, "").replace(PDI, "").strip() for line in ar.splitlines())


def test_report_repr_is_short():
    text = repr(make_report())
    assert text.startswith("<Report c1w4 public ") and len(text) < 60


def test_a_trailing_newline_inside_an_isolate_adds_no_empty_line():
    from grader.report.text import _split_isolated

    lines = _split_isolated(f"موضع حدوثه:\n{LRI}Traceback\n  File x\n{PDI}")
    assert lines == ["موضع حدوثه:", f"{LRI}Traceback{PDI}", f"{LRI}  File x{PDI}"]
