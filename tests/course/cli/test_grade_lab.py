"""``amiq grade lab``: the choice judged in both languages, exit statuses, options it refuses."""

import json

import pytest

from lab_support import write_choice


@pytest.fixture
def data_env(real_data_dir, monkeypatch):
    monkeypatch.setenv("AMIQ_DATA_DIR", str(real_data_dir))


@pytest.mark.parametrize("lang, words", [("en", ("within 10 %", "passed, 10 of 10")),
                                         ("ar", ("10 %", "نجح"))])
def test_a_good_choice_passes_with_exit_zero(amiq, tmp_path, data_env, lang, words):
    result = amiq("--lang", lang, "grade", "lab", "--choice", write_choice(tmp_path, 0.03))
    assert result.code == 0, result.out + result.err
    assert all(w in result.out for w in words)


@pytest.mark.parametrize("rate, words", [(0.001, "too small"), (0.1, "too large")])
def test_a_bad_choice_fails_with_exit_one_and_json_on_request(amiq, tmp_path, data_env, rate,
                                                              words):
    path = write_choice(tmp_path, rate)
    result = amiq("--lang", "en", "grade", "lab", "--choice", path)
    assert result.code == 1 and words in result.out
    report = tmp_path / "lab.json"
    result = amiq("--lang", "ar", "grade", "lab", "--choice", path, "--format", "json",
                  "--output", report)
    assert result.code == 1 and "c1w4.lab" in result.err  # the summary line
    data = json.loads(report.read_text(encoding="utf-8"))
    assert data["status"] == "failed" and data["lang"] == "ar" and data["choice"] == rate


def test_a_missing_file_exits_one_and_says_how_to_record_a_choice(amiq, tmp_path):
    result = amiq("--lang", "en", "grade", "lab", "--unit", "c1w4", "--choice",
                  tmp_path / "none.toml")
    assert result.code == 1 and "save_choice" in result.out


def test_without_the_reference_a_usable_choice_exits_zero_as_pending(amiq, tmp_path,
                                                                     monkeypatch):
    monkeypatch.setattr("course.train.engines.fast_available", lambda: False)
    result = amiq("--lang", "en", "grade", "lab", "--choice", write_choice(tmp_path, 0.1))
    assert result.code == 0 and "graded when submitted" in result.out


def test_without_the_data_the_command_exits_two(amiq, tmp_path, monkeypatch):
    monkeypatch.setenv("AMIQ_DATA_DIR", str(tmp_path / "nowhere"))
    result = amiq("--lang", "en", "grade", "lab", "--choice", write_choice(tmp_path, 0.03))
    assert result.code == 2 and "data" in result.err


@pytest.mark.parametrize("argv, words", [
    (("grade", "lab", "--hidden"), "--hidden"),
    (("grade", "lab", "extra"), "extra"),
    (("grade", "lab", "--format", "junit"), "text or json"),
    (("grade", "lab", "--unit", "c1w3"), "no learning-rate lab"),
    (("grade", "linear_forward", "--choice", "x.toml"), "only go with"),
])
def test_bad_input_exits_two_with_a_message(amiq, argv, words):
    result = amiq("--lang", "en", *argv)
    assert result.code == 2 and words in result.err, result.err


@pytest.mark.parametrize("lang, words", [("en", "amiq grade lab grades the learning rate"),
                                         ("ar", "مختبر معدّل التعلّم")])
def test_the_help_names_the_lab_and_its_option(amiq, lang, words):
    result = amiq("--lang", lang, "grade", "--help")
    assert "--choice" in result.out and words in " ".join(result.out.split())
