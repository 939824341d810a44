"""The learning-rate lab's notebook cells: the sweep with the student's functions, and the choice."""

import warnings

import pytest

from course.data import load_data, preprocess
from course.lab_choice import read_choice
from course.notebook import lab_app
from course.notebook.cat_app import CatData
from grader.lab import load_lab

LAB = load_lab("c1w4")


@pytest.fixture
def english(lang):
    lang("en")


@pytest.fixture
def choice_path(tmp_path, monkeypatch):
    """``save_choice`` writes here instead of the checkout's course/c1w4/lab_choice.toml."""
    path = tmp_path / "course" / "c1w4" / "lab_choice.toml"
    path.parent.mkdir(parents=True)
    monkeypatch.setattr("course.lab_choice.default_path", lambda unit: path)
    return path


@pytest.fixture(scope="module")
def stand_in(tmp_path_factory):
    from course.data import synthesize

    folder = tmp_path_factory.mktemp("stand-in")
    synthesize(folder)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the stand-in's warning, expected here
        train_x_orig, train_y, test_x_orig, test_y, classes = load_data(folder, synthetic=True)
    return CatData(train_x_orig, train_y, test_x_orig, test_y, classes, preprocess(train_x_orig),
                   preprocess(test_x_orig), synthetic=True)


# ------------------------------------------------------------------------------ the choice


@pytest.mark.parametrize("value, words", [
    (None, "Give the learning rate"),
    ("fast", "must be a number"),
    (True, "must be a number"),
    (float("nan"), "must be a number"),
    (0.02, "is not one of the learning rates"),
])
def test_no_file_is_written_for_a_choice_that_cannot_count(choice_path, english, capsys, value,
                                                           words):
    assert lab_app.save_choice(value) is None
    out = capsys.readouterr().out
    assert words in out and "0.001, 0.0075, 0.03, 0.1" in out
    assert not choice_path.exists()


def test_a_choice_is_saved_then_replaced_with_a_backup(choice_path, english, capsys):
    assert lab_app.save_choice(0.1) == choice_path
    assert read_choice(choice_path).learning_rate == 0.1
    assert 'grader.check("c1w4.lab")' in capsys.readouterr().out
    assert lab_app.save_choice("0.03") == choice_path  # a number typed as text is fine
    out = capsys.readouterr().out
    assert "is saved" in out and ".amiq-backups" in out
    assert read_choice(choice_path).learning_rate == 0.03
    backups = list((choice_path.parent / ".amiq-backups").rglob("lab_choice.toml"))
    assert [read_choice(b).learning_rate for b in backups] == [0.1]


def test_the_same_choice_again_leaves_the_file_alone(choice_path, english, capsys):
    lab_app.save_choice(0.03)
    before = choice_path.stat().st_mtime_ns
    lab_app.save_choice(0.03)
    assert "already saved" in capsys.readouterr().out
    assert choice_path.stat().st_mtime_ns == before
    assert not (choice_path.parent / ".amiq-backups").exists()


def test_messages_are_in_arabic_in_an_arabic_notebook(choice_path, lang, capsys):
    lang("ar")
    lab_app.save_choice(0.03)
    assert "اختيارك" in capsys.readouterr().out


# ------------------------------------------------------------------------------ the sweep


def test_with_the_stubs_the_sweep_says_what_to_write_first(stand_in, english, capsys):
    # The checkout's course/c1w4 modules are the untouched stubs.
    assert lab_app.run_lab(stand_in, jobs=1) is None
    out = capsys.readouterr().out
    assert "cannot run yet" in out and "two_layer_model" in out


def test_the_sweep_runs_the_labs_settings_with_the_students_functions(stand_in, english, capsys,
                                                                      monkeypatch):
    from course.train import impl

    # "The student's" functions are the reference here (the checkout's files are stubs).
    monkeypatch.setitem(impl.IMPLEMENTATIONS, "student", "solutions.c1w4.cat_classifier")
    shown = []
    monkeypatch.setattr(lab_app, "show_png", lambda draw, name: shown.append(name))
    result = lab_app.run_lab(stand_in, jobs=1)
    assert result.engine == "student" and result.iterations == LAB.iterations
    assert [s.learning_rate for s in result.settings] == list(LAB.rates)
    assert tuple(result.layers) == LAB.layers and shown == ["lab.png"]
    out = capsys.readouterr().out
    assert "stand-in" in out  # the curves are not the course's, and the student is told
    for s in result.settings:
        assert f"learning rate {s.learning_rate:g}: final cost" in out
