"""The cat application's cells: data loading, training, figures and "try your own image"."""

import types

import numpy as np
import pytest
from PIL import Image

from course.cli.output import texts
from course.data import preprocess
from course.notebook import cat_app
from course.notebook.session import NotebookStop
from solutions.c1w4 import cat_classifier as reference


@pytest.fixture
def english(lang):
    lang("en")


@pytest.fixture
def reference_as_student(monkeypatch):
    """Train "the student's" code with the reference (the checkout's files are stubs)."""
    from course.train import impl

    monkeypatch.setitem(impl.IMPLEMENTATIONS, "student", "solutions.c1w4.cat_classifier")


# ------------------------------------------------------------------------------ pictures


@pytest.mark.parametrize("mode, size, fmt", [
    ("RGB", (64, 64), "PNG"), ("RGBA", (120, 80), "PNG"), ("L", (30, 50), "JPEG"),
    ("P", (64, 64), "PNG"), ("RGB", (640, 480), "JPEG"),
])
def test_any_picture_becomes_64_by_64_rgb(tmp_path, mode, size, fmt):
    path = tmp_path / f"picture.{fmt.lower()}"
    Image.new(mode, size, color=128 if mode in ("L", "P") else (200, 30, 10, 255)[:len(mode)]).save(path, fmt)
    picture = cat_app.read_picture(path)
    assert picture.shape == (64, 64, 3) and picture.dtype == np.uint8


def test_a_64_by_64_picture_is_read_unchanged(tmp_path):
    pixels = np.random.default_rng(0).integers(0, 256, size=(64, 64, 3), dtype=np.uint8)
    Image.fromarray(pixels).save(tmp_path / "same.png")
    np.testing.assert_array_equal(cat_app.read_picture(tmp_path / "same.png"), pixels)


@pytest.mark.parametrize("make, reason_en", [
    (lambda d: d / "missing.jpg", "there is no such file"),
    (lambda d: d, "it is a folder, not a file"),
    (lambda d: (d / "notes.png").write_text("hello") and d / "notes.png",
     "it is not a picture Pillow can read"),
    (lambda d: "", "no path was given"),
])
def test_unreadable_files_give_a_bilingual_message(tmp_path, make, reason_en, english):
    path = make(tmp_path)
    with pytest.raises(cat_app.PictureError) as info:
        cat_app.read_picture(path)
    english_text, arabic_text = texts(info.value, both=True)
    assert reason_en in english_text and "JPEG or PNG" in english_text
    assert "تعذّرت قراءة" in arabic_text and "JPEG" in arabic_text


def test_a_truncated_picture_is_reported_as_damaged(tmp_path, english):
    Image.new("RGB", (200, 200), (10, 200, 30)).save(tmp_path / "whole.png")
    data = (tmp_path / "whole.png").read_bytes()
    (tmp_path / "cut.png").write_bytes(data[: len(data) // 2])
    with pytest.raises(cat_app.PictureError) as info:
        cat_app.read_picture(tmp_path / "cut.png")
    assert "the picture's data is damaged" in str(info.value)


def test_classifying_a_picture_uses_the_trained_model(tmp_path, reference_as_student, capsys, english):
    parameters = reference.initialize_parameters_deep_scaled([12288, 4, 1])
    pixels = np.random.default_rng(1).integers(0, 256, size=(64, 64, 3), dtype=np.uint8)
    Image.fromarray(pixels).save(tmp_path / "mine.png")
    label, probability = cat_app.classify_picture(tmp_path / "mine.png",
                                                  types.SimpleNamespace(parameters=parameters))
    expected, _ = reference.L_model_forward(preprocess(pixels[np.newaxis]), parameters)
    assert probability == pytest.approx(float(expected[0, 0]), rel=1e-12)
    assert label == int(expected[0, 0] > 0.5)
    assert f"{probability:.3f}" in capsys.readouterr().out


def test_classifying_needs_a_readable_file_and_a_model(tmp_path, capsys, english):
    assert cat_app.classify_picture(tmp_path / "nothing.jpg", None) is None
    english_line, arabic_line = capsys.readouterr().out.strip().splitlines()
    assert "nothing.jpg" in english_line and "nothing.jpg" in arabic_line
    Image.new("RGB", (64, 64)).save(tmp_path / "black.png")
    assert cat_app.classify_picture(tmp_path / "black.png", None) is None
    assert "No trained model yet" in capsys.readouterr().out


# ------------------------------------------------------------------------------ data


def test_missing_data_stops_the_cell_with_what_to_do(tmp_path, monkeypatch, english):
    monkeypatch.setenv("AMIQ_DATA_DIR", str(tmp_path / "empty"))
    with pytest.raises(NotebookStop) as info:
        cat_app.load_cat_data()
    lines = info.value._render_traceback_()
    assert "amiq data fetch SOURCE" in lines[0] and "USE_SYNTHETIC = True" in lines[1]
    assert any("amiq data fetch SOURCE" in line and "البيانات" in line for line in lines[2:])


def test_the_synthetic_stand_in_only_when_asked(tmp_path, monkeypatch, capsys, english):
    monkeypatch.setenv("AMIQ_DATA_DIR", str(tmp_path / "empty"))
    with pytest.warns(UserWarning):
        data = cat_app.load_cat_data(synthetic=True)
    assert data.synthetic
    assert data.train_x.shape == (12288, data.train_y.shape[1])
    assert "SYNTHETIC DATA" in capsys.readouterr().out


def test_the_real_data_loads_as_the_course_names_it(real_data_dir, capsys, english):
    data = cat_app.load_cat_data(data_dir=real_data_dir)
    assert data.train_x.shape == (12288, 209) and data.test_x.shape == (12288, 50)
    assert not data.synthetic
    assert "209" in capsys.readouterr().out
    cat_app.show_picture(data, 10)
    assert f"y = {int(data.train_y[0, 10])}" in capsys.readouterr().out
    cat_app.show_picture(data, 209)
    assert "between 0 and 208" in capsys.readouterr().out


# ------------------------------------------------------------------------------ training


@pytest.fixture(scope="module")
def small_data(tmp_path_factory):
    from course.data import synthesize

    folder = tmp_path_factory.mktemp("synthetic")
    synthesize(folder)
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return _load(folder)


def _load(folder):
    from course.data import load_data

    loaded = load_data(folder, synthetic=True)
    return cat_app.CatData(*loaded, preprocess(loaded[0]), preprocess(loaded[2]), synthetic=True)


def test_training_the_students_model_reports_both_accuracies(small_data, reference_as_student,
                                                             capsys, english):
    result = cat_app.train_model("L-layer", small_data, iterations=150, layers=(12288, 5, 1))
    out = capsys.readouterr()
    assert result.iterations == 150 and len(result.costs) == 2
    assert f"{result.train_accuracy:.4f}" in out.out and f"{result.test_accuracy:.4f}" in out.out
    assert "Cost after iteration 100" in out.out
    assert "150/150" in out.err  # the progress bar, drawn even though stderr is no terminal
    curves = cat_app.show_cost_curves({"deep": result, "untrained": None})
    assert curves == {"deep": result.costs}
    wrong = cat_app.show_mislabelled(result, small_data)
    np.testing.assert_array_equal(
        wrong, np.flatnonzero(result.test_predictions[0] != small_data.test_y[0]))


def test_training_unwritten_stubs_says_what_to_write(small_data, capsys, english):
    from course.train import impl

    assert impl.IMPLEMENTATIONS["student"] == "course.c1w4.cat_classifier"  # the stubs
    assert cat_app.train_model("two-layer", small_data, iterations=5, layers=(12288, 3, 1)) is None
    out = capsys.readouterr().out
    assert "cannot be trained yet" in out and "course/c1w4/cat_classifier.py" in out
    assert cat_app.show_cost_curves({"two layers": None}) is None
    assert cat_app.show_mislabelled(None, small_data) is None
    assert capsys.readouterr().out.count("No trained model yet") == 2
