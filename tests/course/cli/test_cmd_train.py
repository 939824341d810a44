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
    assert result.code == 2 and expected in result.err


@pytest.mark.parametrize("args", [["--learning-rate", "-1"], ["--iterations", "0"],
                                  ["--layers", "a,b"], ["--model", "3-layer"]])
def test_bad_arguments_are_usage_errors(amiq, args):
    result = amiq("--lang", "en", "train", *args)
    assert result.code == 2 and "amiq train --help" in result.err


@pytest.mark.parametrize("folder", ["empty", "missing"])
def test_missing_data_is_bad_input_in_both_languages(amiq, tmp_path, folder):
    data_dir = tmp_path if folder == "empty" else tmp_path / "missing"
    result = amiq("--lang", "ar", "train", "--impl", "reference", "--data-dir", data_dir,
                  "--out", tmp_path / "out")
    assert result.code == 2 and "amiq data fetch SOURCE" in result.err
    assert "Data files missing from" in result.err and "ملفا البيانات" in result.err
    assert "Traceback" not in result.err and not (tmp_path / "out").exists()


@pytest.mark.parametrize("args, expected", [
    (["--layers", "12288,7,2", "--model", "L-layer"], "last layer size must be 1"),
    (["--model", "two-layer", "--layers", "12288,20,7,1"], "exactly three sizes"),
])
def test_layer_sizes_are_checked_before_the_data_is_loaded(amiq, tmp_path, args, expected):
    # The data folder does not exist: the layer error must come first.
    result = amiq("--lang", "en", "train", "--impl", "reference", "--data-dir", tmp_path / "none",
                  "--out", tmp_path / "out", *args)
    assert result.code == 2 and expected in result.err and "Data files missing" not in result.err
    assert "Training the" not in result.out


def test_input_size_is_checked_before_the_header(amiq, synthetic_data_dir, tmp_path):
    result = amiq("--lang", "en", "train", "--impl", "reference", "--synthetic", "--data-dir",
                  synthetic_data_dir, "--layers", "100,7,1", "--out", tmp_path)
    assert result.code == 2 and "number of input features 12288" in result.err
    assert "Training the" not in result.out and not (tmp_path / "cost.png").exists()


@pytest.mark.parametrize("out", ["/etc/passwd", "/etc/passwd/sub"])
def test_unusable_out_folder_fails_before_training(amiq, synthetic_data_dir, out):
    result = amiq("--lang", "en", "train", "--impl", "reference", "--synthetic", "--data-dir",
                  synthetic_data_dir, "--iterations", 1, "--out", out)
    assert result.code == 2 and "/etc/passwd" in result.err and "--out" in result.err
    assert "Training the" not in result.out and "خطأ" in result.err


def test_accuracy_iterations_and_time_are_printed_cleanly(amiq, synthetic_data_dir, tmp_path):
    result = amiq("--lang", "en", "train", "--impl", "reference", "--synthetic", "--data-dir",
                  synthetic_data_dir, "--iterations", 1, "--quiet", "--out", tmp_path)
    assert result.code == 0
    assert "1 iteration," in result.out and "1 iterations" not in result.out
    accuracy_lines = [line for line in result.out.splitlines() if "accuracy:" in line]
    assert len(accuracy_lines) == 2
    for line in accuracy_lines:
        value = line.split(": ")[1].split(" ")[0]
        assert len(value.split(".")[-1]) <= 4, line  # no floating-point noise
    assert "Training took 0.0 s." not in result.out


def test_format_helpers():
    from course.cli.cmd_train import format_accuracy, format_seconds
    from course.train import accuracy

    y = __import__("numpy").ones((1, 209))
    assert accuracy(y, y) == 1.0 and format_accuracy(accuracy(y, y)) == "1.0"
    assert format_accuracy(17 / 50) == "0.34" and format_accuracy(0.9856459330143539) == "0.9856"
    assert format_seconds(0.01234) == "0.0123" and format_seconds(12.345) == "12.3"


def test_arabic_run_notes_that_figures_are_in_english(amiq, synthetic_data_dir, tmp_path):
    result = amiq("--lang", "ar", "train", "--impl", "reference", "--synthetic", "--data-dir",
                  synthetic_data_dir, "--iterations", 1, "--quiet", "--out", tmp_path)
    note = [line for line in result.out.splitlines() if "matplotlib" in line]
    assert result.code == 0 and len(note) == 1
    assert "بالإنجليزية" in note[0] and "labels are in English" in note[0]


@pytest.mark.parametrize("args, engine, method", [
    (["--impl", "reference"], "fast", "gram"),
    (["--engine", "fast"], "fast", "gram"),
    (["--engine", "reference"], "reference", None),
    (["--impl", "reference", "--engine", "reference"], "reference", None),
])
def test_summary_says_which_engine_ran(amiq, synthetic_data_dir, tmp_path, args, engine, method):
    result = amiq("--lang", "en", "train", "--synthetic", "--data-dir", synthetic_data_dir,
                  "--iterations", 20, "--quiet", "--out", tmp_path, *args)
    assert result.code == 0, result.err
    assert f"({engine} engine)" in result.out
    summary = json.loads((tmp_path / "summary.json").read_text())
    assert summary["engine"] == engine and summary["impl"] == "reference"
    assert summary["first_layer_method"] == method


def test_fast_and_reference_engines_print_the_same_costs(amiq, synthetic_data_dir, tmp_path):
    costs = {}
    for engine in ("fast", "reference"):
        result = amiq("--lang", "en", "train", "--engine", engine, "--synthetic", "--data-dir",
                      synthetic_data_dir, "--iterations", 201, "--out", tmp_path / engine)
        assert result.code == 0, result.err
        costs[engine] = [float(line.split(": ")[1]) for line in result.out.splitlines()
                         if line.startswith("Cost after iteration")]
    assert len(costs["fast"]) == 3
    assert costs["fast"] == pytest.approx(costs["reference"], rel=1e-9)


@pytest.mark.parametrize("args", [["--impl", "student", "--engine", "fast"],
                                  ["--impl", "reference", "--engine", "student"]])
def test_contradicting_engine_and_impl_fail_early(amiq, tmp_path, args):
    result = amiq("--lang", "en", "train", "--data-dir", tmp_path / "none", "--out", tmp_path,
                  *args)
    assert result.code == 2 and "give only one of the two options" in result.err
    assert "اكتفِ بأحد الخيارين" in result.err and "Data files missing" not in result.err


def test_student_engine_on_stubs_exits_2(amiq, synthetic_data_dir, tmp_path):
    result = amiq("--lang", "en", "train", "--engine", "student", "--synthetic", "--data-dir",
                  synthetic_data_dir, "--iterations", 2, "--out", tmp_path)
    assert result.code == 2 and "Not attempted yet" in result.err
