"""``amiq train`` on the synthetic stand-in and on the real data."""

import json

import pytest

PNG = b"\x89PNG\r\n\x1a\n"


def test_train_on_synthetic_data_writes_figures(amiq, synthetic_data_dir, tmp_path):
    out = tmp_path / "out"
    result = amiq("--lang", "en", "train", "--impl", "reference", "--model", "two-layer",
                  "--synthetic", "--data-dir", synthetic_data_dir, "--iterations", 101,
                  "--out", out)
    assert result.code == 0, result.err
    assert "Cost after iteration 0:" in result.out and "Cost after iteration 100:" in result.out
    assert "Train accuracy:" in result.out and "Test accuracy:" in result.out
    assert "SYNTHETIC DATA" in result.err
    for name in ("cost.png", "mislabelled.png"):
        assert (out / name).read_bytes().startswith(PNG)
    summary = json.loads((out / "summary.json").read_text())
    assert summary["synthetic"] is True and summary["iterations"] == 101
    assert summary["final_cost"] < summary["first_cost"]


def test_train_on_real_data_few_iterations(amiq, real_data_dir, tmp_path):
    result = amiq("--lang", "en", "train", "--impl", "reference", "--data-dir", real_data_dir,
                  "--iterations", 3, "--out", tmp_path)
    assert result.code == 0, result.err
    assert "Cost after iteration 0: 0.7717493284237686" in result.out
    summary = json.loads((tmp_path / "summary.json").read_text())
    assert summary["layers"] == [12288, 20, 7, 5, 1] and summary["synthetic"] is False
    assert (tmp_path / "mislabelled.png").read_bytes().startswith(PNG)


def test_quiet_prints_results_only(amiq, synthetic_data_dir, tmp_path):
    result = amiq("--lang", "en", "train", "--impl", "reference", "--synthetic", "--data-dir",
                  synthetic_data_dir, "--iterations", 5, "--quiet", "--out", tmp_path)
    assert result.code == 0 and "Cost after" not in result.out and "Test accuracy" in result.out


def test_custom_layers_and_learning_rate(amiq, synthetic_data_dir, tmp_path):
    result = amiq("--lang", "en", "train", "--impl", "reference", "--synthetic", "--data-dir",
                  synthetic_data_dir, "--iterations", 2, "--layers", "12288,4,3,1",
                  "--learning-rate", "0.01", "--out", tmp_path)
    assert result.code == 0
    summary = json.loads((tmp_path / "summary.json").read_text())
    assert summary["layers"] == [12288, 4, 3, 1] and summary["learning_rate"] == 0.01


@pytest.mark.parametrize("lang, expected", [("en", "Not attempted yet"), ("ar", "لم")])
def test_student_stubs_exit_2_without_traceback(amiq, synthetic_data_dir, tmp_path, lang,
                                                 expected):
    result = amiq("--lang", lang, "train", "--impl", "student", "--synthetic", "--data-dir",
                  synthetic_data_dir, "--iterations", 2, "--out", tmp_path)
    assert result.code == 2
    assert expected in result.err and "L_layer_model" in result.err
    assert "amiq grade" in result.err and "--impl reference" in result.err
    assert "Traceback" not in result.err


@pytest.mark.parametrize("args, expected", [
    (["--layers", "12288,7,1", "--model", "L-layer", "--layers", "100,1"],
     "number of input features"),
    (["--model", "two-layer", "--layers", "12288,7,3,1"], "exactly three sizes"),
])
def test_bad_layer_sizes_are_explained(amiq, synthetic_data_dir, tmp_path, args, expected):
    result = amiq("--lang", "en", "train", "--impl", "reference", "--synthetic", "--data-dir",
                  synthetic_data_dir, "--iterations", 2, "--out", tmp_path, *args)
    assert result.code == 1 and expected in result.err


@pytest.mark.parametrize("args", [["--learning-rate", "-1"], ["--iterations", "0"],
                                  ["--layers", "a,b"], ["--model", "3-layer"]])
def test_bad_arguments_are_usage_errors(amiq, args):
    result = amiq("--lang", "en", "train", *args)
    assert result.code == 2 and "amiq train --help" in result.err


def test_missing_data_is_a_translated_error(amiq, tmp_path):
    result = amiq("--lang", "ar", "train", "--impl", "reference", "--data-dir", tmp_path)
    assert result.code == 1 and "amiq data fetch SOURCE" in result.err
    assert "Traceback" not in result.err
