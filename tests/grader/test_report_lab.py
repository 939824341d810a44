"""The lab result as text (both languages, margin stated) and as JSON with documented fields."""

import json
import math

import pytest

from grader.lab import grade_lab
from grader.report.lab import FORMAT, FORMAT_VERSION, render, result_data, summary_line

from lab_support import CLOSE
from lab_support import sweep as _sweep
from lab_support import write_choice as _write

FIELDS = {"format", "format_version", "id", "unit", "lang", "direction", "status", "score",
          "max_score", "choice", "file", "lab", "message", "advice", "reference"}


@pytest.fixture
def failed(tmp_path):
    return grade_lab("c1w4", _write(tmp_path, 0.1), sweep=_sweep({**CLOSE, 0.1: (math.nan,
                                                                                "non-finite")}))


@pytest.fixture
def passed(tmp_path):
    return grade_lab("c1w4", _write(tmp_path, 0.03), sweep=_sweep(CLOSE))


def test_json_has_the_documented_fields_and_no_nan(failed):
    data = json.loads(render(failed, "json", "en"))
    assert set(data) == FIELDS
    assert (data["format"], data["format_version"]) == (FORMAT, FORMAT_VERSION)
    assert data["status"] == "failed" and data["score"] == 0 and data["choice"] == 0.1
    assert data["lab"]["margin"] == 0.1 and data["lab"]["rates"] == [0.001, 0.0075, 0.03, 0.1]
    assert [r["within_margin"] for r in data["reference"]] == [False, True, True, False]
    assert data["reference"][3]["final_cost"] is None and data["reference"][3]["diverged"]
    assert "diverge" in data["message"]["text"] and data["advice"]["text"]


def test_json_in_arabic_is_right_to_left_and_translated(failed):
    data = result_data(failed, "ar")
    assert data["lang"] == "ar" and data["direction"] == "rtl"
    assert data["message"]["text"] != result_data(failed, "en")["message"]["text"]


@pytest.mark.parametrize("lang, words", [
    ("en", ("within 10 %", "too large", "diverged", "failed, 0 of 10")),
    ("ar", ("10 %", "كبير جدًّا", "تباعد", "لم ينجح")),
])
def test_text_states_the_margin_the_advice_and_the_reference(failed, lang, words):
    text = render(failed, "text", lang)
    for word in words:
        assert word in text, (word, text)
    assert text.count("0.0300") == 0 and "0.03" in text  # rates as set, costs to 4 decimals
    assert "0.1000" in text  # the best final cost


@pytest.mark.parametrize("lang, word", [("en", "passed, 10 of 10"), ("ar", "نجح")])
def test_a_pass_has_no_advice(passed, lang, word):
    text = render(passed, "text", lang)
    assert word in summary_line(passed, lang) and passed.advice is None
    assert "too" not in text


def test_a_missing_file_shows_no_reference(tmp_path):
    result = grade_lab("c1w4", tmp_path / "none.toml")
    data = result_data(result, "en")
    assert data["status"] == "missing" and data["reference"] == [] and data["advice"] is None
    assert "save_choice" in render(result, "text", "en")


def test_an_unknown_format_is_refused(passed):
    with pytest.raises(ValueError, match="text or json"):
        render(passed, "xml", "en")
